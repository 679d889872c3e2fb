//! Traditional → Simplified over the OpenCC dictionaries (`data/opencc/`):
//! longest phrase first (`TSPhrases.txt`), then single characters
//! (`TSCharacters.txt`), taking the first candidate, as OpenCC's `t2s` does.

use std::collections::BTreeMap;
use std::ops::Range;

/// A character's conversion and the phrases that start with it.
#[derive(Debug, Clone)]
struct CharEntry {
    from: char,
    /// First simplified candidate; `None` when only phrases start here.
    to: Option<&'static str>,
    /// Indexes into `Script::phrases` of the phrases starting with `from`.
    phrases: Range<usize>,
}

/// The Traditional → Simplified tables, parsed once.
pub(crate) struct Script {
    /// Sorted by `from`.
    chars: Vec<CharEntry>,
    /// Index + 1 into `chars` per BMP code point (0: none); characters
    /// beyond the BMP are found by binary search.
    bmp: Vec<u16>,
    /// `(traditional, simplified)`, sorted, so that those sharing a first
    /// character are adjacent.
    phrases: Vec<(&'static str, &'static str)>,
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

/// `key<TAB>candidate candidate…` lines of an OpenCC dictionary, as the key,
/// its first candidate, and whether the key is among its own candidates.
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(key, _)| !key.is_empty())
        .filter_map(|(key, values)| {
            let mut candidates = values.split(' ').filter(|v| !v.is_empty());
            let first = candidates.next()?;
            let shared = first == key || candidates.any(|v| v == key);
            Some((key, first, shared))
        })
}

impl Script {
    /// Parses the OpenCC phrase and character dictionaries.
    pub(crate) fn parse(phrases_data: &'static str, chars_data: &'static str) -> Self {
        let mut by_char: BTreeMap<char, CharEntry> = BTreeMap::new();
        let mut traditional_only = Vec::new();
        for (key, to, shared) in entries(chars_data) {
            let mut key_chars = key.chars();
            let (Some(from), None) = (key_chars.next(), key_chars.next()) else {
                continue;
            };
            if !shared {
                set_bit(&mut traditional_only, from);
            }
            by_char.insert(
                from,
                CharEntry {
                    from,
                    to: Some(to),
                    phrases: 0..0,
                },
            );
        }
        let mut phrases: Vec<(&'static str, &'static str)> = entries(phrases_data)
            .filter(|(key, _, _)| key.chars().nth(1).is_some())
            .map(|(key, to, _)| (key, to))
            .collect();
        phrases.sort_unstable();
        phrases.dedup_by(|a, b| a.0 == b.0);
        for (at, (key, _)) in phrases.iter().enumerate() {
            let Some(first) = key.chars().next() else {
                continue;
            };
            let entry = by_char.entry(first).or_insert(CharEntry {
                from: first,
                to: None,
                phrases: at..at,
            });
            if entry.phrases.is_empty() {
                entry.phrases = at..at;
            }
            entry.phrases.end = at + 1;
        }
        let chars: Vec<CharEntry> = by_char.into_values().collect();
        let mut bmp = vec![0u16; 0x1_0000];
        for (at, entry) in chars.iter().enumerate() {
            if let (Some(slot), Ok(index)) =
                (bmp.get_mut(entry.from as usize), u16::try_from(at + 1))
            {
                *slot = index;
            }
        }
        Script {
            chars,
            bmp,
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

    /// Whether `c` is converted alone or begins a phrase.
    pub(crate) fn converts(&self, c: char) -> bool {
        self.entry(c).is_some()
    }

    fn entry(&self, c: char) -> Option<&CharEntry> {
        match self.bmp.get(c as usize) {
            Some(&index) => self.chars.get(usize::from(index).checked_sub(1)?),
            None => {
                let at = self.chars.binary_search_by_key(&c, |e| e.from).ok()?;
                self.chars.get(at)
            }
        }
    }

    /// The conversion at the start of `text`: bytes consumed and their
    /// simplified form; `None` when the first character stays as it is.
    pub(crate) fn convert_at(&self, text: &str) -> Option<(usize, &'static str)> {
        let first = text.chars().next()?;
        let entry = self.entry(first)?;
        let phrase = self
            .phrases
            .get(entry.phrases.clone())
            .unwrap_or_default()
            .iter()
            .filter(|(key, _)| text.starts_with(key))
            .max_by_key(|(key, _)| key.len());
        if let Some((key, to)) = phrase {
            return Some((key.len(), to));
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
        assert_eq!(
            s.convert_at("乾隆皇帝們"),
            Some(("乾隆皇帝".len(), "乾隆皇帝"))
        );
        assert_eq!(s.convert_at("乾隆年"), Some(("乾隆".len(), "乾隆")));
        assert_eq!(s.convert_at("乾淨"), Some(("乾".len(), "干")));
        assert_eq!(s.convert_at("楊"), Some(("楊".len(), "杨")));
        assert_eq!(s.convert_at("杨"), None);
        assert_eq!(s.convert_at(""), None);
    }

    #[test]
    fn characters_beyond_the_bmp() {
        let s = script();
        // 𠉂 is a simplified form; its traditional key 㒓 is in the BMP.
        assert_eq!(s.convert_at("㒓"), Some(("㒓".len(), "𠉂")));
        assert_eq!(s.convert_at("𠉂"), None);
        assert_eq!(s.convert_at("𠁞"), Some(("𠁞".len(), "𠀾")));
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
