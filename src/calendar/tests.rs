//! The repository's own calendar cases (the day-by-day check against the shared CSV is in
//! `tests/calendar_oracle.rs`).

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// For every notice year: the first day off of the Spring Festival break and its first make-up
/// working day (a weekend day), as published by the State Council.
const SPRING_FESTIVAL: &[(i32, &str, &str)] = &[
    (2007, "2007-02-18", "2007-02-17"),
    (2008, "2008-02-06", "2008-02-02"),
    (2009, "2009-01-25", "2009-01-24"),
    (2010, "2010-02-13", "2010-02-20"),
    (2011, "2011-02-02", "2011-01-30"),
    (2012, "2012-01-22", "2012-01-21"),
    (2013, "2013-02-09", "2013-02-16"),
    (2014, "2014-01-31", "2014-01-26"),
    (2015, "2015-02-18", "2015-02-15"),
    (2016, "2016-02-07", "2016-02-06"),
    (2017, "2017-01-27", "2017-01-22"),
    (2018, "2018-02-15", "2018-02-11"),
    (2019, "2019-02-04", "2019-02-02"),
    (2020, "2020-01-24", "2020-01-19"),
    (2021, "2021-02-11", "2021-02-07"),
    (2022, "2022-01-31", "2022-01-29"),
    (2023, "2023-01-21", "2023-01-28"),
    (2024, "2024-02-10", "2024-02-04"),
    (2025, "2025-01-28", "2025-01-26"),
    (2026, "2026-02-15", "2026-02-14"),
];

#[test]
fn key_dates_of_every_year() {
    let cal = Calendar::builtin();
    for &(year, off, work) in SPRING_FESTIVAL {
        let (off, work) = (d(off), d(work));
        assert!(
            !cal.is_workday(off),
            "{year}: {off} is a Spring Festival day off"
        );
        assert!(
            cal.is_workday(work),
            "{year}: {work} is a make-up working day"
        );
        assert!(
            matches!(work.weekday(), Weekday::Sat | Weekday::Sun),
            "{year}: make-up days fall on weekends"
        );
        // National Day (1 October) is a day off every year.
        let oct1 = NaiveDate::from_ymd_opt(year, 10, 1).unwrap();
        assert!(!cal.is_workday(oct1), "{year}: 1 October");
        // New Year's Day likewise.
        assert!(!cal.is_workday(NaiveDate::from_ymd_opt(year, 1, 1).unwrap()));
        assert!(cal.is_year_covered(year));
    }
    assert!(!cal.is_year_covered(2027));
    assert!(!cal.is_year_covered(2006));
}

#[test]
fn add_workdays_skips_holidays_and_counts_make_up_days() {
    let cal = Calendar::builtin();
    // 2024 National Day: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked.
    assert_eq!(cal.add_workdays(d("2024-09-27"), 1), d("2024-09-29"));
    assert_eq!(cal.add_workdays(d("2024-09-29"), 1), d("2024-09-30"));
    assert_eq!(cal.add_workdays(d("2024-09-30"), 1), d("2024-10-08"));
    assert_eq!(cal.add_workdays(d("2024-10-11"), 1), d("2024-10-12"));
    // D itself never counts, even when D is a day off.
    assert_eq!(cal.add_workdays(d("2024-10-03"), 1), d("2024-10-08"));
    // Backwards.
    assert_eq!(cal.add_workdays(d("2024-10-08"), -1), d("2024-09-30"));
    assert_eq!(cal.add_workdays(d("2024-10-05"), -1), d("2024-09-30"));
    assert_eq!(cal.add_workdays(d("2024-09-30"), -2), d("2024-09-27"));
    assert_eq!(cal.add_workdays(d("2024-10-05"), 0), d("2024-10-05"));
    // 15 working days from the minutes of 2026-09-18 (Fri): 09-20 (Sun) is worked, 09-25..27 and
    // 10-01..07 are off, 10-10 (Sat) is worked.
    assert_eq!(cal.add_workdays(d("2026-09-18"), 15), d("2026-10-15"));
}

#[test]
fn between_is_the_inverse_of_add() {
    let cal = Calendar::builtin();
    let start = d("2023-12-15");
    for n in -40..=40 {
        let to = cal.add_workdays(start, n);
        if cal.is_workday(start) || n == 0 {
            assert_eq!(cal.workdays_between(start, to), n, "n = {n}");
        }
    }
    // Counting from a day off: the first working day after it is 1.
    assert_eq!(cal.workdays_between(d("2024-10-01"), d("2024-10-08")), 1);
    assert_eq!(cal.workdays_between(d("2024-10-08"), d("2024-10-01")), -1);
    // Up to a day off counts only the working days before it.
    assert_eq!(cal.workdays_between(d("2024-09-30"), d("2024-10-05")), 0);
}

#[test]
fn years_without_data_are_monday_to_friday_and_provisional() {
    let cal = Calendar::builtin();
    // 2027 has no notice yet: 1 January 2027 is a Friday and counts as a working day.
    assert!(cal.is_workday(d("2027-01-01")));
    assert!(!cal.is_workday(d("2027-01-02")));
    assert!(cal.is_provisional(d("2026-12-20"), d("2027-01-08")));
    assert!(cal.is_provisional(d("2027-01-08"), d("2026-12-20")));
    assert!(!cal.is_provisional(d("2026-01-05"), d("2026-12-31")));
}

#[test]
fn overrides_win_and_imported_years_are_covered() {
    let base = builtin::builtin();
    let overrides = vec![
        DayEntry {
            date: d("2027-01-01"),
            off: DayOff::Off,
            name: "元旦".into(),
        },
        // Make a built-in day off a working day.
        DayEntry {
            date: d("2026-10-07"),
            off: DayOff::Work,
            name: "更正".into(),
        },
    ];
    let cal = Calendar::new(base, &overrides, &[2027].into_iter().collect());
    assert!(!cal.is_workday(d("2027-01-01")));
    assert!(cal.is_workday(d("2026-10-07")));
    assert_eq!(
        cal.entry(d("2026-10-07")).map(|(_, s)| s),
        Some(Source::Override)
    );
    assert!(!cal.is_provisional(d("2026-12-20"), d("2027-01-08")));
}

#[test]
fn out_of_range_is_none_not_a_panic() {
    let cal = Calendar::builtin();
    assert_eq!(cal.checked_add_workdays(d("2209-12-30"), 10), None);
    assert_eq!(cal.checked_add_workdays(d("1960-01-04"), -10), None);
    assert_eq!(cal.checked_add_workdays(d("1900-01-01"), 1), None);
    assert!(!cal.in_range(d("2300-01-01")));
    assert!(cal.is_workday(d("2300-01-02"))); // a Monday, outside the index
}
