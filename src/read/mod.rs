//! Reading: bytes → [`Document`] (blocks of text). Extraction never sees bytes.
//!
//! [`read_bytes`] sniffs the format from the bytes themselves (not the file
//! name) and hands them to the reader for that format. A new format is one new
//! module here and one arm in the match of [`read_bytes`] on what it sniffed.
//!
//! What the sniffer decides, in order:
//!
//! 1. over [`Limits::max_input_bytes`] → [`Error::TooLarge`], before anything is decoded;
//! 2. no bytes → [`Error::Empty`];
//! 3. a zip: an OpenDocument text (its `mimetype` entry says so, or it has a
//!    `content.xml` and no `word/document.xml`) → `read/odt/`, else a docx
//!    (`read/docx/`); `{\rtf` → RTF (`read/rtf.rs`, also an old `.doc` that
//!    is RTF under that name); an OLE compound file → an encrypted Office
//!    package ([`Error::Encrypted`]) or a Word 97-2003 / WPS binary document
//!    (`read/doc/`, which names any other OLE file in its error); `%PDF-` →
//!    PDF (`read/pdf/`); another known container by its magic bytes (PNG,
//!    JPEG, GIF, gzip, 7z, RAR, UTF-32 with a BOM) →
//!    [`Error::UnsupportedFormat`] naming it;
//! 4. a UTF-16 byte order mark → decoded as UTF-16, then HTML or text by the
//!    decoded text;
//! 5. a NUL byte in the first 8000 bytes (git's rule) or more than one byte in
//!    twenty being a C0 control other than tab, line feed, carriage return,
//!    form feed, escape and ^Z → [`Error::UnsupportedFormat`] `binary data`:
//!    such input is not text in any encoding huiyi reads, so it is a format
//!    question, not a decoding one;
//! 6. `<html`, `<!doctype html`, `<head` or `<body` (any case) in the first
//!    1024 bytes after leading whitespace, or a page fragment opening with `<meta`, `<title`, `<div`,
//!    `<p`, `<table`, `<style`, `<script` or `<!--` → HTML (`read/html.rs`), else
//!    plain text (`read/text.rs`).
//!
//! A document that yields no text at all (only whitespace, a BOM, an HTML page
//! with an empty body) → [`Error::Empty`].
//!
//! **Encodings.** A BOM decides; valid UTF-8 is UTF-8; otherwise an HTML
//! page's `<meta charset>`, chardetng's guess, GBK, Big5 and UTF-8 are tried
//! and the first clean decoding (else the least malformed) wins. Names are
//! `encoding_rs`'s (see [`Document::encoding`]). More than one malformed
//! sequence in fifty characters even in the best decoding →
//! [`Error::UndecodableText`].
//!
//! **Plain text.** Every non-blank line is a [`Block::Paragraph`], trimmed of
//! whitespace (the U+3000 indentation of Chinese paragraphs too).
//!
//! **HTML.** The body's text: block elements (`p`, `div`, `br`, `li`, `h1`–`h6`
//! …) break paragraphs; `script`, `style`, `noscript`, `template`, the head,
//! comments and ruby annotations (`<rt>`, `<rp>`) are dropped; entities are
//! decoded and whitespace collapsed; the `<title>` becomes [`Document::title`].
//! A data table (cells side by side, no nested table, no cell holding an
//! article) is a [`Block::Table`] with one string per `td`/`th`; a layout table
//! flows as paragraphs.
//!
//! **PDF.** The text layer, lines joined into paragraphs, running headers,
//! footers and page numbers dropped; tables read as lines. See `read/pdf/`.
//!
//! **docx, odt, RTF.** See their modules. Tables are laid out on a grid, merged
//! cells resolved; a form (a table without a header row whose cells hold
//! several paragraphs or a table, as the 会议纪要表) flows as paragraphs.

pub(crate) mod doc;
pub(crate) mod docx;
use std::path::Path;

use crate::error::{Error, Result};
use crate::options::Limits;

mod html;
mod html_entities;
mod markdown;
mod odt;
mod pdf;
mod rtf;
mod text;

