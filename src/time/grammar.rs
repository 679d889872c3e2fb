//! The grammar of time expressions: a hand-written matcher over `&str` that
//! reads one expression at a byte position without allocating.

use std::cell::Cell;

use super::calendar::Festival;

/// How the year of an expression is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Not written.
    Unstated,
    /// Written in full (`2023年`).
    Abs(i32),
    /// Written with two digits (`15年`); the century comes from the anchor.
    Two(u32),
    /// Relative to the anchor's year (`明年` = +1).
    Rel(i32),
}

/// A part of a year or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    Begin,
    End,
}

/// A month, written or relative to the anchor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthSpec {
    Abs(u32),
    Rel(i32),
}

/// What of a month an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthPart {
    Whole,
    Day(u32),
    Begin,
    End,
    /// 上旬 (1), 中旬 (2), 下旬 (3).
    Xun(u32),
    /// 第N周: the Nth week starting on a Monday.
    Week(u32),
    /// 第N个星期X (weekday 1 = Monday … 7 = Sunday).
    NthWeekday(u32, u32),
}

/// A quarter, written or relative to the anchor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuarterSpec {
    Abs(u32),
    Rel(i32),
}

/// A unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    /// 工作日: its end depends on a holiday calendar, so it is left open.
    WorkDay,
    Week,
    Month,
    Quarter,
    Year,
}

/// The core of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// A year or part of it (`2023年`, `年底`, `年初`).
    Year(Part),
    /// `年内`: the year, read as a period to work within.
    YearWithin,
    /// 上半年 (1) / 下半年 (2).
    Half(u32),
    Quarter(QuarterSpec, Part),
    Month(MonthSpec, MonthPart),
    /// A day of a month that is not written (`30日`).
    Day(u32),
    Festival(Festival),
    /// 除夕: the day before the Spring Festival.
    Eve,
    Lunar {
        month: u32,
        leap: bool,
        day: u32,
    },
    /// A week relative to the anchor's, with a weekday or the whole week.
    Week(i32, Option<u32>),
    /// A weekday alone (`周三`): in the week the year rule chooses.
    Weekday(u32),
    /// 今天 (0), 明天 (1) …
    DayRel(i32),
    /// 今明两年.
    TwoYears,
    /// N units (plus half a unit: `3年半`).
    Duration(Unit, u32, bool),
    /// 长期坚持, 长期, 持续.
    Ongoing,
    /// 每月…, 每季度.
    Recurring,
    /// 即日 (起).
    Now,
    /// An event with no date of its own (`汛期前`, `开通运营前`).
    Event,
}

/// One expression: a year and a core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expr {
    pub(crate) year: YearSpec,
    pub(crate) base: Base,
}

/// What follows an expression and sets its relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// 前, 之前, 以前.
    By,
    /// 内, 以内, 之内.
    Within,
    /// 起, 开始.
    From,
    /// 后, 之后, 以后.
    After,
    /// 前后, 左右.
    Around,
    /// 以来.
    Since,
    /// 当天, 当日.
    On,
}

/// A matched expression: one or two (a range) expressions and a suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) first: Expr,
    pub(crate) to: Option<Expr>,
    pub(crate) suffix: Suffix,
}

/// Chinese digits as used in years (`二〇二〇`).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// An Arabic digit, half- or full-width.
pub(crate) fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether a character is part of a written number.
pub(crate) fn is_numeral(c: char) -> bool {
    arabic_digit(c).is_some() || cn_digit(c).is_some() || matches!(c, '十' | '廿' | '卅' | '两')
}

/// A cursor over a string at a byte position that is always a char boundary.
/// Every look at the text goes through [`Cur::peek`] or [`Cur::looks_at`], which
/// record how far the parse has read (`seen`, shared by all copies of the cursor):
/// a failure decided within a text's first characters is a failure wherever they
/// stand, which lets the scanner remember it.
#[derive(Debug, Clone, Copy)]
struct Cur<'a> {
    s: &'a str,
    pos: usize,
    seen: &'a Cell<usize>,
}

impl<'a> Cur<'a> {
    /// Notes that the parse has looked at the text up to byte `end`
    /// (`usize::MAX`: it has seen where the text ends).
    fn saw(&self, end: usize) {
        if end > self.seen.get() {
            self.seen.set(end);
        }
    }

