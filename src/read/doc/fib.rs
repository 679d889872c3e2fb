//! The File Information Block at the start of the `WordDocument` stream:
//! which table stream, whether encrypted, how long the main text is, and
//! where the piece table and the paragraph properties are.

use super::corrupt;
use crate::error::Error;

/// `wIdent` of a Word 97 and later document…
const W_IDENT: u16 = 0xA5EC;
/// …and of a Word 6 or 95 one.
const W_IDENT_6: u16 = 0xA5DC;
/// The lowest `nFib` of Word 97 and later; Word 6 and 95 write 101 to 105.
const MIN_NFIB: u16 = 0x00C0;
/// `FibBase` flags: `fEncrypted` (an encrypted or XOR-obfuscated document)…
const F_ENCRYPTED: u16 = 0x0100;
/// …and `fWhichTblStm` (the table stream is `1Table`, else `0Table`).
const F_WHICH_TBL_STM: u16 = 0x0200;
/// Index in `FibRgFcLcb97` of `fcPlcfBteChpx`/`lcbPlcfBteChpx`…
const PLCF_BTE_CHPX: usize = 12;
/// …of `fcPlcfBtePapx`/`lcbPlcfBtePapx`…
const PLCF_BTE_PAPX: usize = 13;
/// …of `fcClx`/`lcbClx`…
const CLX: usize = 33;
/// …and of `fcPlfLst` and `fcPlfLfo` (the list definitions and overrides).
const PLF_LST: usize = 73;
const PLF_LFO: usize = 74;

/// What the reader needs from the FIB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    pub table_1: bool,
    /// Characters of main document text (`ccpText`).
    pub ccp_text: u32,
    /// Offset and size of the `Clx` (piece table) in the table stream.
    pub clx: (u32, u32),
    /// Offset and size of the `PlcBteChpx` and the `PlcBtePapx` in the table stream.
    pub bte_chpx: (u32, u32),
    pub bte_papx: (u32, u32),
    /// Offsets and sizes of the `PlfLst` and the `PlfLfo`, when the FIB has them.
    pub lists: Option<((u32, u32), (u32, u32))>,
}

pub(super) fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

impl Fib {
    /// Reads the FIB of a `WordDocument` stream. Word 6/95 documents are an
    /// unsupported format, encrypted ones [`Error::Encrypted`].
    pub fn parse(word: &[u8]) -> Result<Fib, Error> {
        let short = || corrupt("the WordDocument stream is too short for its FIB".into());
        let w_ident = u16_at(word, 0).ok_or_else(short)?;
        if w_ident != W_IDENT && w_ident != W_IDENT_6 {
            return Err(corrupt(format!(
                "the WordDocument stream does not start with a FIB (wIdent {w_ident:#06x})"
            )));
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        if w_ident == W_IDENT_6 || n_fib < MIN_NFIB {
            return Err(Error::UnsupportedFormat {
                path: None,
                format: format!("Word 6/95 document (nFib {n_fib})"),
            });
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        if flags & F_ENCRYPTED != 0 {
            return Err(Error::Encrypted { path: None });
        }
        // FibBase (32 bytes), csw and FibRgW97, cslw and FibRgLw97,
        // cbRgFcLcb and FibRgFcLcb: the counts say where each part starts.
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let rg_lw = 34 + 2 * csw + 2;
        let cslw = usize::from(u16_at(word, rg_lw - 2).ok_or_else(short)?);
        let ccp_text = u32_at(word, rg_lw + 12).ok_or_else(short)?;
        let rg_fc_lcb = rg_lw + 4 * cslw + 2;
        let cb_rg_fc_lcb = usize::from(u16_at(word, rg_fc_lcb - 2).ok_or_else(short)?);
        if cb_rg_fc_lcb <= CLX {
            return Err(corrupt(format!(
                "the FIB has {cb_rg_fc_lcb} offsets, too few for a piece table"
            )));
        }
        let pair = |index: usize| -> Result<(u32, u32), Error> {
            let at = rg_fc_lcb + 8 * index;
            Ok((
                u32_at(word, at).ok_or_else(short)?,
                u32_at(word, at + 4).ok_or_else(short)?,
            ))
        };
        Ok(Fib {
            table_1: flags & F_WHICH_TBL_STM != 0,
            ccp_text,
            clx: pair(CLX)?,
            bte_chpx: pair(PLCF_BTE_CHPX)?,
            bte_papx: pair(PLCF_BTE_PAPX)?,
            lists: if cb_rg_fc_lcb > PLF_LFO {
                Some((pair(PLF_LST)?, pair(PLF_LFO)?))
            } else {
                None
            },
        })
    }
}
