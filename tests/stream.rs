//! `huiyi extract --files-from - --format jsonl` as a stage of a pipeline
//! (RDD.pipe, Hadoop streaming): each path written to its stdin gets its
//! line back, flushed, before the next path is sent and before stdin closes.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// How long a line may take: long enough for a slow machine, short enough
/// that a CLI holding its lines back fails the test instead of hanging it.
const WAIT: Duration = Duration::from_secs(60);

/// Feeds `paths` one at a time to a `huiyi` with `args`, reading each line
/// back before sending the next; then closes stdin and checks the exit.
fn one_by_one(args: &[&str], paths: &[&str]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(["extract", "--files-from", "-", "--format", "jsonl"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the huiyi binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    let mut records = Vec::new();
    for path in paths {
        writeln!(stdin, "{path}").unwrap();
        stdin.flush().unwrap();
        let line = match received.recv_timeout(WAIT) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                panic!("no line for {path} while stdin is open ({e})");
            }
        };
        let record: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(record["source"]["path"], *path, "{line}");
        records.push(record);
    }
    drop(stdin);
    assert!(
        received.recv_timeout(WAIT).is_err(),
        "no more lines than paths"
    );
    let status = child.wait().unwrap();
    let failed = records.iter().any(|r| r.get("error").is_some());
    assert_eq!(status.code(), Some(if failed { 1 } else { 0 }));
    records
}

const PATHS: [&str; 4] = [
    "fixtures/reports/liuchuan-2025-03-18.txt",
    "fixtures/reports/nanhu-2023-04-11.gbk.html",
    "fixtures/no-such-file.txt",
    "fixtures/reports/qingshan-team-2025-08-16.md",
];

fn check(records: &[Value]) {
    assert_eq!(
        records[0]["meeting"]["chairs"],
        serde_json::json!(["陈明远"])
    );
    assert_eq!(records[1]["source"]["encoding"], "GBK");
    assert_eq!(records[2]["error"]["kind"], "io");
    assert_eq!(records[3]["source"]["format"], "markdown");
}

#[test]
fn each_piped_path_gets_its_line_before_the_next_is_sent() {
    check(&one_by_one(
        &["-j", "2", "--ref-date", "2025-03-19"],
        &PATHS,
    ));
}

#[test]
fn one_worker_streams_too() {
    check(&one_by_one(
        &["-j", "1", "--ref-date", "2025-03-19"],
        &PATHS,
    ));
}

#[test]
fn an_empty_stream_is_no_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(["extract", "--files-from", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn many_piped_paths_come_back_in_order() {
    // All at once through a pipe: order kept across the workers.
    let paths: Vec<&str> = PATHS.iter().cycle().take(60).copied().collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(["extract", "--files-from", "-", "-j", "2"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let list = paths.join("\n");
    let writer = std::thread::spawn(move || stdin.write_all(list.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let got: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["source"]["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(got, paths);
}
