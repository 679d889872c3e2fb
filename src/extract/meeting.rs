//! The meeting: its date, title, location, chairs and attendees.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::analysis::{Analysis, FieldKind};
use crate::extract::lexicon::PeopleLexicon;
use crate::record::{Person, Role};
use crate::time::{self, YearRule};

/// The meeting's date as found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MeetingDate {
    /// The resolved date, when a year is written or a reference date allows one.
    pub date: Option<NaiveDate>,
    /// The expression it was read from (`6月16日`).
    pub text: Option<String>,
    /// Where the expression is.
    pub span: Option<Range<usize>>,
    /// A note on how the year was inferred, or why it could not be.
    pub warning: Option<String>,
    /// The document's issue date ([`dateline`]), read when no reference date was given.
    pub issued: Option<NaiveDate>,
}

/// A day written with month and day, with or without a year, in Arabic or Chinese numerals.
fn day_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]",
        )
        .expect("meeting date pattern")
    })
}

/// Compiles the patterns.
pub(crate) fn load() {
    day_pattern();
    dateline_pattern();
}

/// Words that mark the sentence saying the meeting took place.
const CONVENING_WORDS: [&str; 5] = ["召开", "主持", "举行", "召集", "会议"];

/// Finds the meeting's date: the `时间：` line of minutes, else the first day
/// named in a sentence that says the meeting was held. A date without a year
/// is put on or before `reference` (a report is written after its meeting).
pub(crate) fn find_date(analysis: &Analysis, reference: Option<NaiveDate>) -> MeetingDate {
    let text = analysis.text();
    let issued = if reference.is_none() {
        issue_date(analysis)
    } else {
        None
    };
    let Some(span) = header_date(analysis)
        .or_else(|| convening_date(text))
        .or_else(|| minutes_date_line(analysis))
    else {
        return MeetingDate {
            issued,
            ..MeetingDate::default()
        };
    };
    let written = &text[span.clone()];
    // Minutes and notices carry their issue date on a line of its own: a year for a
    // meeting date that states none, when the caller gave no reference.
    let (reference, source) = match reference {
        Some(date) => (Some(date), "the reference date"),
        None => (issued, "the document's issue date"),
    };
    // Without a reference any anchor will do: a date whose year is inferred is dropped below.
    let anchor = reference.unwrap_or_default();
    let parsed = time::parse_with(written, anchor, YearRule::Past);
    let (date, warning) = match parsed {
        Some(expr) if expr.year_inferred && reference.is_none() => (
            None,
            Some(format!(
                "year of the meeting date {} not stated and no reference date given",
                super::quoted(written)
            )),
        ),
        Some(expr) if expr.year_inferred => (
            expr.start,
            Some(format!(
                "year of the meeting date {} not stated; resolved against {source} {anchor}",
                super::quoted(written)
            )),
        ),
        Some(expr) => (expr.start, None),
        None => (None, None),
    };
    MeetingDate {
        date,
        text: Some(written.to_string()),
        span: Some(span),
        warning,
        issued,
    }
}

fn dateline_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?m)^([^，。；,;\n]{0,30}?)\s*(?:发布时间|发布日期|日期|时间)?[：:]?\s*(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2}))(?:印发|发布)?\s*$")
            .expect("dateline pattern")
    })
}

/// The date on a line of its own (`某区人民政府办公室　2025年3月20日`, `2025年6月5日印发`,
/// `发布时间: 2021-01-06`): the document's issue date.
pub(crate) fn dateline(text: &str) -> Option<NaiveDate> {
    // The pattern ends with a date (or `印发`, `发布`) and blanks up to a line's end:
    // most texts have no line ending so, and the costly pattern need not run.
    let ends_dated = |line: &str| {
        let line = line.trim_end();
        line.ends_with(['日', '发', '布']) || line.ends_with(|c: char| c.is_ascii_digit())
    };
    if !crate::text::lines(text).any(|(_, line)| ends_dated(line)) {
        return None;
    }
    dateline_pattern().captures_iter(text).find_map(|c| {
        let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = c[2].parse().ok()?;
        NaiveDate::from_ymd_opt(year, number(3).or(number(5))?, number(4).or(number(6))?)
    })
}

