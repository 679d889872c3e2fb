//! Chinese time expressions: reading `6月底前`, `三季度末`, `春节前`, `两周内` …
//! into dates (SPEC §3, §5). Usable on its own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a deadline's date bounds the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Done by the date (前, 之前, 以前, 底前, or a bare date).
    By,
    /// On the date itself.
    On,
    /// Within a period from the anchor (…内).
    Within,
    /// From the date on (即日起).
    From,
    /// Ongoing, without an end (长期坚持, 持续).
    Ongoing,
    /// Recurring (每月, 每季度).
    Recurring,
}

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Precision {
    /// A day.
    Day,
    /// A month (or part of one: 上旬, 月底).
    Month,
    /// A quarter.
    Quarter,
    /// Half a year.
    HalfYear,
    /// A year.
    Year,
    /// No date.
    None,
}

/// Which year a date that states none is put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum YearRule {
    /// The anchor's year (how a bare expression is read: `9月30日` in 2008 is 2008-09-30).
    Same,
    /// The first such date on or after the anchor (deadlines: a December meeting's `3月底前` is next March).
    Future,
    /// The last such date on or before the anchor (a meeting reported after it happened).
    Past,
}

/// A time expression read and resolved against an anchor date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeExpr {
    /// The first day the expression covers.
    pub start: Option<NaiveDate>,
    /// The last day the expression allows (the deadline date).
    pub end: Option<NaiveDate>,
    /// How the date bounds the work.
    pub relation: Relation,
    /// How precise the date is.
    pub precision: Precision,
    /// The year was not written and was inferred from the anchor.
    pub year_inferred: bool,
}

/// Reads a whole string as one time expression against `reference`, with the
/// [`YearRule::Same`] rule (what `huiyi time` does).
pub fn parse(text: &str, reference: NaiveDate) -> Option<TimeExpr> {
    parse_with(text, reference, YearRule::Same)
}

/// Reads a whole string as one time expression against `anchor`, putting a
/// date that states no year by `rule`.
pub fn parse_with(_text: &str, _anchor: NaiveDate, _rule: YearRule) -> Option<TimeExpr> {
    None
}
