//! Normalisation (SPEC §2): ruby/pinyin residue removed, Traditional turned to
//! Simplified, full-width folded, whitespace cleaned — with an offset map from
//! the normalised text back to its source.
//!
//! ```
//! use huiyi::normalize::Normalizer;
//!
//! let normalizer = Normalizer::new(); // parses the dictionaries: build once
//! let source = "市委書記楊光榮推進(jìn)工作";
//! let n = normalizer.normalize(source);
//! assert_eq!(n.text, "市委书记杨光荣推进工作");
//! assert!(n.traditional);
//! // Spans are byte ranges into `n.text`; the map finds them in the source.
//! let name = n.text.find("杨光荣").unwrap();
//! assert_eq!(&source[n.source_range(name..name + "杨光荣".len())], "楊光榮");
//! ```
//!
//! The rules:
//!
//! * **Ruby residue**: a parenthesised pinyin syllable right after a Han
//!   character is removed (`推進(jìn)` → `推進`, `會（huì）` → `會`), checked
//!   against the table of Mandarin syllables. A toneless syllable (`(men)`,
//!   `(an)`) may be an English word or a label, so it is removed only when it
//!   has two letters or more and the document also shows tone-marked residue
//!   (neutral-tone `們(men)` occurs only in annotated pages, among many toned
//!   ones). Everything else in parentheses stays: `（一）`, `(2020)`, `(GDP)`,
//!   `(a)`, a syllable after a non-Han character.
//! * **Traditional → Simplified** (OpenCC `t2s` data, longest phrase first) is
//!   applied to the whole document when at least 10 % of its Han characters
//!   (and at least two) are Traditional-only (a traditional text scores
//!   25–45 %, a simplified one with a stray `後` well under 1 %), and
//!   otherwise to each paragraph that passes the same test on its own (a
//!   traditional quotation inside a simplified report). Characters shared by
//!   both scripts (`乾`, `於`, `著`) never count towards the test.
//! * **Width**: full-width digits, letters and `％` become ASCII; `．` becomes
//!   `.` between digits (`２．６万亩` → `2.6万亩`). Chinese punctuation,
//!   full-width parentheses included, stays, and so does ASCII punctuation
//!   (`,` is not turned into `，`).
//! * **Radicals**: a Kangxi radical (U+2F00–U+2FD5) or a radicals supplement
//!   form standing for a whole character becomes that unified ideograph
//!   (`4⽉底前` → `4月底前`), as PDF fonts often map them.
//! * **Spaces** (ASCII, ideographic, no-break, other Unicode spaces): a run is
//!   dropped at the start or end of a line or cell (`\t`) and next to CJK
//!   text on either side, where it is layout (`副区长　王建军` →
//!   `副区长王建军`, `6 月` → `6月`); elsewhere it becomes one ASCII space.
//! * **Invisible characters** (zero-width, BOM, soft hyphen, bidi and other
//!   control characters) are removed; `\r\n`, `\r`, vertical tab, form feed,
//!   NEL and U+2028/U+2029 become `\n`. `\n` and `\t` are kept as they are;
//!   empty lines are kept.
//!
//! One pass over the text decides (Han counts, Traditional-only counts,
//! whether tone-marked ruby occurs); text needing no change is returned as a
//! copy, and otherwise a second pass copies unchanged stretches whole and
//! records each edit in the offset map.

mod offsets;
mod radicals;
mod ruby;
mod script;
mod width;

use std::ops::Range;
use std::sync::OnceLock;

use offsets::OffsetMap;
use radicals::fold_radical;
use ruby::Syllables;
use script::Script;
use width::{fold_width, is_cjk, is_digit, is_han, is_invisible, is_other_break, is_space};

/// Share of Traditional-only characters among Han characters, in percent,
/// from which a document or paragraph is read as Traditional.
const TRADITIONAL_PERCENT: usize = 10;
/// Fewest Traditional-only characters that make a text Traditional: one
/// stray `後` in a simplified line is a typo, not a script.
const TRADITIONAL_MIN: usize = 2;

/// Builds normalised text. It is `Send + Sync`, and cheap to build: the
/// conversion dictionaries are parsed once per process and shared.
pub struct Normalizer {
    dictionaries: &'static Dictionaries,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").finish_non_exhaustive()
    }
}

/// The pinyin syllables, the Traditional-to-Simplified tables, and what each
/// character of the BMP is to the normaliser ([`kind_of`]), looked up per character.
struct Dictionaries {
    syllables: Syllables,
    script: Script,
    kinds: Box<[u8]>,
}

