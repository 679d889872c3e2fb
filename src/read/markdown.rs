//! Markdown, as note apps and code repositories keep minutes: text whose lines
//! carry headings (`# `), bold (`**日期:**`), bullets (`*   `, `- `), table rows
//! (`| 时间 | … |`) and rules (`---`). The markup goes; the text stays, in the
//! block convention of the other readers (a paragraph per line, a table's
//! cells split), so that no extractor ever sees `**` or `#`.

use super::{Block, Document, Format};

/// How many lines must carry markup for a text to be read as Markdown, and
/// the least share of its non-blank lines they must be.
const MIN_MARKUP_LINES: usize = 3;
const MIN_MARKUP_SHARE: f64 = 0.15;

/// Whether `text` is Markdown: enough of its lines carry markup no plain
/// Chinese text has (a `#` heading, `**` bold, a bullet, a table row, a rule).
pub(super) fn looks_like_markdown(text: &str) -> bool {
    let (mut lines, mut marked) = (0usize, 0usize);
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if is_marked(t) {
            marked += 1;
        }
    }
    marked >= MIN_MARKUP_LINES && marked as f64 >= MIN_MARKUP_SHARE * lines as f64
}

fn is_marked(t: &str) -> bool {
    heading_level(t).is_some()
        || t.contains("**")
        || bullet(t).is_some()
        || (t.starts_with('|') && t.ends_with('|') && t.len() > 1)
        || is_rule(t)
}

/// The document of a Markdown text.
pub(super) fn read_str(text: &str, encoding: &'static str) -> Document {
    let mut blocks: Vec<Block> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('|') && t.len() > 1 {
            if !is_separator_row(t) {
                table.push(
                    t.trim_matches('|')
                        .split('|')
                        .map(|c| inline(c.trim()))
                        .collect(),
                );
            }
            continue;
        }
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(&mut table)));
        }
        if t.is_empty() || is_rule(t) {
            continue;
        }
        let t = match heading_level(t) {
            Some(n) => t[n..].trim_start(),
            None => bullet(t).unwrap_or(t),
        };
        let p = inline(t);
        if !p.trim().is_empty() {
            blocks.push(Block::Paragraph(p.trim().to_string()));
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    Document {
        format: Format::Markdown,
        encoding: Some(encoding),
        title: None,
        blocks,
        created: None,
        filled_tables: Vec::new(),
    }
}

/// The number of `#` of a heading (`## 议题`), followed by a blank.
fn heading_level(t: &str) -> Option<usize> {
    let n = t.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&n) && t[n..].starts_with([' ', '\t'])).then_some(n)
}

/// The text of a bullet item (`*   石永昌`, `- 王强`, `+ 议题`), without the bullet.
fn bullet(t: &str) -> Option<&str> {
    let rest = t.strip_prefix(['*', '-', '+'])?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim_start())
        .filter(|r| !r.is_empty())
}

/// `---`, `***`, `___`: a rule between parts.
fn is_rule(t: &str) -> bool {
    let mut marks = t.chars().filter(|c| !c.is_whitespace());
    let Some(mark @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// `|---|:--:|`: the row under a table's header.
fn is_separator_row(t: &str) -> bool {
    t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) && t.contains('-')
}

/// A line's inline markup removed: bold and italic marks around words, code
/// marks, and links written `[text](url)` as their text.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
            rest = r;
            continue;
        }
        if c == '`' {
            rest = &rest[1..];
            continue;
        }
        // `[text](url)`: the text; a link to a member's profile as a mention.
        if c == '['
            && let Some(close) = rest.find("](")
            && let Some(end) = rest[close..].find(')')
            && !rest[1..close].contains(['[', ']'])
        {
            let text = &rest[1..close];
            if is_profile_link(text, &rest[close + 2..close + end]) {
                out.push('@');
            }
            out.push_str(text);
            rest = &rest[close + end + 1..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Code hosts whose addresses with one path segment are members' profiles.
const PROFILE_HOSTS: [&str; 2] = ["https://github.com/", "https://gitee.com/"];

/// `[Difers](https://github.com/Difers)`: a link whose text is the handle of
/// the profile it points to, as open-source communities name their members.
fn is_profile_link(text: &str, url: &str) -> bool {
    PROFILE_HOSTS.iter().any(|host| {
        url.strip_prefix(host)
            .map(|path| path.trim_end_matches('/'))
            .is_some_and(|handle| !handle.is_empty() && handle.eq_ignore_ascii_case(text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(doc: &Document) -> Vec<String> {
        doc.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.clone(),
                Block::Table(rows) => rows
                    .iter()
                    .map(|r| r.join("\t"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect()
    }

    #[test]
    fn markup_goes_and_text_stays() {
        let text = "# 项目例会纪要\n\n**日期:** 2025年08月16日\n**与会人员:**\n*   石永昌 (产品)\n*   `陈云霄` (前端)\n\n---\n\n## 议题一\n| 事项 | 负责人 |\n|---|---|\n| 接口改造 | 陈云霄 |\n1.  **导入逻辑：** 见[说明](http://example.com)。\n";
        assert!(looks_like_markdown(text));
        let doc = read_str(text, "UTF-8");
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(
            paragraphs(&doc),
            [
                "项目例会纪要",
                "日期: 2025年08月16日",
                "与会人员:",
                "石永昌 (产品)",
                "陈云霄 (前端)",
                "议题一",
                "事项\t负责人\n接口改造\t陈云霄",
                "1.  导入逻辑： 见说明。",
            ]
        );
    }

    #[test]
    fn a_link_to_a_members_profile_is_a_mention() {
        assert_eq!(
            inline(
                "由 [Difers](https://github.com/Difers/) 主持，见[文档](https://github.com/org/docs)"
            ),
            "由 @Difers 主持，见文档"
        );
    }

    #[test]
    fn plain_chinese_text_is_no_markdown() {
        let text = "3月18日，区长主持召开常务会议。\n会议听取了汇报。\n- 会议要求，抓好落实。\n";
        assert!(!looks_like_markdown(text));
        // A rule or two in a long text is not enough either.
        let long = format!("{}---\n***\n", "会议强调，要抓好落实。\n".repeat(30));
        assert!(!looks_like_markdown(&long));
    }
}
