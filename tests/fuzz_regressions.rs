//! Inputs the fuzzers (fuzz/) found failing, kept so that they stay fixed:
//! each file of `tests/fuzz-regressions/TARGET/` is run through what that
//! target checks, and the cases below say what the right outcome is.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use huiyi::time::{self, TimeExpr, YearRule};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// What fuzz/fuzz_targets/time.rs checks: every reading, under every rule,
/// starts no later than it ends.
#[test]
fn time_inputs_read_in_order() {
    let reference = NaiveDate::from_ymd_opt(2025, 3, 19).unwrap();
    let in_order = |e: &TimeExpr| e.start.zip(e.end).is_none_or(|(s, en)| s <= en);
    let found = inputs("time");
    assert!(!found.is_empty());
    for (path, bytes) in found {
        let text = String::from_utf8_lossy(&bytes);
        for rule in [YearRule::Same, YearRule::Future, YearRule::Past] {
            let expr = time::parse_with(&text, reference, rule);
            assert!(
                expr.as_ref().is_none_or(in_order),
                "{}: {rule:?} {expr:?}",
                path.display()
            );
        }
        for mention in time::scan(&text) {
            let expr = mention.resolve(reference, YearRule::Future);
            assert!(
                expr.as_ref().is_none_or(in_order),
                "{}: {expr:?}",
                path.display()
            );
        }
    }
}

/// What fuzz/fuzz_targets/text.rs checks: raw bytes read as a `.txt` give a
/// document holding text or a typed error naming the file; blanks and tabs alone (read as a
/// row of empty cells) are `empty`.
#[test]
fn text_inputs_hold_text_or_fail() {
    let limits = huiyi::options::Limits::default();
    let found = inputs("text");
    assert!(!found.is_empty());
    for (path, bytes) in found {
        match huiyi::read::read_bytes(&bytes, Some(Path::new("minutes.txt")), &limits) {
            Ok(document) => assert!(!document.text().trim().is_empty(), "{}", path.display()),
            // A typed error naming the file.
            Err(error) => assert!(error.to_string().contains("minutes.txt"), "{error}"),
        }
    }
    let blank = huiyi::read::read_bytes(b"  \t \t", Some(Path::new("minutes.txt")), &limits);
    assert_eq!(blank.map_err(|e| e.kind()).err(), Some("empty"));
}

/// A range is placed as one: `3-5月` read as past in March 2025 is this
/// March to May (not this March to last May), read as a deadline in February
/// it is this January to March, `11月-2月` read in its own year runs into the
/// next, a day before this month's 4th is last month's; one that runs
/// backwards has no reading.
#[test]
fn ranges_are_placed_as_one() {
    let span = |text: &str, anchor: Option<NaiveDate>, rule: YearRule| {
        let e = time::parse_with(text, anchor.unwrap(), rule).unwrap();
        (e.start, e.end)
    };
    assert_eq!(
        span("3-5月", d(2025, 3, 19), YearRule::Past),
        (d(2025, 3, 1), d(2025, 5, 31))
    );
    assert_eq!(
        span("1-3月", d(2025, 2, 10), YearRule::Future),
        (d(2025, 1, 1), d(2025, 3, 31))
    );
    assert_eq!(
        span("11月-2月", d(2025, 3, 19), YearRule::Same),
        (d(2025, 11, 1), d(2026, 2, 28))
    );
    assert_eq!(
        span("5日至本月4日", d(2025, 3, 19), YearRule::Same),
        (d(2025, 2, 5), d(2025, 3, 4))
    );
    let backwards = time::parse_with(
        "2025年3月5日至2025年3月4日",
        d(2025, 3, 19).unwrap(),
        YearRule::Future,
    );
    assert_eq!(backwards, None);
}
