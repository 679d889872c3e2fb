//! Laying a table's cells out on its grid.
//!
//! Each row has one position per grid column. A cell spanning columns
//! (`w:gridSpan`) or rows (`w:vMerge`) puts its text in its first row and
//! column, the positions it covers left empty (the dev renderings' layout);
//! the *filled* copy of the grid has the text in every position the cell
//! covers, so that a row can be read on its own (a task row's 牵头领导).
//!
//! A *form* is no data table: the 会议纪要表 whose rows are 会议名称, 时间,
//! 主持人 … and whose 会议内容 cell holds the whole minutes, paragraphs and
//! tables. A table without a header row (see [`is_form`]) that has a cell
//! of several paragraphs or a table in a cell flows as paragraphs instead:
//! a label cell and the cell after it make one `label：value` paragraph, any
//! other cell's paragraphs follow one by one, and its tables stay tables.

use crate::error::Error;
use crate::read::Block;

/// Word tables have at most 63 columns; wider spans are clipped.
pub(in crate::read) const MAX_COLUMNS: usize = 64;

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::read) enum VMerge {
    None,
    Restart,
    Continue,
}

/// A block while reading: a table keeps its filled grid until the end.
#[derive(Debug)]
pub(in crate::read) enum Item {
    Paragraph(String),
    Table(Table),
}

/// A paragraph read as items: one per line break, its numbering label before
/// the first (or alone, when the paragraph has no text), then the text boxes
/// anchored in it.
pub(in crate::read) fn push_paragraph(
    out: &mut Vec<Item>,
    mut label: Option<String>,
    lines: &[String],
    floating: &mut Vec<Item>,
) {
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let text = match label.take() {
            Some(l) => format!("{l}{line}"),
            None => line.to_string(),
        };
        out.push(Item::Paragraph(text));
    }
    if let Some(l) = label
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
    {
        out.push(Item::Paragraph(l));
    }
    out.append(floating);
}

/// A cell as read: its blocks and how far it reaches.
#[derive(Debug)]
pub(in crate::read) struct RawCell {
    pub items: Vec<Item>,
    pub span: usize,
    pub vmerge: VMerge,
    /// A table was read inside the cell (kept as one, or flowed as paragraphs).
    pub held_table: bool,
}

/// A row as read.
#[derive(Debug, Default)]
pub(in crate::read) struct RawRow {
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub before: usize,
    pub cells: Vec<RawCell>,
}

/// A table laid out on its grid.
#[derive(Debug)]
pub(in crate::read) struct Table {
    /// Merged text in the first position only.
    pub rows: Vec<Vec<String>>,
    /// Merged text in every position covered.
    pub filled: Vec<Vec<String>>,
}

/// What all the tables of a document may still use: grid positions, and
/// bytes of text copied into covered positions (a long cell merged over many
/// rows must not multiply memory).
#[derive(Debug)]
pub(in crate::read) struct Budget {
    cells: u64,
    cells_limit: u64,
    bytes: u64,
    bytes_limit: u64,
}

impl Budget {
    /// A budget of `cells` grid positions and `bytes` of copied text.
    pub fn new(cells: u64, bytes: u64) -> Self {
        Budget {
            cells,
            cells_limit: cells,
            bytes,
            bytes_limit: bytes,
        }
    }
}

fn over(what: &str, limit: u64) -> Error {
    Error::TooLarge {
        path: None,
        what: what.into(),
        actual: limit.saturating_add(1),
        limit,
    }
}

/// The blocks a table stands for: a form's cells as paragraphs (and its
/// tables), or one data table laid out on a grid of `grid_columns` (from
/// `w:tblGrid`; widened when the rows need more).
pub(in crate::read) fn finish(
    grid_columns: usize,
    raw: Vec<RawRow>,
    budget: &mut Budget,
) -> Result<Vec<Item>, Error> {
    if is_form(&raw) {
        Ok(flow_form(raw))
    } else {
        Ok(vec![Item::Table(layout(grid_columns, raw, budget)?)])
    }
}

/// The most characters of a header cell or a form's label.
const MAX_HEADER_CHARS: usize = 10;

/// A cell of one short line without digits: a column header (序号, 完成时限)
/// or a form's label (主持人, 会议内容, `主 持 人：`).
fn label(cell: &RawCell) -> Option<String> {
    let [Item::Paragraph(p)] = cell.items.as_slice() else {
        return None;
    };
    let squeezed: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    let short = squeezed.chars().count() <= MAX_HEADER_CHARS;
    let digits = squeezed
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    (short && !digits).then_some(squeezed)
}

/// Fields of a meeting form that no data table's header holds: a row
/// naming one (会议名称|…|主持人|…) is the form's, not a header.
const FORM_FIELDS: &[&str] = &[
    "会议名称",
    "会议主题",
    "会议时间",
    "会议地点",
    "主持人",
    "记录人",
    "参会人员",
    "出席人员",
    "列席人员",
    "会议内容",
    "会议议题",
];

