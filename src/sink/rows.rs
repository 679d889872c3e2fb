//! A record flattened into table rows, shared by the CSV and SQLite sinks
//! and by bindings (the Python package's `to_frames`, the Spark example):
//! [`TABLES`] names the six tables and their columns, [`table_rows`] gives
//! an outcome's rows. Lists inside a cell are JSON arrays (`["王波","李红"]`):
//! lossless whatever a name holds, and `json_each` / `::jsonb` read them back.

use std::borrow::Cow;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{SinkError, path_key, path_shown};
use crate::record::Source;
use crate::{Outcome, Record};

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ColumnType {
    /// Text (UTF-8).
    Text,
    /// A 64-bit signed integer.
    Integer,
}

impl ColumnType {
    /// `text` or `integer`.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Integer => "integer",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// The type of its values.
    pub kind: ColumnType,
    /// Whether a cell may be empty (NULL).
    pub nullable: bool,
}

/// One of the six tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// Its name (`documents`, `people` …).
    pub name: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
}

const fn text(name: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Text,
        nullable: false,
    }
}

const fn text_or_null(name: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Text,
        nullable: true,
    }
}

const fn integer(name: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Integer,
        nullable: false,
    }
}

const fn integer_or_null(name: &'static str) -> Column {
    Column {
        name,
        kind: ColumnType::Integer,
        nullable: true,
    }
}

/// The tables of the CSV sink, in the order [`table_rows`] gives them; the
/// SQLite sink has the same, `documents` keyed by an integer `id` instead of
/// `document_id` (and with `extracted_at`). Every child table starts with
/// `document_id` and its own index in the record's list.
pub const TABLES: [Table; 6] = [
    Table {
        name: "documents",
        columns: &[
            text("document_id"),
            text("path"),
            text_or_null("path_bytes"),
            text_or_null("sha256"),
            integer_or_null("bytes"),
            text_or_null("format"),
            text_or_null("encoding"),
            text_or_null("meeting_title"),
            text_or_null("meeting_date"),
            text_or_null("meeting_location"),
            text_or_null("chairs"),
            text_or_null("attendees"),
            text_or_null("warnings"),
            text_or_null("error_kind"),
            text_or_null("error_message"),
        ],
    },
    Table {
        name: "people",
        columns: &[
            text("document_id"),
            integer("person_index"),
            text("name"),
            text("titles"),
            text("roles"),
        ],
    },
    Table {
        name: "tasks",
        columns: &[
            text("document_id"),
            integer("task_index"),
            text("title"),
            text("leaders"),
            text("units"),
            integer_or_null("deadline_index"),
            text_or_null("deadline_date"),
            text_or_null("status"),
        ],
    },
    Table {
        name: "task_leaders",
        columns: &[text("document_id"), integer("task_index"), text("name")],
    },
    Table {
        name: "deadlines",
        columns: &[
            text("document_id"),
            integer("deadline_index"),
            text("text"),
            text_or_null("date"),
            text("relation"),
            text("precision"),
        ],
    },
    Table {
        name: "problems",
        columns: &[
            text("document_id"),
            integer("problem_index"),
            text("text"),
            integer_or_null("task_index"),
        ],
    },
];

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// No value (an empty CSV cell, SQL NULL).
    Null,
    /// Text.
    Text(Cow<'a, str>),
    /// An integer.
    Integer(i64),
}

impl<'a> Cell<'a> {
    fn text(value: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(value))
    }

    fn owned(value: String) -> Self {
        Cell::Text(Cow::Owned(value))
    }

    fn text_or_null(value: Option<&'a str>) -> Self {
        value.map_or(Cell::Null, Cell::text)
    }

    fn owned_or_null(value: Option<String>) -> Self {
        value.map_or(Cell::Null, Cell::owned)
    }

    fn integer_or_null(value: Option<i64>) -> Self {
        value.map_or(Cell::Null, Cell::Integer)
    }
}

/// The stable key of a document in the tables: the first 16 hex digits of
/// the SHA-256 of its [`path_key`] (`-` for none), a newline, and its
/// `source.sha256` (empty when unknown). The same file with the same
/// content gets the same id in every run, and different files (or one file
/// changed) different ones, so tables written by separate batches can be
/// appended into one (a 64-bit id: a clash is expected only past some four
/// billion documents).
pub fn document_id(source: &Source) -> String {
    let mut hasher = Sha256::new();
    hasher.update(path_key(source).as_bytes());
    hasher.update(b"\n");
    hasher.update(source.sha256.as_deref().unwrap_or("").as_bytes());
    let digest = hasher.finalize();
    crate::extractor::hex(&digest[..8])
}