/// A Han character.
const HAN: u8 = 1;
/// A Han character found only in Traditional text.
const TRADITIONAL_ONLY: u8 = 2;
/// A character the Traditional-to-Simplified tables convert.
const CONVERTS: u8 = 4;
/// A character copied as it is whatever surrounds it.
const PLAIN: u8 = 8;
/// `(` or `（`, which may open ruby residue.
const PAREN: u8 = 16;
/// The most characters a word of a blank-separated list may have.
const LIST_WORD_MAX: usize = 4;

/// Whether `line` is a list of short Han words split by blanks (after a label
/// in its first word: `参会：马锋旺 黄德宝 徐 炎`): three words at least, all but the
/// first of Han characters only, those inside the line of [`LIST_WORD_MAX`]
/// characters at most, and half of all of two or more (text spaced out
/// character by character, `推 进 会 议`, is no list; its blanks are layout).
/// Normalisation leaves the answer as it is, so a second pass keeps the blanks too.
fn is_word_list(line: &str) -> bool {
    // One pass, no allocation: a line may be the whole of a large file.
    let mut n = 0usize;
    let mut long_words = 0usize;
    // The length of the last word seen after the first: whether it is inside
    // the line is known when the next word comes.
    let mut last_len: Option<usize> = None;
    for word in line.split(is_space) {
        let mut len = 0;
        let mut all_han = true;
        let mut last = None;
        for c in word.chars().filter(|&c| !is_invisible(c)) {
            len += 1;
            all_han &= is_han(c);
            last = Some(c);
        }
        if len == 0 {
            continue;
        }
        if n == 0 {
            // `参会：马锋旺 黄德宝`, or a label parted from the list (`参会: 黄德宝 管清美`).
            if !last.is_some_and(|c| is_han(c) || c == ':' || c == '：') {
                return false;
            }
        } else {
            if !all_han || last_len.is_some_and(|l| l > LIST_WORD_MAX) {
                return false;
            }
            last_len = Some(len);
        }
        n += 1;
        if len >= 2 {
            long_words += 1;
        }
    }
    n >= 3 && 2 * long_words >= n
}

/// A space or an invisible character, removed or folded.
const REMOVED: u8 = 32;
/// A character normalisation rewrites (breaks, full-width letters and digits, `．`, radicals).
const REWRITTEN: u8 = 64;

/// What `c` is to the normaliser, as the flags above.
fn kind_of(c: char, script: &Script) -> u8 {
    let mut kind = 0;
    let plain = matches!(c,
        // ASCII but spaces, parentheses and control characters.
        '!'..='\'' | ')'..='~' | '\t'
        // CJK and general punctuation but spaces, invisibles and breaks.
        | '\u{3001}'..='\u{303F}' | '\u{2010}'..='\u{2027}' | '，' | '：' | '；' | '）');
    if plain {
        kind |= PLAIN;
    }
    if is_han(c) {
        kind |= HAN;
        if script.is_traditional_only(c) {
            kind |= TRADITIONAL_ONLY;
        }
        if script.converts(c) {
            kind |= CONVERTS;
        }
        return kind;
    }
    kind | match c {
        '(' | '（' => PAREN,
        // Printable ASCII but the space, the commonest case.
        '!'..='~' | '\n' | '\t' => 0,
        c if is_space(c) || is_invisible(c) => REMOVED,
        c if is_other_break(c)
            || fold_width(c).is_some()
            || fold_radical(c).is_some()
            || c == '．' =>
        {
            REWRITTEN
        }
        _ => 0,
    }
}

fn dictionaries() -> &'static Dictionaries {
    static DICTIONARIES: OnceLock<Dictionaries> = OnceLock::new();
    DICTIONARIES.get_or_init(|| {
        let syllables = Syllables::parse(include_str!("../../data/normalize/pinyin_syllables.txt"));
        let script = Script::parse(
            include_str!("../../data/opencc/TSPhrases.txt"),
            include_str!("../../data/opencc/TSCharacters.txt"),
        );
        let kinds = (0..=0xFFFF_u32)
            .map(|n| char::from_u32(n).map_or(0, |c| kind_of(c, &script)))
            .collect();
        Dictionaries {
            syllables,
            script,
            kinds,
        }
    })
}

impl Dictionaries {
    #[inline]
    fn kind(&self, c: char) -> u8 {
        match self.kinds.get(c as usize) {
            Some(&kind) => kind,
            None => kind_of(c, &self.script),
        }
    }
}

