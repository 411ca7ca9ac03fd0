//! The calendar as the domain's rules see it.

use chrono::NaiveDate;

use super::Calendar;
use crate::domain::WorkCalendar;

impl WorkCalendar for Calendar {
    fn add_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate {
        Calendar::add_workdays(self, d, n)
    }
    fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        Calendar::workdays_between(self, from, to)
    }
    fn is_provisional(&self, a: NaiveDate, b: NaiveDate) -> bool {
        Calendar::is_provisional(self, a, b)
    }
}
