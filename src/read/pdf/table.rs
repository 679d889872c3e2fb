//! Tables rebuilt from where their text lies.
//!
//! * A *ruled* table is a grid of rules (the borders LibreOffice and Word
//!   draw as strokes or thin rectangles) that meet: its columns lie between
//!   the vertical rules, its rows between the horizontal ones, and two grid
//!   positions with no rule between them are one merged cell, whose text goes
//!   in its first row and column as the docx reader puts a Word cell's.
//! * An *unruled* table is found in the text alone: lines parted into pieces
//!   by cell gaps (wider than [`CELL_GAP`](super::layout::CELL_GAP) font sizes), whose pieces keep to
//!   columns with blank gutters between them all the way down. Its rows part
//!   where the lines lie further apart than the lines of one cell (or a rule
//!   lies between them).
//!
//! A cell's lines make one paragraph while each reaches the cell's right edge
//! (the text wraps), a new one after a line that stops short. The rows are
//! laid out, or a form flowed as paragraphs, by the docx reader's
//! [`finish`](crate::read::docx::table::finish).

use super::layout::{Baseline, Rule, Run, Seg, baselines, blank_at_wrap};
use crate::error::Error;
use crate::read::docx::table::{Budget, Item, MAX_COLUMNS, RawCell, RawRow, VMerge, finish};

/// A table found on a page.
#[derive(Debug)]
pub(super) struct Table {
    /// Its top, bottom, left and right on the page.
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
    /// Grid columns.
    pub columns: usize,
    pub rows: Vec<RawRow>,
}

/// How far apart (points) rules may lie and still be one.
const TOLERANCE: f32 = 2.0;

/// How far apart (points) a rule's end and another rule may lie and still
/// meet: borders are drawn to overlap at their joints, and a table inside a
/// cell (a form's) keeps a point or two off the cell's borders.
const MEET: f32 = 0.9;

/// The most rules a page may have for its grids to be looked for (the
/// search is quadratic; a drawing of thousands of strokes holds no table).
const MAX_RULES: usize = 3000;

/// How far short of a cell's right edge (in font sizes) a line may end and
/// still wrap on to the next.
const WRAP_SLACK: f32 = 1.6;

/// Disjoint sets over `0..n`.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The smaller index stays the root: a merged cell's first position.
        if a < b {
            self.0[b] = a;
        } else {
            self.0[a] = b;
        }
    }
}

