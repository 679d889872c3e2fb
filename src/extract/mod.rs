//! Extraction: normalised text → the parts of a record, one module per thing extracted.

pub(crate) mod deadlines;
pub(crate) mod lexicon;
pub(crate) mod meeting;
pub(crate) mod people;
pub(crate) mod problems;
pub(crate) mod tasks;
pub(crate) mod words;

/// Loads every word list, dictionary, automaton and pattern the extractors use, so
/// that their cost falls on the construction of an `Extractor` and never on a
/// document. Each is built once per process and shared by all extractors.
pub(crate) fn load() {
    lexicon::PeopleLexicon::get();
    people::load();
    meeting::load();
    problems::load();
    tasks::load();
    crate::time::load();
}
