//! Fuzzes the whole extraction on a string (`Extractor::extract_str` with a
//! fixed reference date): normalisation, analysis and every extractor run
//! on any text, never a panic; every span lies on char boundaries of the
//! normalised text and every index points into its list. Seeded with
//! `fixtures/reports`.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use huiyi::Extractor;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let extractor = EXTRACTOR.get_or_init(|| {
        Extractor::builder()
            .reference_date(NaiveDate::from_ymd_opt(2025, 3, 19).unwrap())
            .with_text(true)
            .build()
    });
    let record = extractor.extract_str(input);
    let text = record.text.as_deref().unwrap();
    let in_text = |[start, end]: [usize; 2]| text.get(start..end).is_some();
    for person in &record.people {
        assert!(person.spans.iter().all(|&s| in_text(s)), "{person:?}");
    }
    for deadline in &record.deadlines {
        assert!(in_text(deadline.span), "{deadline:?}");
    }
    for task in &record.tasks {
        assert!(in_text(task.span), "{task:?}");
        assert!(
            task.deadline.is_none_or(|d| d < record.deadlines.len()),
            "{task:?}"
        );
        assert!(
            task.problems.iter().all(|&p| p < record.problems.len()),
            "{task:?}"
        );
    }
    for problem in &record.problems {
        assert!(in_text(problem.span), "{problem:?}");
        assert!(
            problem.task.is_none_or(|t| t < record.tasks.len()),
            "{problem:?}"
        );
    }
});
