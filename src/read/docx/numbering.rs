//! Automatic numbering: `word/numbering.xml` definitions, the numbering that
//! paragraph styles carry (`word/styles.xml`), and the running counters that
//! turn a numbered paragraph into its label (`一、`, `（二）`, `1.2`).

use std::collections::HashMap;

use super::xml::{Elem, Node, Ns, Xml};
use crate::error::Error;
use crate::options::Limits;

/// Word numbers levels 0–8.
const LEVELS: usize = 9;
/// How far `w:basedOn` chains are followed (they may loop in a broken file).
const MAX_STYLE_CHAIN: usize = 32;

/// A `w:numPr`: which list, which level. Either may be missing and come
/// from the paragraph's style.
#[derive(Debug, Clone, Default)]
pub(super) struct NumPr {
    pub num_id: Option<String>,
    pub ilvl: Option<usize>,
}

/// What follows a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    Tab,
    Space,
    Nothing,
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: Suffix,
    /// The paragraph style tied to this level (`w:lvl/w:pStyle`).
    style: Option<String>,
    /// `w:isLgl`: every level's number shown in decimal.
    legal: bool,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives in the list this style numbers.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    start_overrides: [Option<u32>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

/// The definitions of `word/numbering.xml`.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num: NumPr,
}

/// The paragraph styles of `word/styles.xml`, as far as numbering goes.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

