//! The command line as a user meets it: records, error records, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn huiyi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huiyi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the huiyi binary runs")
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const EXAMPLE: &str = "fixtures/reports/liuchuan-2025-03-18.txt";

#[test]
fn one_input_gives_one_pretty_record() {
    let out = huiyi(&["extract", "--ref-date", "2025-03-19", EXAMPLE]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["schema"], "huiyi/1");
    assert_eq!(record["source"]["path"], EXAMPLE);
    assert_eq!(record["source"]["format"], "text");
    assert_eq!(record["source"]["encoding"], "UTF-8");
    assert_eq!(record["source"]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(record["meeting"]["chairs"], serde_json::json!(["陈明远"]));
    assert!(record.get("text").is_none());
    // Pretty JSON spans several lines.
    assert!(out.stdout.iter().filter(|&&b| b == b'\n').count() > 10);
}

#[test]
fn with_text_includes_the_normalised_text_the_spans_point_into() {
    let out = huiyi(&["extract", "--with-text", EXAMPLE]);
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = record["text"].as_str().unwrap();
    for person in record["people"].as_array().unwrap() {
        let name = person["name"].as_str().unwrap();
        for span in person["spans"].as_array().unwrap() {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], name);
        }
    }
}

#[test]
fn a_folder_gives_one_line_per_file_in_order_with_error_records() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "3月18日，区长刘志远主持召开区政府常务会议。",
    )
    .unwrap();
    std::fs::write(
        dir.join("b/c.doc"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an OLE file",
    )
    .unwrap();
    std::fs::write(dir.join("b/d.txt"), "").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "skipped").unwrap();
    let out = huiyi(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l["source"]["path"].as_str().unwrap())
        .collect();
    let rel: Vec<String> = paths
        .iter()
        .map(|p| {
            Path::new(p)
                .strip_prefix(&dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(rel, ["a.txt", "b/c.doc", "b/d.txt"]);
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[1]["error"]["kind"], "corrupt_doc");
    assert!(
        lines[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("c.doc")
    );
    assert_eq!(lines[1]["source"]["bytes"], 27);
    assert_eq!(lines[2]["error"]["kind"], "empty");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 files, 1 record, 2 failed (corrupt_doc: 1, empty: 1)"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_an_error_record_not_a_usage_error() {
    let out = huiyi(&["extract", "--format", "jsonl", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["error"]["kind"], "io");
    assert_eq!(lines[0]["source"]["path"], "no/such/file.txt");
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(
        huiyi(&["extract", "--ref-date", "2025-13-40", EXAMPLE])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(huiyi(&["extract"]).status.code(), Some(2));
    assert_eq!(huiyi(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn files_from_reads_paths_one_a_line() {
    let dir = scratch("files-from");
    let list = dir.join("list.txt");
    std::fs::write(&list, format!("{EXAMPLE}\n\n{EXAMPLE}\n")).unwrap();
    let out = huiyi(&["extract", "--files-from", list.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"]["sha256"], lines[1]["source"]["sha256"]);
}

#[test]
fn time_prints_one_json_line_per_expression() {
    let out = huiyi(&[
        "time",
        "--ref-date",
        "2025-12-10",
        "3月底前",
        "春节前",
        "不是时间",
    ]);
    assert_eq!(out.status.code(), Some(1), "one expression is not a time");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["text"], "3月底前");
    assert_eq!(
        lines[0]["end"], "2025-03-31",
        "huiyi time reads a bare month in the reference year"
    );
    assert_eq!(lines[0]["relation"], "by");
    assert_eq!(lines[0]["precision"], "month");
    assert_eq!(lines[2]["end"], Value::Null);
}

#[test]
fn text_prints_the_normalised_text() {
    let out = huiyi(&["text", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("柳川市政府召开常务会议"));
    assert_eq!(huiyi(&["text", "no/such/file"]).status.code(), Some(1));
}

#[test]
fn show_writes_one_page_with_an_error_section_for_an_unreadable_input() {
    let dir = scratch("show-cli");
    let page = dir.join("page.html");
    let out = huiyi(&[
        "show",
        "--ref-date",
        "2025-03-19",
        EXAMPLE,
        "no/such/file.txt",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "an input failed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<section class=\"doc").count(), 2);
    assert!(html.contains("<section class=\"doc failed\" id=\"doc1\">"));
    assert!(html.contains("<a href=\"#doc0\">fixtures/reports/liuchuan-2025-03-18.txt</a>"));
    assert!(html.contains(r#"data-date="2025-04-30">4月底前</mark>"#));
    // To stdout without -o; no input is a usage error.
    let out = huiyi(&["show", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"<!DOCTYPE html>"));
    assert_eq!(huiyi(&["show"]).status.code(), Some(2));
}

#[test]
fn xlsx_needs_an_output_file() {
    let out = huiyi(&["extract", "--format", "xlsx", EXAMPLE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("need -o"));
    let out = huiyi(&["extract", "--as-of", "2025-05-01", EXAMPLE]);
    assert_eq!(out.status.code(), Some(2), "--as-of is for the ledger");
}

#[test]
fn time_deadline_reads_each_phrase_as_a_deadline_set_on_the_reference_date() {
    let end = |args: &[&str]| {
        let out = huiyi(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        json_lines(&out)[0]["end"].clone()
    };
    let deadline = ["time", "--deadline", "--ref-date"];
    assert_eq!(
        end(&[&deadline[..], &["2024-12-20", "一季度"]].concat()),
        "2025-03-31"
    );
    assert_eq!(
        end(&[&deadline[..], &["2023-11-10", "春节前"]].concat()),
        "2024-02-09"
    );
    // Without the flag, the reference date's own year.
    assert_eq!(
        end(&["time", "--ref-date", "2024-12-20", "一季度"]),
        "2024-03-31"
    );
    assert_eq!(
        end(&["time", "--ref-date", "2023-11-10", "春节前"]),
        "2023-01-21"
    );
}

#[test]
fn an_empty_folder_or_list_gives_no_records_and_exits_0() {
    let dir = scratch("empty-inputs");
    let empty = dir.join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    let list = dir.join("list.txt");
    std::fs::write(&list, "\n").unwrap();
    let empty = empty.to_str().unwrap();
    for args in [
        vec!["extract", empty],
        vec!["extract", "--files-from", list.to_str().unwrap()],
    ] {
        let out = huiyi(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // A JSON array of no records is `[]`.
    let out = huiyi(&["extract", "--format", "json", empty]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::process::Stdio;
    let expressions = vec!["3月底前"; 3000];
    let list = scratch("closed-pipe").join("list.txt");
    std::fs::write(&list, format!("{EXAMPLE}\n").repeat(100)).unwrap();
    for args in [
        [&["time"][..], &expressions[..]].concat(),
        vec!["extract", "--files-from", list.to_str().unwrap()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_huiyi"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the output (well over a pipe's buffer) is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(141), "{}", args[0]);
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn null_parts_files_from_by_nul_bytes() {
    let dir = scratch("files-from-null");
    let odd = dir.join("会议 纪要\n第二行.txt");
    std::fs::write(&odd, "3月18日，区长刘志远主持召开区政府常务会议。").unwrap();
    let list = dir.join("list");
    std::fs::write(&list, format!("{EXAMPLE}\0{}\0", odd.display())).unwrap();
    for flag in ["-0", "--null"] {
        let out = huiyi(&["extract", flag, "--files-from", list.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let paths: Vec<Value> = json_lines(&out)
            .iter()
            .map(|l| l["source"]["path"].clone())
            .collect();
        assert_eq!(
            paths,
            [Value::from(EXAMPLE), Value::from(odd.to_str().unwrap())]
        );
    }
}

#[test]
fn word_lock_files_are_skipped_in_folders() {
    let dir = scratch("lock-files");
    std::fs::write(
        dir.join("a.txt"),
        "3月18日，区长刘志远主持召开区政府常务会议。",
    )
    .unwrap();
    // What Word leaves beside an open document: its owner's name, not a document.
    std::fs::write(dir.join("~$会议纪要.docx"), b"\x0cAdministrator\0\0").unwrap();
    let out = huiyi(&["extract", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0]["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("a.txt")
    );
    // Named on the command line, a lock file is read (and fails) like any file.
    let lock = dir.join("~$会议纪要.docx");
    assert_eq!(
        huiyi(&["extract", lock.to_str().unwrap()]).status.code(),
        Some(1)
    );
}
