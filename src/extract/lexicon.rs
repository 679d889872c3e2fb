//! The word lists extraction runs on, kept as plain text in `data/` and loaded
//! once per process.

use std::collections::HashSet;
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The people lexicon: posts, surnames and the words around names.
pub(crate) struct PeopleLexicon {
    /// Official posts, longest first (`常务副市长` before `副市长` before `市长`).
    pub posts: Vec<&'static str>,
    /// Compound (two-character) surnames.
    pub compound_surnames: HashSet<&'static str>,
    /// Single-character surnames.
    pub surnames: HashSet<char>,
    /// Words that follow a name and end it.
    pub after_name: Vec<&'static str>,
    /// Common nouns that look like names (`班子`, `单位`).
    pub not_names: Vec<&'static str>,
    /// Words after which names are listed without titles (`市领导`).
    pub list_markers: Vec<&'static str>,
    /// A segmenter with the posts added, for the name boundaries the word lists leave open.
    pub jieba: Jieba,
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

impl PeopleLexicon {
    fn load() -> Self {
        let mut posts: Vec<&str> = words(include_str!("../../data/people/posts.txt")).collect();
        posts.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        let mut compound_surnames = HashSet::new();
        let mut surnames = HashSet::new();
        for s in words(include_str!("../../data/people/surnames.txt")) {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    surnames.insert(c);
                }
                _ => {
                    compound_surnames.insert(s);
                }
            }
        }
        let mut after_name: Vec<&str> =
            words(include_str!("../../data/people/after_name.txt")).collect();
        after_name.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let not_names = words(include_str!("../../data/people/not_names.txt")).collect();
        let list_markers = words(include_str!("../../data/people/list_markers.txt")).collect();
        let mut jieba = Jieba::new();
        for post in &posts {
            jieba.add_word(post, Some(100_000), Some("n"));
        }
        PeopleLexicon {
            posts,
            compound_surnames,
            surnames,
            after_name,
            not_names,
            list_markers,
            jieba,
        }
    }

    /// The shared lexicon.
    pub fn get() -> &'static PeopleLexicon {
        static LEXICON: OnceLock<PeopleLexicon> = OnceLock::new();
        LEXICON.get_or_init(PeopleLexicon::load)
    }

    /// The longest post that `text` ends with.
    pub fn post_ending(&self, text: &str) -> Option<&'static str> {
        self.posts.iter().copied().find(|p| text.ends_with(p))
    }

    /// The longest post that `text` starts with.
    pub fn post_starting(&self, text: &str) -> Option<&'static str> {
        self.posts.iter().copied().find(|p| text.starts_with(p))
    }
}