/// The date in the minutes' time field (`会议时间：2024.10.8`, `| 时间 | 2022年9月18日 |`,
/// `**日期:** 2025年08月16日`, `2015-07-09 14:00~16:45`): the first day written in it.
fn header_date(analysis: &Analysis) -> Option<Range<usize>> {
    time_fields(analysis, true)
        .next()
        .or_else(|| clocked_date_line(analysis))
}

/// How many of the first lines of minutes an unlabelled date line of their
/// header is looked for in.
const HEADER_LINES: usize = 6;

/// `2015-07-09 14:00~16:45` on a line of its own among the first
/// [`HEADER_LINES`] lines of minutes (a text with place, chair, attendee or
/// recorder fields): a day followed by the hours of the meeting is its time,
/// though unlabelled. An issue date carries no hours.
fn clocked_date_line(analysis: &Analysis) -> Option<Range<usize>> {
    let text = analysis.text();
    if !has_minutes_fields(analysis) {
        return None;
    }
    let mentions = analysis.time_mentions();
    analysis
        .lines()
        .iter()
        .filter(|l| !text[(*l).clone()].trim().is_empty())
        .take(HEADER_LINES)
        .find_map(|line| {
            let l = &text[line.clone()];
            let start = line.start + (l.len() - l.trim_start().len());
            let from = mentions.partition_point(|m| m.span.0 < start);
            let day = mentions
                .get(from)
                .filter(|m| m.span.0 == start && m.precision() == time::Precision::Day)?;
            let hours = text[day.span.1..line.end].trim();
            let clock_only = hours
                .chars()
                .all(|c| c.is_ascii_digit() || " \u{3000}:：~～-—至到上下午晚时分".contains(c));
            (clock_only && hours.contains([':', '：', '时'])).then_some(day.span.0..day.span.1)
        })
}

/// How many lines below the title of minutes a date line of their own is
/// looked for in.
const TITLE_DATE_LINES: usize = 3;

/// A day on a line of its own, bare or in brackets (`2019.08.26`,
/// `（2023年5月6日）`), just below a title that names minutes (`…会议纪要`,
/// `会议记录`), where neither a time field nor a sentence dates the meeting:
/// minutes so dated are dated by the meeting.
fn minutes_date_line(analysis: &Analysis) -> Option<Range<usize>> {
    let text = analysis.text();
    let mut lines = analysis
        .lines()
        .iter()
        .filter(|l| !text[(*l).clone()].trim().is_empty());
    let title = &text[lines.next()?.clone()];
    if !["纪要", "会议记录", "会议纪录"]
        .iter()
        .any(|w| title.contains(w))
    {
        return None;
    }
    let mentions = analysis.time_mentions();
    lines.take(TITLE_DATE_LINES).find_map(|line| {
        let l = &text[line.clone()];
        let inner = l
            .trim()
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        let start = line.start + crate::text::offset_in(l, inner);
        let from = mentions.partition_point(|m| m.span.0 < start);
        let day = mentions.get(from).filter(|m| {
            m.span == (start, start + inner.len()) && m.precision() == time::Precision::Day
        })?;
        Some(day.span.0..day.span.1)
    })
}

/// Whether the text has header fields only minutes have: place, chair,
/// attendees, observers or recorder.
fn has_minutes_fields(analysis: &Analysis) -> bool {
    analysis.fields().iter().any(|f| {
        matches!(
            f.kind,
            FieldKind::Place
                | FieldKind::Chair
                | FieldKind::Attendees
                | FieldKind::Observers
                | FieldKind::Recorder
        )
    })
}