/// Values within [`TOLERANCE`] of each other as one, ascending.
fn cluster(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n as f32 <= TOLERANCE => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// Whether a rule among `rules` lies at `at` and reaches `along`.
fn covered(rules: &[&Rule], at: f32, along: f32) -> bool {
    rules.iter().any(|r| {
        (r.at - at).abs() <= TOLERANCE && r.from - TOLERANCE <= along && along <= r.to + TOLERANCE
    })
}

/// Whether a horizontal and a vertical rule meet.
fn meet(h: &Rule, v: &Rule) -> bool {
    v.at >= h.from - MEET && v.at <= h.to + MEET && h.at >= v.from - MEET && h.at <= v.to + MEET
}

/// The ruled tables of a page; the runs inside them are taken out of `runs`.
/// A table inside a cell of another (a form's) is one of that cell's items.
pub(super) fn ruled(
    runs: &mut Vec<Run>,
    rules: &[Rule],
    budget: &mut Budget,
) -> Result<Vec<Table>, Error> {
    if rules.len() > MAX_RULES || runs.is_empty() {
        return Ok(Vec::new());
    }
    let (h, v): (Vec<&Rule>, Vec<&Rule>) = rules.iter().partition(|r| r.horizontal);
    // Rules that meet, by connected groups.
    let mut sets = Sets::new(h.len() + v.len());
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if meet(a, b) {
                sets.union(i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<&Rule>, Vec<&Rule>)> =
        Default::default();
    for (i, r) in h.iter().enumerate() {
        groups.entry(sets.find(i)).or_default().0.push(r);
    }
    for (j, r) in v.iter().enumerate() {
        groups.entry(sets.find(h.len() + j)).or_default().1.push(r);
    }
    let mut groups: Vec<(Vec<&Rule>, Vec<&Rule>)> = groups
        .into_values()
        .filter(|(hs, vs)| hs.len() >= 2 && vs.len() >= 2)
        .collect();
    // Inner tables first: the smallest.
    let area = |(hs, vs): &(Vec<&Rule>, Vec<&Rule>)| {
        let span = |rules: &[&Rule]| {
            let lo = rules.iter().map(|r| r.at).fold(f32::INFINITY, f32::min);
            let hi = rules.iter().map(|r| r.at).fold(f32::NEG_INFINITY, f32::max);
            hi - lo
        };
        span(hs) * span(vs)
    };
    groups.sort_by(|a, b| area(a).total_cmp(&area(b)));
    let mut tables = Vec::new();
    for (hs, vs) in groups {
        if let Some(table) = grid(runs, &hs, &vs, &mut tables, budget)? {
            tables.push(table);
        }
    }
    Ok(tables)
}

/// The table a group of rules draws, when it has two columns or more and
/// text; the `tables` found so far inside its cells become their items.
fn grid(
    runs: &mut Vec<Run>,
    hs: &[&Rule],
    vs: &[&Rule],
    tables: &mut Vec<Table>,
    budget: &mut Budget,
) -> Result<Option<Table>, Error> {
    let xs = cluster(vs.iter().map(|r| r.at).collect());
    let mut ys = cluster(hs.iter().map(|r| r.at).collect());
    ys.reverse(); // top first
    if xs.len() < 3 || ys.len() < 2 || xs.len() > MAX_COLUMNS + 1 {
        return Ok(None);
    }
    let (cols, rows) = (xs.len() - 1, ys.len() - 1);
    let mut sets = Sets::new(rows * cols);
    for r in 0..rows {
        let ymid = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let xmid = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !covered(vs, xs[c + 1], ymid) {
                sets.union(r * cols + c, r * cols + c + 1);
            }
            if r + 1 < rows && !covered(hs, ys[r + 1], xmid) {
                sets.union(r * cols + c, (r + 1) * cols + c);
            }
        }
    }
    // The runs inside, by the cell they lie in.
    let mut cell_runs: Vec<Vec<Run>> = (0..rows * cols).map(|_| Vec::new()).collect();
    let mut any = false;
    let mut kept = Vec::with_capacity(runs.len());
    for run in runs.drain(..) {
        let mx = (run.x0 + run.x1) / 2.0;
        let my = run.y + 0.3 * run.size;
        let inside = mx > xs[0] && mx < xs[cols] && my < ys[0] && my > ys[rows];
        if !inside {
            kept.push(run);
            continue;
        }
        let c = xs
            .partition_point(|&x| x <= mx)
            .saturating_sub(1)
            .min(cols - 1);
        let r = ys
            .partition_point(|&y| y >= my)
            .saturating_sub(1)
            .min(rows - 1);
        let root = sets.find(r * cols + c);
        any |= !run.text.trim().is_empty();
        cell_runs[root].push(run);
    }
    *runs = kept;
    let mut cell_tables: Vec<Vec<Table>> = (0..rows * cols).map(|_| Vec::new()).collect();
    let mut outside = Vec::with_capacity(tables.len());
    for table in tables.drain(..) {
        let mx = (table.left + table.right) / 2.0;
        let my = (table.top + table.bottom) / 2.0;
        if mx > xs[0] && mx < xs[cols] && my < ys[0] && my > ys[rows] {
            let c = xs
                .partition_point(|&x| x <= mx)
                .saturating_sub(1)
                .min(cols - 1);
            let r = ys
                .partition_point(|&y| y >= my)
                .saturating_sub(1)
                .min(rows - 1);
            let root = sets.find(r * cols + c);
            cell_tables[root].push(table);
            any = true;
        } else {
            outside.push(table);
        }
    }
    *tables = outside;
    if !any {
        return Ok(None);
    }
    // Each merged cell's extent: its last row and column.
    let mut last = vec![(0usize, 0usize); rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let root = sets.find(r * cols + c);
            let (lr, lc) = &mut last[root];
            *lr = (*lr).max(r);
            *lc = (*lc).max(c);
        }
    }
    let mut out = Vec::with_capacity(rows);
    for r in 0..rows {
        let mut row = RawRow::default();
        let mut c = 0;
        while c < cols {
            let root = sets.find(r * cols + c);
            let mut span = 1;
            while c + span < cols && sets.find(r * cols + c + span) == root {
                span += 1;
            }
            let (root_r, root_c) = (root / cols, root % cols);
            let vmerge = if root_r < r {
                VMerge::Continue
            } else if last[root].0 > r {
                VMerge::Restart
            } else {
                VMerge::None
            };
            let inner = std::mem::take(&mut cell_tables[root]);
            let held_table = !inner.is_empty();
            let items = if root_r == r && root_c == c {
                let runs = std::mem::take(&mut cell_runs[root]);
                let (left, right) = (xs[c], xs[(last[root].1 + 1).min(cols)]);
                cell_items(baselines(runs), inner, (left, right), budget)?
            } else {
                Vec::new()
            };
            row.cells.push(RawCell {
                items,
                span,
                vmerge,
                held_table,
            });
            c += span;
        }
        out.push(row);
    }
    Ok(Some(Table {
        top: ys[0],
        bottom: ys[rows],
        left: xs[0],
        right: xs[cols],
        columns: cols,
        rows: out,
    }))
}