/// Normalised text and the map back to the text it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Whether Traditional text (the document, or some of its paragraphs)
    /// was converted to Simplified.
    pub traditional: bool,
    /// How many ruby (pinyin) annotations were removed.
    pub ruby_removed: usize,
    map: OffsetMap,
}

impl Normalized {
    /// The source byte offset where normalised byte `normalized_byte`
    /// comes from; offsets at or past the end map to the source's length.
    /// A char boundary maps to a char boundary, and the map never goes back.
    pub fn source_offset(&self, normalized_byte: usize) -> usize {
        self.map.source_offset(normalized_byte)
    }

    /// The source byte range a normalised byte range was made from (a
    /// record's span, found in the original). Text removed at the edges of
    /// the range (ruby residue after its last character) is not included.
    pub fn source_range(&self, normalized: Range<usize>) -> Range<usize> {
        self.map.source_range(normalized)
    }

    /// The number of pieces the offset map is stored in (one per stretch of
    /// unchanged text or per edit), for checking its size.
    pub fn offset_pieces(&self) -> usize {
        self.map.pieces()
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// What a first pass over the source learns before anything is written.
#[derive(Debug, Default)]
struct Survey {
    han: usize,
    traditional_only: usize,
    /// Some Han character is followed by a tone-marked pinyin syllable.
    toned_ruby: bool,
    /// Nothing but Han conversion could change the text.
    clean: bool,
    /// Where the characters are that are neither Han nor [`PLAIN`]: the only
    /// places a pass changes anything, unless it converts Han characters.
    stops: Vec<usize>,
}

impl Normalizer {
    /// A normaliser with the built-in dictionaries.
    pub fn new() -> Self {
        Normalizer {
            dictionaries: dictionaries(),
        }
    }

    /// Normalises `source`.
    pub fn normalize(&self, source: &str) -> Normalized {
        let survey = self.survey(source);
        if survey.clean && survey.traditional_only == 0 {
            return Normalized {
                text: source.to_owned(),
                traditional: false,
                ruby_removed: 0,
                map: OffsetMap::identity(source.len()),
            };
        }
        Pass {
            normalizer: self,
            survey: &survey,
            document_traditional: is_traditional(survey.traditional_only, survey.han),
            src: source,
            out: String::with_capacity(source.len()),
            map: OffsetMap::with_source_len(source.len()),
            run: 0,
            traditional: false,
            ruby_removed: 0,
            word_list_line: None,
        }
        .run()
    }

    fn survey(&self, source: &str) -> Survey {
        let mut survey = Survey {
            clean: true,
            ..Survey::default()
        };
        let mut after_han = false;
        let dictionaries = self.dictionaries;
        for (at, c) in source.char_indices() {
            let kind = dictionaries.kind(c);
            if kind & (HAN | PLAIN) == 0 {
                survey.stops.push(at);
            }
            if kind & HAN != 0 {
                survey.han += 1;
                survey.traditional_only += usize::from(kind & TRADITIONAL_ONLY != 0);
                after_han = true;
                continue;
            }
            let dirty = if kind & PAREN != 0 {
                after_han
                    && source
                        .get(at..)
                        .and_then(|s| dictionaries.syllables.residue_at(s))
                        .is_some_and(|r| {
                            survey.toned_ruby |= r.toned;
                            true
                        })
            } else if kind & REMOVED != 0 {
                // Removed or dropped, so a Han character before still counts.
                survey.clean = false;
                continue;
            } else {
                kind & REWRITTEN != 0
            };
            survey.clean &= !dirty;
            after_han = false;
        }
        survey
    }
}

/// Traditional by the counts of Traditional-only and of all Han characters.
fn is_traditional(traditional_only: usize, han: usize) -> bool {
    traditional_only >= TRADITIONAL_MIN && traditional_only * 100 >= han * TRADITIONAL_PERCENT
}

/// One normalisation: source copied in runs, edits written between them.
struct Pass<'a> {
    normalizer: &'a Normalizer,
    survey: &'a Survey,
    document_traditional: bool,
    src: &'a str,
    out: String,
    map: OffsetMap,
    /// Start of the stretch of source copied unchanged, not yet written.
    run: usize,
    traditional: bool,
    ruby_removed: usize,
    /// The last line asked about by [`Pass::in_word_list`], and its answer.
    word_list_line: Option<(Range<usize>, bool)>,
}

impl Pass<'_> {
    fn run(mut self) -> Normalized {
        let src = self.src;
        let mut line_traditional = self.line_traditional(0);
        // Without Traditional text no Han character changes: the survey knows the
        // only places where anything may.
        let convert = self.survey.traditional_only >= TRADITIONAL_MIN;
        let stops = self.survey.stops.as_slice();
        let mut next_stop = 0;
        let mut at = 0;
        loop {
            // Text that stays as it is, skipped in one go.
            if convert {
                let rest = src.get(at..).unwrap_or_default();
                at += rest
                    .char_indices()
                    .find(|&(_, c)| !self.is_plain(c, line_traditional))
                    .map_or(rest.len(), |(plain, _)| plain);
            } else {
                next_stop += stops[next_stop..].partition_point(|&s| s < at);
                at = stops.get(next_stop).copied().unwrap_or(src.len());
            }
            let Some(c) = self.next_char(at) else {
                break;
            };
            let len = c.len_utf8();
            if is_han(c) {
                at += self.convert(at).unwrap_or(len);
            } else if c == '\n' {
                at += 1;
                line_traditional = self.line_traditional(at);
            } else if is_other_break(c) {
                let len = if src.as_bytes().get(at..at + 2) == Some(b"\r\n") {
                    2
                } else {
                    len
                };
                self.write(at, len, "\n");
                at += len;
                line_traditional = self.line_traditional(at);
            } else if is_space(c) {
                at = self.spaces(at);
            } else if is_invisible(c) {
                self.skip(at, len);
                at += len;
            } else if (c == '(' || c == '（') && self.last(at).is_some_and(is_han) {
                at += self.ruby(at).unwrap_or(len);
            } else if let Some(half) = fold_width(c) {
                self.write(at, len, half.encode_utf8(&mut [0; 4]));
                at += len;
            } else if let Some(ideograph) = fold_radical(c) {
                self.write(at, len, ideograph.encode_utf8(&mut [0; 4]));
                at += len;
            } else if c == '．'
                && self.last(at).is_some_and(|p| p.is_ascii_digit())
                && self.next_visible(at + len).is_some_and(is_digit)
            {
                self.write(at, len, ".");
                at += len;
            } else {
                at += len;
            }
        }
        self.flush(src.len());
        Normalized {
            text: self.out,
            traditional: self.traditional,
            ruby_removed: self.ruby_removed,
            map: self.map,
        }
    }

