//! Plain text: finding the encoding, decoding, and lines as paragraphs.
//!
//! Decoding, in order:
//!
//! 1. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
//! 2. valid UTF-8 is always UTF-8, borrowed without a copy;
//! 3. otherwise the candidates are the encoding the caller was told (an HTML
//!    `<meta charset>`), chardetng's guess (on the first 64 KiB; no TLD, UTF-8
//!    not allowed), GBK,
//!    Big5 and UTF-8, in that order. The first that decodes without a single
//!    malformed sequence wins; failing that, the one with the fewest (which
//!    rescues a wrong guess, and UTF-8 files with a few broken bytes). For a
//!    short input (up to [`SHORT_NON_ASCII`] non-ASCII bytes) that chardetng
//!    takes for neither GBK nor Big5, the guess is replaced by whichever of the
//!    two decodes it cleanly, settled by byte ranges when both do
//!    ([`short_chinese`]);
//! 4. if even the best candidate has more than one malformed sequence in
//!    [`MAX_MALFORMED_SHARE`] characters, the input is undecodable.
//!
//! Lines are paragraphs: split at any line break (`\n`, `\r\n`, `\r`, vertical
//! tab, form feed, NEL, U+2028, U+2029), trimmed of whitespace (including the
//! U+3000 indentation of Chinese paragraphs) but not of tabs, which separate the
//! cells of a table row whose first or last cells are empty; a line with nothing
//! but whitespace and tabs is dropped.

use std::borrow::Cow;
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8};

use super::{Block, Document, Format};
use crate::error::{Error, Result};

/// One malformed sequence in this many characters is the most a decoding may have.
const MAX_MALFORMED_SHARE: usize = 50;

/// Up to this many non-ASCII bytes, chardetng often takes Chinese for Korean,
/// Japanese or a single-byte encoding (half the time for one character, still
/// one time in a thousand for fifteen); longer inputs it reads reliably.
const SHORT_NON_ASCII: usize = 64;

/// How much of the input chardetng sees: it reads about a megabyte a second,
/// and a few thousand Chinese characters settle its guess.
const DETECTION_SAMPLE: usize = 64 * 1024;

/// Text decoded from bytes, and the name of the encoding it was in.
pub(super) struct Decoded<'a> {
    pub(super) text: Cow<'a, str>,
    pub(super) encoding: &'static str,
}

/// Decodes `bytes` as described in the module documentation. `declared` is an
/// encoding the input itself names; it is tried first after the BOM and UTF-8.
pub(super) fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
    path: Option<&Path>,
) -> Result<Decoded<'a>> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return checked(text, encoding.name(), path);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
        });
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // A prefix is fed as not the last buffer, so a character cut at its end
    // does not count against any encoding (chardetng's documented use).
    let sample = &bytes[..bytes.len().min(DETECTION_SAMPLE)];
    detector.feed(sample, sample.len() == bytes.len());
    let mut guess = detector.guess(None, Utf8Detection::Deny);
    // chardetng is unsure on short inputs, between GBK and Big5 too (Big5
    // `務鎮務匯部不區區` reads as GBK with a kana in it): byte ranges decide.
    if declared.is_none()
        && bytes
            .iter()
            .filter(|b| !b.is_ascii())
            .take(SHORT_NON_ASCII + 1)
            .count()
            <= SHORT_NON_ASCII
    {
        guess = short_chinese(bytes).unwrap_or(guess);
    }
    let first = declared.unwrap_or(guess);
    let mut best = attempt(bytes, first);
    let mut tried = vec![first];
    for encoding in [guess, GBK, BIG5, UTF_8] {
        if best.malformed == 0 {
            break;
        }
        if tried.contains(&encoding) {
            continue;
        }
        tried.push(encoding);
        let next = attempt(bytes, encoding);
        if next.malformed < best.malformed {
            best = next;
        }
    }
    let Attempt { text, encoding, .. } = best;
    let name = if encoding == GBK && has_four_byte_gb18030(bytes) {
        GB18030.name()
    } else {
        encoding.name()
    };
    checked(text, name, path)
}

/// Refuses a decoding with too many malformed sequences.
fn checked<'a>(
    text: Cow<'a, str>,
    encoding: &'static str,
    path: Option<&Path>,
) -> Result<Decoded<'a>> {
    let malformed = count_replacements(&text);
    if malformed > 0 && malformed * MAX_MALFORMED_SHARE > text.chars().count() {
        return Err(Error::UndecodableText {
            path: path.map(Path::to_path_buf),
            reason: format!(
                "{malformed} malformed byte sequences in {} characters even as {encoding}, the best guess",
                text.chars().count()
            ),
        });
    }
    Ok(Decoded { text, encoding })
}