/// A ruled cell's items: its lines as paragraphs, the tables inside it
/// (laid out, or flowed) where they lie among them.
fn cell_items(
    lines: Vec<Baseline>,
    tables: Vec<Table>,
    (left, right): (f32, f32),
    budget: &mut Budget,
) -> Result<Vec<Item>, Error> {
    let mut tables = tables;
    tables.sort_by(|a, b| b.top.total_cmp(&a.top));
    let mut tables = tables.into_iter().peekable();
    let mut out = Vec::new();
    let mut chunk = Vec::new();
    for line in lines {
        while let Some(table) = tables.next_if(|t| t.top > line.y) {
            out.extend(paragraphs(std::mem::take(&mut chunk), Some(left), right));
            out.extend(finish(table.columns, table.rows, budget)?);
        }
        chunk.push(line);
    }
    out.extend(paragraphs(chunk, Some(left), right));
    for table in tables {
        out.extend(finish(table.columns, table.rows, budget)?);
    }
    Ok(out)
}

/// A cell's lines as paragraphs: a line that reaches the cell's right edge
/// goes on in the next. `left` is the cell's left edge when ruled: the text's
/// padding from it is taken off the right edge too.
fn paragraphs(lines: Vec<Baseline>, left: Option<f32>, right: f32) -> Vec<Item> {
    let text_left = lines.iter().map(Baseline::x0).fold(f32::INFINITY, f32::min);
    let padding = left.map_or(0.0, |l| (text_left - l).max(0.0));
    let edge = right - padding;
    let mut out: Vec<String> = Vec::new();
    let mut wraps = false;
    for line in &lines {
        let text = line.text();
        match out.last_mut() {
            Some(para) if wraps => {
                if blank_at_wrap(para, &text) {
                    para.push(' ');
                }
                para.push_str(&text);
            }
            _ => out.push(text),
        }
        wraps = line.x1() >= edge - WRAP_SLACK * line.size;
    }
    out.into_iter()
        .filter(|p| !p.is_empty())
        .map(Item::Paragraph)
        .collect()
}

/// How many gutters between the intervals of `cover` a piece spans wholly.
fn bridges(cover: &[(f32, f32)], seg: &Seg) -> usize {
    cover
        .windows(2)
        .filter(|w| seg.x0 <= w[0].1 && seg.x1 >= w[1].0)
        .count()
}

/// Adds a piece to the ascending, disjoint intervals of `cover`.
fn add(cover: &mut Vec<(f32, f32)>, seg: &Seg) {
    let (mut x0, mut x1) = (seg.x0, seg.x1);
    cover.retain(|&(a, b)| {
        let overlaps = a <= x1 && b >= x0;
        if overlaps {
            x0 = x0.min(a);
            x1 = x1.max(b);
        }
        !overlaps
    });
    let at = cover.partition_point(|&(a, _)| a < x0);
    cover.insert(at, (x0, x1));
}

/// The most lines apart (in font sizes) two lines of a table may lie.
const ROW_GAP_MAX: f32 = 2.5;

/// How much further apart than the lines of a cell (in font sizes) the last
/// line of a row and the first of the next lie.
const ROW_SPACING: f32 = 0.2;

/// The unruled tables among a page's lines (top first); their lines are taken out.
pub(super) fn unruled(lines: &mut Vec<Baseline>, rules: &[Rule]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].segs.len() < 2 {
            i += 1;
            continue;
        }
        let mut cover: Vec<(f32, f32)> = Vec::new();
        for seg in &lines[i].segs {
            add(&mut cover, seg);
        }
        let mut parted = 1;
        let mut j = i + 1;
        while j < lines.len() {
            let (above, line) = (&lines[j - 1], &lines[j]);
            if above.y - line.y > ROW_GAP_MAX * above.size.max(line.size) {
                break;
            }
            // A line of running text crosses the gutters.
            if line.segs.len() < 2 && bridges(&cover, &line.segs[0]) > 0 {
                break;
            }
            for seg in &line.segs {
                if bridges(&cover, seg) == 0 {
                    add(&mut cover, seg);
                }
            }
            parted += usize::from(line.segs.len() > 1);
            j += 1;
        }
        if parted < 2 || cover.len() < 2 || cover.len() > MAX_COLUMNS {
            i += 1;
            continue;
        }
        let region: Vec<Baseline> = lines.drain(i..j).collect();
        tables.push(unruled_table(region, &cover, rules));
    }
    tables
}