/// The rows of one outcome in the six [`TABLES`], each row's cells in the
/// table's column order, starting with the [`document_id`]: one `documents`
/// row, and for a record its people, tasks, task leaders, deadlines and problems.
pub fn table_rows(outcome: &Outcome) -> Result<[Vec<Vec<Cell<'_>>>; 6], SinkError> {
    let rows = Rows::of(outcome)?;
    let id = document_id(outcome.source());
    let key = || Cell::owned(id.clone());
    let index = |i: usize| Cell::Integer(index_value(i));
    let d = rows.document;
    let documents = vec![vec![
        key(),
        Cell::text(d.path),
        Cell::text_or_null(d.path_bytes),
        Cell::text_or_null(d.sha256),
        Cell::integer_or_null(d.bytes),
        Cell::text_or_null(d.format),
        Cell::text_or_null(d.encoding),
        Cell::text_or_null(d.meeting_title),
        Cell::text_or_null(d.meeting_date),
        Cell::text_or_null(d.meeting_location),
        Cell::owned_or_null(d.chairs),
        Cell::owned_or_null(d.attendees),
        Cell::owned_or_null(d.warnings),
        Cell::text_or_null(d.error_kind),
        Cell::text_or_null(d.error_message),
    ]];
    let people = rows
        .people
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                key(),
                index(i),
                Cell::text(p.name),
                Cell::owned(p.titles),
                Cell::owned(p.roles),
            ]
        })
        .collect();
    let tasks = rows
        .tasks
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                key(),
                index(i),
                Cell::text(t.title),
                Cell::owned(t.leaders),
                Cell::owned(t.units),
                Cell::integer_or_null(t.deadline_index),
                Cell::text_or_null(t.deadline_date),
                Cell::text_or_null(t.status),
            ]
        })
        .collect();
    let task_leaders = rows
        .task_leaders
        .into_iter()
        .map(|l| vec![key(), Cell::Integer(l.task_index), Cell::text(l.name)])
        .collect();
    let deadlines = rows
        .deadlines
        .into_iter()
        .enumerate()
        .map(|(i, dl)| {
            vec![
                key(),
                index(i),
                Cell::text(dl.text),
                Cell::text_or_null(dl.date),
                Cell::owned(dl.relation),
                Cell::owned(dl.precision),
            ]
        })
        .collect();
    let problems = rows
        .problems
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                key(),
                index(i),
                Cell::text(p.text),
                Cell::integer_or_null(p.task_index),
            ]
        })
        .collect();
    Ok([documents, people, tasks, task_leaders, deadlines, problems])
}

/// The `documents` row of one input.
pub(crate) struct DocumentRow<'a> {
    pub path: &'a str,
    pub path_bytes: Option<&'a str>,
    pub sha256: Option<&'a str>,
    pub bytes: Option<i64>,
    pub format: Option<&'a str>,
    pub encoding: Option<&'a str>,
    pub meeting_title: Option<&'a str>,
    pub meeting_date: Option<&'a str>,
    pub meeting_location: Option<&'a str>,
    pub chairs: Option<String>,
    pub attendees: Option<String>,
    pub warnings: Option<String>,
    pub error_kind: Option<&'a str>,
    pub error_message: Option<&'a str>,
}

pub(crate) struct PersonRow<'a> {
    pub name: &'a str,
    pub titles: String,
    pub roles: String,
}

pub(crate) struct TaskRow<'a> {
    pub title: &'a str,
    pub leaders: String,
    pub units: String,
    pub deadline_index: Option<i64>,
    pub deadline_date: Option<&'a str>,
    pub status: Option<&'a str>,
}

pub(crate) struct TaskLeaderRow<'a> {
    pub task_index: i64,
    pub name: &'a str,
}

pub(crate) struct DeadlineRow<'a> {
    pub text: &'a str,
    pub date: Option<&'a str>,
    pub relation: String,
    pub precision: String,
}

pub(crate) struct ProblemRow<'a> {
    pub text: &'a str,
    pub task_index: Option<i64>,
}

/// Every row of one outcome; child rows are numbered by their position in
/// the list (`task_index` 0 is the record's `tasks[0]`).
pub(crate) struct Rows<'a> {
    pub document: DocumentRow<'a>,
    pub people: Vec<PersonRow<'a>>,
    pub tasks: Vec<TaskRow<'a>>,
    pub task_leaders: Vec<TaskLeaderRow<'a>>,
    pub deadlines: Vec<DeadlineRow<'a>>,
    pub problems: Vec<ProblemRow<'a>>,
}

