//! The main text's characters → paragraphs and tables.

use super::chpx::{Change, Changes};
use super::lists::Lists;
use super::papx::{Marks, RowDef};
use super::pieces::Char;
use crate::error::Error;
use crate::options::Limits;
use crate::read::Block;
use crate::read::docx::table::{self, Budget, Item, RawCell, RawRow, VMerge};

const PARAGRAPH_END: char = '\u{0D}';
const CELL_END: char = '\u{07}';
const FIELD_BEGIN: char = '\u{13}';
const FIELD_SEPARATOR: char = '\u{14}';
const FIELD_END: char = '\u{15}';

/// The blocks of the main text and the (unmerged) grid of each table.
pub(super) type Laid = (Vec<Block>, Vec<Vec<Vec<String>>>);

/// Lays the main text out as blocks, a character at a time.
pub(super) struct Reader<'a> {
    marks: &'a Marks,
    changes: &'a Changes,
    lists: Lists,
    layout: Layout,
    /// Open fields, innermost last: true while in the code (dropped), false
    /// once past the separator (the result, kept).
    fields: Vec<bool>,
    /// How many of `fields` are in their code.
    codes: usize,
    /// UTF-8 bytes of text read, against the limit.
    bytes: u64,
    bytes_limit: u64,
}

impl<'a> Reader<'a> {
    pub fn new(
        marks: &'a Marks,
        changes: &'a Changes,
        lists: Lists,
        limits: &Limits,
    ) -> Reader<'a> {
        Reader {
            marks,
            changes,
            lists,
            layout: Layout {
                items: Vec::new(),
                lines: Vec::new(),
                open: Vec::new(),
                budget: Budget::new(limits.max_table_cells, limits.max_entry_bytes),
            },
            fields: Vec::new(),
            codes: 0,
            bytes: 0,
            bytes_limit: limits.max_total_decompressed_bytes,
        }
    }

    pub fn feed(&mut self, ch: Char) -> Result<(), Error> {
        self.bytes += ch.c.len_utf8() as u64;
        if self.bytes > self.bytes_limit {
            return Err(Error::TooLarge {
                path: None,
                what: "the text of the document".into(),
                actual: self.bytes,
                limit: self.bytes_limit,
            });
        }
        let layout = &mut self.layout;
        let c = match self.changes.at(ch.fc) {
            // Paragraph, cell and row marks stay (the docx reader keeps a
            // deleted paragraph's mark too); a row left empty by deletions
            // goes at its end, as a docx's deleted rows do.
            Some(Change::Deleted) if ch.c != PARAGRAPH_END && ch.c != CELL_END => {
                layout.deleted();
                return Ok(());
            }
            Some(Change::Symbol(None)) if !ch.c.is_control() => return Ok(()),
            Some(Change::Symbol(Some(symbol))) if !ch.c.is_control() => symbol,
            _ => ch.c,
        };
        match c {
            FIELD_BEGIN => {
                self.fields.push(true);
                self.codes += 1;
            }
            FIELD_SEPARATOR => {
                if let Some(code) = self.fields.last_mut().filter(|c| **c) {
                    *code = false;
                    self.codes -= 1;
                }
            }
            FIELD_END => {
                if self.fields.pop() == Some(true) {
                    self.codes -= 1;
                }
            }
            PARAGRAPH_END | CELL_END => {
                // A code never spans paragraphs: one still open is broken,
                // and must not swallow the text after it.
                if self.codes > 0 {
                    self.fields.retain(|code| !code);
                    self.codes = 0;
                }
                let mark = self.marks.at(ch.fc);
                let label = self.lists.label(mark.ilfo, mark.ilvl);
                // A nested table's cells and rows end in paragraph marks; the
                // outermost table's in cell marks.
                let depth = usize::from(mark.depth);
                let nested = depth >= 2;
                if c == PARAGRAPH_END && nested && mark.inner_row_end {
                    layout.row_end(depth, self.marks.row(mark))?;
                } else if c == PARAGRAPH_END && nested && mark.inner_cell {
                    layout.cell_end(depth, label)?;
                } else if c == PARAGRAPH_END {
                    layout.paragraph_end(depth, label)?;
                } else if mark.row_end {
                    layout.row_end(depth, self.marks.row(mark))?;
                } else {
                    layout.cell_end(depth, label)?;
                }
            }
            _ if self.codes > 0 => {}
            // Line, page, column and section breaks.
            '\u{0B}' | '\u{0C}' | '\u{0E}' => layout.lines.push(String::new()),
            '\t' => layout.push(' '),
            // A non-breaking hyphen.
            '\u{1E}' => layout.push('-'),
            // Soft hyphens, pictures, drawn objects, footnote and comment
            // marks; a symbol font's private glyphs (as for a docx's `w:sym`).
            c if c < ' ' || ('\u{F000}'..='\u{F0FF}').contains(&c) => {}
            c => layout.push(c),
        }
        Ok(())
    }

    /// The blocks, once the last character is fed.
    pub fn finish(mut self) -> Result<Laid, Error> {
        self.layout.paragraph_end(0, None)?;
        Ok(table::into_blocks(self.layout.items))
    }
}

/// A cell as read: its paragraphs and nested tables, and whether it holds a table.
type Cell = (Vec<Item>, bool);

/// A table open at some depth: its rows so far and the cell being read.
#[derive(Debug, Default)]
struct Open {
    /// The cell being read: its paragraphs and nested tables, and whether
    /// it holds a table.
    cell: Vec<Item>,
    held_table: bool,
    row: Vec<Cell>,
    /// Text of the row being read was deleted as a tracked change.
    row_deleted: bool,
    rows: Vec<(Vec<Cell>, Option<RowDef>)>,
}