    fn peek(&self) -> Option<char> {
        let c = self.s.get(self.pos..).and_then(|r| r.chars().next());
        self.saw(c.map_or(usize::MAX, |c| self.pos + c.len_utf8()));
        c
    }

    /// Whether the text at the cursor starts with `lit`, compared byte by byte in
    /// place (a `memcmp` call per literal was most of the scanner's time).
    fn looks_at(&self, lit: &str) -> bool {
        let rest = &self.s.as_bytes()[self.pos..];
        for (i, &b) in lit.as_bytes().iter().enumerate() {
            match rest.get(i) {
                None => {
                    self.saw(usize::MAX);
                    return false;
                }
                Some(&r) if r != b => {
                    self.saw(self.pos + i + 1);
                    return false;
                }
                Some(_) => {}
            }
        }
        self.saw(self.pos + lit.len());
        true
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.looks_at(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    /// Eats the first of `lits` that matches (list longer ones first).
    fn eat_any(&mut self, lits: &[&str]) -> Option<usize> {
        let i = lits.iter().position(|l| self.looks_at(l))?;
        self.pos += lits[i].len();
        Some(i)
    }

    /// An Arabic number: (value, digit count). Values past `u32` saturate.
    fn arabic(&mut self) -> Option<(u32, usize)> {
        let mut value: u64 = 0;
        let mut count = 0;
        while let Some(d) = self.peek().and_then(arabic_digit) {
            value = (value * 10 + u64::from(d)).min(u64::from(u32::MAX));
            count += 1;
            self.bump();
        }
        (count > 0).then(|| (u32::try_from(value).unwrap_or(u32::MAX), count))
    }

    /// A Chinese numeral up to 99 (`十`, `二十九`, `廿二`, `两`).
    fn cn_small(&mut self) -> Option<u32> {
        let start = *self;
        let first = self.bump()?;
        let tens = match first {
            '十' => Some(1),
            '廿' => Some(2),
            '卅' => Some(3),
            _ => None,
        };
        if let Some(t) = tens {
            let mut v = t * 10;
            if let Some(d) = self.peek().and_then(cn_digit).filter(|&d| d > 0) {
                self.bump();
                v += d;
            }
            return Some(v);
        }
        let d = if first == '两' {
            Some(2)
        } else {
            cn_digit(first)
        };
        let Some(d) = d else {
            *self = start;
            return None;
        };
        if d > 0 && self.eat("十") {
            let mut v = d * 10;
            if let Some(u) = self.peek().and_then(cn_digit).filter(|&u| u > 0) {
                self.bump();
                v += u;
            }
            return Some(v);
        }
        Some(d)
    }

    /// A number written either way, up to `u32`.
    fn number(&mut self) -> Option<u32> {
        if let Some((v, _)) = self.arabic() {
            return Some(v);
        }
        self.cn_small()
    }
}

/// Weekday names after 周/星期/礼拜.
fn weekday(cur: &mut Cur<'_>) -> Option<u32> {
    let c = cur.peek()?;
    let d = match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '日' | '天' => 7,
        _ => arabic_digit(c).filter(|d| (1..=7).contains(d))?,
    };
    cur.bump();
    Some(d)
}

const WEEK_WORDS: &[&str] = &["星期", "礼拜", "周"];

/// A year: `2023年`, `15年`, `二〇二〇年`, `今年`, `明年` … (without the 年 of
/// a following 年底/年初: those are read by [`year_part`]).
fn year(cur: &mut Cur<'_>) -> Option<YearSpec> {
    let save = *cur;
    const REL: &[(&str, i32)] = &[
        ("今年", 0),
        ("本年", 0),
        ("当年", 0),
        ("这一年", 0),
        ("明年", 1),
        ("次年", 1),
        ("来年", 1),
        ("下一年", 1),
        ("去年", -1),
        ("上一年", -1),
        ("上年", -1),
        ("前年", -2),
        ("后年", 2),
    ];
    for &(w, off) in REL {
        if cur.eat(w) {
            return Some(YearSpec::Rel(off));
        }
    }
    if let Some((v, n)) = cur.arabic() {
        if cur.eat("年") && cur.peek() != Some('级') {
            match n {
                4 => return i32::try_from(v).ok().map(YearSpec::Abs),
                2 => return Some(YearSpec::Two(v)),
                _ => {}
            }
        }
        *cur = save;
        return None;
    }
    let mut value: u32 = 0;
    let mut n = 0;
    while let Some(d) = cur.peek().and_then(cn_digit) {
        cur.bump();
        value = value.saturating_mul(10).saturating_add(d);
        n += 1;
        if n > 4 {
            break;
        }
    }
    if (n == 2 || n == 4) && cur.eat("年") {
        return Some(if n == 4 {
            YearSpec::Abs(i32::try_from(value).ok()?)
        } else {
            YearSpec::Two(value)
        });
    }
    *cur = save;
    None
}

/// Parts of a year after a year (`底`, `年底`, `初`, `内`) or alone (`年底`).
fn year_part(cur: &mut Cur<'_>, after_year: bool) -> Option<Base> {
    const WORDS: &[(&str, Base)] = &[
        ("上半年", Base::Half(1)),
        ("下半年", Base::Half(2)),
        ("年底", Base::Year(Part::End)),
        ("年末", Base::Year(Part::End)),
        ("年终", Base::Year(Part::End)),
        ("年初", Base::Year(Part::Begin)),
        ("年内", Base::YearWithin),
    ];
    for &(w, b) in WORDS {
        if cur.eat(w) {
            cur.eat("度");
            return Some(b);
        }
    }
    if after_year {
        const SHORT: &[(&str, Base)] = &[
            ("底", Base::Year(Part::End)),
            ("末", Base::Year(Part::End)),
            ("初", Base::Year(Part::Begin)),
            ("内", Base::YearWithin),
        ];
        for &(w, b) in SHORT {
            if cur.eat(w) {
                return Some(b);
            }
        }
    }
    None
}

/// A quarter: `一季度`, `第三季度末`, `Q1`, `首季度`, `本季度`.
fn quarter(cur: &mut Cur<'_>) -> Option<Base> {
    let save = *cur;
    let spec = if let Some(i) = cur.eat_any(&[
        "本季度",
        "当季度",
        "这个季度",
        "这季度",
        "上个季度",
        "上季度",
        "下个季度",
        "下季度",
    ]) {
        QuarterSpec::Rel([0, 0, 0, 0, -1, -1, 1, 1][i])
    } else if cur.eat("首季度") {
        QuarterSpec::Abs(1)
    } else if ["季度末", "季度初", "季末", "季初"]
        .iter()
        .any(|w| cur.looks_at(w))
    {
        // 季度末 with no quarter written: this quarter.
        cur.eat("季度");
        cur.eat("季");
        QuarterSpec::Rel(0)
    } else if cur.eat("Q") || cur.eat("Ｑ") || cur.eat("q") {
        let Some(q) = cur
            .bump()
            .and_then(arabic_digit)
            .filter(|q| (1..=4).contains(q))
        else {
            *cur = save;
            return None;
        };
        cur.eat("季度");
        QuarterSpec::Abs(q)
    } else {
        cur.eat("第");
        let q = match cur.bump() {
            Some(c) => arabic_digit(c).or_else(|| cn_digit(c)),
            None => None,
        };
        match q {
            Some(q @ 1..=4) if cur.eat("季度") || cur.eat("季") => QuarterSpec::Abs(q),
            _ => {
                *cur = save;
                return None;
            }
        }
    };
    let part = match cur.eat_any(&["度末", "末", "底", "初"]) {
        Some(0..=2) => Part::End,
        Some(_) => Part::Begin,
        None => Part::Whole,
    };
    Some(Base::Quarter(spec, part))
}

/// Whether a bare number after a month can be its day: nothing word-like follows.
fn bare_day_ends(cur: &Cur<'_>) -> bool {
    match cur.peek() {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '，' | '。'
                        | '、'
                        | '；'
                        | '：'
                        | ','
                        | ';'
                        | '）'
                        | ')'
                        | '前'
                        | '起'
                        | '至'
                        | '到'
                )
        }
    }
}