/// The days written in time fields: the meeting's (`meeting`), or else those of
/// a web page's own lines (`时间:2023-12-14 07:17 来源:…`), when it is published.
/// A bare `时间`/`日期` is the meeting's only among other fields of minutes
/// (place, chair, attendees, recorder); `会议时间` always is.
fn time_fields<'a>(
    analysis: &'a Analysis,
    meeting: bool,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let text = analysis.text();
    let minutes = has_minutes_fields(analysis);
    analysis
        .fields()
        .iter()
        .filter(move |f| {
            let named = text[f.label.clone()].starts_with(['会', '开']);
            f.kind == FieldKind::Time && (named || minutes) == meeting
        })
        .filter_map(move |f| {
            let value = f.values.first()?;
            let mentions = analysis.time_mentions();
            let from = mentions.partition_point(|m| m.span.0 < value.start);
            mentions[from..]
                .iter()
                .take_while(|m| m.span.1 <= value.end)
                .find(|m| m.precision() == time::Precision::Day)
                .map(|m| m.span.0..m.span.1)
        })
}

/// The year a meeting's name numbers it in (`2019年第四次校长办公会`,
/// `2024年度第二次调度会`), read from the first meeting the text names.
pub(crate) fn numbered_year(analysis: &Analysis) -> Option<i32> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r"(\d{4})年度?第(?:\d{1,3}|[一二三四五六七八九十]{1,4})次[^，。；,\n]{0,20}?会")
            .expect("numbered meeting pattern")
    });
    let name = convened_meeting(analysis.text())?;
    let c = pattern.captures(name)?;
    c[1].parse().ok()
}

/// The issue date: a date on a line of its own ([`dateline`]), else a web
/// page's time line.
pub(crate) fn issue_date(analysis: &Analysis) -> Option<NaiveDate> {
    let text = analysis.text();
    dateline(text)
        .or_else(|| {
            let span = time_fields(analysis, false).next()?;
            let expr = time::parse_with(&text[span], NaiveDate::default(), YearRule::Past)?;
            expr.start.filter(|_| !expr.year_inferred)
        })
        .or_else(|| numeral_dateline(analysis))
}

/// The most characters of a line holding a signature date.
const DATELINE_MAX_CHARS: usize = 16;

/// A date in Chinese numerals on a short line of its own, the way official
/// documents are signed (`二○○七年四月十三日`): the issue date.
fn numeral_dateline(analysis: &Analysis) -> Option<NaiveDate> {
    let text = analysis.text();
    let mentions = analysis.time_mentions();
    analysis.lines().iter().rev().find_map(|line| {
        let l = text[line.clone()].trim();
        if l.chars().count() > DATELINE_MAX_CHARS || !l.ends_with('日') || !l.contains('年') {
            return None;
        }
        let end = line.start + text[line.clone()].trim_end().len();
        let mention = mentions
            .get(mentions.partition_point(|m| m.span.1 < end))
            .filter(|m| m.span.1 == end)?;
        if mention.span.0 < line.start || mention.precision() != time::Precision::Day {
            return None;
        }
        let expr = time::parse_with(mention.text(text), NaiveDate::default(), YearRule::Past)?;
        expr.start.filter(|_| !expr.year_inferred)
    })
}

/// The first day named in a sentence that says the meeting was held.
fn convening_date(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for sentence in text.split_inclusive(['。', '；', '\n']) {
        if CONVENING_WORDS.iter().any(|w| sentence.contains(w)) {
            // A day alone is written with 日; `第4号` is a document number, not a day.
            let is_day = |m: &regex::Match| {
                let numbered = sentence[..m.start()].ends_with('第');
                !numbered && (m.as_str().contains('月') || m.as_str().ends_with('日'))
            };
            if let Some(m) = day_pattern().find_iter(sentence).find(is_day) {
                return Some(offset + m.start()..offset + m.end());
            }
        }
        offset += sentence.len();
    }
    None
}

