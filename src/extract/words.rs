//! Word lists as character tries, so that "does this text start (or end) with
//! one of these words" costs a walk of a few characters instead of a
//! comparison with every word of the list.

use crate::chars::CharSet;

/// A regex alternation matching any of `words` literally, longer words first so
/// that a leftmost-first search takes the longest word at a position.
pub(crate) fn alternation<'w>(words: impl Iterator<Item = &'w str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// A fixed set of words, searchable from either end of a text.
pub(crate) struct WordSet {
    forward: Trie,
    backward: Trie,
    /// The characters words start with: a search inside a text walks the trie
    /// only from these.
    first: CharSet,
    /// How many words the set was made from: the bound of their places.
    count: usize,
}

/// A trie over characters; node 0 is the root.
#[derive(Default)]
struct Trie {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    /// Children sorted by character, for binary search.
    children: Vec<(char, u32)>,
    /// The word ending here, by its place in the list the set was made from.
    word: Option<u32>,
}

impl Trie {
    fn insert(&mut self, chars: impl Iterator<Item = char>, id: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut at = 0;
        for c in chars {
            let children = &self.nodes[at].children;
            at = match children.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => children[i].1 as usize,
                Err(i) => {
                    let next = self.nodes.len();
                    self.nodes[at].children.insert(i, (c, next as u32));
                    self.nodes.push(Node::default());
                    next
                }
            };
        }
        self.nodes[at].word.get_or_insert(id);
    }

    /// Every word read off `chars`, shortest first: (byte length, id).
    fn all(&self, chars: impl Iterator<Item = char>) -> impl Iterator<Item = (usize, u32)> {
        let mut at = 0;
        let mut len = 0;
        let mut chars = chars;
        std::iter::from_fn(move || {
            loop {
                let c = chars.next()?;
                let children = &self.nodes.get(at)?.children;
                at = children[children.binary_search_by_key(&c, |&(k, _)| k).ok()?].1 as usize;
                len += c.len_utf8();
                if let Some(id) = self.nodes[at].word {
                    return Some((len, id));
                }
            }
        })
    }

    /// The byte length of the longest word read off `chars`.
    fn longest(&self, chars: impl Iterator<Item = char>) -> Option<usize> {
        self.all(chars).last().map(|(len, _)| len)
    }
}

impl WordSet {
    /// The set of `words`; empty words are ignored.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut forward = Trie::default();
        let mut backward = Trie::default();
        let mut count = 0;
        let mut first = Vec::new();
        for (id, w) in words.into_iter().enumerate() {
            count = id + 1;
            if let Some(c) = w.chars().next() {
                first.push(c);
                forward.insert(w.chars(), id as u32);
                backward.insert(w.chars().rev(), id as u32);
            }
        }
        WordSet {
            forward,
            backward,
            first: CharSet::of(first),
            count,
        }
    }

    /// How many words the set was made from (a word's place is below this).
    pub fn len(&self) -> usize {
        self.count
    }

    /// The byte length of the longest word `s` starts with.
    pub fn prefix_len(&self, s: &str) -> Option<usize> {
        self.forward.longest(s.chars())
    }

    /// The byte length of the longest word `s` ends with.
    pub fn suffix_len(&self, s: &str) -> Option<usize> {
        self.backward.longest(s.chars().rev())
    }

    /// The longest word `s` starts with.
    pub fn prefix_of<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.prefix_len(s).map(|n| &s[..n])
    }

    /// The longest word `s` ends with.
    pub fn suffix_of<'s>(&self, s: &'s str) -> Option<&'s str> {
        self.suffix_len(s).map(|n| &s[s.len() - n..])
    }

    /// Whether `s` starts with one of the words.
    pub fn starts(&self, s: &str) -> bool {
        self.prefix_len(s).is_some()
    }

    /// Whether `s` ends with one of the words.
    pub fn ends(&self, s: &str) -> bool {
        self.suffix_len(s).is_some()
    }

    /// The byte lengths of the words `s` starts with, shortest first.
    pub fn prefix_lens<'s>(&'s self, s: &'s str) -> impl Iterator<Item = usize> + 's {
        self.forward.all(s.chars()).map(|(n, _)| n)
    }

    /// Every occurrence of a word in `s`, overlapping ones too, by start and then
    /// length: (byte start, byte length, the word's place in the list).
    pub fn occurrences<'s>(
        &'s self,
        s: &'s str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 's {
        s.char_indices()
            .filter(|&(_, c)| self.first.contains(c))
            .flat_map(move |(i, _)| {
                self.forward
                    .all(s[i..].chars())
                    .map(move |(n, id)| (i, n, id as usize))
            })
    }

    /// Whether one of the words occurs in `s`.
    pub fn occurs_in(&self, s: &str) -> bool {
        self.occurrences(s).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn longest_words_at_either_end_and_inside() {
        let set = WordSet::new(["副市长", "市长", "常务副市长", "局"]);
        assert_eq!(set.prefix_of("常务副市长王某"), Some("常务副市长"));
        assert_eq!(set.prefix_of("副市长王某"), Some("副市长"));
        assert_eq!(set.prefix_of("常务会议"), None);
        assert_eq!(set.suffix_of("市委常委、常务副市长"), Some("常务副市长"));
        assert_eq!(set.suffix_of("区教育局"), Some("局"));
        assert_eq!(set.suffix_of("区教育"), None);
        assert_eq!(set.occurrences("由区教育局、市长").next(), Some((12, 3, 3)));
        assert!(set.occurs_in("请市长讲话"));
        assert!(!set.occurs_in("请书记讲话"));
        assert!(!WordSet::new([""]).starts("任何"));
        assert_eq!(set.len(), 4);
        let found: Vec<_> = set.occurrences("常务副市长、市长").collect();
        assert_eq!(found, [(0, 15, 2), (6, 9, 0), (9, 6, 1), (18, 6, 1)]);
    }
}
