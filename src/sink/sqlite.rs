//! SQLite output: one row per input in `documents`, its people, tasks,
//! deadlines and problems in child tables.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::rows::{Rows, index_value};
use super::{Sink, SinkError};
use crate::Outcome;
use crate::record::Source;

// The schema in two parts: a new database gets its lookup indexes after the
// load (see [`SqliteSink::open`]).
macro_rules! tables_sql {
    () => {
        "
CREATE TABLE IF NOT EXISTS documents (
    id               INTEGER PRIMARY KEY,
    path             TEXT NOT NULL,
    path_bytes       TEXT,
    sha256           TEXT,
    bytes            INTEGER,
    format           TEXT,
    encoding         TEXT,
    meeting_title    TEXT,
    meeting_date     TEXT,
    meeting_location TEXT,
    chairs           TEXT,
    attendees        TEXT,
    warnings         TEXT,
    error_kind       TEXT,
    error_message    TEXT,
    extracted_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_index INTEGER NOT NULL,
    name         TEXT NOT NULL,
    titles       TEXT NOT NULL,
    roles        TEXT NOT NULL,
    PRIMARY KEY (document_id, person_index)
);
CREATE TABLE IF NOT EXISTS tasks (
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_index     INTEGER NOT NULL,
    title          TEXT NOT NULL,
    leaders        TEXT NOT NULL,
    units          TEXT NOT NULL,
    deadline_index INTEGER,
    deadline_date  TEXT,
    status         TEXT,
    PRIMARY KEY (document_id, task_index)
);
CREATE TABLE IF NOT EXISTS task_leaders (
    document_id INTEGER NOT NULL,
    task_index  INTEGER NOT NULL,
    name        TEXT NOT NULL,
    FOREIGN KEY (document_id, task_index)
        REFERENCES tasks(document_id, task_index) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS deadlines (
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    deadline_index INTEGER NOT NULL,
    text           TEXT NOT NULL,
    date           TEXT,
    relation       TEXT NOT NULL,
    precision      TEXT NOT NULL,
    PRIMARY KEY (document_id, deadline_index)
);
CREATE TABLE IF NOT EXISTS problems (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    problem_index INTEGER NOT NULL,
    text          TEXT NOT NULL,
    task_index    INTEGER,
    PRIMARY KEY (document_id, problem_index)
);
CREATE INDEX IF NOT EXISTS task_leaders_task ON task_leaders(document_id, task_index);
-- A path is one document; one that is not UTF-8 is told apart by its bytes.
CREATE UNIQUE INDEX IF NOT EXISTS documents_path ON documents(path, ifnull(path_bytes, ''));
"
    };
}
macro_rules! lookup_indexes_sql {
    () => {
        "
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE INDEX IF NOT EXISTS tasks_title ON tasks(title);
CREATE INDEX IF NOT EXISTS task_leaders_name ON task_leaders(name);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines(date);
"
    };
}

/// Gives a `documents` table made before `path_bytes` existed that column
/// (its old `UNIQUE` on `path` stays: two names escaped alike are then
/// refused there, never merged).
fn add_path_bytes(connection: &Connection) -> Result<(), SinkError> {
    let columns: Vec<String> = connection
        .prepare("SELECT name FROM pragma_table_info('documents')")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if !columns.is_empty() && !columns.iter().any(|c| c == "path_bytes") {
        connection.execute_batch("ALTER TABLE documents ADD COLUMN path_bytes TEXT;")?;
    }
    Ok(())
}

/// The tables [`SqliteSink`] creates (if missing), with their indexes. Lists
/// inside a column (`chairs`, `titles`, `leaders` …) are JSON arrays;
/// `task_leaders` has one row per leader of a task, for joins.
pub const SCHEMA_SQL: &str = concat!(tables_sql!(), lookup_indexes_sql!());

/// Writes outcomes into an SQLite database, keyed by `documents.path` (and
/// `path_bytes`, for a path that is not UTF-8).
///
/// Writing an input already in the database replaces its rows (delete and
/// insert in one transaction), so a batch run twice holds each input once.
/// Inputs are committed in batches (256 by default): a run killed midway
/// leaves every committed document complete with its children, and the
/// database in WAL mode is readable while a run goes on.
///
/// A database that holds no documents yet gets the indexes for looking up
/// names, titles and dates ([`SCHEMA_SQL`]) at [`Sink::finish`], built once
/// from the loaded rows: updated row by row, in random order, they made a
/// load of 100,000 reports take 30% longer. A run that stops before
/// `finish` leaves them to the next [`SqliteSink::open`] of the file.
#[derive(Debug)]
pub struct SqliteSink {
    connection: Connection,
    path: PathBuf,
    batch_size: usize,
    in_transaction: usize,
    lookup_indexes_pending: bool,
}

impl SqliteSink {
    /// Opens (creating if need be) the database at `path` and its tables.
    pub fn open(path: &Path) -> Result<Self, SinkError> {
        let connection = Connection::open(path)?;
        // WAL: readers are not blocked by a long load, and a crash loses at
        // most the open batch. NORMAL sync is safe in WAL against a killed process.
        connection.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )?;
        add_path_bytes(&connection)?;
        connection.execute_batch(tables_sql!())?;
        let empty =
            !connection.query_row("SELECT EXISTS (SELECT 1 FROM documents)", [], |row| {
                row.get::<_, bool>(0)
            })?;
        if !empty {
            connection.execute_batch(lookup_indexes_sql!())?;
        }
        Ok(SqliteSink {
            connection,
            path: path.to_path_buf(),
            batch_size: 256,
            in_transaction: 0,
            lookup_indexes_pending: empty,
        })
    }

    /// The number of documents committed together (at least 1).
    pub fn batch_size(mut self, documents: usize) -> Self {
        self.batch_size = documents.max(1);
        self
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for queries of one's own.
    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    /// The `(path, sha256)` of every document extracted without error: the
    /// inputs `--skip-existing` passes over.
    pub fn completed(&self) -> Result<HashSet<(String, String)>, SinkError> {
        let mut statement = self.connection.prepare(
            "SELECT path, path_bytes, sha256 FROM documents
             WHERE error_kind IS NULL AND sha256 IS NOT NULL",
        )?;
        let rows = statement.query_map([], |row| {
            let source = Source {
                path: Some(row.get(0)?),
                path_bytes: row.get(1)?,
                ..Source::default()
            };
            Ok((super::path_key(&source).into_owned(), row.get(2)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn insert(&self, rows: &Rows<'_>) -> Result<(), SinkError> {
        let c = &self.connection;
        // The children go with their document (ON DELETE CASCADE).
        let d = &rows.document;
        c.prepare_cached("DELETE FROM documents WHERE path = ?1 AND path_bytes IS ?2")?
            .execute(params![d.path, d.path_bytes])?;
        c.prepare_cached(
            "INSERT INTO documents (path, path_bytes, sha256, bytes, format, encoding,
                meeting_title, meeting_date, meeting_location, chairs, attendees, warnings,
                error_kind, error_message, extracted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            d.path,
            d.path_bytes,
            d.sha256,
            d.bytes,
            d.format,
            d.encoding,
            d.meeting_title,
            d.meeting_date,
            d.meeting_location,
            d.chairs,
            d.attendees,
            d.warnings,
            d.error_kind,
            d.error_message,
            now(),
        ])?;
        let id = c.last_insert_rowid();
        let mut people = c.prepare_cached(
            "INSERT INTO people (document_id, person_index, name, titles, roles)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, p) in rows.people.iter().enumerate() {
            people.execute(params![id, index_value(i), p.name, p.titles, p.roles])?;
        }
        let mut tasks = c.prepare_cached(
            "INSERT INTO tasks (document_id, task_index, title, leaders, units, deadline_index,
                deadline_date, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, t) in rows.tasks.iter().enumerate() {
            tasks.execute(params![
                id,
                index_value(i),
                t.title,
                t.leaders,
                t.units,
                t.deadline_index,
                t.deadline_date,
                t.status
            ])?;
        }
        let mut leaders = c.prepare_cached(
            "INSERT INTO task_leaders (document_id, task_index, name) VALUES (?1, ?2, ?3)",
        )?;
        for l in &rows.task_leaders {
            leaders.execute(params![id, l.task_index, l.name])?;
        }
        let mut deadlines = c.prepare_cached(
            "INSERT INTO deadlines (document_id, deadline_index, text, date, relation, precision)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, dl) in rows.deadlines.iter().enumerate() {
            deadlines.execute(params![
                id,
                index_value(i),
                dl.text,
                dl.date,
                dl.relation,
                dl.precision
            ])?;
        }
        let mut problems = c.prepare_cached(
            "INSERT INTO problems (document_id, problem_index, text, task_index)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, p) in rows.problems.iter().enumerate() {
            problems.execute(params![id, index_value(i), p.text, p.task_index])?;
        }
        Ok(())
    }
}

impl Sink for SqliteSink {
    fn write(&mut self, outcome: &Outcome) -> Result<(), SinkError> {
        let rows = Rows::of(outcome)?;
        if self.in_transaction == 0 {
            self.connection.execute_batch("BEGIN IMMEDIATE")?;
        }
        self.insert(&rows)?;
        self.in_transaction += 1;
        if self.in_transaction >= self.batch_size {
            self.connection.execute_batch("COMMIT")?;
            self.in_transaction = 0;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        if self.in_transaction > 0 {
            self.connection.execute_batch("COMMIT")?;
            self.in_transaction = 0;
        }
        if self.lookup_indexes_pending {
            self.connection.execute_batch(lookup_indexes_sql!())?;
            self.lookup_indexes_pending = false;
        }
        Ok(())
    }
}

/// The time a row is written, ISO 8601 UTC to the second.
fn now() -> String {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_secs())
        .ok()
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn documents(sink: &SqliteSink) -> Vec<(String, Option<String>, Option<String>)> {
        let mut statement = sink
            .connection()
            .prepare("SELECT path, sha256, error_kind FROM documents ORDER BY path")
            .unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// A scratch folder of its own for a test, and a database path in it that does not exist.
    fn fresh_database(test: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("huiyi-sqlite-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("t.db");
        let _ = std::fs::remove_file(&db);
        (dir, db)
    }

    fn lookup_indexes(connection: &Connection) -> Vec<String> {
        let mut statement = connection
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn a_new_database_gets_its_lookup_indexes_after_the_load() {
        let (dir, db) = fresh_database("idx");
        let extractor = Extractor::new();
        let text = "3月18日，区长刘志远主持召开区政府常务会议，要求6月底前完成老旧小区改造。";
        let all = [
            "deadlines_date",
            "documents_path",
            "people_name",
            "task_leaders_name",
            "task_leaders_task",
            "tasks_title",
        ];

        let mut sink = SqliteSink::open(&db).unwrap().batch_size(1);
        sink.write(&extractor.outcome_of_bytes(text.as_bytes(), Some(Path::new("a.txt"))))
            .unwrap();
        // Committed, not finished: only the key's and the foreign key's indexes
        // are kept up row by row.
        assert_eq!(
            lookup_indexes(sink.connection()),
            ["documents_path", "task_leaders_task"]
        );
        sink.finish().unwrap();
        assert_eq!(lookup_indexes(sink.connection()), all);
        let names: i64 = sink
            .connection()
            .query_row(
                "SELECT count(*) FROM people WHERE name = '刘志远'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(names, 1);
        drop(sink);

        // A run stopped before `finish`: the next opening builds what it left out.
        let _ = std::fs::remove_file(&db);
        let mut sink = SqliteSink::open(&db).unwrap().batch_size(1);
        sink.write(&extractor.outcome_of_bytes(text.as_bytes(), Some(Path::new("a.txt"))))
            .unwrap();
        drop(sink);
        let sink = SqliteSink::open(&db).unwrap();
        assert_eq!(lookup_indexes(sink.connection()), all);
        drop(sink);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writing_a_path_again_replaces_its_rows() {
        let (dir, db) = fresh_database("rows");
        let extractor = Extractor::new();
        let a = Path::new("a.txt");
        let text = "3月18日，区长刘志远主持召开区政府常务会议。".as_bytes();
        let mut sink = SqliteSink::open(&db).unwrap().batch_size(2);
        for outcome in [
            extractor.outcome_of_bytes(text, Some(a)),
            extractor.outcome_of_path(&dir.join("missing.txt")),
            extractor.outcome_of_bytes(b"changed", Some(a)),
        ] {
            sink.write(&outcome).unwrap();
        }
        sink.finish().unwrap();
        let rows = documents(&sink);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].0, "a.txt");
        assert_eq!(rows[1].1, crate::source_of(b"changed", None).sha256);
        assert_eq!(rows[0].2.as_deref(), Some("io"));
        assert_eq!(
            sink.completed().unwrap().into_iter().collect::<Vec<_>>(),
            [("a.txt".to_string(), rows[1].1.clone().unwrap())]
        );
        drop(sink);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