/// What follows a month (`15日`, `底`, `上旬`, `第2周` …).
fn month_part(cur: &mut Cur<'_>) -> MonthPart {
    let save = *cur;
    if cur.eat_any(&["月底", "月末", "底", "末"]).is_some() {
        return MonthPart::End;
    }
    if cur.eat("月初") {
        return MonthPart::Begin;
    }
    if let Some(i) = cur.eat_any(&["上中旬", "中下旬", "上旬", "中旬", "下旬"]) {
        return MonthPart::Xun([2, 3, 1, 2, 3][i]);
    }
    if cur.eat("第") {
        if let Some(n) = cur.number() {
            if cur.eat("个") {
                if cur.eat_any(WEEK_WORDS).is_some()
                    && let Some(w) = weekday(cur)
                {
                    return MonthPart::NthWeekday(n, w);
                }
            } else if cur.eat("周") || cur.eat("星期") {
                return MonthPart::Week(n);
            }
        }
        *cur = save;
        return MonthPart::Whole;
    }
    // 月初 written as 初 after the month, unless a lunar day (初五) follows.
    if cur.peek() == Some('初') {
        let mut probe = *cur;
        probe.bump();
        if probe.peek().and_then(cn_digit).is_none() && probe.peek() != Some('十') {
            *cur = probe;
            return MonthPart::Begin;
        }
        return MonthPart::Whole;
    }
    if let Some(d) = cur.number() {
        if cur.eat("日") || cur.eat("号") {
            return MonthPart::Day(d);
        }
        if bare_day_ends(cur) {
            return MonthPart::Day(d);
        }
    }
    *cur = save;
    MonthPart::Whole
}

