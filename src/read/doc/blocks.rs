//! The main text's characters → paragraphs and tables.

use super::lists::Lists;
use super::papx::Marks;
use super::pieces::Char;
use crate::error::Error;
use crate::options::Limits;
use crate::read::Block;

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
    pub fn new(marks: &'a Marks, lists: Lists, limits: &Limits) -> Reader<'a> {
        Reader {
            marks,
            lists,
            layout: Layout {
                cells_left: limits.max_table_cells,
                cells_limit: limits.max_table_cells,
                ..Layout::default()
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
        match ch.c {
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
                if ch.c == PARAGRAPH_END {
                    layout.paragraph_end(mark.in_table, label);
                } else if mark.row_end {
                    layout.row_end()?;
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
            // Soft hyphens, pictures, drawn objects, footnote and comment marks.
            c if c < ' ' => {}
            c => layout.push(c),
        }
        Ok(())
    }

    /// The blocks, once the last character is fed.
    pub fn finish(mut self) -> Laid {
        self.layout.paragraph_end(false, None);
        self.layout.close_table();
        (self.layout.blocks, self.layout.filled)
    }
}

#[derive(Debug, Default)]
struct Layout {
    blocks: Vec<Block>,
    filled: Vec<Vec<Vec<String>>>,
    /// The paragraph being read, split at its line breaks.
    lines: Vec<String>,
    /// The paragraphs of the table cell being read.
    cell: Vec<String>,
    row: Vec<String>,
    table: Vec<Vec<String>>,
    cells_left: u64,
    cells_limit: u64,
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

    fn paragraph_end(&mut self, in_table: bool, label: Option<String>) {
        let lines = self.take_lines(label);
        if in_table {
            self.cell.extend(lines);
        } else {
            self.close_table();
            self.blocks.extend(lines.into_iter().map(Block::Paragraph));
        }
    }

    fn cell_end(&mut self, label: Option<String>) -> Result<(), Error> {
        self.paragraph_end(true, label);
        self.cells_left = self
            .cells_left
            .checked_sub(1)
            .ok_or_else(|| Error::TooLarge {
                path: None,
                what: "the table cells".into(),
                actual: self.cells_limit.saturating_add(1),
                limit: self.cells_limit,
            })?;
        let cell = std::mem::take(&mut self.cell).join(" ");
        self.row.push(cell);
        Ok(())
    }

    fn row_end(&mut self) -> Result<(), Error> {
        // Text before a row mark that no cell mark ended is a cell of its own.
        if !self.lines.is_empty() || !self.cell.is_empty() {
            self.cell_end(None)?;
        }
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.table.push(row);
        }
        Ok(())
    }

    /// Ends the table being read, if any.
    fn close_table(&mut self) {
        if !self.cell.is_empty() {
            let cell = std::mem::take(&mut self.cell).join(" ");
            self.row.push(cell);
        }
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.table.push(row);
        }
        if !self.table.is_empty() {
            let table = std::mem::take(&mut self.table);
            self.blocks.push(Block::Table(table.clone()));
            self.filled.push(table);
        }
    }
}
