//! Runs of text with their positions → lines → paragraphs.
//!
//! * Runs on one baseline make a line, left to right whatever order the page
//!   draws them in (pages are read top to bottom: one column of text); a
//!   gap between runs is a blank only when it is wide or lies between two
//!   non-CJK characters, so the space a layout puts around digits in Chinese
//!   text (`6 月底前`) is no blank. A gap wider than [`CELL_GAP`] parts the
//!   line into pieces, the cells of a table (`table.rs`) when their lines
//!   keep to columns.
//! * The top two and bottom two lines of each page are its header and footer
//!   when they are a page number (`- 3 -`, `第3页`, `3`, `3/12`) or the same
//!   (digits aside) at the top or bottom of two pages or more: both dropped.
//! * A line continues the paragraph above it when that one reaches the right
//!   margin (where two lines or more end), the two are one line apart (no
//!   paragraph spacing), of one size, and it is not indented as a first line
//!   is, nor laid out with wide blanks (`办公室　　　　2025年3月20日`); also
//!   across a page break. A title larger than the text goes on centred.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::table::{self, Table};
use crate::error::Error;
use crate::read::docx::table::{self as grid, Budget, Item};

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

/// What one page draws: its text runs and the rules (table borders) of its paths.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
}

/// The shortest stroke that is a rule.
const RULE_MIN_LENGTH: f32 = 3.0;

/// A horizontal or vertical line drawn on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    pub horizontal: bool,
    /// Its y when horizontal, its x when vertical.
    pub at: f32,
    /// Where it starts and ends along its length.
    pub from: f32,
    pub to: f32,
}

impl Rule {
    /// The rule from one point to another, when the two lie level or plumb.
    pub(super) fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Option<Rule> {
        if (y0 - y1).abs() <= 0.5 && (x1 - x0).abs() >= RULE_MIN_LENGTH {
            Some(Rule {
                horizontal: true,
                at: (y0 + y1) / 2.0,
                from: x0.min(x1),
                to: x0.max(x1),
            })
        } else if (x0 - x1).abs() <= 0.5 && (y1 - y0).abs() >= RULE_MIN_LENGTH {
            Some(Rule {
                horizontal: false,
                at: (x0 + x1) / 2.0,
                from: y0.min(y1),
                to: y0.max(y1),
            })
        } else {
            None
        }
    }
}

/// A gap between two runs of a line wider than this many font sizes parts
/// table cells (a cell's padding on both sides is wider, a blank narrower).
pub(super) const CELL_GAP: f32 = 0.75;

/// A piece of a line between cell gaps.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
}

/// The runs on one baseline, left to right, cut where a cell gap parts them.
#[derive(Debug, Clone)]
pub(super) struct Baseline {
    pub y: f32,
    pub size: f32,
    pub segs: Vec<Seg>,
    /// The widest stretch of blanks, typed or not, between two glyphs.
    pub stretch: f32,
}

impl Baseline {
    pub(super) fn x0(&self) -> f32 {
        self.segs.first().map_or(0.0, |s| s.x0)
    }

    pub(super) fn x1(&self) -> f32 {
        self.segs.last().map_or(0.0, |s| s.x1)
    }