/// A lunar day after a lunar month: 初五, 十五, 廿二, 二十, 三十.
fn lunar_day(cur: &mut Cur<'_>) -> Option<u32> {
    let save = *cur;
    if cur.eat("初") {
        if cur.eat("十") {
            return Some(10);
        }
        if let Some(d) = cur.bump().and_then(cn_digit).filter(|&d| d > 0) {
            return Some(d);
        }
        *cur = save;
        return None;
    }
    let d = cur.cn_small()?;
    if (11..=30).contains(&d) {
        Some(d)
    } else {
        *cur = save;
        None
    }
}

/// A month and what follows it, or a lunar date.
fn month(cur: &mut Cur<'_>) -> Option<Base> {
    let save = *cur;
    const REL: &[(&str, i32)] = &[
        ("本月份", 0),
        ("本月", 0),
        ("当月", 0),
        ("这个月", 0),
        ("下个月", 1),
        ("下月", 1),
        ("上个月", -1),
        ("上月", -1),
    ];
    for &(w, off) in REL {
        if cur.eat(w) {
            return Some(Base::Month(MonthSpec::Rel(off), month_part(cur)));
        }
    }
    // 月底前 with no month written: this month.
    if cur.looks_at("月内") {
        cur.eat("月");
        return Some(Base::Month(MonthSpec::Rel(0), MonthPart::Whole));
    }
    if let Some(i) = cur.eat_any(&["月底", "月末", "月初"]) {
        let part = if i < 2 {
            MonthPart::End
        } else {
            MonthPart::Begin
        };
        return Some(Base::Month(MonthSpec::Rel(0), part));
    }
    let lunar_name = cur.eat_any(&["闰正月", "正月", "冬月", "腊月"]);
    let (m, leap, lunar_only) = match lunar_name {
        Some(i) => ([1, 1, 11, 12][i], i == 0, true),
        None => {
            let leap = cur.eat("闰");
            if cur.eat("首月") {
                return Some(Base::Month(MonthSpec::Abs(1), month_part(cur)));
            }
            let m = match cur.arabic() {
                Some((v, _)) => v,
                None => cur.cn_small()?,
            };
            if !(1..=12).contains(&m) || !cur.eat("月") {
                *cur = save;
                return None;
            }
            (m, leap, leap)
        }
    };
    cur.eat("份");
    let before_day = *cur;
    if let Some(day) = lunar_day(cur) {
        // 五月初五 and 九月廿二 are lunar; 十二月二十 stays Gregorian.
        let written = cur.s.get(before_day.pos..cur.pos).unwrap_or("");
        if lunar_only || written.starts_with('初') || written.starts_with('廿') {
            return Some(Base::Lunar {
                month: m,
                leap,
                day,
            });
        }
        *cur = before_day;
    }
    if lunar_only {
        *cur = save;
        return None;
    }
    Some(Base::Month(MonthSpec::Abs(m), month_part(cur)))
}

