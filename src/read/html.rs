//! HTML: the text of a page's body, as paragraphs and tables.
//!
//! A small hand-written tokenizer, one pass over the decoded text, in the
//! spirit of the WHATWG rules but only as far as text extraction needs:
//!
//! * Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `section`, `article`,
//!   `tr`, `td` …) break paragraphs; inline ones (`span`, `a`, `font`, `b`,
//!   Word's `o:p` …) do not.
//! * Dropped with their content: `script`, `style`, `noscript`, `template`,
//!   `iframe`, `object`, `textarea`, `select`, `svg`, `math`, `noembed`,
//!   `noframes`, `xmp`; comments, doctypes and processing instructions; text
//!   inside `<head>` (until `</head>`, `<body>` or the first block element);
//!   ruby annotations (`<rt>`, `<rp>`, which is where the pinyin residue of web
//!   pages comes from). The first non-empty `<title>` becomes [`Document::title`].
//! * Entities: every named reference of the WHATWG table (the legacy ones
//!   also without `;`, the longest name matching as the tokenizer reads text),
//!   decimal and hexadecimal references; `&#128;`–`&#159;` read as
//!   windows-1252 as browsers do; unknown ones stay as written.
//! * Whitespace (any Unicode white space, `&nbsp;` included) collapses to one
//!   space and is trimmed at paragraph ends; a run holding a line break between
//!   two Chinese characters vanishes (CSS segment-break rule), so a sentence
//!   wrapped in the page's source is not cut by a space. Inside `<pre>`, line
//!   breaks are paragraph breaks.
//! * Tables: a *data* table (no table inside it, some row with two or more
//!   cells, no cell of more than eight paragraphs) becomes a [`Block::Table`], one string per `td`/`th` with the
//!   cell's paragraphs joined by a space; `rowspan`/`colspan` are not expanded.
//!   Any other table is taken as page layout and its cells' contents flow as
//!   ordinary paragraphs, in order. Text inside a table but outside any cell
//!   goes before the table, as browsers do.
//! * Malformed markup never fails: a `<` that does not start a tag is text,
//!   unclosed elements close at the end, a tag cut off by the end of input is
//!   dropped.

use std::path::Path;

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE};

use super::html_entities::NAMED_REFERENCES;
use super::{Block, Document, Format, text};
use crate::error::Result;

/// How far into the bytes a `<meta charset>` is looked for. The HTML standard
/// says 1024; Chinese CMS pages often put scripts and styles first.
const META_WINDOW: usize = 4096;

/// Reads an HTML page from bytes in an ASCII-compatible encoding: UTF-8 when
/// they are valid UTF-8, else the `<meta>`-declared charset when it decodes
/// them cleanly, else whatever the text sniffer finds.
pub(super) fn read(bytes: &[u8], path: Option<&Path>) -> Result<Document> {
    let decoded = text::decode(bytes, declared_charset(bytes), path)?;
    Ok(read_str(&decoded.text, decoded.encoding))
}

