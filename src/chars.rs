//! Character classes as bitmaps over the Basic Multilingual Plane, for the
//! per-character pre-filters of the scanners: one load and a bit test instead
//! of a chain of comparisons.

/// A set of characters: a bitmap over the BMP, and for characters past it the
/// predicate the set was made from, or the list of members.
pub(crate) struct CharSet {
    bits: Box<[u64; 1024]>,
    beyond: Beyond,
}

enum Beyond {
    Predicate(fn(char) -> bool),
    Listed(Vec<char>),
}

impl CharSet {
    /// Tabulates `member` over the BMP.
    pub fn new(member: fn(char) -> bool) -> Self {
        let mut bits = Box::new([0u64; 1024]);
        for c in (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| member(c))
        {
            bits[c as usize >> 6] |= 1 << (c as u32 & 63);
        }
        CharSet {
            bits,
            beyond: Beyond::Predicate(member),
        }
    }

    /// The set of `chars`.
    pub fn of(chars: impl IntoIterator<Item = char>) -> Self {
        let mut bits = Box::new([0u64; 1024]);
        let mut listed = Vec::new();
        for c in chars {
            match c as usize {
                n @ 0..=0xFFFF => bits[n >> 6] |= 1 << (n & 63),
                _ => listed.push(c),
            }
        }
        CharSet {
            bits,
            beyond: Beyond::Listed(listed),
        }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n <= 0xFFFF {
            self.bits[n >> 6] & (1 << (n & 63)) != 0
        } else {
            match &self.beyond {
                Beyond::Predicate(member) => member(c),
                Beyond::Listed(chars) => chars.contains(&c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    #[test]
    fn agrees_with_its_predicate() {
        let han = CharSet::new(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '😀');
        assert!(han.contains('中') && han.contains('😀'));
        assert!(!han.contains('a') && !han.contains('〇') && !han.contains('😁'));
        let few = CharSet::of("局委😀".chars());
        assert!(
            few.contains('局') && few.contains('😀') && !few.contains('办') && !few.contains('😁')
        );
    }
}