/// GBK or Big5 for a short input that decodes cleanly in either: when both
/// do, the one in whose common range more of the two-byte pairs fall. A
/// simplified text in GBK lies in GB2312's punctuation and characters (leads
/// 0xA1–0xA3 and 0xB0–0xF7, trail 0xA1–0xFE), of which
/// Big5's symbols and frequent characters (lead 0xA1–0xC6) hold only some
/// leads; a traditional text in Big5 has many trail bytes 0x40–0x7E, outside
/// GB2312. A tie goes to GBK, the more common of the two.
fn short_chinese(bytes: &[u8]) -> Option<&'static Encoding> {
    let clean = |encoding: &'static Encoding| {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    };
    match (clean(GBK), clean(BIG5)) {
        (true, true) => {
            let (mut gb2312, mut big5_common) = (0usize, 0usize);
            let mut i = 0;
            while i + 1 < bytes.len() {
                let (lead, trail) = (bytes[i], bytes[i + 1]);
                if lead.is_ascii() {
                    i += 1;
                    continue;
                }
                let high_trail = (0xA1..=0xFE).contains(&trail);
                // GB2312's punctuation and full-width rows (0xA1–0xA3) and its
                // characters (0xB0–0xF7), not the kana, Greek, Cyrillic and box
                // rows between them that Chinese text hardly uses.
                let gb_lead = matches!(lead, 0xA1..=0xA3 | 0xB0..=0xF7);
                gb2312 += usize::from(gb_lead && high_trail);
                big5_common += usize::from(
                    (0xA1..=0xC6).contains(&lead) && (high_trail || (0x40..=0x7E).contains(&trail)),
                );
                i += 2;
            }
            Some(if gb2312 >= big5_common { GBK } else { BIG5 })
        }
        (true, false) => Some(GBK),
        (false, true) => Some(BIG5),
        (false, false) => None,
    }
}

/// One candidate decoding.
struct Attempt<'a> {
    malformed: usize,
    text: Cow<'a, str>,
    encoding: &'static Encoding,
}

fn attempt<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Attempt<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let malformed = if had_errors {
        count_replacements(&text)
    } else {
        0
    };
    Attempt {
        malformed,
        text,
        encoding,
    }
}

fn count_replacements(text: &str) -> usize {
    text.chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count()
}

/// True when GBK-decodable bytes use GB18030's four-byte sequences (a lead
/// byte followed by an ASCII digit), which plain GBK does not have.
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x81..=0xFE => match bytes.get(i + 1) {
                Some(b'0'..=b'9') => return true,
                _ => i += 2,
            },
            _ => i += 1,
        }
    }
    false
}

/// The document of a decoded plain text: one paragraph per non-blank line.
pub(super) fn read_str(text: &str, encoding: &'static str) -> Document {
    Document {
        format: Format::Text,
        encoding: Some(encoding),
        title: None,
        blocks: paragraphs(text),
        created: None,
        filled_tables: Vec::new(),
    }
}

fn paragraphs(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text
        .split([
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
        .map(|line| {
            line.trim_matches(|c: char| (c.is_whitespace() && c != '\t') || c == '\u{FEFF}')
        })
        .filter(|line| !line.trim_matches('\t').is_empty())
        .collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let cells = columns(lines[i]);
        let run = match &cells {
            Some(first) => lines[i + 1..]
                .iter()
                .take_while(|l| columns(l).is_some_and(|c| c.len() == first.len()))
                .count(),
            None => 0,
        };
        if let Some(first) = cells
            && run >= 1
        {
            let mut rows = vec![first];
            rows.extend(lines[i + 1..=i + run].iter().filter_map(|l| columns(l)));
            blocks.push(Block::Table(rows));
            i += run + 1;
        } else {
            blocks.push(Block::Paragraph(lines[i].to_owned()));
            i += 1;
        }
    }
    blocks
}

/// The cells of a line laid out in columns: three or more, parted by runs of two or
/// more spaces (or an ideographic space), as text renderings of tables write rows
/// (`序号  事项  负责人  完成时间`). A line holding a tab or a sentence mark is prose.
fn columns(line: &str) -> Option<Vec<String>> {
    if line.contains(['\t', '。', '，', '；']) {
        return None;
    }
    let mut cells = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let gap = gap_at(rest);
        let (cell, after) = match gap {
            Some((at, len)) => (&rest[..at], &rest[at + len..]),
            None => (rest, ""),
        };
        cells.push(cell.trim().to_owned());
        rest = after;
    }
    (cells.len() >= 3 && cells.iter().all(|c| !c.is_empty())).then_some(cells)
}

/// The first run of two or more spaces, or of ideographic spaces, in `s`: (start, length).
fn gap_at(s: &str) -> Option<(usize, usize)> {
    let mut start = None;
    for (i, c) in s.char_indices() {
        let blank = c == ' ' || c == '\u{3000}';
        match (blank, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                let run = &s[st..i];
                if run.len() >= 2 || run.contains('\u{3000}') {
                    return Some((st, i - st));
                }
                start = None;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_laid_out_in_columns_are_read_as_a_table() {
        let text = "待办事项：\n序号  事项  负责人  完成时间\n1  机房扩容  韩立  6月30日\n\
                    2　　宣贯培训　　邓佳　　7月15日\n会议要求，各部门  抓好落实。\n";
        let blocks = paragraphs(text);
        assert_eq!(
            blocks,
            [
                Block::Paragraph("待办事项：".into()),
                Block::Table(vec![
                    vec![
                        "序号".into(),
                        "事项".into(),
                        "负责人".into(),
                        "完成时间".into()
                    ],
                    vec![
                        "1".into(),
                        "机房扩容".into(),
                        "韩立".into(),
                        "6月30日".into()
                    ],
                    vec![
                        "2".into(),
                        "宣贯培训".into(),
                        "邓佳".into(),
                        "7月15日".into()
                    ],
                ]),
                Block::Paragraph("会议要求，各部门  抓好落实。".into()),
            ]
        );
    }

    #[test]
    fn a_single_line_in_columns_or_words_parted_by_one_space_stay_prose() {
        let text = "主持人  周建国  记录人  赵敏\n参加人员：总经理 吴海波 副总经理 钱志强\n";
        let blocks = paragraphs(text);
        assert_eq!(
            blocks,
            [
                Block::Paragraph("主持人  周建国  记录人  赵敏".into()),
                Block::Paragraph("参加人员：总经理 吴海波 副总经理 钱志强".into()),
            ]
        );
    }
}
