//! Bulk conversion end to end: an archive of composed reports and bad files
//! through every output format, killed runs, re-runs and --skip-existing.
//!
//! Assertions are on what does not depend on extraction quality: counts,
//! error kinds, source fields, and agreement between the output formats.

mod bulk_archive;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;

fn huiyi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(args)
        .output()
        .expect("the huiyi binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The archive: `n` composed reports in nested folders, and the awkward
/// files an archive holds. Returns the inputs in walk order.
struct Archive {
    root: PathBuf,
    inputs: Vec<PathBuf>,
    /// Inputs that fail whatever the readers can do: a dangling link.
    broken: PathBuf,
    /// A named pipe nobody writes to: opened, it would stall the batch.
    pipe: PathBuf,
    /// The same bytes in two folders.
    duplicates: [PathBuf; 2],
}

fn archive(name: &str, n: u64) -> Archive {
    let root = scratch(name).join("archive");
    let mut inputs = bulk_archive::write_archive(&root, n).unwrap();
    let odd = root.join("odd");
    std::fs::create_dir_all(odd.join("copy")).unwrap();
    let report = "3月18日，区长刘志远主持召开区政府常务会议，要求于4月底前完成选址论证。";
    let (gbk, _, _) = encoding_rs::GBK.encode(report);
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("binary.bin", binary),
        ("copy/dup.txt", report.as_bytes().to_vec()),
        ("dup.txt", report.as_bytes().to_vec()),
        ("empty.txt", Vec::new()),
        ("gbk.txt", gbk.into_owned()),
        (
            "report.pdf",
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
        ),
        (
            "truncated.docx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(odd.join(name), bytes).unwrap();
    }
    std::fs::write(odd.join(".hidden.txt"), report).unwrap();
    let broken = odd.join("gone.txt");
    std::os::unix::fs::symlink(odd.join("nowhere"), &broken).unwrap();
    // A link back up the tree: walked, it would give the folder's files again and again.
    std::os::unix::fs::symlink("..", odd.join("copy/back")).unwrap();
    let pipe = odd.join("pipe.txt");
    let pipe_name = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(pipe_name.as_ptr(), 0o600) }, 0);
    // Walk order: sorted names, folders entered where they sort.
    let mut odd_inputs: Vec<PathBuf> = files.iter().map(|(n, _)| odd.join(n)).collect();
    odd_inputs.push(broken.clone());
    odd_inputs.push(pipe.clone());
    odd_inputs.sort();
    inputs.extend(odd_inputs);
    Archive {
        duplicates: [odd.join("copy/dup.txt"), odd.join("dup.txt")],
        root,
        inputs,
        broken,
        pipe,
    }
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn path_of(line: &Value) -> &str {
    line["source"]["path"].as_str().unwrap()
}

/// Child-row counts of a record: people, tasks, task leaders, deadlines, problems.
fn children(line: &Value) -> [usize; 5] {
    let len = |k: &str| line[k].as_array().map_or(0, Vec::len);
    let leaders = line["tasks"].as_array().map_or(0, |tasks| {
        tasks
            .iter()
            .map(|t| t["leaders"].as_array().map_or(0, Vec::len))
            .sum()
    });
    [
        len("people"),
        len("tasks"),
        leaders,
        len("deadlines"),
        len("problems"),
    ]
}

/// Child-row counts per document path, as the database holds them.
fn db_children(db: &Connection) -> BTreeMap<String, [usize; 5]> {
    let mut counts = BTreeMap::new();
    let mut docs = db.prepare("SELECT id, path FROM documents").unwrap();
    let rows: Vec<(i64, String)> = docs
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, path) in rows {
        let count = |table: &str| -> usize {
            db.query_row(
                &format!("SELECT COUNT(*) FROM {table} WHERE document_id = ?1"),
                [id],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize
        };
        counts.insert(
            path,
            [
                count("people"),
                count("tasks"),
                count("task_leaders"),
                count("deadlines"),
                count("problems"),
            ],
        );
    }
    counts
}