fn level_index(e: &Elem<'_>) -> Option<usize> {
    e.attr(b"ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&l| l < LEVELS)
}

fn number(e: &Elem<'_>) -> Option<u32> {
    e.attr(b"val").and_then(|v| v.trim().parse().ok())
}

/// Reads a `w:numPr` whose start was just read.
pub(super) fn read_num_pr(xml: &mut Xml<'_>) -> Result<NumPr, Error> {
    let mut pr = NumPr::default();
    loop {
        match xml.next()? {
            Node::Start(e) => {
                if e.is(Ns::W, b"numId") {
                    pr.num_id = e.attr(b"val").map(|v| v.trim().to_string());
                } else if e.is(Ns::W, b"ilvl") {
                    pr.ilvl = e
                        .attr(b"val")
                        .and_then(|v| v.trim().parse().ok())
                        .filter(|&l| l < LEVELS);
                }
                xml.skip()?;
            }
            Node::End | Node::Eof => return Ok(pr),
            Node::Text(_) => {}
        }
    }
}

/// Reads a `w:lvl` whose start was just read.
fn read_level(xml: &mut Xml<'_>) -> Result<Level, Error> {
    let mut level = Level {
        start: 1,
        format: "decimal".into(),
        text: String::new(),
        suffix: Suffix::Tab,
        style: None,
        legal: false,
    };
    loop {
        match xml.next()? {
            Node::Start(e) => {
                if e.ns() == Ns::W {
                    match e.local() {
                        b"start" => level.start = number(&e).unwrap_or(1),
                        b"numFmt" => level.format = e.attr(b"val").unwrap_or_default(),
                        b"lvlText" => level.text = e.attr(b"val").unwrap_or_default(),
                        b"pStyle" => level.style = e.attr(b"val"),
                        b"isLgl" => level.legal = e.attr(b"val").is_none_or(|v| on(&v)),
                        b"suff" => {
                            level.suffix = match e.attr(b"val").as_deref() {
                                Some("space") => Suffix::Space,
                                Some("nothing") => Suffix::Nothing,
                                _ => Suffix::Tab,
                            }
                        }
                        _ => {}
                    }
                }
                xml.skip()?;
            }
            Node::End | Node::Eof => return Ok(level),
            Node::Text(_) => {}
        }
    }
}

/// An on/off property's value (`w:val` absent means on).
fn on(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

/// Parses `word/numbering.xml`.
pub(super) fn parse_numbering(
    bytes: &[u8],
    part: &str,
    limits: &Limits,
) -> Result<Numbering, Error> {
    let mut xml = Xml::new(bytes, part, limits);
    let mut numbering = Numbering::default();
    loop {
        match xml.next()? {
            Node::Start(e) if e.is(Ns::W, b"abstractNum") => {
                let id = e.attr(b"abstractNumId").unwrap_or_default();
                let mut def = Abstract::default();
                loop {
                    match xml.next()? {
                        Node::Start(c) if c.is(Ns::W, b"lvl") => {
                            let index = level_index(&c);
                            let level = read_level(&mut xml)?;
                            if let Some(i) = index {
                                def.levels[i] = Some(level);
                            }
                        }
                        Node::Start(c) => {
                            if c.is(Ns::W, b"numStyleLink") {
                                def.style_link = c.attr(b"val");
                            }
                            xml.skip()?;
                        }
                        Node::End | Node::Eof => break,
                        Node::Text(_) => {}
                    }
                }
                numbering.abstracts.insert(id, def);
            }
            Node::Start(e) if e.is(Ns::W, b"num") => {
                let id = e.attr(b"numId").unwrap_or_default();
                let num = read_num(&mut xml)?;
                numbering.nums.insert(id, num);
            }
            Node::Eof => return Ok(numbering),
            _ => {}
        }
    }
}

/// Reads a `w:num` whose start was just read.
fn read_num(xml: &mut Xml<'_>) -> Result<Num, Error> {
    let mut num = Num::default();
    loop {
        match xml.next()? {
            Node::Start(c) if c.is(Ns::W, b"abstractNumId") => {
                num.abstract_id = c.attr(b"val").unwrap_or_default();
                xml.skip()?;
            }
            Node::Start(c) if c.is(Ns::W, b"lvlOverride") => {
                let index = level_index(&c);
                loop {
                    match xml.next()? {
                        Node::Start(o) if o.is(Ns::W, b"startOverride") => {
                            if let Some(i) = index {
                                num.start_overrides[i] = number(&o);
                            }
                            xml.skip()?;
                        }
                        Node::Start(o) if o.is(Ns::W, b"lvl") => {
                            let level = read_level(xml)?;
                            if let Some(i) = index {
                                num.level_overrides[i] = Some(level);
                            }
                        }
                        Node::Start(_) => xml.skip()?,
                        Node::End | Node::Eof => break,
                        Node::Text(_) => {}
                    }
                }
            }
            Node::Start(_) => xml.skip()?,
            Node::End | Node::Eof => return Ok(num),
            Node::Text(_) => {}
        }
    }
}

/// Parses `word/styles.xml` for the paragraph styles' numbering.
pub(super) fn parse_styles(bytes: &[u8], part: &str, limits: &Limits) -> Result<Styles, Error> {
    let mut xml = Xml::new(bytes, part, limits);
    let mut styles = Styles::default();
    loop {
        match xml.next()? {
            Node::Start(e) if e.is(Ns::W, b"style") => {
                let paragraph = e.attr(b"type").is_none_or(|t| t == "paragraph");
                let default = e.attr(b"default").is_some_and(|v| v == "1" || v == "true");
                let id = e.attr(b"styleId").unwrap_or_default();
                let mut style = Style::default();
                loop {
                    match xml.next()? {
                        Node::Start(c) if c.is(Ns::W, b"basedOn") => {
                            style.based_on = c.attr(b"val");
                            xml.skip()?;
                        }
                        Node::Start(c) if c.is(Ns::W, b"pPr") => loop {
                            match xml.next()? {
                                Node::Start(p) if p.is(Ns::W, b"numPr") => {
                                    style.num = read_num_pr(&mut xml)?;
                                }
                                Node::Start(_) => xml.skip()?,
                                Node::End | Node::Eof => break,
                                Node::Text(_) => {}
                            }
                        },
                        Node::Start(_) => xml.skip()?,
                        Node::End | Node::Eof => break,
                        Node::Text(_) => {}
                    }
                }
                if paragraph {
                    if default {
                        styles.default_paragraph = Some(id.clone());
                    }
                    styles.styles.insert(id, style);
                }
            }
            Node::Eof => return Ok(styles),
            _ => {}
        }
    }
}

/// The numbering state of one document: definitions and running counters.
pub(super) struct Lists {
    numbering: Numbering,
    styles: Styles,
    /// Per list (`numId`): the current number at each level, `None` where
    /// the level has not been used since a shallower level moved on.
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Lists {
    /// Numbering state over these definitions.
    pub fn new(numbering: Numbering, styles: Styles) -> Self {
        Lists {
            numbering,
            styles,
            counters: HashMap::new(),
        }
    }

    /// The numbering a style gives, following `w:basedOn`.
    fn style_num(&self, style: &str) -> NumPr {
        let mut out = NumPr::default();
        let mut id = Some(style);
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(s) = id.and_then(|i| self.styles.styles.get(i)) else {
                break;
            };
            out.num_id = out.num_id.or_else(|| s.num.num_id.clone());
            out.ilvl = out.ilvl.or(s.num.ilvl);
            id = s.based_on.as_deref();
        }
        out
    }

    /// The levels of list `num_id`, following a `w:numStyleLink` once.
    fn levels(&self, num_id: &str) -> Option<(&Num, &[Option<Level>; LEVELS])> {
        let num = self.numbering.nums.get(num_id)?;
        let def = self.numbering.abstracts.get(&num.abstract_id)?;
        if let Some(link) = &def.style_link {
            let linked = self.style_num(link).num_id?;
            let target = self.numbering.nums.get(&linked)?;
            let levels = &self.numbering.abstracts.get(&target.abstract_id)?.levels;
            return Some((num, levels));
        }
        Some((num, &def.levels))
    }

    /// The label of a paragraph with numbering `direct` (its own `w:numPr`)
    /// and paragraph style `style`, advancing the counters. `None` when the
    /// paragraph is not numbered or its list shows no label (bullets).
    pub fn label(&mut self, direct: Option<&NumPr>, style: Option<&str>) -> Option<String> {
        let style = style.or(self.styles.default_paragraph.as_deref());
        let from_style = style.map(|s| self.style_num(s)).unwrap_or_default();
        let num_id = direct
            .and_then(|d| d.num_id.clone())
            .or(from_style.num_id)?;
        let (num, levels) = self.levels(&num_id)?;
        let ilvl = direct
            .and_then(|d| d.ilvl)
            .or(from_style.ilvl)
            .or_else(|| {
                // A style tied to a level numbers at that level.
                levels
                    .iter()
                    .position(|l| l.as_ref().is_some_and(|l| l.style.as_deref() == style))
            })
            .unwrap_or(0);
        let level_at = |i: usize| num.level_overrides[i].as_ref().or(levels[i].as_ref());
        let start_at = |i: usize| {
            num.start_overrides[i]
                .or_else(|| level_at(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let level = level_at(ilvl)?.clone();
        let starts: Vec<u32> = (0..LEVELS).map(start_at).collect();
        let formats: Vec<Option<String>> = (0..LEVELS)
            .map(|i| level_at(i).map(|l| l.format.clone()))
            .collect();

        let counters = self.counters.entry(num_id).or_insert([None; LEVELS]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(n) => n.saturating_add(1),
            None => starts[ilvl],
        });
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }

        if level.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let n = counters[i].unwrap_or(starts[i]);
                    let format = if level.legal {
                        "decimal"
                    } else {
                        formats[i].as_deref().unwrap_or("decimal")
                    };
                    label.push_str(&format_number(n, format));
                }
                _ => label.push(c),
            }
        }
        if label.is_empty() {
            return None;
        }
        // A label that ends in CJK punctuation (`一、`, `（一）`) reads
        // without a separator; `1.` and `A)` get a space for a tab.
        let cjk_end = label.chars().last().is_some_and(|c| !c.is_ascii());
        if level.suffix == Suffix::Space || (level.suffix == Suffix::Tab && !cjk_end) {
            label.push(' ');
        }
        Some(label)
    }
}

