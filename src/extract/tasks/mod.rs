//! Tasks: concrete work the document tracks or assigns.
//!
//! Two readers feed one list: [`table`] reads task tables row by row, [`prose`]
//! reads numbered decisions, heard reports, reviewed documents and directives
//! with a deadline. Items naming the same work (a report and the decision under
//! the same heading) are merged, and each task is then linked to the deadline
//! and the problems stated where it is.

mod agents;
mod lexicon;
mod prose;
mod table;
mod title;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::analysis::Analysis;
use crate::record::{Deadline, Person, Problem, Task};
pub(super) use crate::text::offset_in;

/// Builds the word lists and patterns.
pub(crate) fn load() {
    lexicon::lexicon();
    prose::load();
}

/// Finds the tasks in `text`, with leaders drawn from `people` (names as found by the
/// people extractor), and links each to its deadline (index into `deadlines`) and its
/// problems (indexes into `problems`).
pub(crate) fn find_tasks(
    analysis: &Analysis,
    people: &[Person],
    deadlines: &[Deadline],
    problems: &[Problem],
) -> Vec<Task> {
    let mut drafts = Drafts::new(people, analysis.text());
    let lines = lines(analysis.text());
    let mut in_table = table::scan(&lines, &mut drafts);
    table::scan_flat(analysis, &lines, &mut in_table, &mut drafts);
    let header = header_field_lines(analysis, &lines);
    prose::scan(&lines, &in_table, &header, deadlines, &mut drafts);
    agents::scan(analysis, people, &mut drafts);
    drafts.finish(deadlines, problems)
}

/// Which lines hold header fields other than the topic (`4. 参会人：@…`,
/// `1. 会议时间：…`): they state when, where and who, never work.
fn header_field_lines(analysis: &Analysis, lines: &[(usize, &str)]) -> Vec<bool> {
    use crate::analysis::FieldKind;
    let mut header = vec![false; lines.len()];
    for field in analysis.fields() {
        if field.kind == FieldKind::Topic {
            continue;
        }
        let k = lines.partition_point(|(at, _)| *at <= field.label.start);
        if let Some(h) = k.checked_sub(1).and_then(|i| header.get_mut(i)) {
            *h = true;
        }
    }
    header
}

/// The lines of `text` with their byte offsets.
fn lines(text: &str) -> Vec<(usize, &str)> {
    crate::text::lines(text).collect()
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
    /// For a section's reported topic, the whole section: the problems stated in it
    /// outside any item are the topic's.
    pub context: Option<Range<usize>>,
    /// Later statements of the same work merged into this task, `(title span, scope)`:
    /// where its deadline is looked for when its own scope names none.
    pub restated: Vec<(Range<usize>, Range<usize>)>,
}

impl Draft {
    /// A task named `title` at `span`, stated within `scope`, with no leaders,
    /// units, status or wider context yet.
    pub fn new(title: String, span: Range<usize>, scope: Range<usize>) -> Self {
        Draft {
            title,
            leaders: Vec::new(),
            units: Vec::new(),
            status: None,
            span,
            scope,
            context: None,
            restated: Vec::new(),
        }
    }
}

/// Verbs of speaking: who says them of a piece of work comments on it, and does
/// not by that lead it.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "指出", "强调", "要求", "表示", "认为", "希望", "讲话", "提出",
];

/// How many earlier tasks a new one is compared with for merging: the same work
/// is restated near where it was first named, and a bound keeps long documents linear.
const MERGE_WINDOW: usize = 256;

/// The tasks found so far.
pub(super) struct Drafts<'a> {
    people: &'a [Person],
    /// Every mention `(start, end, person index)`, sorted, for range look-ups.
    mentions: Vec<(usize, usize, usize)>,
    list: Vec<Draft>,
    /// Each task's title as compared with new ones.
    keys: Vec<title::WorkKey>,
}

