//! Calendar facts: month lengths, the Chinese lunisolar calendar (from
//! `data/time/lunar.tsv`), festivals and the Qingming solar term (a table).

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
    /// 六一: Children's Day, 1 June (schools' limits).
    Children,
    /// 七一: the Party's founding day, 1 July (party branches' limits).
    PartyFounding,
}

impl Festival {
    /// The festival's date in Gregorian year `year` (for lunar festivals: in
    /// lunar year `year`).
    pub(crate) fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            Festival::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
            Festival::Labour => NaiveDate::from_ymd_opt(year, 5, 1),
            Festival::National => NaiveDate::from_ymd_opt(year, 10, 1),
            Festival::Children => NaiveDate::from_ymd_opt(year, 6, 1),
            Festival::PartyFounding => NaiveDate::from_ymd_opt(year, 7, 1),
            Festival::Qingming => NaiveDate::from_ymd_opt(year, 4, qingming_day(year)?),
            Festival::Spring => lunar_to_solar(year, 1, false, 1),
            Festival::Lantern => lunar_to_solar(year, 1, false, 15),
            Festival::DragonBoat => lunar_to_solar(year, 5, false, 5),
            Festival::Qixi => lunar_to_solar(year, 7, false, 7),
            Festival::MidAutumn => lunar_to_solar(year, 8, false, 15),
            Festival::DoubleNinth => lunar_to_solar(year, 9, false, 9),
        }
    }
}

/// The April day of the Qingming solar term (the sun at 15° longitude,
/// Beijing time), one digit a year from 1900 to 2100, as tyme4rs computes it
/// (the tests check every year against it). No formula of the year alone
/// gets them all: the usual one is a day off in 1902, 2000 and 2100.
const QINGMING_APRIL_DAYS: &str = concat!(
    "55665566556655565556555655565556555655565556555555",
    "55555555555555555555555555455545554555455545554555",
    "45554555445544554455445544554455445544554445444544",
    "45444544454445444544454444444444444444444444444444",
    "5"
);

/// The April day of Qingming in `year`, or `None` outside 1900–2100.
fn qingming_day(year: i32) -> Option<u32> {
    let index = usize::try_from(year.checked_sub(FIRST_LUNAR_YEAR)?).ok()?;
    let digit = QINGMING_APRIL_DAYS.as_bytes().get(index)?;
    Some(u32::from(digit - b'0'))
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
        // Where the usual formula of the year was a day off.
        assert_eq!(Festival::Qingming.date(1902), d(1902, 4, 6));
        assert_eq!(Festival::Qingming.date(2000), d(2000, 4, 4));
        assert_eq!(Festival::Qingming.date(2100), d(2100, 4, 5));
        assert_eq!(Festival::Qingming.date(1899), None);
        assert_eq!(Festival::Qingming.date(2101), None);
    }

    /// Qingming in every year of the table is the day tyme4rs computes.
    #[test]
    fn qingming_as_tyme4rs_computes_it() {
        use tyme4rs::tyme::solar::SolarTerm;
        for year in FIRST_LUNAR_YEAR..=2100 {
            let day = SolarTerm::from_name(year as isize, "清明").get_solar_day();
            let theirs = d(year, day.get_month() as u32, day.get_day() as u32);
            assert_eq!(Festival::Qingming.date(year), theirs, "{year}");
        }
    }

    /// The lunisolar table against tyme4rs's computed calendar: every year
    /// agrees but those below, each a month whose new moon falls within
    /// minutes of midnight, Beijing time (UTC+8; times from PyEphem's
    /// VSOP87/ELP, `ephem.next_new_moon`). Ours is the table the Hong Kong
    /// Observatory publishes; tyme4rs puts those years' months on the
    /// calendars then in force (before 1929 Beijing's local time) or on its
    /// own ephemeris. 2057 and 2097 are a question of seconds (the new moons
    /// of 2057-09-28 23:59:49 and 2097-08-07 23:59:17), closer than the
    /// uncertainty of the Earth's rotation that far ahead, so neither table
    /// can be shown wrong; ours is kept.
    #[test]
    fn lunar_table_as_tyme4rs_computes_it_but_for_midnight_new_moons() {
        use tyme4rs::tyme::lunar::LunarYear as TymeYear;
        // The year, and the first day of a month as ours and tyme4rs have it.
        let known = [
            (1906, d(1906, 4, 24), d(1906, 4, 23)), // new moon 04-24 00:06
            (1909, d(1909, 9, 14), d(1909, 9, 15)), // 09-14 23:08
            (1910, d(1911, 1, 1), d(1910, 12, 31)), // 01-01 00:21
            (1916, d(1916, 4, 3), d(1916, 4, 2)),   // 04-03 00:21
            (1920, d(1920, 11, 10), d(1920, 11, 11)), // 11-11 00:05
            (1927, d(1927, 10, 25), d(1927, 10, 26)), // 10-25 23:37
            (1928, d(1928, 10, 13), d(1928, 10, 14)), // 10-13 23:56
            (1942, d(1942, 9, 10), d(1942, 9, 11)), // 09-10 23:53
            (1943, d(1943, 11, 27), d(1943, 11, 28)), // 11-27 23:23
            (1953, d(1954, 2, 3), d(1954, 2, 4)),   // 02-03 23:55, the 1954 new year
            (1954, d(1954, 2, 3), d(1954, 2, 4)),
            (1957, d(1957, 3, 2), d(1957, 3, 1)), // 03-02 00:12
            (2057, d(2057, 9, 28), d(2057, 9, 29)), // 09-28 23:59:49
            (2097, d(2097, 8, 8), d(2097, 8, 7)), // 08-07 23:59:17
        ];
        let mut differing = Vec::new();
        for (index, ours) in lunar_table().iter().enumerate() {
            let year = FIRST_LUNAR_YEAR + index as i32;
            let theirs = TymeYear::from_year(year as isize);
            assert_eq!(ours.leap, theirs.get_leap_month() as u32, "{year}");
            let their_months = theirs.get_months();
            let their_starts = their_months.iter().map(|m| {
                let day = m.get_first_day().get_solar_day();
                d(
                    day.get_year() as i32,
                    day.get_month() as u32,
                    day.get_day() as u32,
                )
            });
            // The first day of each month and of the next year, as ours has them.
            let our_starts = std::iter::once(ours.new_year)
                .chain(ours.lengths.iter().scan(ours.new_year, |day, &length| {
                    *day = *day + Days::new(u64::from(length));
                    Some(*day)
                }))
                .map(Some);
            let next_year = TymeYear::from_year(year as isize + 1).get_months()[0]
                .get_first_day()
                .get_solar_day();
            let next_year = d(
                next_year.get_year() as i32,
                next_year.get_month() as u32,
                next_year.get_day() as u32,
            );
            for (o, t) in our_starts.zip(their_starts.chain(std::iter::once(next_year))) {
                if o != t {
                    differing.push((year, o, t));
                }
            }
        }
        assert_eq!(differing, known);
    }
}