/// The meeting's name, place, chairs and attendees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MeetingParts {
    pub title: Option<String>,
    pub location: Option<String>,
    pub chairs: Vec<String>,
    pub attendees: Vec<String>,
}

/// Finds the meeting's name and place in `text`, and its chairs and attendees among `people`.
pub(crate) fn find_parts(analysis: &Analysis, people: &[Person]) -> MeetingParts {
    let text = analysis.text();
    // The one named in a chair field or who chairs (主持); else the one who convenes (召开) it.
    let chair_fields: Vec<&Range<usize>> = analysis
        .fields()
        .iter()
        .filter(|f| f.kind == FieldKind::Chair)
        .flat_map(|f| &f.values)
        .collect();
    let in_chair_field = |p: &Person| {
        p.spans.iter().any(|s| {
            chair_fields
                .iter()
                .any(|v| v.start <= s[0] && s[1] <= v.end)
        })
    };
    let mut chairs: Vec<String> = people
        .iter()
        .filter(|p| p.spans.iter().any(|s| follows(text, s[1], &["主持"])) || in_chair_field(p))
        .map(|p| p.name.clone())
        .collect();
    if chairs.is_empty() {
        chairs = people
            .iter()
            .filter(|p| {
                p.spans
                    .iter()
                    .any(|s| follows(text, s[1], &["召开", "组织召开", "召集"]))
            })
            .map(|p| p.name.clone())
            .collect();
    }
    let attendees = people
        .iter()
        .filter(|p| p.roles.contains(&Role::Attendee) && !chairs.contains(&p.name))
        .map(|p| p.name.clone())
        .collect();
    MeetingParts {
        title: title(text),
        location: location(analysis),
        chairs,
        attendees,
    }
}

/// Whether one of `words` follows `end`, past a post after the name
/// (`马锋旺院长主持`), fillers like 同志, and a place (`在县自然资源局主持召开`).
fn follows(text: &str, end: usize, words: &[&str]) -> bool {
    let mut rest = &text[end..];
    if let Some(post) = PeopleLexicon::get().post_starting(rest) {
        rest = &rest[post.len()..];
    }
    for filler in ["同志", "亲自"] {
        rest = rest.strip_prefix(filler).unwrap_or(rest);
    }
    if let Some(place) = rest.strip_prefix('在') {
        // The place runs to the verb, within a clause.
        let near: String = place.chars().take(PLACE_MAX_CHARS).collect();
        let clause = near
            .find(['，', ',', '。', '；', '、'])
            .unwrap_or(near.len());
        if let Some(at) = words.iter().filter_map(|w| near[..clause].find(w)).min() {
            rest = &place[at..];
        } else {
            rest = place;
        }
    }
    let rest = rest.strip_prefix("亲自").unwrap_or(rest);
    words.iter().any(|w| rest.starts_with(w))
}

/// The most characters a place between a chair's name and `主持` may have.
const PLACE_MAX_CHARS: usize = 20;

/// Words that convene or chair what follows them, in the order they are tried at
/// one place (`主持召开` before `主持`).
const CONVENING: [&str; 5] = ["主持召开", "组织召开", "召开了", "召开", "主持"];

/// The endings of a meeting's name; each needs a character at least before it.
const MEETING_ENDS: [&str; 11] = [
    "会议",
    "调度会",
    "推进会",
    "座谈会",
    "专题会",
    "常委会",
    "办公会",
    "例会",
    "全会",
    "大会",
    "会",
];

/// How many characters a meeting's name holds before its ending.
const MEETING_NAME_MAX: usize = 40;

/// What may not be inside a meeting's name.
const MEETING_NAME_STOPS: [char; 6] = ['，', '。', ',', '；', '：', '\n'];

/// What the name of a convened meeting is followed by.
fn closes_meeting_name(rest: &str) -> bool {
    rest.is_empty()
        || rest.starts_with(['，', '。', ',', '；', '、', '\n', '（', '(', '并', '时'])
        || rest.starts_with("期间")
}

