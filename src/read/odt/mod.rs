//! The `.odt` reader: an OpenDocument text (a zip with `content.xml`, like a
//! docx) → blocks of text, through the docx reader's zip, XML and table code
//! and under the same [`Limits`].
//!
//! * `office:text` in document order: `text:p` and `text:h` a paragraph each,
//!   `table:table` a table; lists, sections and index bodies read through;
//!   tracked changes (the deleted text lives there), declarations and index
//!   templates dropped.
//! * Inside a paragraph: whitespace collapsed as ODF says; `text:s` → its
//!   spaces, `text:tab` → one space, `text:line-break` splits the paragraph;
//!   spans, links, fields and ruby bases read through; notes, annotations and
//!   ruby texts dropped; text boxes (`draw:text-box`) follow the paragraph
//!   that anchors them.
//! * Automatic list numbering (`text:list` with a `text:list-style`) is
//!   rendered as its label in front of an item's first paragraph, as in a
//!   docx (see [`lists`]); the file holds no label text. Numbering that
//!   paragraph styles carry is not shown; headings are numbered by the
//!   outline style.
//! * Tables: `table:number-columns-spanned` and `table:number-rows-spanned`
//!   are merged cells as in a docx; forms flow as paragraphs (see
//!   [`table`](super::docx::table)). A repeated row is read once.
//! * `meta.xml`: `dc:title` and the date of `meta:creation-date`.

mod lists;

use std::path::Path;

use super::docx::core::parse_date;
use super::docx::package::Package;
use super::docx::table::{self, Budget, Item, MAX_COLUMNS, RawCell, RawRow, VMerge};
use super::docx::xml::{Elem, Node, Ns, Xml};
use super::{Document, Format};
use crate::error::Error;
use crate::options::Limits;

/// The `mimetype` of a text document (also the prefix of a template's and a
/// master document's).
const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.text";

/// True for a zip that is an OpenDocument text: its first entry is the
/// `mimetype` the standard asks for, stored, or (a package written by a
/// lax tool) it has a `content.xml` and no `word/document.xml`.
pub(crate) fn is_odt(bytes: &[u8]) -> bool {
    // The local header is 30 bytes, then the name, the extra field, the data.
    let le16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map_or(0, |b| usize::from(u16::from_le_bytes(b)))
    };
    let data = 30 + le16(26) + le16(28);
    // A stored `mimetype` decides; a compressed one cannot be read here.
    if bytes.get(30..38) == Some(b"mimetype") && le16(8) == 0 {
        return bytes.get(data..).is_some_and(|d| d.starts_with(MIMETYPE));
    }
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|zip| {
        zip.index_for_name("content.xml").is_some()
            && zip.index_for_name("word/document.xml").is_none()
    })
}

/// Reads an `.odt` from its bytes. `path` only names the input in errors.
pub(crate) fn read_odt(
    bytes: &[u8],
    path: Option<&Path>,
    limits: &Limits,
) -> Result<Document, Error> {
    read(bytes, limits).map_err(|e| e.at(path))
}

fn read(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    let mut pkg = Package::open(bytes, limits)?;
    let content = pkg
        .read_part("content.xml")?
        .ok_or_else(|| Error::NotADocx {
            path: None,
            reason: "an OpenDocument text without content.xml".into(),
        })?;
    let (title, created) = match pkg.read_part("meta.xml")? {
        Some(xml) => read_meta(&xml, limits)?,
        None => (None, None),
    };
    let mut styles = lists::Styles::default();
    if let Some(xml) = pkg.read_part("styles.xml")? {
        styles.read(&xml, "styles.xml", limits)?;
    }
    // Automatic list styles live in the content.
    styles.read(&content, "content.xml", limits)?;
    let mut walker = Walker {
        xml: Xml::new(&content, "content.xml", limits),
        budget: Budget::new(limits.max_table_cells, limits.max_entry_bytes),
        tables: 0,
        lists: lists::Lists::new(styles),
    };
    let mut items = Vec::new();
    loop {
        match walker.xml.next()? {
            Node::Start(e) if e.is(Ns::Office, b"text") => walker.blocks(&mut items)?,
            Node::Eof => break,
            _ => {}
        }
    }
    let (blocks, filled_tables) = table::into_blocks(items);
    Ok(Document {
        format: Format::Odt,
        encoding: None,
        title,
        created,
        blocks,
        filled_tables,
    })
}