    pub(super) fn text(&self) -> String {
        let parts: Vec<&str> = self.segs.iter().map(|s| s.text.as_str()).collect();
        parts
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The runs of a page (or a table cell) as baselines, top first. Runs share
/// a baseline whatever the order the page draws them in (LibreOffice draws
/// quotation marks and spaces in another font before the text around them,
/// and tables cell by cell).
pub(super) fn baselines(mut runs: Vec<Run>) -> Vec<Baseline> {
    runs.retain(|r| r.size > 0.0 && r.x0.is_finite() && r.x1.is_finite() && r.y.is_finite());
    runs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let mut size = runs[i].size;
        let mut j = i + 1;
        while j < runs.len() && runs[i].y - runs[j].y <= 0.35 * size.max(runs[j].size) {
            size = size.max(runs[j].size);
            j += 1;
        }
        let mut group: Vec<&Run> = runs[i..j].iter().collect();
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut segs: Vec<Seg> = Vec::new();
        let mut last: Option<&Run> = None;
        // Where the last glyph that is not a blank ends, and the widest
        // stretch of blanks (typed or a gap) between two that are.
        let mut ink = f32::NEG_INFINITY;
        let mut stretch: f32 = 0.0;
        for run in group {
            // A run drawn twice in place (a shadow, a bold made by overprinting).
            if last.is_some_and(|l| l.text == run.text && (l.x0 - run.x0).abs() < 0.2 * size) {
                continue;
            }
            last = Some(run);
            // Erased text (struck out) takes its place, and no more.
            let blank = !run.text.is_empty() && run.text.trim().is_empty();
            match segs.last_mut() {
                // Typed blanks (drawn spaces) never part cells: a cell gap is empty.
                Some(seg) if run.x0 - seg.x1 <= CELL_GAP * size || blank => {
                    let gap = run.x0 - seg.x1;
                    let wide = gap > 0.6 * size && !seg.text.ends_with(char::is_whitespace);
                    if wide || (gap > 0.15 * size && blank_between(&seg.text, &run.text)) {
                        seg.text.push(' ');
                    }
                    seg.text.push_str(&run.text);
                    seg.x1 = seg.x1.max(run.x1);
                }
                _ if blank => continue,
                _ => segs.push(Seg {
                    text: run.text.clone(),
                    x0: run.x0,
                    x1: run.x1,
                }),
            }
            if !blank {
                if ink.is_finite() {
                    stretch = stretch.max(run.x0 - ink);
                }
                ink = ink.max(run.x1);
            }
        }
        // Blanks at a line's end are no part of it.
        for seg in &mut segs {
            let trimmed = seg.text.trim_end().len();
            if trimmed < seg.text.len() {
                seg.text.truncate(trimmed);
            }
        }
        if let Some(seg) = segs.last_mut()
            && ink.is_finite()
        {
            seg.x1 = seg.x1.min(ink);
        }
        segs.retain(|s| !s.text.trim().is_empty());
        if !segs.is_empty() {
            out.push(Baseline {
                y: runs[i].y,
                size,
                segs,
                stretch,
            });
        }
        i = j;
    }
    out
}

/// Blanks wider than this many font sizes in a line lay it out (a signature
/// and its date far apart), as no running text does.
const LAID_OUT_BLANKS: f32 = 1.5;

#[derive(Debug)]
struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    /// Parted by a cell gap (`办公室　　　　2025年3月20日`): laid out, not running text.
    gapped: bool,
}

impl Line {
    fn of(b: &Baseline) -> Line {
        Line {
            text: b.text(),
            x0: b.x0(),
            x1: b.x1(),
            y: b.y,
            size: b.size,
            gapped: b.segs.len() > 1 || b.stretch > LAID_OUT_BLANKS * b.size,
        }
    }
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

/// A line wrapped on to the next: is a blank between them? As
/// [`blank_between`], but a number cut by the wrap (`1234` `5热线`, `98.4` `%`)
/// is one.
pub(super) fn blank_at_wrap(left: &str, right: &str) -> bool {
    let digit_end = left.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let number_goes_on = right
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '%' | '.' | '‰'));
    blank_between(left, right) && !(digit_end && number_goes_on)
}

