//! CSV output: a folder of tables joined by `document_id`.

use std::borrow::Cow;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::rows::{Cell, TABLES, table_rows};
use super::{Sink, SinkError};
use crate::Outcome;

/// Writes outcomes as CSV files in a folder: `documents.csv` (one row per
/// input, with `error_kind` and `error_message` for those that failed),
/// `people.csv`, `tasks.csv`, `task_leaders.csv`, `deadlines.csv` and
/// `problems.csv`, with the columns of [`TABLES`], joined by `document_id`:
/// a stable id of the document ([`super::document_id`], from its path and
/// content), so that the tables of separate runs append into one.
///
/// Each file has a header row and RFC 4180 quoting, as PostgreSQL's
/// `COPY … (FORMAT csv, HEADER)` and spreadsheets read it; lists inside a
/// cell are JSON arrays; an unknown value is an empty cell.
#[derive(Debug)]
pub struct CsvSink {
    folder: PathBuf,
    writers: [::csv::Writer<File>; 6],
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
        let open = |table: &super::Table| -> Result<_, SinkError> {
            let path = folder.join(format!("{}.csv", table.name));
            let io = |source| SinkError::Io {
                path: path.clone(),
                source,
            };
            let mut file = File::create(&path).map_err(io)?;
            if bom {
                file.write_all("\u{feff}".as_bytes()).map_err(io)?;
            }
            let mut writer = ::csv::Writer::from_writer(file);
            writer.write_record(table.columns.iter().map(|c| c.name))?;
            Ok(writer)
        };
        let [a, b, c, d, e, f] = &TABLES;
        let writers = [open(a)?, open(b)?, open(c)?, open(d)?, open(e)?, open(f)?];
        Ok(CsvSink {
            folder: folder.to_path_buf(),
            writers,
        })
    }

    /// The folder written to.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

impl Sink for CsvSink {
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError> {
        let tables = table_rows(outcome)?;
        for (writer, rows) in self.writers.iter_mut().zip(&tables) {
            for row in rows {
                let cells: Vec<Cow<'_, str>> = row
                    .iter()
                    .map(|cell| match cell {
                        Cell::Null => Cow::Borrowed(""),
                        Cell::Text(text) => Cow::Borrowed(text.as_ref()),
                        Cell::Integer(n) => Cow::Owned(n.to_string()),
                    })
                    .collect();
                writer.write_record(cells.iter().map(|c| c.as_bytes()))?;
            }
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
        assert_eq!(&rows[0][0], crate::sink::document_id(outcome.source()));
        assert_eq!(rows[0][0].len(), 16);
        assert_eq!(&rows[0][1], odd.display().to_string());
        assert_eq!(&rows[0][2], "", "a UTF-8 path has no path_bytes");
        assert_eq!(&rows[0][13], "io");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