fn count(db: &Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The violations `PRAGMA foreign_key_check` reports.
fn foreign_key_violations(db: &Connection) -> usize {
    let mut check = db.prepare("PRAGMA foreign_key_check").unwrap();
    check.query_map([], |_| Ok(())).unwrap().count()
}

/// The reference: every input's JSON line, from a run to stdout.
fn reference(archive: &Archive) -> Vec<Value> {
    let out = huiyi(&["extract", "-j", "2", "--format", "jsonl", s(&archive.root)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    json_lines(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_format_accounts_for_every_input() {
    let a = archive("bulk-formats", 300);
    let n = a.inputs.len();
    let lines = reference(&a);

    // JSON Lines: one line per input, in walk order, nothing filtered out.
    let paths: Vec<&str> = lines.iter().map(path_of).collect();
    let expected: Vec<&str> = a.inputs.iter().map(|p| s(p)).collect();
    assert_eq!(paths, expected);
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    let error_of = |input: &Path| {
        let line = &lines[paths.iter().position(|p| *p == s(input)).unwrap()];
        let field = |k: &str| line["error"][k].as_str().unwrap().to_string();
        (field("kind"), field("message"))
    };
    let (kind, gone_message) = error_of(&a.broken);
    assert_eq!(kind, "io");
    assert!(gone_message.contains("gone.txt"), "{gone_message}");
    let (kind, message) = error_of(&a.pipe);
    assert_eq!(kind, "unsupported_format");
    assert!(
        message.ends_with("pipe.txt: unsupported format: a named pipe, not a file"),
        "{message}"
    );
    let [d1, d2] = [0, 1].map(|i| {
        &lines[paths
            .iter()
            .position(|p| *p == s(&a.duplicates[i]))
            .unwrap()]
    });
    assert_eq!(d1["source"]["sha256"], d2["source"]["sha256"]);
    for line in &lines {
        assert_eq!(line["schema"], "huiyi/1");
        if line.get("error").is_none() {
            assert_eq!(line["source"]["sha256"].as_str().map(str::len), Some(64));
        }
    }

    // The same output whatever the number of workers.
    let one = huiyi(&["extract", "-j", "1", "--format", "jsonl", s(&a.root)]);
    assert_eq!(json_lines(&String::from_utf8_lossy(&one.stdout)), lines);
    let summary = stderr(&one);
    assert!(
        summary.contains(&format!(
            "{n} files, {} records, {} failed",
            n - errors.len(),
            errors.len()
        )),
        "{summary}"
    );
    assert!(
        summary.contains("copy/back: not walked, it leads back to"),
        "{summary}"
    );

    // JSON: an array of the same records.
    let json = huiyi(&["extract", "--format", "json", s(&a.root)]);
    let array: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(array, lines);

    // SQLite: one document row per input, with the children of its record.
    let dir = a.root.parent().unwrap();
    let db_path = dir.join("out.db");
    let out = huiyi(&[
        "extract",
        "--format",
        "sqlite",
        "-o",
        s(&db_path),
        s(&a.root),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM documents") as usize, n);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM documents WHERE error_kind IS NOT NULL"
        ) as usize,
        errors.len()
    );
    let want: BTreeMap<String, [usize; 5]> = lines
        .iter()
        .map(|l| (path_of(l).to_string(), children(l)))
        .collect();
    assert_eq!(db_children(&db), want);
    let (kind, message, sha): (String, String, Option<String>) = db
        .query_row(
            "SELECT error_kind, error_message, sha256 FROM documents WHERE path = ?1",
            [s(&a.broken)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((kind.as_str(), sha), ("io", None));
    assert_eq!(message, gone_message);
    let first = &lines[0];
    let row: (String, i64, Option<String>, Option<String>) = db
        .query_row(
            "SELECT sha256, bytes, format, meeting_date FROM documents WHERE path = ?1",
            [path_of(first)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(row.0, first["source"]["sha256"].as_str().unwrap());
    assert_eq!(row.1, first["source"]["bytes"].as_i64().unwrap());
    assert_eq!(row.2.as_deref(), first["source"]["format"].as_str());
    assert_eq!(row.3.as_deref(), first["meeting"]["date"].as_str());
    let same_sha = count(
        &db,
        "SELECT COUNT(*) FROM documents GROUP BY sha256 HAVING COUNT(*) > 1 ORDER BY 1 DESC LIMIT 1",
    );
    assert!(same_sha >= 2, "the duplicates are two documents");
    assert_eq!(foreign_key_violations(&db), 0);
    // The README's queries run as written.
    for sql in readme_sql() {
        let mut statement = db.prepare(&sql).unwrap_or_else(|e| panic!("{e}: {sql}"));
        let rows = statement.query_map([], |_| Ok(())).unwrap().count();
        if sql.contains("error_kind IS NOT NULL") {
            assert!(rows >= 1, "the failures are listed");
        }
    }

    // CSV: one documents row per input; child rows as in the records.
    let csv_dir = dir.join("tables");
    let out = huiyi(&["extract", "--format", "csv", "-o", s(&csv_dir), s(&a.root)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let table = |name: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(csv_dir.join(format!("{name}.csv")))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let documents = table("documents");
    assert_eq!(documents.len(), n);
    for (row, line) in documents.iter().zip(&lines) {
        assert_eq!(&row[1], path_of(line));
        assert_eq!(&row[13], line["error"]["kind"].as_str().unwrap_or(""));
    }
    let total = |i: usize| want.values().map(|c| c[i]).sum::<usize>();
    assert_eq!(table("people").len(), total(0));
    assert_eq!(table("tasks").len(), total(1));
    assert_eq!(table("task_leaders").len(), total(2));
    assert_eq!(table("deadlines").len(), total(3));
    assert_eq!(table("problems").len(), total(4));
    let people = table("people");
    if let Some(p) = people.first() {
        let titles: Vec<String> = serde_json::from_str(&p[3]).unwrap();
        let at = documents.iter().position(|d| d[0] == p[0]).unwrap();
        assert_eq!(lines[at]["people"][0]["titles"], serde_json::json!(titles));
    }
    let out = huiyi(&[
        "extract",
        "--format",
        "csv",
        "--csv-bom",
        "-o",
        s(&csv_dir),
        s(&a.root),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let bytes = std::fs::read(csv_dir.join("documents.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFdocument_id,path,"));

    // --ext keeps the extensions listed, in folders.
    let out = huiyi(&[
        "extract",
        "--ext",
        "PDF,docx",
        "--format",
        "jsonl",
        s(&a.root),
    ]);
    let kept: Vec<String> = json_lines(&String::from_utf8(out.stdout).unwrap())
        .iter()
        .map(|l| path_of(l).to_string())
        .collect();
    assert_eq!(
        kept,
        [
            s(&a.root.join("odd/report.pdf")),
            s(&a.root.join("odd/truncated.docx"))
        ]
    );
}

/// The ```sql blocks of the README's SQL section.
fn readme_sql() -> Vec<String> {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("\n## SQL").unwrap()..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
    let blocks: Vec<String> = section
        .split("```sql\n")
        .skip(1)
        .map(|b| b[..b.find("```").unwrap()].to_string())
        .collect();
    assert!(blocks.len() >= 2);
    blocks
}

#[test]
fn a_killed_run_leaves_a_consistent_database_that_a_rerun_completes() {
    let a = archive("bulk-killed", 1500);
    let want: BTreeMap<String, [usize; 5]> = reference(&a)
        .iter()
        .map(|l| (path_of(l).to_string(), children(l)))
        .collect();
    let db_path = a.root.parent().unwrap().join("out.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args([
            "extract",
            "-j",
            "1",
            "--batch-size",
            "16",
            "--format",
            "sqlite",
            "-o",
        ])
        .args([s(&db_path), s(&a.root)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed (or after a while, whatever it did).
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let committed = Connection::open_with_flags(&db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|db| {
                db.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
            })
            .unwrap_or(0);
        if committed >= 32 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let db = Connection::open(&db_path).unwrap();
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert_eq!(foreign_key_violations(&db), 0);
    let partial = db_children(&db);
    assert!(!partial.is_empty());
    eprintln!(
        "killed with {} of {} documents committed",
        partial.len(),
        want.len()
    );
    for (path, counts) in &partial {
        assert_eq!(Some(counts), want.get(path), "{path} is complete");
    }
    drop(db);

    let out = huiyi(&[
        "extract",
        "--format",
        "sqlite",
        "--skip-existing",
        "-o",
        s(&db_path),
        s(&a.root),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(db_children(&db), want);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM documents") as usize,
        a.inputs.len()
    );
}

#[test]
fn running_twice_doubles_nothing_and_skips_its_own_outputs() {
    let a = archive("bulk-twice", 50);
    let n = a.inputs.len();
    let people: usize = reference(&a).iter().map(|l| children(l)[0]).sum();
    // Each output inside the archive: it must not be read as an input.
    let db_path = a.root.join("odd/out.db");
    for _ in 0..2 {
        huiyi(&[
            "extract",
            "--format",
            "sqlite",
            "-o",
            s(&db_path),
            s(&a.root),
        ]);
    }
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM documents") as usize, n);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people") as usize, people);
    drop(db);
    std::fs::remove_file(&db_path).unwrap();

    let jsonl = a.root.join("records.jsonl");
    for _ in 0..2 {
        huiyi(&["extract", "--format", "jsonl", "-o", s(&jsonl), s(&a.root)]);
    }
    assert_eq!(
        json_lines(&std::fs::read_to_string(&jsonl).unwrap()).len(),
        n
    );
    std::fs::remove_file(&jsonl).unwrap();

    let tables = a.root.join("tables");
    for _ in 0..2 {
        huiyi(&["extract", "--format", "csv", "-o", s(&tables), s(&a.root)]);
    }
    let rows = csv::Reader::from_path(tables.join("documents.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(rows, n);
}

#[test]
fn skip_existing_passes_over_unchanged_files_and_redoes_changed_ones() {
    let a = archive("bulk-skip", 40);
    let n = a.inputs.len();
    let dir = a.root.parent().unwrap();
    let db_path = dir.join("out.db");
    let jsonl = dir.join("out.jsonl");
    for (format, out) in [("sqlite", &db_path), ("jsonl", &jsonl)] {
        let first = huiyi(&["extract", "--format", format, "-o", s(out), s(&a.root)]);
        assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    }
    let changed = &a.inputs[3];
    std::fs::write(changed, "5月6日，市长王海涛主持召开市政府常务会议。").unwrap();
    let new_sha = huiyi::sink::file_sha256(changed).unwrap();
    // Error records (5 bad files, unreadable or not, per the readers) are tried again.
    let failed = reference(&a)
        .iter()
        .filter(|l| l.get("error").is_some())
        .count();
    for (format, out) in [("sqlite", &db_path), ("jsonl", &jsonl)] {
        let run = huiyi(&[
            "extract",
            "--format",
            format,
            "--skip-existing",
            "-o",
            s(out),
            s(&a.root),
        ]);
        let summary = stderr(&run);
        let skipped = n - failed - 1;
        assert!(
            summary.contains(&format!(", {skipped} skipped (unchanged)")),
            "{format}: {summary}"
        );
    }
    let db = Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM documents") as usize, n);
    let sha: String = db
        .query_row(
            "SELECT sha256 FROM documents WHERE path = ?1",
            [s(changed)],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sha, new_sha);
    let lines = json_lines(&std::fs::read_to_string(&jsonl).unwrap());
    let paths: BTreeSet<&str> = lines.iter().map(path_of).collect();
    assert_eq!((lines.len(), paths.len()), (n, n), "each input once");
    let line = lines.iter().find(|l| path_of(l) == s(changed)).unwrap();
    assert_eq!(line["source"]["sha256"], new_sha.as_str());
    assert!(!dir.join("out.jsonl.partial").exists());

    // --skip-existing needs an output it can read back.
    assert_eq!(
        huiyi(&["extract", "--skip-existing", s(&a.root)])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        huiyi(&["extract", "--format", "sqlite", s(&a.root)])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn csv_tables_of_two_batches_append_without_key_clashes() {
    let a = archive("csv-append", 40);
    let dir = a.root.parent().unwrap().to_path_buf();
    let (first, second) = a.inputs.split_at(a.inputs.len() / 2);
    let batch = |name: &str, inputs: &[PathBuf]| -> PathBuf {
        let list = dir.join(format!("{name}.list"));
        let paths: Vec<&str> = inputs.iter().map(|p| s(p)).collect();
        std::fs::write(&list, paths.join("\n")).unwrap();
        let tables = dir.join(name);
        huiyi(&[
            "extract",
            "--format",
            "csv",
            "-o",
            s(&tables),
            "--files-from",
            s(&list),
        ]);
        tables
    };
    let read = |tables: &Path, table: &str| -> Vec<csv::StringRecord> {
        csv::Reader::from_path(tables.join(format!("{table}.csv")))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let one = batch("one", first);
    let two = batch("two", second);
    // Appended, as two COPYs into one table would: every id once.
    let mut ids = std::collections::HashSet::new();
    for tables in [&one, &two] {
        for row in read(tables, "documents") {
            assert!(ids.insert(row[0].to_string()), "{} twice", &row[0]);
        }
    }
    assert_eq!(ids.len(), a.inputs.len());
    // Every child row points at its own batch's document.
    for tables in [&one, &two] {
        let own: std::collections::HashSet<String> = read(tables, "documents")
            .iter()
            .map(|r| r[0].to_string())
            .collect();
        for table in ["people", "tasks", "task_leaders", "deadlines", "problems"] {
            for row in read(tables, table) {
                assert!(own.contains(&row[0]), "{table}: {}", &row[0]);
            }
        }
    }
    // The same inputs again: the same ids (a document keeps its key). The
    // two copies of one text in two folders are two documents.
    let again = batch("again", first);
    let ids_of = |t: &Path| -> Vec<String> {
        read(t, "documents")
            .iter()
            .map(|r| r[0].to_string())
            .collect()
    };
    assert_eq!(ids_of(&one), ids_of(&again));
    let [x, y] = &a.duplicates;
    let both = batch("both", &[x.clone(), y.clone()]);
    let dup = read(&both, "documents");
    assert_eq!(dup[0][2], dup[1][2], "same sha256");
    assert_ne!(dup[0][0], dup[1][0], "different documents");
}

/// A Python that has openpyxl (`$HUIYI_PYTHON`, else `python3`); `None`,
/// with a notice, when there is none.
fn openpyxl_python() -> Option<String> {
    let python = std::env::var("HUIYI_PYTHON").unwrap_or_else(|_| "python3".into());
    let found = Command::new(&python)
        .args(["-c", "import openpyxl"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!(
            "notice: {python} has no openpyxl (.ci/test-tools installs it); xlsx read-back skipped"
        );
    }
    found.then_some(python)
}

/// Every sheet of a workbook as openpyxl reads it: `{sheet: [[cell]]}`,
/// a date cell as `{"date": "YYYY-MM-DD"}`, an empty one as null.
const DUMP_SHEETS: &str = r#"
import datetime, json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
def cell(v):
    return {"date": v.date().isoformat()} if isinstance(v, datetime.datetime) else v
out = {ws.title: [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}
print(json.dumps({"sheets": [ws.title for ws in book.worksheets], "cells": out}, ensure_ascii=False))
"#;

/// A cell as the CSV sink writes it.
fn as_csv(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Number(n) => n.as_i64().map_or_else(|| n.to_string(), |i| i.to_string()),
        other => panic!("not a table cell: {other}"),
    }
}

fn days_between(iso: &str, as_of: chrono::NaiveDate) -> i64 {
    (chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap() - as_of).num_days()
}

#[test]
fn the_xlsx_ledger_reads_back_as_the_csv_tables_in_openpyxl_and_libreoffice() {
    let a = archive("bulk-xlsx", 300);
    let dir = a.root.parent().unwrap();
    let book = dir.join("ledger.xlsx");
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let out = huiyi(&[
        "extract",
        "--ref-date",
        "2025-12-31",
        "--format",
        "xlsx",
        "--as-of",
        "2025-06-01",
        "-o",
        s(&book),
        s(&a.root),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let csv_dir = dir.join("tables");
    let out = huiyi(&[
        "extract",
        "--ref-date",
        "2025-12-31",
        "--format",
        "csv",
        "-o",
        s(&csv_dir),
        s(&a.root),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let table = |name: &str| -> Vec<Vec<String>> {
        let mut reader = csv::Reader::from_path(csv_dir.join(format!("{name}.csv"))).unwrap();
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect());
        std::iter::once(header).chain(rows).collect()
    };
    let tasks = table("tasks");
    let documents = table("documents");
    assert_eq!(documents.len(), 1 + a.inputs.len(), "one row per input");
    let errors: Vec<String> = reference(&a)
        .iter()
        .map(|l| l["error"]["kind"].as_str().unwrap_or("").to_string())
        .collect();
    let kinds: Vec<String> = documents[1..].iter().map(|r| r[13].clone()).collect();
    assert_eq!(kinds, errors, "the failed inputs, in input order");
    assert!(errors.iter().filter(|k| !k.is_empty()).count() >= 6);
    // The ledger's rows are the tasks', in the same order; days left
    // against --as-of, on both sides of it.
    let expected_days: Vec<Option<i64>> = tasks[1..]
        .iter()
        .map(|t| (!t[6].is_empty()).then(|| days_between(&t[6], as_of)))
        .collect();
    assert!(
        expected_days.iter().any(|d| d.is_some_and(|d| d < 0)),
        "some overdue"
    );
    assert!(
        expected_days.iter().any(|d| d.is_some_and(|d| d > 0)),
        "some to come"
    );

    if let Some(python) = openpyxl_python() {
        let out = Command::new(&python)
            .args(["-c", DUMP_SHEETS, s(&book)])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
        let names: Vec<&str> = dump["sheets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "任务台账",
                "documents",
                "people",
                "tasks",
                "task_leaders",
                "deadlines",
                "problems"
            ]
        );
        let sheet = |name: &str| dump["cells"][name].as_array().unwrap().clone();
        for name in &names[1..] {
            let rows: Vec<Vec<String>> = sheet(name)
                .iter()
                .map(|row| row.as_array().unwrap().iter().map(as_csv).collect())
                .collect();
            assert_eq!(rows, table(name), "sheet {name} as the CSV table");
        }
        let ledger = sheet("任务台账");
        assert_eq!(ledger.len(), tasks.len(), "a header and one row per task");
        assert_eq!(ledger[0][8], "剩余天数");
        for ((row, task), days) in ledger[1..].iter().zip(&tasks[1..]).zip(&expected_days) {
            assert_eq!(row[12], task[0], "document_id");
            assert_eq!(row[3], task[2], "the task");
            assert_eq!(row[8].as_i64(), *days, "days left of {task:?}");
            match days {
                Some(_) => assert_eq!(row[7]["date"], task[6], "a real date"),
                None => assert!(row[7].is_null()),
            }
            let document = documents.iter().find(|d| d[0] == task[0]).unwrap();
            if !document[8].is_empty() {
                assert_eq!(row[1]["date"], document[8], "the meeting date, a real date");
            }
        }
    }

    // LibreOffice reads it too: every sheet as CSV, formatted as shown.
    if !Path::new("/usr/lib/libreoffice/program/libsclo.so").is_file() {
        eprintln!("notice: LibreOffice Calc not installed; its read-back skipped");
        return;
    }
    let converted = dir.join("converted");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/lo-profile",
            dir.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            s(&converted),
            s(&book),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let sheet = |name: &str| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(converted.join(format!("ledger-{name}.csv")))
            .unwrap()
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    assert_eq!(sheet("documents"), documents, "error rows included");
    let ledger = sheet("任务台账");
    assert_eq!(ledger.len(), tasks.len());
    for ((row, task), days) in ledger[1..].iter().zip(&tasks[1..]).zip(&expected_days) {
        assert_eq!(row[3], task[2]);
        assert_eq!(row[7], task[6], "the date shown as yyyy-mm-dd");
        assert_eq!(row[8], days.map_or(String::new(), |d| d.to_string()));
    }
}
