//! Turning a directive or list item into the shortest phrase naming the work.

use super::lexicon::lexicon;

/// Characters trimmed from both ends of a title.
const EDGE: &[char] = &[
    ' ', '\t', '，', '。', '；', '：', '、', ',', '.', ';', ':', '！', '？', '…', '—',
];

/// Endings that are not part of the work's name (`…情况的汇报`, `…工作`).
const TAIL: &[&str] = &[
    "的汇报",
    "汇报",
    "的请示",
    "的报告",
    "有关事宜",
    "有关举措",
    "有关事项",
    "等事项",
    "事宜",
    "情况",
    // `支付接口联调进度滞后，赵刚负责…`: the work named with the shortcoming it shows.
    "推进缓慢",
    "滞后",
    "缓慢",
    "进度",
    "进展",
    "到位",
    "工作",
    // `部署热线办理相关工作`.
    "相关",
    "任务",
    "的",
    "等",
];

/// Clause separators inside a sentence.
pub(super) const CLAUSE: &[char] = &['，', '；', '。', ',', ';', '：', ':'];

/// The byte length of the [`CLAUSE`] separator starting at byte `i` of `b`, or 0.
#[inline]
fn clause_mark_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        b',' | b';' | b':' => 1,
        // `，` `；` `：` (U+FF0C, U+FF1B, U+FF1A) and `。` (U+3002).
        0xEF if b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8C | 0x9B | 0x9A)) => {
            3
        }
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => 3,
        _ => 0,
    }
}

/// The byte length of a sentence end (`。`, `！`, `？`) starting at byte `i` of `b`, or 0.
#[inline]
fn sentence_mark_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        // `。` (U+3002); `！` and `？` (U+FF01, U+FF1F).
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => 3,
        0xEF if b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x81 | 0x9F)) => 3,
        _ => 0,
    }
}

/// Finds separators in a text: candidates by `memchr` on their first bytes (the
/// lead bytes 0xE3 and 0xEF of CJK and full-width punctuation, and ASCII marks),
/// each confirmed by `mark_at`.
struct Marks<'a> {
    b: &'a [u8],
    /// The next ASCII separator (`,;:`, for clauses) not before the last position
    /// asked about; none for sentences.
    next_ascii: Option<usize>,
    mark_at: fn(&[u8], usize) -> usize,
}

impl<'a> Marks<'a> {
    fn of(s: &'a str, ascii: bool, mark_at: fn(&[u8], usize) -> usize) -> Self {
        let b = s.as_bytes();
        Marks {
            b,
            next_ascii: memchr::memchr3(b',', b';', b':', b).filter(|_| ascii),
            mark_at,
        }
    }

    /// The next separator at or after `i`: (start, byte length).
    fn next_from(&mut self, mut i: usize) -> Option<(usize, usize)> {
        let b = self.b;
        loop {
            if self.next_ascii.is_some_and(|a| a < i) {
                self.next_ascii = memchr::memchr3(b',', b';', b':', &b[i..]).map(|p| i + p);
            }
            let wide = memchr::memchr2(0xE3, 0xEF, &b[i..]).map(|p| i + p);
            let at = match (wide, self.next_ascii) {
                (Some(w), Some(a)) => w.min(a),
                (w, a) => w.or(a)?,
            };
            let n = (self.mark_at)(b, at);
            if n > 0 {
                return Some((at, n));
            }
            i = at + 1;
        }
    }
}

/// `s.split_inclusive(CLAUSE)`: the clauses, each with its separator.
pub(super) fn clauses_inclusive(s: &str) -> impl Iterator<Item = &str> {
    split_inclusive_at(s, Marks::of(s, true, clause_mark_at))
}

/// `s.split_inclusive(['。', '！', '？'])`.
pub(super) fn sentences_inclusive(s: &str) -> impl Iterator<Item = &str> {
    split_inclusive_at(s, Marks::of(s, false, sentence_mark_at))
}

