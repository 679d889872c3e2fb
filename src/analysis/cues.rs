//! The cue index: every word of the extractors' cue lists found in one pass of
//! one automaton over the text, each occurrence tagged with the classes of its
//! word, so that "does this sentence hold a shortcoming cue" is a lookup in a
//! sorted list instead of a search of the sentence with each list's pattern.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// A class of cue words. A word may be in several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Cue {
    /// A shortcoming stated after its subject (`推进缓慢`, `不到位`).
    ProblemEnd,
    /// A shortcoming stated before its object (`存在`, `缺乏`).
    ProblemMid,
    /// What remains to be done (`仍有`, `尚有`), read with a count after it.
    Remaining,
    /// A verb ordering a shortcoming fixed (`整改`, `解决`).
    Fix,
}

impl Cue {
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The classes a search asks for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cues(u8);

impl Cues {
    pub const fn of(cues: &[Cue]) -> Self {
        let mut bits = 0;
        let mut i = 0;
        while i < cues.len() {
            bits |= cues[i].bit();
            i += 1;
        }
        Cues(bits)
    }
}

/// The automaton over every cue word, and each word's classes.
pub(crate) struct CueSet {
    automaton: AhoCorasick,
    classes: Vec<u8>,
}

impl CueSet {
    /// A set of the words of `lists`, each list with its class.
    pub fn new<'w>(lists: impl IntoIterator<Item = (Cue, &'w [&'w str])>) -> Self {
        let mut words: Vec<&str> = Vec::new();
        let mut classes: Vec<u8> = Vec::new();
        for (cue, list) in lists {
            for &word in list {
                match words.iter().position(|w| *w == word) {
                    Some(i) => classes[i] |= cue.bit(),
                    None => {
                        words.push(word);
                        classes.push(cue.bit());
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .expect("cue words build an automaton");
        CueSet { automaton, classes }
    }

    /// Every occurrence of every word in `text`, overlapping ones included, by start.
    pub fn index(&self, text: &str) -> CueIndex {
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                classes: self.classes[m.pattern().as_usize()],
            })
            .collect();
        hits.sort_by_key(|h| (h.start, h.end));
        CueIndex { hits }
    }
}

#[derive(Debug)]
struct Hit {
    start: usize,
    end: usize,
    classes: u8,
}

/// The cue words of one text, found once.
#[derive(Debug)]
pub(crate) struct CueIndex {
    hits: Vec<Hit>,
}

impl CueIndex {
    /// Whether a word of one of `cues` lies wholly inside `range`.
    pub fn any(&self, range: Range<usize>, cues: Cues) -> bool {
        let first = self.hits.partition_point(|h| h.start < range.start);
        self.hits[first..]
            .iter()
            .take_while(|h| h.start < range.end)
            .any(|h| h.end <= range.end && h.classes & cues.0 != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_counts_only_when_wholly_inside_the_range_and_of_a_class_asked_for() {
        let set = CueSet::new([
            (Cue::ProblemEnd, &["缓慢", "推进缓慢"][..]),
            (Cue::Fix, &["整改", "缓慢"][..]),
        ]);
        let text = "工作推进缓慢。要抓好整改。";
        let index = set.index(text);
        let first = 0..text.find('。').unwrap();
        assert!(index.any(first.clone(), Cues::of(&[Cue::ProblemEnd])));
        // `缓慢` is in both lists.
        assert!(index.any(first.clone(), Cues::of(&[Cue::Fix])));
        let second = first.end + '。'.len_utf8()..text.len();
        assert!(!index.any(second.clone(), Cues::of(&[Cue::ProblemEnd])));
        assert!(index.any(second, Cues::of(&[Cue::Fix])));
        // `推进缓慢` crosses the end of this range, `缓` alone is not a word; but `缓慢` is inside
        // only once the range reaches it.
        let cut = 0..text.find("慢").unwrap();
        assert!(!index.any(cut, Cues::of(&[Cue::ProblemEnd, Cue::Fix])));
        assert!(!index.any(0..0, Cues::of(&[Cue::ProblemEnd])));
    }
}
