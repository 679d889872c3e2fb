//! Automatic numbering: the list definitions (`PlfLst`, with their `LVL`s)
//! and overrides (`PlfLfo`) of the table stream, and the label each
//! numbered paragraph shows, rendered as the docx reader renders them.
//!
//! Lists are a hint for the text: a table that does not parse gives no
//! labels, not an error. Numbering given only by a paragraph style, and the
//! start-at overrides of an `LFO`, are not read.

use std::collections::HashMap;

use super::fib::{Fib, u16_at, u32_at};
use super::pieces::slice;
use crate::read::docx::numbering::format_number;

/// Levels of a list; a simple list has one.
const LEVELS: usize = 9;
/// `LSTF`, `LVLF` and `LFO` sizes.
const LSTF_SIZE: usize = 28;
const LVLF_SIZE: usize = 28;
const LFO_SIZE: usize = 16;
/// `LSTF` flag: one level only.
const F_SIMPLE_LIST: u8 = 0x01;
/// `LVLF` flag: all numbers of the label in Arabic digits (`fLegal`).
const F_LEGAL: u8 = 0x04;
/// `nfc` of a bullet.
const NFC_BULLET: u8 = 0x17;
/// More lists than a document has are not read.
const MAX_LISTS: usize = 4096;

/// One level of a list.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    nfc: u8,
    legal: bool,
    /// `ixchFollow`: 0 a tab, 1 a space, 2 nothing after the label.
    follow: u8,
    /// The label's text: characters below 9 stand for that level's number.
    text: Vec<u16>,
}

/// The lists of a document and the counters of those in use.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// Each list's levels by its `lsid`.
    lists: HashMap<i32, Vec<Level>>,
    /// The `lsid` of each override; a paragraph's `ilfo` is 1-based here.
    overrides: Vec<i32>,
    /// The current number at each level, by `ilfo` (as the docx reader
    /// counts by `w:numId`).
    counters: HashMap<u16, [Option<u32>; LEVELS]>,
}

impl Lists {
    pub fn read(table: &[u8], fib: &Fib) -> Lists {
        let Some(((fc_lst, lcb_lst), (fc_lfo, lcb_lfo))) = fib.lists else {
            return Lists::default();
        };
        let (Some(lst), Some(lfo)) = (slice(table, fc_lst, lcb_lst), slice(table, fc_lfo, lcb_lfo))
        else {
            return Lists::default();
        };
        let mut lists = HashMap::new();
        let count = usize::from(u16_at(lst, 0).unwrap_or(0)).min(MAX_LISTS);
        // The LVLs follow the LSTFs in the table stream, one after the other.
        let mut at = (fc_lst as usize).saturating_add(2 + LSTF_SIZE * count);
        for i in 0..count {
            let Some(lstf) = lst.get(2 + LSTF_SIZE * i..2 + LSTF_SIZE * (i + 1)) else {
                break;
            };
            let lsid = u32_at(lstf, 0).unwrap_or(0) as i32;
            let n = if lstf[26] & F_SIMPLE_LIST != 0 {
                1
            } else {
                LEVELS
            };
            let mut levels = Vec::with_capacity(n);
            for _ in 0..n {
                let Some((level, next)) = read_level(table, at) else {
                    return Lists {
                        lists,
                        ..Lists::default()
                    };
                };
                levels.push(level);
                at = next;
            }
            lists.insert(lsid, levels);
        }
        let lfo_count = (u32_at(lfo, 0).unwrap_or(0) as usize).min(MAX_LISTS);
        let overrides = (0..lfo_count)
            .map_while(|i| u32_at(lfo, 4 + LFO_SIZE * i).map(|id| id as i32))
            .collect();
        Lists {
            lists,
            overrides,
            counters: HashMap::new(),
        }
    }

    /// The label of a paragraph numbered by override `ilfo` at level
    /// `ilvl`, advancing the counters. `None` when the paragraph is not
    /// numbered or its level shows no label (bullets).
    pub fn label(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        // 0 is no list; 0xF801 (-2047) says so against a style's list.
        let lsid = *self.overrides.get(usize::from(ilfo).checked_sub(1)?)?;
        let levels = self.lists.get(&lsid)?;
        let ilvl = usize::from(ilvl).min(levels.len() - 1);
        let level = &levels[ilvl];
        let counters = self.counters.entry(ilfo).or_insert([None; LEVELS]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(n) => n.saturating_add(1),
            None => level.start,
        });
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        if level.nfc == NFC_BULLET {
            return None;
        }
        let mut label = String::new();
        for c in char::decode_utf16(level.text.iter().copied()) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            let i = c as usize;
            if i >= LEVELS {
                label.push(c);
            } else if let Some(shown) = levels.get(i) {
                // A placeholder: that level's number (a level the list lacks shows nothing).
                let n = counters[i].unwrap_or(shown.start);
                let format = if level.legal {
                    "decimal"
                } else {
                    nfc_format(shown.nfc)
                };
                label.push_str(&format_number(n, format));
            }
        }
        if label.is_empty() {
            return None;
        }
        // As in a docx: a label ending in CJK punctuation (`一、`, `（一）`)
        // reads without a separator; `1.` and `A)` get a space for a tab.
        let cjk_end = label.chars().last().is_some_and(|c| !c.is_ascii());
        if level.follow == 1 || (level.follow == 0 && !cjk_end) {
            label.push(' ');
        }
        Some(label)
    }
}

/// The `LVL` at `at` of the table stream, and where the next one starts:
/// an `LVLF`, its paragraph and character properties, then the label text
/// (a 2-byte count of UTF-16 units).
fn read_level(table: &[u8], at: usize) -> Option<(Level, usize)> {
    let lvlf = table.get(at..at.checked_add(LVLF_SIZE)?)?;
    let grpprls = usize::from(lvlf[24]) + usize::from(lvlf[25]);
    let xst = at + LVLF_SIZE + grpprls;
    let cch = usize::from(u16_at(table, xst)?);
    let text = table
        .get(xst + 2..xst + 2 + 2 * cch)?
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]))
        .collect();
    let level = Level {
        start: u32_at(lvlf, 0)?,
        nfc: lvlf[4],
        legal: lvlf[5] & F_LEGAL != 0,
        follow: lvlf[15],
        text,
    };
    Some((level, xst + 2 + 2 * cch))
}

/// The `w:numFmt` name of an `nfc` ([MS-DOC] 2.9.xx, [MS-OSHARED] MSONFC),
/// for the docx reader's number formats.
fn nfc_format(nfc: u8) -> &'static str {
    match nfc {
        0x01 => "upperRoman",
        0x02 => "lowerRoman",
        0x03 => "upperLetter",
        0x04 => "lowerLetter",
        0x0A => "ideographDigital",
        0x0B => "japaneseCounting",
        0x0E | 0x13 => "decimalFullWidth",
        0x11 => "japaneseDigitalTenThousand",
        0x12 => "decimalEnclosedCircle",
        0x16 => "decimalZero",
        0x1A => "decimalEnclosedFullstop",
        0x1B => "decimalEnclosedParen",
        0x1C => "decimalEnclosedCircleChinese",
        0x1E => "ideographTraditional",
        0x1F => "ideographZodiac",
        0x21 => "taiwaneseCounting",
        0x23 => "taiwaneseCountingThousand",
        0x24 => "taiwaneseDigital",
        0x25 => "chineseCounting",
        0x26 => "chineseLegalSimplified",
        0x27 => "chineseCountingThousand",
        0xFF => "none",
        _ => "decimal",
    }
}
