//! Header fields of minutes: a label at the start of a line (`会议时间`, `主持人`,
//! `参会人员`…) and its value, in every layout minutes come in:
//!
//! * colon lines, several to a line: `会议时间:2024年4月19日  地点:村会议室`;
//! * table rows, cells split by `\t` or `|`: `时间\t2022年9月18日\t地点\t三楼`;
//! * Markdown: `**日期:** 2025年08月16日`, `- **主持人**：王强`, `| 时间 | … |`;
//! * a label alone, its values on the lines below (`**与会人员:**` over a bullet list).

use std::ops::Range;

/// What a header field states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// When the meeting was held.
    Time,
    /// Where.
    Place,
    /// Who chaired it.
    Chair,
    /// Who attended.
    Attendees,
    /// Who attended without a vote (`列席`).
    Observers,
    /// Who was absent or excused.
    Absent,
    /// Who took the minutes: not a person of the meeting.
    Recorder,
    /// What it was about.
    Topic,
    /// What the minutes say of the meeting itself: its name, its recording
    /// (`会议名称`, `会议录屏链接`). No work and no one.
    Record,
}

impl FieldKind {
    /// Whether the field's value is a list of people.
    pub fn lists_people(self) -> bool {
        matches!(
            self,
            FieldKind::Chair | FieldKind::Attendees | FieldKind::Observers | FieldKind::Absent
        )
    }
}

/// One header field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub kind: FieldKind,
    /// Where the label is.
    pub label: Range<usize>,
    /// Where its value is: the rest of its line or cell, or else the lines below
    /// it (markup and blanks trimmed from each).
    pub values: Vec<Range<usize>>,
}

/// The labels, longest first where one starts another.
const LABELS: &[(&str, FieldKind)] = &[
    ("会议时间", FieldKind::Time),
    ("开会时间", FieldKind::Time),
    ("会议日期", FieldKind::Time),
    ("时间", FieldKind::Time),
    ("日期", FieldKind::Time),
    ("会议地点", FieldKind::Place),
    ("开会地点", FieldKind::Place),
    ("地点", FieldKind::Place),
    ("会议主持人", FieldKind::Chair),
    ("会议主持", FieldKind::Chair),
    ("主持人", FieldKind::Chair),
    ("主持", FieldKind::Chair),
    ("会议主席", FieldKind::Chair),
    ("主席", FieldKind::Chair),
    ("出席会议人员", FieldKind::Attendees),
    ("出席人员", FieldKind::Attendees),
    ("出席人", FieldKind::Attendees),
    ("出席", FieldKind::Attendees),
    ("参加会议人员", FieldKind::Attendees),
    ("参加人员", FieldKind::Attendees),
    ("参加人", FieldKind::Attendees),
    ("参加", FieldKind::Attendees),
    ("参会人员", FieldKind::Attendees),
    ("参会人", FieldKind::Attendees),
    ("参会", FieldKind::Attendees),
    ("与会人员", FieldKind::Attendees),
    ("参与人员", FieldKind::Attendees),
    ("参与人", FieldKind::Attendees),
    ("参与者", FieldKind::Attendees),
    ("参会者", FieldKind::Attendees),
    ("出席者", FieldKind::Attendees),
    ("与会者", FieldKind::Attendees),
    ("到会人员", FieldKind::Attendees),
    ("实到人员", FieldKind::Attendees),
    ("列席人员", FieldKind::Observers),
    ("列席", FieldKind::Observers),
    ("缺席人员", FieldKind::Absent),
    ("缺席", FieldKind::Absent),
    ("请假人员", FieldKind::Absent),
    ("请假", FieldKind::Absent),
    ("会议记录人", FieldKind::Recorder),
    ("记录人员", FieldKind::Recorder),
    ("记录人", FieldKind::Recorder),
    ("记录员", FieldKind::Recorder),
    ("记录", FieldKind::Recorder),
    ("纪录", FieldKind::Recorder),
    ("会议名称", FieldKind::Record),
    ("会议录屏链接", FieldKind::Record),
    ("会议录屏", FieldKind::Record),
    ("会议链接", FieldKind::Record),
    ("录屏链接", FieldKind::Record),
    ("会议主题", FieldKind::Topic),
    ("会议议题", FieldKind::Topic),
    ("议题", FieldKind::Topic),
    ("主题", FieldKind::Topic),
];

