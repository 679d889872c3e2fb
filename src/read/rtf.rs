//! The `.rtf` reader: Rich Text Format (RTF 1.x, as Word, WPS and
//! LibreOffice write it) → blocks of text, one pass over the bytes.
//!
//! * Text: `\uN` (signed 16-bit, surrogate pairs joined) followed by `\ucN`
//!   fallback characters that are skipped; `\'hh` bytes and raw 8-bit bytes
//!   decoded together in the code page of the current font (`\fcharset134`
//!   GB2312 → GBK, `\fcharset136` → Big5, `\cpgN` …), else of the document
//!   (`\ansicpgN`, `\ansicpg936` = GBK; windows-1252 when none is given).
//!   Symbol fonts' glyphs (`\fcharset2`, U+F000–U+F0FF) are dropped.
//! * Dropped: `\*` destinations huiyi does not know, the font, colour and
//!   style tables, `\info` (but its `\title` and `\creatim` date), pictures,
//!   headers and footers, footnotes, field instructions (`\fldinst`; the
//!   `\fldrslt` result is kept), the ANSI copy in `\upr` (its `\ud` Unicode
//!   copy is read), `\nonesttables` and `\shprslt` (copies of nested tables
//!   and shapes for old readers), tracked deletions (`\deleted`). A shape's
//!   text box (`\shptxt`) is read, its paragraphs after the paragraph that
//!   anchors it (as a docx's text boxes).
//! * `\par`, `\sect`, `\page` end a paragraph, `\line` splits one (as a
//!   docx line break); `\tab` → one space, but none after a list label
//!   (`\listtext`, `\pntext`) ending in CJK punctuation, as in a docx.
//! * Tables: paragraphs marked `\intbl` (`\itapN` deep) are cell text;
//!   `\cell` and `\row` end a cell and a row, `\nestcell` and `\nestrow` a
//!   nested table's; `\clmgf`/`\clmrg` and `\clvmgf`/`\clvmrg` merge cells,
//!   and a cell spans the grid columns its `\cellx` edges cover (the grid
//!   being every row's edges). A table is laid out (or flowed as a form) as
//!   a docx table is.
//! * Bad input: groups nested deeper than [`Limits::max_xml_depth`] →
//!   [`Error::TooDeep`]; a document that ends inside a group or a control
//!   word, or whose `\binN` runs past its end → [`Error::MalformedRtf`].
//!   Bytes after the outermost group closes are ignored.

use std::collections::HashMap;
use std::path::Path;

use encoding_rs::Encoding;

use super::docx::table::{self, Budget, Item, MAX_COLUMNS, RawCell, RawRow, VMerge};
use super::{Document, Format};
use crate::error::Error;
use crate::options::Limits;

/// Reads an `.rtf` from its bytes. `path` only names the input in errors.
pub(crate) fn read_rtf(
    bytes: &[u8],
    path: Option<&Path>,
    limits: &Limits,
) -> Result<Document, Error> {
    read(bytes, limits).map_err(|e| e.at(path))
}

/// Nested tables deeper than this are read as the deepest one.
const MAX_TABLE_LEVELS: usize = 16;

/// Where the text of a group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    Skip,
    FontTable,
    Info,
    Title,
    Created,
}

/// What a group carries and restores when it closes.
#[derive(Debug, Clone, Copy)]
struct State {
    dest: Dest,
    /// Fallback characters after a `\uN`.
    uc: usize,
    font: Option<i32>,
    /// The font being defined, in the font table.
    defining: Option<i32>,
    /// Table nesting of the paragraph (`\intbl`, `\itapN`).
    level: usize,
    /// In the ANSI copy of an `\upr`: dropped.
    ansi_copy: bool,
    /// In a `\nesttableprops`: the row definition is a nested table's.
    nest_props: bool,
    /// After `\*`: the next control word is a destination to skip unless known.
    starred: bool,
    /// Text deleted as a tracked change (`\deleted`): dropped.
    deleted: bool,
    /// In a shape's text box (`\shptxt`): its paragraphs follow the one
    /// that anchors it.
    text_box: bool,
    /// In a list label (`\listtext`, `\pntext`).
    label: bool,
}

