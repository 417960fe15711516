//! Calendar dates for the date rules: the proleptic Gregorian calendar, days between dates,
//! weekdays, and the stretch of days a date mention or a relative reference stands for.
//!
//! Written here rather than taken from `jiff` or `time`: the rules need civil dates only (no
//! time zones, no clock), and the arithmetic is thirty lines that a test can pin down, while a
//! full date-time crate would add build time for nothing the rules use.

pub mod document;
pub mod relative;
pub mod words;

use crate::extract::DateMention;
use std::fmt;

/// A civil date. Always valid: build one with [`Date::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "January" for 1; "" out of range.
pub fn month_name(m: u8) -> &'static str {
    MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// "Monday" for 0; "" out of range.
pub fn weekday_name(w: u8) -> &'static str {
    WEEKDAYS.get(usize::from(w)).copied().unwrap_or("")
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists (no 30 February). Years are kept to 1..=9999, the range news
    /// text and ISO dates use, so day arithmetic never overflows.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days after 1970-01-01. Hinnant's `civil_from_days`.
    pub fn from_days(n: i64) -> Date {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday ... 6 = Sunday. 1970-01-01 was a Thursday.
    pub fn weekday(self) -> u8 {
        (self.days() + 3).rem_euclid(7) as u8
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// "2024-01-05", also with a time after it ("2024-01-05T06:15:00Z", "2024-01-05 06:15")
    /// or slashes ("2024/01/05"). The date part is the writer's local date, which is what the
    /// text's "yesterday" counts from.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.trim().as_bytes();
        if b.len() < 10 {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &b[r];
            if part.iter().all(u8::is_ascii_digit) {
                std::str::from_utf8(part).ok()?.parse().ok()
            } else {
                None
            }
        };
        let sep = b[4];
        if !(sep == b'-' || sep == b'/') || b[7] != sep {
            return None;
        }
        if b.len() > 10 && b[10].is_ascii_digit() {
            return None;
        }
        let y = digits(0..4)?;
        let m = digits(5..7)?;
        let d = digits(8..10)?;
        Date::new(y as i32, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    }

    /// "2024-01-05".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// "5 January 2024".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, month_name(self.month), self.year)
    }
}

/// A stretch of whole days, both ends included, as day numbers ([`Date::days`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub first: i64,
    pub last: i64,
}

impl Days {
    pub fn new(first: i64, last: i64) -> Days {
        Days {
            first: first.min(last),
            last: first.max(last),
        }
    }

    pub fn day(d: Date) -> Days {
        Days::new(d.days(), d.days())
    }

    pub fn month(year: i32, month: u8) -> Option<Days> {
        let a = Date::new(year, month, 1)?;
        let b = Date::new(year, month, days_in_month(year, month))?;
        Some(Days::new(a.days(), b.days()))
    }

    pub fn year(year: i32) -> Option<Days> {
        let a = Date::new(year, 1, 1)?;
        let b = Date::new(year, 12, 31)?;
        Some(Days::new(a.days(), b.days()))
    }

    pub fn meets(&self, o: &Days) -> bool {
        self.first <= o.last && o.first <= self.last
    }

    /// Days between the two stretches; 0 when they meet.
    pub fn gap(&self, o: &Days) -> i64 {
        if self.meets(o) {
            0
        } else if self.last < o.first {
            o.first - self.last
        } else {
            self.first - o.last
        }
    }

    /// Widens both ends by `n` days.
    pub fn widen(&self, n: i64) -> Days {
        Days::new(self.first - n, self.last + n)
    }

    /// "5 January 2024", "25 December 2023 to 5 January 2024", "October 2023", "2023".
    pub fn describe(&self) -> String {
        let a = Date::from_days(self.first);
        let b = Date::from_days(self.last);
        if a == b {
            return a.to_string();
        }
        let whole_month = a.day == 1 && b.day == days_in_month(b.year, b.month);
        if whole_month && a.year == b.year && a.month == b.month {
            return format!("{} {}", month_name(a.month), a.year);
        }
        if whole_month && a.month == 1 && b.month == 12 && a.year == b.year {
            return a.year.to_string();
        }
        format!("{a} to {b}")
    }
}

/// The year that puts `month`/`day` nearest to the document's date: "5 October" in a story
/// of 5 January 2024 is 5 October 2023, "4 January" is 4 January 2024. `None` when the day
/// does not exist in any of the candidate years (31 April).
pub fn nearest_year(month: u8, day: u8, doc: Date) -> Option<Date> {
    [doc.year - 1, doc.year, doc.year + 1]
        .iter()
        .filter_map(|&y| Date::new(y, month, day))
        .min_by_key(|d| (d.days() - doc.days()).abs())
}

/// How a mention's date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionDays {
    pub days: Days,
    /// The year was not written: it was taken as the one nearest the document's date.
    pub year_inferred: bool,
}

