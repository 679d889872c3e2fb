//! The piece table (`Clx` → `Pcdt` → `PlcPcd`): where each run of
//! characters of the document is in the `WordDocument` stream, as 8-bit
//! (Windows-1252) or 16-bit (UTF-16LE) text.

use super::corrupt;
use super::fib::{Fib, u16_at, u32_at};
use crate::error::Error;

/// `Pcd.fc` bit 30: the piece is 8-bit text at half the offset.
const F_COMPRESSED: u32 = 0x4000_0000;
/// `Pcd.fc` bits 0–29: the offset.
const FC_MASK: u32 = 0x3FFF_FFFF;

/// One character of the main text and its offset in the `WordDocument`
/// stream (where the paragraph properties find it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Char {
    pub c: char,
    pub fc: u32,
}

/// `lcb` bytes at `fc` of `bytes`, if they are all there.
pub(super) fn slice(bytes: &[u8], fc: u32, lcb: u32) -> Option<&[u8]> {
    let start = usize::try_from(fc).ok()?;
    let end = start.checked_add(usize::try_from(lcb).ok()?)?;
    bytes.get(start..end)
}

/// Hands each character of the main document text, in order, to `feed`.
pub(super) fn main_text(
    word: &[u8],
    table: &[u8],
    fib: &Fib,
    mut feed: impl FnMut(Char) -> Result<(), Error>,
) -> Result<(), Error> {
    let (fc_clx, lcb_clx) = fib.clx;
    let clx = slice(table, fc_clx, lcb_clx)
        .ok_or_else(|| corrupt("the piece table lies past the end of the table stream".into()))?;
    let plc = pcdt(clx)?;
    // A PlcPcd: n + 1 character positions, then n 8-byte piece descriptors.
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(corrupt(format!("a piece table of {} bytes", plc.len())));
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, 4 * i).unwrap_or(0);
    // Characters handed on, against what the stream can hold.
    let mut read = 0u64;
    for i in 0..n {
        let (start, end) = (cp(i), cp(i + 1));
        if end < start {
            return Err(corrupt(format!(
                "piece {i} ends (CP {end}) before it starts (CP {start})"
            )));
        }
        if start >= fib.ccp_text {
            break;
        }
        let count = end.min(fib.ccp_text) - start;
        let raw_fc = u32_at(plc, 4 * (n + 1) + 8 * i + 2).unwrap_or(0);
        // A genuine document stores each character once, in at least one
        // byte: more characters than stream bytes is a piece table lying.
        read += u64::from(count);
        if read > word.len() as u64 {
            return Err(corrupt(
                "the piece table claims more text than the WordDocument stream holds".into(),
            ));
        }
        let past = || {
            corrupt(format!(
                "piece {i} points past the end of the WordDocument stream"
            ))
        };
        if raw_fc & F_COMPRESSED != 0 {
            let fc = (raw_fc & FC_MASK) / 2;
            let bytes = slice(word, fc, count).ok_or_else(past)?;
            for (&b, fc) in bytes.iter().zip(fc..) {
                feed(Char { c: cp1252(b), fc })?;
            }
        } else {
            let fc = raw_fc & FC_MASK;
            let bytes = slice(word, fc, count.checked_mul(2).ok_or_else(past)?).ok_or_else(past)?;
            let units = bytes
                .chunks_exact(2)
                .map(|u| u16::from_le_bytes([u[0], u[1]]));
            let mut at = fc;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                feed(Char { c, fc: at })?;
                // Within the slice, so below u32::MAX.
                at = at.saturating_add(2 * c.len_utf16() as u32);
            }
        }
    }
    Ok(())
}

/// The `PlcPcd` of a `Clx`: after any `Prc` (property modifiers, type 1),
/// the `Pcdt` (type 2) holds it.
fn pcdt(clx: &[u8]) -> Result<&[u8], Error> {
    let mut at = 0usize;
    loop {
        match clx.get(at) {
            Some(1) => {
                let size = u16_at(clx, at + 1)
                    .ok_or_else(|| corrupt("a truncated Prc in the piece table".into()))?;
                at += 3 + usize::from(size);
            }
            Some(2) => {
                let lcb = u32_at(clx, at + 1)
                    .ok_or_else(|| corrupt("a truncated Pcdt in the piece table".into()))?;
                return clx
                    .get(at + 5..)
                    .and_then(|rest| slice(rest, 0, lcb))
                    .ok_or_else(|| corrupt("the piece table runs past its Clx".into()));
            }
            Some(t) => return Err(corrupt(format!("a Clx entry of type {t}"))),
            None => return Err(corrupt("a Clx without a piece table".into())),
        }
    }
}

/// A byte of an 8-bit piece: Windows-1252 ([MS-DOC] 2.4.1 maps 0x80–0x9F
/// as it does; its five unassigned bytes stay C1 controls).
fn cp1252(b: u8) -> char {
    if b < 0x80 {
        return char::from(b);
    }
    let byte = [b];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}
