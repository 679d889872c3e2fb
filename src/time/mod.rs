//! Chinese time expressions: reading `6月底前`, `三季度末`, `春节前`, `两周内` …
//! into dates (SPEC §3, §5). Usable on its own.
//!
//! [`parse`] reads a whole string as one expression; [`scan`] finds every
//! expression in running text, and [`TimeMention::resolve`] dates one against
//! an anchor:
//!
//! ```
//! use chrono::NaiveDate;
//! use huiyi::time::{self, YearRule};
//!
//! let text = "由区住建局牵头，于4月底前完成施工图设计。";
//! let anchor = NaiveDate::from_ymd_opt(2025, 12, 16).unwrap();
//! let found = time::scan(text);
//! assert_eq!(found[0].text(text), "4月底前");
//! let end = found[0].resolve(anchor, YearRule::Future).unwrap().end;
//! assert_eq!(end, NaiveDate::from_ymd_opt(2026, 4, 30));
//! ```
//!
//! The Chinese lunisolar calendar (1900–2100) is read from
//! `data/time/lunar.tsv`, Qingming from a table of its days.

mod calendar;
mod grammar;
mod resolve;

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::chars::CharSet;

use grammar::Parsed;

/// How a deadline's date bounds the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Done by the date (前, 之前, 以前, 底前, or a bare date).
    By,
    /// On the date itself.
    On,
    /// Within a period from the anchor (…内).
    Within,
    /// From the date on (即日起).
    From,
    /// Ongoing, without an end (长期坚持, 持续).
    Ongoing,
    /// Recurring (每月, 每季度).
    Recurring,
}

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Precision {
    /// A day.
    Day,
    /// A month (or part of one: 上旬, 月底).
    Month,
    /// A quarter.
    Quarter,
    /// Half a year.
    HalfYear,
    /// A year.
    Year,
    /// No date.
    None,
}

/// Which year a date that states none is put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum YearRule {
    /// The anchor's year (how a bare expression is read: `9月30日` in 2008 is 2008-09-30).
    Same,
    /// The first such date on or after the anchor (deadlines: a December meeting's `3月底前` is next March).
    Future,
    /// The last such date on or before the anchor (a meeting reported after it happened).
    Past,
}

/// A time expression read and resolved against an anchor date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeExpr {
    /// The first day the expression covers.
    pub start: Option<NaiveDate>,
    /// The last day the expression allows (the deadline date).
    pub end: Option<NaiveDate>,
    /// How the date bounds the work.
    pub relation: Relation,
    /// How precise the date is.
    pub precision: Precision,
    /// The year was not written and was inferred from the anchor.
    pub year_inferred: bool,
}

/// Reads a whole string as one time expression against `reference`, with the
/// [`YearRule::Same`] rule (what `huiyi time` does).
pub fn parse(text: &str, reference: NaiveDate) -> Option<TimeExpr> {
    parse_with(text, reference, YearRule::Same)
}

/// Reads a whole string as one time expression against `anchor`, putting a
/// date that states no year by `rule`. A leading `于`/`在`/`力争` … and a
/// trailing `完成` or punctuation are allowed; anything else left over makes
/// it `None`.
pub fn parse_with(text: &str, anchor: NaiveDate, rule: YearRule) -> Option<TimeExpr> {
    let text = text.trim();
    let start = PREFIXES
        .iter()
        .find(|(p, _)| text.starts_with(p))
        .map_or(0, |(p, _)| p.len());
    let (parsed, end) = grammar::match_at(text, start)?;
    let rest = text.get(end..)?;
    let rest = rest.strip_prefix("完成").unwrap_or(rest);
    if !rest
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '。' | '，' | '；' | '.' | ',' | ';'))
    {
        return None;
    }
    resolve::resolve(&parsed, anchor, rule)
}

/// Words before an expression that [`scan`] reports as its prefix, longest
/// first, each with whether it pledges the work for that time (`力争于`, `在`)
/// rather than looking back or counting from it (`截至`, `已于`, `从`).
const PREFIXES: &[(&str, bool)] = &[
    ("力争于", true),
    ("力争在", true),
    ("确保于", true),
    ("确保在", true),
    ("争取于", true),
    ("争取在", true),
    ("务必于", true),
    ("务必在", true),
    ("必须于", true),
    ("必须在", true),
    ("计划于", true),
    ("计划在", true),
    ("预计于", true),
    ("预计在", true),
    ("截止到", false),
    ("截止至", false),
    ("已于", false),
    ("已在", false),
    ("力争", true),
    ("确保", true),
    ("争取", true),
    ("务必", true),
    ("必须", true),
    ("计划", true),
    ("预计", true),
    ("截至", false),
    ("截止", false),
    ("于", true),
    ("在", true),
    ("到", false),
    ("至", false),
    ("自", false),
    ("从", false),
];

