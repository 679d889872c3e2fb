//! A record flattened into table rows, shared by the CSV and SQLite sinks.
//! Lists inside a cell are JSON arrays (`["王波","李红"]`): lossless whatever
//! a name holds, and `json_each` / `::jsonb` read them back.

use serde::Serialize;

use super::{SinkError, path_key};
use crate::{Outcome, Record};

/// The `documents` row of one input.
pub(crate) struct DocumentRow<'a> {
    pub path: &'a str,
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
            path: path_key(source),
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
