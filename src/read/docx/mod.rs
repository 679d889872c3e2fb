//! The `.docx` reader: a WordprocessingML package → blocks of text.
//!
//! What is read, and how it is laid out (the contract of the dev minutes'
//! plain-text renderings):
//!
//! * The body (`w:body`) in document order: each `w:p` a paragraph, each
//!   `w:tbl` a table. Headers, footers, footnotes and comments are not body text.
//! * Inside a paragraph: `w:t` text; `w:tab` and `w:ptab` → one space (a tab
//!   in a paragraph would read as a table row in the text layout);
//!   `w:br`/`w:cr` split the paragraph (a line break reads as a paragraph
//!   break); `w:noBreakHyphen` → `-`; `w:softHyphen` dropped; `w:sym` → its
//!   character (symbol-font private-use glyphs dropped); field instructions
//!   dropped, field results kept; tracked insertions and moves-to kept,
//!   deletions and moves-from dropped; ruby annotations (`w:rt`) dropped;
//!   hyperlinks, smart tags, content controls read through (a control
//!   showing its placeholder text is dropped).
//! * Text boxes (`w:txbxContent`) are read once: in `mc:AlternateContent` the
//!   first `mc:Choice` is read and `mc:Fallback` (the VML copy) skipped. Their
//!   paragraphs follow the paragraph that anchors them.
//! * Automatic numbering is rendered as its label in front of the text, with
//!   no separator after a label ending in CJK punctuation (`一、`, `（二）`)
//!   and one space after others (`1.`, `A)`) unless the level says nothing;
//!   bullets show no label.
//! * Empty paragraphs are dropped; text is trimmed of surrounding whitespace.
//! * Tables: one position per grid column, a cell's paragraphs joined by a
//!   space, nested tables' cells likewise; rows deleted as tracked changes
//!   dropped; see [`table`] for merged cells, and for forms, whose cells are
//!   read as lines.
//! * `docProps/core.xml`: `dc:title` and the date of `dcterms:created`.

mod body;
// The zip, XML, table, date and number-format readers are shared with the
// `.odt`, RTF and `.doc` readers.
pub(super) mod core;
pub(super) mod numbering;
pub(super) mod package;
pub(super) mod table;
pub(super) mod xml;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::error::Error;
use crate::options::Limits;
use crate::read::Block;
use crate::read::doc::OLE_MAGIC;

/// A `.docx` as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxDocument {
    /// The body in reading order. In a [`Block::Table`] a merged cell's text
    /// sits in its first row and column and the positions it covers are empty.
    pub blocks: Vec<Block>,
    /// One entry per [`Block::Table`] in `blocks`, in the same order: the same
    /// grid with every position a merged cell covers holding that cell's text
    /// (a vertically merged 牵头领导 cell appears in each row it spans).
    pub filled_tables: Vec<Vec<Vec<String>>>,
    /// `dc:title` from `docProps/core.xml`, when not empty.
    pub title: Option<String>,
    /// The date part of `dcterms:created` from `docProps/core.xml`.
    pub created: Option<chrono::NaiveDate>,
}

/// True for an OLE compound file holding an encrypted Office package: its
/// directory names the `EncryptionInfo` and `EncryptedPackage` streams
/// (directory entry names are UTF-16LE).
pub(crate) fn is_encrypted_ole(bytes: &[u8]) -> bool {
    fn utf16(name: &str) -> Vec<u8> {
        name.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }
    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }
    bytes.starts_with(&OLE_MAGIC)
        && (contains(bytes, &utf16("EncryptionInfo"))
            || contains(bytes, &utf16("EncryptedPackage")))
}

/// Reads a `.docx` from its bytes. `path` only names the input in errors.
pub(crate) fn read_docx(
    bytes: &[u8],
    path: Option<&Path>,
    limits: &Limits,
) -> Result<DocxDocument, Error> {
    read(bytes, limits).map_err(|e| e.at(path))
}

fn read(bytes: &[u8], limits: &Limits) -> Result<DocxDocument, Error> {
    let mut pkg = package::Package::open(bytes, limits)?;
    let parts = pkg.locate_parts()?;
    let mut part = |name: &Option<String>| -> Result<Option<(Vec<u8>, String)>, Error> {
        Ok(match name {
            Some(name) => pkg.read_part(name)?.map(|xml| (xml, name.clone())),
            None => None,
        })
    };
    let numbering = match part(&parts.numbering)? {
        Some((xml, name)) => numbering::parse_numbering(&xml, &name, limits)?,
        None => numbering::Numbering::default(),
    };
    let styles = match part(&parts.styles)? {
        Some((xml, name)) => numbering::parse_styles(&xml, &name, limits)?,
        None => numbering::Styles::default(),
    };
    let core = match part(&parts.core)? {
        Some((xml, name)) => core::read_core(&xml, &name, limits)?,
        None => core::Core::default(),
    };
    let mut lists = numbering::Lists::new(numbering, styles);
    let document = pkg
        .read_part(&parts.document)?
        .ok_or_else(|| Error::NotADocx {
            path: None,
            reason: format!("no {}", parts.document),
        })?;
    let body = body::read_body(&document, &parts.document, &mut lists, limits)?;
    Ok(DocxDocument {
        blocks: body.blocks,
        filled_tables: body.filled_tables,
        title: core.title,
        created: core.created,
    })
}
