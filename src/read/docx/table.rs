//! Laying a table's cells out on its grid.
//!
//! Each row has one position per grid column. A cell spanning columns
//! (`w:gridSpan`) or rows (`w:vMerge`) puts its text in its first row and
//! column, the positions it covers left empty (the dev renderings' layout);
//! the *filled* copy of the grid has the text in every position the cell
//! covers, so that a row can be read on its own (a task row's 牵头领导).

use crate::error::Error;

/// Word tables have at most 63 columns; wider spans are clipped.
const MAX_COLUMNS: usize = 64;

/// How a cell takes part in a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VMerge {
    None,
    Restart,
    Continue,
}

/// A cell as read: its text and how far it reaches.
#[derive(Debug)]
pub(crate) struct RawCell {
    pub text: String,
    pub span: usize,
    pub vmerge: VMerge,
}

/// A row as read.
#[derive(Debug, Default)]
pub(crate) struct RawRow {
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub before: usize,
    pub cells: Vec<RawCell>,
}

/// A table laid out on its grid.
#[derive(Debug)]
pub(crate) struct Table {
    /// Merged text in the first position only.
    pub rows: Vec<Vec<String>>,
    /// Merged text in every position covered.
    pub filled: Vec<Vec<String>>,
}

/// What all the tables of a document may still use: grid positions, and
/// bytes of text copied into covered positions (a long cell merged over many
/// rows must not multiply memory).
#[derive(Debug)]
pub(crate) struct Budget {
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

/// Lays `raw` out on a grid of `grid_columns` (from `w:tblGrid`; widened
/// when the rows need more).
pub(crate) fn layout(
    grid_columns: usize,
    raw: Vec<RawRow>,
    budget: &mut Budget,
) -> Result<Table, Error> {
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
            let shown = match cell.vmerge {
                VMerge::Continue => open[col].clone().unwrap_or(cell.text),
                VMerge::None | VMerge::Restart => {
                    text[col] = cell.text.clone();
                    cell.text
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