/// The formats huiyi reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text in any supported encoding.
    Text,
    /// An HTML page.
    Html,
    /// A Word 2007+ document (also from WPS, LibreOffice, pandoc, python-docx).
    Docx,
    /// Markdown text (a `.md` file, or text whose lines carry `#`, `**`, `|`
    /// rows and bullets): read with its markup removed.
    Markdown,
    /// An OpenDocument text (`.odt`, from LibreOffice, WPS, Word).
    Odt,
    /// A Rich Text Format document (`.rtf`).
    Rtf,
    /// A Word 97-2003 binary document in an OLE file: `.doc`, `.dot`, and
    /// WPS's `.wps`/`.wpt`, which are the same format.
    Doc,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// The name written in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Markdown => "markdown",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Doc => "doc",
            Format::Pdf => "pdf",
        }
    }
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// A paragraph of running text: never empty, no line breaks, no leading
    /// or trailing whitespace.
    Paragraph(String),
    /// A table: rows of cells.
    Table(Vec<Vec<String>>),
}

/// A document as read: its blocks and what the reader learnt about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// The format it was read as.
    pub format: Format,
    /// The detected encoding, for text and HTML inputs, as `encoding_rs`
    /// names it: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GBK`, `gb18030` (GBK bytes
    /// that use four-byte sequences), `Big5`, or another WHATWG name when a
    /// non-Chinese legacy encoding is detected.
    pub encoding: Option<&'static str>,
    /// The page's `<title>`, a docx's or odt's `dc:title`, an RTF's `\title`,
    /// a doc's summary title, a PDF's `/Title`, when not empty.
    pub title: Option<String>,
    /// A docx's `dcterms:created`, an odt's `meta:creation-date`, an RTF's
    /// `\creatim`, a doc's summary created time or a PDF's `/CreationDate`,
    /// as a date: the reference date when the caller gives none.
    pub created: Option<chrono::NaiveDate>,
    /// The blocks in reading order. In a [`Block::Table`] a merged cell's text
    /// sits in its first row and column and the positions it covers are empty.
    pub blocks: Vec<Block>,
    /// One entry per [`Block::Table`] in `blocks`, in the same order: the same
    /// grid with every position a merged cell covers holding that cell's text
    /// (a vertically merged 牵头领导 cell appears in each row it spans).
    pub filled_tables: Vec<Vec<Vec<String>>>,
}

impl Document {
    /// The text of the document as SPEC §2 lays it out: paragraphs separated by
    /// `\n`; in a table, cells by `\t` and rows by `\n`.
    pub fn text(&self) -> String {
        render(&self.blocks)
    }
}

/// Whether blocks hold no text: none, or tables of blank cells only (a
/// line of tabs is read as a row of empty cells).
fn holds_no_text(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Paragraph(p) => p.trim().is_empty(),
        Block::Table(rows) => rows.iter().flatten().all(|cell| cell.trim().is_empty()),
    })
}

/// Blocks laid out as text (SPEC §2): a paragraph a line; a table a row a line,
/// cells separated by `\t`.
pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                out.push_str(p);
                out.push('\n');
            }
            Block::Table(rows) => {
                for row in rows {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// What the first bytes say the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    /// A format huiyi recognises but does not read; the text names it.
    Unsupported(&'static str),
    /// A zip package: a docx, or a zip that is not one.
    Zip,
    /// A zip package that is an OpenDocument text.
    Odt,
    /// A Rich Text Format document.
    Rtf,
    /// A PDF.
    Pdf,
    /// An OLE file holding an encrypted Office package.
    EncryptedOle,
    /// Any other OLE compound file: a `.doc`/`.wps`, or an OLE file that is not one.
    Ole,
    /// Text with a UTF-16 byte order mark (HTML or not is decided after decoding).
    Utf16,
    /// An HTML page in an ASCII-compatible encoding.
    Html,
    /// Anything else that is not binary.
    Text,
}

/// Binary containers recognised by their magic bytes, with the name used in the error.
const MAGICS: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"7z\xBC\xAF\x27\x1C", "7z archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    // Before the UTF-16 BOMs, which the little-endian one starts with.
    (b"\xFF\xFE\x00\x00", "UTF-32 text"),
    (b"\x00\x00\xFE\xFF", "UTF-32 text"),
];

/// How far into the input a NUL byte marks it as binary (git's rule).
const NUL_WINDOW: usize = 8000;

/// How far into the input the HTML markers are looked for: a page may open
/// with an XML declaration, comments or a BOM before `<html>`, but plain text
/// that merely mentions `<body` further down stays text.
const HTML_WINDOW: usize = 1024;

fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") && odt::is_odt(bytes) {
        return Sniffed::Odt;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Sniffed::Zip;
    }
    if bytes.starts_with(b"{\\rtf") {
        return Sniffed::Rtf;
    }
    if bytes.starts_with(b"%PDF-") {
        return Sniffed::Pdf;
    }
    if docx::is_encrypted_ole(bytes) {
        return Sniffed::EncryptedOle;
    }
    if bytes.starts_with(&doc::OLE_MAGIC) {
        return Sniffed::Ole;
    }
    if let Some((_, name)) = MAGICS.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Sniffed::Unsupported(name);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Sniffed::Utf16;
    }
    if is_binary(bytes) {
        return Sniffed::Unsupported("binary data");
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_like_html(body) {
        Sniffed::Html
    } else {
        Sniffed::Text
    }
}