/// The first meeting convened or chaired in `text` (`主持召开市委办公会议，`):
/// at the first place where a convening word is followed by a name with a
/// meeting's ending, closed by a stop or `并`/`时`/`期间`, the shortest such name.
fn convened_meeting(text: &str) -> Option<&str> {
    let mut starts: Vec<usize> = crate::text::find_iter(text, "召开")
        .flat_map(|at| {
            [
                Some(at),
                text[..at].ends_with("组织").then(|| at - "组织".len()),
            ]
        })
        .flatten()
        .chain(crate::text::find_iter(text, "主持"))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts.into_iter().find_map(|at| {
        CONVENING
            .iter()
            .filter(|word| text[at..].starts_with(*word))
            .find_map(|word| meeting_name_at(text, at + word.len()))
    })
}

/// The shortest meeting's name starting at `from`, as [`convened_meeting`] reads it.
fn meeting_name_at(text: &str, from: usize) -> Option<&str> {
    let longest_end = MEETING_ENDS
        .iter()
        .map(|e| e.chars().count())
        .max()
        .unwrap_or(0);
    for (before, (i, c)) in text[from..].char_indices().enumerate() {
        if MEETING_NAME_STOPS.contains(&c) || before >= MEETING_NAME_MAX + longest_end {
            return None;
        }
        let chars = before + 1;
        let end = from + i + c.len_utf8();
        let name = &text[from..end];
        let ended = MEETING_ENDS.iter().any(|e| {
            let ending = e.chars().count();
            name.ends_with(e) && chars > ending && chars - ending <= MEETING_NAME_MAX
        });
        if ended && closes_meeting_name(&text[end..]) {
            return Some(name);
        }
    }
    None
}

/// The meeting's name: a minutes title line (`…会议纪要`), else what is convened (`召开市委办公会议`).
fn title(text: &str) -> Option<String> {
    for line in text.lines().take(5) {
        // `会议纪要` alone names no meeting.
        let line = line.trim().trim_start_matches('#').trim();
        if let Some(name) = ["纪要", "记录", "纪录"]
            .iter()
            .find_map(|s| line.strip_suffix(s))
            && (name.ends_with('会') || name.ends_with("会议"))
            && name != "会议"
        {
            return Some(name.to_string());
        }
    }
    convened_meeting(text).map(str::to_string)
}

/// Words that lead the verb `召开` rather than end its place.
const PLACE_VERB_LEADS: [&str; 5] = ["主持", "组织", "隆重", "集中", "专门"];

/// What may not be inside the place of `在X召开`.
const PLACE_STOPS: [char; 7] = ['，', '。', ',', '；', '：', '\n', '在'];

/// The first `在X召开` or `在X举行` of `text`, X of 2 to 20 characters: the place
/// is what lies between a verb and the nearest `在` before it.
fn held_at(text: &str) -> Option<Range<usize>> {
    let mut verbs: Vec<usize> = crate::text::find_iter(text, "召开")
        .chain(crate::text::find_iter(text, "举行"))
        .collect();
    verbs.sort_unstable();
    verbs.into_iter().find_map(|verb| {
        for (chars, (at, c)) in text[..verb].char_indices().rev().enumerate() {
            if c == '在' {
                return (2..=PLACE_MAX_CHARS)
                    .contains(&chars)
                    .then(|| at + c.len_utf8()..verb);
            }
            if PLACE_STOPS.contains(&c) || chars == PLACE_MAX_CHARS {
                return None;
            }
        }
        None
    })
}