/// Reads an already decoded HTML page.
pub(super) fn read_str(html: &str, encoding: &'static str) -> Document {
    let mut builder = Builder::default();
    tokenize(html, &mut builder);
    let (blocks, title) = builder.finish();
    Document {
        format: Format::Html,
        encoding: Some(encoding),
        title,
        blocks,
        created: None,
        filled_tables: Vec::new(),
    }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`
/// near the start names, if it is one that can describe ASCII-compatible bytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = &bytes[..bytes.len().min(META_WINDOW)];
    let mut i = 0;
    while let Some(lt) = find_byte(window, i, b'<') {
        i = lt + 1;
        let Some(name_end) = tag_name_end(window, lt + 1) else {
            continue;
        };
        if !window[lt + 1..name_end].eq_ignore_ascii_case(b"meta") {
            continue;
        }
        let mut label: Option<&[u8]> = None;
        scan_attributes(window, name_end, |name, value| {
            if name.eq_ignore_ascii_case(b"charset") {
                label = Some(value);
            } else if name.eq_ignore_ascii_case(b"content") && label.is_none() {
                label = charset_in_content(value);
            }
        });
        let encoding = label.and_then(|l| Encoding::for_label(l.trim_ascii()));
        match encoding {
            // A page that reached here is not UTF-16, whatever it claims (HTML standard).
            Some(e) if e == UTF_16LE || e == UTF_16BE => return Some(UTF_8),
            Some(e) if e != REPLACEMENT => return Some(e),
            _ => {}
        }
    }
    None
}

/// The value after `charset=` in a `content` attribute such as `text/html; charset=gb2312`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let at = content
        .windows(7)
        .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
    let rest = content[at + 7..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b';' | b'"' | b'\'') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == byte)
        .map(|p| p + from)
}

/// Where the tag name starting at `from` ends, if a letter starts it.
fn tag_name_end(b: &[u8], from: usize) -> Option<usize> {
    if !b.get(from)?.is_ascii_alphabetic() {
        return None;
    }
    let len = b[from..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        .unwrap_or(b.len() - from);
    Some(from + len)
}

/// Walks the attributes of a tag from `i` (just after its name), calling `each`
/// with every name and value, and returns the index just past the closing `>`,
/// or `None` when the input ends inside the tag. A quote left open ends the tag
/// at the next `>` rather than swallowing the rest of the page.
fn scan_attributes<'a>(
    b: &'a [u8],
    mut i: usize,
    mut each: impl FnMut(&'a [u8], &'a [u8]),
) -> Option<usize> {
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some(i + 1);
        }
        let name_start = i;
        // The first character may be `=` (WHATWG: part of the name).
        i += 1;
        while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = &b[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            each(name, b"");
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i)? {
            &q @ (b'"' | b'\'') => match find_byte(b, i + 1, q) {
                Some(close) => {
                    each(name, &b[i + 1..close]);
                    i = close + 1;
                }
                None => return find_byte(b, i, b'>').map(|gt| gt + 1),
            },
            _ => {
                let start = i;
                while i < b.len() && b[i] != b'>' && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                each(name, &b[start..i]);
            }
        }
    }
}

/// What an element means for text extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Breaks the paragraph.
    Block,
    /// `<html>`: a block, but not the end of `<head>`.
    Html,
    Head,
    Body,
    Title,
    /// Dropped with everything inside it.
    Skip,
    Pre,
    Table,
    Row,
    Cell,
    /// `<rt>`, `<rp>`: ruby annotations, dropped.
    Annotation,
    /// `<rb>`, `<ruby>`: end an annotation.
    RubyBase,
    /// Anything else: inline, no effect.
    Inline,
}

fn kind(name: &[u8]) -> Kind {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Kind::Inline;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        b"address" | b"article" | b"aside" | b"blockquote" | b"br" | b"caption" | b"center"
        | b"dd" | b"details" | b"dialog" | b"dir" | b"div" | b"dl" | b"dt" | b"fieldset"
        | b"figcaption" | b"figure" | b"footer" | b"form" | b"h1" | b"h2" | b"h3" | b"h4"
        | b"h5" | b"h6" | b"header" | b"hgroup" | b"hr" | b"legend" | b"li" | b"main" | b"menu"
        | b"nav" | b"ol" | b"p" | b"section" | b"summary" | b"tbody" | b"tfoot" | b"thead"
        | b"ul" => Kind::Block,
        b"html" => Kind::Html,
        b"head" => Kind::Head,
        b"body" => Kind::Body,
        b"title" => Kind::Title,
        b"script" | b"style" | b"noscript" | b"template" | b"iframe" | b"object" | b"textarea"
        | b"select" | b"svg" | b"math" | b"noembed" | b"noframes" | b"xmp" => Kind::Skip,
        b"pre" | b"listing" => Kind::Pre,
        b"table" => Kind::Table,
        b"tr" => Kind::Row,
        b"td" | b"th" => Kind::Cell,
        b"rt" | b"rp" => Kind::Annotation,
        b"rb" | b"ruby" => Kind::RubyBase,
        _ => Kind::Inline,
    }
}

/// One pass over the page, reporting text and tags to the builder.
fn tokenize(html: &str, out: &mut Builder) {
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = find_byte(b, i, b'<') else {
            out.text(&html[i..]);
            break;
        };
        // `<` is ASCII, so every index found here is a char boundary.
        out.text(&html[i..lt]);
        i = match b.get(lt + 1) {
            Some(b'!') if b[lt..].starts_with(b"<!--") => b[lt + 4..]
                .windows(3)
                .position(|w| w == b"-->")
                .map_or(b.len(), |p| lt + 4 + p + 3),
            Some(b'!' | b'?') => find_byte(b, lt, b'>').map_or(b.len(), |gt| gt + 1),
            Some(b'/') => match tag_name_end(b, lt + 2) {
                Some(name_end) => {
                    out.end_tag(kind(&b[lt + 2..name_end]));
                    find_byte(b, name_end, b'>').map_or(b.len(), |gt| gt + 1)
                }
                // `</>` and `</3` …: bogus comments, dropped.
                None => find_byte(b, lt, b'>').map_or(b.len(), |gt| gt + 1),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = tag_name_end(b, lt + 1).unwrap_or(b.len());
                match scan_attributes(b, name_end, |_, _| {}) {
                    Some(after) => {
                        let self_closing = b[..after].ends_with(b"/>");
                        let name = &b[lt + 1..name_end];
                        start_tag(html, name, after, self_closing, out)
                    }
                    None => b.len(),
                }
            }
            _ => {
                out.text("<");
                lt + 1
            }
        };
    }
}

/// Handles a start tag that ends at `after`; returns where tokenizing goes on.
fn start_tag(
    html: &str,
    name: &[u8],
    after: usize,
    self_closing: bool,
    out: &mut Builder,
) -> usize {
    let b = html.as_bytes();
    match kind(name) {
        Kind::Skip if !self_closing => find_end_tag(b, after, name).map_or(b.len(), |(_, r)| r),
        Kind::Title if !self_closing => {
            let found = if out.no_title_end {
                None
            } else {
                find_end_tag(b, after, name)
            };
            let (content_end, resume) = found.unwrap_or_else(|| {
                // Unclosed, it would swallow the page: end it at the next tag.
                // Remembered, so that many unclosed titles stay linear.
                out.no_title_end = true;
                let next = find_byte(b, after, b'<').unwrap_or(b.len());
                (next, next)
            });
            out.title(&html[after..content_end]);
            resume
        }
        k => {
            out.start_tag(k);
            after
        }
    }
}

/// Finds `</name` from `from` on: returns where the content ends and where the
/// end tag ends.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(lt) = find_byte(b, i, b'<') {
        let n = lt + 2;
        let matches = b.get(lt + 1) == Some(&b'/')
            && b.get(n..n + name.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && !b.get(n + name.len()).is_some_and(u8::is_ascii_alphanumeric);
        if matches {
            return Some((lt, find_byte(b, n, b'>').map_or(b.len(), |gt| gt + 1)));
        }
        i = lt + 1;
    }
    None
}

/// Running text of one flow (the page, or one table cell): finished
/// paragraphs, and the one being written with its pending whitespace.
#[derive(Debug, Default)]
struct Flow {
    blocks: Vec<Block>,
    para: String,
    /// Whitespace seen since the last character, and whether it held a line break.
    pending_space: bool,
    pending_newline: bool,
}

impl Flow {
    fn push(&mut self, c: char, pre: bool) {
        if c.is_whitespace() {
            if pre && c == '\n' {
                self.brk();
            } else {
                self.pending_space = true;
                self.pending_newline |= c == '\n' || c == '\r';
            }
            return;
        }
        if self.pending_space && !self.para.is_empty() {
            let joined = self.pending_newline
                && self.para.chars().next_back().is_some_and(is_wide)
                && is_wide(c);
            if !joined {
                self.para.push(' ');
            }
        }
        self.pending_space = false;
        self.pending_newline = false;
        self.para.push(c);
    }

    /// Ends the paragraph being written, if it has any text.
    fn brk(&mut self) {
        self.pending_space = false;
        self.pending_newline = false;
        if !self.para.is_empty() {
            self.blocks
                .push(Block::Paragraph(std::mem::take(&mut self.para)));
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.brk();
        self.blocks
    }
}

/// Chinese (and Japanese) characters and punctuation, between which a line
/// break in the source is no space (CSS Text 3, segment break transformation).
fn is_wide(c: char) -> bool {
    matches!(
        c,
        '\u{2E80}'..='\u{A4CF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// A cell with more paragraphs than this holds an article, not a value: its
/// table is page layout (the two-column page of a navigation bar and the text).
const MAX_CELL_PARAGRAPHS: usize = 8;

/// A table being read.
#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<Vec<Vec<Block>>>,
    row: Option<Vec<Vec<Block>>>,
    cell: Option<Flow>,
    /// A table opened inside this one: this one is layout.
    nested: bool,
}

impl TableBuild {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell.finish());
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(row) = self.row.take()
            && row.iter().any(|cell| !cell.is_empty())
        {
            self.rows.push(row);
        }
    }

    fn open_cell(&mut self) {
        self.close_cell();
        self.row.get_or_insert_with(Vec::new);
        self.cell = Some(Flow::default());
    }

    fn open_row(&mut self) {
        self.close_row();
        self.row = Some(Vec::new());
    }

    /// The blocks this table stands for: one data table, or its cells' contents.
    fn finish(mut self) -> Vec<Block> {
        self.close_row();
        let data = !self.nested
            && self.rows.iter().any(|row| row.len() >= 2)
            && self
                .rows
                .iter()
                .flatten()
                .all(|cell| cell.len() <= MAX_CELL_PARAGRAPHS);
        if !data {
            return self.rows.into_iter().flatten().flatten().collect();
        }
        let rows = self
            .rows
            .into_iter()
            .map(|row| row.into_iter().map(|cell| cell_text(&cell)).collect())
            .collect();
        vec![Block::Table(rows)]
    }
}

/// A data cell's paragraphs joined by a space (a data table holds no tables).
fn cell_text(cell: &[Block]) -> String {
    let paragraphs: Vec<&str> = cell
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    paragraphs.join(" ")
}

/// Turns tokens into blocks.
#[derive(Debug, Default)]
struct Builder {
    root: Flow,
    tables: Vec<TableBuild>,
    title: Option<String>,
    /// A `<title>` found no `</title>` after it: none of the later ones will.
    no_title_end: bool,
    in_head: bool,
    body_started: bool,
    /// `<table>`s past [`MAX_TABLE_DEPTH`] still open, read as plain blocks.
    tables_too_deep: usize,
    in_annotation: bool,
    pre_depth: usize,
}

/// Tables nested deeper than this are read as plain blocks, which keeps the
/// reader linear (a cell's content moves up once per enclosing table).
const MAX_TABLE_DEPTH: usize = 16;

impl Builder {
    /// The flow text goes to: the innermost open cell, else the page.
    fn flow(&mut self) -> &mut Flow {
        let root = &mut self.root;
        match self.tables.iter_mut().rev().find_map(|t| t.cell.as_mut()) {
            Some(cell) => cell,
            None => root,
        }
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.in_head || self.in_annotation {
            return;
        }
        if !raw.bytes().all(|b| b.is_ascii_whitespace()) {
            self.body_started = true;
        }
        let pre = self.pre_depth > 0;
        let flow = self.flow();
        decode_entities(raw, |c| flow.push(c, pre));
    }

    fn title(&mut self, raw: &str) {
        if self.title.is_some() {
            return;
        }
        let mut flow = Flow::default();
        decode_entities(raw, |c| flow.push(c, false));
        if let Some(Block::Paragraph(title)) = flow.finish().pop() {
            self.title = Some(title);
        }
    }

    fn start_tag(&mut self, kind: Kind) {
        match kind {
            // A second `<head>` inside the body (CMS includes) is ignored, as browsers do.
            Kind::Head => self.in_head = !self.body_started,
            Kind::Table => {
                self.block();
                for outer in &mut self.tables {
                    outer.nested = true;
                }
                if self.tables.len() < MAX_TABLE_DEPTH {
                    self.tables.push(TableBuild::default());
                } else {
                    self.tables_too_deep += 1;
                }
            }
            Kind::Row | Kind::Cell if self.tables_too_deep > 0 => self.block(),
            Kind::Row | Kind::Cell => {
                self.enter_body();
                match self.tables.last_mut() {
                    Some(table) if kind == Kind::Row => table.open_row(),
                    Some(table) => table.open_cell(),
                    None => self.root.brk(),
                }
            }
            Kind::Pre => {
                self.block();
                self.pre_depth += 1;
            }
            Kind::Annotation => self.in_annotation = true,
            Kind::RubyBase => self.in_annotation = false,
            Kind::Html => self.flow().brk(),
            Kind::Block | Kind::Body => self.block(),
            Kind::Title | Kind::Skip | Kind::Inline => {}
        }
    }

    fn end_tag(&mut self, kind: Kind) {
        match kind {
            Kind::Head => self.in_head = false,
            Kind::Table if self.tables_too_deep > 0 => {
                self.tables_too_deep -= 1;
                self.block();
            }
            Kind::Table => self.close_table(),
            Kind::Row | Kind::Cell if self.tables_too_deep > 0 => self.block(),
            Kind::Row | Kind::Cell => match self.tables.last_mut() {
                Some(table) if kind == Kind::Row => table.close_row(),
                Some(table) => table.close_cell(),
                None => self.root.brk(),
            },
            Kind::Pre => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.block();
            }
            Kind::Annotation | Kind::RubyBase => self.in_annotation = false,
            Kind::Block | Kind::Body | Kind::Html => self.block(),
            Kind::Title | Kind::Skip | Kind::Inline => {}
        }
    }

    /// A block element: the body has begun, and the paragraph ends.
    fn block(&mut self) {
        self.enter_body();
        self.flow().brk();
    }

    /// Body content ends the head (a page may omit `</head>` and `<body>`)
    /// and any ruby annotation left open.
    fn enter_body(&mut self) {
        self.body_started = true;
        self.in_head = false;
        self.in_annotation = false;
    }

    fn close_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return self.block();
        };
        let blocks = table.finish();
        let flow = self.flow();
        flow.brk();
        flow.blocks.extend(blocks);
    }

    fn finish(mut self) -> (Vec<Block>, Option<String>) {
        while !self.tables.is_empty() {
            self.close_table();
        }
        (self.root.finish(), self.title)
    }
}

/// windows-1252's reading of bytes 0x80–0x9F, which `&#128;`–`&#159;` mean in browsers.
const WINDOWS_1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Feeds the characters of `raw` to `out` with character references decoded.
fn decode_entities(raw: &str, mut out: impl FnMut(char)) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        rest[..amp].chars().for_each(&mut out);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((Decoded::Numeric(c), len)) => {
                out(c);
                rest = &after[len..];
            }
            Some((Decoded::Named(text), len)) => {
                text.chars().for_each(&mut out);
                rest = &after[len..];
            }
            None => {
                out('&');
                rest = after;
            }
        }
    }
    rest.chars().for_each(out);
}

