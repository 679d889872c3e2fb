//! Runs of text with their positions → lines → paragraphs.
//!
//! * Runs on one baseline make a line, in the order the page draws them; a
//!   gap between runs is a blank only when it is wide or lies between two
//!   non-CJK characters, so the space a layout puts around digits in Chinese
//!   text (`6 月底前`) is no blank.
//! * The top two and bottom two lines of each page are its header and footer
//!   when they are a page number (`- 3 -`, `第3页`, `3`, `3/12`) or the same
//!   (digits aside) at the top or bottom of two pages or more: both dropped.
//! * A line continues the paragraph above it when that one reaches the right
//!   margin (where two lines or more end), the two are one line apart (no
//!   paragraph spacing), of one size, and it is not indented as a first line
//!   is; also across a page break.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// The text of one shown string and where it lies on the page.
#[derive(Debug)]
pub(super) struct Run {
    pub text: String,
    /// Where the run starts and ends on its baseline.
    pub x0: f32,
    pub x1: f32,
    /// The baseline, from the bottom of the page up.
    pub y: f32,
    /// The font size on the page.
    pub size: f32,
}

#[derive(Debug)]
struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// How many lines at each end of a page may be header or footer.
const EDGE_LINES: usize = 2;

/// CJK ideographs, kana, CJK punctuation and full-width forms: text that is
/// written without blanks between its characters.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}' | '\u{3000}'..='\u{30FF}' | '\u{3100}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Two pieces of text side by side: is a blank between them text or layout?
fn blank_between(left: &str, right: &str) -> bool {
    match (left.chars().next_back(), right.chars().next()) {
        (Some(a), Some(b)) => !a.is_whitespace() && !b.is_whitespace() && !is_cjk(a) && !is_cjk(b),
        _ => false,
    }
}

fn lines(runs: Vec<Run>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        if run.size <= 0.0 {
            continue;
        }
        if let Some(line) = lines.last_mut() {
            let size = run.size.max(line.size);
            let same_baseline = (run.y - line.y).abs() <= 0.35 * size;
            let gap = run.x0 - line.x1;
            if same_baseline && gap >= -0.5 * size {
                // A column's width apart is a blank even in Chinese (table cells, tab stops).
                let wide = gap > 0.6 * size && !line.text.ends_with(char::is_whitespace);
                if wide || (gap > 0.15 * size && blank_between(&line.text, &run.text)) {
                    line.text.push(' ');
                }
                line.text.push_str(&run.text);
                line.x1 = line.x1.max(run.x1);
                line.size = size;
                continue;
            }
        }
        lines.push(Line {
            text: run.text,
            x0: run.x0,
            x1: run.x1,
            y: run.y,
            size: run.size,
        });
    }
    lines.retain_mut(|l| {
        l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
        !l.text.is_empty()
    });
    lines
}

fn is_page_number(text: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:[-–—－]?\d+[-–—－]?|第\d+页(?:[,，/]?共\d+页)?|共\d+页[,，/]?第\d+页|\d+/\d+|(?:page)?\d+(?:of\d+)?)$",
        )
        .expect("a valid pattern")
    });
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    PAGE.is_match(&compact)
}

/// A header's identity across pages: its text without blanks, digits as `#`.
fn edge_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The indexes of the lines at the top and bottom of a page, topmost first.
fn edges(lines: &[Line]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[b].y.total_cmp(&lines[a].y));
    let mut picked: Vec<usize> = order.iter().take(EDGE_LINES).copied().collect();
    for &i in order.iter().rev().take(EDGE_LINES) {
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked
}

/// Drops headers, footers and page numbers from each page's lines.
fn drop_edges(pages: &mut [Vec<Line>]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = edges(page)
            .into_iter()
            .map(|i| edge_key(&page[i].text))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    for page in pages.iter_mut() {
        let mut drop = vec![false; page.len()];
        for i in edges(page) {
            drop[i] = is_page_number(&page[i].text) || seen[&edge_key(&page[i].text)] >= 2;
        }
        let mut i = 0;
        page.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }
}

fn similar(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.1 * a.max(b)
}

