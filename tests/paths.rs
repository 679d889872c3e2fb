//! File names that are not UTF-8 (GBK names copied from Windows archives):
//! kept exactly in the record, and never two files as one document.
#![cfg(unix)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `会议纪要.txt` and `会议记录.txt` with their names in GBK, the same text
/// in both: a lossy conversion turns the two names into one.
fn gbk_named_pair(dir: &Path) -> [PathBuf; 2] {
    ["会议纪要.txt", "会议记录.txt"].map(|name| {
        let (name, _, _) = encoding_rs::GBK.encode(name);
        let path = dir.join(OsStr::from_bytes(&name));
        std::fs::write(&path, "3月5日，县政府召开常务会议，县长张中主持。").unwrap();
        path
    })
}

fn huiyi(args: &[&OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(args)
        .output()
        .expect("the huiyi binary runs")
}

#[test]
fn gbk_names_are_kept_exactly_in_the_record() {
    let dir = scratch("gbk-json");
    let files = gbk_named_pair(&dir);
    let out = huiyi(&[
        OsStr::new("extract"),
        OsStr::new("--format"),
        OsStr::new("jsonl"),
        dir.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    // Folders are walked in byte order: 记录 (BC C7) before 纪要 (BC CD).
    let mut files = files;
    files.sort();
    for (record, file) in records.iter().zip(&files) {
        let source = &record["source"];
        let bytes = file.as_os_str().as_bytes();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(source["path_bytes"], hex.as_str());
        // GBK's 会 is 0xBB 0xE1: no UTF-8, so written as escapes.
        let path = source["path"].as_str().unwrap();
        assert!(path.contains(r"\xBB\xE1"), "{path}");
        assert!(!path.contains('\u{FFFD}'), "{path}");
    }
    assert_ne!(records[0]["source"]["path"], records[1]["source"]["path"]);
}

#[test]
fn two_gbk_named_files_are_two_sqlite_documents() {
    let dir = scratch("gbk-sqlite");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    // Two names that differ in one byte outside UTF-8: read lossily, both are `�.txt`.
    for name in [b"\xB9.txt", b"\xBA.txt"] {
        std::fs::write(inputs.join(OsStr::from_bytes(name)), "县长张中主持会议。").unwrap();
    }
    let db = dir.join("out.db");
    for _ in 0..2 {
        // The second run replaces each document by its own key: still two.
        let out = huiyi(&[
            OsStr::new("extract"),
            OsStr::new("--format"),
            OsStr::new("sqlite"),
            OsStr::new("-o"),
            db.as_os_str(),
            inputs.as_os_str(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let connection = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, Option<String>)> = connection
        .prepare("SELECT path, path_bytes FROM documents ORDER BY path_bytes")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_ne!(rows[0].1, rows[1].1);
    assert!(rows.iter().all(|(_, bytes)| bytes.is_some()));
}

#[test]
fn an_escaped_name_and_a_name_written_as_its_escape_are_two_documents() {
    let dir = scratch("gbk-lookalike");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    // The byte 0xB9, and the four characters `\xB9` a UTF-8 name may hold.
    std::fs::write(
        inputs.join(OsStr::from_bytes(b"a\xB9.txt")),
        "县长张中主持会议。",
    )
    .unwrap();
    std::fs::write(inputs.join(r"a\xB9.txt"), "县长张中主持会议。").unwrap();
    let db = dir.join("out.db");
    let csv = dir.join("csv");
    for (format, out) in [("sqlite", &db), ("csv", &csv)] {
        let run = huiyi(&[
            OsStr::new("extract"),
            OsStr::new("--format"),
            OsStr::new(format),
            OsStr::new("-o"),
            out.as_os_str(),
            inputs.as_os_str(),
        ]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let connection = rusqlite::Connection::open(&db).unwrap();
    let count: i64 = connection
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 2);
    let documents = std::fs::read_to_string(csv.join("documents.csv")).unwrap();
    let ids: std::collections::HashSet<&str> = documents
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{documents}");
}

#[test]
fn gbk_names_in_a_files_from_list_are_read() {
    let dir = scratch("gbk-list");
    let files = gbk_named_pair(&dir);
    let mut list = Vec::new();
    for f in &files {
        list.extend_from_slice(f.as_os_str().as_bytes());
        list.push(b'\n');
    }
    let list_path = dir.join("list.txt");
    std::fs::write(&list_path, list).unwrap();
    let out = huiyi(&[
        OsStr::new("extract"),
        OsStr::new("--format"),
        OsStr::new("jsonl"),
        OsStr::new("--files-from"),
        list_path.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| l.get("error").is_none() && l["source"]["path_bytes"].is_string())
    );
}
