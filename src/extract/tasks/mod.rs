//! Tasks: concrete work the document tracks or assigns.
//!
//! Two readers feed one list: [`table`] reads task tables row by row, [`prose`]
//! reads numbered decisions, heard reports, reviewed documents and directives
//! with a deadline. Items naming the same work (a report and the decision under
//! the same heading) are merged, and each task is then linked to the deadline
//! and the problems stated where it is.

mod lexicon;
mod prose;
mod table;
mod title;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::record::{Deadline, Person, Problem, Task};

/// Finds the tasks in `text`, with leaders drawn from `people` (names as found by the
/// people extractor), and links each to its deadline (index into `deadlines`) and its
/// problems (indexes into `problems`).
pub(crate) fn find_tasks(
    text: &str,
    people: &[Person],
    deadlines: &[Deadline],
    problems: &[Problem],
) -> Vec<Task> {
    let mut drafts = Drafts {
        people,
        list: Vec::new(),
    };
    let lines = lines(text);
    let in_table = table::scan(&lines, &mut drafts);
    prose::scan(&lines, &in_table, deadlines, &mut drafts);
    drafts.finish(deadlines, problems)
}

/// The lines of `text` with their byte offsets.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        out.push((at, line));
        at += line.len() + 1;
    }
    out
}

/// A task being assembled.
pub(super) struct Draft {
    pub title: String,
    pub leaders: Vec<String>,
    pub units: Vec<String>,
    pub status: Option<String>,
    /// Where the title was read from.
    pub span: Range<usize>,
    /// The row, item or sentence the task is stated in: its deadline and problems are here.
    pub scope: Range<usize>,
}

/// The tasks found so far.
pub(super) struct Drafts<'a> {
    people: &'a [Person],
    list: Vec<Draft>,
}

impl Drafts<'_> {
    /// Names of the people mentioned within `range`, in order of mention.
    pub fn persons_in(&self, range: Range<usize>) -> Vec<String> {
        let mut found: Vec<(usize, &str)> = self
            .people
            .iter()
            .filter_map(|p| {
                p.spans
                    .iter()
                    .find(|s| s[0] >= range.start && s[1] <= range.end)
                    .map(|s| (s[0], p.name.as_str()))
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, n)| n.to_string()).collect()
    }

    /// How many tasks there are so far.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The person whose name starts at byte `pos`.
    pub fn person_at(&self, pos: usize) -> Option<&str> {
        self.people
            .iter()
            .find(|p| p.spans.iter().any(|s| s[0] == pos))
            .map(|p| p.name.as_str())
    }

    /// Adds `draft`, or merges it into an earlier task naming the same work;
    /// returns the task's index.
    pub fn add(&mut self, draft: Draft) -> usize {
        if let Some(i) = self
            .list
            .iter()
            .position(|d| title::same_work(&d.title, &draft.title))
        {
            let d = &mut self.list[i];
            merge(&mut d.leaders, draft.leaders);
            merge(&mut d.units, draft.units);
            return i;
        }
        self.list.push(draft);
        self.list.len() - 1
    }

    /// Adds leaders to task `i`.
    pub fn add_leaders(&mut self, i: usize, names: &[String]) {
        if let Some(d) = self.list.get_mut(i) {
            merge(&mut d.leaders, names.to_vec());
        }
    }

    /// Renames task `i` (a section heading whose report names the work more exactly).
    pub fn retitle(&mut self, i: usize, title: String, span: Range<usize>) {
        if let Some(d) = self.list.get_mut(i) {
            d.title = title;
            d.span = span;
        }
    }

    fn finish(self, deadlines: &[Deadline], problems: &[Problem]) -> Vec<Task> {
        let inside = |s: &[usize; 2], r: &Range<usize>| s[0] >= r.start && s[1] <= r.end;
        self.list
            .into_iter()
            .map(|d| {
                // The nearest deadline after the title in its scope, else the last before it.
                let in_scope: Vec<usize> = (0..deadlines.len())
                    .filter(|&i| inside(&deadlines[i].span, &d.scope))
                    .collect();
                let deadline = in_scope
                    .iter()
                    .copied()
                    .find(|&i| deadlines[i].span[0] >= d.span.start)
                    .or_else(|| in_scope.last().copied());
                let problems = (0..problems.len())
                    .filter(|&i| inside(&problems[i].span, &d.scope))
                    .collect();
                Task {
                    title: d.title,
                    leaders: d.leaders,
                    units: d.units,
                    deadline,
                    status: d.status,
                    problems,
                    span: [d.span.start, d.span.end],
                }
            })
            .collect()
    }
}

fn merge(into: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !into.contains(&m) {
            into.push(m);
        }
    }
}

/// The byte offset of `inner`, a subslice of `outer`, within it.
pub(super) fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}