/// Words ending in a prefix character that are no prefix (`关于一季度…`).
const NOT_PREFIXES: &[&str] = &[
    "关于", "对于", "由于", "基于", "属于", "等于", "鉴于", "存在", "现在", "正在", "所在", "实在",
    "不在", "直到", "达到", "收到", "受到", "提到", "遇到", "做到", "感到", "得到", "看到", "来到",
    "回到", "直至", "甚至", "乃至", "以至", "来自", "各自", "亲自",
];

/// A time expression found in running text by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte range of the expression with its relation suffix (`6月底前`).
    pub span: (usize, usize),
    /// Byte range of the word just before it, when it is one of `于`, `在`,
    /// `力争`, `确保`, `截至`, `已于` … (see [`TimeMention::prefix_text`]).
    pub prefix: Option<(usize, usize)>,
    parsed: Parsed,
}

impl TimeMention {
    /// The expression as written in `source` (the text given to [`scan`]).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.span.0..self.span.1).unwrap_or("")
    }

    /// The prefix word as written in `source`, if any.
    pub fn prefix_text<'a>(&self, source: &'a str) -> Option<&'a str> {
        let (a, b) = self.prefix?;
        source.get(a..b)
    }

    /// Whether the word before the expression pledges the work for that time
    /// (`力争于`, `确保`, `在`), not `截至`, `已于` or `从`.
    pub fn prefix_commits(&self, source: &str) -> bool {
        self.prefix_text(source)
            .is_some_and(|w| PREFIXES.iter().any(|&(p, commits)| commits && p == w))
    }

    /// Resolves the expression against `anchor`, putting a date without a
    /// year by `rule`. `None` when it names no date that can be computed
    /// (out of the calendar's range, a day the month lacks).
    pub fn resolve(&self, anchor: NaiveDate, rule: YearRule) -> Option<TimeExpr> {
        resolve::resolve(&self.parsed, anchor, rule)
    }

    /// Whether resolving needs an anchor: the year is not written, or the
    /// expression is relative (`明年`, `下周`, `两周内`).
    pub fn needs_anchor(&self) -> bool {
        resolve::needs_anchor(&self.parsed)
    }

    /// The relation the expression states, without resolving it.
    pub fn relation(&self) -> Relation {
        resolve::relation(&self.parsed)
    }

    /// The precision of the date the expression names.
    pub fn precision(&self) -> Precision {
        resolve::precision(&self.parsed)
    }

    /// Whether the expression is a range (`1-10月`, `即日起至6月30日`).
    pub fn is_range(&self) -> bool {
        self.parsed.to.is_some()
    }

    /// Whether the expression starts from now (`即日起`, `即日起至…`).
    pub fn from_now(&self) -> bool {
        self.parsed.first.base == grammar::Base::Now
    }

    /// Whether it is a bare day of an unwritten month (`30日`, `3号`).
    pub fn day_only(&self) -> bool {
        matches!(self.parsed.first.base, grammar::Base::Day(_))
    }

    /// Whether it names the end of a month, quarter or year (`底`, `末`).
    pub fn names_end(&self) -> bool {
        use grammar::{Base, MonthPart, Part};
        matches!(
            self.parsed.first.base,
            Base::Year(Part::End) | Base::Quarter(_, Part::End) | Base::Month(_, MonthPart::End)
        )
    }

    /// Whether the year is written as lying before the anchor's (`去年`, `前年`).
    pub fn in_past_year(&self) -> bool {
        matches!(self.parsed.first.year, grammar::YearSpec::Rel(r) if r < 0)
    }

    /// Whether a suffix after the expression sets its relation (`前`, `内`, `起` …).
    pub fn has_suffix(&self) -> bool {
        self.parsed.suffix != grammar::Suffix::None
    }

    /// Whether the suffix reads it as a point in a period rather than a limit
    /// (`前后`, `左右`, `以来`, `后`, `起`).
    pub fn is_approximate_or_open(&self) -> bool {
        use grammar::Suffix;
        matches!(
            self.parsed.suffix,
            Suffix::Around | Suffix::Since | Suffix::After | Suffix::From
        )
    }

    /// Whether it is a plain year (`2023年`, `今年`) with nothing after.
    pub fn whole_year(&self) -> bool {
        use grammar::{Base, Part};
        self.parsed.first.base == Base::Year(Part::Whole)
            && self.parsed.suffix == grammar::Suffix::None
    }
}

