//! The body of `word/document.xml`: paragraphs, runs, fields, revisions,
//! text boxes and tables, in reading order.

use super::numbering::{Lists, NumPr, read_num_pr};
use super::table::{self, Budget, Item, RawCell, RawRow, VMerge};
use super::xml::{Elem, Node, Ns, Xml};
use crate::error::Error;
use crate::options::Limits;
use crate::read::Block;

/// The body as blocks, with the filled grid of each table.
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub filled_tables: Vec<Vec<Vec<String>>>,
}

/// The state of one complex field (`w:fldChar`): reading its instruction
/// (dropped) or its result (kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Instruction,
    Result,
}

/// Reads the body of the main document part.
pub(super) fn read_body(
    bytes: &[u8],
    part: &str,
    lists: &mut Lists,
    limits: &Limits,
) -> Result<Body, Error> {
    let mut walker = Walker {
        xml: Xml::new(bytes, part, limits),
        lists,
        fields: Vec::new(),
        budget: Budget::new(limits.max_table_cells, limits.max_entry_bytes),
        placeholder: false,
        tables: 0,
    };
    let mut items = Vec::new();
    loop {
        match walker.xml.next()? {
            Node::Start(e) if e.is(Ns::W, b"body") => walker.blocks(&mut items)?,
            Node::Eof => break,
            _ => {}
        }
    }
    let (blocks, filled_tables) = table::into_blocks(items);
    Ok(Body {
        blocks,
        filled_tables,
    })
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    /// Text up to each line break.
    lines: Vec<String>,
    current: String,
    style: Option<String>,
    numbering: Option<NumPr>,
    /// The label, once the paragraph properties are behind.
    label: Option<Option<String>>,
    /// Text boxes anchored here, emitted after the paragraph.
    floating: Vec<Item>,
}

/// Elements read through as if they were not there.
fn transparent(e: &Elem<'_>) -> bool {
    e.ns() == Ns::W
        && matches!(
            e.local(),
            b"sdt"
                | b"sdtContent"
                | b"customXml"
                | b"smartTag"
                | b"ins"
                | b"moveTo"
                | b"hyperlink"
                | b"fldSimple"
                | b"bdo"
                | b"dir"
                | b"r"
                | b"ruby"
                | b"rubyBase"
        )
}

/// Elements whose content is never text of the body: run properties,
/// deleted and moved-away text, field instructions, ruby annotations.
fn dropped(e: &Elem<'_>) -> bool {
    e.ns() == Ns::W
        && matches!(
            e.local(),
            b"rPr"
                | b"del"
                | b"moveFrom"
                | b"delText"
                | b"instrText"
                | b"delInstrText"
                | b"rt"
                | b"softHyphen"
        )
}

struct Walker<'a, 'l> {
    xml: Xml<'a>,
    lists: &'l mut Lists,
    /// Open complex fields, outermost first.
    fields: Vec<Field>,
    budget: Budget,
    /// The content control just opened shows its placeholder.
    placeholder: bool,
    /// Tables read so far, to tell a cell that holds one.
    tables: usize,
}