/// A form: no header row (the first row of two or more cells, after title
/// rows of one, has three or more, all of them short labels and none a
/// [`FORM_FIELDS`] one, as 序号|任务|责任人|完成时限), and a cell holding a
/// table or several paragraphs. A data table with a header keeps its
/// multi-paragraph cells (a log's 记录 column, a task table's 子表) as one
/// string each.
fn is_form(rows: &[RawRow]) -> bool {
    let header = rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .filter(|c| !c.items.is_empty())
                .collect::<Vec<&RawCell>>()
        })
        .find(|cells| cells.len() >= 2)
        .is_some_and(|cells| {
            let labels: Vec<String> = cells.iter().filter_map(|c| label(c)).collect();
            cells.len() >= 3
                && labels.len() == cells.len()
                && !labels
                    .iter()
                    .any(|l| FORM_FIELDS.contains(&l.trim_end_matches(['：', ':'])))
        });
    !header
        && rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.held_table || c.items.len() > 1)
}

/// A form's cells in reading order: a label and the cell after it as one
/// `label：value` paragraph, the value's other blocks after it.
fn flow_form(rows: Vec<RawRow>) -> Vec<Item> {
    let mut out = Vec::new();
    for row in rows {
        let mut cells = row
            .cells
            .into_iter()
            .filter(|c| !c.items.is_empty())
            .peekable();
        while let Some(cell) = cells.next() {
            let pair = label(&cell).filter(|_| {
                cells
                    .peek()
                    .is_some_and(|next| matches!(next.items.first(), Some(Item::Paragraph(_))))
            });
            let (Some(label), Some(value)) = (pair, cells.peek_mut()) else {
                out.extend(cell.items);
                continue;
            };
            let mut items = std::mem::take(&mut value.items).into_iter();
            if let Some(Item::Paragraph(first)) = items.next() {
                let colon = if label.ends_with(['：', ':']) {
                    ""
                } else {
                    "："
                };
                out.push(Item::Paragraph(format!("{label}{colon}{first}")));
            }
            out.extend(items);
            cells.next();
        }
    }
    out
}

/// Blocks and the filled grid of each table, from the items read; tables
/// without rows dropped.
pub(in crate::read) fn into_blocks(items: Vec<Item>) -> (Vec<Block>, Vec<Vec<Vec<String>>>) {
    let mut blocks = Vec::with_capacity(items.len());
    let mut filled = Vec::new();
    for item in items {
        match item {
            Item::Paragraph(p) => blocks.push(Block::Paragraph(p)),
            Item::Table(t) if t.rows.is_empty() => {}
            Item::Table(t) => {
                blocks.push(Block::Table(t.rows));
                filled.push(t.filled);
            }
        }
    }
    (blocks, filled)
}

/// A data cell's text on one line: its paragraphs joined by a space (a cell
/// holds no tab or newline in the text layout); a nested table's cells
/// likewise, row after row.
fn cell_text(items: Vec<Item>) -> String {
    let mut parts = Vec::new();
    for item in items {
        match item {
            Item::Paragraph(p) => parts.push(p),
            Item::Table(t) => parts.extend(t.rows.into_iter().flatten().filter(|c| !c.is_empty())),
        }
    }
    parts.join(" ")
}

/// Lays `raw` out on a grid of `grid_columns`.
fn layout(grid_columns: usize, raw: Vec<RawRow>, budget: &mut Budget) -> Result<Table, Error> {
    let needed = raw
        .iter()
        .map(|r| r.before + r.cells.iter().map(|c| c.span.max(1)).sum::<usize>())
        .max()
        .unwrap_or(0);
    let width = grid_columns.max(needed).min(MAX_COLUMNS);
    let mut rows = Vec::with_capacity(raw.len());
    let mut filled = Vec::with_capacity(raw.len());
    // The text of the vertical merge open at each column.
    let mut open: Vec<Option<String>> = vec![None; width];
    for row in raw {
        budget.cells = budget
            .cells
            .checked_sub(width as u64)
            .ok_or_else(|| over("the table cells", budget.cells_limit))?;
        let mut text = vec![String::new(); width];
        let mut full = vec![String::new(); width];
        let mut col = row.before.min(width);
        let mut reached = vec![false; width];
        for cell in row.cells {
            if col >= width {
                break;
            }
            let end = (col + cell.span.max(1)).min(width);
            let own = cell_text(cell.items);
            let shown = match cell.vmerge {
                VMerge::Continue => open[col].clone().unwrap_or(own),
                VMerge::None | VMerge::Restart => {
                    text[col] = own.clone();
                    own
                }
            };
            let copies = (end - col) as u64 * shown.len() as u64;
            budget.bytes = budget
                .bytes
                .checked_sub(copies)
                .ok_or_else(|| over("the text of merged table cells", budget.bytes_limit))?;
            for c in col..end {
                full[c] = shown.clone();
                reached[c] = true;
                open[c] = match cell.vmerge {
                    VMerge::None => None,
                    VMerge::Restart | VMerge::Continue => Some(shown.clone()),
                };
            }
            col = end;
        }
        // A row that does not reach a column ends the merge there.
        for (slot, reached) in open.iter_mut().zip(reached) {
            if !reached {
                *slot = None;
            }
        }
        rows.push(text);
        filled.push(full);
    }
    Ok(Table { rows, filled })
}