struct Layout {
    /// The body read so far: paragraphs, and tables with their filled grids.
    items: Vec<Item>,
    /// The paragraph being read, split at its line breaks.
    lines: Vec<String>,
    /// The tables open around the paragraph being read, outermost first.
    open: Vec<Open>,
    budget: Budget,
}

impl Layout {
    fn push(&mut self, c: char) {
        match self.lines.last_mut() {
            Some(line) => line.push(c),
            None => self.lines.push(c.to_string()),
        }
    }

    /// Text of the innermost open table's row was deleted.
    fn deleted(&mut self) {
        if let Some(open) = self.open.last_mut() {
            open.row_deleted = true;
        }
    }

    /// The paragraph's non-empty lines, trimmed, its numbering label in
    /// front of the first (alone when the paragraph has no text).
    fn take_lines(&mut self, label: Option<String>) -> Vec<String> {
        let mut lines: Vec<String> = std::mem::take(&mut self.lines)
            .into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if let Some(label) = label {
            match lines.first_mut() {
                Some(first) => first.insert_str(0, &label),
                None => lines.push(label.trim().to_string()),
            }
        }
        lines.retain(|l| !l.is_empty());
        lines
    }

    /// Closes the tables deeper than `depth` and opens those up to it.
    fn at_depth(&mut self, depth: usize) -> Result<(), Error> {
        while self.open.len() > depth {
            self.close_table()?;
        }
        while self.open.len() < depth {
            self.open.push(Open::default());
        }
        Ok(())
    }

    /// Ends a paragraph `depth` tables deep: in the body, or in the cell
    /// being read of the innermost table.
    fn paragraph_end(&mut self, depth: usize, label: Option<String>) -> Result<(), Error> {
        let lines = self.take_lines(label).into_iter().map(Item::Paragraph);
        self.at_depth(depth)?;
        match self.open.last_mut() {
            Some(open) => open.cell.extend(lines),
            None => self.items.extend(lines),
        }
        Ok(())
    }

    fn cell_end(&mut self, depth: usize, label: Option<String>) -> Result<(), Error> {
        self.paragraph_end(depth.max(1), label)?;
        if let Some(open) = self.open.last_mut() {
            let cell = std::mem::take(&mut open.cell);
            let held = std::mem::take(&mut open.held_table);
            open.row.push((cell, held));
        }
        Ok(())
    }

    fn row_end(&mut self, depth: usize, def: Option<&RowDef>) -> Result<(), Error> {
        let depth = depth.max(1);
        self.at_depth(depth)?;
        // Text before a row mark that no cell mark ended is a cell of its own.
        if !self.lines.is_empty() || self.open.last().is_some_and(|o| !o.cell.is_empty()) {
            self.cell_end(depth, None)?;
        }
        if let Some(open) = self.open.last_mut() {
            let row = std::mem::take(&mut open.row);
            let emptied = row.iter().all(|(cell, _)| cell.is_empty());
            let deleted = std::mem::take(&mut open.row_deleted) && emptied;
            if !row.is_empty() && !deleted {
                open.rows.push((row, def.cloned()));
            }
        }
        Ok(())
    }

    /// Ends the innermost open table, laying it out on the grid of all its
    /// rows' cell edges as the docx reader lays a table on `w:tblGrid`;
    /// what it stands for goes to the cell around it, or the body.
    fn close_table(&mut self) -> Result<(), Error> {
        let Some(mut open) = self.open.pop() else {
            return Ok(());
        };
        if !open.cell.is_empty() {
            open.row
                .push((std::mem::take(&mut open.cell), open.held_table));
        }
        if !open.row.is_empty() {
            open.rows.push((std::mem::take(&mut open.row), None));
        }
        if open.rows.is_empty() {
            return Ok(());
        }
        let mut edges: Vec<i16> = open
            .rows
            .iter()
            .filter_map(|(_, def)| def.as_ref())
            .flat_map(|def| def.bounds.iter().copied())
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let column = |edge: i16| edges.partition_point(|&e| e < edge);
        let raw = open
            .rows
            .into_iter()
            .map(|(cells, def)| raw_row(cells, def.as_ref(), column))
            .collect();
        // A data table, or a form's cells as paragraphs, as for a docx.
        let items = table::finish(edges.len().saturating_sub(1), raw, &mut self.budget)?;
        match self.open.last_mut() {
            Some(around) => {
                around.cell.extend(items);
                around.held_table = true;
            }
            None => self.items.extend(items),
        }
        Ok(())
    }
}

/// A row's cells on the grid: each spans the grid columns between its
/// edges, a cell merged into the one before it widens that one. Without a
/// definition that fits, a cell is one column.
fn raw_row(cells: Vec<Cell>, def: Option<&RowDef>, column: impl Fn(i16) -> usize) -> RawRow {
    let plain = |(items, held_table)| RawCell {
        items,
        span: 1,
        vmerge: VMerge::None,
        held_table,
    };
    let Some(def) = def.filter(|d| d.bounds.len() == cells.len() + 1) else {
        return RawRow {
            before: 0,
            cells: cells.into_iter().map(plain).collect(),
        };
    };
    let mut row = RawRow {
        before: column(def.bounds[0]),
        cells: Vec::with_capacity(cells.len()),
    };
    for (i, (items, held_table)) in cells.into_iter().enumerate() {
        let span = column(def.bounds[i + 1]).saturating_sub(column(def.bounds[i]));
        match row.cells.last_mut() {
            Some(before) if def.merged[i] => before.span += span,
            _ => row.cells.push(RawCell {
                items,
                span,
                vmerge: def.vmerge[i],
                held_table,
            }),
        }
    }
    row
}