impl Walker<'_, '_> {
    /// Reads the block-level children of the element just started (the
    /// body, a cell, a text box, a content control) into `out`.
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
        if self.content_control(e)? {
            Ok(())
        } else if e.is(Ns::W, b"p") {
            self.paragraph(out)
        } else if e.is(Ns::W, b"tbl") {
            let table = self.table()?;
            out.extend(table);
            Ok(())
        } else if e.is(Ns::Mc, b"AlternateContent") {
            self.alternate(|w, e| w.block(e, out))
        } else if transparent(e) {
            self.blocks(out)
        } else {
            self.xml.skip()
        }
    }

    /// Passes over the content of a content control that shows its
    /// placeholder (`w:showingPlcHdr`: "单击此处输入文字", no text of the
    /// document). True when `e`, its properties or content, was consumed.
    fn content_control(&mut self, e: &Elem<'_>) -> Result<bool, Error> {
        if e.is(Ns::W, b"sdtPr") {
            self.placeholder = self.count_children(b"showingPlcHdr")? > 0;
            return Ok(true);
        }
        if e.is(Ns::W, b"sdtContent") && std::mem::take(&mut self.placeholder) {
            self.xml.skip()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads an `mc:AlternateContent`: its first `mc:Choice` with `child`
    /// for each element, the rest (other choices, `mc:Fallback`) skipped.
    fn alternate(
        &mut self,
        mut child: impl FnMut(&mut Self, &Elem<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut chosen = false;
        loop {
            match self.xml.next()? {
                Node::Start(e) if e.is(Ns::Mc, b"Choice") && !chosen => {
                    chosen = true;
                    loop {
                        match self.xml.next()? {
                            Node::Start(c) => child(self, &c)?,
                            Node::End | Node::Eof => break,
                            Node::Text(_) => {}
                        }
                    }
                }
                Node::Start(_) => self.xml.skip()?,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => {}
            }
        }
    }

    /// Reads a `w:p` whose start was just read; pushes its text (split at
    /// line breaks) and then its text boxes.
    fn paragraph(&mut self, out: &mut Vec<Item>) -> Result<(), Error> {
        let mut p = Para::default();
        self.inline(&mut p)?;
        // Instructions never span paragraphs: one left open is broken.
        self.fields.retain(|f| *f == Field::Result);
        let label = match p.label.take() {
            Some(label) => label,
            None => self.lists.label(p.numbering.as_ref(), p.style.as_deref()),
        };
        p.lines.push(std::mem::take(&mut p.current));
        table::push_paragraph(out, label, &p.lines, &mut p.floating);
        Ok(())
    }

    /// Reads the inline children of the element just started into `p`.
    fn inline(&mut self, p: &mut Para) -> Result<(), Error> {
        loop {
            match self.xml.next()? {
                Node::Start(e) => self.inline_elem(&e, p)?,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => {}
            }
        }
    }

    /// Reads one element of running text, whose start was just read.
    fn inline_elem(&mut self, e: &Elem<'_>, p: &mut Para) -> Result<(), Error> {
        if self.content_control(e)? {
            return Ok(());
        }
        if e.is(Ns::W, b"pPr") {
            return self.paragraph_properties(p);
        }
        if p.label.is_none() {
            // The properties come first: number the paragraph now, in
            // document order, before any text box inside it.
            p.label = Some(self.lists.label(p.numbering.as_ref(), p.style.as_deref()));
        }
        let shown = !self.fields.contains(&Field::Instruction);
        let mut push = |c: char| {
            if shown {
                p.current.push(c);
            }
        };
        match (e.ns(), e.local()) {
            (Ns::W | Ns::Math, b"t") => {
                let text = self.xml.text()?;
                // Tabs and newlines in the text itself read as spaces.
                text.chars()
                    .map(|c| {
                        if matches!(c, '\t' | '\n' | '\r') {
                            ' '
                        } else {
                            c
                        }
                    })
                    .for_each(push);
                return Ok(());
            }
            (Ns::W, b"tab" | b"ptab") => push(' '),
            (Ns::W, b"noBreakHyphen") => push('-'),
            (Ns::W, b"sym") => {
                if let Some(c) = e.attr(b"char").and_then(|v| symbol(&v)) {
                    push(c);
                }
            }
            (Ns::W, b"br" | b"cr") => {
                if shown {
                    p.lines.push(std::mem::take(&mut p.current));
                }
            }
            (Ns::W, b"fldChar") => match e.attr(b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field::Instruction),
                Some("separate") => {
                    if let Some(top) = self.fields.last_mut() {
                        *top = Field::Result;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            (Ns::W, b"txbxContent") => return self.blocks(&mut p.floating),
            // Paragraphs and tables out of place (in a drawing without a
            // text box): read as text boxes.
            (Ns::W, b"p") => return self.paragraph(&mut p.floating),
            (Ns::W, b"tbl") => {
                let table = self.table()?;
                p.floating.extend(table);
                return Ok(());
            }
            (Ns::Mc, b"AlternateContent") => {
                return self.alternate(|w, c| w.inline_elem(c, p));
            }
            _ if dropped(e) => {}
            // Runs, hyperlinks, insertions, drawings, shapes, math: read
            // through, looking for text and text boxes.
            _ => return self.inline(p),
        }
        self.xml.skip()
    }

    /// Reads a `w:pPr` whose start was just read: style and numbering.
    fn paragraph_properties(&mut self, p: &mut Para) -> Result<(), Error> {
        loop {
            match self.xml.next()? {
                Node::Start(e) if e.is(Ns::W, b"pStyle") => {
                    p.style = e.attr(b"val");
                    self.xml.skip()?;
                }
                Node::Start(e) if e.is(Ns::W, b"numPr") => {
                    p.numbering = Some(read_num_pr(&mut self.xml)?);
                }
                Node::Start(_) => self.xml.skip()?,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => {}
            }
        }
    }

    /// Reads a `w:tbl` whose start was just read: one data table, or a
    /// form's blocks.
    fn table(&mut self) -> Result<Vec<Item>, Error> {
        self.tables += 1;
        let mut grid = 0usize;
        let mut rows = Vec::new();
        self.rows(&mut grid, &mut rows)?;
        table::finish(grid, rows, &mut self.budget)
    }

    /// Reads the rows (and the grid) among the children of the element just
    /// started: the table, or a content control around rows.
    fn rows(&mut self, grid: &mut usize, rows: &mut Vec<RawRow>) -> Result<(), Error> {
        loop {
            let e = match self.xml.next()? {
                Node::Start(e) => e,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => continue,
            };
            if self.content_control(&e)? {
                continue;
            }
            if e.is(Ns::W, b"tblGrid") {
                *grid = self.count_children(b"gridCol")?;
            } else if e.is(Ns::W, b"tr") {
                if let Some(row) = self.row()? {
                    rows.push(row);
                }
            } else if transparent(&e) {
                self.rows(grid, rows)?;
            } else {
                self.xml.skip()?;
            }
        }
    }

    /// Counts the children named `local` of the element just started.
    fn count_children(&mut self, local: &[u8]) -> Result<usize, Error> {
        let mut n = 0;
        loop {
            match self.xml.next()? {
                Node::Start(e) => {
                    if e.is(Ns::W, local) {
                        n += 1;
                    }
                    self.xml.skip()?;
                }
                Node::End | Node::Eof => return Ok(n),
                Node::Text(_) => {}
            }
        }
    }

    /// Reads a `w:tr` whose start was just read; `None` for a row deleted
    /// as a tracked change.
    fn row(&mut self) -> Result<Option<RawRow>, Error> {
        let mut row = RawRow::default();
        let mut deleted = false;
        self.cells(&mut row, &mut deleted)?;
        Ok((!deleted).then_some(row))
    }

    fn cells(&mut self, row: &mut RawRow, deleted: &mut bool) -> Result<(), Error> {
        loop {
            let e = match self.xml.next()? {
                Node::Start(e) => e,
                Node::End | Node::Eof => return Ok(()),
                Node::Text(_) => continue,
            };
            if self.content_control(&e)? {
                continue;
            }
            if e.is(Ns::W, b"trPr") {
                loop {
                    match self.xml.next()? {
                        Node::Start(p) => {
                            if p.is(Ns::W, b"gridBefore") {
                                row.before = count(&p);
                            } else if p.is(Ns::W, b"del") {
                                *deleted = true;
                            }
                            self.xml.skip()?;
                        }
                        Node::End | Node::Eof => break,
                        Node::Text(_) => {}
                    }
                }
            } else if e.is(Ns::W, b"tc") {
                let cell = self.cell()?;
                row.cells.push(cell);
            } else if transparent(&e) {
                self.cells(row, deleted)?;
            } else {
                self.xml.skip()?;
            }
        }
    }

    /// Reads a `w:tc` whose start was just read.
    fn cell(&mut self) -> Result<RawCell, Error> {
        let mut cell = RawCell {
            items: Vec::new(),
            span: 1,
            vmerge: VMerge::None,
            held_table: false,
        };
        let tables = self.tables;
        loop {
            let e = match self.xml.next()? {
                Node::Start(e) => e,
                Node::End | Node::Eof => break,
                Node::Text(_) => continue,
            };
            if e.is(Ns::W, b"tcPr") {
                loop {
                    match self.xml.next()? {
                        Node::Start(p) => {
                            if p.is(Ns::W, b"gridSpan") {
                                cell.span = count(&p).max(1);
                            } else if p.is(Ns::W, b"vMerge") {
                                cell.vmerge = match p.attr(b"val").as_deref() {
                                    Some("restart") => VMerge::Restart,
                                    _ => VMerge::Continue,
                                };
                            }
                            self.xml.skip()?;
                        }
                        Node::End | Node::Eof => break,
                        Node::Text(_) => {}
                    }
                }
            } else {
                self.block(&e, &mut cell.items)?;
            }
        }
        cell.held_table = self.tables > tables;
        Ok(cell)
    }
}

/// A small count attribute (`w:gridSpan`, `w:gridBefore`); the table
/// layout clips it to the grid.
fn count(e: &Elem<'_>) -> usize {
    e.attr(b"val")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(64)
}

/// The character of a `w:sym` (`w:char` in hex). Symbol fonts put their
/// glyphs at F000–F0FF, which are no text: dropped.
fn symbol(hex: &str) -> Option<char> {
    let code = u32::from_str_radix(hex.trim(), 16).ok()?;
    if (0xF000..=0xF0FF).contains(&code) {
        return None;
    }
    char::from_u32(code).filter(|c| !c.is_control())
}
