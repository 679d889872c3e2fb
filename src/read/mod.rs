//! Reading: bytes → [`Document`] (blocks of text). Extraction never sees bytes.
//!
//! [`read_bytes`] sniffs the format from the bytes themselves (not the file
//! name) and hands them to the reader for that format.

pub(crate) mod docx;
use std::path::Path;

use crate::error::{Error, Result};
use crate::options::Limits;

/// The formats huiyi reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text in any supported encoding.
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// The name written in `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// A paragraph of running text.
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
    /// The detected encoding, for text and HTML inputs.
    pub encoding: Option<&'static str>,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The text of the document as SPEC §2 lays it out: paragraphs separated by
    /// `\n`; in a table, cells by `\t` and rows by `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
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
}

/// Reads a document from its bytes. `path` is only used to name the input in errors.
pub fn read_bytes(bytes: &[u8], path: Option<&Path>, limits: &Limits) -> Result<Document> {
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(Error::TooLarge {
            path: path.map(Path::to_path_buf),
            what: "the file".into(),
            actual: bytes.len() as u64,
            limit: limits.max_input_bytes,
        });
    }
    let text = String::from_utf8_lossy(bytes);
    Ok(Document {
        format: Format::Text,
        encoding: Some("UTF-8"),
        blocks: text
            .lines()
            .map(|l| Block::Paragraph(l.to_string()))
            .collect(),
    })
}