/// How a font's bytes decode.
#[derive(Debug, Clone, Copy)]
enum FontCode {
    Page(&'static Encoding),
    /// A symbol font (`\fcharset2`): its glyphs are no text.
    Symbol,
}

/// How a cell definition (`\cellx`) merges.
#[derive(Debug, Clone, Copy, Default)]
struct CellDef {
    /// `\clmrg`: merged into the cell before it.
    merged_left: bool,
    vmerge: Option<VMerge>,
    /// The right edge (`\cellxN`, in twips).
    right: Option<i64>,
}

/// Cell edges closer than this (in twips, 1/1440 inch) are one grid line:
/// rows drawn by hand rarely line up exactly.
const EDGE_TOLERANCE: i64 = 30;

/// A table being read at one nesting level.
#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<RawRow>,
    /// The right edge of each cell of each row, when the row defines them.
    edges: Vec<Vec<Option<i64>>>,
    cells: Vec<RawCell>,
    cell: Vec<Item>,
    cell_held_table: bool,
}

impl TableBuild {
    fn end_cell(&mut self) {
        let cell = RawCell {
            items: std::mem::take(&mut self.cell),
            span: 1,
            vmerge: VMerge::None,
            held_table: std::mem::take(&mut self.cell_held_table),
        };
        if self.cells.len() < MAX_COLUMNS {
            self.cells.push(cell);
        }
    }

    /// Ends the row, merging its cells as `defs` says.
    fn end_row(&mut self, defs: &[CellDef]) {
        if !self.cell.is_empty() {
            self.end_cell();
        }
        let mut row = RawRow::default();
        let mut edges: Vec<Option<i64>> = Vec::new();
        for (i, mut cell) in std::mem::take(&mut self.cells).into_iter().enumerate() {
            let def = defs.get(i).copied().unwrap_or_default();
            match (row.cells.last_mut(), edges.last_mut()) {
                (Some(left), Some(edge)) if def.merged_left => {
                    left.span += 1;
                    left.items.append(&mut cell.items);
                    *edge = def.right;
                }
                _ => {
                    cell.vmerge = def.vmerge.unwrap_or(VMerge::None);
                    row.cells.push(cell);
                    edges.push(def.right);
                }
            }
        }
        if !row.cells.is_empty() {
            self.rows.push(row);
            self.edges.push(edges);
        }
    }