/// The days a date mention stands for: one day ("5 October 2023"), a month ("October 2023")
/// or a year ("in 2023"). Yearless dates take the year nearest the document's date and need
/// one. Ranges ("March 1-10", "2019-20"), decades and bare times give `None`: the rules leave
/// them alone. `text` is the mention as written.
pub fn mention_days(m: &DateMention, text: &str, doc: Option<Date>) -> Option<MentionDays> {
    // Two figures of the same kind inside one mention are a range.
    let figures = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .count();
    let expected = usize::from(m.day.is_some()) + usize::from(m.year.is_some());
    if figures != expected || m.hour.is_some() {
        return None;
    }
    match (m.year, m.month, m.day) {
        (Some(y), Some(mo), Some(d)) => Some(MentionDays {
            days: Days::day(Date::new(y, mo, d)?),
            year_inferred: false,
        }),
        (None, Some(mo), Some(d)) => Some(MentionDays {
            days: Days::day(nearest_year(mo, d, doc?)?),
            year_inferred: true,
        }),
        (Some(y), Some(mo), None) => Some(MentionDays {
            days: Days::month(y, mo)?,
            year_inferred: false,
        }),
        (Some(y), None, None) => {
            // "mid-2020", "late 2019" narrow the year in ways the rules do not model.
            if text.contains('-') || text.contains('\'') || text.contains('’') {
                return None;
            }
            Some(MentionDays {
                days: Days::year(y)?,
                year_inferred: false,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid test date")
    }

    #[test]
    fn days_round_trip_and_known_points() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2000, 3, 1).days(), 11_017);
        assert_eq!(d(1969, 12, 31).days(), -1);
        for n in [-800_000, -1, 0, 1, 59, 60, 11_016, 19_727, 2_000_000] {
            assert_eq!(Date::from_days(n).days(), n);
        }
        // Every day of a leap century and the years around it survives the round trip.
        let start = d(1899, 1, 1).days();
        for n in start..start + 365 * 4 + 1 {
            let x = Date::from_days(n);
            assert_eq!(Date::new(x.year, x.month, x.day), Some(x));
            assert_eq!(x.days(), n);
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        // 5 January 2024 was a Friday; 29 February 2000 a Tuesday; 4 July 1776 a Thursday.
        assert_eq!(weekday_name(d(2024, 1, 5).weekday()), "Friday");
        assert_eq!(weekday_name(d(2000, 2, 29).weekday()), "Tuesday");
        assert_eq!(weekday_name(d(1776, 7, 4).weekday()), "Thursday");
        assert_eq!(weekday_name(d(1970, 1, 1).weekday()), "Thursday");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 0, 1).is_none());
        assert!(Date::new(0, 1, 1).is_none());
    }

    #[test]
    fn iso_dates_with_and_without_times() {
        assert_eq!(Date::parse_iso("2024-01-05"), Some(d(2024, 1, 5)));
        assert_eq!(
            Date::parse_iso(" 2024-01-05T06:15:00Z"),
            Some(d(2024, 1, 5))
        );
        assert_eq!(Date::parse_iso("2024/01/05 06:15"), Some(d(2024, 1, 5)));
        assert_eq!(Date::parse_iso("2024-02-30"), None);
        assert_eq!(Date::parse_iso("2024-1-5"), None);
        assert_eq!(Date::parse_iso("2024-01-055"), None);
        assert_eq!(Date::parse_iso("5 Jan"), None);
        assert_eq!(Date::parse_iso("２０２４-01-05"), None);
        assert_eq!(d(2024, 1, 5).iso(), "2024-01-05");
    }

    #[test]
    fn days_between_and_gaps() {
        assert_eq!(d(2024, 1, 5).days() - d(2023, 10, 5).days(), 92);
        assert_eq!(d(2024, 3, 1).days() - d(2024, 2, 28).days(), 2);
        let oct = Days::month(2023, 10).expect("month");
        let week = Days::new(d(2023, 12, 25).days(), d(2023, 12, 31).days());
        assert!(!oct.meets(&week));
        assert_eq!(oct.gap(&week), 55);
        assert_eq!(week.gap(&oct), 55);
        assert_eq!(oct.describe(), "October 2023");
        assert_eq!(Days::year(2023).expect("year").describe(), "2023");
        assert_eq!(week.describe(), "25 December 2023 to 31 December 2023");
    }

    #[test]
    fn yearless_dates_take_the_nearest_year() {
        let doc = d(2024, 1, 5);
        assert_eq!(nearest_year(10, 5, doc), Some(d(2023, 10, 5)));
        assert_eq!(nearest_year(1, 4, doc), Some(d(2024, 1, 4)));
        assert_eq!(nearest_year(12, 28, doc), Some(d(2023, 12, 28)));
        assert_eq!(nearest_year(2, 29, d(2023, 1, 5)), Some(d(2024, 2, 29)));
        assert_eq!(nearest_year(4, 31, doc), None);
    }
}