impl<'a> Drafts<'a> {
    fn new(people: &'a [Person], text: &str) -> Self {
        // Spans from elsewhere than this text's extractors are not trusted.
        let mut mentions: Vec<(usize, usize, usize)> = people
            .iter()
            .enumerate()
            .flat_map(|(k, p)| p.spans.iter().map(move |s| (s[0], s[1], k)))
            .filter(|&(start, end, _)| start < end && text.get(start..end).is_some())
            .collect();
        mentions.sort_unstable();
        Drafts {
            people,
            mentions,
            list: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Names of the people mentioned within `range`, in order of mention.
    pub fn persons_in(&self, range: Range<usize>) -> Vec<String> {
        self.persons_where(range, |_| true)
    }

    /// Names of the people mentioned in `s`, which starts at byte `at`, who act in it,
    /// in order of mention: not those who only speak of it (`张伟副校长指出，…`).
    pub fn actors_in(&self, s: &str, at: usize) -> Vec<String> {
        let lexicon = crate::extract::lexicon::PeopleLexicon::get();
        self.persons_where(at..at + s.len(), |end| {
            let after = &s[end - at..];
            let after = lexicon
                .post_starting(after)
                .map_or(after, |p| &after[p.len()..]);
            !SPEECH_VERBS.iter().any(|v| after.starts_with(v))
        })
    }

    /// Names of the people mentioned wholly within `range` whose mention, by its end,
    /// passes `keep`, each once, in order of mention.
    fn persons_where(&self, range: Range<usize>, keep: impl Fn(usize) -> bool) -> Vec<String> {
        let from = self.mentions.partition_point(|m| m.0 < range.start);
        let mut out: Vec<String> = Vec::new();
        for &(_, end, k) in self.mentions[from..].iter().take_while(|m| m.0 < range.end) {
            let name = &self.people[k].name;
            if end <= range.end && !out.contains(name) && keep(end) {
                out.push(name.clone());
            }
        }
        out
    }

    /// The person whose name starts at byte `pos`.
    pub fn person_at(&self, pos: usize) -> Option<&str> {
        let i = self.mentions.partition_point(|m| m.0 < pos);
        self.mentions
            .get(i)
            .filter(|m| m.0 == pos)
            .map(|m| self.people[m.2].name.as_str())
    }

    /// How many tasks there are so far.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Adds `draft`, or merges it into a recent task naming the same work;
    /// returns the task's index.
    pub fn add(&mut self, draft: Draft) -> usize {
        let from = self.list.len().saturating_sub(MERGE_WINDOW);
        let key = title::WorkKey::of(&draft.title);
        if let Some(i) = (from..self.list.len()).find(|&i| self.keys[i].same_work(&key)) {
            let d = &mut self.list[i];
            merge(&mut d.leaders, draft.leaders);
            merge(&mut d.units, draft.units);
            d.restated.push((draft.span, draft.scope));
            return i;
        }
        self.list.push(draft);
        self.keys.push(key);
        self.list.len() - 1
    }

    /// The tasks so far.
    pub fn drafts(&self) -> &[Draft] {
        &self.list
    }

    /// Whether a task is read from within `range`.
    pub fn any_within(&self, range: Range<usize>) -> bool {
        self.list
            .iter()
            .any(|d| d.span.start >= range.start && d.span.end <= range.end)
    }

    /// Makes `names` the leaders of every task named within `range` that has none.
    pub fn lead_within(&mut self, range: Range<usize>, names: &[String]) {
        for d in &mut self.list {
            if d.leaders.is_empty() && d.span.start >= range.start && d.span.end <= range.end {
                d.leaders.extend(names.iter().cloned());
            }
        }
    }

    /// Adds `draft` in place of the tasks without leaders read from within
    /// `scope` (the same line read by a weaker rule), where the first of them was.
    pub fn replace_within(&mut self, scope: Range<usize>, draft: Draft) {
        let within = |d: &Draft| {
            d.leaders.is_empty() && d.span.start >= scope.start && d.span.end <= scope.end
        };
        match self.list.iter().position(within) {
            Some(first) => {
                let mut k = first;
                while k < self.list.len() {
                    if within(&self.list[k]) {
                        self.list.remove(k);
                        self.keys.remove(k);
                    } else {
                        k += 1;
                    }
                }
                self.keys.insert(first, title::WorkKey::of(&draft.title));
                self.list.insert(first, draft);
            }
            None => {
                self.add(draft);
            }
        }
    }

    /// Adds leaders to task `i`.
    pub fn add_leaders(&mut self, i: usize, names: &[String]) {
        if let Some(d) = self.list.get_mut(i) {
            merge(&mut d.leaders, names.to_vec());
        }
    }

    /// Adds units to task `i`.
    pub fn add_units(&mut self, i: usize, names: &[String]) {
        if let Some(d) = self.list.get_mut(i) {
            merge(&mut d.units, names.to_vec());
        }
    }

    /// Adds `scope` as a further statement of task `i`: where its deadline is
    /// looked for when its own statement names none.
    pub fn restate(&mut self, i: usize, scope: Range<usize>) {
        if let Some(d) = self.list.get_mut(i) {
            d.restated.push((scope.clone(), scope));
        }
    }

    /// Widens where task `i`'s problems are looked for.
    pub fn set_context(&mut self, i: usize, r: Range<usize>) {
        if let Some(d) = self.list.get_mut(i) {
            d.context = Some(r);
        }
    }

    /// Renames task `i` (a section heading whose report names the work more exactly).
    pub fn retitle(&mut self, i: usize, title: String, span: Range<usize>) {
        if let Some(d) = self.list.get_mut(i) {
            self.keys[i] = title::WorkKey::of(&title);
            d.title = title;
            d.span = span;
        }
    }

    fn finish(self, deadlines: &[Deadline], problems: &[Problem]) -> Vec<Task> {
        let deadline_at = Spans::new(deadlines.iter().map(|d| d.span));
        let problem_at = Spans::new(problems.iter().map(|p| p.span));
        // A problem stated in a row or item is that task's; one stated elsewhere in
        // a section belongs to the section's reported topic.
        let mut claimed = vec![false; problems.len()];
        let mut own: Vec<Vec<usize>> = Vec::with_capacity(self.list.len());
        for d in &self.list {
            let mine = problem_at.within(&d.scope);
            for &i in &mine {
                claimed[i] = true;
            }
            own.push(mine);
        }
        self.list
            .into_iter()
            .zip(own)
            .map(|(d, mut problems)| {
                // Its own statement first, then the statements merged into it.
                let deadline = std::iter::once((&d.span, &d.scope))
                    .chain(d.restated.iter().map(|(span, scope)| (span, scope)))
                    .find_map(|(span, scope)| {
                        linked_deadline(&deadline_at, deadlines, span, scope)
                    });
                if let Some(c) = &d.context {
                    problems.extend(problem_at.within(c).into_iter().filter(|&i| !claimed[i]));
                }
                problems.sort_unstable();
                problems.dedup();
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

/// The deadline of a task stated at `span` within `scope`: a limit written right
/// before the work (`于4月底前完成X`) is its own; else the nearest after the title
/// in its scope, else the last before it.
fn linked_deadline(
    deadline_at: &Spans,
    deadlines: &[Deadline],
    span: &Range<usize>,
    scope: &Range<usize>,
) -> Option<usize> {
    let in_scope = deadline_at.within(scope);
    let governing = in_scope.iter().copied().rev().find(|&i| {
        let end = deadlines[i].span[1];
        end <= span.start && span.start - end <= GOVERNING_GAP
    });
    governing
        .or_else(|| {
            in_scope
                .iter()
                .copied()
                .find(|&i| deadlines[i].span[0] >= span.start)
        })
        .or_else(|| in_scope.last().copied())
}

/// How far (bytes) before a title a limit may end and still govern it: room for
/// the verb between them (`前完成`, `前全面完成`).
const GOVERNING_GAP: usize = 15;

/// Spans sorted by start, for finding those within a range without a scan.
struct Spans(Vec<(usize, usize, usize)>);

impl Spans {
    fn new(spans: impl Iterator<Item = [usize; 2]>) -> Self {
        let mut v: Vec<(usize, usize, usize)> =
            spans.enumerate().map(|(i, s)| (s[0], s[1], i)).collect();
        v.sort_unstable();
        Spans(v)
    }

    /// Indexes of the spans lying within `r`, in text order.
    fn within(&self, r: &Range<usize>) -> Vec<usize> {
        let from = self.0.partition_point(|s| s.0 < r.start);
        self.0[from..]
            .iter()
            .take_while(|s| s.0 < r.end)
            .filter(|s| s.1 <= r.end)
            .map(|s| s.2)
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