/// A number in a `w:numFmt` format. Formats not listed fall back on decimal.
pub(in crate::read) fn format_number(n: u32, format: &str) -> String {
    const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const CN_UNITS: [&str; 4] = ["", "十", "百", "千"];
    const LEGAL_DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
    const LEGAL_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
    match format {
        "none" => String::new(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => {
            let s = chinese(n, &CN_DIGITS, &CN_UNITS, "万");
            // 10–19 are written 十, 十一 …, not 一十.
            match s.strip_prefix("一十") {
                Some(rest) if (10..20).contains(&n) => format!("十{rest}"),
                _ => s,
            }
        }
        "chineseLegalSimplified" => chinese(n, &LEGAL_DIGITS, &LEGAL_UNITS, "万"),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| {
                ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
                    [d as usize - '0' as usize]
            })
            .collect(),
        "ideographTraditional" => cycle(
            n,
            &["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
        ),
        "ideographZodiac" => cycle(
            n,
            &[
                "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
            ],
        ),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            enclosed(n, &[(1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1)])
        }
        "decimalEnclosedFullstop" => enclosed(n, &[(1, 20, 0x2488)]),
        "decimalEnclosedParen" => enclosed(n, &[(1, 20, 0x2474)]),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(0xFF10 + (d as u32 - '0' as u32)))
            .collect(),
        _ => n.to_string(),
    }
}