/// `dc:title` and the date of `meta:creation-date`; a date that does not
/// parse is left out.
fn read_meta(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Option<String>, Option<chrono::NaiveDate>), Error> {
    let mut xml = Xml::new(bytes, "meta.xml", limits);
    let (mut title, mut created) = (None, None);
    loop {
        match xml.next()? {
            Node::Start(e) if e.is(Ns::Dc, b"title") => {
                title = Some(xml.text()?.trim().to_string()).filter(|t| !t.is_empty());
            }
            Node::Start(e) if e.is(Ns::Meta, b"creation-date") => {
                created = parse_date(xml.text()?.trim());
            }
            Node::Eof => return Ok((title, created)),
            _ => {}
        }
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    /// Text up to each line break.
    lines: Vec<String>,
    current: String,
    /// Text boxes anchored here, emitted after the paragraph.
    floating: Vec<Item>,
}

impl Para {
    /// Character data: white space collapses to one space.
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }
}

/// A small count attribute (`table:number-columns-spanned`, `text:c`),
/// at least one; the table layout clips spans to its grid.
fn count(e: &Elem<'_>, local: &[u8]) -> usize {
    e.attr(local)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_COLUMNS)
}

/// A cell without content.
fn empty(span: usize, vmerge: VMerge) -> RawCell {
    RawCell {
        items: Vec::new(),
        span,
        vmerge,
        held_table: false,
    }
}

/// Adds a cell to a row; the grid is clipped at its widest, so cells past
/// it are not kept.
fn push(row: &mut RawRow, cell: RawCell) {
    if row.cells.len() < MAX_COLUMNS {
        row.cells.push(cell);
    }
}

struct Walker<'a> {
    xml: Xml<'a>,
    budget: Budget,
    /// Tables read so far, to tell a cell that holds one.
    tables: usize,
    lists: lists::Lists,
}

