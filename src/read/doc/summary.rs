//! The `\x05SummaryInformation` property set: the document's created date.
//! It is a hint: a stream that does not parse gives no date, not an error.

use chrono::{DateTime, NaiveDate};

use super::fib::{u16_at, u32_at};

pub(super) const STREAM: &str = "/\u{5}SummaryInformation";

/// `PIDSI_CREATE_DTM`: the time the document was created.
const PID_CREATE_DTM: u32 = 0x0C;
/// `VT_FILETIME`: 100-nanosecond intervals since 1601-01-01 UTC.
const VT_FILETIME: u32 = 0x40;
/// Seconds from 1601-01-01 to 1970-01-01.
const FILETIME_EPOCH_SECS: i64 = 11_644_473_600;

/// The UTC date of the creation time, when the stream holds one.
pub(super) fn created(stream: &[u8]) -> Option<NaiveDate> {
    // PropertySetStream: byte order 0xFFFE, then after 28 bytes the first
    // section's FMTID (16 bytes) and offset.
    if u16_at(stream, 0)? != 0xFFFE || u32_at(stream, 24)? == 0 {
        return None;
    }
    let section = usize::try_from(u32_at(stream, 44)?).ok()?;
    let count = u32_at(stream, section.checked_add(4)?)?;
    // Each property: its id and its offset from the start of the section.
    (0..count.min(4096) as usize)
        .map_while(|i| {
            let at = section.checked_add(8 + 8 * i)?;
            Some((u32_at(stream, at)?, u32_at(stream, at + 4)?))
        })
        .find(|(id, _)| *id == PID_CREATE_DTM)
        .and_then(|(_, offset)| {
            let at = section.checked_add(usize::try_from(offset).ok()?)?;
            if u32_at(stream, at)? != VT_FILETIME {
                return None;
            }
            let low = u64::from(u32_at(stream, at + 4)?);
            let high = u64::from(u32_at(stream, at + 8)?);
            filetime_date(high << 32 | low)
        })
}

/// The UTC date of a FILETIME; 0 (never set) is no date.
fn filetime_date(filetime: u64) -> Option<NaiveDate> {
    if filetime == 0 {
        return None;
    }
    let secs = i64::try_from(filetime / 10_000_000).ok()? - FILETIME_EPOCH_SECS;
    DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}