/// Seasons and events that work is timed by, read only before `前`
/// (`汛期前`, `开通运营前`); they name no date.
const EVENTS: &[&str] = &[
    "进入主汛期",
    "进入汛期",
    "主汛期",
    "汛期",
    "入汛",
    "雨季",
    "入冬",
    "冬季",
    "供暖季",
    "采暖季",
    "供暖",
    "秋季开学",
    "春季开学",
    "开学",
    "开通运营",
    "正式运营",
    "通车",
    "两会",
    "旺季",
    "封冻",
    "麦收",
    "秋收",
    "夏收",
    "春耕",
    "春运",
];

/// An event followed by `前`/`之前`/`以前` (the suffix itself is read later).
fn event(cur: &mut Cur<'_>) -> Option<Base> {
    let save = *cur;
    cur.eat_any(EVENTS)?;
    if ["前", "之前", "以前"].iter().any(|w| cur.looks_at(w)) && !cur.looks_at("前后") {
        Some(Base::Event)
    } else {
        *cur = save;
        None
    }
}

/// Festivals by name.
fn festival(cur: &mut Cur<'_>) -> Option<Base> {
    const NAMES: &[(&str, Base)] = &[
        ("元旦节", Base::Festival(Festival::NewYear)),
        ("元旦", Base::Festival(Festival::NewYear)),
        ("春节", Base::Festival(Festival::Spring)),
        ("除夕", Base::Eve),
        ("元宵节", Base::Festival(Festival::Lantern)),
        ("元宵", Base::Festival(Festival::Lantern)),
        ("清明节", Base::Festival(Festival::Qingming)),
        ("清明", Base::Festival(Festival::Qingming)),
        ("五一劳动节", Base::Festival(Festival::Labour)),
        ("五一节", Base::Festival(Festival::Labour)),
        ("劳动节", Base::Festival(Festival::Labour)),
        ("五一", Base::Festival(Festival::Labour)),
        ("端午节", Base::Festival(Festival::DragonBoat)),
        ("端午", Base::Festival(Festival::DragonBoat)),
        ("七夕节", Base::Festival(Festival::Qixi)),
        ("七夕", Base::Festival(Festival::Qixi)),
        ("中秋节", Base::Festival(Festival::MidAutumn)),
        ("中秋", Base::Festival(Festival::MidAutumn)),
        ("国庆节", Base::Festival(Festival::National)),
        ("国庆", Base::Festival(Festival::National)),
        ("重阳节", Base::Festival(Festival::DoubleNinth)),
        ("重阳", Base::Festival(Festival::DoubleNinth)),
        ("六一儿童节", Base::Festival(Festival::Children)),
        ("儿童节", Base::Festival(Festival::Children)),
        ("六一", Base::Festival(Festival::Children)),
        ("建党节", Base::Festival(Festival::PartyFounding)),
        ("七一", Base::Festival(Festival::PartyFounding)),
    ];
    let save = *cur;
    let (name, base) = NAMES.iter().find(|(w, _)| cur.eat(w))?;
    // `六一`, `七一` are days only standing alone (`一九六一年`, `七一二厂` are not).
    if matches!(*name, "六一" | "七一")
        && [
            "〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "年",
            "月", "日", "号",
        ]
        .iter()
        .any(|w| cur.looks_at(w))
    {
        *cur = save;
        return None;
    }
    Some(*base)
}

/// A week relative to the anchor's: 本周, 下周六, 下个星期一, 下周周六.
fn week(cur: &mut Cur<'_>) -> Option<Base> {
    let save = *cur;
    let off = match cur.eat_any(&["本", "这个", "这", "下个", "下", "上个", "上"]) {
        Some(0..=2) => 0,
        Some(3 | 4) => 1,
        Some(_) => -1,
        None => {
            // `周三前`: a weekday alone, not a count (`每周三次`).
            if cur.eat_any(WEEK_WORDS).is_some()
                && let Some(w) = weekday(cur)
                && !cur.looks_at("次")
            {
                return Some(Base::Weekday(w));
            }
            *cur = save;
            return None;
        }
    };
    if cur.eat_any(WEEK_WORDS).is_none() {
        *cur = save;
        return None;
    }
    let before = *cur;
    if cur.eat_any(WEEK_WORDS).is_some() {
        if let Some(w) = weekday(cur) {
            return Some(Base::Week(off, Some(w)));
        }
        *cur = before;
    }
    let wd = weekday(cur);
    Some(Base::Week(off, wd))
}

