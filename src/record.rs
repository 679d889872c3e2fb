//! The `huiyi/1` record: one per input document (SPEC §3).
//!
//! Field names are stable. New optional fields may be added, which is why the
//! structs are `#[non_exhaustive]`: build them through the extractor, read
//! them freely.

use serde::{Deserialize, Serialize};

use crate::time::{Precision, Relation};

/// The schema name written into every record.
pub const SCHEMA: &str = "huiyi/1";

/// The JSON Schema (draft 2020-12) of a `huiyi/1` record or error record,
/// as published in `schema/huiyi-1.schema.json`.
pub const JSON_SCHEMA: &str = include_str!("../schema/huiyi-1.schema.json");

/// A byte range `[start, end)` into the normalised text of the document.
pub type Span = [usize; 2];

impl Source {
    /// The source of an input read from `path`, before anything is known of its content.
    pub fn of_path(path: &std::path::Path) -> Source {
        let (text, bytes) = path_text(path);
        Source {
            path: Some(text),
            path_bytes: bytes,
            ..Source::default()
        }
    }
}

/// `path` as text: itself when it is UTF-8; otherwise with each byte outside
/// a UTF-8 character written `\xNN`, and beside it all its bytes in hex.
pub(crate) fn path_text(path: &std::path::Path) -> (String, Option<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (text.to_string(), None);
        }
        let mut text = String::new();
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            for b in chunk.invalid() {
                text.push_str(&format!("\\x{b:02X}"));
            }
        }
        (text, Some(crate::extractor::hex(bytes)))
    }
    #[cfg(not(unix))]
    {
        // Windows paths are UTF-16; one that is not valid Unicode is rare
        // enough to be shown lossily, its code units beside it.
        match path.to_str() {
            Some(text) => (text.to_string(), None),
            None => {
                use std::os::windows::ffi::OsStrExt;
                let units: Vec<u8> = path
                    .as_os_str()
                    .encode_wide()
                    .flat_map(u16::to_be_bytes)
                    .collect();
                (
                    path.display().to_string(),
                    Some(crate::extractor::hex(&units)),
                )
            }
        }
    }
}

/// The structured record of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the record came from.
    pub source: Source,
    /// The meeting the document reports.
    pub meeting: Meeting,
    /// Every person the document names as an official or participant.
    pub people: Vec<Person>,
    /// Concrete work items the document tracks or assigns.
    pub tasks: Vec<Task>,
    /// Every time limit for work.
    pub deadlines: Vec<Deadline>,
    /// Every problem the document states.
    pub problems: Vec<Problem>,
    /// Inferences the reader should know about (e.g. a year that was not stated).
    pub warnings: Vec<String>,
    /// The normalised text the spans point into, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The input a record was made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The path as given by the caller (`null` for text passed in memory or stdin).
    /// A path that is not UTF-8 (a GBK name copied from Windows) is written
    /// with each byte that is not part of a UTF-8 character as `\xNN`, and
    /// [`path_bytes`](Self::path_bytes) holds it exactly.
    pub path: Option<String>,
    /// The path's bytes in lower-case hex, only when they are not UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    /// `docx`, `odt`, `rtf`, `text`, `markdown` or `html`; `null` when the format could not be recognised.
    pub format: Option<String>,
    /// The detected encoding of a text or HTML input (`UTF-8`, `GBK`, `Big5` …).
    pub encoding: Option<String>,
    /// Hex SHA-256 of the input bytes.
    pub sha256: Option<String>,
    /// Size of the input in bytes.
    pub bytes: Option<u64>,
}

/// The meeting itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's name (`市委办公会议`).
    pub title: Option<String>,
    /// ISO date of the meeting, when the year is known.
    pub date: Option<String>,
    /// The text the date was read from (`6月16日`).
    pub date_text: Option<String>,
    /// Where it was held.
    pub location: Option<String>,
    /// Who chaired it.
    pub chairs: Vec<String>,
    /// Who attended.
    pub attendees: Vec<String>,
}

/// A role a person plays in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Chaired (主持) or convened the meeting.
    Chair,
    /// Attended (出席, 参加, 列席).
    Attendee,
    /// Reported on an item (汇报).
    Reporter,
    /// Spoke or gave instructions (指出, 强调, 要求).
    Speaker,
    /// Is responsible for a task.
    Responsible,
}

/// A person named in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The name, simplified, without title.
    pub name: String,
    /// Every title attached to the person, in order of first appearance, as written.
    pub titles: Vec<String>,
    /// The roles the person plays.
    pub roles: Vec<Role>,
    /// Where the name is mentioned.
    pub spans: Vec<Span>,
}

/// A concrete piece of work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The shortest phrase naming the work.
    pub title: String,
    /// Persons who lead, report on or are assigned the task.
    pub leaders: Vec<String>,
    /// Responsible organisations.
    pub units: Vec<String>,
    /// Index into [`Record::deadlines`].
    pub deadline: Option<usize>,
    /// Progress as stated (a task table's 进展情况).
    pub status: Option<String>,
    /// Indexes into [`Record::problems`].
    pub problems: Vec<usize>,
    /// Where the task is stated.
    pub span: Span,
}

/// A time limit for work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline {
    /// The expression as written (`6月底前`).
    pub text: String,
    /// The last day the limit allows, ISO; `null` where no date can be resolved.
    pub date: Option<String>,
    /// How the date bounds the work.
    pub relation: Relation,
    /// How precise the date is.
    pub precision: Precision,
    /// Where the expression is.
    pub span: Span,
}

/// A problem the document states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// The problem in the document's own words.
    pub text: String,
    /// Index into [`Record::tasks`] of the task it belongs to.
    pub task: Option<usize>,
    /// Where it is stated.
    pub span: Span,
}

/// The record written for an input that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// What is known of the input.
    pub source: Source,
    /// Why it failed.
    pub error: ErrorInfo,
}

/// The kind and message of a failure, as written in an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// A stable, machine-readable kind (`unsupported_format`, `io`, `undecodable_text` …).
    pub kind: String,
    /// A human-readable message naming the file and the cause.
    pub message: String,
}

impl ErrorRecord {
    /// The error record for `error` on the input described by `source`.
    pub fn new(source: Source, error: &crate::Error) -> Self {
        ErrorRecord {
            schema: SCHEMA.to_string(),
            source,
            error: ErrorInfo {
                kind: error.kind().to_string(),
                message: error.to_string(),
            },
        }
    }
}