/// Where the meeting was held: the value of a place field in any layout the
/// analysis reads (`地点：…`, `| 地点 | … |`, `**会议地点:** …`) or `在X召开`,
/// whichever comes first.
fn location(analysis: &Analysis) -> Option<String> {
    let text = analysis.text();
    let field = analysis
        .fields()
        .iter()
        .filter(|f| f.kind == FieldKind::Place)
        .find_map(|f| Some((f.label.start, f.values.first()?.clone())));
    // `在` opens the held-at match; the verb's own adverbs and leads are no place
    // (`在区政府第三会议室主持召开`).
    let held = held_at(text).map(|mut place| {
        let start = place.start - '在'.len_utf8();
        while let Some(lead) = PLACE_VERB_LEADS
            .iter()
            .find(|w| text[place.clone()].ends_with(**w) && place.len() > w.len())
        {
            place.end -= lead.len();
        }
        (start, place)
    });
    let first = match (field, held) {
        (Some(f), Some(h)) => {
            if f.0 <= h.0 {
                f
            } else {
                h
            }
        }
        (f, h) => f.or(h)?,
    };
    Some(text[first.1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two patterns the convened meeting and the held-at place were read
    /// with before, on texts made of their words: the same answers.
    #[test]
    fn convened_meeting_and_place_read_as_the_patterns_did() {
        let title = Regex::new(r"(?:主持召开|组织召开|召开了|召开|主持)([^，。,；：\n]{1,40}?(?:会议|调度会|推进会|座谈会|专题会|常委会|办公会|例会|全会|大会|会))(?:[，。,；、\n（(]|并|时|期间|$)").unwrap();
        let held = Regex::new(r"在([^，。,；：\n在]{2,20}?)(?:召开|举行)").unwrap();
        let pieces = [
            "主持",
            "召开",
            "组织",
            "了",
            "会议",
            "调度",
            "会",
            "大",
            "例",
            "全",
            "办公",
            "市委",
            "，",
            "。",
            "、",
            "：",
            "\n",
            "（",
            "并",
            "时",
            "期间",
            "在",
            "举行",
            "县",
            "政府",
            "常委会",
            "工作",
            "推进",
            "十个字的长长长长长",
        ];
        // A small linear congruential generator: the same texts on every run.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let mut matched = [0, 0];
        for _ in 0..20_000 {
            let len = 1 + next(24);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let want = title.captures(&text).map(|c| c[1].to_string());
            assert_eq!(convened_meeting(&text).map(str::to_string), want, "{text}");
            let want = held.captures(&text).map(|c| c.get(1).unwrap().range());
            assert_eq!(held_at(&text), want, "{text}");
            matched[0] += usize::from(convened_meeting(&text).is_some());
            matched[1] += usize::from(held_at(&text).is_some());
        }
        assert!(matched[0] > 1000 && matched[1] > 1000, "{matched:?}");
    }

    #[test]
    fn a_meeting_numbered_within_its_year_states_the_year() {
        let year = |t: &str| numbered_year(&Analysis::new(t));
        assert_eq!(
            year("4月1日，校长张金锁主持召开2019年第四次校长办公会，研究预算。"),
            Some(2019)
        );
        assert_eq!(year("8月6日，公司召开2024年度第二次调度会。"), Some(2024));
        // A year in what the meeting is about is no year of the meeting.
        assert_eq!(year("4月1日，区政府召开2019年项目推进会。"), None);
    }

    #[test]
    fn a_record_titles_its_meeting_and_the_verb_leads_are_no_place() {
        let text = "XX区教育局局务会议记录\n时间：2025年3月12日\n";
        assert_eq!(title(text).as_deref(), Some("XX区教育局局务会议"));
        let a = Analysis::new("3月5日，区长王平在区政府第三会议室主持召开专题会议。");
        assert_eq!(location(&a).as_deref(), Some("区政府第三会议室"));
    }

    #[test]
    fn parts_of_a_report() {
        let text = "6月16日,市委书记杨光荣主持召开市委办公会议。副市长王波出席会议。";
        let people = crate::extract::people::find_people(&Analysis::new(text));
        let parts = find_parts(&Analysis::new(text), &people);
        assert_eq!(parts.title.as_deref(), Some("市委办公会议"));
        assert_eq!(parts.chairs, ["杨光荣"]);
        assert_eq!(parts.attendees, ["王波"]);
    }

    #[test]
    fn convener_chairs_when_no_one_else_does() {
        let text = "市长王立彤召开全市重点项目推进会。会议在市行政中心召开。";
        let people = crate::extract::people::find_people(&Analysis::new(text));
        let parts = find_parts(&Analysis::new(text), &people);
        assert_eq!(parts.chairs, ["王立彤"]);
        assert_eq!(parts.location.as_deref(), Some("市行政中心"));
    }

    #[test]
    fn minutes_header_parts() {
        let text = "青杉区人民政府常务会议纪要\n时间：2025年3月18日下午\n地点：区政府第一会议室\n主持：刘志远\n";
        let people = crate::extract::people::find_people(&Analysis::new(text));
        let parts = find_parts(&Analysis::new(text), &people);
        assert_eq!(parts.title.as_deref(), Some("青杉区人民政府常务会议"));
        let bare = find_parts(&Analysis::new("会议纪要\n主持：刘志远\n"), &[]);
        assert_eq!(bare.title, None);
        assert_eq!(parts.location.as_deref(), Some("区政府第一会议室"));
        assert_eq!(parts.chairs, ["刘志远"]);
        for (text, chair) in [
            (
                "会议时间:2024年4月19日\n主持人:郑明远\n记录人:王小明\n",
                "郑明远",
            ),
            ("| 主席 | 丁局长育群 |\n| 地点 | 三楼 |\n", "丁育群"),
            ("4月1日下午，马锋旺院长主持召开学院党政联席会议。", "马锋旺"),
            ("上午，副县长钟伟在县自然资源局主持召开调度会。", "钟伟"),
        ] {
            let people = crate::extract::people::find_people(&Analysis::new(text));
            let parts = find_parts(&Analysis::new(text), &people);
            assert_eq!(parts.chairs, [chair], "{text}");
        }
    }

    /// The place field in each layout, and `在X召开`, whichever comes first.
    #[test]
    fn location_in_any_layout_or_where_it_was_held() {
        let cases = [
            (
                "会议在市行政中心召开。\n地点：区政府第一会议室\n",
                Some("市行政中心"),
            ),
            (
                "\n\n  地点：三楼会议室  \n会议在市行政中心召开。",
                Some("三楼会议室"),
            ),
            ("会议地点：\n五楼\n", Some("五楼")),
            (
                "时间| 2022年9月18日\n地点| 学校行政楼201\n主持| 周建国",
                Some("学校行政楼201"),
            ),
            (
                "**日期:** 2025年08月16日\n**地点:** 公司总部\n",
                Some("公司总部"),
            ),
            (
                "| 时间 | 2023年5月6日 |\n| 地点 | 第一会议室 |\n",
                Some("第一会议室"),
            ),
            ("没有地点的会议", None),
            ("", None),
            ("在一楼举行", Some("一楼")),
        ];
        for (t, want) in cases {
            assert_eq!(location(&Analysis::new(t)).as_deref(), want, "{t:?}");
        }
    }

    #[test]
    fn an_unlabelled_day_with_the_meetings_hours_dates_minutes() {
        let date = |t: &str| {
            find_date(&Analysis::new(t), None)
                .date
                .map(|d| d.to_string())
        };
        let minutes = "项目组会议纪要\n2015-07-09 14:00~16:45\n地点：三楼会议室\n主持：王强\n";
        assert_eq!(date(minutes).as_deref(), Some("2015-07-09"));
        let minutes = "会议纪要\n2024年3月5日下午3:00-5:30\n参会人员：张伟、李娜\n";
        assert_eq!(date(minutes).as_deref(), Some("2024-03-05"));
        // Without the hours, or outside minutes, the line is no meeting time.
        assert_eq!(date("会议纪要\n2015-07-09 印发\n地点：三楼\n"), None);
        assert_eq!(date("通知\n2015-07-09 14:00\n请各单位参加。\n"), None);
    }

    #[test]
    fn a_day_alone_under_the_title_of_minutes_dates_them() {
        let date = |t: &str| {
            find_date(&Analysis::new(t), None)
                .date
                .map(|d| d.to_string())
        };
        assert_eq!(
            date("会议纪要\n2019.08.26\n确定了人员分工\n").as_deref(),
            Some("2019-08-26")
        );
        assert_eq!(
            date("关于校园安全的会议纪要\n（2023年5月6日）\n会议决定：\n").as_deref(),
            Some("2023-05-06")
        );
        // A sentence dating the meeting wins; a title naming no minutes, or a
        // line with more than the day, dates nothing.
        assert_eq!(
            date("会议纪要\n2023年5月8日\n5月6日，项目组召开例会。\n").as_deref(),
            Some("2023-05-06")
        );
        assert_eq!(date("工作简报\n2019.08.26\n"), None);
        assert_eq!(date("会议纪要\n2019.08.26 第3期\n"), None);
    }

    #[test]
    fn header_line_wins_over_issue_date() {
        let text = "某区人民政府办公室 2025年3月20日\n时间：2025年3月18日下午\n主持：刘志远\n";
        let found = header_date(&Analysis::new(text)).unwrap();
        assert_eq!(&text[found], "2025年3月18日");
    }

    #[test]
    fn convening_sentence_date() {
        let text = "为推进重点工作。6月16日，市委书记主持召开市委办公会议。7月1日前完成。";
        let found = convening_date(text).unwrap();
        assert_eq!(&text[found], "6月16日");
    }

    #[test]
    fn issue_date_gives_the_year() {
        let text = "某区人民政府办公室　　2025年6月5日\n6月3日，区长主持召开区长办公会议。";
        let found = find_date(&Analysis::new(text), None);
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2025, 6, 3));
        assert_eq!(
            dateline("发布时间: 2021-01-06\n"),
            NaiveDate::from_ymd_opt(2021, 1, 6)
        );
        assert_eq!(dateline("要求2026年8月31日前完成。\n"), None);
        for (text, day) in [
            ("某区人民政府办公室\n2025年6月5日发布\n", 5),
            ("2025年6月6日印发", 6),
            ("会议纪要。\n2025年6月7日 \n\n", 7),
        ] {
            assert_eq!(
                dateline(text),
                NaiveDate::from_ymd_opt(2025, 6, day),
                "{text}"
            );
        }
    }

    #[test]
    fn a_day_alone_takes_the_reference_month() {
        let text = "主席会议20日上午在京召开。";
        let found = find_date(&Analysis::new(text), NaiveDate::from_ymd_opt(2025, 11, 21));
        assert_eq!(found.text.as_deref(), Some("20日"));
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2025, 11, 20));
        let text = "落实公告2025年第4号有关要求，11月24日，国家发展改革委召开会议。";
        assert_eq!(
            find_date(&Analysis::new(text), None).text.as_deref(),
            Some("11月24日")
        );
    }

    #[test]
    fn header_dates_in_any_layout() {
        for (text, day) in [
            ("会议时间：2024.10.8\n会议地点：三楼", "2024-10-08"),
            ("时间| 2022年9月18日\n地点| 三楼\n", "2022-09-18"),
            ("时间\t2022年9月18日\t地点\t三楼\n", "2022-09-18"),
            (
                "**日期:** 2025年08月16日\n**与会人员:**\n* 王强\n",
                "2025-08-16",
            ),
            ("会议时间:2015-07-09 14:00~16:45\n", "2015-07-09"),
        ] {
            let found = find_date(&Analysis::new(text), None);
            assert_eq!(
                found.date.map(|d| d.to_string()).as_deref(),
                Some(day),
                "{text}"
            );
        }
    }

    #[test]
    fn no_date_without_a_convening_sentence() {
        assert_eq!(convening_date("7月1日前完成改造。"), None);
        assert_eq!(find_date(&Analysis::new(""), None), MeetingDate::default());
    }
}