/// `s` cut after each separator `marks` finds.
fn split_inclusive_at<'a>(s: &'a str, mut marks: Marks<'a>) -> impl Iterator<Item = &'a str> {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= s.len() {
            return None;
        }
        let end = marks.next_from(from).map_or(s.len(), |(at, n)| at + n);
        let piece = &s[from..end];
        from = end;
        Some(piece)
    })
}

/// `s.split(CLAUSE)`: the clauses without their separators.
pub(super) fn clauses(s: &str) -> impl Iterator<Item = &str> {
    let mut marks = Marks::of(s, true, clause_mark_at);
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        match marks.next_from(start) {
            Some((at, n)) => {
                from = Some(at + n);
                Some(&s[start..at])
            }
            None => {
                from = None;
                Some(&s[start..])
            }
        }
    })
}

/// Strips time limits, leading verbs and non-naming endings from `s`.
pub(super) fn clean(s: &str) -> String {
    // `在`/`于` opens every limit the pattern removes; most titles have neither.
    let s = if crate::text::contains(s, "在") || crate::text::contains(s, "于") {
        lexicon().time_inside.replace_all(s, "")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    clean_tail(clean_lead(&s))
}

/// Strips time limits and leading verbs from `s`.
pub(super) fn clean_lead(s: &str) -> &str {
    let lex = lexicon();
    let mut t = s.trim_matches(EDGE);
    loop {
        let before = t.len();
        if let Some(n) = lex.time_prefix(t) {
            t = &t[n..];
        }
        // The pattern is anchored and opens with `深入`, `学习` or `贯彻`.
        if t.starts_with(['深', '学', '贯'])
            && let Some(m) = lex.guidance_prefix.find(t)
        {
            t = &t[m.end()..];
        }
        // `2025年组织开展X`: the year dates the verb, not the work's name.
        if let Some(rest) = year_prefix(t)
            && let Some(v) = lex.lead_verbs.prefix_of(rest)
            && !starts_longer_word(rest, v.len())
        {
            t = rest;
        }
        if let Some(n) = count_of_rounds(t) {
            t = &t[n..];
        }
        if let Some(v) = lex.lead_verbs.prefix_of(t) {
            // Keep a verb that is the whole phrase (nothing would be left to name), or
            // the start of a longer word (`研究生`, `落实处`).
            if t.len() > v.len() && !starts_longer_word(t, v.len()) {
                t = &t[v.len()..];
            }
        }
        t = t.trim_matches(EDGE);
        if t.len() == before {
            return t;
        }
    }
}

/// Whether jieba reads the first `len` bytes of `t` and the character after them as
/// one word: a verb with a one-character noun ending (`研究生`, `管理员`) names a
/// thing, where a verb before a verb (`狠抓落实`) is still an opening verb.
fn starts_longer_word(t: &str, len: usize) -> bool {
    let Some(next) = t[len..].chars().next() else {
        return false;
    };
    let end = t.char_indices().nth(8).map_or(t.len(), |(i, _)| i);
    let jieba = &crate::extract::lexicon::PeopleLexicon::get().jieba;
    jieba
        .cut(&t[..end], false)
        .first()
        .is_some_and(|w| w.byte_end == len + next.len_utf8())
}

/// Strips non-naming endings (`…情况`, `…工作`) from `t`.
fn clean_tail(mut t: &str) -> String {
    loop {
        let before = t.len();
        // A title that is a tail word alone (`有关事宜`) names nothing.
        if let Some(rest) = TAIL.iter().find_map(|e| t.strip_suffix(e))
            && (rest.is_empty() || rest.chars().count() >= 2)
        {
            t = rest;
        }
        t = t.trim_matches(EDGE);
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// What follows a leading `2025年`, if there is one.
fn year_prefix(t: &str) -> Option<&str> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4).then(|| t[4..].strip_prefix('年')).flatten()
}

/// The byte length of a count of rounds opening `t` (`一次全面排查`, `两轮督查`): it
/// counts the acts, it names no work.
fn count_of_rounds(t: &str) -> Option<usize> {
    let digits: usize = t
        .chars()
        .take_while(|c| "一二两三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    let mut after = t[digits..].chars();
    let unit = after.next()?;
    // `一次性` is a manner (`一次性告知制度`), not a count.
    let manner = after.next() == Some('性');
    (digits > 0 && "次轮".contains(unit) && !manner && t.len() > digits + unit.len_utf8())
        .then_some(digits + unit.len_utf8())
}

/// Whether `title` is long enough and names work rather than an attitude.
pub(super) fn acceptable(title: &str) -> bool {
    let n = title.chars().count();
    (3..=40).contains(&n)
        && !title.starts_with(['将', '把', '对', '使'])
        // `其他事项`, `其他功能优化`: what is left over, no piece of work.
        && !title.starts_with("其他")
        // An address (`https://…`) names no work.
        && !text_has_address(title)
        // `下一步`, `如何`: an opening word alone names nothing.
        && lexicon().lead_verbs.prefix_len(title) != Some(title.len())
        // `该项目`, `此项工作`, `上述事项`: a reference to work named elsewhere.
        && !["该", "此", "这", "上述", "以上"].iter().any(|d| title.starts_with(d))
        // `各项工程…`, `每个工程都…`: every piece of work is no piece of work.
        && !["各个", "各项", "所有", "一切"]
            .iter()
            .any(|q| title.starts_with(q))
        && !title.contains("每个")
        && !title.contains("每项")
        && !lexicon().attitudes.occurs_in(title)
        && !lexicon().not_work_heads.ends(title)
        && !is_predicate(title)
        && !is_short_list(title)
        && unit_run(title) < title.len()
}

/// Whether `title` is or holds a web address (`https`, cut at its colon, or `://…`).
fn text_has_address(title: &str) -> bool {
    title.contains("://")
        || title.eq_ignore_ascii_case("https")
        || title.eq_ignore_ascii_case("http")
}

/// `力度要更大`, `措施要更硬`: a subject, a modal and what it must be, a demand
/// on how work is done rather than the name of work.
fn is_predicate(title: &str) -> bool {
    title.char_indices().any(|(i, c)| {
        c == '要'
            && i > 0
            && title[i + c.len_utf8()..].starts_with([
                '更', '再', '进', '切', '坚', '持', '高', '严', '全', '抓', '做',
            ])
    })
}

/// The most characters of each item of a list of manners or bare verbs.
const SHORT_ITEM_MAX: usize = 4;

/// `谋划、精心布局`, `梳理、深入分析、找出差距`, `科协、残联`: a list whose every
/// item is a verb phrase or a name of a few characters, a manner of working or
/// a list of units; a list of work names at least one item in full.
fn is_short_list(title: &str) -> bool {
    let mut items = title.split('、');
    let first = items.next().unwrap_or_default();
    title.contains('、')
        && first.chars().count() <= SHORT_ITEM_MAX
        && items.all(|p| p.chars().count() <= SHORT_ITEM_MAX)
}

/// What a numbered item's heading names.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Heading {
    /// The work itself (`畜禽养殖污染治理`).
    Work,
    /// Work behind a duty verb (`加强用户端安全整治`): the body names it more exactly, if at all.
    DutyVerb,
    /// A duty or attitude only (`明确改造任务`, `层层分解责任`).
    Duty,
}

/// Reads a numbered item's heading.
pub(super) fn heading_kind(raw: &str) -> Heading {
    let lex = lexicon();
    let t = raw.trim_matches(EDGE);
    let cleaned = clean(t);
    if !acceptable(&cleaned) || lex.generic_ends.ends(&cleaned) {
        Heading::Duty
    } else if lex.generic_verbs.starts(t) {
        Heading::DutyVerb
    } else {
        Heading::Work
    }
}

/// The length of a run of organisation names at the start of `s`
/// (`区自然资源局、区教育局`), or 0.
pub(super) fn unit_run(s: &str) -> usize {
    let mut end = 0;
    let mut at = 0;
    loop {
        match unit_at(&s[at..]) {
            Some(len) => {
                end = at + len;
                at = end;
            }
            None => return end,
        }
        let rest = &s[at..];
        match ["、", "和", "及", "与", "会同"]
            .iter()
            .find(|sep| rest.starts_with(**sep))
        {
            Some(sep) => at += sep.len(),
            None => return end,
        }
    }
}

/// The byte length of one organisation name at the start of `s`: a short run of
/// Han characters (and full-width brackets) ending with a unit suffix.
fn unit_at(s: &str) -> Option<usize> {
    let lex = lexicon();
    let mut best = None;
    for (i, c) in s.char_indices().take(16) {
        if !(is_han(c) || matches!(c, '（' | '）' | '(' | ')'))
            || matches!(
                c,
                '、' | '及' | '与' | '由' | '要' | '于' | '在' | '负' | '牵' | '配'
            )
        {
            break;
        }
        let end = i + c.len_utf8();
        // `i > 0`: at least two characters.
        if i > 0 && lex.unit_ends.contains(c) && lex.unit_suffixes.ends(&s[..end]) {
            best = Some(end);
        }
    }
    // `从大局出发`, `加强督办`: a verb or preposition opens no organisation's name.
    let opens_with_verb = || {
        s.starts_with(['从', '对', '把', '将', '以', '为', '按', '向', '在', '于'])
            // Verbs of two characters or more (Han: over 3 bytes), without counting chars.
            || lex.lead_verbs.prefix_len(s).is_some_and(|n| n > 3)
    };
    best.filter(|_| !opens_with_verb())
}

/// Splits a run of organisation names into the names.
pub(super) fn split_units(s: &str) -> Vec<String> {
    s.split(['、', '和', '及', '与'])
        .flat_map(|p| p.split("会同"))
        .flat_map(split_run_together)
        .map(|p| {
            p.trim_matches(EDGE)
                .trim_matches(['（', '）', '(', ')'])
                .trim_start_matches('由')
        })
        // `责任单位：` labels the units that follow.
        .filter(|p| p.chars().count() >= 2 && !p.ends_with("单位") && !p.ends_with("责任部门"))
        .map(str::to_string)
        .collect()
}

/// `区水务局区城管局` (a table cell's two lines, run together): a unit name ends at
/// 局/委/办/中心/所/队/院 where the next one starts with its level.
pub(super) fn split_run_together(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let ends_unit = matches!(c, '局' | '委' | '办' | '心' | '所' | '队' | '院');
        if let Some(&(next, n)) = chars.peek()
            && ends_unit
            && matches!(n, '区' | '市' | '县' | '省' | '镇' | '乡' | '各')
            && next > start
        {
            out.push(&s[start..next]);
            start = next;
        }
    }
    out.push(&s[start..]);
    out
}