/// The rows and cells of an unruled table's lines, in the columns of `cover`.
fn unruled_table(lines: Vec<Baseline>, cover: &[(f32, f32)], rules: &[Rule]) -> Table {
    let gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|&d| d > 0.5 * w_size(&lines))
        .collect();
    let min = gaps.iter().copied().fold(f32::INFINITY, f32::min);
    let max = gaps.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let (left, right) = (cover[0].0, cover[cover.len() - 1].1);
    let columns = cover.len();
    let mut rows: Vec<Vec<Vec<Baseline>>> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let new_row = k == 0 || {
            let above = &lines[k - 1];
            let d = above.y - line.y;
            // No cell wraps when all lines lie alike apart: each is a row.
            let alike = max - min < ROW_SPACING * line.size;
            let ruled = rules.iter().any(|r| {
                r.horizontal && r.at < above.y && r.at > line.y && r.from < right && r.to > left
            });
            alike || ruled || d > min + ROW_SPACING * line.size
        };
        if new_row {
            rows.push((0..columns).map(|_| Vec::new()).collect());
        }
        let row = rows.last_mut().expect("a row was pushed");
        for seg in &line.segs {
            // The column the piece starts in (a piece across gutters spans from there).
            let c = cover
                .iter()
                .position(|&(_, b)| seg.x0 <= b)
                .unwrap_or(columns - 1);
            row[c].push(Baseline {
                y: line.y,
                size: line.size,
                segs: vec![seg.clone()],
                stretch: 0.0,
            });
        }
    }
    let rows = rows
        .into_iter()
        .map(|cells| RawRow {
            before: 0,
            cells: cells
                .into_iter()
                .enumerate()
                .map(|(c, lines)| RawCell {
                    items: paragraphs(lines, None, cover[c].1),
                    span: 1,
                    vmerge: VMerge::None,
                    held_table: false,
                })
                .collect(),
        })
        .collect();
    let first = &lines[0];
    let last = &lines[lines.len() - 1];
    Table {
        top: first.y + first.size,
        bottom: last.y - 0.3 * last.size,
        left,
        right,
        columns,
        rows,
    }
}

/// The largest font size among lines.
fn w_size(lines: &[Baseline]) -> f32 {
    lines.iter().map(|l| l.size).fold(0.0, f32::max)
}

/// A row's cells as text, to compare rows.
fn row_text(row: &RawRow) -> Vec<String> {
    row.cells
        .iter()
        .map(|c| {
            c.items
                .iter()
                .filter_map(|i| match i {
                    Item::Paragraph(p) => Some(p.as_str()),
                    Item::Table(_) => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// `next`, at the top of a page, after `before`, which ended the page before
/// with as many columns: one table. The header rows a table repeats on
/// each page are dropped; a first row without its first cell is the rest of
/// the row the page break cut, its cells' text put after the cells above.
pub(super) fn continued(mut before: Table, next: Table) -> Table {
    let mut rows = next.rows.into_iter().peekable();
    let mut k = 0;
    while let Some(row) = rows.peek() {
        if before.rows.get(k).is_some_and(|b| {
            !b.cells.iter().all(|c| c.items.is_empty()) && row_text(b) == row_text(row)
        }) {
            rows.next();
            k += 1;
        } else {
            break;
        }
    }
    if let (Some(row), Some(last)) = (rows.peek(), before.rows.last())
        && row.cells.len() == last.cells.len()
        && row
            .cells
            .first()
            .is_some_and(|c| c.items.is_empty() && c.vmerge != VMerge::Continue)
        && row.cells.iter().any(|c| !c.items.is_empty())
    {
        let row = rows.next().expect("peeked");
        let last = before.rows.last_mut().expect("a last row");
        for (into, cell) in last.cells.iter_mut().zip(row.cells) {
            let mut items = cell.items.into_iter();
            if let (Some(Item::Paragraph(a)), Some(Item::Paragraph(_))) =
                (into.items.last_mut(), items.as_slice().first())
                && let Some(Item::Paragraph(b)) = items.next()
            {
                if blank_at_wrap(a, &b) {
                    a.push(' ');
                }
                a.push_str(&b);
            }
            into.items.extend(items);
        }
    }
    before.rows.extend(rows);
    before.bottom = next.bottom;
    before.left = before.left.min(next.left);
    before.right = before.right.max(next.right);
    before
}