/// Whether a number goes on from `prev` into `c` (so `c` starts no expression).
fn continues_number(prev: char, c: char) -> bool {
    let digit = |x: char| grammar::arabic_digit(x).is_some();
    (digit(c) && (digit(prev) || prev == '.' || prev.is_ascii_alphabetic()))
        || (grammar::is_numeral(c) && grammar::is_numeral(prev) && !digit(c) && !digit(prev))
}

/// First two or three characters (`国家`, `一是`, `上一级`) after which the grammar
/// was seen to fail without reading further: no expression starts with them.
/// Learnt per thread as texts are scanned, and bounded.
type FailingPrefixes = HashSet<u64, BuildHasherDefault<PairHasher>>;

thread_local! {
    static FAILING_PREFIXES: RefCell<FailingPrefixes> = RefCell::default();
}

/// At most this many are remembered (a few thousand occur in practice).
const MAX_FAILING_PREFIXES: usize = 1 << 16;

/// A hash for the pair keys: one multiplication.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// [`grammar::match_at`] at `pos` (character `c`, followed by `next`), skipping
/// the parse where its first two or three characters are known to fail.
fn match_at_remembering(
    text: &str,
    pos: usize,
    c: char,
    next: Option<(usize, char)>,
    failing: &mut FailingPrefixes,
) -> Option<(Parsed, usize)> {
    let Some((second_at, second)) = next else {
        return grammar::match_at(text, pos);
    };
    // Characters take 21 bits; the top bit tells three from two.
    let code = |ch: char| u64::from(u32::from(ch));
    let two = (code(c) << 21) | code(second);
    if failing.contains(&two) {
        return None;
    }
    let two_end = second_at + second.len_utf8();
    let third = text[two_end..].chars().next();
    let three = third.map(|t| (1 << 63) | (two << 21) | code(t));
    if three.is_some_and(|k| failing.contains(&k)) {
        return None;
    }
    let (found, seen) = grammar::match_at_reading(text, pos);
    if found.is_none() && failing.len() < MAX_FAILING_PREFIXES {
        if seen <= two_end {
            failing.insert(two);
        } else if let (Some(t), Some(k)) = (third, three)
            && seen <= two_end + t.len_utf8()
        {
            failing.insert(k);
        }
    }
    found
}

/// Loads the calendar and the scanner's tables.
pub(crate) fn load() {
    calendar::load();
    starts();
}

fn starts() -> &'static CharSet {
    static STARTS: OnceLock<CharSet> = OnceLock::new();
    STARTS.get_or_init(|| CharSet::new(grammar::can_start))
}

/// Finds every time expression in running text, left to right, each with its
/// relation suffix and the prefix word before it. Spans are byte ranges on
/// char boundaries. Linear in the text; allocates only the result.
pub fn scan(text: &str) -> Vec<TimeMention> {
    scan_at_most(text, usize::MAX).0
}

/// [`scan`], stopping at the first `max` expressions; and whether there were more.
pub(crate) fn scan_at_most(text: &str, max: usize) -> (Vec<TimeMention>, bool) {
    let starts = starts();
    FAILING_PREFIXES.with_borrow_mut(|failing| {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        // The end of the last expression found: the characters before it are read.
        let mut read_to = 0;
        for (pos, c) in text.char_indices() {
            if pos >= read_to && starts.contains(c) && !prev.is_some_and(|p| continues_number(p, c))
            {
                let next_at = pos + c.len_utf8();
                let next = text[next_at..].chars().next().map(|n| (next_at, n));
                if let Some((parsed, end)) = match_at_remembering(text, pos, c, next, failing) {
                    if out.len() == max {
                        return (out, true);
                    }
                    let before = &text[..pos];
                    let prefix = PREFIXES
                        .iter()
                        .find(|(p, _)| before.ends_with(p))
                        .filter(|_| !NOT_PREFIXES.iter().any(|w| before.ends_with(w)))
                        .map(|(p, _)| (pos - p.len(), pos));
                    out.push(TimeMention {
                        span: (pos, end),
                        prefix,
                        parsed,
                    });
                    read_to = end;
                }
            }
            prev = Some(c);
        }
        (out, false)
    })
}

