//! The Word 97-2003 binary reader: an OLE compound file holding a
//! `WordDocument` stream → blocks of text ([MS-DOC]).
//!
//! Kingsoft WPS writes its `.wps`/`.wpt` files in this same format (a
//! `WordDocument` stream, a `0Table`/`1Table` stream), and so does Word for
//! `.dot` templates: the reader recognises them by their streams, whatever
//! their names, and reports them all as [`Format::Doc`].
//!
//! What is read, laid out as the docx reader lays out a `.docx`:
//!
//! * The main document text (the first `ccpText` characters of the piece
//!   table, 8-bit and 16-bit pieces): footnotes, headers, comments and text
//!   boxes that follow it are not body text.
//! * A paragraph mark ends a paragraph; line, page, column and section
//!   breaks split a paragraph; a tab is one space; a non-breaking hyphen is
//!   `-`; soft hyphens, pictures, drawn objects and footnote marks are
//!   dropped; field codes are dropped and field results kept (nested too);
//!   tracked deletions are dropped; a symbol (`sprmCSymbol`) reads as its
//!   character, a symbol font's private glyph as nothing. Empty paragraphs
//!   are dropped, text is trimmed.
//! * Automatic numbering rendered as its label in front of the text, as the
//!   docx reader renders it (see [`lists`]); bullets show no label.
//! * Tables: a paragraph whose properties say it is in a table belongs to
//!   the cell its cell mark (`0x07`) ends; a cell's paragraphs are joined by
//!   a space; the mark of a paragraph marked as a table row end (`sprmPFTtp`)
//!   ends the row. A nested table (`sprmPItap` > 1) ends its cells and rows
//!   in paragraph marks (`sprmPFInnerTableCell`, `sprmPFInnerTtp`) and sits
//!   in the cell around it. The row end mark's `sprmTDefTable` gives the
//!   cells' edges: a table is laid out on the grid of all its rows' edges,
//!   merged cells (`TC80` flags, `sprmTVertMerge`) fill the positions they
//!   cover in `filled_tables`, and a form flows as paragraphs, by the docx
//!   reader's own table code.
//! * The title and created date of `\x05SummaryInformation` (`PIDSI_TITLE`,
//!   `PIDSI_CREATE_DTM`) as [`Document::title`] and [`Document::created`],
//!   the date in UTC as for a docx.
//!
//! Word 6/95 documents, encrypted documents (`fEncrypted`) and OLE
//! files of other applications (`.xls`, `.ppt`, `.msg`) get typed errors;
//! so does a file whose structure is broken ([`Error::CorruptDoc`]), every
//! offset and size being checked against the stream it points into. Text
//! boxes (a subdocument after the main text) are not read.

mod blocks;
mod chpx;
mod fib;
mod lists;
mod papx;
mod pieces;
mod sprm;
mod summary;

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::Error;
use crate::options::Limits;
use crate::read::{Document, Format};

/// The magic of an OLE compound file (`.doc`, `.wps`, `.xls`, encrypted Office packages).
pub(crate) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

type Ole<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// Reads an OLE compound file as a Word binary document. `path` only names
/// the input in errors.
pub(crate) fn read_doc(
    bytes: &[u8],
    path: Option<&Path>,
    limits: &Limits,
) -> Result<Document, Error> {
    read(bytes, limits).map_err(|e| e.at(path))
}

fn read(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("not a readable OLE compound file: {e}")))?;
    if !ole.is_stream("/WordDocument") {
        return Err(Error::UnsupportedFormat {
            path: None,
            format: what_else(&ole).into(),
        });
    }
    let word = read_stream(&mut ole, "/WordDocument", bytes.len())?;
    let fib = fib::Fib::parse(&word)?;
    let table_name = if fib.table_1 { "/1Table" } else { "/0Table" };
    if !ole.is_stream(table_name) {
        return Err(corrupt(format!("no {} stream", &table_name[1..])));
    }
    let table = read_stream(&mut ole, table_name, bytes.len())?;
    // Only paragraph properties too many for their page are read from it;
    // without it, or unreadable, their paragraphs read as plain ones.
    let data = ole
        .is_stream("/Data")
        .then(|| read_stream(&mut ole, "/Data", bytes.len()).ok())
        .flatten()
        .unwrap_or_default();
    let marks = papx::Marks::read(&word, &table, &data, &fib)?;
    let lists = lists::Lists::read(&table, &fib);
    let changes = chpx::Changes::read(&word, &table, fib.bte_chpx);
    let mut reader = blocks::Reader::new(&marks, &changes, lists, limits);
    pieces::main_text(&word, &table, &fib, |c| reader.feed(c))?;
    let (blocks, filled_tables) = reader.finish()?;
    let summary = ole
        .is_stream(summary::STREAM)
        .then(|| read_stream(&mut ole, summary::STREAM, bytes.len()).ok())
        .flatten()
        .map(|s| summary::read(&s))
        .unwrap_or_default();
    Ok(Document {
        format: Format::Doc,
        encoding: None,
        title: summary.title,
        created: summary.created,
        blocks,
        filled_tables,
    })
}

/// An error about the structure of the file; the path is set by [`read_doc`].
fn corrupt(reason: String) -> Error {
    Error::CorruptDoc { path: None, reason }
}

/// The whole of one stream. A stream cannot hold more than the file it is
/// in: a directory entry claiming more is refused before anything is read.
fn read_stream(ole: &mut Ole<'_>, name: &str, file_len: usize) -> Result<Vec<u8>, Error> {
    let stream_name = name.trim_start_matches('/');
    let mut stream = ole
        .open_stream(name)
        .map_err(|e| corrupt(format!("cannot open the {stream_name:?} stream: {e}")))?;
    let claimed = stream.len();
    if claimed > file_len as u64 {
        return Err(corrupt(format!(
            "the {stream_name:?} stream claims {claimed} bytes in a file of {file_len}"
        )));
    }
    let mut out = Vec::new();
    (&mut stream)
        .take(claimed)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(format!("cannot read the {stream_name:?} stream: {e}")))?;
    Ok(out)
}

/// What an OLE file without a `WordDocument` stream is, by its streams.
fn what_else(ole: &Ole<'_>) -> &'static str {
    let names: Vec<String> = ole
        .read_root_storage()
        .map(|e| e.name().to_string())
        .collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if has("Workbook") || has("Book") {
        "Excel workbook (.xls) in an OLE file"
    } else if has("PowerPoint Document") {
        "PowerPoint presentation (.ppt) in an OLE file"
    } else if has("__properties_version1.0") || names.iter().any(|n| n.starts_with("__substg1.0_"))
    {
        "Outlook message (.msg) in an OLE file"
    } else if has("VisioDocument") {
        "Visio drawing (.vsd) in an OLE file"
    } else {
        "OLE compound file without a Word document (no WordDocument stream)"
    }
}