/// A duration: `17天`, `两周`, `3个月`, `3年半`, `半年`, `一个季度`.
fn duration(cur: &mut Cur<'_>) -> Option<Base> {
    let save = *cur;
    let (n, lead_half) = if cur.eat("半") {
        (0, true)
    } else {
        match cur.number() {
            Some(n) => (n, false),
            None => return None,
        }
    };
    let counted = cur.eat("个");
    let unit = if cur.eat("工作日") {
        Unit::WorkDay
    } else if cur.eat("天") || cur.eat("日") {
        Unit::Day
    } else if cur.eat("周") || cur.eat("星期") || cur.eat("礼拜") {
        Unit::Week
    } else if cur.eat("月") && (counted || lead_half) {
        Unit::Month
    } else if cur.eat("季度") {
        Unit::Quarter
    } else if cur.eat("年") {
        Unit::Year
    } else {
        *cur = save;
        return None;
    };
    if (counted && unit == Unit::Day) || (unit == Unit::Year && n > 100) {
        // 个工作日 and the like are not read; 个天 is not Chinese.
        *cur = save;
        return None;
    }
    let half = lead_half || cur.eat("半");
    Some(Base::Duration(unit, n, half))
}

/// The relation suffix after an expression.
fn suffix(cur: &mut Cur<'_>) -> Suffix {
    const WORDS: &[(&str, Suffix)] = &[
        ("前后", Suffix::Around),
        ("左右", Suffix::Around),
        ("之前", Suffix::By),
        ("以前", Suffix::By),
        ("前", Suffix::By),
        ("之内", Suffix::Within),
        ("以内", Suffix::Within),
        ("内", Suffix::Within),
        ("以来", Suffix::Since),
        ("之后", Suffix::After),
        ("以后", Suffix::After),
        ("后", Suffix::After),
        ("开始", Suffix::From),
        ("起", Suffix::From),
        ("当天", Suffix::On),
        ("当日", Suffix::On),
    ];
    WORDS
        .iter()
        .find(|(w, _)| cur.eat(w))
        .map_or(Suffix::None, |&(_, s)| s)
}

/// A date in figures: `2025-06-30`, `2025/6/30`, `2025.6.30`.
fn numeric_date(cur: &mut Cur<'_>) -> Option<Expr> {
    let save = *cur;
    let mut read = || {
        let (y, 4) = cur.arabic()? else { return None };
        let sep = cur.bump().filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (m, 1..=2) = cur.arabic()? else {
            return None;
        };
        if cur.bump()? != sep {
            return None;
        }
        let (d, 1..=2) = cur.arabic()? else {
            return None;
        };
        if !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
            || cur.peek().and_then(arabic_digit).is_some()
        {
            return None;
        }
        Some(Expr {
            year: YearSpec::Abs(i32::try_from(y).ok()?),
            base: Base::Month(MonthSpec::Abs(m), MonthPart::Day(d)),
        })
    };
    let e = read();
    if e.is_none() {
        *cur = save;
    }
    e
}

