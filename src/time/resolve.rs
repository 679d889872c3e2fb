//! Turning a matched expression into dates against an anchor.

use chrono::{Datelike, NaiveDate};

use super::calendar::{
    Festival, end_of_month_of, lunar_to_solar, month_end, shift_days, shift_months,
};
use super::grammar::{
    Base, Expr, MonthPart, MonthSpec, Parsed, Part, QuarterSpec, Suffix, Unit, YearSpec,
};
use super::{Precision, Relation, TimeExpr, YearRule};

type Interval = (NaiveDate, NaiveDate);

/// The year a two-digit year stands for (JioNLP: `15年` → 2015, `98年` → 1998,
/// `33年` → 1933 when read in 2021).
fn full_year(two: u32, anchor: NaiveDate) -> i32 {
    let two = i32::try_from(two % 100).unwrap_or(0);
    let modern = 2000 + two;
    if modern <= anchor.year().max(2000) + 10 {
        modern
    } else {
        1900 + two
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The Monday of the week `date` is in.
fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    shift_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// The first `weekday` (1 = Monday) of a month.
fn first_weekday(y: i32, m: u32, weekday: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    let have = first.weekday().number_from_monday();
    let ahead = (weekday + 7 - have) % 7;
    shift_days(first, i64::from(ahead))
}

fn month_span(y: i32, m: u32, part: MonthPart) -> Option<Interval> {
    let end = month_end(y, m)?;
    Some(match part {
        MonthPart::Whole => (ymd(y, m, 1)?, end),
        MonthPart::Day(d) => {
            let d = ymd(y, m, d)?;
            (d, d)
        }
        MonthPart::Begin => (ymd(y, m, 1)?, ymd(y, m, 5)?),
        MonthPart::End => (ymd(y, m, 25)?, end),
        MonthPart::Xun(1) => (ymd(y, m, 1)?, ymd(y, m, 10)?),
        MonthPart::Xun(2) => (ymd(y, m, 11)?, ymd(y, m, 20)?),
        MonthPart::Xun(_) => (ymd(y, m, 21)?, end),
        MonthPart::Week(n) => {
            let monday = first_weekday(y, m, 1)?;
            let start = shift_days(monday, 7 * (i64::from(n) - 1))?;
            (start, shift_days(start, 6)?)
        }
        MonthPart::NthWeekday(n, w) => {
            let first = first_weekday(y, m, w)?;
            let d = shift_days(first, 7 * (i64::from(n) - 1))?;
            if d.month() != m {
                return None;
            }
            (d, d)
        }
    })
}

fn quarter_span(y: i32, q: u32, part: Part) -> Option<Interval> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = 3 * q - 2;
    let last = 3 * q;
    Some(match part {
        Part::Whole => (ymd(y, first, 1)?, month_end(y, last)?),
        Part::Begin => (ymd(y, first, 1)?, month_end(y, first)?),
        Part::End => (ymd(y, last, 1)?, month_end(y, last)?),
    })
}

/// The (year, month) `offset` months from the anchor's.
fn month_from(anchor: NaiveDate, offset: i64) -> Option<(i32, u32)> {
    let first = ymd(anchor.year(), anchor.month(), 1)?;
    let d = shift_months(first, offset)?;
    Some((d.year(), d.month()))
}

/// Whether the base's dates depend on a year.
fn year_bound(base: Base) -> bool {
    matches!(
        base,
        Base::Year(_)
            | Base::YearWithin
            | Base::Half(_)
            | Base::Quarter(QuarterSpec::Abs(_), _)
            | Base::Month(MonthSpec::Abs(_), _)
            | Base::Festival(_)
            | Base::Eve
            | Base::Lunar { .. }
    )
}

/// The interval of a year-bound base in year `y`.
fn in_year(base: Base, y: i32) -> Option<Interval> {
    match base {
        Base::Year(Part::Whole) | Base::YearWithin => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
        Base::Year(Part::Begin) => Some((ymd(y, 1, 1)?, month_end(y, 2)?)),
        Base::Year(Part::End) => Some((ymd(y, 11, 1)?, ymd(y, 12, 31)?)),
        Base::Half(1) => Some((ymd(y, 1, 1)?, ymd(y, 6, 30)?)),
        Base::Half(_) => Some((ymd(y, 7, 1)?, ymd(y, 12, 31)?)),
        Base::Quarter(QuarterSpec::Abs(q), part) => quarter_span(y, q, part),
        Base::Month(MonthSpec::Abs(m), part) => month_span(y, m, part),
        Base::Festival(f) => f.date(y).map(|d| (d, d)),
        Base::Eve => {
            let d = shift_days(Festival::Spring.date(y)?, -1)?;
            Some((d, d))
        }
        Base::Lunar { month, leap, day } => lunar_to_solar(y, month, leap, day).map(|d| (d, d)),
        _ => None,
    }
}

/// The interval of an anchor-relative base.
fn relative(base: Base, anchor: NaiveDate) -> Option<Interval> {
    match base {
        Base::Month(MonthSpec::Rel(r), part) => {
            let (y, m) = month_from(anchor, i64::from(r))?;
            month_span(y, m, part)
        }
        Base::Quarter(QuarterSpec::Rel(r), part) => {
            let q0 = i64::from((anchor.month() - 1) / 3);
            let (y, m) = month_from(ymd(anchor.year(), 1, 1)?, 3 * (q0 + i64::from(r)))?;
            quarter_span(y, (m - 1) / 3 + 1, part)
        }
        Base::Week(off, wd) => {
            let monday = shift_days(monday_of(anchor)?, 7 * i64::from(off))?;
            match wd {
                Some(w) => {
                    let d = shift_days(monday, i64::from(w) - 1)?;
                    Some((d, d))
                }
                None => Some((monday, shift_days(monday, 6)?)),
            }
        }
        Base::DayRel(n) => {
            let d = shift_days(anchor, i64::from(n))?;
            Some((d, d))
        }
        Base::TwoYears => Some((
            ymd(anchor.year(), 1, 1)?,
            ymd(anchor.year().checked_add(1)?, 12, 31)?,
        )),
        Base::Duration(unit, n, half) => {
            let n = i64::from(n);
            let end = match (unit, half) {
                (Unit::WorkDay, _) => return None,
                (Unit::Day, false) => shift_days(anchor, n)?,
                (Unit::Week, false) => shift_days(anchor, n.checked_mul(7)?)?,
                (Unit::Day, true) => shift_days(anchor, n)?,
                (Unit::Week, true) => shift_days(anchor, n.checked_mul(7)?.checked_add(3)?)?,
                (Unit::Month, false) => shift_months(anchor, n)?,
                (Unit::Month, true) => shift_days(shift_months(anchor, n)?, 15)?,
                (Unit::Quarter, _) => shift_months(anchor, n.checked_mul(3)?)?,
                (Unit::Year, false) => shift_months(anchor, n.checked_mul(12)?)?,
                (Unit::Year, true) if n == 0 => shift_months(anchor, 6)?,
                (Unit::Year, true) => {
                    end_of_month_of(shift_months(anchor, n.checked_mul(12)?.checked_add(6)?)?)?
                }
            };
            Some((anchor, end))
        }
        _ => None,
    }
}

/// Applies a suffix to an interval (`春节前` → the eve; `20天后` → a point).
fn with_suffix(
    base: Base,
    suffix: Suffix,
    (start, end): Interval,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    Some(match (suffix, base) {
        (Suffix::By, Base::Festival(_) | Base::Eve | Base::Lunar { .. }) => {
            let eve = shift_days(start, -1)?;
            (eve, Some(eve))
        }
        (Suffix::After, Base::Duration(..)) => (end, Some(end)),
        (Suffix::After, _) => (shift_days(end, 1)?, None),
        (Suffix::From, _) => (start, None),
        _ => (start, Some(end)),
    })
}

/// One expression resolved: (start, end, year inferred).
type Resolved = (Option<NaiveDate>, Option<NaiveDate>, bool);

fn resolve_expr(e: &Expr, suffix: Suffix, anchor: NaiveDate, rule: YearRule) -> Option<Resolved> {
    let done = |iv: Interval| with_suffix(e.base, suffix, iv).map(|(s, en)| (Some(s), en));
    if year_bound(e.base) {
        let year = match e.year {
            YearSpec::Abs(y) => Some(y),
            YearSpec::Two(t) => Some(full_year(t, anchor)),
            YearSpec::Rel(r) => Some(anchor.year().checked_add(r)?),
            YearSpec::Unstated => None,
        };
        if let Some(y) = year {
            let (s, en) = done(in_year(e.base, y)?)?;
            return Some((s, en, false));
        }
        let ay = anchor.year();
        let candidate = |y: i32| in_year(e.base, y).and_then(done);
        let chosen = match rule {
            YearRule::Same => candidate(ay),
            YearRule::Future => [ay - 1, ay, ay + 1]
                .into_iter()
                .filter_map(candidate)
                .find(|(_, en)| en.is_none_or(|en| en >= anchor)),
            YearRule::Past => [ay + 1, ay, ay - 1]
                .into_iter()
                .filter_map(candidate)
                .find(|(s, _)| s.is_some_and(|s| s <= anchor)),
        }?;
        return Some((chosen.0, chosen.1, true));
    }
    if let Base::Day(d) = e.base {
        let candidate = |off: i64| {
            let (y, m) = month_from(anchor, off)?;
            let day = ymd(y, m, d)?;
            done((day, day))
        };
        let chosen = match rule {
            YearRule::Same => candidate(0),
            YearRule::Future => [-1, 0, 1]
                .into_iter()
                .filter_map(candidate)
                .find(|(_, en)| en.is_none_or(|en| en >= anchor)),
            YearRule::Past => [1, 0, -1]
                .into_iter()
                .filter_map(candidate)
                .find(|(s, _)| s.is_some_and(|s| s <= anchor)),
        }?;
        return Some((chosen.0, chosen.1, true));
    }
    if let Base::Weekday(w) = e.base {
        let candidate = |weeks: i64| {
            let monday = shift_days(monday_of(anchor)?, 7 * weeks)?;
            let day = shift_days(monday, i64::from(w) - 1)?;
            done((day, day))
        };
        let chosen = match rule {
            YearRule::Same => candidate(0),
            YearRule::Future => [0, 1]
                .into_iter()
                .filter_map(candidate)
                .find(|(_, en)| en.is_none_or(|en| en >= anchor)),
            YearRule::Past => [0, -1]
                .into_iter()
                .filter_map(candidate)
                .find(|(s, _)| s.is_some_and(|s| s <= anchor)),
        }?;
        return Some((chosen.0, chosen.1, true));
    }
    match e.base {
        Base::Ongoing | Base::Recurring | Base::Event => Some((None, None, false)),
        Base::Now | Base::Duration(Unit::WorkDay, ..) => Some((Some(anchor), None, false)),
        _ => {
            let (s, en) = done(relative(e.base, anchor)?)?;
            Some((s, en, false))
        }
    }
}

/// Whether where `e` falls depends on the year rule: a date without its year.
fn year_inferred(e: &Expr) -> bool {
    (year_bound(e.base) && e.year == YearSpec::Unstated)
        || matches!(e.base, Base::Day(_) | Base::Weekday(_))
}

/// Resolves a range as one. One bound is placed first: the one whose year is
/// written or counted from the anchor, else the one the rule judges (the end
/// of a deadline, the start of a past event). The other, if its year is not
/// written, is then the nearest on its side of it, so that `3-5月` read as
/// past in March is not this March to last May, nor `11月-2月` November to
/// the February before. A range that still ends before it starts
/// (`5日至本月4日`) has no reading.
fn resolve_range(
    first: &Expr,
    to: &Expr,
    suffix: Suffix,
    anchor: NaiveDate,
    rule: YearRule,
) -> Option<Resolved> {
    let end_first = if year_inferred(first) == year_inferred(to) {
        rule == YearRule::Future
    } else {
        year_inferred(first)
    };
    let (start, end) = if end_first {
        let end = resolve_expr(to, suffix, anchor, rule)?;
        let start = match end.1.filter(|_| year_inferred(first)) {
            Some(end) => resolve_expr(first, Suffix::None, end, YearRule::Past)?,
            None => resolve_expr(first, Suffix::None, anchor, rule)?,
        };
        (start, end)
    } else {
        let start = resolve_expr(first, Suffix::None, anchor, rule)?;
        let end = match start.0.filter(|_| year_inferred(to)) {
            Some(start) => resolve_expr(to, suffix, start, YearRule::Future)?,
            None => resolve_expr(to, suffix, anchor, rule)?,
        };
        (start, end)
    };
    if start.0.zip(end.1).is_some_and(|(s, e)| s > e) {
        return None;
    }
    Some((start.0, end.1, start.2 || end.2))
}

/// Resolves a matched expression.
pub(crate) fn resolve(p: &Parsed, anchor: NaiveDate, rule: YearRule) -> Option<TimeExpr> {
    let relation = relation(p);
    let precision = precision(p);
    let (start, end, year_inferred) = match p.to {
        None => resolve_expr(&p.first, p.suffix, anchor, rule)?,
        Some(to) => resolve_range(&p.first, &to, p.suffix, anchor, rule)?,
    };
    if matches!(relation, Relation::Ongoing | Relation::Recurring) {
        return Some(TimeExpr {
            start: None,
            end: None,
            relation,
            precision,
            year_inferred: false,
        });
    }
    Some(TimeExpr {
        start,
        end,
        relation,
        precision,
        year_inferred,
    })
}

/// Whether resolving needs an anchor.
pub(crate) fn needs_anchor(p: &Parsed) -> bool {
    let one = |e: &Expr| match e.base {
        Base::Ongoing | Base::Recurring | Base::Event => false,
        b if year_bound(b) => matches!(
            e.year,
            YearSpec::Unstated | YearSpec::Rel(_) | YearSpec::Two(_)
        ),
        _ => true,
    };
    one(&p.first) || p.to.as_ref().is_some_and(one)
}

/// The relation a matched expression states.
pub(crate) fn relation(p: &Parsed) -> Relation {
    match p.first.base {
        Base::Ongoing => return Relation::Ongoing,
        Base::Recurring => return Relation::Recurring,
        Base::Now if p.to.is_none() => return Relation::From,
        Base::YearWithin if p.suffix == Suffix::None => return Relation::Within,
        _ => {}
    }
    match p.suffix {
        Suffix::None | Suffix::By => Relation::By,
        Suffix::Within => Relation::Within,
        Suffix::After if matches!(p.first.base, Base::Duration(..)) => Relation::By,
        Suffix::From | Suffix::After | Suffix::Since => Relation::From,
        Suffix::Around | Suffix::On => Relation::On,
    }
}

/// The precision of the date a matched expression names.
pub(crate) fn precision(p: &Parsed) -> Precision {
    let e = p.to.as_ref().unwrap_or(&p.first);
    match e.base {
        Base::Year(_) | Base::YearWithin | Base::TwoYears => Precision::Year,
        Base::Half(_) => Precision::HalfYear,
        Base::Quarter(..) => Precision::Quarter,
        Base::Month(
            _,
            MonthPart::Whole | MonthPart::Begin | MonthPart::End | MonthPart::Xun(_),
        ) => Precision::Month,
        Base::Duration(Unit::Year, n, true) if n > 0 => Precision::Month,
        Base::Ongoing | Base::Recurring | Base::Now | Base::Event => Precision::None,
        _ => Precision::Day,
    }
}
