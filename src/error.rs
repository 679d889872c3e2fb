//! The one error type of the crate.

use std::path::{Path, PathBuf};

/// Why a document could not be read or a request not served.
///
/// Every variant that concerns an input carries its path (`None` for input
/// given in memory or on stdin), and [`Error::kind`] gives the stable,
/// machine-readable name written into error records.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: cannot read the file: {source}", show(path))]
    Io {
        /// The file.
        path: Option<PathBuf>,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The input is in a format huiyi does not read (yet).
    #[error("{}: unsupported format: {format}", show(path))]
    UnsupportedFormat {
        /// The file.
        path: Option<PathBuf>,
        /// What the input was recognised as (`Excel workbook (.xls) in an OLE file`, `PDF` …).
        format: String,
    },
    /// The bytes do not decode as text in any supported encoding.
    #[error("{}: undecodable text: {reason}", show(path))]
    UndecodableText {
        /// The file.
        path: Option<PathBuf>,
        /// What was wrong.
        reason: String,
    },
    /// The input holds no text at all.
    #[error("{}: the document is empty", show(path))]
    Empty {
        /// The file.
        path: Option<PathBuf>,
    },
    /// The input is larger than the configured limit.
    #[error(
        "{}: over the size limit: {what} is {actual} bytes, the limit is {limit}",
        show(path)
    )]
    TooLarge {
        /// The file.
        path: Option<PathBuf>,
        /// What was measured (`the file`, `word/document.xml` …).
        what: String,
        /// The size found (or reached when reading stopped).
        actual: u64,
        /// The limit.
        limit: u64,
    },
    /// A zip, but not a WordprocessingML package (no `word/document.xml`):
    /// a spreadsheet, a presentation, a zip of text files; or an OpenDocument
    /// text without its `content.xml`.
    #[error("{}: not a docx: {reason}", show(path))]
    NotADocx {
        /// The file.
        path: Option<PathBuf>,
        /// What was found instead.
        reason: String,
    },
    /// An encrypted (password-protected) Office document.
    #[error("{}: the document is encrypted", show(path))]
    Encrypted {
        /// The file.
        path: Option<PathBuf>,
    },
    /// The zip is truncated or corrupt.
    #[error("{}: corrupt zip: {reason}", show(path))]
    CorruptZip {
        /// The file.
        path: Option<PathBuf>,
        /// What the zip reader found.
        reason: String,
    },
    /// An OLE compound file, or the Word binary document inside it (`.doc`,
    /// `.wps`), that is truncated or corrupt.
    #[error("{}: corrupt Word binary document: {reason}", show(path))]
    CorruptDoc {
        /// The file.
        path: Option<PathBuf>,
        /// What was wrong.
        reason: String,
    },
    /// A part of a docx is not well-formed XML.
    #[error("{}: malformed XML in {part} at byte {position}: {reason}", show(path))]
    MalformedXml {
        /// The file.
        path: Option<PathBuf>,
        /// The part (`word/document.xml` …).
        part: String,
        /// The byte offset in the decompressed part.
        position: u64,
        /// What was wrong.
        reason: String,
    },
    /// XML elements or RTF groups nested deeper than the limit.
    #[error("{}: {part} nested deeper than {limit} levels", show(path))]
    TooDeep {
        /// The file.
        path: Option<PathBuf>,
        /// What is nested: the XML part (`word/document.xml` …) or `RTF groups`.
        part: String,
        /// The limit.
        limit: usize,
    },
    /// An RTF document that is cut off: it ends inside a group or a control
    /// word, or its binary data (`\binN`) runs past its end.
    #[error("{}: malformed RTF: {reason}", show(path))]
    MalformedRtf {
        /// The file.
        path: Option<PathBuf>,
        /// What was wrong.
        reason: String,
    },
    /// A PDF that lopdf cannot load: cut off, its cross-reference data and
    /// objects unreadable.
    #[error("{}: malformed PDF: {reason}", show(path))]
    MalformedPdf {
        /// The file.
        path: Option<PathBuf>,
        /// What was wrong.
        reason: String,
    },
    /// A PDF whose pages hold images and no text (a scan; OCR is not done),
    /// or text only in fonts that do not map it to Unicode.
    #[error(
        "{}: the PDF has no text layer (a scan?); OCR is out of scope",
        show(path)
    )]
    NoTextLayer {
        /// The file.
        path: Option<PathBuf>,
    },
    /// A date given by the caller is not a valid `YYYY-MM-DD` date.
    #[error("invalid date {text:?}: expected YYYY-MM-DD")]
    InvalidDate {
        /// The text given.
        text: String,
    },
    /// Extraction of one document panicked; the batch goes on.
    #[error("{}: internal error while extracting: {message}", show(path))]
    Internal {
        /// The file.
        path: Option<PathBuf>,
        /// The panic message.
        message: String,
    },
}

impl Error {
    /// The stable name of this kind of error, as written in error records.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::UnsupportedFormat { .. } => "unsupported_format",
            Error::UndecodableText { .. } => "undecodable_text",
            Error::Empty { .. } => "empty",
            Error::TooLarge { .. } => "too_large",
            Error::NotADocx { .. } => "not_a_docx",
            Error::Encrypted { .. } => "encrypted",
            Error::CorruptZip { .. } => "corrupt_zip",
            Error::CorruptDoc { .. } => "corrupt_doc",
            Error::MalformedXml { .. } => "malformed_xml",
            Error::TooDeep { .. } => "too_deep",
            Error::MalformedRtf { .. } => "malformed_rtf",
            Error::MalformedPdf { .. } => "malformed_pdf",
            Error::NoTextLayer { .. } => "no_text_layer",
            Error::InvalidDate { .. } => "invalid_date",
            Error::Internal { .. } => "internal",
        }
    }

    /// The input this error is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. }
            | Error::UnsupportedFormat { path, .. }
            | Error::UndecodableText { path, .. }
            | Error::Empty { path }
            | Error::TooLarge { path, .. }
            | Error::NotADocx { path, .. }
            | Error::Encrypted { path }
            | Error::CorruptZip { path, .. }
            | Error::CorruptDoc { path, .. }
            | Error::MalformedXml { path, .. }
            | Error::TooDeep { path, .. }
            | Error::MalformedRtf { path, .. }
            | Error::MalformedPdf { path, .. }
            | Error::NoTextLayer { path }
            | Error::Internal { path, .. } => path.as_deref(),
            Error::InvalidDate { .. } => None,
        }
    }
}

impl Error {
    /// Names the input: errors made deep inside a reader, without the path, get it here.
    pub(crate) fn at(mut self, file: Option<&Path>) -> Self {
        match &mut self {
            Error::Io { path, .. }
            | Error::UnsupportedFormat { path, .. }
            | Error::UndecodableText { path, .. }
            | Error::Empty { path }
            | Error::TooLarge { path, .. }
            | Error::NotADocx { path, .. }
            | Error::Encrypted { path }
            | Error::CorruptZip { path, .. }
            | Error::CorruptDoc { path, .. }
            | Error::MalformedXml { path, .. }
            | Error::TooDeep { path, .. }
            | Error::MalformedRtf { path, .. }
            | Error::MalformedPdf { path, .. }
            | Error::NoTextLayer { path }
            | Error::Internal { path, .. } => *path = file.map(Path::to_path_buf),
            Error::InvalidDate { .. } => {}
        }
        self
    }
}

fn show(path: &Option<PathBuf>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "<input>".to_string(),
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