fn is_binary(bytes: &[u8]) -> bool {
    if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0) {
        return true;
    }
    // Tab, LF, FF, CR, ESC and ^Z (DOS end of file) turn up in real text files.
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1A | 0x1B))
        .count();
    controls > bytes.len() / 20
}

/// True when, after leading whitespace, one of the HTML markers appears within
/// [`HTML_WINDOW`] bytes, or the input opens with an HTML tag that a saved
/// page fragment starts with.
fn looks_like_html(bytes: &[u8]) -> bool {
    const MARKERS: [&[u8]; 4] = [b"<html", b"<!doctype html", b"<head", b"<body"];
    const FRAGMENT_STARTS: [&[u8]; 8] = [
        b"<meta", b"<title", b"<div", b"<p", b"<table", b"<style", b"<script", b"<!--",
    ];
    // Server templates may emit many blank lines before the page.
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let window = &bytes[start..bytes.len().min(start + HTML_WINDOW)];
    let tag_at = |i: usize, tag: &[u8]| {
        let rest = &window[i..];
        rest.len() >= tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            // `<header>` is not `<head>`, `<pre>` is not `<p>`; `<!--x` is a comment.
            && (tag == b"<!--" || !rest.get(tag.len()).is_some_and(u8::is_ascii_alphanumeric))
    };
    FRAGMENT_STARTS.iter().any(|t| tag_at(0, t))
        || (0..window.len())
            .filter(|&i| window[i] == b'<')
            .any(|i| MARKERS.iter().any(|m| tag_at(i, m)))
}

/// A decoded text as Markdown when its name or its lines say it is one, else as plain text.
fn plain_or_markdown(text: &str, encoding: &'static str, path: Option<&Path>) -> Document {
    let named = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    if named || markdown::looks_like_markdown(text) {
        markdown::read_str(text, encoding)
    } else {
        text::read_str(text, encoding)
    }
}

/// Reads a document from its bytes. `path` is only used to name the input in errors.
pub fn read_bytes(bytes: &[u8], path: Option<&Path>, limits: &Limits) -> Result<Document> {
    let owned_path = || path.map(Path::to_path_buf);
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(Error::TooLarge {
            path: owned_path(),
            what: "the file".into(),
            actual: bytes.len() as u64,
            limit: limits.max_input_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(Error::Empty { path: owned_path() });
    }
    let doc = match sniff(bytes) {
        Sniffed::Unsupported(format) => {
            return Err(Error::UnsupportedFormat {
                path: owned_path(),
                format: format.into(),
            });
        }
        Sniffed::Utf16 => {
            let decoded = text::decode(bytes, None, path)?;
            if looks_like_html(decoded.text.as_bytes()) {
                html::read_str(&decoded.text, decoded.encoding)
            } else {
                plain_or_markdown(&decoded.text, decoded.encoding, path)
            }
        }
        Sniffed::Zip => {
            let docx = docx::read_docx(bytes, path, limits)?;
            Document {
                format: Format::Docx,
                encoding: None,
                title: docx.title,
                created: docx.created,
                blocks: docx.blocks,
                filled_tables: docx.filled_tables,
            }
        }
        Sniffed::Odt => odt::read_odt(bytes, path, limits)?,
        Sniffed::Rtf => rtf::read_rtf(bytes, path, limits)?,
        Sniffed::Pdf => pdf::read_pdf(bytes, path, limits)?,
        Sniffed::EncryptedOle => return Err(Error::Encrypted { path: owned_path() }),
        Sniffed::Ole => doc::read_doc(bytes, path, limits)?,
        Sniffed::Html => html::read(bytes, path)?,
        Sniffed::Text => {
            let decoded = text::decode(bytes, None, path)?;
            plain_or_markdown(&decoded.text, decoded.encoding, path)
        }
    };
    if holds_no_text(&doc.blocks) {
        return Err(Error::Empty { path: owned_path() });
    }
    Ok(doc)
}
