//! Paragraph properties from the PAPX FKP pages (`PlcBtePapx`): which
//! paragraph marks are in a table, which end a table row, and which list
//! level numbers a paragraph.

use super::corrupt;
use super::fib::{Fib, u16_at, u32_at};
use super::pieces::slice;
use super::sprm::prls;
use crate::error::Error;
use crate::read::docx::table::VMerge;

/// The FKP pages a `PlcBtePapx`/`PlcBteChpx` names, each once (a table naming
/// one page many times must not multiply work), or `None` when its length is
/// not that of such a table.
pub(super) fn bte_pages(plc: &[u8]) -> Option<Vec<u32>> {
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(8) {
        return None;
    }
    let n = (plc.len() - 4) / 8;
    let mut pages: Vec<u32> = (0..n)
        .filter_map(|i| u32_at(plc, 4 * (n + 1) + 4 * i))
        .map(|pn| pn & PN_MASK)
        .collect();
    pages.sort_unstable();
    pages.dedup();
    Some(pages)
}

/// FKP page `pn` of the `WordDocument` stream, if it lies within it.
pub(super) fn fkp_page(word: &[u8], pn: u32) -> Option<&[u8]> {
    (pn as usize)
        .checked_mul(PAGE)
        .and_then(|start| word.get(start..start.checked_add(PAGE)?))
}

/// An FKP page: 512 bytes of the `WordDocument` stream.
const PAGE: usize = 512;
/// The most runs a page can hold: 4 bytes of offset and a 13-byte `BxPap`
/// each, one offset more, and the count byte.
const MAX_RUNS: usize = 29;
/// `PnFkpPapx.pn`: the low 22 bits.
const PN_MASK: u32 = 0x003F_FFFF;
const SPRM_P_F_IN_TABLE: u16 = 0x2416;
const SPRM_P_F_TTP: u16 = 0x2417;
const SPRM_P_ITAP: u16 = 0x6649;
const SPRM_P_F_INNER_TABLE_CELL: u16 = 0x244B;
const SPRM_P_F_INNER_TTP: u16 = 0x244C;
/// Tables nested deeper than this are read at this depth.
pub(super) const MAX_DEPTH: u8 = 16;
const SPRM_P_ILVL: u16 = 0x260A;
const SPRM_P_ILFO: u16 = 0x460B;
/// The properties are in the `Data` stream, at the operand's offset: too
/// many for the page (a wide table's row end mark, as LibreOffice writes it).
const SPRM_P_HUGE_PAPX: u16 = 0x6646;
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_T_VERT_MERGE: u16 = 0xD62B;
/// `TC80.tcgrf` flags: merged into the cell before it, and in a vertical
/// merge (`fVertRestart` its first cell).
const F_MERGED: u16 = 0x0002;
const F_VERT_MERGE: u16 = 0x0020;
const F_VERT_RESTART: u16 = 0x0040;
/// A `TC80`: `tcgrf`, the width, four borders.
const TC80_SIZE: usize = 20;

/// What a paragraph mark's properties say about tables and lists.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    /// The paragraph is in a table cell (`sprmPFInTable`, `sprmPItap`).
    pub in_table: bool,
    /// The mark ends a table row (`sprmPFTtp`).
    pub row_end: bool,
    /// How deep in nested tables the paragraph is (`sprmPItap`; 1 for a
    /// paragraph in a table that does not say), at most [`MAX_DEPTH`].
    pub depth: u8,
    /// A nested table's paragraph mark ends its cell (`sprmPFInnerTableCell`)
    /// or its row (`sprmPFInnerTtp`).
    pub inner_cell: bool,
    pub inner_row_end: bool,
    /// The 1-based list format override numbering the paragraph, 0 for none
    /// (`sprmPIlfo`), and its level (`sprmPIlvl`).
    pub ilfo: u16,
    pub ilvl: u8,
    /// For a row end mark, 1 + the index of its row's definition, else 0.
    pub row: u32,
}

/// A table row's cells as its row end mark defines them (`sprmTDefTable`,
/// `sprmTVertMerge`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct RowDef {
    /// The cells' edges, in twips: cell `i` runs from `bounds[i]` to `bounds[i + 1]`.
    pub bounds: Vec<i16>,
    /// For each cell, merged into the cell before it (Word 97's horizontal merge)…
    pub merged: Vec<bool>,
    /// …and its part in a vertical merge.
    pub vmerge: Vec<VMerge>,
}

/// The runs of stream offsets whose paragraphs are in tables or lists.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// `(start, end, mark)`, sorted by start; only runs with something set.
    runs: Vec<(u32, u32, Mark)>,
    rows: Vec<RowDef>,
}

impl Marks {
    /// `data` is the `Data` stream (empty when the file has none).
    pub fn read(word: &[u8], table: &[u8], data: &[u8], fib: &Fib) -> Result<Marks, Error> {
        let (fc, lcb) = fib.bte_papx;
        // A writer that keeps no paragraph properties: every mark is a
        // plain paragraph's, every cell mark ends a cell of one long row.
        if lcb == 0 {
            return Ok(Marks::default());
        }
        let plc = slice(table, fc, lcb).ok_or_else(|| {
            corrupt("the paragraph properties lie past the end of the table stream".into())
        })?;
        let pages = bte_pages(plc)
            .ok_or_else(|| corrupt(format!("a paragraph property table of {} bytes", plc.len())))?;
        let mut runs = Vec::new();
        let mut rows = Vec::new();
        for pn in pages {
            let page = fkp_page(word, pn).ok_or_else(|| {
                corrupt(format!(
                    "paragraph properties page {pn} lies past the end of the WordDocument stream"
                ))
            })?;
            read_page(page, data, &mut runs, &mut rows);
        }
        runs.sort_unstable_by_key(|r| r.0);
        Ok(Marks { runs, rows })
    }