/// Two pieces of text side by side: is a blank between them text or layout?
pub(super) fn blank_between(left: &str, right: &str) -> bool {
    match (left.chars().next_back(), right.chars().next()) {
        (Some(a), Some(b)) => !a.is_whitespace() && !b.is_whitespace() && !is_cjk(a) && !is_cjk(b),
        _ => false,
    }
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

/// A line opening with an item's number (`一、`, `（二）`, `3.`, `①`) starts
/// a paragraph even when the line before filled the measure: a list's items
/// are paragraphs, and a wrap rarely falls just before a number and its
/// mark (a decimal, `1.5倍`, is no item's number).
fn opens_item(text: &str) -> bool {
    let n = crate::text::list_marker_len(text);
    let body = text.trim_start();
    n > 0 && !body.starts_with(['-', '*']) && !text[n..].starts_with(|c: char| c.is_ascii_digit())
}

/// A header's identity across pages: its text without blanks, digits as `#`.
fn edge_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The indexes of the lines at the top and bottom of a page, topmost first:
/// above and below its tables (`tables`: the top of the highest, the bottom
/// of the lowest), never among them.
fn edges(lines: &[Line], tables: Option<(f32, f32)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[b].y.total_cmp(&lines[a].y));
    let (top, bottom) = tables.unwrap_or((f32::NEG_INFINITY, f32::INFINITY));
    let mut picked: Vec<usize> = order
        .iter()
        .take(EDGE_LINES)
        .copied()
        .filter(|&i| lines[i].y > top)
        .collect();
    for &i in order
        .iter()
        .rev()
        .take(EDGE_LINES)
        .filter(|&&i| lines[i].y < bottom)
    {
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked
}

/// Drops headers, footers and page numbers from each page's lines.
fn drop_edges(pages: &mut [Vec<Line>], tables: &[Option<(f32, f32)>]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (page, &tables) in pages.iter().zip(tables) {
        let mut keys: Vec<String> = edges(page, tables)
            .into_iter()
            .map(|i| edge_key(&page[i].text))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    for (page, &tables) in pages.iter_mut().zip(tables) {
        let mut drop = vec![false; page.len()];
        for i in edges(page, tables) {
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

/// The text of all pages in reading order: paragraphs, and tables rebuilt
/// from the positions of their text (`table.rs`), laid out on their grid as
/// the docx reader lays out a Word table.
pub(super) fn items(pages: Vec<Page>, budget: &mut Budget) -> Result<Vec<Item>, Error> {
    let mut page_lines: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
    let mut page_tables: Vec<Vec<Table>> = Vec::with_capacity(pages.len());
    for page in pages {
        let mut runs = page.runs;
        strike_out(&mut runs, &page.rules);
        let mut tables = table::ruled(&mut runs, &page.rules, budget)?;
        let mut lines = baselines(runs);
        tables.extend(table::unruled(&mut lines, &page.rules));
        tables.sort_by(|a, b| b.top.total_cmp(&a.top));
        page_lines.push(lines.iter().map(Line::of).collect());
        page_tables.push(tables);
    }
    let extents: Vec<Option<(f32, f32)>> = page_tables
        .iter()
        .map(|t| {
            let top = t.iter().map(|t| t.top).reduce(f32::max)?;
            let bottom = t.iter().map(|t| t.bottom).reduce(f32::min)?;
            Some((top, bottom))
        })
        .collect();
    let mut pages = page_lines;
    drop_edges(&mut pages, &extents);
    let all = || pages.iter().flatten();
    let left = all().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = all().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let reaches = |l: &Line| l.x1 >= right - 2.0 * l.size;
    // The rightmost line reaches the margin by definition: the measure is
    // only known when two lines reach it (else no line wraps).
    let measured = all().filter(|l| reaches(l)).nth(1).is_some();
    let full = |l: &Line| measured && reaches(l) && !l.gapped;
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
    // The body text's size: that of most lines.
    let mut sizes: HashMap<i64, usize> = HashMap::new();
    for line in all() {
        *sizes.entry(bucket(line.size)).or_default() += 1;
    }
    let body = sizes
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(0.0, |(size, _)| size as f32 / 2.0);

    let mut out: Vec<Item> = Vec::new();
    // A table, kept until what follows it shows whether the next page continues it.
    let mut pending: Option<Table> = None;
    // The line before, and whether it began its paragraph.
    let mut prev: Option<(&Line, bool)> = None;
    for (page, tables) in pages.iter().zip(page_tables) {
        let mut tables = tables.into_iter().peekable();
        let mut first = true;
        for (i, line) in page.iter().enumerate() {
            while let Some(table) = tables.next_if(|t| t.top > line.y) {
                pending = Some(match pending.take() {
                    Some(before) if first && before.columns == table.columns => {
                        table::continued(before, table)
                    }
                    Some(before) => {
                        flush(&mut out, before, budget)?;
                        table
                    }
                    None => table,
                });
                first = false;
                prev = None;
            }
            first = false;
            if let Some(table) = pending.take() {
                flush(&mut out, table, budget)?;
            }
            let joins = prev.is_some_and(|(p, p_first)| {
                // Across a page break the distance says nothing.
                let spaced = i > 0 && p.y - line.y > pitch(p.size) * 1.15;
                // A title larger than the body text, wrapped and centred.
                let centred = (line.x0 + line.x1 - p.x0 - p.x1).abs() < p.size
                    && line.x0 > left + p.size
                    && p.size > 1.1 * body;
                let indent_ok = if p_first {
                    // After a paragraph's first line: back to the margin (the first
                    // line was indented), or on the margin as it was; or centred
                    // under it (a title).
                    line.x0 <= p.x0 - p.size
                        || (p.x0 <= left + 0.5 * p.size && line.x0 <= left + 0.5 * p.size)
                        || centred
                } else {
                    (line.x0 - p.x0).abs() < 0.5 * p.size
                };
                full(p)
                    && indent_ok
                    && !spaced
                    && similar(p.size, line.size)
                    && !line.gapped
                    && !opens_item(&line.text)
            });
            match out.last_mut() {
                Some(Item::Paragraph(para)) if joins => {
                    if blank_at_wrap(para, &line.text) {
                        para.push(' ');
                    }
                    para.push_str(&line.text);
                }
                _ => out.push(Item::Paragraph(line.text.clone())),
            }
            prev = Some((line, !joins));
        }
        for table in tables {
            pending = Some(match pending.take() {
                Some(before) if first && before.columns == table.columns => {
                    table::continued(before, table)
                }
                Some(before) => {
                    flush(&mut out, before, budget)?;
                    table
                }
                None => table,
            });
            first = false;
            prev = None;
        }
    }
    if let Some(table) = pending {
        flush(&mut out, table, budget)?;
    }
    Ok(out)
}

/// The most rules a page may have for struck-out text to be looked for.
const MAX_STRIKE_RULES: usize = 3000;

/// Erases the text of the runs a rule strikes through (a tracked deletion as LibreOffice
/// shows it, struck text as a word processor prints it): a level stroke a
/// fifth to a half of the font size above the baseline along most of the run.
fn strike_out(runs: &mut [Run], rules: &[Rule]) {
    let level: Vec<&Rule> = rules.iter().filter(|r| r.horizontal).collect();
    if level.is_empty() || level.len() > MAX_STRIKE_RULES {
        return;
    }
    for run in runs.iter_mut() {
        let width = run.x1 - run.x0;
        if width <= 0.0 || run.text.trim().is_empty() {
            continue;
        }
        let struck: f32 = level
            .iter()
            .filter(|r| {
                let above = r.at - run.y;
                above >= 0.18 * run.size && above <= 0.5 * run.size
            })
            .map(|r| (r.to.min(run.x1) - r.from.max(run.x0)).max(0.0))
            .sum();
        if struck >= 0.6 * width {
            // Its place kept: the line it was on still reaches as far.
            run.text.clear();
        }
    }
}

/// A table's rows laid out on its grid (or flowed, a form's), after the items so far.
fn flush(out: &mut Vec<Item>, table: Table, budget: &mut Budget) -> Result<(), Error> {
    out.extend(grid::finish(table.columns, table.rows, budget)?);
    Ok(())
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

    fn pages_of(pages: Vec<Vec<Run>>, rules: Vec<Vec<Rule>>) -> Vec<Page> {
        let mut rules = rules.into_iter();
        pages
            .into_iter()
            .map(|runs| Page {
                runs,
                rules: rules.next().unwrap_or_default(),
            })
            .collect()
    }

    fn read(pages: Vec<Page>) -> (Vec<crate::read::Block>, Vec<Vec<Vec<String>>>) {
        let mut budget = Budget::new(1_000_000, 1_000_000);
        grid::into_blocks(items(pages, &mut budget).expect("within the budget"))
    }

    /// The paragraphs of pages without rules.
    fn paragraphs(pages: Vec<Vec<Run>>) -> Vec<String> {
        read(pages_of(pages, Vec::new()))
            .0
            .into_iter()
            .map(|b| match b {
                crate::read::Block::Paragraph(p) => p,
                crate::read::Block::Table(t) => panic!("a table: {t:?}"),
            })
            .collect()
    }

    /// The text of pages (SPEC §2: a table's cells by tabs, its rows by lines).
    fn text(pages: Vec<Vec<Run>>, rules: Vec<Vec<Rule>>) -> String {
        crate::read::render(&read(pages_of(pages, rules)).0)
    }

    fn level(y: f32, x0: f32, x1: f32) -> Rule {
        Rule::new(x0, y, x1, y).expect("a level rule")
    }

    fn plumb(x: f32, y0: f32, y1: f32) -> Rule {
        Rule::new(x, y0, x, y1).expect("a plumb rule")
    }

    /// A task table without rules: a header, a row whose task wraps, a row.
    fn unruled_rows() -> Vec<Run> {
        vec![
            run("现将任务分解如下：", 50.0, 158.0, 740.0),
            run("序号", 50.0, 74.0, 700.0),
            run("任务", 100.0, 124.0, 700.0),
            run("责任人", 250.0, 286.0, 700.0),
            run("完成时限", 330.0, 378.0, 700.0),
            run("1", 58.0, 64.0, 682.0),
            run("高标准农田建", 100.0, 172.0, 682.0),
            run("何建国", 250.0, 286.0, 682.0),
            run("10月底前", 330.0, 372.0, 682.0),
            // The cell's next line lies closer than the next row.
            run("设", 100.0, 112.0, 668.0),
            run("2", 58.0, 64.0, 650.0),
            run("小型水库排查", 100.0, 172.0, 650.0),
            run("唐晓燕", 250.0, 286.0, 650.0),
            run("5月15日前", 330.0, 380.0, 650.0),
            run("特此通知。", 50.0, 110.0, 600.0),
        ]
    }

    #[test]
    fn an_unruled_table_is_rebuilt_from_its_gutters_and_row_spacing() {
        assert_eq!(
            text(vec![unruled_rows()], Vec::new()),
            "现将任务分解如下：\n序号\t任务\t责任人\t完成时限\n\
             1\t高标准农田建设\t何建国\t10月底前\n\
             2\t小型水库排查\t唐晓燕\t5月15日前\n特此通知。\n"
        );
    }

    #[test]
    fn a_table_a_page_break_cuts_is_one_without_its_repeated_header() {
        let mut first = unruled_rows();
        first.truncate(9);
        let second = vec![
            run("序号", 50.0, 74.0, 700.0),
            run("任务", 100.0, 124.0, 700.0),
            run("责任人", 250.0, 286.0, 700.0),
            run("完成时限", 330.0, 378.0, 700.0),
            run("设", 100.0, 112.0, 682.0),
            run("2", 58.0, 64.0, 664.0),
            run("小型水库排查", 100.0, 172.0, 664.0),
            run("唐晓燕", 250.0, 286.0, 664.0),
            run("5月15日前", 330.0, 380.0, 664.0),
        ];
        assert_eq!(
            text(vec![first, second], Vec::new()),
            "现将任务分解如下：\n序号\t任务\t责任人\t完成时限\n\
             1\t高标准农田建设\t何建国\t10月底前\n\
             2\t小型水库排查\t唐晓燕\t5月15日前\n"
        );
    }

    #[test]
    fn a_ruled_table_keeps_a_merged_cell_in_its_first_row() {
        let (xs, ys) = ([40.0, 90.0, 200.0, 300.0], [720.0, 700.0, 680.0, 660.0]);
        let mut rules: Vec<Rule> = xs.iter().map(|&x| plumb(x, 660.0, 720.0)).collect();
        rules.extend(ys.iter().map(|&y| level(y, 40.0, 300.0)));
        // No rule between the second and third rows in the last column: one cell.
        rules.retain(|r| !(r.horizontal && r.at == 680.0));
        rules.push(level(680.0, 40.0, 200.0));
        let runs = vec![
            run("序号", 45.0, 69.0, 706.0),
            run("任务", 95.0, 119.0, 706.0),
            run("牵头领导", 205.0, 253.0, 706.0),
            run("1", 45.0, 51.0, 686.0),
            run("城区排水", 95.0, 143.0, 686.0),
            // Centred in the merged cell, on the rule that is not drawn.
            run("朱永刚", 205.0, 241.0, 676.0),
            run("2", 45.0, 51.0, 666.0),
            run("易涝点整治", 95.0, 155.0, 666.0),
        ];
        let (blocks, filled) = read(pages_of(vec![runs], vec![rules]));
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            blocks,
            [crate::read::Block::Table(vec![
                row(&["序号", "任务", "牵头领导"]),
                row(&["1", "城区排水", "朱永刚"]),
                row(&["2", "易涝点整治", ""]),
            ])]
        );
        assert_eq!(filled[0][2], row(&["2", "易涝点整治", "朱永刚"]));
    }

    #[test]
    fn struck_out_text_is_dropped() {
        let runs = vec![
            run("完成时限：", 50.0, 110.0, 700.0),
            run("6月底前", 110.0, 158.0, 700.0),
            run("7月15日前", 158.0, 218.0, 700.0),
        ];
        // A rule through the middle of `6月底前`, and an underline under the rest.
        let rules = vec![level(704.5, 110.0, 158.0), level(698.5, 158.0, 218.0)];
        assert_eq!(text(vec![runs], vec![rules]), "完成时限：7月15日前\n");
    }

    #[test]
    fn runs_read_in_place_whatever_the_order_they_are_drawn_in() {
        // LibreOffice draws quotation marks (another font) before the text around them.
        let runs = vec![
            run("“", 74.0, 86.0, 700.0),
            run("”", 134.0, 146.0, 700.0),
            run("按照", 50.0, 74.0, 700.0),
            run("一巷一策", 86.0, 134.0, 700.0),
            run("要求", 146.0, 170.0, 700.0),
        ];
        assert_eq!(paragraphs(vec![runs]), ["按照“一巷一策”要求"]);
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

    #[test]
    fn a_line_opening_with_an_items_number_starts_a_paragraph() {
        // Lines that fill the measure, no spacing between them.
        let page = vec![
            run(
                "一、加快建设。负责人：何建国；完成时限：2025年6月底前。",
                50.0,
                540.0,
                700.0,
            ),
            run(
                "二、做好防返贫动态监测，每月开展一次排查，发现问题及时处置，产量增长",
                50.0,
                540.0,
                680.0,
            ),
            run(
                "1.5倍，确保不发生规模性返贫，每月开展一次排查，发现问题及时处置。",
                50.0,
                540.0,
                660.0,
            ),
        ];
        assert_eq!(
            paragraphs(vec![page]),
            [
                "一、加快建设。负责人：何建国；完成时限：2025年6月底前。",
                "二、做好防返贫动态监测，每月开展一次排查，发现问题及时处置，产量增长1.5倍，确保不发生规模性返贫，每月开展一次排查，发现问题及时处置。"
            ]
        );
        assert!(opens_item("（三）落实资金"));
        assert!(!opens_item("-5%的降幅"));
    }
}