/// What a character reference stands for.
enum Decoded {
    Numeric(char),
    /// One character or two (`&NotNestedGreaterGreater;` is `⪢` and U+0338).
    Named(&'static str),
}

/// What a reference (the text after `&`) stands for, and its length.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[start..]
            .iter()
            .take_while(|&&c| (c as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        // Saturate: anything past U+10FFFF is as invalid as U+110000.
        let value = s[start..start + digits].chars().fold(0u32, |acc, c| {
            acc.saturating_mul(radix)
                .saturating_add(c.to_digit(radix).unwrap_or(0))
        });
        let mut len = start + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((Decoded::Numeric(numeric_char(value)), len));
    }
    named_reference(s).map(|(text, len)| (Decoded::Named(text), len))
}

/// The longest name of the table the text after `&` opens with, as the
/// HTML tokenizer reads text: `&notin;` is `∉`, `&notit;` the legacy `&not`
/// and `it;`, `&amp` without its `;` still `&`.
fn named_reference(s: &str) -> Option<(&'static str, usize)> {
    let find = |name: &str| {
        NAMED_REFERENCES
            .binary_search_by(|&(n, _)| n.cmp(name))
            .ok()
            .map(|i| NAMED_REFERENCES[i].1)
    };
    // The longest name is 31 letters and its `;`.
    let letters = s
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if s.as_bytes().get(letters) == Some(&b';')
        && let Some(text) = find(&s[..=letters])
    {
        return Some((text, letters + 1));
    }
    // A shorter match can only be a legacy name, which has no `;`.
    (2..=letters.min(LEGACY_NAME_MAX))
        .rev()
        .find_map(|len| find(&s[..len]).map(|text| (text, len)))
}

/// The longest legacy name (`frac34`, `middot`).
const LEGACY_NAME_MAX: usize = 6;

fn numeric_char(value: u32) -> char {
    match value {
        0x80..=0x9F => WINDOWS_1252_C1[(value - 0x80) as usize],
        0 => char::REPLACEMENT_CHARACTER,
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}
