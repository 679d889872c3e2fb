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
                cell: Vec::new(),
                row: Vec::new(),
                row_deleted: false,
                table: Vec::new(),
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
                layout.row_deleted = true;
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
                if c == PARAGRAPH_END {
                    layout.paragraph_end(mark.in_table, label)?;
                } else if mark.row_end {
                    layout.row_end(self.marks.row(mark))?;
                } else {
                    layout.cell_end(label)?;
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
        self.layout.paragraph_end(false, None)?;
        Ok(table::into_blocks(self.layout.items))
    }
}

struct Layout {
    /// The body read so far: paragraphs, and tables with their filled grids.
    items: Vec<Item>,
    /// The paragraph being read, split at its line breaks.
    lines: Vec<String>,
    /// The paragraphs of the table cell being read.
    cell: Vec<String>,
    /// The paragraphs of each cell of the row being read.
    row: Vec<Vec<String>>,
    /// Text of the row being read was deleted as a tracked change.
    row_deleted: bool,
    /// The rows of the table being read, with their definitions when known.
    table: Vec<(Vec<Vec<String>>, Option<RowDef>)>,
    budget: Budget,
}

impl Layout {
    fn push(&mut self, c: char) {
        match self.lines.last_mut() {
            Some(line) => line.push(c),
            None => self.lines.push(c.to_string()),
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

    fn paragraph_end(&mut self, in_table: bool, label: Option<String>) -> Result<(), Error> {
        let lines = self.take_lines(label);
        if in_table {
            self.cell.extend(lines);
        } else {
            self.close_table()?;
            self.items.extend(lines.into_iter().map(Item::Paragraph));
        }
        Ok(())
    }

    fn cell_end(&mut self, label: Option<String>) -> Result<(), Error> {
        self.paragraph_end(true, label)?;
        let cell = std::mem::take(&mut self.cell);
        self.row.push(cell);
        Ok(())
    }

    fn row_end(&mut self, def: Option<&RowDef>) -> Result<(), Error> {
        // Text before a row mark that no cell mark ended is a cell of its own.
        if !self.lines.is_empty() || !self.cell.is_empty() {
            self.cell_end(None)?;
        }
        let row = std::mem::take(&mut self.row);
        let deleted = std::mem::take(&mut self.row_deleted) && row.iter().all(Vec::is_empty);
        if !row.is_empty() && !deleted {
            self.table.push((row, def.cloned()));
        }
        Ok(())
    }

    /// Ends the table being read, if any, laying it out on the grid of all
    /// its rows' cell edges as the docx reader lays a table on `w:tblGrid`.
    fn close_table(&mut self) -> Result<(), Error> {
        if !self.cell.is_empty() {
            let cell = std::mem::take(&mut self.cell);
            self.row.push(cell);
        }
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.table.push((row, None));
        }
        let rows = std::mem::take(&mut self.table);
        if rows.is_empty() {
            return Ok(());
        }
        let mut edges: Vec<i16> = rows
            .iter()
            .filter_map(|(_, def)| def.as_ref())
            .flat_map(|def| def.bounds.iter().copied())
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let column = |edge: i16| edges.partition_point(|&e| e < edge);
        let raw = rows
            .into_iter()
            .map(|(cells, def)| raw_row(cells, def.as_ref(), column))
            .collect();
        // A data table, or a form's cells as paragraphs, as for a docx.
        let items = table::finish(edges.len().saturating_sub(1), raw, &mut self.budget)?;
        self.items.extend(items);
        Ok(())
    }
}

/// A row's cells on the grid: each spans the grid columns between its
/// edges, a cell merged into the one before it widens that one. Without a
/// definition that fits, a cell is one column.
fn raw_row(cells: Vec<Vec<String>>, def: Option<&RowDef>, column: impl Fn(i16) -> usize) -> RawRow {
    let items = |paragraphs: Vec<String>| paragraphs.into_iter().map(Item::Paragraph).collect();
    let plain = |paragraphs| RawCell {
        items: items(paragraphs),
        span: 1,
        vmerge: VMerge::None,
        held_table: false,
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
    for (i, paragraphs) in cells.into_iter().enumerate() {
        let span = column(def.bounds[i + 1]).saturating_sub(column(def.bounds[i]));
        match row.cells.last_mut() {
            Some(before) if def.merged[i] => before.span += span,
            _ => row.cells.push(RawCell {
                items: items(paragraphs),
                span,
                vmerge: def.vmerge[i],
                held_table: false,
            }),
        }
    }
    row
}
