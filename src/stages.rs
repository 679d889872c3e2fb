//! The extraction stages one by one, on normalised text, for the benchmarks
//! (`benches/pipeline.rs` times each beside the whole). Not part of the stable
//! API: use [`Extractor`](crate::Extractor). Each stage builds the analysis of
//! the text it is given ([`analysis`] times that alone), as the extractor
//! builds it once for all of them.

use chrono::NaiveDate;

use crate::extract;
use crate::record::{Deadline, Person, Problem, Task};

/// The analysis every extractor reads (lines, sentences, clauses, header
/// fields, time expressions), as the count of clauses, fields and time expressions.
pub fn analysis(text: &str) -> usize {
    let a = crate::analysis::Analysis::new(text);
    a.clauses().len() + a.fields().len() + a.time_mentions().len()
}

/// The meeting's date (no reference date: the document's own issue date is used).
pub fn meeting_date(text: &str) -> Option<NaiveDate> {
    extract::meeting::find_date(&crate::analysis::Analysis::new(text), None).date
}

/// The deadlines, resolved against `anchor`.
pub fn deadlines(text: &str, anchor: Option<NaiveDate>) -> Vec<Deadline> {
    extract::deadlines::find_deadlines(&crate::analysis::Analysis::new(text), anchor, usize::MAX).0
}

/// The people.
pub fn people(text: &str) -> Vec<Person> {
    extract::people::find_people(&crate::analysis::Analysis::new(text))
}

/// The meeting's title, place, chairs and attendees, as a count of what was found.
pub fn meeting_parts(text: &str, people: &[Person]) -> usize {
    let parts = extract::meeting::find_parts(&crate::analysis::Analysis::new(text), people);
    usize::from(parts.title.is_some())
        + usize::from(parts.location.is_some())
        + parts.chairs.len()
        + parts.attendees.len()
}

/// The problems.
pub fn problems(text: &str) -> Vec<Problem> {
    extract::problems::find_problems(&crate::analysis::Analysis::new(text))
}

/// The tasks, given what the other stages found.
pub fn tasks(
    text: &str,
    people: &[Person],
    deadlines: &[Deadline],
    problems: &[Problem],
) -> Vec<Task> {
    extract::tasks::find_tasks(
        &crate::analysis::Analysis::new(text),
        people,
        deadlines,
        problems,
    )
}
