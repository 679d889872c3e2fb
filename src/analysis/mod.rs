//! The analysis of one normalised text, built once and read by every extractor.
//!
//! Extractors make decisions over structure, not over raw lines: the lines,
//! sentences and clauses of the text (split once, here), and the header fields
//! of minutes (`时间`, `地点`, `主持`, `出席`, `列席`, `记录`…) in whatever layout
//! they come — colon lines, table rows, Markdown bold — so that no extractor
//! needs its own reading of `会议时间：` or `| 时间 | …`; tables flattened to
//! one cell a line, read back into rows; and every time expression, scanned once.

pub(crate) mod cues;
mod fields;
mod flat;
mod split;

use std::ops::Range;

use crate::time::TimeMention;

use cues::CueIndex;

pub(crate) use fields::{Field, FieldKind, role_of};
pub(crate) use flat::{Column, FlatRow};

/// What every extractor reads of one document.
#[derive(Debug)]
pub(crate) struct Analysis<'t> {
    text: &'t str,
    lines: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    clauses: Vec<Range<usize>>,
    fields: Vec<Field>,
    flat_rows: Vec<FlatRow>,
    time: Vec<TimeMention>,
    /// Whether the text holds more time expressions than [`TIME_MENTIONS_MAX`].
    time_cut: bool,
    cues: CueIndex,
}

/// The most time expressions read from one text. Minutes and reports hold tens,
/// a year's task table a few thousand; past this the rest of a text is not read
/// for them (the record says so), which bounds memory by this, not by the text.
pub(crate) const TIME_MENTIONS_MAX: usize = 100_000;

/// The most header fields read from one text: minutes have ten or so at their
/// head, a task list written as fields a few thousand.
pub(crate) const FIELDS_MAX: usize = 10_000;

impl<'t> Analysis<'t> {
    /// Analyses `text` (normalised: simplified, half-width folded).
    pub fn new(text: &'t str) -> Self {
        let lines: Vec<Range<usize>> = crate::text::lines(text)
            .map(|(at, line)| at..at + line.len())
            .collect();
        let sentences = split::pieces(text, &lines, split::SENTENCE_ENDS);
        let clauses = split::pieces(text, &lines, split::CLAUSE_ENDS);
        let fields = fields::find(text, &lines);
        let flat_rows = flat::find(text, &lines);
        let (time, time_cut) = crate::time::scan_at_most(text, TIME_MENTIONS_MAX);
        let cues = crate::extract::cue_set().index(text);
        Analysis {
            text,
            lines,
            sentences,
            clauses,
            fields,
            flat_rows,
            time,
            time_cut,
            cues,
        }
    }

    /// The text analysed.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The lines, without their `\n`.
    pub fn lines(&self) -> &[Range<usize>] {
        &self.lines
    }

    /// The clauses: sentences split further at `，：`, each with its mark.
    pub fn clauses(&self) -> &[Range<usize>] {
        &self.clauses
    }

    /// The header fields of minutes, in text order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The rows of tables flattened to one cell a line, in text order.
    pub fn flat_rows(&self) -> &[FlatRow] {
        &self.flat_rows
    }

    /// What the analysis left unread, one warning for each limit reached.
    pub fn limits_reached(&self) -> Vec<String> {
        let mut said = Vec::new();
        if self.time_cut {
            said.push(format!(
                "time expressions read from the first {TIME_MENTIONS_MAX} only; the rest of the text is not read for dates or deadlines"
            ));
        }
        if self.fields.len() >= FIELDS_MAX {
            said.push(format!(
                "header fields read from the first {FIELDS_MAX} only; the rest of the text is not read for fields"
            ));
        }
        said
    }

    /// The time expressions of the text, in order (at most [`TIME_MENTIONS_MAX`]).
    pub fn time_mentions(&self) -> &[TimeMention] {
        &self.time
    }

    /// Where the words of the extractors' cue lists occur.
    pub fn cues(&self) -> &CueIndex {
        &self.cues
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<Range<usize>> {
        containing(&self.sentences, at)
    }
}

/// The range of the sorted, disjoint `ranges` that holds `at`.
fn containing(ranges: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).filter(|r| r.start <= at).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_clauses_are_split_once_with_their_marks() {
        let text = "会议听取了汇报，研究了工作。会议强调：要抓好落实；\n二、其他事项";
        let a = Analysis::new(text);
        let c: Vec<&str> = a.clauses().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            c,
            [
                "会议听取了汇报，",
                "研究了工作。",
                "会议强调：",
                "要抓好落实；",
                "二、其他事项"
            ]
        );
        let at = text.find("研究").unwrap();
        assert_eq!(
            &text[a.sentence_at(at).unwrap()],
            "会议听取了汇报，研究了工作。"
        );
        let later = text.find("要抓好").unwrap();
        assert_eq!(
            &text[a.sentence_at(later).unwrap()],
            "会议强调：要抓好落实；"
        );
        assert_eq!(
            &text[a.sentence_at(text.len() - 1).unwrap()],
            "二、其他事项"
        );
        assert_eq!(a.sentence_at(text.len()), None);
    }
}
