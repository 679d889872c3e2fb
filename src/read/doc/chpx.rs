//! Character properties from the CHPX FKP pages (`PlcBteChpx`) that change
//! the text: tracked deletions (dropped, as the docx reader drops `w:del`)
//! and symbols (`sprmCSymbol`: the stream holds a placeholder, the
//! properties the character).
//!
//! They are a hint for the text: a page that does not parse changes nothing.

use super::fib::{u16_at, u32_at};
use super::papx::{bte_pages, fkp_page};
use super::pieces::slice;
use super::sprm::prls;

/// The most runs a CHPX page holds (4 bytes of offset and 1 of `rgb` each).
const MAX_RUNS: usize = 0x65;
const SPRM_C_F_R_MARK_DEL: u16 = 0x0800;
const SPRM_C_SYMBOL: u16 = 0x6A09;

/// What a run's character properties do to its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// Deleted as a tracked change: dropped.
    Deleted,
    /// Each character is this symbol, or nothing (a symbol font's private
    /// glyph, as the docx reader drops `w:sym` in U+F000–U+F0FF).
    Symbol(Option<char>),
}

/// The runs of stream offsets whose text changes, sorted by start.
#[derive(Debug, Default)]
pub(super) struct Changes {
    runs: Vec<(u32, u32, Change)>,
}

impl Changes {
    /// Reads the runs of the `PlcBteChpx` at `(fc, lcb)` of the table stream.
    pub fn read(word: &[u8], table: &[u8], (fc, lcb): (u32, u32)) -> Changes {
        let Some(pages) = slice(table, fc, lcb).and_then(bte_pages) else {
            return Changes::default();
        };
        let mut runs = Vec::new();
        for page in pages.into_iter().filter_map(|pn| fkp_page(word, pn)) {
            read_page(page, &mut runs);
        }
        runs.sort_unstable_by_key(|r| r.0);
        Changes { runs }
    }

    /// The change to the character at offset `fc`, if any.
    pub fn at(&self, fc: u32) -> Option<Change> {
        let i = self.runs.partition_point(|r| r.0 <= fc);
        let run = self.runs.get(i.checked_sub(1)?)?;
        (fc < run.1).then_some(run.2)
    }
}

fn read_page(page: &[u8], runs: &mut Vec<(u32, u32, Change)>) {
    let crun = usize::from(page.last().copied().unwrap_or(0));
    if crun > MAX_RUNS {
        return;
    }
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, 4 * i), u32_at(page, 4 * (i + 1))) else {
            continue;
        };
        let at = 2 * usize::from(page.get(4 * (crun + 1) + i).copied().unwrap_or(0));
        if at == 0 || start >= end {
            continue;
        }
        // A Chpx: a count byte, then that many bytes of properties.
        let Some(grpprl) = page
            .get(at)
            .and_then(|&cb| page.get(at + 1..(at + 1 + usize::from(cb)).min(page.len())))
        else {
            continue;
        };
        if let Some(change) = change(grpprl) {
            runs.push((start, end, change));
        }
    }
}

/// What a CHPX's properties change; a deletion wins over a symbol.
fn change(grpprl: &[u8]) -> Option<Change> {
    let mut symbol = None;
    for (sprm, operand) in prls(grpprl) {
        match sprm {
            // A toggle: 1 on, 0x81 the opposite of the style's (which sets none).
            SPRM_C_F_R_MARK_DEL if matches!(operand.first(), Some(0x01 | 0x81)) => {
                return Some(Change::Deleted);
            }
            // The font, then the character.
            SPRM_C_SYMBOL => {
                let code = u16_at(operand, 2).map(u32::from);
                let c = code
                    .filter(|c| !(0xF000..=0xF0FF).contains(c))
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control());
                symbol = Some(Change::Symbol(c));
            }
            _ => {}
        }
    }
    symbol
}
