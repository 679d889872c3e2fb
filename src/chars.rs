//! Character classes as bitmaps over the Basic Multilingual Plane, for the
//! per-character pre-filters of the scanners: one load and a bit test instead
//! of a chain of comparisons.

/// The characters of the BMP for which a predicate holds; characters past the
/// BMP are asked of the predicate itself.
pub(crate) struct CharSet {
    bits: Box<[u64; 1024]>,
    beyond: fn(char) -> bool,
}

impl CharSet {
    /// Tabulates `member` over the BMP.
    pub fn new(member: fn(char) -> bool) -> Self {
        let mut bits = Box::new([0u64; 1024]);
        for c in (0..=0xFFFFu32).filter_map(char::from_u32).filter(|&c| member(c)) {
            bits[c as usize >> 6] |= 1 << (c as u32 & 63);
        }
        CharSet {
            bits,
            beyond: member,
        }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n <= 0xFFFF {
            self.bits[n >> 6] & (1 << (n & 63)) != 0
        } else {
            (self.beyond)(c)
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
    }
}
