//! When a year's holiday notice counts as known. A State Council notice sets every holiday of a
//! year; a file that brings one stray day of it (a single make-up Saturday, the 元旦 days of
//! the year before) is not that notice. A year counts as known only when the days it lists hold
//! the notice as a whole: at least its Spring Festival and its National Day days off. Until then
//! its working days are counted Monday–Friday and every deadline in or across it is provisional.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::{DayEntry, DayOff};

/// What a year's listed days lack to be a whole notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Missing {
    pub spring_festival: bool,
    pub national_day: bool,
}

impl Missing {
    pub fn nothing(self) -> bool {
        !self.spring_festival && !self.national_day
    }
}

/// The days off a notice always gives each of its two long breaks, at the least.
const LEAST_DAYS_OFF: usize = 3;

/// The year a listed day belongs to: the year of the notice that sets it. 元旦's make-up working
/// days and days off may fall in the last days of the year before.
pub fn notice_year(date: NaiveDate) -> i32 {
    if date.month() == 12 && date.day() > 25 {
        date.year() + 1
    } else {
        date.year()
    }
}

/// For each year the days belong to: what it lacks to be a whole notice (nothing: it is whole).
/// The Spring Festival break falls between 15 January and the end of February; the National Day
/// break holds days off in the first week of October. Each needs at least three days off.
pub fn notice_years(days: &[DayEntry]) -> BTreeMap<i32, Missing> {
    let mut out = BTreeMap::new();
    let mut spring: BTreeMap<i32, BTreeSet<NaiveDate>> = BTreeMap::new();
    let mut national: BTreeMap<i32, BTreeSet<NaiveDate>> = BTreeMap::new();
    for d in days {
        out.insert(notice_year(d.date), Missing::default());
        if d.off != DayOff::Off {
            continue;
        }
        let (y, m, day) = (d.date.year(), d.date.month(), d.date.day());
        if (m == 1 && day >= 15) || m == 2 {
            spring.entry(y).or_default().insert(d.date);
        }
        if m == 10 && day <= 8 {
            national.entry(y).or_default().insert(d.date);
        }
    }
    for (y, missing) in &mut out {
        let count = |m: &BTreeMap<i32, BTreeSet<NaiveDate>>| m.get(y).map_or(0, BTreeSet::len);
        missing.spring_festival = count(&spring) < LEAST_DAYS_OFF;
        missing.national_day = count(&national) < LEAST_DAYS_OFF;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str, off: bool) -> DayEntry {
        DayEntry {
            date: s.parse().unwrap(),
            off: if off { DayOff::Off } else { DayOff::Work },
            name: String::new(),
        }
    }

    #[test]
    fn a_year_is_known_only_from_its_whole_notice() {
        let stray = [day("2027-02-06", false), day("2027-02-08", true)];
        let y = notice_years(&stray);
        assert_eq!(
            y[&2027],
            Missing {
                spring_festival: true,
                national_day: true
            }
        );
        let mut whole: Vec<DayEntry> = (6..=12)
            .map(|d| day(&format!("2027-02-{d:02}"), true))
            .collect();
        assert!(notice_years(&whole)[&2027].national_day);
        whole.extend((1..=7).map(|d| day(&format!("2027-10-{d:02}"), true)));
        // 元旦's make-up day at the end of 2026 belongs to the 2027 notice.
        whole.push(day("2026-12-27", false));
        let y = notice_years(&whole);
        assert_eq!(y.len(), 1);
        assert!(y[&2027].nothing());
    }

    #[test]
    fn every_built_in_year_is_a_whole_notice() {
        let data = super::super::builtin::builtin();
        let years = notice_years(&data.days);
        for y in &data.years {
            assert!(years[y].nothing(), "{y}: {:?}", years[y]);
        }
    }
}
