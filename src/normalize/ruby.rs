//! Ruby (pinyin) residue: `推進(jìn)` → `推進`.
//!
//! Web pages that annotate characters with pinyin leave, once flattened to
//! text, a parenthesised syllable after each annotated Han character. A
//! parenthesised group is residue when it holds exactly one Mandarin
//! syllable (checked against `data/normalize/pinyin_syllables.txt` after
//! folding tone marks). A toneless group (`(men)`, `(an)`) is ambiguous — it
//! may be an English word or a list label — so it counts as residue only
//! when it has at least two letters and the same document also shows
//! tone-marked residue: neutral-tone syllables (`們(men)`) appear only in
//! annotated pages, where tone-marked ones abound.

/// The set of toneless Mandarin syllables, `ü` spelt `v`, each packed into
/// a `u64` (at most six ASCII letters) so that a look-up compares integers.
#[derive(Debug)]
pub(crate) struct Syllables {
    sorted: Vec<u64>,
}

/// Longest syllable in letters (`zhuang`), plus a tone mark.
const MAX_LETTERS: usize = 6;

/// A parenthesised pinyin syllable found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Residue {
    /// Byte length of the group, parentheses included.
    pub(crate) len: usize,
    /// Whether the syllable carries a tone mark.
    pub(crate) toned: bool,
    /// Letters in the syllable.
    letters: usize,
}

impl Syllables {
    /// Parses the syllable list: one a line, `#` comments.
    pub(crate) fn parse(data: &str) -> Self {
        let mut sorted: Vec<u64> = data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                if l.chars().count() > MAX_LETTERS {
                    return None;
                }
                let mut letters = [0u8; MAX_LETTERS];
                for (slot, c) in letters.iter_mut().zip(l.chars()) {
                    let (Some(letter), false) = fold(c)? else {
                        return None;
                    };
                    *slot = letter;
                }
                Some(pack(letters))
            })
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        Syllables { sorted }
    }

    /// Reads a parenthesised syllable at the start of `text` (which starts
    /// with `(` or `（`), if there is one.
    pub(crate) fn residue_at(&self, text: &str) -> Option<Residue> {
        let mut chars = text.char_indices();
        let (_, open) = chars.next()?;
        if open != '(' && open != '（' {
            return None;
        }
        let mut folded = [0u8; MAX_LETTERS];
        let mut letters = 0;
        let mut tones = 0;
        // Some pages leave a blank before the closing parenthesis (`會(huì )`).
        let mut blank = false;
        for (at, c) in chars {
            if c == ' ' && letters > 0 {
                blank = true;
                continue;
            }
            if blank && c != ')' && c != '）' {
                return None;
            }
            if c == ')' || c == '）' {
                if letters == 0 || tones > 1 {
                    return None;
                }
                self.sorted.binary_search(&pack(folded)).ok()?;
                return Some(Residue {
                    len: at + c.len_utf8(),
                    toned: tones == 1,
                    letters,
                });
            }
            let (base, toned) = fold(c)?;
            if let Some(b) = base {
                *folded.get_mut(letters)? = b;
                letters += 1;
            }
            tones += usize::from(toned);
        }
        None
    }
}

impl Residue {
    /// Whether this group is to be removed, given whether the document
    /// shows tone-marked residue anywhere (see the module notes).
    pub(crate) fn removable(&self, document_toned: bool) -> bool {
        self.toned || (document_toned && self.letters >= 2)
    }
}

/// Letters as one integer; unused places are zero.
fn pack(letters: [u8; MAX_LETTERS]) -> u64 {
    letters.iter().fold(0, |key, &b| key << 8 | u64::from(b))
}

/// A pinyin character as its toneless ASCII letter (`ü` → `v`) and whether
/// it carried a tone; combining tone marks give no letter. Anything else:
/// `None`.
fn fold(c: char) -> Option<(Option<u8>, bool)> {
    let plain = |b: u8| Some((Some(b), false));
    let toned = |b: u8| Some((Some(b), true));
    match c {
        'a'..='z' => plain(c as u8),
        'ü' => plain(b'v'),
        'ā' | 'á' | 'ǎ' | 'à' => toned(b'a'),
        'ē' | 'é' | 'ě' | 'è' => toned(b'e'),
        'ê' => plain(b'e'),
        'ī' | 'í' | 'ǐ' | 'ì' => toned(b'i'),
        'ō' | 'ó' | 'ǒ' | 'ò' => toned(b'o'),
        'ū' | 'ú' | 'ǔ' | 'ù' => toned(b'u'),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => toned(b'v'),
        'ń' | 'ň' | 'ǹ' => toned(b'n'),
        'ḿ' => toned(b'm'),
        // Combining macron, acute, caron, grave: tone marks typed apart.
        '\u{304}' | '\u{301}' | '\u{30C}' | '\u{300}' => Some((None, true)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syllables() -> Syllables {
        Syllables::parse(include_str!("../../data/normalize/pinyin_syllables.txt"))
    }

    #[test]
    fn reads_toned_and_toneless_syllables() {
        let s = syllables();
        assert_eq!(
            s.residue_at("(jìn)市"),
            Some(Residue {
                len: "(jìn)".len(),
                toned: true,
                letters: 3
            })
        );
        assert_eq!(s.residue_at("（lǜ）").map(|r| r.toned), Some(true));
        assert_eq!(s.residue_at("(nüe)").map(|r| r.toned), Some(false));
        assert_eq!(s.residue_at("(me)").map(|r| r.toned), Some(false));
        assert_eq!(s.residue_at("(ha\u{30C}o)").map(|r| r.toned), Some(true));
    }

    #[test]
    fn a_blank_before_the_closing_parenthesis_is_part_of_the_residue() {
        let s = syllables();
        let r = s.residue_at("(huì )议").expect("residue");
        assert_eq!(r.len, "(huì )".len());
        assert!(r.toned);
        assert!(s.residue_at("(hui zhang)").is_none());
        assert!(s.residue_at("( huì)").is_none());
    }

    #[test]
    fn rejects_what_is_not_one_syllable() {
        let s = syllables();
        for text in [
            "(GDP)",
            "(2020)",
            "(abc)",
            "(jìnn)",
            "(jǐn",
            "(jǐǐn)",
            "()",
            "(huì yì)",
        ] {
            assert_eq!(s.residue_at(text), None, "{text}");
        }
    }

    #[test]
    fn toneless_single_letters_never_removed() {
        let s = syllables();
        let a = s.residue_at("（a）");
        assert!(a.is_some_and(|r| !r.removable(true)));
        let men = s.residue_at("(men)");
        assert!(men.is_some_and(|r| r.removable(true) && !r.removable(false)));
    }
}