/// One expression without suffix.
fn expr(cur: &mut Cur<'_>) -> Option<Expr> {
    let start = *cur;
    // Durations need a suffix to be durations (`17天内`, `20天后`).
    if let Some(b) = duration(cur) {
        let mut probe = *cur;
        let work_days = matches!(b, Base::Duration(Unit::WorkDay, ..));
        let ok = match suffix(&mut probe) {
            Suffix::Within => true,
            Suffix::After => !work_days,
            _ => false,
        };
        if ok {
            return Some(Expr {
                year: YearSpec::Unstated,
                base: b,
            });
        }
        *cur = start;
    }
    if cur.eat_any(&["长期坚持", "长期", "持续"]).is_some() {
        return Some(Expr {
            year: YearSpec::Unstated,
            base: Base::Ongoing,
        });
    }
    if cur.eat("今明两年") {
        return Some(Expr {
            year: YearSpec::Unstated,
            base: Base::TwoYears,
        });
    }
    if let Some(i) = cur.eat_any(&["今天", "今日", "明天", "明日", "后天", "当天", "当日"])
    {
        return Some(Expr {
            year: YearSpec::Unstated,
            base: Base::DayRel([0, 0, 1, 1, 2, 0, 0][i]),
        });
    }
    if cur.eat("每") {
        let ok = cur
            .eat_any(&[
                "个月", "月", "季度", "季", "周", "星期", "年", "天", "日", "旬",
            ])
            .is_some();
        if !ok {
            *cur = start;
            return None;
        }
        // 每年年底, 每年3月底, 每季度末, 每月5日, 每周五.
        let _ = year_part(cur, true)
            .or_else(|| quarter(cur))
            .or_else(|| month(cur));
        let _ = month_part(cur);
        let _ = weekday(cur);
        return Some(Expr {
            year: YearSpec::Unstated,
            base: Base::Recurring,
        });
    }
    if let Some(b) = event(cur) {
        return Some(Expr {
            year: YearSpec::Unstated,
            base: b,
        });
    }
    if let Some(b) = festival(cur) {
        return Some(Expr {
            year: YearSpec::Unstated,
            base: b,
        });
    }
    if let Some(e) = numeric_date(cur) {
        return Some(e);
    }
    let y = year(cur);
    let year_spec = y.unwrap_or(YearSpec::Unstated);
    let base = year_part(cur, y.is_some())
        .or_else(|| quarter(cur))
        .or_else(|| festival(cur))
        .or_else(|| month(cur))
        .or_else(|| if y.is_none() { week(cur) } else { None })
        .or_else(|| {
            if y.is_some() {
                return None;
            }
            let save = *cur;
            let d = cur.number()?;
            if (1..=31).contains(&d) && (cur.eat("日") || cur.eat("号")) {
                Some(Base::Day(d))
            } else {
                *cur = save;
                None
            }
        });
    match (y, base) {
        (_, Some(base)) => Some(Expr {
            year: year_spec,
            base,
        }),
        (Some(y), None) => {
            // `2023年度`.
            cur.eat("度");
            Some(Expr {
                year: y,
                base: Base::Year(Part::Whole),
            })
        }
        (None, None) => {
            *cur = start;
            None
        }
    }
}

const RANGE_SEPARATORS: &[&str] = &["至", "到", "——", "—", "-", "–", "－", "～", "~"];

/// `1-10月`, `2025—2026年度`: a bare number ranging to an expression whose unit it takes.
fn bare_range(cur: &mut Cur<'_>) -> Option<Parsed> {
    let save = *cur;
    let (n, digits) = match cur.arabic() {
        Some(v) => v,
        None => (cur.cn_small()?, 0),
    };
    if cur.eat_any(RANGE_SEPARATORS).is_none() {
        *cur = save;
        return None;
    }
    let Some(second) = expr(cur) else {
        *cur = save;
        return None;
    };
    let first_base = match second.base {
        Base::Month(MonthSpec::Abs(_), MonthPart::Whole) if (1..=12).contains(&n) => Some((
            second.year,
            Base::Month(MonthSpec::Abs(n), MonthPart::Whole),
        )),
        Base::Month(spec, MonthPart::Day(_)) if (1..=31).contains(&n) => {
            Some((second.year, Base::Month(spec, MonthPart::Day(n))))
        }
        Base::Day(_) if (1..=31).contains(&n) => Some((YearSpec::Unstated, Base::Day(n))),
        Base::Year(Part::Whole) if digits == 4 => i32::try_from(n)
            .ok()
            .map(|y| (YearSpec::Abs(y), Base::Year(Part::Whole))),
        _ => None,
    };
    let Some((year, base)) = first_base else {
        *cur = save;
        return None;
    };
    let suffix = suffix(cur);
    Some(Parsed {
        first: Expr { year, base },
        to: Some(second),
        suffix,
    })
}

