//! CSV output: a folder of tables joined by `document_id`.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::rows::Rows;
use super::{Sink, SinkError};
use crate::Outcome;

const TABLES: [(&str, &[&str]); 6] = [
    (
        "documents",
        &[
            "document_id",
            "path",
            "sha256",
            "bytes",
            "format",
            "encoding",
            "meeting_title",
            "meeting_date",
            "meeting_location",
            "chairs",
            "attendees",
            "warnings",
            "error_kind",
            "error_message",
        ],
    ),
    (
        "people",
        &["document_id", "person_index", "name", "titles", "roles"],
    ),
    (
        "tasks",
        &[
            "document_id",
            "task_index",
            "title",
            "leaders",
            "units",
            "deadline_index",
            "deadline_date",
            "status",
        ],
    ),
    ("task_leaders", &["document_id", "task_index", "name"]),
    (
        "deadlines",
        &[
            "document_id",
            "deadline_index",
            "text",
            "date",
            "relation",
            "precision",
        ],
    ),
    (
        "problems",
        &["document_id", "problem_index", "text", "task_index"],
    ),
];

/// Writes outcomes as CSV files in a folder: `documents.csv` (one row per
/// input, with `error_kind` and `error_message` for those that failed),
/// `people.csv`, `tasks.csv`, `task_leaders.csv`, `deadlines.csv` and
/// `problems.csv`, joined by `document_id` (1, 2 … in input order).
///
/// Each file has a header row and RFC 4180 quoting, as PostgreSQL's
/// `COPY … (FORMAT csv, HEADER)` and spreadsheets read it; lists inside a
/// cell are JSON arrays; an unknown value is an empty cell.
#[derive(Debug)]
pub struct CsvSink {
    folder: PathBuf,
    writers: [::csv::Writer<File>; 6],
    next_id: u64,
}

impl CsvSink {
    /// Creates the folder (if need be) and its files, replacing earlier ones.
    /// With `bom`, each file starts with a UTF-8 byte-order mark, which Excel
    /// needs to read UTF-8 (PostgreSQL does not want it).
    pub fn create(folder: &Path, bom: bool) -> Result<Self, SinkError> {
        std::fs::create_dir_all(folder).map_err(|source| SinkError::Io {
            path: folder.to_path_buf(),
            source,
        })?;
        let open = |(table, header): (&str, &[&str])| -> Result<_, SinkError> {
            let path = folder.join(format!("{table}.csv"));
            let io = |source| SinkError::Io {
                path: path.clone(),
                source,
            };
            let mut file = File::create(&path).map_err(io)?;
            if bom {
                file.write_all("\u{feff}".as_bytes()).map_err(io)?;
            }
            let mut writer = ::csv::Writer::from_writer(file);
            writer.write_record(header)?;
            Ok(writer)
        };
        let [a, b, c, d, e, f] = TABLES;
        let writers = [open(a)?, open(b)?, open(c)?, open(d)?, open(e)?, open(f)?];
        Ok(CsvSink {
            folder: folder.to_path_buf(),
            writers,
            next_id: 1,
        })
    }

    /// The folder written to.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

fn cell(value: Option<&str>) -> &str {
    value.unwrap_or("")
}

fn number(value: Option<i64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

impl Sink for CsvSink {
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError> {
        let rows = Rows::of(outcome)?;
        let id = self.next_id.to_string();
        self.next_id += 1;
        let [documents, people, tasks, task_leaders, deadlines, problems] = &mut self.writers;
        let d = &rows.document;
        documents.write_record([
            id.as_str(),
            d.path,
            cell(d.sha256),
            &number(d.bytes),
            cell(d.format),
            cell(d.encoding),
            cell(d.meeting_title),
            cell(d.meeting_date),
            cell(d.meeting_location),
            cell(d.chairs.as_deref()),
            cell(d.attendees.as_deref()),
            cell(d.warnings.as_deref()),
            cell(d.error_kind),
            cell(d.error_message),
        ])?;
        for (i, p) in rows.people.iter().enumerate() {
            people.write_record([id.as_str(), &i.to_string(), p.name, &p.titles, &p.roles])?;
        }
        for (i, t) in rows.tasks.iter().enumerate() {
            tasks.write_record([
                id.as_str(),
                &i.to_string(),
                t.title,
                &t.leaders,
                &t.units,
                &number(t.deadline_index),
                cell(t.deadline_date),
                cell(t.status),
            ])?;
        }
        for l in &rows.task_leaders {
            task_leaders.write_record([id.as_str(), &l.task_index.to_string(), l.name])?;
        }
        for (i, dl) in rows.deadlines.iter().enumerate() {
            deadlines.write_record([
                id.as_str(),
                &i.to_string(),
                dl.text,
                cell(dl.date),
                &dl.relation,
                &dl.precision,
            ])?;
        }
        for (i, p) in rows.problems.iter().enumerate() {
            problems.write_record([id.as_str(), &i.to_string(), p.text, &number(p.task_index)])?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        for writer in &mut self.writers {
            writer.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn cells_with_commas_quotes_and_newlines_read_back() {
        let dir = std::env::temp_dir().join(format!("huiyi-csv-{}", std::process::id()));
        let mut sink = CsvSink::create(&dir, false).unwrap();
        let odd = dir.join("a,\"b\"\nc.txt");
        let outcome = Extractor::new().outcome_of_path(&odd);
        sink.write(&outcome).unwrap();
        sink.finish().unwrap();
        let mut reader = ::csv::Reader::from_path(dir.join("documents.csv")).unwrap();
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "1");
        assert_eq!(&rows[0][1], odd.display().to_string());
        assert_eq!(&rows[0][12], "io");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
