//! The PRC working-day calendar: Monday–Friday, minus statutory days off, plus make-up working days.
//!
//! The facts are data (`cn_holidays.txt` built in, plus the user's overrides from the database, which
//! win). From them [`Calendar`] precomputes an index over every day from 1960 to 2209, so adding and
//! counting working days is O(1): `cum[i]` is the number of working days among the first `i` days, and
//! `workdays` lists the working days in order.
//!
//! Counting convention (rules.md): "within N working days of D" is the N-th working day after D; D
//! itself never counts, whether or not it is a working day.

pub mod builtin;
mod domain_impl;
pub mod notice;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// Whether a listed day is a day off (放假) or a make-up working day (调休上班).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOff {
    Off,
    Work,
}

/// One listed day: a statutory day off or a make-up working day, with its holiday's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayEntry {
    pub date: NaiveDate,
    pub off: DayOff,
    pub name: String,
}

/// Where a listed day comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Builtin,
    Override,
}

/// The first and last day the index covers. Dates the user may type are narrower
/// ([`FIRST_INPUT_YEAR`]..=[`LAST_INPUT_YEAR`]) so that deadlines computed from them stay inside.
const FIRST_YEAR: i32 = 1960;
const LAST_YEAR: i32 = 2209;
pub const FIRST_INPUT_YEAR: i32 = 1970;
pub const LAST_INPUT_YEAR: i32 = 2199;

/// A working-day calendar with its precomputed index. Cheap to query, built once per process (and
/// again when the user changes the calendar).
#[derive(Debug, Clone)]
pub struct Calendar {
    first: NaiveDate,
    /// `cum[i]`: working days among days `0..i` of the index (so `cum.len() == days + 1`).
    cum: Vec<u32>,
    /// Day numbers of the working days, ascending.
    workdays: Vec<u32>,
    /// Every listed day, with its source.
    listed: BTreeMap<NaiveDate, (DayEntry, Source)>,
    /// Years whose holiday notice is known (built in or imported).
    covered: BTreeSet<i32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Calendar {
    /// The built-in calendar, 2007–2026.
    pub fn builtin() -> Self {
        Self::new(builtin::builtin(), &[], &BTreeSet::new())
    }

    /// A calendar from holiday data plus overrides (which win day by day) and extra covered years
    /// (years whose notice was imported by the user).
    pub fn new(
        data: builtin::HolidayData,
        overrides: &[DayEntry],
        extra_years: &BTreeSet<i32>,
    ) -> Self {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or_default();
        let mut listed = BTreeMap::new();
        for d in data.days {
            listed.insert(d.date, (d, Source::Builtin));
        }
        for d in overrides {
            listed.insert(d.date, (d.clone(), Source::Override));
        }
        let days = (last - first).num_days() as usize + 1;
        let mut cum = Vec::with_capacity(days + 1);
        let mut workdays = Vec::with_capacity(days * 5 / 7 + 8);
        cum.push(0u32);
        let mut count = 0u32;
        for (i, date) in first.iter_days().take(days).enumerate() {
            let work = match listed.get(&date) {
                Some((e, _)) => e.off == DayOff::Work,
                None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            };
            if work {
                count += 1;
                workdays.push(i as u32);
            }
            cum.push(count);
        }
        let mut covered = data.years;
        covered.extend(extra_years);
        Calendar {
            first,
            cum,
            workdays,
            listed,
            covered,
        }
    }

    fn index(&self, d: NaiveDate) -> Option<usize> {
        let i = (d - self.first).num_days();
        (i >= 0 && (i as usize) + 1 < self.cum.len()).then_some(i as usize)
    }

    fn date_at(&self, i: u32) -> NaiveDate {
        self.first + chrono::Days::new(u64::from(i))
    }

    /// Whether the index covers `d` (1960–2209).
    pub fn in_range(&self, d: NaiveDate) -> bool {
        self.index(d).is_some()
    }

    /// Whether `d` is a working day. Outside the index: Monday–Friday.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        match self.index(d) {
            Some(i) => self.cum[i + 1] > self.cum[i],
            None => !matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The listed entry for `d` (a day off or make-up working day), if any.
    pub fn entry(&self, d: NaiveDate) -> Option<(&DayEntry, Source)> {
        self.listed.get(&d).map(|(e, s)| (e, *s))
    }

    /// Listed days within a year, in date order.
    pub fn entries_in_year(&self, year: i32) -> impl Iterator<Item = (&DayEntry, Source)> {
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        self.listed.range(from..=to).map(|(_, (e, s))| (e, *s))
    }

    /// The N-th working day after `d` (N > 0), before it (N < 0), or `d` itself (N = 0).
    /// `None` when the answer falls outside the index.
    pub fn checked_add_workdays(&self, d: NaiveDate, n: i64) -> Option<NaiveDate> {
        let i = self.index(d)?;
        let pos = match n.cmp(&0) {
            std::cmp::Ordering::Equal => return Some(d),
            // Working days up to and including d, then n more: the (cum[i+1] + n)-th, 1-based.
            std::cmp::Ordering::Greater => i64::from(self.cum[i + 1]).checked_add(n)? - 1,
            // Working days strictly before d, then step back |n|.
            std::cmp::Ordering::Less => i64::from(self.cum[i]).checked_add(n)?,
        };
        let day = *self.workdays.get(usize::try_from(pos).ok()?)?;
        Some(self.date_at(day))
    }

    /// As [`Calendar::checked_add_workdays`], saturating at the ends of the index (1960/2209), which
    /// no date a user can enter reaches with the regulation's small limits.
    pub fn add_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        self.checked_add_workdays(d, n).unwrap_or_else(|| {
            if n >= 0 {
                self.date_at(self.cum.len() as u32 - 2)
            } else {
                self.first
            }
        })
    }

    /// Working days after `from` up to and including `to`; negative when `to` is before `from`
    /// (then: minus the working days after `to` up to and including `from`).
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        i64::from(self.ordinal(to)) - i64::from(self.ordinal(from))
    }

    /// The number of working days from the start of the index up to and including `d`. Differences of
    /// ordinals are working-day counts, so a stored ordinal makes "working days left" sortable in SQL.
    pub fn ordinal(&self, d: NaiveDate) -> u32 {
        match self.index(d) {
            Some(i) => self.cum[i + 1],
            None if d < self.first => 0,
            None => *self.cum.last().unwrap_or(&0),
        }
    }

    /// Whether the notice for `year` is known; years without one are computed Monday–Friday.
    pub fn is_year_covered(&self, year: i32) -> bool {
        self.covered.contains(&year)
    }

    /// Whether anything computed over the span between `a` and `b` (either order) rests on a year
    /// without holiday data, and so is provisional.
    pub fn is_provisional(&self, a: NaiveDate, b: NaiveDate) -> bool {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        (lo.year()..=hi.year()).any(|y| !self.is_year_covered(y))
    }
}

#[cfg(test)]
mod tests;
