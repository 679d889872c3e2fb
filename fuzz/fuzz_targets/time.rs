//! Fuzzes the time expressions: `time::parse` on any string (read against a
//! fixed reference date, under every year rule) and `time::scan` with each
//! mention resolved, never a panic, and every date read lies in order.
#![no_main]

use chrono::NaiveDate;
use huiyi::time::{self, YearRule};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reference = NaiveDate::from_ymd_opt(2025, 3, 19).unwrap();
    for rule in [YearRule::Same, YearRule::Future, YearRule::Past] {
        if let Some(expr) = time::parse_with(text, reference, rule) {
            check(&expr);
        }
    }
    for mention in time::scan(text) {
        let (start, end) = mention.span;
        assert!(start < end && text.is_char_boundary(start) && text.is_char_boundary(end));
        if let Some(expr) = mention.resolve(reference, YearRule::Future) {
            check(&expr);
        }
    }
});

fn check(expr: &time::TimeExpr) {
    if let (Some(start), Some(end)) = (expr.start, expr.end) {
        assert!(start <= end, "{expr:?}");
    }
}
