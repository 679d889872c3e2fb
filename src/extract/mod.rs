//! Extraction: normalised text → the parts of a record, one module per thing extracted.

pub(crate) mod deadlines;
pub(crate) mod lexicon;
pub(crate) mod meeting;
pub(crate) mod people;
pub(crate) mod problems;
pub(crate) mod tasks;
pub(crate) mod words;

use std::sync::OnceLock;

use crate::analysis::cues::CueSet;

/// Loads every word list, dictionary, automaton and pattern the extractors use, so
/// that their cost falls on the construction of an `Extractor` and never on a
/// document. Each is built once per process and shared by all extractors.
pub(crate) fn load() {
    cue_set();
    lexicon::PeopleLexicon::get();
    people::load();
    meeting::load();
    problems::load();
    tasks::load();
    crate::time::load();
}

/// The cue words of every extractor, in one automaton: the analysis of a text
/// finds them all in one pass (see [`crate::analysis::cues`]).
pub(crate) fn cue_set() -> &'static CueSet {
    static SET: OnceLock<CueSet> = OnceLock::new();
    SET.get_or_init(|| CueSet::new(problems::cue_lists()))
}

/// `s` quoted as `format!("{s:?}")` writes it, for warnings; Han text with ASCII
/// letters and digits (every date expression but a few) skips the escape tables
/// `Debug` consults per character.
pub(crate) fn quoted(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        format!("\"{s}\"")
    } else {
        format!("{s:?}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_as_debug_quotes() {
        for s in [
            "4月底前",
            "2025年3月18日",
            "三季度末",
            "Q3",
            "",
            "6月16日\"",
            "a\\b",
            "\u{200b}",
        ] {
            assert_eq!(super::quoted(s), format!("{s:?}"));
        }
    }
}
