//! The word lists extraction runs on, kept as plain text in `data/` and loaded
//! once per process.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::words::WordSet;
use crate::chars::CharSet;

/// The people lexicon: posts, surnames and the words around names.
pub(crate) struct PeopleLexicon {
    /// Official posts, longest first (`常务副市长` before `副市长` before `市长`).
    pub posts: Vec<&'static str>,
    /// The posts, for look-ups at either end of a text.
    post_words: WordSet,
    /// Compound (two-character) surnames.
    pub compound_surnames: WordSet,
    /// Single-character surnames.
    pub surnames: CharSet,
    /// Characters that never stand in a given name: grammar or organisation words.
    pub not_in_name: CharSet,
    /// Words that follow a name and end it.
    pub after_name: WordSet,
    /// Common nouns that look like names (`班子`, `单位`).
    pub not_names: WordSet,
    /// Words after which names are listed without titles (`市领导`).
    pub list_markers: Vec<memchr::memmem::Finder<'static>>,
    /// The verbs after a bare list of names that attend (`参加会议`), longer ones first.
    pub attend_verbs: Vec<memchr::memmem::Finder<'static>>,
    /// A segmenter with the posts added, for the name boundaries the word lists leave open.
    pub jieba: Jieba,
}

/// Characters that never stand in a given name: they are grammar or organisation words.
const NOT_IN_NAME: &str =
    "市县区省镇乡村委局厅府党的了和与及在对等是为要将把从于由号也就并又还各全该其个之";

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

impl PeopleLexicon {
    fn load() -> Self {
        let mut posts: Vec<&str> = words(include_str!("../../data/people/posts.txt")).collect();
        posts.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        let mut compound_surnames = Vec::new();
        let mut surnames = Vec::new();
        for s in words(include_str!("../../data/people/surnames.txt")) {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    surnames.push(c);
                }
                _ => {
                    compound_surnames.push(s);
                }
            }
        }
        let after_name = WordSet::new(words(include_str!("../../data/people/after_name.txt")));
        let not_names = WordSet::new(words(include_str!("../../data/people/not_names.txt")));
        // Searchers built once: building one costs as much as searching a short text.
        let list_markers = words(include_str!("../../data/people/list_markers.txt"))
            .map(memchr::memmem::Finder::new)
            .collect();
        let attend_verbs = ["参加会议", "出席会议", "列席会议", "参加", "出席", "列席"]
            .into_iter()
            .map(memchr::memmem::Finder::new)
            .collect();
        let mut jieba = Jieba::new();
        for post in &posts {
            jieba.add_word(post, Some(100_000), Some("n"));
        }
        PeopleLexicon {
            post_words: WordSet::new(posts.iter().copied()),
            posts,
            compound_surnames: WordSet::new(compound_surnames),
            surnames: CharSet::of(surnames),
            not_in_name: CharSet::of(NOT_IN_NAME.chars()),
            after_name,
            not_names,
            list_markers,
            attend_verbs,
            jieba,
        }
    }

    /// The shared lexicon.
    pub fn get() -> &'static PeopleLexicon {
        static LEXICON: OnceLock<PeopleLexicon> = OnceLock::new();
        LEXICON.get_or_init(PeopleLexicon::load)
    }

    /// The longest post that `text` ends with.
    pub fn post_ending<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.post_words.suffix_of(text)
    }

    /// The longest post that `text` starts with.
    pub fn post_starting<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.post_words.prefix_of(text)
    }
}