/// The lines of all pages as paragraphs, in reading order.
pub(super) fn paragraphs(pages: Vec<Vec<Run>>) -> Vec<String> {
    let mut pages: Vec<Vec<Line>> = pages.into_iter().map(lines).collect();
    drop_edges(&mut pages);
    let all = || pages.iter().flatten();
    let left = all().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = all().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let reaches = |l: &Line| l.x1 >= right - 2.0 * l.size;
    // The rightmost line reaches the margin by definition: the measure is
    // only known when two lines reach it (else no line wraps).
    let measured = all().filter(|l| reaches(l)).nth(1).is_some();
    let full = |l: &Line| measured && reaches(l);
    // The distance of two lines of one paragraph: the least below a line
    // that fills the measure, of a size (a larger one is paragraph spacing;
    // table cells, which wrap closer, never fill it). Kept by size in half
    // points: one look-up a line, however many lines.
    let bucket = |size: f32| (size * 2.0).round() as i64;
    let mut line_pitch: HashMap<i64, f32> = HashMap::new();
    for page in &pages {
        for pair in page.windows(2) {
            let d = pair[0].y - pair[1].y;
            if full(&pair[0]) && similar(pair[0].size, pair[1].size) && d >= 0.8 * pair[0].size {
                let min = line_pitch.entry(bucket(pair[0].size)).or_insert(d);
                *min = min.min(d);
            }
        }
    }
    let pitch = |size: f32| line_pitch.get(&bucket(size)).copied().unwrap_or(1.8 * size);

    let mut out: Vec<String> = Vec::new();
    // The line before, and whether it began its paragraph.
    let mut prev: Option<(&Line, bool)> = None;
    for page in &pages {
        for (i, line) in page.iter().enumerate() {
            let joins = prev.is_some_and(|(p, p_first)| {
                // Across a page break the distance says nothing.
                let spaced = i > 0 && p.y - line.y > pitch(p.size) * 1.15;
                let indent_ok = if p_first {
                    // After a paragraph's first line: back to the margin (the first
                    // line was indented), or on the margin as it was.
                    line.x0 <= p.x0 - p.size
                        || (p.x0 <= left + 0.5 * p.size && line.x0 <= left + 0.5 * p.size)
                } else {
                    (line.x0 - p.x0).abs() < 0.5 * p.size
                };
                full(p) && indent_ok && !spaced && similar(p.size, line.size)
            });
            match out.last_mut() {
                Some(para) if joins => {
                    if blank_between(para, &line.text) {
                        para.push(' ');
                    }
                    para.push_str(&line.text);
                }
                _ => out.push(line.text.clone()),
            }
            prev = Some((line, !joins));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, x1: f32, y: f32) -> Run {
        Run {
            text: text.into(),
            x0,
            x1,
            y,
            size: 12.0,
        }
    }

    #[test]
    fn layout_gaps_beside_cjk_are_no_blanks() {
        let runs = vec![
            run("6", 50.0, 56.0, 700.0),
            run("月底前完成", 58.4, 118.4, 700.0),
            run("PDF", 120.0, 140.0, 700.0),
            run("text", 144.0, 170.0, 700.0),
            run("下一栏", 300.0, 336.0, 700.0),
        ];
        assert_eq!(paragraphs(vec![runs]), ["6月底前完成PDF text 下一栏"]);
    }

    #[test]
    fn page_numbers() {
        for n in [
            "- 3 -",
            "第3页",
            "第 3 页 共 9 页",
            "3",
            "3 / 12",
            "Page 3 of 9",
            "—3—",
        ] {
            assert!(is_page_number(n), "{n}");
        }
        for n in ["3月", "一、总体要求", "2025年"] {
            assert!(!is_page_number(n), "{n}");
        }
    }

    #[test]
    fn a_wrapped_paragraph_joins_and_spacing_parts_paragraphs() {
        let page = vec![
            run(
                "一、加快建设。负责人：何建国；完成时限：2025年6",
                74.0,
                540.0,
                700.0,
            ),
            run("月底前。", 50.0, 98.0, 680.0),
            run(
                "二、做好防返贫动态监测，每月开展一次排查，发现问题及时处置，确保不发生规模性返贫。",
                74.0,
                540.0,
                653.0,
            ),
        ];
        assert_eq!(
            paragraphs(vec![page]),
            [
                "一、加快建设。负责人：何建国；完成时限：2025年6月底前。",
                "二、做好防返贫动态监测，每月开展一次排查，发现问题及时处置，确保不发生规模性返贫。"
            ]
        );
    }
}
