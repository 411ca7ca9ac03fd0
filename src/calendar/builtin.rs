//! The built-in holiday data (`cn_holidays.txt`), one section per State Council notice.
//!
//! The file is compiled into the binary and parsed once per process; its format is described at the
//! top of the file itself. A malformed line is a programming error caught by the tests, and the parser
//! reports it with its line number rather than panicking.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{DayEntry, DayOff};

/// The holiday notices 2007–2026, in duban's own format.
pub const SOURCE: &str = include_str!("cn_holidays.txt");

/// Everything a data file says: the listed days and the notice years it covers.
#[derive(Debug, Clone, Default)]
pub struct HolidayData {
    pub days: Vec<DayEntry>,
    pub years: BTreeSet<i32>,
}

/// Parses the built-in data. Tested to be well-formed, so this never fails in a released binary.
pub fn builtin() -> HolidayData {
    parse(SOURCE).unwrap_or_default()
}

/// Parses text in the `cn_holidays.txt` format.
pub fn parse(text: &str) -> Result<HolidayData, String> {
    let mut data = HolidayData::default();
    let mut year: Option<i32> = None;
    for (no, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |what: &str| format!("line {}: {what}: {raw}", no + 1);
        if let Some(y) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let y: i32 = y.trim().parse().map_err(|_| err("bad year"))?;
            data.years.insert(y);
            year = Some(y);
            continue;
        }
        let year = year.ok_or_else(|| err("a holiday before the first [year]"))?;
        let mut words = line.split_whitespace();
        let name = words.next().ok_or_else(|| err("no holiday name"))?;
        let mut kind: Option<DayOff> = None;
        for word in words {
            match word {
                "off" => kind = Some(DayOff::Off),
                "work" => kind = Some(DayOff::Work),
                days => {
                    let off = kind.ok_or_else(|| err("days before `off` or `work`"))?;
                    let (a, b) = match days.split_once("..") {
                        Some((a, b)) => (day(a, year), day(b, year)),
                        None => (day(days, year), day(days, year)),
                    };
                    let (Some(a), Some(b)) = (a, b) else {
                        return Err(err("bad date"));
                    };
                    if b < a {
                        return Err(err("range ends before it starts"));
                    }
                    for date in a.iter_days().take_while(|d| *d <= b) {
                        data.days.push(DayEntry {
                            date,
                            off,
                            name: name.to_string(),
                        });
                    }
                }
            }
        }
    }
    data.days.sort_by_key(|d| d.date);
    Ok(data)
}

/// `MM-DD` in `year`, or a full `YYYY-MM-DD`.
fn day(text: &str, year: i32) -> Option<NaiveDate> {
    match text.len() {
        5 => {
            let (m, d) = text.split_once('-')?;
            NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        }
        10 => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        _ => None,
    }
    .filter(|d| (d.year() - year).abs() <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_and_covers_2007_to_2026() {
        let data = parse(SOURCE).expect("built-in calendar data must parse");
        assert_eq!(data.years, (2007..=2026).collect());
        // No date may be listed twice (once off, once work) within the built-in data.
        let mut dates: Vec<_> = data.days.iter().map(|d| d.date).collect();
        dates.dedup();
        assert_eq!(dates.len(), data.days.len(), "a date is listed twice");
    }

    #[test]
    fn parse_reports_the_line_of_a_bad_date() {
        let e = parse("[2024]\n春节 off 02-30\n").unwrap_err();
        assert!(e.starts_with("line 2"), "{e}");
        assert!(parse("春节 off 02-10\n").is_err(), "holiday before a year");
        assert!(
            parse("[2024]\n春节 02-10\n").is_err(),
            "days before off/work"
        );
        assert!(parse("[2024]\n春节 off 02-17..02-10\n").is_err());
    }

    #[test]
    fn ranges_and_cross_year_days_expand() {
        let d = parse("[2008]\n元旦 off 2007-12-30..01-01 work 2007-12-29\n").unwrap();
        let listed: Vec<String> = d
            .days
            .iter()
            .map(|e| format!("{}{}", e.date, if e.off == DayOff::Off { "o" } else { "w" }))
            .collect();
        assert_eq!(
            listed,
            ["2007-12-29w", "2007-12-30o", "2007-12-31o", "2008-01-01o"]
        );
    }
}