/// The field a label names when it ends with one of [`LABELS`] (`会议时间`,
/// `活动时间`).
pub(crate) fn role_of(label: &str) -> Option<FieldKind> {
    LABELS
        .iter()
        .find(|(l, _)| label.ends_with(l))
        .map(|&(_, k)| k)
}

/// How many lines below a bare label its values may take.
const MAX_VALUE_LINES: usize = 40;
/// How long (characters) a line below a bare label may be and still be a value:
/// longer ones are prose.
const MAX_VALUE_LINE_CHARS: usize = 60;

/// The header fields of `text`, whose lines are `lines`.
pub(super) fn find(text: &str, lines: &[Range<usize>]) -> Vec<Field> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() && out.len() < super::FIELDS_MAX {
        let line = lines[i].clone();
        let first = out.len();
        if let Some(below) = lines.get(i + 1)
            && label_row(text, line.clone(), below.clone(), &mut out)
        {
            i += 2;
            continue;
        }
        read_line(text, line, &mut out);
        i += 1;
        // A label alone on its line: its values are the lines below.
        if out.len() == first + 1 && out[first].values.is_empty() {
            while i < lines.len() && out[first].values.len() < MAX_VALUE_LINES {
                let below = lines[i].clone();
                let value = trim_markup(text, below.clone());
                let s = &text[value.clone()];
                let ends = value.is_empty()
                    || s.starts_with('#')
                    || s.chars().count() > MAX_VALUE_LINE_CHARS
                    || label_at(text, below.start, below.end).is_some();
                if ends {
                    break;
                }
                out[first].values.push(value);
                i += 1;
            }
        }
    }
    out.retain(|f| !f.values.is_empty());
    out.truncate(super::FIELDS_MAX);
    out
}

/// The cells of a table row (`\t`-parted), as ranges of `text`.
fn cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    for (k, _) in text[line.clone()].match_indices('\t') {
        out.push(start..line.start + k);
        start = line.start + k + 1;
    }
    out.push(start..line.end);
    out
}

/// A header table of labels over values (`会议时间 | 会议地点 | 主持人` above
/// `2025-04-21 | 学术厅 | 院长 蔺涛`): a row of two or more cells each a
/// label alone, and below it a row of as many cells, each its label's value.
/// Adds the fields and returns whether `line` was such a row.
fn label_row(text: &str, line: Range<usize>, below: Range<usize>, out: &mut Vec<Field>) -> bool {
    if !text[line.clone()].contains('\t') {
        return false;
    }
    let heads = cells(text, line);
    let kinds: Vec<Option<FieldKind>> = heads
        .iter()
        .map(|c| {
            let label = text[c.clone()].trim();
            LABELS.iter().find(|(l, _)| label == *l).map(|&(_, k)| k)
        })
        .collect();
    let values = cells(text, below);
    if heads.len() < 2 || values.len() != heads.len() || kinds.iter().any(Option::is_none) {
        return false;
    }
    for ((head, kind), value) in heads.iter().zip(kinds).zip(values) {
        let value = trim_markup(text, value);
        if let Some(kind) = kind
            && !value.is_empty()
        {
            let label = skip_markup(text, head.start, head.end);
            out.push(Field {
                kind,
                label: label..head.end,
                values: vec![value],
            });
        }
    }
    true
}