    /// Whether `c` is copied as it is whatever surrounds it.
    fn is_plain(&self, c: char, line_traditional: bool) -> bool {
        let kind = self.normalizer.dictionaries.kind(c);
        kind & PLAIN != 0 || (kind & HAN != 0 && !(line_traditional && kind & CONVERTS != 0))
    }

    /// Whether the line starting at `at` is to be converted to Simplified.
    fn line_traditional(&self, at: usize) -> bool {
        if self.document_traditional {
            return true;
        }
        if self.survey.traditional_only < TRADITIONAL_MIN {
            return false;
        }
        let line = self.src.get(at..).unwrap_or_default();
        let line = line
            .split(|c| c == '\n' || is_other_break(c))
            .next()
            .unwrap_or_default();
        let (mut han, mut only) = (0, 0);
        for c in line.chars().filter(|&c| is_han(c)) {
            han += 1;
            only += usize::from(self.normalizer.dictionaries.script.is_traditional_only(c));
        }
        is_traditional(only, han)
    }

    /// Removes the ruby group at `at` if it is one; its length if so.
    fn ruby(&mut self, at: usize) -> Option<usize> {
        let residue = self
            .src
            .get(at..)
            .and_then(|s| self.normalizer.dictionaries.syllables.residue_at(s))?;
        if !residue.removable(self.survey.toned_ruby) {
            return None;
        }
        self.skip(at, residue.len);
        self.ruby_removed += 1;
        Some(residue.len)
    }

    /// Converts the Traditional text at `at`; the bytes consumed if any.
    fn convert(&mut self, at: usize) -> Option<usize> {
        let src = self.src;
        let (len, to) = self
            .normalizer
            .dictionaries
            .script
            .convert_at(src.get(at..).unwrap_or_default())?;
        let from = src.get(at..at + len).unwrap_or_default();
        if from == to {
            return Some(len);
        }
        self.traditional = true;
        if from.chars().count() == to.chars().count() {
            // Character for character, so that spans inside a phrase map too.
            let mut src_at = at;
            for (f, t) in from.chars().zip(to.chars()) {
                self.write(src_at, f.len_utf8(), t.encode_utf8(&mut [0; 4]));
                src_at += f.len_utf8();
            }
        } else {
            self.write(at, len, to);
        }
        Some(len)
    }

