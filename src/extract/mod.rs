//! Extraction: normalised text → the parts of a record, one module per thing extracted.

pub(crate) mod deadlines;
pub(crate) mod lexicon;
pub(crate) mod meeting;
pub(crate) mod people;
pub(crate) mod problems;
pub(crate) mod tasks;
pub(crate) mod words;
