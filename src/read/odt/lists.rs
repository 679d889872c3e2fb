//! Automatic list numbering of an OpenDocument text: the list styles
//! (`text:list-style`, in `styles.xml` and `content.xml`), the outline style
//! that numbers headings (`text:outline-style`, Word's heading numbering
//! once LibreOffice has read it), and the counters that turn a list item's
//! first paragraph or a heading into its label (`一、`, `（二）`, `1.2`). The
//! file holds no label text: a reader computes it.

use std::collections::HashMap;

use crate::error::Error;
use crate::options::Limits;
use crate::read::docx::numbering::format_number;
use crate::read::docx::xml::{Elem, Node, Ns, Xml};

/// ODF lists have ten levels.
const LEVELS: usize = 10;

/// The key of the outline style among the list styles (no list style's
/// name can be empty).
const OUTLINE: &str = "";

/// One level of a list style.
#[derive(Debug, Clone, Default)]
struct Level {
    /// The `w:numFmt` name of the number format; `None` for a bullet or an
    /// image, which show no label.
    format: Option<&'static str>,
    prefix: String,
    suffix: String,
    /// LibreOffice's whole label (`loext:num-list-format`, `%1%.%2%.`).
    template: Option<String>,
    start: u32,
    /// How many levels the label shows (`1.2` shows two).
    display: usize,
    /// `text:label-followed-by="nothing"`: no space after the label.
    nothing_after: bool,
}

/// The `w:numFmt` name of an ODF `style:num-format`.
fn format(odf: &str) -> Option<&'static str> {
    Some(match odf {
        "1" => "decimal",
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        "" => "none",
        "一, 二, 三, ..." => "chineseCounting",
        "壹, 贰, 叁, ..." => "chineseLegalSimplified",
        "〇, 一, 二, 三, ..." => "ideographDigital",
        "甲, 乙, 丙, ..." => "ideographTraditional",
        "子, 丑, 寅, ..." => "ideographZodiac",
        "①, ②, ③, ..." => "decimalEnclosedCircle",
        "１, ２, ３, ..." => "decimalFullWidth",
        _ => return None,
    })
}

/// The list styles of a document, by name.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, [Level; LEVELS]>,
}

