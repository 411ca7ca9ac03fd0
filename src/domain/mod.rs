//! The regulation's entities and rules (永政办发〔2011〕62号, rules R1–R5 in `shared/docs/rules.md`).
//!
//! Pure: chrono and serde only, no SQL, no terminal, no clock. `today` is always a parameter, and
//! working-day arithmetic comes in through the [`WorkCalendar`] trait, which `crate::calendar`
//! implements.

pub mod alias;
pub mod criticism;
pub mod dates;
pub mod fields;
pub mod meeting;
pub mod minutes;
pub mod order;
pub mod promise;
pub mod report;
pub mod role;
pub mod task;
pub mod thresholds;
pub mod unit;

use chrono::NaiveDate;

pub use criticism::{Criticism, Referral, ReferralStatus, UnitCriticisms};
pub use dates::{DateError, parse_date, parse_date_input};
pub use fields::{TextField, TooLong};
pub use meeting::{Attendance, AttendanceOutcome, Meeting, NoticeStatus};
pub use minutes::{Feedback, FeedbackStatus, Minutes, MinutesStatus};
pub use order::{OutOfOrder, When};
pub use promise::{NoticeFact, Standing, Waiver};
pub use report::{MeetingClass, Period, PeriodKind, Report, TaskClass, TaskSlice};
pub use role::{Role, valid_account_name};
pub use task::{
    ExemptCategory, Explanation, Light, Limit, ProgressReport, Task, TaskFacts, TaskState,
};
pub use thresholds::Thresholds;
pub use unit::{Leader, LeaderTitle, Unit, UnitKind};

/// Working-day arithmetic as the rules need it. Implemented by `crate::calendar::Calendar`.
pub trait WorkCalendar {
    /// The N-th working day after `d` (before it when N < 0; `d` itself when N = 0).
    fn add_workdays(&self, d: NaiveDate, n: i64) -> NaiveDate;
    /// Working days after `from` up to and including `to` (negative when `to < from`).
    fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64;
    /// Whether a computation spanning `a`..`b` rests on a year without holiday data.
    fn is_provisional(&self, a: NaiveDate, b: NaiveDate) -> bool;
}

/// A computed deadline: the date, and whether it rests on a year whose holiday notice is not known
/// yet (computed Monday–Friday, so it may move when the notice comes in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Deadline {
    pub date: NaiveDate,
    pub provisional: bool,
}

impl Deadline {
    /// The `n`-th working day after `from`.
    pub fn workdays_after(cal: &impl WorkCalendar, from: NaiveDate, n: i64) -> Self {
        let date = cal.add_workdays(from, n);
        Deadline {
            date,
            provisional: cal.is_provisional(from, date),
        }
    }
}

#[cfg(test)]
pub(crate) mod testcal {
    //! A plain Monday–Friday calendar with a few days off, for rule tests that must not depend on
    //! the real holiday data.
    use super::WorkCalendar;
    use chrono::{Datelike, Days, NaiveDate, Weekday};

    pub struct MonFri {
        pub off: Vec<NaiveDate>,
        pub provisional_from: i32,
    }

    pub fn monfri() -> MonFri {
        MonFri {
            off: vec![],
            provisional_from: 2027,
        }
    }

    impl MonFri {
        fn work(&self, d: NaiveDate) -> bool {
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.off.contains(&d)
        }
    }

    impl WorkCalendar for MonFri {
        fn add_workdays(&self, mut d: NaiveDate, n: i64) -> NaiveDate {
            let mut left = n.abs();
            while left > 0 {
                d = if n > 0 {
                    d + Days::new(1)
                } else {
                    d - Days::new(1)
                };
                if self.work(d) {
                    left -= 1;
                }
            }
            d
        }
        fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
            let (lo, hi, sign) = if from <= to {
                (from, to, 1)
            } else {
                (to, from, -1)
            };
            sign * lo
                .iter_days()
                .skip(1)
                .take_while(|x| *x <= hi)
                .filter(|x| self.work(*x))
                .count() as i64
        }
        fn is_provisional(&self, a: NaiveDate, b: NaiveDate) -> bool {
            a.year().max(b.year()) >= self.provisional_from
        }
    }

    pub fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
}
