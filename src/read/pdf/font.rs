//! Fonts: character codes of a shown string → Unicode text and glyph widths.
//!
//! The `/ToUnicode` CMap decides when there is one (LibreOffice and Word
//! write one for every font, the subset CJK fonts included, whose codes mean
//! nothing without it); a simple font without one falls back to its
//! `/Encoding` (WinAnsi, Standard, MacRoman, `/Differences`) as lopdf reads
//! it; a Type0 font without one reads only under a UCS-2/UTF-16 CMap.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::Budget;
use crate::error::Error;

/// The most entries one CMap range may add: a `bfrange` of 0x0000–0xFFFF is
/// legal, a larger one is hostile.
const MAX_RANGE: u32 = 0x1_0000;

/// The most entries a CMap or a `/W` array may write in all (overlapping
/// ranges written again and again would otherwise cost without end): four
/// times every two-byte code.
const MAX_ENTRIES: usize = 4 * MAX_RANGE as usize;

/// The longest destination of a CMap entry read, in bytes (the spec's limit
/// is 512; real ones hold a character or a ligature).
const MAX_DESTINATION: usize = 64;

/// A font as the text extractor needs it.
pub(super) struct Font {
    /// Type0 fonts use two-byte codes (Identity-H and the UCS-2 CMaps); simple fonts one.
    two_byte: bool,
    to_unicode: HashMap<u32, String>,
    /// Codes read as UTF-16 when there is no `/ToUnicode` (UniGB-UCS2-H …).
    ucs2: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// One code of a string: its text (possibly empty) and advance in text space units/1000.
pub(super) struct Glyph {
    pub text: String,
    pub width: f32,
    /// A single-byte code 32, to which word spacing (`Tw`) applies.
    pub is_space: bool,
}

impl Font {
    /// Reads a font; its CMap is decoded within the budget.
    pub(super) fn load(
        doc: &Document,
        dict: &Dictionary,
        budget: &mut Budget,
    ) -> Result<Font, Error> {
        let two_byte = name_of(dict, b"Subtype", doc) == Some(b"Type0".as_slice());
        let cmap = deref(dict.get(b"ToUnicode").ok(), doc);
        let to_unicode = match cmap {
            Some(Object::Stream(s)) => parse_cmap(&budget.decode(s)?),
            _ => HashMap::new(),
        };
        let encoding = name_of(dict, b"Encoding", doc).unwrap_or_default();
        let ucs2 = two_byte && (encoding.ends_with(b"UCS2-H") || encoding.ends_with(b"UTF16-H"));
        let mut font = Font {
            two_byte,
            to_unicode,
            ucs2,
            widths: HashMap::new(),
            default_width: 1000.0,
        };
        if two_byte {
            font.cid_widths(dict, doc);
        } else {
            font.simple_widths(dict, doc);
            // Without a CMap the font's own encoding tells, decoded for all
            // 256 codes up front.
            if cmap.is_none() {
                font.load_fallback(dict, doc, budget.next())?;
            }
        }
        Ok(font)
    }

    fn simple_widths(&mut self, dict: &Dictionary, doc: &Document) {
        let first = deref(dict.get(b"FirstChar").ok(), doc)
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        if let Some(Object::Array(widths)) = deref(dict.get(b"Widths").ok(), doc) {
            for (i, w) in widths.iter().enumerate().take(256) {
                if let Some(w) = number(deref(Some(w), doc)) {
                    self.widths.insert((first as u32).wrapping_add(i as u32), w);
                }
            }
        }
        // Simple fonts without widths are the standard 14; half an em is a fair guess.
        self.default_width = 500.0;
    }

