//! The overview: what needs attention today, each figure the length of the list it leads to.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::{MeetingFilter, MeetingScope, Result, Store, TaskFilter};
use crate::domain::{Light, TaskState};

/// The figures of the overview screen for one `today`. Each one is the length of a list the
/// screen can open (named on each field), computed by that list's own query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// Tasks not done: every light but `done` (the ledger without done tasks).
    pub open: i64,
    /// Tasks with a red light (`TaskFilter::light = Red`).
    pub red: i64,
    /// Tasks with a yellow light (`TaskFilter::light = Yellow`).
    pub yellow: i64,
    /// R5.5: tasks past their limit without an explanation (`TaskFilter::state = ExplanationDue`).
    pub explanations_due: i64,
    /// R4.4: meetings whose minutes are overdue (`MeetingScope::MinutesOverdue`).
    pub minutes_overdue: i64,
    /// R4.3: meetings whose feedback round waits for a unit (`MeetingScope::FeedbackWaiting`).
    pub feedback_waiting: i64,
    /// R5.5: promised tasks whose promised date falls by the end of this week
    /// (`TaskFilter::promised_until = Some(week_end)`).
    pub promises_due_this_week: i64,
    /// The Sunday that ends today's week (today itself on a Sunday).
    pub week_end: NaiveDate,
    /// R5.6: tasks whose promise has passed too (`TaskFilter::state = CriticismDue`).
    pub criticisms_due: i64,
    /// R5.7: units due for referral (`UnitRow::referral_due` in [`Store::unit_rows`], counted by
    /// [`Store::referrals_due`] without the task figures).
    pub referrals_due: i64,
}

/// The Sunday ending the (Monday-to-Sunday) week of `today`.
fn week_end(today: NaiveDate) -> NaiveDate {
    let left = 6 - u64::from(today.weekday().num_days_from_monday());
    today.checked_add_days(Days::new(left)).unwrap_or(today)
}

impl Store {
    /// The overview for `today`.
    pub fn overview(&self, today: NaiveDate) -> Result<Overview> {
        let all = TaskFilter::default();
        let lights = self.task_light_counts(&all, today)?;
        let light = |l: Light| lights.iter().find(|(x, _)| *x == l).map_or(0, |(_, n)| *n);
        let count = |f: TaskFilter| -> Result<i64> { Ok(to_i64(self.task_count(&f, today)?)) };
        let in_state = |s: TaskState| {
            count(TaskFilter {
                state: Some(s),
                ..TaskFilter::default()
            })
        };
        let meetings = |scope: MeetingScope| -> Result<i64> {
            let f = MeetingFilter {
                scope,
                ..MeetingFilter::default()
            };
            Ok(to_i64(self.meeting_count(&f, today)?))
        };
        let week_end = week_end(today);
        let referrals_due = self.referrals_due(today)?;
        Ok(Overview {
            open: lights
                .iter()
                .filter(|(l, _)| *l != Light::Done)
                .map(|(_, n)| n)
                .sum(),
            red: light(Light::Red),
            yellow: light(Light::Yellow),
            explanations_due: in_state(TaskState::ExplanationDue)?,
            minutes_overdue: meetings(MeetingScope::MinutesOverdue)?,
            feedback_waiting: meetings(MeetingScope::FeedbackWaiting)?,
            promises_due_this_week: count(TaskFilter {
                promised_until: Some(week_end),
                ..TaskFilter::default()
            })?,
            week_end,
            criticisms_due: in_state(TaskState::CriticismDue)?,
            referrals_due: to_i64(referrals_due),
        })
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::week_end;
    use crate::domain::testcal::d;

    #[test]
    fn the_week_ends_on_sunday() {
        assert_eq!(week_end(d("2026-11-23")), d("2026-11-29"), "Monday");
        assert_eq!(week_end(d("2026-11-25")), d("2026-11-29"), "Wednesday");
        assert_eq!(week_end(d("2026-11-28")), d("2026-11-29"), "Saturday");
        assert_eq!(week_end(d("2026-11-29")), d("2026-11-29"), "Sunday");
        assert_eq!(week_end(d("2026-12-28")), d("2027-01-03"), "across a year");
    }
}
