//! Calendar facts: month lengths, the Chinese lunisolar calendar (from
//! `data/time/lunar.tsv`), festivals and the Qingming solar term.

use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate};

/// One lunar year: its first day and the lengths of its months in order
/// (a leap month follows the month it repeats).
struct LunarYear {
    new_year: NaiveDate,
    leap: u32,
    lengths: Vec<u8>,
}

const FIRST_LUNAR_YEAR: i32 = 1900;

/// Reads the lunisolar table.
pub(crate) fn load() {
    lunar_table();
}

fn lunar_table() -> &'static [LunarYear] {
    static TABLE: OnceLock<Vec<LunarYear>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/time/lunar.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let _year = f.next()?;
                let new_year = NaiveDate::parse_from_str(f.next()?, "%Y-%m-%d").ok()?;
                let leap = f.next()?.parse().ok()?;
                let lengths = f
                    .next()?
                    .bytes()
                    .map(|b| if b == b'1' { 30 } else { 29 })
                    .collect();
                Some(LunarYear {
                    new_year,
                    leap,
                    lengths,
                })
            })
            .collect()
    })
}

/// The Gregorian date of a lunar date (`leap` for a day of a leap month), or
/// `None` outside 1900–2100 or for a day the month does not have.
pub(crate) fn lunar_to_solar(year: i32, month: u32, leap: bool, day: u32) -> Option<NaiveDate> {
    let index = usize::try_from(year.checked_sub(FIRST_LUNAR_YEAR)?).ok()?;
    let info = lunar_table().get(index)?;
    if !(1..=12).contains(&month) || (leap && info.leap != month) {
        return None;
    }
    // Position of the month in the year's list of months.
    let mut position = (month - 1) as usize;
    if info.leap != 0 && (month > info.leap || (leap && month == info.leap)) {
        position += 1;
    }
    let length = u32::from(*info.lengths.get(position)?);
    if day == 0 || day > length {
        return None;
    }
    let before: u64 = info.lengths[..position].iter().map(|&l| u64::from(l)).sum();
    info.new_year
        .checked_add_days(Days::new(before + u64::from(day - 1)))
}

/// The festivals a deadline can be tied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Festival {
    NewYear,
    Spring,
    Lantern,
    Qingming,
    Labour,
    DragonBoat,
    Qixi,
    MidAutumn,
    National,
    DoubleNinth,
}

impl Festival {
    /// The festival's date in Gregorian year `year` (for lunar festivals: in
    /// lunar year `year`).
    pub(crate) fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            Festival::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
            Festival::Labour => NaiveDate::from_ymd_opt(year, 5, 1),
            Festival::National => NaiveDate::from_ymd_opt(year, 10, 1),
            Festival::Qingming => NaiveDate::from_ymd_opt(year, 4, qingming_day(year)),
            Festival::Spring => lunar_to_solar(year, 1, false, 1),
            Festival::Lantern => lunar_to_solar(year, 1, false, 15),
            Festival::DragonBoat => lunar_to_solar(year, 5, false, 5),
            Festival::Qixi => lunar_to_solar(year, 7, false, 7),
            Festival::MidAutumn => lunar_to_solar(year, 8, false, 15),
            Festival::DoubleNinth => lunar_to_solar(year, 9, false, 9),
        }
    }
}

/// The April day of the Qingming solar term (4 or 5; 20th- and 21st-century
/// rule with the usual constants).
fn qingming_day(year: i32) -> u32 {
    let y = f64::from(year.rem_euclid(100));
    let c = if year >= 2001 { 4.81 } else { 5.59 };
    let day = (y * 0.2422 + c).floor() - (y / 4.0).floor();
    if day >= 4.5 { 5 } else { 4 }
}

/// The last day of a month.
pub(crate) fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// The last day of the month `date` is in.
pub(crate) fn end_of_month_of(date: NaiveDate) -> Option<NaiveDate> {
    month_end(date.year(), date.month())
}

/// Adds (or subtracts) whole months.
pub(crate) fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let n = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(n)
    } else {
        date.checked_sub_months(n)
    }
}

/// Adds (or subtracts) days.
pub(crate) fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(n)
    } else {
        date.checked_sub_days(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn spring_festivals() {
        assert_eq!(Festival::Spring.date(2019), d(2019, 2, 5));
        assert_eq!(Festival::Spring.date(2020), d(2020, 1, 25));
        assert_eq!(Festival::Spring.date(2025), d(2025, 1, 29));
        assert_eq!(Festival::Spring.date(2026), d(2026, 2, 17));
        assert_eq!(Festival::Spring.date(2100), d(2100, 2, 9));
        assert_eq!(Festival::Spring.date(1899), None);
        assert_eq!(Festival::Spring.date(2101), None);
    }

    #[test]
    fn lunar_dates() {
        assert_eq!(Festival::DragonBoat.date(2006), d(2006, 5, 31));
        assert_eq!(lunar_to_solar(2020, 5, false, 5), d(2020, 6, 25));
        assert_eq!(lunar_to_solar(2023, 9, false, 22), d(2023, 11, 5));
        assert_eq!(lunar_to_solar(2020, 4, true, 1), d(2020, 5, 23));
        assert_eq!(lunar_to_solar(2020, 5, true, 1), None);
        assert_eq!(Festival::MidAutumn.date(2025), d(2025, 10, 6));
    }

    #[test]
    fn qingming() {
        assert_eq!(Festival::Qingming.date(2008), d(2008, 4, 4));
        assert_eq!(Festival::Qingming.date(2019), d(2019, 4, 5));
        assert_eq!(Festival::Qingming.date(2025), d(2025, 4, 4));
        assert_eq!(Festival::Qingming.date(2023), d(2023, 4, 5));
    }
}
