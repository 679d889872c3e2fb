//! The `\x05SummaryInformation` property set: the document's title and
//! created date. They are hints: a stream that does not parse gives none,
//! not an error.

use chrono::{DateTime, NaiveDate};
use encoding_rs::Encoding;

use super::fib::{u16_at, u32_at};

pub(super) const STREAM: &str = "/\u{5}SummaryInformation";

/// `PIDSI_CODEPAGE`, `PIDSI_TITLE` and `PIDSI_CREATE_DTM`.
const PID_CODEPAGE: u32 = 0x01;
const PID_TITLE: u32 = 0x02;
const PID_CREATE_DTM: u32 = 0x0C;
/// Property types: a 16-bit integer, a string in the code page, a UTF-16
/// string, a FILETIME (100-nanosecond intervals since 1601-01-01 UTC).
const VT_I2: u32 = 0x02;
const VT_LPSTR: u32 = 0x1E;
const VT_LPWSTR: u32 = 0x1F;
const VT_FILETIME: u32 = 0x40;
/// Seconds from 1601-01-01 to 1970-01-01.
const FILETIME_EPOCH_SECS: i64 = 11_644_473_600;
/// More properties than a summary has are not looked through.
const MAX_PROPERTIES: u32 = 4096;

/// What the summary information tells.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Summary {
    pub title: Option<String>,
    pub created: Option<NaiveDate>,
}

/// Reads the first section of a property set stream.
pub(super) fn read(stream: &[u8]) -> Summary {
    let Some(section) = Section::first(stream) else {
        return Summary::default();
    };
    Summary {
        title: section.title(),
        created: section.created(),
    }
}

struct Section<'a> {
    /// The stream from the section's start, where property offsets count from.
    bytes: &'a [u8],
}

impl<'a> Section<'a> {
    /// PropertySetStream: byte order 0xFFFE, the number of sections at 24,
    /// the first section's FMTID and offset at 28 and 44.
    fn first(stream: &'a [u8]) -> Option<Section<'a>> {
        if u16_at(stream, 0)? != 0xFFFE || u32_at(stream, 24)? == 0 {
            return None;
        }
        let start = usize::try_from(u32_at(stream, 44)?).ok()?;
        Some(Section {
            bytes: stream.get(start..)?,
        })
    }

    /// The type and value bytes of property `id`.
    fn property(&self, id: u32) -> Option<(u32, &'a [u8])> {
        let count = u32_at(self.bytes, 4)?.min(MAX_PROPERTIES) as usize;
        // After the size and the count, each property's id and offset.
        let offset = (0..count)
            .map_while(|i| {
                Some((
                    u32_at(self.bytes, 8 + 8 * i)?,
                    u32_at(self.bytes, 12 + 8 * i)?,
                ))
            })
            .find(|(pid, _)| *pid == id)?
            .1;
        let at = usize::try_from(offset).ok()?;
        Some((
            u32_at(self.bytes, at)?,
            self.bytes.get(at.checked_add(4)?..)?,
        ))
    }

    /// The UTC date of the creation time; 0 (never set) is no date.
    fn created(&self) -> Option<NaiveDate> {
        let (VT_FILETIME, value) = self.property(PID_CREATE_DTM)? else {
            return None;
        };
        let filetime = u64::from(u32_at(value, 4)?) << 32 | u64::from(u32_at(value, 0)?);
        if filetime == 0 {
            return None;
        }
        let secs = i64::try_from(filetime / 10_000_000).ok()? - FILETIME_EPOCH_SECS;
        DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
    }

    /// The title, trimmed, when not empty.
    fn title(&self) -> Option<String> {
        let (kind, value) = self.property(PID_TITLE)?;
        let len = usize::try_from(u32_at(value, 0)?).ok()?;
        let text = match kind {
            VT_LPSTR => {
                let bytes = value.get(4..4usize.checked_add(len)?)?;
                let (text, _) = self.encoding()?.decode_without_bom_handling(bytes);
                text.into_owned()
            }
            VT_LPWSTR => {
                let bytes = value.get(4..4usize.checked_add(len.checked_mul(2)?)?)?;
                let units = bytes
                    .chunks_exact(2)
                    .map(|u| u16::from_le_bytes([u[0], u[1]]));
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect()
            }
            _ => return None,
        };
        Some(
            text.trim_matches(|c: char| c == '\0' || c.is_whitespace())
                .to_string(),
        )
        .filter(|t| !t.is_empty())
    }

    /// The encoding of the section's 8-bit strings, by its code page; code
    /// pages other than the Chinese ones, UTF-8 and Windows-1252 give no title.
    fn encoding(&self) -> Option<&'static Encoding> {
        let (VT_I2, value) = self.property(PID_CODEPAGE)? else {
            return None;
        };
        Some(match u16_at(value, 0)? {
            936 => encoding_rs::GBK,
            950 => encoding_rs::BIG5,
            54936 => encoding_rs::GB18030,
            1252 => encoding_rs::WINDOWS_1252,
            65001 => encoding_rs::UTF_8,
            _ => return None,
        })
    }
}
