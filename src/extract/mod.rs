//! Extraction: normalised text → the parts of a record, one module per thing extracted.

pub(crate) mod deadlines;
pub(crate) mod meeting;