    /// The definition of the row a row end mark ends.
    pub fn row(&self, mark: Mark) -> Option<&RowDef> {
        self.rows.get((mark.row as usize).checked_sub(1)?)
    }

    /// The properties of the paragraph whose mark is at offset `fc`.
    pub fn at(&self, fc: u32) -> Mark {
        let i = self.runs.partition_point(|r| r.0 <= fc);
        i.checked_sub(1)
            .and_then(|i| self.runs.get(i))
            .filter(|r| fc < r.1)
            .map_or_else(Mark::default, |r| r.2)
    }
}

/// Adds the table and list runs of one FKP page; a malformed page adds nothing (its
/// paragraphs read as body paragraphs).
fn read_page(page: &[u8], data: &[u8], runs: &mut Vec<(u32, u32, Mark)>, rows: &mut Vec<RowDef>) {
    let crun = usize::from(page.last().copied().unwrap_or(0));
    if crun > MAX_RUNS {
        return;
    }
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, 4 * i), u32_at(page, 4 * (i + 1))) else {
            continue;
        };
        let b_offset = page.get(4 * (crun + 1) + 13 * i).copied().unwrap_or(0);
        let (mut mark, row) = papx_mark(page, data, 2 * usize::from(b_offset)).unwrap_or_default();
        if let Some(row) = row.filter(|_| mark.row_end || mark.inner_row_end) {
            rows.push(row);
            mark.row = rows.len() as u32;
        }
        if mark != Mark::default() && start < end {
            runs.push((start, end, mark));
        }
    }
}

/// The table and list properties of the `PapxInFkp` at `at` of the page (0:
/// no properties), with the row it defines. Properties moved to the `Data`
/// stream (`sprmPHugePapx`) are read from there, in place of the sprm.
fn papx_mark(page: &[u8], data: &[u8], at: usize) -> Option<(Mark, Option<RowDef>)> {
    if at == 0 {
        return None;
    }
    let (start, len) = match *page.get(at)? {
        0 => (at + 2, 2 * usize::from(*page.get(at + 1)?)),
        cb => (at + 1, 2 * usize::from(cb) - 1),
    };
    let grpprl = page.get(start..(start + len).min(page.len()))?;
    let mut mark = Mark::default();
    let mut row: Option<RowDef> = None;
    let mut vert_merges = Vec::new();
    // After the 2-byte style index, the properties.
    let own = prls(grpprl.get(2..)?);
    // A `PrcData` in the `Data` stream: a 2-byte size, then the properties
    // (without a style index). One there pointing on is not followed.
    let huge = prls(grpprl.get(2..)?)
        .filter(|(sprm, _)| *sprm == SPRM_P_HUGE_PAPX)
        .filter_map(|(_, operand)| {
            let at = u32_at(operand, 0)? as usize;
            let len = usize::from(u16_at(data, at)?);
            data.get(at.checked_add(2)?..at.checked_add(2 + len)?.min(data.len()))
        })
        .flat_map(prls);
    for (sprm, operand) in own.chain(huge) {
        let set = operand.first().is_some_and(|&b| b != 0);
        match sprm {
            SPRM_P_F_IN_TABLE => mark.in_table |= set,
            SPRM_P_F_TTP => mark.row_end |= set,
            SPRM_P_ITAP => {
                let depth = u32_at(operand, 0).unwrap_or(0);
                mark.depth = depth.min(u32::from(MAX_DEPTH)) as u8;
                mark.in_table |= depth > 0;
            }
            SPRM_P_F_INNER_TABLE_CELL => mark.inner_cell |= set,
            SPRM_P_F_INNER_TTP => mark.inner_row_end |= set,
            SPRM_P_ILVL => mark.ilvl = operand.first().copied().unwrap_or(0),
            SPRM_P_ILFO => mark.ilfo = u16_at(operand, 0).unwrap_or(0),
            // After the operand's 2-byte size.
            SPRM_T_DEF_TABLE => row = operand.get(2..).and_then(row_def),
            // A count byte, then the cell and how it merges: 1 continues, 3 starts.
            SPRM_T_VERT_MERGE => {
                if let [_, itc, how, ..] = *operand {
                    vert_merges.push((usize::from(itc), how));
                }
            }
            _ => {}
        }
    }
    if let Some(row) = row.as_mut() {
        for (itc, how) in vert_merges {
            if let Some(v) = row.vmerge.get_mut(itc) {
                *v = match how {
                    1 => VMerge::Continue,
                    3 => VMerge::Restart,
                    _ => VMerge::None,
                };
            }
        }
    }
    if mark.in_table && mark.depth == 0 {
        mark.depth = 1;
    }
    Some((mark, row))
}

/// A `TDefTableOperand` after its size: the cell count, the cells' edges,
/// then a `TC80` per cell (cells without one are plain).
fn row_def(bytes: &[u8]) -> Option<RowDef> {
    let count = usize::from(*bytes.first()?);
    let bounds = (0..=count)
        .map(|i| u16_at(bytes, 1 + 2 * i).map(|b| b as i16))
        .collect::<Option<Vec<i16>>>()?;
    let tcs = 1 + 2 * (count + 1);
    let flags = |i: usize| u16_at(bytes, tcs + TC80_SIZE * i).unwrap_or(0);
    Some(RowDef {
        bounds,
        merged: (0..count).map(|i| flags(i) & F_MERGED != 0).collect(),
        vmerge: (0..count)
            .map(|i| match flags(i) & (F_VERT_MERGE | F_VERT_RESTART) {
                0 => VMerge::None,
                F_VERT_MERGE => VMerge::Continue,
                _ => VMerge::Restart,
            })
            .collect(),
    })
}