/// Chinese numerals below 10⁸: digits with units, zeros collapsed (一百零一).
fn chinese(n: u32, digits: &[&str; 10], units: &[&str; 4], wan: &str) -> String {
    fn below_wan(n: u32, digits: &[&str; 10], units: &[&str; 4]) -> String {
        let mut out = String::new();
        let mut zero = false;
        for pos in (0..4).rev() {
            let d = (n / 10u32.pow(pos as u32) % 10) as usize;
            if d == 0 {
                zero = !out.is_empty();
            } else {
                if zero {
                    out.push_str(digits[0]);
                    zero = false;
                }
                out.push_str(digits[d]);
                out.push_str(units[pos]);
            }
        }
        out
    }
    match n {
        0 => digits[0].to_string(),
        1..=9_999 => below_wan(n, digits, units),
        10_000..=99_999_999 => {
            let (high, low) = (n / 10_000, n % 10_000);
            let mut out = below_wan(high, digits, units);
            out.push_str(wan);
            if low > 0 {
                if low < 1000 {
                    out.push_str(digits[0]);
                }
                out.push_str(&below_wan(low, digits, units));
            }
            out
        }
        _ => n.to_string(),
    }
}

fn cycle(n: u32, signs: &[&str]) -> String {
    match n.checked_sub(1) {
        Some(i) => signs[i as usize % signs.len()].to_string(),
        None => n.to_string(),
    }
}

/// A, B … Z, AA, BB … (Word repeats the letter).
fn letters(n: u32, base: u8) -> String {
    match n.checked_sub(1) {
        Some(i) => {
            let letter = char::from(base + (i % 26) as u8);
            let times = (i / 26 + 1).min(100) as usize;
            std::iter::repeat_n(letter, times).collect()
        }
        None => n.to_string(),
    }
}

fn roman(mut n: u32) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, sign) in TABLE {
        while n >= value {
            out.push_str(sign);
            n -= value;
        }
    }
    Some(out)
}

/// Enclosed numerals from Unicode ranges `(first, last, code point of first)`.
fn enclosed(n: u32, ranges: &[(u32, u32, u32)]) -> String {
    ranges
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&n))
        .and_then(|(lo, _, base)| char::from_u32(base + n - lo))
        .map_or_else(|| n.to_string(), String::from)
}