    /// Spans cells over the grid their edges draw: a cell as wide as two
    /// of the row below spans two columns (how LibreOffice writes a merge).
    fn span_by_edges(&mut self) {
        let mut all: Vec<i64> = self.edges.iter().flatten().flatten().copied().collect();
        all.sort_unstable();
        let mut grid: Vec<i64> = Vec::new();
        for edge in all {
            if grid.last().is_none_or(|&last| edge > last + EDGE_TOLERANCE) {
                grid.push(edge);
            }
        }
        for (row, edges) in self.rows.iter_mut().zip(&self.edges) {
            // Only rows whose every cell has its edge, in order, are re-spanned.
            if edges.iter().any(Option::is_none) || !edges.is_sorted() {
                continue;
            }
            let mut left = i64::MIN;
            for (cell, right) in row.cells.iter_mut().zip(edges.iter().flatten()) {
                let lines = grid
                    .iter()
                    .filter(|&&g| {
                        g > left.saturating_add(EDGE_TOLERANCE)
                            && g <= right.saturating_add(EDGE_TOLERANCE)
                    })
                    .count();
                cell.span = lines.clamp(1, MAX_COLUMNS);
                left = *right;
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    limits: &'a Limits,
    stack: Vec<State>,
    state: State,
    /// The document's code page, and each font's.
    ansi: &'static Encoding,
    fonts: HashMap<i32, FontCode>,
    default_font: Option<i32>,
    /// `\'hh` and raw bytes waiting to be decoded together (a GBK character is two).
    pending: Vec<u8>,
    /// Characters still to skip after a `\uN`.
    skip: usize,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// The paragraph being read: its lines so far and the current one.
    lines: Vec<String>,
    current: String,
    /// The paragraph a text box interrupts, and the text boxes' paragraphs
    /// waiting for its end.
    anchor: Option<(Vec<String>, String)>,
    floating: Vec<Item>,
    title: String,
    created: [Option<i32>; 3],
    /// The body's blocks, and the tables open at each level.
    body: Vec<Item>,
    tables: Vec<TableBuild>,
    /// The cell definitions of the row at each level.
    defs: Vec<Vec<CellDef>>,
    cell_def: CellDef,
    budget: Budget,
}

fn malformed(reason: impl Into<String>) -> Error {
    Error::MalformedRtf {
        path: None,
        reason: reason.into(),
    }
}

fn read(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    let initial = State {
        dest: Dest::Body,
        uc: 1,
        font: None,
        defining: None,
        level: 0,
        ansi_copy: false,
        nest_props: false,
        starred: false,
        deleted: false,
        text_box: false,
        label: false,
    };
    let mut r = Reader {
        bytes,
        at: 0,
        limits,
        stack: Vec::new(),
        state: initial,
        ansi: encoding_rs::WINDOWS_1252,
        fonts: HashMap::new(),
        default_font: None,
        pending: Vec::new(),
        skip: 0,
        high: None,
        lines: Vec::new(),
        current: String::new(),
        anchor: None,
        floating: Vec::new(),
        title: String::new(),
        created: [None; 3],
        body: Vec::new(),
        tables: Vec::new(),
        defs: vec![Vec::new(); MAX_TABLE_LEVELS],
        cell_def: CellDef::default(),
        budget: Budget::new(limits.max_table_cells, limits.max_entry_bytes),
    };
    r.run()?;
    r.end_paragraph(0)?;
    r.close_tables(0)?;
    let created = match r.created {
        [Some(y), Some(m), Some(d)] => u32::try_from(m)
            .ok()
            .zip(u32::try_from(d).ok())
            .and_then(|(m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    let title = Some(r.title.trim().to_string()).filter(|t| !t.is_empty());
    let (blocks, filled_tables) = table::into_blocks(r.body);
    Ok(Document {
        format: Format::Rtf,
        encoding: None,
        title,
        created,
        blocks,
        filled_tables,
    })
}

/// The encoding of a Windows code page, for those Chinese documents and their
/// neighbours use; `None` for others (the document's code page applies).
fn code_page(cp: i32) -> Option<&'static Encoding> {
    use encoding_rs::*;
    Some(match cp {
        936 => GBK,
        54936 => GB18030,
        950 => BIG5,
        932 => SHIFT_JIS,
        949 => EUC_KR,
        65001 => UTF_8,
        874 => WINDOWS_874,
        1250 => WINDOWS_1250,
        1251 => WINDOWS_1251,
        1252 => WINDOWS_1252,
        1253 => WINDOWS_1253,
        1254 => WINDOWS_1254,
        1255 => WINDOWS_1255,
        1256 => WINDOWS_1256,
        1257 => WINDOWS_1257,
        1258 => WINDOWS_1258,
        10000 => MACINTOSH,
        _ => return None,
    })
}

/// The code page of a font's `\fcharsetN`; ANSI and default fonts (`None`)
/// follow the document's.
fn charset(n: i32) -> Option<&'static Encoding> {
    code_page(match n {
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// Destinations whose text is never the document's.
fn skipped(word: &[u8]) -> bool {
    matches!(
        word,
        b"colortbl"
            | b"stylesheet"
            | b"listtable"
            | b"listoverridetable"
            | b"revtbl"
            | b"pict"
            | b"nonshppict"
            | b"header"
            | b"headerl"
            | b"headerr"
            | b"headerf"
            | b"footer"
            | b"footerl"
            | b"footerr"
            | b"footerf"
            | b"footnote"
            | b"annotation"
            | b"fldinst"
            | b"nonesttables"
            | b"objdata"
            | b"private"
            | b"xe"
            | b"tc"
            | b"txe"
            // A shape's properties, and the copy of a shape for old readers.
            | b"sp"
            | b"shprslt"
    )
}

impl Reader<'_> {
    fn run(&mut self) -> Result<(), Error> {
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'{' => {
                    self.flush();
                    self.skip = 0;
                    if self.stack.len() >= self.limits.max_xml_depth {
                        return Err(Error::TooDeep {
                            path: None,
                            part: "RTF groups".into(),
                            limit: self.limits.max_xml_depth,
                        });
                    }
                    self.stack.push(self.state);
                    self.state.starred = false;
                }
                b'}' => {
                    self.flush();
                    self.skip = 0;
                    let inner = self.state;
                    match self.stack.pop() {
                        Some(outer) => self.state = outer,
                        None => return Ok(()),
                    }
                    if inner.text_box && !self.state.text_box {
                        self.end_text_box();
                    }
                    if self.stack.is_empty() {
                        // The outermost group closed: the document is complete.
                        return Ok(());
                    }
                }
                b'\\' => self.control()?,
                b'\r' | b'\n' => {}
                _ if self.skip > 0 => self.skip -= 1,
                0x80.. => self.pending.push(b),
                _ => {
                    self.flush();
                    self.char(char::from(b));
                }
            }
        }
        if self.stack.is_empty() {
            Ok(())
        } else {
            Err(malformed(format!(
                "the document ends with {} groups open",
                self.stack.len()
            )))
        }
    }

    /// Reads a control word or symbol; its backslash was just read.
    fn control(&mut self) -> Result<(), Error> {
        let Some(&next) = self.bytes.get(self.at) else {
            return Err(malformed("the document ends inside a control word"));
        };
        if next == b'\'' {
            let hex = self
                .bytes
                .get(self.at + 1..self.at + 3)
                .ok_or_else(|| malformed("the document ends inside a \\' escape"))?;
            self.at += 3;
            let byte = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if self.skip > 0 {
                self.skip -= 1;
            } else if let Some(byte) = byte {
                self.pending.push(byte);
            }
            return Ok(());
        }
        self.flush();
        if !next.is_ascii_alphabetic() {
            self.at += 1;
            return self.symbol(next);
        }
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        // The input outlives the reader, so the word borrows it, not `self`.
        let bytes = self.bytes;
        let word = bytes.get(start..self.at).unwrap_or_default();
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let mut param: Option<i64> = None;
        while let Some(d) = self.bytes.get(self.at).filter(|d| d.is_ascii_digit()) {
            // Saturating: a parameter of many digits is out of every range.
            let value = param.unwrap_or(0).saturating_mul(10);
            param = Some(
                value
                    .saturating_add(i64::from(d - b'0'))
                    .min(i64::from(u32::MAX)),
            );
            self.at += 1;
        }
        let param = param.map(|p| if negative { -p } else { p });
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        if self.at >= self.bytes.len() {
            return Err(malformed("the document ends inside a control word"));
        }
        if word == b"bin" {
            // Binary data is skipped whatever the destination; it counts as
            // one fallback character.
            let n = usize::try_from(param.unwrap_or(0).max(0)).unwrap_or(usize::MAX);
            if n > self.bytes.len() - self.at {
                return Err(malformed(format!(
                    "\\bin{n} runs past the end of the document"
                )));
            }
            self.at += n;
            self.skip = self.skip.saturating_sub(1);
            return Ok(());
        }
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        self.word(word, param)
    }

    fn symbol(&mut self, c: u8) -> Result<(), Error> {
        if c == b'*' {
            self.state.starred = true;
            return Ok(());
        }
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match c {
            b'\\' | b'{' | b'}' => self.char(char::from(c)),
            b'~' => self.char('\u{A0}'),
            b'_' => self.char('-'),
            // A backslash before a line break is a paragraph mark.
            b'\r' | b'\n' if self.state.dest == Dest::Body => {
                self.end_paragraph(self.state.level)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn word(&mut self, word: &[u8], param: Option<i64>) -> Result<(), Error> {
        let n = param.unwrap_or(0);
        let int = || i32::try_from(n).unwrap_or(0);
        // Known starred destinations: `\ud` (the Unicode copy of `\upr`), a
        // nested row's properties, a shape (its `\shptxt` text box is read).
        if std::mem::take(&mut self.state.starred)
            && !matches!(word, b"ud" | b"nesttableprops" | b"shpinst")
        {
            self.state.dest = Dest::Skip;
            return Ok(());
        }
        let dest = self.state.dest;
        if dest == Dest::Skip {
            return Ok(());
        }
        match word {
            b"ansicpg" => {
                if let Some(e) = code_page(int()) {
                    self.ansi = e;
                }
            }
            b"deff" => self.default_font = Some(int()),
            b"fonttbl" => self.state.dest = Dest::FontTable,
            b"f" if dest == Dest::FontTable => self.state.defining = Some(int()),
            b"f" => self.state.font = Some(int()),
            b"plain" => {
                self.state.font = self.default_font;
                self.state.deleted = false;
            }
            b"deleted" => self.state.deleted = n != 0 || param.is_none(),
            b"fcharset" | b"cpg" if dest == Dest::FontTable => {
                let code = match (word, int()) {
                    (b"cpg", cp) => code_page(cp).map(FontCode::Page),
                    (_, 2) => Some(FontCode::Symbol),
                    (_, n) => charset(n).map(FontCode::Page),
                };
                if let (Some(font), Some(code)) = (self.state.defining, code) {
                    self.fonts.insert(font, code);
                }
            }
            b"info" => self.state.dest = Dest::Info,
            b"title" if dest == Dest::Info => self.state.dest = Dest::Title,
            b"creatim" if dest == Dest::Info => self.state.dest = Dest::Created,
            b"yr" if dest == Dest::Created => self.created[0] = Some(int()),
            b"mo" if dest == Dest::Created => self.created[1] = Some(int()),
            b"dy" if dest == Dest::Created => self.created[2] = Some(int()),
            b"upr" => self.state.ansi_copy = true,
            b"ud" => self.state.ansi_copy = false,
            b"nesttableprops" => self.state.nest_props = true,
            b"shptxt" if !self.state.text_box => {
                self.state.text_box = true;
                let lines = std::mem::take(&mut self.lines);
                self.anchor = Some((lines, std::mem::take(&mut self.current)));
            }
            b"uc" => self.state.uc = usize::try_from(n.clamp(0, 8)).unwrap_or(1),
            b"u" => self.unicode(n),
            // As in a docx, a label ending in CJK punctuation (`一、`) takes
            // no separator for its tab.
            b"tab" if self.state.label && self.current.ends_with(|c: char| !c.is_ascii()) => {}
            b"listtext" | b"pntext" => self.state.label = true,
            b"tab" | b"emspace" | b"enspace" | b"qmspace" => self.char(' '),
            b"emdash" => self.char('—'),
            b"endash" => self.char('–'),
            b"lquote" => self.char('‘'),
            b"rquote" => self.char('’'),
            b"ldblquote" => self.char('“'),
            b"rdblquote" => self.char('”'),
            b"bullet" => self.char('•'),
            w if skipped(w) => self.state.dest = Dest::Skip,
            // Paragraph and table structure only in the body (not in a title).
            _ if dest != Dest::Body => {}
            b"par" | b"sect" | b"page" => self.end_paragraph(self.state.level)?,
            b"line" => self.lines.push(std::mem::take(&mut self.current)),
            b"pard" => self.state.level = 0,
            b"intbl" => self.state.level = self.state.level.max(1),
            b"itap" => {
                self.state.level = usize::try_from(n.clamp(0, MAX_TABLE_LEVELS as i64)).unwrap_or(0)
            }
            b"cell" => self.end_cell(1)?,
            b"nestcell" => self.end_cell(self.state.level.max(2))?,
            b"row" => self.end_row(1)?,
            b"nestrow" => self.end_row(self.state.level.max(2))?,
            b"trowd" => {
                let level = self.def_level();
                if let Some(defs) = self.defs.get_mut(level - 1) {
                    defs.clear();
                }
                self.cell_def = CellDef::default();
            }
            b"clmgf" => self.cell_def.merged_left = false,
            b"clmrg" => self.cell_def.merged_left = true,
            b"clvmgf" => self.cell_def.vmerge = Some(VMerge::Restart),
            b"clvmrg" => self.cell_def.vmerge = Some(VMerge::Continue),
            b"cellx" => {
                let mut def = std::mem::take(&mut self.cell_def);
                def.right = Some(n);
                let level = self.def_level();
                if let Some(defs) = self.defs.get_mut(level - 1)
                    && defs.len() < MAX_COLUMNS
                {
                    defs.push(def);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The table level a row definition belongs to.
    fn def_level(&self) -> usize {
        if self.state.nest_props {
            self.state.level.clamp(2, MAX_TABLE_LEVELS)
        } else {
            1
        }
    }

    /// A `\uN`: the character, then its fallback skipped.
    fn unicode(&mut self, n: i64) {
        self.skip = self.state.uc;
        // Negative values are the upper half of the 16-bit range.
        let Ok(unit) = u16::try_from(if n < 0 { n + 65536 } else { n }) else {
            return;
        };
        let c = match (self.high.take(), unit) {
            (_, 0xD800..=0xDBFF) => {
                self.high = Some(unit);
                return;
            }
            (Some(high), 0xDC00..=0xDFFF) => {
                char::decode_utf16([high, unit]).next().and_then(Result::ok)
            }
            // Unpaired low halves; symbol fonts' glyphs (as a docx's `w:sym`).
            (None, 0xDC00..=0xDFFF) | (_, 0xF000..=0xF0FF) => None,
            _ => char::from_u32(u32::from(unit)),
        };
        if let Some(c) = c {
            self.char(c);
        }
    }

    /// Decodes the waiting bytes in the current font's code page.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let font = self.state.font.or(self.default_font);
        let encoding = match font.and_then(|f| self.fonts.get(&f)) {
            Some(FontCode::Symbol) => {
                self.pending.clear();
                return;
            }
            Some(FontCode::Page(encoding)) => encoding,
            None => self.ansi,
        };
        let bytes = std::mem::take(&mut self.pending);
        let (text, _) = encoding.decode_without_bom_handling(&bytes);
        text.chars().for_each(|c| self.char(c));
    }

    /// One character of text, to where the group's text goes.
    fn char(&mut self, c: char) {
        self.high = None;
        if self.state.ansi_copy || self.state.deleted || (c.is_control() && c != '\t') {
            return;
        }
        let c = if c == '\t' { ' ' } else { c };
        match self.state.dest {
            Dest::Body => self.current.push(c),
            Dest::Title => self.title.push(c),
            Dest::Skip | Dest::FontTable | Dest::Info | Dest::Created => {}
        }
    }

    /// The lines of the paragraph just ended, trimmed, empty ones dropped.
    fn paragraph_lines(&mut self) -> Vec<Item> {
        self.lines.push(std::mem::take(&mut self.current));
        std::mem::take(&mut self.lines)
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(|l| Item::Paragraph(l.to_string()))
            .collect()
    }

    /// Ends a text box: its last paragraph joins the others, and the
    /// paragraph it interrupted goes on.
    fn end_text_box(&mut self) {
        let items = self.take_paragraph();
        self.floating.extend(items);
        if let Some((lines, current)) = self.anchor.take() {
            self.lines = lines;
            self.current = current;
        }
    }

    /// The lines of the paragraph just ended, then the text boxes it anchors.
    fn take_paragraph(&mut self) -> Vec<Item> {
        let mut items = self.paragraph_lines();
        items.append(&mut self.floating);
        items
    }

    /// Ends a paragraph of table level `level` (0: the body).
    fn end_paragraph(&mut self, level: usize) -> Result<(), Error> {
        if self.state.text_box {
            // Tables in a text box read as its paragraphs.
            let items = self.paragraph_lines();
            self.floating.extend(items);
            return Ok(());
        }
        let items = self.take_paragraph();
        if level == 0 {
            self.close_tables(0)?;
            self.body.extend(items);
        } else {
            self.open_tables(level)?.cell.extend(items);
        }
        Ok(())
    }

    fn end_cell(&mut self, level: usize) -> Result<(), Error> {
        if self.state.text_box {
            return self.end_paragraph(level);
        }
        let items = self.take_paragraph();
        let table = self.open_tables(level)?;
        table.cell.extend(items);
        table.end_cell();
        Ok(())
    }

    fn end_row(&mut self, level: usize) -> Result<(), Error> {
        if self.state.text_box {
            return self.end_paragraph(level);
        }
        let level = level.min(MAX_TABLE_LEVELS);
        let items = self.take_paragraph();
        let defs = self.defs.get(level - 1).cloned().unwrap_or_default();
        let table = self.open_tables(level)?;
        table.cell.extend(items);
        table.end_row(&defs);
        Ok(())
    }

    /// The table at `level` (1 the outermost), opening the levels up to it
    /// and closing those below it.
    fn open_tables(&mut self, level: usize) -> Result<&mut TableBuild, Error> {
        let level = level.clamp(1, MAX_TABLE_LEVELS);
        self.close_tables(level)?;
        while self.tables.len() < level {
            self.tables.push(TableBuild::default());
        }
        self.tables
            .last_mut()
            .ok_or_else(|| malformed("no table open"))
    }

    /// Closes the tables deeper than `level`: a nested table goes into the
    /// cell around it, an outermost one into the body.
    fn close_tables(&mut self, level: usize) -> Result<(), Error> {
        while self.tables.len() > level {
            let Some(mut table) = self.tables.pop() else {
                break;
            };
            if !table.cell.is_empty() || !table.cells.is_empty() {
                table.end_row(&[]);
            }
            if table.rows.is_empty() {
                continue;
            }
            table.span_by_edges();
            let grid = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            let items = table::finish(grid, table.rows, &mut self.budget)?;
            match self.tables.last_mut() {
                Some(outer) => {
                    outer.cell.extend(items);
                    outer.cell_held_table = true;
                }
                None => self.body.extend(items),
            }
        }
        Ok(())
    }
}
