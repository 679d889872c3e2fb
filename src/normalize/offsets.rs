//! The map from normalised byte offsets back to source byte offsets.
//!
//! It is stored as pieces, not per byte: a piece is a stretch of normalised
//! text made from one stretch of source. A piece whose two lengths are equal
//! maps byte for byte (copied text, or a character replaced by one of the
//! same UTF-8 length); any other piece maps as a whole (`２` → `2`,
//! `\r\n` → `\n`, a phrase of different length). Source between two pieces
//! was deleted (ruby residue, zero-width characters, dropped spaces).

use std::ops::Range;

/// One stretch of normalised text and the stretch of source it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    norm: usize,
    src: usize,
    norm_len: usize,
    src_len: usize,
}

impl Piece {
    fn linear(&self) -> bool {
        self.norm_len == self.src_len
    }
}

/// Byte offsets of normalised text mapped back to its source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
    source_len: usize,
}

impl OffsetMap {
    /// The map of text that is its own source.
    pub(crate) fn identity(len: usize) -> Self {
        let mut map = OffsetMap {
            pieces: Vec::new(),
            source_len: len,
        };
        map.push(0, 0..len);
        map
    }

    /// An empty map over a source of `source_len` bytes; pieces follow.
    pub(crate) fn with_source_len(source_len: usize) -> Self {
        OffsetMap {
            pieces: Vec::new(),
            source_len,
        }
    }

    /// Records that normalised bytes `norm..norm + src.len()` are a copy of
    /// `src`; merges with the previous piece when both are contiguous.
    pub(crate) fn push(&mut self, norm: usize, src: Range<usize>) {
        self.push_piece(norm, src.end - src.start, src);
    }

    /// Records that `norm_len` normalised bytes at `norm` were made from `src`.
    pub(crate) fn push_piece(&mut self, norm: usize, norm_len: usize, src: Range<usize>) {
        let src_len = src.end.saturating_sub(src.start);
        if norm_len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.linear()
            && norm_len == src_len
            && last.norm + last.norm_len == norm
            && last.src + last.src_len == src.start
        {
            last.norm_len += norm_len;
            last.src_len += src_len;
            return;
        }
        self.pieces.push(Piece {
            norm,
            src: src.start,
            norm_len,
            src_len,
        });
    }

    /// The piece holding normalised byte `byte`, if any.
    fn piece_at(&self, byte: usize) -> Option<&Piece> {
        let idx = self.pieces.partition_point(|p| p.norm <= byte);
        let piece = self.pieces.get(idx.checked_sub(1)?)?;
        (byte < piece.norm + piece.norm_len).then_some(piece)
    }

    /// Source offset where normalised byte `byte` starts; the source length
    /// for offsets at or past the end of the normalised text.
    pub(crate) fn source_offset(&self, byte: usize) -> usize {
        match self.piece_at(byte) {
            Some(p) if p.linear() => p.src + (byte - p.norm),
            Some(p) => p.src,
            None => self.source_len,
        }
    }

    /// Source offset where the normalised text ending at `end` ends.
    fn source_end(&self, end: usize) -> usize {
        match end.checked_sub(1).and_then(|last| self.piece_at(last)) {
            Some(p) if p.linear() => p.src + (end - p.norm),
            Some(p) => p.src + p.src_len,
            None => self.source_len,
        }
    }

    /// The source range a normalised range was made from; empty or reversed
    /// ranges map to an empty range at their start.
    pub(crate) fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let end = self.source_end(range.end).max(start);
        start..end
    }

    /// How many pieces the map holds (for callers checking compactness).
    pub(crate) fn pieces(&self) -> usize {
        self.pieces.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_contiguous_copies_and_maps_replacements_whole() {
        // "ab２c" → "ab2c": copy "ab", replace "２", copy "c".
        let mut map = OffsetMap::with_source_len(6);
        map.push(0, 0..2);
        map.push_piece(2, 1, 2..5);
        map.push(3, 5..6);
        assert_eq!(map.pieces(), 3);
        assert_eq!(map.source_offset(2), 2);
        assert_eq!(map.source_range(2..3), 2..5);
        assert_eq!(map.source_offset(3), 5);
        assert_eq!(map.source_offset(4), 6);
        assert_eq!(map.source_range(0..4), 0..6);
    }

    #[test]
    fn deleted_source_is_outside_both_neighbours() {
        // "推(tuī)进" → "推进": the residue maps to no normalised byte.
        let mut map = OffsetMap::with_source_len(14);
        map.push(0, 0..3);
        map.push(3, 11..14);
        assert_eq!(map.pieces(), 2);
        assert_eq!(map.source_range(0..3), 0..3);
        assert_eq!(map.source_range(3..6), 11..14);
        assert_eq!(map.source_range(0..6), 0..14);
    }
}