    fn cid_widths(&mut self, dict: &Dictionary, doc: &Document) {
        let Some(Object::Array(descendants)) = deref(dict.get(b"DescendantFonts").ok(), doc) else {
            return;
        };
        let Some(Object::Dictionary(cid)) = deref(descendants.first(), doc) else {
            return;
        };
        if let Some(w) = number(deref(cid.get(b"DW").ok(), doc)) {
            self.default_width = w;
        }
        let Some(Object::Array(w)) = deref(cid.get(b"W").ok(), doc) else {
            return;
        };
        // `c [w1 w2 …]` or `c_first c_last w`.
        let mut i = 0;
        let mut written = 0;
        while i < w.len() && written < MAX_ENTRIES {
            let Some(start) = number(deref(w.get(i), doc)) else {
                break;
            };
            match deref(w.get(i + 1), doc) {
                Some(Object::Array(list)) => {
                    for (k, v) in list.iter().enumerate().take(MAX_RANGE as usize) {
                        if let Some(v) = number(deref(Some(v), doc)) {
                            self.widths.insert((start as u32).wrapping_add(k as u32), v);
                        }
                    }
                    written += list.len().min(MAX_RANGE as usize) + 1;
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(v)) =
                        (number(Some(last)), number(deref(w.get(i + 2), doc)))
                    else {
                        break;
                    };
                    let (start, last) = (start as u32, last as u32);
                    for c in start..=last.min(start.saturating_add(MAX_RANGE)) {
                        self.widths.insert(c, v);
                    }
                    written += last.saturating_sub(start).min(MAX_RANGE) as usize + 1;
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_fallback(
        &mut self,
        dict: &Dictionary,
        doc: &Document,
        limit: usize,
    ) -> Result<(), Error> {
        let encoding = match dict.get_font_encoding_with_limit(doc, limit) {
            Ok(encoding) => encoding,
            // Over the limit is an error; an unreadable encoding only loses characters.
            Err(e) => return super::too_large(&e, limit).map_or(Ok(()), Err),
        };
        for code in 0u32..256 {
            if let Ok(s) = encoding.bytes_to_string(&[code as u8])
                && !s.is_empty()
                && !s.contains('\u{FFFD}')
            {
                self.to_unicode.insert(code, s);
            }
        }
        Ok(())
    }

    /// The glyphs of a shown string.
    pub(super) fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|c| {
                let code = c.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
                let text = match self.to_unicode.get(&code) {
                    Some(t) => t.clone(),
                    None if self.ucs2 => char::from_u32(code).map(String::from).unwrap_or_default(),
                    None => String::new(),
                };
                Glyph {
                    text,
                    width: self
                        .widths
                        .get(&code)
                        .copied()
                        .unwrap_or(self.default_width),
                    is_space: !self.two_byte && code == 32,
                }
            })
            .collect()
    }
}

fn deref<'a>(object: Option<&'a Object>, doc: &'a Document) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, o)| o)
}

fn name_of<'a>(dict: &'a Dictionary, key: &[u8], doc: &'a Document) -> Option<&'a [u8]> {
    deref(dict.get(key).ok(), doc)?.as_name().ok()
}

fn number(object: Option<&Object>) -> Option<f32> {
    match object? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The code → text pairs of a ToUnicode CMap's `bfchar` and `bfrange` sections.
/// Unreadable pieces are skipped: a damaged CMap loses characters, not the page.
pub(super) fn parse_cmap(data: &[u8]) -> HashMap<u32, String> {
    let tokens = tokenize(data);
    let mut map = HashMap::new();
    let mut i = 0;
    let mut written = 0;
    while i < tokens.len() && written < MAX_ENTRIES {
        match tokens[i] {
            Token::Word(b"beginbfchar") => {
                i += 1;
                while let (Some(Token::Hex(src)), Some(Token::Hex(dst)), true) =
                    (tokens.get(i), tokens.get(i + 1), written < MAX_ENTRIES)
                {
                    if let Some(code) = code_of(src) {
                        map.insert(code, utf16(dst));
                    }
                    written += 1;
                    i += 2;
                }
            }
            Token::Word(b"beginbfrange") => {
                i += 1;
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), true) =
                    (tokens.get(i), tokens.get(i + 1), written < MAX_ENTRIES)
                {
                    let (Some(lo), Some(hi)) = (code_of(lo), code_of(hi)) else {
                        break;
                    };
                    let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
                    written += hi.saturating_sub(lo) as usize + 1;
                    match tokens.get(i + 2) {
                        // lo hi <dst>: consecutive codes, the last UTF-16 unit counting up.
                        Some(Token::Hex(dst)) => {
                            let mut units = units(dst);
                            for code in lo..=hi {
                                map.insert(code, String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        // lo hi [<dst1> <dst2> …]: one destination per code.
                        Some(Token::Open) => {
                            let mut j = i + 3;
                            let mut code = lo;
                            while let Some(Token::Hex(dst)) = tokens.get(j) {
                                if code <= hi {
                                    map.insert(code, utf16(dst));
                                }
                                code = code.saturating_add(1);
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

fn code_of(hex: &[u8]) -> Option<u32> {
    (hex.len() <= 4).then(|| hex.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)))
}

/// The UTF-16 units of a destination: a character or a ligature's few, so
/// no more than [`MAX_DESTINATION`] bytes are read.
fn units(bytes: &[u8]) -> Vec<u16> {
    bytes[..bytes.len().min(MAX_DESTINATION)]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&units(bytes))
}

enum Token<'a> {
    Word(&'a [u8]),
    Hex(Vec<u8>),
    Open,
    Other,
}

/// CMap syntax, as far as the bf sections need it: words, `<hex>`, `[`, the rest.
fn tokenize(data: &[u8]) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
                    .collect();
                tokens.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .unwrap_or(data.len() - i);
            }
            _ if b.is_ascii_alphabetic() => {
                let end = data[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(data.len(), |p| i + p);
                tokens.push(Token::Word(&data[i..end]));
                i = end;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                tokens.push(Token::Other);
                i += 1;
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_both_bfrange_forms() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<01> <4F1A>\n<0002> <D83DDE00>\nendbfchar\n\
            2 beginbfrange\n<10> <12> <0041>\n<20> <21> [<8BAE> <7EAA>]\nendbfrange\nend";
        let map = parse_cmap(cmap);
        assert_eq!(map[&1], "会");
        assert_eq!(map[&2], "😀");
        assert_eq!(map[&0x12], "C");
        assert_eq!(map[&0x21], "纪");
        assert_eq!(map.len(), 7);
    }

    #[test]
    fn a_huge_bfrange_is_capped() {
        let map = parse_cmap(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(map.len(), MAX_RANGE as usize);
    }

    #[test]
    fn overlapping_ranges_stop_at_the_entry_cap() {
        let range = format!("<0000> <FFFF> <{}>\n", "0041".repeat(100));
        let cmap = format!("9 beginbfrange\n{}endbfrange", range.repeat(100));
        let start = std::time::Instant::now();
        let map = parse_cmap(cmap.as_bytes());
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(map.len(), MAX_RANGE as usize);
        // Each destination is cut to 32 UTF-16 units.
        assert_eq!(map[&0], "A".repeat(32));
    }
}