    /// Handles the run of spaces at `at`; returns where it ends.
    fn spaces(&mut self, at: usize) -> usize {
        let src = self.src;
        let mut end = at;
        while let Some(c) = self.next_char(end) {
            if !(is_space(c) || is_invisible(c)) {
                break;
            }
            end += c.len_utf8();
        }
        let before = self.last(at);
        let after = self.next_char(end).map(|c| fold_width(c).unwrap_or(c));
        let edge = |c: Option<char>| match c {
            None | Some('\n' | '\t') => true,
            Some(c) => is_other_break(c) || is_cjk(c),
        };
        let between_han = before.is_some_and(is_han) && after.is_some_and(is_han);
        if between_han && self.in_word_list(at) {
            // A list of names or short words: the blanks are its separators.
            if src.get(at..end) != Some(" ") {
                self.write(at, end - at, " ");
            }
        } else if edge(before) || edge(after) {
            self.skip(at, end - at);
        } else if src.get(at..end) != Some(" ") {
            self.write(at, end - at, " ");
        }
        end
    }

    /// Whether the line holding byte `at` is a list of short words split by
    /// blanks (`参会：马锋旺 黄德宝 徐 炎 胡晓辉`), decided once per line.
    fn in_word_list(&mut self, at: usize) -> bool {
        if let Some((line, answer)) = &self.word_list_line
            && line.contains(&at)
        {
            return *answer;
        }
        let start = self.src[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c == '\n' || is_other_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let rest = &self.src[start..];
        let end = rest
            .find(|c| c == '\n' || is_other_break(c))
            .unwrap_or(rest.len());
        let answer = is_word_list(&rest[..end]);
        self.word_list_line = Some((start..start + end, answer));
        answer
    }

    /// The character at byte `at` of the source.
    fn next_char(&self, at: usize) -> Option<char> {
        self.src.get(at..)?.chars().next()
    }

    /// The first character at or after `at` that is not removed as invisible.
    fn next_visible(&self, at: usize) -> Option<char> {
        let rest = self.src.get(at..)?;
        rest.chars().find(|&c| !is_invisible(c))
    }

    /// The last character written so far, the pending run included, when
    /// the source has been read up to `at`.
    fn last(&self, at: usize) -> Option<char> {
        match self.src.get(self.run..at) {
            Some(pending) if !pending.is_empty() => pending.chars().next_back(),
            _ => self.out.chars().next_back(),
        }
    }

    /// Writes the pending run up to `to`.
    fn flush(&mut self, to: usize) {
        if to > self.run
            && let Some(copy) = self.src.get(self.run..to)
        {
            self.map.push(self.out.len(), self.run..to);
            self.out.push_str(copy);
        }
        self.run = self.run.max(to);
    }

    /// Writes `text` in place of the `len` source bytes at `at`.
    fn write(&mut self, at: usize, len: usize, text: &str) {
        self.flush(at);
        self.map
            .push_piece(self.out.len(), text.len(), at..at + len);
        self.out.push_str(text);
        self.run = at + len;
    }

    /// Drops the `len` source bytes at `at`.
    fn skip(&mut self, at: usize, len: usize) {
        self.flush(at);
        self.run = at + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn normalizer_is_shareable() {
        assert_send_sync::<Normalizer>();
        assert_send_sync::<Normalized>();
    }

    #[test]
    fn blanks_between_listed_names_stay() {
        let n = Normalizer::new();
        let t = |s: &str| n.normalize(s).text;
        // A list of names: the blanks are separators (one ASCII space each).
        assert_eq!(
            t("参会：马锋旺　黄德宝  王国晖 徐 炎\n"),
            "参会：马锋旺 黄德宝 王国晖 徐 炎\n"
        );
        // Layout: a title before a name, text spaced out character by character.
        assert_eq!(t("副区长　王建军出席"), "副区长王建军出席");
        assert_eq!(t("推 进 会 议"), "推进会议");
        assert_eq!(t("6 月 底 前"), "6月底前");
        assert!(is_word_list("列席：李建明 李明军 郭媛媛"));
        // A label parted from its list by a blank.
        assert_eq!(
            t("参会: 黄德宝 管清美 王国晖\n"),
            "参会:黄德宝 管清美 王国晖\n"
        );
        assert!(!is_word_list("记者 李文"));
    }
}