#[cfg(test)]
mod tests {
    use super::scan;

    fn spans(text: &str) -> Vec<(usize, usize)> {
        scan(text).iter().map(|m| m.span).collect()
    }

    #[test]
    fn a_bounded_scan_stops_at_its_most_and_says_so() {
        let text = "4月底前".repeat(5);
        let (found, cut) = super::scan_at_most(&text, 3);
        assert_eq!(found.len(), 3);
        assert!(cut);
        let (found, cut) = super::scan_at_most(&text, 5);
        assert_eq!((found.len(), cut), (5, false));
    }

    /// The failing prefixes a thread learns never hide an expression: each text reads
    /// the same on a fresh thread (nothing learnt) as after all the others.
    #[test]
    fn learnt_failures_change_no_result() {
        let texts: [&'static str; 9] = [
            "国家统一部署，国庆节前完成。",
            "一是加强领导，一季度末前完成，一月底前上报。",
            "上级要求下一步工作于下周一前落实，上半年见效。",
            "中央要求中秋前、中旬前完成",
            "今年年底前",
            "一",
            "国",
            "本次会议本月召开",
            "十分重要，十月底前完成，十五日前报送。",
        ];
        let cold: Vec<Vec<(usize, usize)>> = texts
            .iter()
            .map(|&t| std::thread::spawn(move || spans(t)).join().unwrap())
            .collect();
        for _ in 0..2 {
            for (t, expected) in texts.iter().zip(&cold) {
                assert_eq!(&spans(t), expected, "{t}");
            }
        }
        let counts: Vec<usize> = cold.iter().map(Vec::len).collect();
        assert_eq!(counts, [1, 2, 2, 1, 1, 0, 0, 1, 2]);
    }

    #[test]
    fn june_and_july_firsts_are_days_of_schools_and_party_branches() {
        use super::{YearRule, parse_with};
        let a = chrono::NaiveDate::from_ymd_opt(2025, 4, 21).unwrap();
        let end = |t: &str| {
            parse_with(t, a, YearRule::Future)
                .and_then(|e| e.end)
                .map(|d| d.to_string())
        };
        assert_eq!(end("七一前").as_deref(), Some("2025-06-30"));
        assert_eq!(end("六一儿童节前").as_deref(), Some("2025-05-31"));
        // Inside a number or a name they are no days.
        assert_eq!(spans("七一二厂").len(), 0);
        assert_eq!(spans("一九六一年").len(), 1);
        assert_ne!(end("一九六一年").as_deref(), Some("2025-05-31"));
    }

    #[test]
    fn a_weekday_alone_falls_in_the_week_the_rule_chooses() {
        use super::{YearRule, parse_with};
        let day = |t: &str, anchor: (i32, u32, u32), rule| {
            let a = chrono::NaiveDate::from_ymd_opt(anchor.0, anchor.1, anchor.2).unwrap();
            parse_with(t, a, rule)
                .and_then(|e| e.start)
                .map(|d| d.to_string())
        };
        // 2023-06-12 is a Monday, 06-15 a Thursday.
        assert_eq!(
            day("周三前", (2023, 6, 12), YearRule::Future).as_deref(),
            Some("2023-06-14")
        );
        assert_eq!(
            day("周三前", (2023, 6, 15), YearRule::Future).as_deref(),
            Some("2023-06-21")
        );
        assert_eq!(
            day("星期三", (2023, 6, 15), YearRule::Same).as_deref(),
            Some("2023-06-14")
        );
        assert_eq!(
            day("周五", (2023, 6, 12), YearRule::Past).as_deref(),
            Some("2023-06-09")
        );
        // A count is no day; a day's weekday in brackets before its suffix is read with it.
        assert_eq!(day("周三次", (2023, 6, 12), YearRule::Future), None);
        assert!(
            spans("开展三周三次检查")
                .iter()
                .all(|s| s.0 != "开展三".len())
        );
        assert_eq!(
            spans("6月16日（周五）前完成"),
            [(0, "6月16日（周五）前".len())]
        );
    }
}
