//! The built-in calendar checked day by day against `../shared/data/cn-holidays.csv`, the oracle for
//! 2007–2026. Skipped with a notice when `../shared` is not beside the checkout.

mod support;

use chrono::{Datelike, NaiveDate, Weekday};
use duban::calendar::Calendar;
use support::oracle::{self, is_workday};

fn oracle() -> Option<Vec<(NaiveDate, bool)>> {
    oracle::rows()
}

#[test]
fn builtin_calendar_matches_the_shared_csv_every_day_2007_to_2026() {
    let Some(rows) = oracle() else { return };
    assert_eq!(rows.len(), 678, "the oracle's documented row count");
    let listed: std::collections::HashMap<NaiveDate, bool> = rows.iter().copied().collect();
    let cal = Calendar::builtin();
    let first = NaiveDate::from_ymd_opt(2006, 12, 30).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let mut checked = 0;
    for day in first.iter_days().take_while(|d| *d <= last) {
        let expected = match listed.get(&day) {
            Some(off) => !off,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        };
        assert_eq!(cal.is_workday(day), expected, "{day}");
        checked += 1;
    }
    assert!(checked > 7300);
    // Every listed date is listed in the built-in data too, with the same kind.
    for (date, off) in rows {
        let (entry, _) = cal
            .entry(date)
            .unwrap_or_else(|| panic!("{date} missing from built-in data"));
        assert_eq!(entry.off == duban::calendar::DayOff::Off, off, "{date}");
    }
}

#[test]
fn working_day_arithmetic_matches_a_day_by_day_count_over_the_csv() {
    let Some(rows) = oracle() else { return };
    let listed: std::collections::HashMap<NaiveDate, bool> = rows.into_iter().collect();
    let work = |d: NaiveDate| is_workday(&listed, d);
    let cal = Calendar::builtin();
    // For a start every 7 days across the covered years, the 1st..20th working day after it (the
    // regulation's 1, 2, 10 and 15 among them), counted the slow way.
    let mut start = NaiveDate::from_ymd_opt(2007, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    while start <= end {
        let mut day = start;
        for n in 1..=20 {
            day = day.succ_opt().unwrap();
            while !work(day) {
                day = day.succ_opt().unwrap();
            }
            assert_eq!(cal.add_workdays(start, n), day, "{start} + {n}");
            assert_eq!(cal.workdays_between(start, day), n, "{start}..{day}");
            assert_eq!(cal.workdays_between(day, start), -n);
        }
        start = start + chrono::Days::new(7);
    }
}