impl<'a> Rows<'a> {
    pub fn of(outcome: &'a Outcome) -> Result<Self, SinkError> {
        let source = outcome.source();
        let (record, failure) = match outcome {
            Outcome::Extracted(record) => (Some(record.as_ref()), None),
            Outcome::Failed(failure) => (None, Some(&failure.error)),
        };
        let list = |pick: fn(&Record) -> &Vec<String>| {
            record.map(|r| serde_json::to_string(pick(r))).transpose()
        };
        let document = DocumentRow {
            path: path_shown(source),
            path_bytes: source.path_bytes.as_deref(),
            sha256: source.sha256.as_deref(),
            bytes: source.bytes.map(|b| i64::try_from(b).unwrap_or(i64::MAX)),
            format: source.format.as_deref(),
            encoding: source.encoding.as_deref(),
            meeting_title: record.and_then(|r| r.meeting.title.as_deref()),
            meeting_date: record.and_then(|r| r.meeting.date.as_deref()),
            meeting_location: record.and_then(|r| r.meeting.location.as_deref()),
            chairs: list(|r| &r.meeting.chairs)?,
            attendees: list(|r| &r.meeting.attendees)?,
            warnings: list(|r| &r.warnings)?,
            error_kind: failure.map(|e| e.kind.as_str()),
            error_message: failure.map(|e| e.message.as_str()),
        };
        let mut rows = Rows {
            document,
            people: Vec::new(),
            tasks: Vec::new(),
            task_leaders: Vec::new(),
            deadlines: Vec::new(),
            problems: Vec::new(),
        };
        let Some(record) = record else {
            return Ok(rows);
        };
        for person in &record.people {
            rows.people.push(PersonRow {
                name: &person.name,
                titles: serde_json::to_string(&person.titles)?,
                roles: serde_json::to_string(&person.roles)?,
            });
        }
        for (index, task) in record.tasks.iter().enumerate() {
            rows.tasks.push(TaskRow {
                title: &task.title,
                leaders: serde_json::to_string(&task.leaders)?,
                units: serde_json::to_string(&task.units)?,
                deadline_index: task.deadline.map(index_value),
                deadline_date: task
                    .deadline
                    .and_then(|d| record.deadlines.get(d))
                    .and_then(|d| d.date.as_deref()),
                status: task.status.as_deref(),
            });
            for name in &task.leaders {
                rows.task_leaders.push(TaskLeaderRow {
                    task_index: index_value(index),
                    name,
                });
            }
        }
        for deadline in &record.deadlines {
            rows.deadlines.push(DeadlineRow {
                text: &deadline.text,
                date: deadline.date.as_deref(),
                relation: name_of(&deadline.relation)?,
                precision: name_of(&deadline.precision)?,
            });
        }
        for problem in &record.problems {
            rows.problems.push(ProblemRow {
                text: &problem.text,
                task_index: problem.task.map(index_value),
            });
        }
        Ok(rows)
    }
}

/// A list position as an SQL integer.
pub(crate) fn index_value(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

/// The name a unit enum variant has in the JSON record (`by`, `month`).
fn name_of<T: Serialize>(value: &T) -> Result<String, SinkError> {
    Ok(match serde_json::to_value(value)? {
        serde_json::Value::String(name) => name,
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn every_row_has_its_tables_columns_and_reads_back_from_json() {
        let extractor = Extractor::new();
        let record = extractor.outcome_of_bytes(
            "3月18日，区长刘志远主持召开区政府常务会议，要求区住建局于4月底前完成选址论证。"
                .as_bytes(),
            Some(std::path::Path::new("a.txt")),
        );
        let failure = extractor.outcome_of_path(std::path::Path::new("no/such.txt"));
        for outcome in [&record, &failure] {
            let line = serde_json::to_string(outcome).unwrap();
            let back: Outcome = serde_json::from_str(&line).unwrap();
            assert_eq!(&back, outcome);
            let tables = table_rows(outcome).unwrap();
            for (table, rows) in TABLES.iter().zip(&tables) {
                for row in rows {
                    assert_eq!(row.len(), table.columns.len(), "{}", table.name);
                    for (cell, column) in row.iter().zip(table.columns) {
                        match cell {
                            Cell::Null => assert!(column.nullable, "{}", column.name),
                            Cell::Text(_) => assert_eq!(column.kind, ColumnType::Text),
                            Cell::Integer(_) => assert_eq!(column.kind, ColumnType::Integer),
                        }
                    }
                    assert_eq!(row[0], Cell::owned(document_id(outcome.source())));
                }
            }
        }
        assert!(matches!(failure, Outcome::Failed(_)));
        assert_eq!(table_rows(&record).unwrap()[4].len(), 1, "one deadline");
    }

    #[test]
    fn document_ids_are_stable_and_tell_path_and_content_apart() {
        let source = |path: &str, sha: Option<&str>| Source {
            path: Some(path.into()),
            sha256: sha.map(str::to_string),
            ..Source::default()
        };
        let id = document_id(&source("a.txt", Some("00")));
        assert_eq!(id.len(), 16);
        assert_eq!(id, document_id(&source("a.txt", Some("00"))));
        assert_ne!(id, document_id(&source("b.txt", Some("00"))));
        assert_ne!(id, document_id(&source("a.txt", Some("01"))));
        assert_ne!(id, document_id(&source("a.txt", None)));
        // Pinned: ids written by one version are found by the next.
        let mut hasher = Sha256::new();
        hasher.update(b"a.txt\n00");
        assert_eq!(id, crate::extractor::hex(&hasher.finalize()[..8]));
    }
}