pub(super) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A title's letters and digits, the part two titles are compared by.
pub(super) struct WorkKey {
    text: String,
    chars: usize,
    /// One bit per character (by its code modulo 64): a title holding a character
    /// whose bit the other lacks cannot be inside it.
    char_bits: u64,
}

impl WorkKey {
    pub fn of(title: &str) -> Self {
        let mut text = String::with_capacity(title.len());
        let mut chars = 0;
        let mut char_bits = 0u64;
        for c in title.chars().filter(|&c| is_word_char(c)) {
            text.push(c);
            chars += 1;
            char_bits |= 1 << (u32::from(c) % 64);
        }
        WorkKey {
            text,
            chars,
            char_bits,
        }
    }

    /// Whether two titles name the same work: one contains the other and is at
    /// least three fifths of it (stricter than the scorer, so that `城中村改造` and
    /// `城中村改造项目前期工作` stay two tasks).
    pub fn same_work(&self, other: &WorkKey) -> bool {
        let (short, long) = if self.chars <= other.chars {
            (self, other)
        } else {
            (other, self)
        };
        short.chars > 0
            && 5 * short.chars >= 3 * long.chars
            && short.char_bits & !long.char_bits == 0
            && long.text.contains(&short.text)
    }
}

/// `char::is_alphanumeric`, with the common cases first.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_han(c) || c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_verb_is_stripped_but_not_the_start_of_a_noun() {
        assert_eq!(clean_lead("研究生招生复试方案"), "研究生招生复试方案");
        assert_eq!(
            clean_lead("2025年研究生招生复试方案"),
            "2025年研究生招生复试方案"
        );
        assert_eq!(clean_lead("研究制定招生复试方案"), "招生复试方案");
        assert_eq!(clean_lead("狠抓隐患整改"), "隐患整改");
        assert_eq!(clean_lead("一次全面安全排查"), "安全排查");
        assert_eq!(clean_lead("开展两轮交叉督查"), "交叉督查");
        assert_eq!(clean_lead("一次性告知制度"), "一次性告知制度");
    }

    #[test]
    fn manners_aspects_and_units_name_no_work() {
        for no in [
            "力度要更大",
            "谋划、精心布局",
            "梳理、深入分析、找出差距",
            "科协、残联",
            "教育方面",
            "下一步工作打算",
            "全市组织部长座谈会议精神",
            "退役军人事务局",
        ] {
            assert!(!acceptable(no), "{no}");
        }
        for yes in [
            "环境保护、土地卫片整改",
            "碧水、净土保卫战",
            "要素市场化改革试点",
            "主要海湾整体规划",
            "县文化馆、图书馆总分馆制建设",
        ] {
            assert!(acceptable(yes), "{yes}");
        }
    }

    #[test]
    fn clause_splits_agree_with_the_standard_library() {
        // Every string of up to four characters over separators and their look-alikes
        // (`、` shares `，`'s lead byte, `〇` `。`'s), and some sentences.
        let alphabet = [
            '，', ',', ';', ':', '：', '。', '！', '？', '、', '〇', 'a', '中',
        ];
        let mut all: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = all
                .iter()
                .filter(|s| s.chars().count() == all.last().map_or(0, |l| l.chars().count()))
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            all.extend(longer);
        }
        let generated = all.len();
        all.extend(
            [
                "甲，乙；丙。丁",
                "由区住建局牵头,区财政局配合:于4月底前完成。",
                "问？答！好。",
            ]
            .map(String::from),
        );
        for s in &all {
            let s = s.as_str();
            assert_eq!(
                clauses_inclusive(s).collect::<Vec<_>>(),
                s.split_inclusive(CLAUSE).collect::<Vec<_>>(),
                "{s:?}"
            );
            assert_eq!(
                clauses(s).collect::<Vec<_>>(),
                s.split(CLAUSE).collect::<Vec<_>>(),
                "{s:?}"
            );
            assert_eq!(
                sentences_inclusive(s).collect::<Vec<_>>(),
                s.split_inclusive(['。', '！', '？']).collect::<Vec<_>>(),
                "{s:?}"
            );
        }
        assert!(generated > 20_000);
    }

    #[test]
    fn clean_strips_verbs_times_and_endings() {
        assert_eq!(clean("于4月底前完成选址论证工作"), "选址论证");
        assert_eq!(clean("加快推进重点项目应开尽开"), "重点项目应开尽开");
        assert_eq!(clean("扎实做好秋粮收储工作。"), "秋粮收储");
    }

    #[test]
    fn unit_runs() {
        let s = "区自然资源局、区教育局要加快办理";
        let n = unit_run(s);
        assert_eq!(&s[..n], "区自然资源局、区教育局");
        assert_eq!(unit_run("老旧小区改造"), 0);
    }
}
