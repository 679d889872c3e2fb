//! Tasks: concrete work the document tracks or assigns.

use crate::record::{Deadline, Person, Problem, Task};

/// Finds the tasks in `text`, with leaders drawn from `people` (names as found by the
/// people extractor), and links each to its deadline (index into `deadlines`) and its
/// problems (indexes into `problems`).
pub(crate) fn find_tasks(
    _text: &str,
    _people: &[Person],
    _deadlines: &[Deadline],
    _problems: &[Problem],
) -> Vec<Task> {
    Vec::new()
}