/// Reads one expression with its suffix at the cursor.
fn parsed(cur: &mut Cur<'_>) -> Option<Parsed> {
    let start = *cur;
    // 即日起…至…
    if cur
        .eat_any(&["自即日起", "从即日起", "即日起", "即日开始"])
        .is_some()
    {
        let now = Expr {
            year: YearSpec::Unstated,
            base: Base::Now,
        };
        let after_now = *cur;
        if cur
            .eat_any(&["至", "到", "截至", "截止到", "截止"])
            .is_some()
            && let Some(to) = expr(cur)
        {
            let suffix = suffix(cur);
            return Some(Parsed {
                first: now,
                to: Some(to),
                suffix,
            });
        }
        *cur = after_now;
        return Some(Parsed {
            first: now,
            to: None,
            suffix: Suffix::From,
        });
    }
    if let Some(p) = bare_range(cur) {
        return Some(p);
    }
    *cur = start;
    let first = expr(cur)?;
    let before_range = *cur;
    if cur.eat_any(RANGE_SEPARATORS).is_some()
        && let Some(mut to) = expr(cur)
    {
        if to.year == YearSpec::Unstated {
            to.year = first.year;
        }
        // 12月10日至11日: the second day is in the first one's month.
        if let (Base::Month(spec, MonthPart::Day(_)), Base::Day(d)) = (first.base, to.base) {
            to.base = Base::Month(spec, MonthPart::Day(d));
        }
        let suffix = suffix(cur);
        return Some(Parsed {
            first,
            to: Some(to),
            suffix,
        });
    }
    *cur = before_range;
    // `6月16日（周五）前`: a day's weekday in brackets before its suffix.
    if matches!(first.base, Base::Day(_) | Base::Month(_, MonthPart::Day(_)))
        && cur.eat_any(&["（", "("]).is_some()
        && cur.eat_any(WEEK_WORDS).is_some()
        && weekday(cur).is_some()
        && cur.eat_any(&["）", ")"]).is_some()
    {
        let suffix = suffix(cur);
        if suffix != Suffix::None {
            return Some(Parsed {
                first,
                to: None,
                suffix,
            });
        }
    }
    *cur = before_range;
    let suffix = suffix(cur);
    Some(Parsed {
        first,
        to: None,
        suffix,
    })
}

/// Reads one expression starting at byte `pos` of `s`; returns it and the
/// byte position where it ends. `pos` must be a char boundary (else `None`).
pub(crate) fn match_at(s: &str, pos: usize) -> Option<(Parsed, usize)> {
    match_at_reading(s, pos).0
}

/// [`match_at`], and how far into `s` the parse read (`usize::MAX`: to its end).
pub(crate) fn match_at_reading(s: &str, pos: usize) -> (Option<(Parsed, usize)>, usize) {
    let seen = Cell::new(pos);
    if !s.is_char_boundary(pos) {
        return (None, pos);
    }
    let mut cur = Cur {
        s,
        pos,
        seen: &seen,
    };
    let found = parsed(&mut cur)
        .filter(|_| cur.pos > pos)
        .map(|p| (p, cur.pos));
    (found, seen.get())
}

/// Whether a character can begin an expression (a cheap pre-filter for scanning).
pub(crate) fn can_start(c: char) -> bool {
    is_numeral(c)
        || matches!(
            c,
            '今' | '明'
                | '去'
                | '后'
                | '前'
                | '本'
                | '当'
                | '这'
                | '下'
                | '上'
                | '次'
                | '来'
                | '年'
                | '首'
                | 'Q'
                | 'Ｑ'
                | 'q'
                | '第'
                | '元'
                | '春'
                | '除'
                | '清'
                | '劳'
                | '端'
                | '七'
                | '中'
                | '国'
                | '重'
                | '正'
                | '冬'
                | '腊'
                | '闰'
                | '每'
                | '长'
                | '持'
                | '即'
                | '自'
                | '从'
                | '半'
                | '汛'
                | '进'
                | '主'
                | '入'
                | '雨'
                | '供'
                | '采'
                | '秋'
                | '开'
                | '通'
                | '旺'
                | '封'
                | '麦'
                | '夏'
                | '月'
                | '季'
                | '周'
                | '星'
                | '礼'
        )
}
