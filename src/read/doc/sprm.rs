//! Property lists (`grpprl`): each `Prl` a 2-byte `sprm` and its operand,
//! whose size the sprm's `spra` bits give.

use super::fib::u16_at;

/// Variable-size operands whose size is not one leading byte.
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_P_CHG_TABS: u16 = 0xC615;

/// The `(sprm, operand)` pairs of a property list, in order. A truncated
/// or unreadable operand ends the list; what came before it stands.
pub(super) fn prls(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let sprm = u16_at(grpprl, at)?;
        let operand = at + 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match sprm {
                // A 2-byte count of the bytes after it, plus one.
                SPRM_T_DEF_TABLE => usize::from(u16_at(grpprl, operand)?) + 1,
                // 255 announces a layout of its own: nothing after it is read.
                SPRM_P_CHG_TABS if grpprl.get(operand) == Some(&255) => return None,
                _ => 1 + usize::from(*grpprl.get(operand)?),
            },
        };
        at = operand + size;
        Some((sprm, grpprl.get(operand..at.min(grpprl.len()))?))
    })
}