impl Styles {
    /// Adds the list styles of one part (`styles.xml`, `content.xml`).
    pub fn read(&mut self, bytes: &[u8], part: &str, limits: &Limits) -> Result<(), Error> {
        let mut xml = Xml::new(bytes, part, limits);
        loop {
            match xml.next()? {
                Node::Start(e) if e.is(Ns::Text, b"list-style") => {
                    let name = e.attr(b"name").unwrap_or_default();
                    let levels = read_style(&mut xml)?;
                    if !name.is_empty() {
                        self.styles.insert(name, levels);
                    }
                }
                Node::Start(e) if e.is(Ns::Text, b"outline-style") => {
                    let levels = read_style(&mut xml)?;
                    self.styles.insert(OUTLINE.to_string(), levels);
                }
                Node::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

fn number(e: &Elem<'_>, local: &[u8]) -> Option<u32> {
    e.attr(local)?.trim().parse().ok()
}

/// Reads the levels of the `text:list-style` whose start was just read.
fn read_style(xml: &mut Xml<'_>) -> Result<[Level; LEVELS], Error> {
    let mut levels: [Level; LEVELS] = Default::default();
    loop {
        let e = match xml.next()? {
            Node::Start(e) => e,
            Node::End | Node::Eof => return Ok(levels),
            Node::Text(_) => continue,
        };
        let numbered =
            e.is(Ns::Text, b"list-level-style-number") || e.is(Ns::Text, b"outline-level-style");
        let index = number(&e, b"level").and_then(|l| usize::try_from(l).ok());
        let Some(slot) = index.and_then(|l| levels.get_mut(l.wrapping_sub(1))) else {
            xml.skip()?;
            continue;
        };
        *slot = Level {
            format: if numbered {
                format(e.attr(b"num-format").as_deref().unwrap_or("")).or(Some("decimal"))
            } else {
                None
            },
            prefix: e.attr(b"num-prefix").unwrap_or_default(),
            suffix: e.attr(b"num-suffix").unwrap_or_default(),
            template: e.attr(b"num-list-format").filter(|t| !t.is_empty()),
            start: number(&e, b"start-value").unwrap_or(1),
            display: number(&e, b"display-levels")
                .and_then(|d| usize::try_from(d).ok())
                .unwrap_or(1)
                .clamp(1, LEVELS),
            nothing_after: false,
        };
        // The label alignment, some levels down, says what follows the label.
        let mut open = 1usize;
        while open > 0 {
            match xml.next()? {
                Node::Start(p) => {
                    open += 1;
                    if p.attr(b"label-followed-by").as_deref() == Some("nothing") {
                        slot.nothing_after = true;
                    }
                }
                Node::End => open -= 1,
                Node::Eof => return Ok(levels),
                Node::Text(_) => {}
            }
        }
    }
}

/// An open `text:list`.
#[derive(Debug)]
struct Open {
    style: Option<String>,
}

/// The numbering state while the body is read.
#[derive(Debug, Default)]
pub(super) struct Lists {
    styles: Styles,
    /// The last number at each level, by list style (0: none yet).
    counters: HashMap<String, [u32; LEVELS]>,
    open: Vec<Open>,
    /// What numbers the next paragraph: the list item just opened whose
    /// first paragraph is not read yet, or a heading.
    pending: Option<Pending>,
}

#[derive(Debug)]
struct Pending {
    /// The list style (or [`OUTLINE`]).
    style: String,
    level: usize,
    /// `text:start-value`.
    start: Option<u32>,
}

impl Lists {
    pub fn new(styles: Styles) -> Self {
        Lists {
            styles,
            ..Lists::default()
        }
    }

    /// A `text:list` starts: its style is its own or its parent list's; an
    /// outermost list restarts the numbering unless it continues another.
    pub fn open_list(&mut self, e: &Elem<'_>) {
        let style = e
            .attr(b"style-name")
            .or_else(|| self.open.last().and_then(|o| o.style.clone()));
        let continues = e.attr(b"continue-numbering").as_deref() == Some("true")
            || e.attr(b"continue-list").is_some();
        if self.open.is_empty()
            && !continues
            && let Some(style) = &style
        {
            self.counters.remove(style);
        }
        self.open.push(Open { style });
    }

    pub fn close_list(&mut self) {
        self.open.pop();
        self.pending = None;
    }

    /// A `text:list-item` starts; `text:list-header` items have no number.
    pub fn open_item(&mut self, e: &Elem<'_>) {
        let style = self.open.last().and_then(|o| o.style.clone());
        self.pending = match style {
            Some(style) if e.is(Ns::Text, b"list-item") => Some(Pending {
                style,
                level: self.open.len().saturating_sub(1).min(LEVELS - 1),
                start: number(e, b"start-value"),
            }),
            _ => None,
        };
    }

    /// A `text:h` starts: outside a list, its `text:outline-level` numbers
    /// it with the outline style.
    pub fn heading(&mut self, e: &Elem<'_>) {
        if !self.open.is_empty() || e.attr(b"is-list-header").as_deref() == Some("true") {
            return;
        }
        let level = number(e, b"outline-level").and_then(|l| usize::try_from(l).ok());
        if let Some(level) = level.filter(|l| (1..=LEVELS).contains(l)) {
            let restart = e.attr(b"restart-numbering").as_deref() == Some("true");
            self.pending = Some(Pending {
                style: OUTLINE.to_string(),
                level: level - 1,
                start: number(e, b"start-value").or(restart.then_some(1)),
            });
        }
    }

    /// The label of a paragraph, advancing the counters when it is the
    /// first of a numbered list item; `None` for others and for bullets.
    pub fn label(&mut self) -> Option<String> {
        let Pending {
            style,
            level,
            start,
        } = self.pending.take()?;
        let levels = self.styles.styles.get(&style)?;
        let counters = self.counters.entry(style).or_insert([0; LEVELS]);
        counters[level] = match (start, counters[level]) {
            (Some(n), _) => n,
            (None, 0) => levels[level].start,
            (None, n) => n.saturating_add(1),
        };
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let this = &levels[level];
        this.format?;
        let shown = |i: usize| {
            let n = match counters[i] {
                0 => levels[i].start,
                n => n,
            };
            format_number(n, levels[i].format.unwrap_or("decimal"))
        };
        let mut label = String::new();
        match &this.template {
            Some(template) => {
                // `%N%` is level N's number; the rest is written as is.
                let mut rest = template.as_str();
                while let Some(at) = rest.find('%') {
                    label.push_str(&rest[..at]);
                    let after = &rest[at + 1..];
                    let digits = after.find('%').and_then(|end| {
                        let n: usize = after[..end].parse().ok()?;
                        Some((n, end))
                    });
                    match digits {
                        Some((n @ 1..=LEVELS, end)) => {
                            label.push_str(&shown(n - 1));
                            rest = &after[end + 1..];
                        }
                        _ => {
                            label.push('%');
                            rest = after;
                        }
                    }
                }
                label.push_str(rest);
            }
            None => {
                label.push_str(&this.prefix);
                let first = (level + 1).saturating_sub(this.display);
                let numbers: Vec<String> = (first..=level).map(shown).collect();
                label.push_str(&numbers.join("."));
                label.push_str(&this.suffix);
            }
        }
        if label.is_empty() {
            return None;
        }
        // As in a docx: a label ending in CJK punctuation (`一、`) reads
        // without a separator, `1.` with a space, unless nothing follows.
        let cjk_end = label.chars().last().is_some_and(|c| !c.is_ascii());
        if !this.nothing_after && !cjk_end {
            label.push(' ');
        }
        Some(label)
    }
}