impl Walker<'_> {
    /// Reads the block-level children of the element just started.
    fn blocks(&mut self, out: &mut Vec<Item>) -> Result<(), Error> {
        loop {
            match self.xml.next()? {
                Node::Start(e) => self.block(&e, out)?,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => {}
            }
        }
    }

    fn block(&mut self, e: &Elem<'_>, out: &mut Vec<Item>) -> Result<(), Error> {
        let local = e.local();
        match e.ns() {
            Ns::Text if local == b"h" => {
                self.lists.heading(e);
                self.paragraph(out)
            }
            Ns::Text if local == b"p" => self.paragraph(out),
            Ns::Table if local == b"table" => {
                let table = self.table()?;
                out.extend(table);
                Ok(())
            }
            // What is no text of the body: deletions, declarations of
            // fields and sequences, the templates of tables of contents.
            Ns::Text
                if local == b"tracked-changes"
                    || local.ends_with(b"-decls")
                    || local.ends_with(b"-source") =>
            {
                self.xml.skip()
            }
            Ns::Text if local == b"list" => {
                self.lists.open_list(e);
                self.blocks(out)?;
                self.lists.close_list();
                Ok(())
            }
            Ns::Text if matches!(local, b"list-item" | b"list-header") => {
                self.lists.open_item(e);
                self.blocks(out)
            }
            // Sections, index bodies; frames anchored to the page, holding
            // text boxes.
            Ns::Text | Ns::Draw => self.blocks(out),
            _ => self.xml.skip(),
        }
    }

    /// Reads a `text:p` or `text:h` whose start was just read.
    fn paragraph(&mut self, out: &mut Vec<Item>) -> Result<(), Error> {
        // Numbered in document order, before any text box inside.
        let label = self.lists.label();
        let mut p = Para::default();
        self.inline(&mut p)?;
        p.lines.push(std::mem::take(&mut p.current));
        table::push_paragraph(out, label, &p.lines, &mut p.floating);
        Ok(())
    }

    /// Reads the inline content of the element just started into `p`.
    fn inline(&mut self, p: &mut Para) -> Result<(), Error> {
        loop {
            match self.xml.next()? {
                Node::Start(e) => self.inline_elem(&e, p)?,
                Node::Text(t) => p.text(&t),
                Node::End | Node::Eof => return Ok(()),
            }
        }
    }

    fn inline_elem(&mut self, e: &Elem<'_>, p: &mut Para) -> Result<(), Error> {
        match (e.ns(), e.local()) {
            (Ns::Text, b"s") => {
                p.current.extend(std::iter::repeat_n(' ', count(e, b"c")));
            }
            (Ns::Text, b"tab") => p.current.push(' '),
            (Ns::Text, b"line-break") => p.lines.push(std::mem::take(&mut p.current)),
            (Ns::Text, b"note" | b"ruby-text") | (Ns::Office, _) => {}
            (Ns::Draw, b"text-box") => return self.blocks(&mut p.floating),
            // Paragraphs and tables in a shape: read as text boxes.
            (Ns::Text, b"p" | b"h") => return self.paragraph(&mut p.floating),
            (Ns::Table, b"table") => {
                let table = self.table()?;
                p.floating.extend(table);
                return Ok(());
            }
            // Spans, links, fields, ruby bases, frames and shapes.
            (Ns::Text | Ns::Draw, _) => return self.inline(p),
            _ => {}
        }
        self.xml.skip()
    }

    /// Reads a `table:table` whose start was just read: one data table, or
    /// a form's blocks.
    fn table(&mut self) -> Result<Vec<Item>, Error> {
        self.tables += 1;
        let mut grid = 0usize;
        let mut rows = Vec::new();
        // For each column, how many rows below a cell spanning rows still covers.
        let mut covering = vec![0usize; MAX_COLUMNS];
        self.rows(&mut grid, &mut rows, &mut covering)?;
        table::finish(grid, rows, &mut self.budget)
    }

    /// Reads the columns and rows among the children of the element just
    /// started: the table, or a group of rows or columns.
    fn rows(
        &mut self,
        grid: &mut usize,
        rows: &mut Vec<RawRow>,
        covering: &mut [usize],
    ) -> Result<(), Error> {
        loop {
            let e = match self.xml.next()? {
                Node::Start(e) => e,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => continue,
            };
            match (e.ns(), e.local()) {
                (Ns::Table, b"table-column") => {
                    *grid = grid.saturating_add(count(&e, b"number-columns-repeated"));
                    self.xml.skip()?;
                }
                (
                    Ns::Table,
                    b"table-columns"
                    | b"table-column-group"
                    | b"table-header-columns"
                    | b"table-header-rows"
                    | b"table-rows"
                    | b"table-row-group",
                ) => self.rows(grid, rows, covering)?,
                (Ns::Table, b"table-row") => {
                    let row = self.row(covering)?;
                    rows.push(row);
                }
                _ => self.xml.skip()?,
            }
        }
    }

    /// Reads a `table:table-row` whose start was just read. Every cell and
    /// covered cell stands for one grid column.
    fn row(&mut self, covering: &mut [usize]) -> Result<RawRow, Error> {
        let mut row = RawRow::default();
        let mut col = 0usize;
        // The end of the columns the last cell of this row spans.
        let mut spanned = 0usize;
        loop {
            let e = match self.xml.next()? {
                Node::Start(e) => e,
                Node::End | Node::Eof => return Ok(row),
                Node::Text(_) => continue,
            };
            let repeated = count(&e, b"number-columns-repeated");
            match (e.ns(), e.local()) {
                (Ns::Table, b"table-cell") => {
                    let span = count(&e, b"number-columns-spanned");
                    let down = count(&e, b"number-rows-spanned");
                    let vmerge = if down > 1 {
                        VMerge::Restart
                    } else {
                        VMerge::None
                    };
                    for c in covering.iter_mut().skip(col).take(span) {
                        *c = down - 1;
                    }
                    spanned = col.saturating_add(span);
                    let cell = self.cell(span, vmerge)?;
                    push(&mut row, cell);
                    // Repeated cells are empty ones in practice.
                    for _ in 1..repeated {
                        push(&mut row, empty(span, VMerge::None));
                    }
                    col = col.saturating_add(repeated);
                }
                (Ns::Table, b"covered-table-cell") => {
                    // Beside a cell spanning columns: counted by its span;
                    // under a cell spanning rows: a continuation.
                    for _ in 0..repeated {
                        if col >= spanned
                            && let Some(left) = covering.get_mut(col).filter(|n| **n > 0)
                        {
                            *left -= 1;
                            push(&mut row, empty(1, VMerge::Continue));
                        }
                        col = col.saturating_add(1);
                    }
                    self.xml.skip()?;
                }
                _ => self.xml.skip()?,
            }
        }
    }

    /// Reads a `table:table-cell` whose start was just read.
    fn cell(&mut self, span: usize, vmerge: VMerge) -> Result<RawCell, Error> {
        let mut cell = empty(span, vmerge);
        let tables = self.tables;
        self.blocks(&mut cell.items)?;
        cell.held_table = self.tables > tables;
        Ok(cell)
    }
}
