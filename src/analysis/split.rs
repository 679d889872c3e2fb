//! Sentences and clauses, split once per document.

use std::ops::Range;

/// Marks that end a sentence.
pub(super) const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';'];
/// Marks that end a clause.
pub(super) const CLAUSE_ENDS: &[char] =
    &['。', '！', '？', '!', '?', '；', ';', '，', ',', '：', ':'];

/// The pieces of each line ending at one of `ends` (the mark kept), blanks
/// trimmed, empty pieces dropped; a line is never crossed.
pub(super) fn pieces(text: &str, lines: &[Range<usize>], ends: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in lines {
        let mut start = line.start;
        for (at, len) in crate::text::separators(&text[line.clone()], ends) {
            push_trimmed(text, start..line.start + at + len, &mut out);
            start = line.start + at + len;
        }
        push_trimmed(text, start..line.end, &mut out);
    }
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    let end = start + t.trim_end().len();
    if end > start {
        out.push(start..end);
    }
}
