//! The zip package: opening it within the limits, finding the parts, reading
//! a part without trusting the sizes the zip declares.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{Node, Xml};
use crate::error::Error;
use crate::options::Limits;

/// The parts the reader needs, as named in the package.
pub(in crate::read) struct Parts {
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    pub core: Option<String>,
}

/// An opened package, with the decompression budget left.
pub(in crate::read) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: &'a Limits,
    budget: u64,
}

fn corrupt(e: ZipError) -> Error {
    match e {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            Error::Encrypted { path: None }
        }
        e => Error::CorruptZip {
            path: None,
            reason: e.to_string(),
        },
    }
}

impl<'a> Package<'a> {
    /// Opens the zip, checking the input size and the entry count.
    pub fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, Error> {
        if bytes.len() as u64 > limits.max_input_bytes {
            return Err(Error::TooLarge {
                path: None,
                what: "the file".into(),
                actual: bytes.len() as u64,
                limit: limits.max_input_bytes,
            });
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
        if zip.len() > limits.max_entries {
            return Err(Error::TooLarge {
                path: None,
                what: "the number of zip entries".into(),
                actual: zip.len() as u64,
                limit: limits.max_entries as u64,
            });
        }
        Ok(Package {
            zip,
            limits,
            budget: limits.max_total_decompressed_bytes,
        })
    }

    /// Finds the main document through `_rels/.rels` (falling back on
    /// `word/document.xml`), and its styles and numbering through the main
    /// document's relationships (falling back on the usual names).
    pub fn locate_parts(&mut self) -> Result<Parts, Error> {
        let document = self
            .relationship_target("_rels/.rels", "", "/officeDocument")?
            .filter(|name| self.zip.index_for_name(name).is_some())
            .unwrap_or_else(|| "word/document.xml".to_string());
        if self.zip.index_for_name(&document).is_none() {
            let reason = if self.zip.file_names().any(|n| n.starts_with("xl/")) {
                "a spreadsheet (xlsx), not a Word document".to_string()
            } else if self.zip.file_names().any(|n| n.starts_with("ppt/")) {
                "a presentation (pptx), not a Word document".to_string()
            } else if self.zip.index_for_name("content.xml").is_some() {
                // An odt is read before this; what is left is no text document.
                "an OpenDocument spreadsheet, presentation or drawing, not a text document"
                    .to_string()
            } else {
                "a zip without word/document.xml".to_string()
            };
            return Err(Error::NotADocx { path: None, reason });
        }
        let (dir, file) = match document.rsplit_once('/') {
            Some((dir, file)) => (format!("{dir}/"), file.to_string()),
            None => (String::new(), document.clone()),
        };
        let rels = format!("{dir}_rels/{file}.rels");
        let mut find = |kind: &str, usual: &str| -> Result<Option<String>, Error> {
            let named = self.relationship_target(&rels, &dir, kind)?;
            Ok(named
                .into_iter()
                .chain(std::iter::once(usual.to_string()))
                .find(|name| self.zip.index_for_name(name).is_some()))
        };
        let styles = find("/styles", "word/styles.xml")?;
        let numbering = find("/numbering", "word/numbering.xml")?;
        let core = self
            .relationship_target("_rels/.rels", "", "/core-properties")?
            .into_iter()
            .chain(std::iter::once("docProps/core.xml".to_string()))
            .find(|name| self.zip.index_for_name(name).is_some());
        Ok(Parts {
            document,
            styles,
            numbering,
            core,
        })
    }

    /// The target of the first relationship in `rels` whose type ends with
    /// `kind`, resolved against `dir` (the folder of the source part).
    fn relationship_target(
        &mut self,
        rels: &str,
        dir: &str,
        kind: &str,
    ) -> Result<Option<String>, Error> {
        let Some(xml) = self.read_part(rels)? else {
            return Ok(None);
        };
        let mut reader = Xml::new(&xml, rels, self.limits);
        loop {
            match reader.next()? {
                Node::Start(e) if e.local() == b"Relationship" => {
                    let external = e.attr(b"TargetMode").as_deref() == Some("External");
                    let typed = e.attr(b"Type").is_some_and(|t| t.ends_with(kind));
                    if let (false, true, Some(target)) = (external, typed, e.attr(b"Target")) {
                        return Ok(Some(resolve(dir, &target)));
                    }
                }
                Node::Eof => return Ok(None),
                _ => {}
            }
        }
    }

    /// Reads a part, or `None` when the package has no such part. A part
    /// whose declared size passes the limits is refused unread; one that
    /// inflates past its declared size is refused one byte later, so that
    /// no size the zip claims is trusted.
    pub fn read_part(&mut self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let limits = self.limits;
        let file = self.zip.by_index(index).map_err(corrupt)?;
        let (limit, what) = entry_limit(limits, self.budget, file.compressed_size());
        let declared = file.size();
        if declared > limit {
            return Err(too_large(name, what, declared, limit));
        }
        // `declared` is at most the limit here, so the capacity is bounded;
        // more than `declared` bytes is a lie, caught after one byte more.
        let mut data = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        file.take(declared.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| Error::CorruptZip {
                path: None,
                reason: format!("{name}: {e}"),
            })?;
        let actual = data.len() as u64;
        if actual > declared {
            return Err(Error::CorruptZip {
                path: None,
                reason: format!("{name} decompresses past its declared size of {declared} bytes"),
            });
        }
        self.budget -= actual;
        Ok(Some(utf8(data)))
    }
}

/// A part in UTF-8: the standard allows UTF-16 parts (with a byte order
/// mark), which are transcoded; the XML reader reads UTF-8 only.
fn utf8(data: Vec<u8>) -> Vec<u8> {
    match encoding_rs::Encoding::for_bom(&data) {
        Some((encoding, _)) if encoding != encoding_rs::UTF_8 => encoding
            .decode_with_bom_removal(&data)
            .0
            .into_owned()
            .into_bytes(),
        _ => data,
    }
}

/// Which limit applies to one entry: the tightest of the per-entry limit, the
/// budget left and, past the threshold, the ratio to its compressed size.
fn entry_limit(limits: &Limits, budget: u64, compressed: u64) -> (u64, Limit) {
    let by_ratio = limits
        .max_ratio
        .saturating_mul(compressed)
        .max(limits.ratio_threshold_bytes);
    [
        (limits.max_entry_bytes, Limit::Entry),
        (budget, Limit::Total),
        (by_ratio, Limit::Ratio),
    ]
    .into_iter()
    .min_by_key(|&(n, _)| n)
    .unwrap_or((0, Limit::Entry))
}

/// The kind of limit an entry ran into, to name it in the error.
#[derive(Clone, Copy)]
enum Limit {
    Entry,
    Total,
    Ratio,
}

fn too_large(name: &str, what: Limit, actual: u64, limit: u64) -> Error {
    let what = match what {
        Limit::Entry => format!("{name} (decompressed)"),
        Limit::Total => format!("{name} (decompressed, with the parts read before it)"),
        Limit::Ratio => format!("{name} (decompressed, against its compression ratio limit)"),
    };
    Error::TooLarge {
        path: None,
        what,
        actual,
        limit,
    }
}

/// Resolves a relationship target against the source part's folder: `/x` is
/// from the package root; `..` steps up.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}
