//! Traditional → Simplified over the OpenCC dictionaries (`data/opencc/`):
//! longest phrase first (`TSPhrases.txt`), then single characters
//! (`TSCharacters.txt`), taking the first candidate, as OpenCC's `t2s` does.

use std::collections::HashMap;

/// Longest phrase looked up, in characters (OpenCC's longest has 14).
const MAX_PHRASE: usize = 16;

/// A character's conversion and the longest phrase that starts with it.
#[derive(Debug, Clone, Copy)]
struct CharEntry {
    from: char,
    /// First simplified candidate; `None` when only phrases start here.
    to: Option<&'static str>,
    /// Characters in the longest phrase starting with `from` (0: none).
    longest_phrase: usize,
}

/// The Traditional → Simplified tables, parsed once.
pub(crate) struct Script {
    /// Sorted by `from`, for binary search.
    chars: Vec<CharEntry>,
    phrases: HashMap<&'static str, &'static str>,
    /// Bit per code point: characters used in Traditional writing only
    /// (their own simplified candidates do not include them), which is what
    /// tells a traditional text from a simplified one.
    traditional_only: Vec<u64>,
}

impl std::fmt::Debug for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Script")
            .field("chars", &self.chars.len())
            .field("phrases", &self.phrases.len())
            .finish()
    }
}

/// `key<TAB>candidate candidate…` lines of an OpenCC dictionary.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(key, values)| Some((key, values.split(' ').find(|v| !v.is_empty())?)))
        .filter(|(key, _)| !key.is_empty())
}

impl Script {
    /// Parses the OpenCC phrase and character dictionaries.
    pub(crate) fn parse(phrases_data: &'static str, chars_data: &'static str) -> Self {
        let mut by_char: HashMap<char, CharEntry> = HashMap::new();
        let mut traditional_only = Vec::new();
        for line in chars_data.lines().filter(|l| !l.starts_with('#')) {
            let Some((key, values)) = line.split_once('\t') else {
                continue;
            };
            let mut key_chars = key.chars();
            let (Some(from), None) = (key_chars.next(), key_chars.next()) else {
                continue;
            };
            let Some(to) = values.split(' ').find(|v| !v.is_empty()) else {
                continue;
            };
            if !values.split(' ').any(|v| v == key) {
                set_bit(&mut traditional_only, from);
            }
            by_char.insert(
                from,
                CharEntry {
                    from,
                    to: Some(to),
                    longest_phrase: 0,
                },
            );
        }
        let mut phrases = HashMap::new();
        for (key, value) in entries(phrases_data) {
            let Some(first) = key.chars().next() else {
                continue;
            };
            let len = key.chars().count();
            if len > MAX_PHRASE {
                continue;
            }
            let entry = by_char.entry(first).or_insert(CharEntry {
                from: first,
                to: None,
                longest_phrase: 0,
            });
            entry.longest_phrase = entry.longest_phrase.max(len);
            phrases.insert(key, value);
        }
        let mut chars: Vec<CharEntry> = by_char.into_values().collect();
        chars.sort_unstable_by_key(|e| e.from);
        Script {
            chars,
            phrases,
            traditional_only,
        }
    }

    /// Whether `c` is written in Traditional text only.
    pub(crate) fn is_traditional_only(&self, c: char) -> bool {
        let c = c as usize;
        self.traditional_only
            .get(c / 64)
            .is_some_and(|w| w & (1 << (c % 64)) != 0)
    }

    /// The conversion at the start of `text`: bytes consumed and their
    /// simplified form; `None` when the first character stays as it is.
    pub(crate) fn convert_at(&self, text: &str) -> Option<(usize, &'static str)> {
        let first = text.chars().next()?;
        let idx = self.chars.binary_search_by_key(&first, |e| e.from).ok()?;
        let entry = self.chars.get(idx)?;
        if entry.longest_phrase > 1 {
            // Ends of the first 1..=longest characters, longest tried first.
            let mut ends = [0usize; MAX_PHRASE];
            let mut n = 0;
            for ((at, c), slot) in text.char_indices().zip(ends.iter_mut()) {
                if n == entry.longest_phrase {
                    break;
                }
                *slot = at + c.len_utf8();
                n += 1;
            }
            for &end in ends.get(1..n).unwrap_or_default().iter().rev() {
                if let Some((key, to)) = text.get(..end).and_then(|k| self.phrases.get_key_value(k))
                {
                    return Some((key.len(), to));
                }
            }
        }
        let to = entry.to?;
        (to.chars().ne(std::iter::once(first))).then_some((first.len_utf8(), to))
    }
}

fn set_bit(bits: &mut Vec<u64>, c: char) {
    let c = c as usize;
    if bits.len() <= c / 64 {
        bits.resize(c / 64 + 1, 0);
    }
    if let Some(w) = bits.get_mut(c / 64) {
        *w |= 1 << (c % 64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script() -> Script {
        Script::parse(
            include_str!("../../data/opencc/TSPhrases.txt"),
            include_str!("../../data/opencc/TSCharacters.txt"),
        )
    }

    #[test]
    fn phrases_before_characters() {
        let s = script();
        assert_eq!(s.convert_at("乾隆皇帝"), Some(("乾隆皇帝".len(), "乾隆皇帝")));
        assert_eq!(s.convert_at("乾淨"), Some(("乾".len(), "干")));
        assert_eq!(s.convert_at("楊"), Some(("楊".len(), "杨")));
        assert_eq!(s.convert_at("杨"), None);
        assert_eq!(s.convert_at(""), None);
    }

    #[test]
    fn traditional_only_excludes_shared_characters() {
        let s = script();
        assert!(s.is_traditional_only('後'));
        assert!(s.is_traditional_only('臺'));
        assert!(!s.is_traditional_only('乾'));
        assert!(!s.is_traditional_only('於'));
        assert!(!s.is_traditional_only('后'));
    }
}