/// The fields of one line (a label at its start, further ones after blanks or cell marks).
fn read_line(text: &str, line: Range<usize>, out: &mut Vec<Field>) {
    let mut at = skip_markup(text, line.start, line.end);
    // One line may hold any number of labels: the cap holds within it too.
    while out.len() < super::FIELDS_MAX
        && let Some((kind, label, value_start)) = label_at(text, at, line.end)
    {
        // The value runs to the next label standing after a blank or a cell mark.
        let mut value_end = line.end;
        let mut next = None;
        let mut prev_is_break = false;
        for (k, c) in text[value_start..line.end].char_indices() {
            let p = value_start + k;
            if prev_is_break {
                let after = skip_markup(text, p, line.end);
                if label_at(text, after, line.end).is_some() {
                    value_end = p;
                    next = Some(after);
                    break;
                }
            }
            prev_is_break = matches!(c, ' ' | '\u{3000}' | '\t' | '|' | '；' | ';');
        }
        let value = trim_markup(text, value_start..value_end);
        out.push(Field {
            kind,
            label,
            values: if value.is_empty() {
                Vec::new()
            } else {
                vec![value]
            },
        });
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
}

/// A label at `at` followed by its separator (`：`, `:`, a cell mark), as
/// `(kind, label span, where the value starts)`.
fn label_at(text: &str, at: usize, end: usize) -> Option<(FieldKind, Range<usize>, usize)> {
    let rest_at = skip_markup(text, at, end);
    let rest = &text[rest_at..end];
    let (label, kind) = LABELS.iter().find(|(l, _)| rest.starts_with(l))?;
    let label_end = rest_at + label.len();
    // Closing markup, then blanks, then the separator.
    let mut p = label_end;
    let mut blank = false;
    let after = |p: usize| &text[p..end];
    loop {
        let s = after(p);
        if let Some(t) = s.strip_prefix("**").or_else(|| s.strip_prefix("__")) {
            p = end - t.len();
        } else if let Some(t) = s.strip_prefix(['】', ']', ' ', '\u{3000}']) {
            blank |= !s.starts_with(['】', ']']);
            p = end - t.len();
        } else {
            break;
        }
    }
    let s = after(p);
    let sep = s.chars().next()?;
    let value_start = if matches!(sep, '：' | ':' | '|' | '\t') {
        p + sep.len_utf8()
    } else if blank && !text[rest_at..ahead(text, rest_at, end)].contains(['。', '，']) {
        // `时间 2022年9月18日  地点 三楼`: blanks part label and value where
        // no sentence follows (a table's text flowed, a form typed out).
        p
    } else {
        return None;
    };
    Some((*kind, rest_at..label_end, value_start))
}

/// How far (bytes) after a label followed by a blank the text is looked at
/// for a sentence's punctuation: bounded, so that a line of many blanks and
/// labels costs no more than its length times this.
const BLANK_LABEL_AHEAD: usize = 240;

/// The end of the look-ahead from `at`: [`BLANK_LABEL_AHEAD`] bytes at most,
/// on a character boundary, not past `end`.
fn ahead(text: &str, at: usize, end: usize) -> usize {
    let mut e = end.min(at + BLANK_LABEL_AHEAD);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// `at` moved past blanks and the markup a line or a cell may open with:
/// Markdown headings, bullets, bold, quotes and table bars, and `【`.
fn skip_markup(text: &str, mut at: usize, end: usize) -> usize {
    loop {
        let s = &text[at..end];
        let t = s.trim_start_matches([' ', '\u{3000}', '\t', '|', '>', '#', '【', '[']);
        let t = t
            .strip_prefix("**")
            .or_else(|| t.strip_prefix("__"))
            .unwrap_or(t);
        // A bullet, before a blank or (blanks next to Han text being dropped
        // in normalisation) right before the item: `*石永昌`, not `-5`.
        let t = match t.strip_prefix(['-', '*', '+', '•', '·']) {
            Some(u) if u.starts_with(|c: char| c.is_whitespace() || !c.is_ascii()) => u,
            _ => t,
        };
        // An ordered list's number, the same way: `4. 参会人：…`, not `1.5`.
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let t = match t[digits..].strip_prefix(['.', '、', ')', '）']) {
            Some(u)
                if (1..=2).contains(&digits)
                    && u.starts_with(|c: char| c.is_whitespace() || !c.is_ascii()) =>
            {
                u
            }
            _ => t,
        };
        let next = end - t.len();
        if next == at {
            return at;
        }
        at = next;
    }
}

/// `r` without blanks or markup at either end.
fn trim_markup(text: &str, r: Range<usize>) -> Range<usize> {
    let start = skip_markup(text, r.start, r.end);
    let s = &text[start..r.end];
    let t = s.trim_end_matches([' ', '\u{3000}', '\t', '|', '*', '_', '】', ']']);
    start..start + t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(FieldKind, Vec<&str>)> {
        let lines: Vec<Range<usize>> = crate::text::lines(text)
            .map(|(at, l)| at..at + l.len())
            .collect();
        find(text, &lines)
            .into_iter()
            .map(|f| (f.kind, f.values.iter().map(|v| &text[v.clone()]).collect()))
            .collect()
    }

    #[test]
    fn a_row_of_labels_over_a_row_of_values() {
        let text = "会议时间\t会议地点\t主持人\t记录人\n\
                    2025-04-21 07:30\t学术厅\t院长 蔺涛\t院办 单琪\n出席：梅子恒\n";
        assert_eq!(
            fields(text),
            [
                (FieldKind::Time, vec!["2025-04-21 07:30"]),
                (FieldKind::Place, vec!["学术厅"]),
                (FieldKind::Chair, vec!["院长 蔺涛"]),
                (FieldKind::Recorder, vec!["院办 单琪"]),
                (FieldKind::Attendees, vec!["梅子恒"]),
            ]
        );
        // A row with a cell that is no label is read as before.
        let text = "时间\t事项\n2025-04-21\t检查\n";
        assert_eq!(fields(text), [(FieldKind::Time, vec!["事项"])]);
    }

    #[test]
    fn colon_lines_several_to_a_line() {
        assert_eq!(
            fields("会议时间:2024年4月19日  会议地点:村委会议室\n主持人：王强\n记录人:李四"),
            [
                (FieldKind::Time, vec!["2024年4月19日"]),
                (FieldKind::Place, vec!["村委会议室"]),
                (FieldKind::Chair, vec!["王强"]),
                (FieldKind::Recorder, vec!["李四"]),
            ]
        );
    }

    #[test]
    fn table_rows_and_markdown() {
        assert_eq!(
            fields(
                "时间\t2022年9月18日\t地点\t三楼会议室\n| 主持 | 赵六 |\n**日期:** 2025年08月16日"
            ),
            [
                (FieldKind::Time, vec!["2022年9月18日"]),
                (FieldKind::Place, vec!["三楼会议室"]),
                (FieldKind::Chair, vec!["赵六"]),
                (FieldKind::Time, vec!["2025年08月16日"]),
            ]
        );
        assert_eq!(
            fields("时间| 2022年9月18日\n- **参会人员**：张伟、李娜"),
            [
                (FieldKind::Time, vec!["2022年9月18日"]),
                (FieldKind::Attendees, vec!["张伟、李娜"]),
            ]
        );
    }

    #[test]
    fn blanks_part_label_and_value_on_a_line_that_is_no_sentence() {
        assert_eq!(
            fields("时间 2022年9月18日　地点 三楼会议室\n主持人  王强\n"),
            [
                (FieldKind::Time, vec!["2022年9月18日"]),
                (FieldKind::Place, vec!["三楼会议室"]),
                (FieldKind::Chair, vec!["王强"]),
            ]
        );
        assert!(fields("时间 紧，任务重。\n").is_empty());
    }

    #[test]
    fn a_bare_label_takes_the_lines_below() {
        assert_eq!(
            fields("**与会人员:**\n*   石永昌 (产品)\n*   陈云霄 (前端)\n\n---\n正文"),
            [(FieldKind::Attendees, vec!["石永昌 (产品)", "陈云霄 (前端)"])]
        );
        // The lines below end at the next label.
        assert_eq!(
            fields("出席：\n副区长王建军\n列席：李明"),
            [
                (FieldKind::Attendees, vec!["副区长王建军"]),
                (FieldKind::Observers, vec!["李明"]),
            ]
        );
    }

    #[test]
    fn prose_is_no_field() {
        // No separator after the word, or the word not at the start of the line.
        assert!(fields("时间紧、任务重，会议主持人强调：").is_empty());
        assert!(fields("会议由王强主持：").is_empty());
        assert!(fields("会议记录\n").is_empty());
        // A label with nothing after it and nothing below.
        assert!(fields("主持：\n").is_empty());
    }
}
