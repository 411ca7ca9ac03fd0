//! The overview: what needs attention today, each figure the length of the list it leads to.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::tasks::rules_sql::{CRITICISM_DUE, LIGHT_SQL, STATE_SQL};
use super::{MeetingFilter, MeetingScope, Result, Store, TaskFilter};
use crate::domain::{Light, TaskState};

/// The figures of the overview screen for one `today`. Each one is the length of a list the
/// screen can open (named on each field); the task figures are counted in one pass over the open
/// tasks, the meeting figures by their lists' own queries. A test holds each to its list.
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
    /// R5.6: tasks with a missed promise nothing answered yet, done since or not
    /// (`TaskFilter::state = CriticismDue`).
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
        let week_end = week_end(today);
        let open = self.open_figures(today, week_end)?;
        let sum = |keep: &dyn Fn(&OpenFigure) -> bool| -> i64 {
            open.iter().filter(|f| keep(f)).map(|f| f.count).sum()
        };
        let meetings = |scope: MeetingScope| -> Result<i64> {
            let f = MeetingFilter {
                scope,
                ..MeetingFilter::default()
            };
            Ok(to_i64(self.meeting_count(&f, today)?))
        };
        let referrals_due = self.referrals_due(today)?;
        Ok(Overview {
            open: sum(&|f| f.light != Light::Done),
            red: sum(&|f| f.light == Light::Red),
            yellow: sum(&|f| f.light == Light::Yellow),
            explanations_due: sum(&|f| f.state == TaskState::ExplanationDue),
            minutes_overdue: meetings(MeetingScope::MinutesOverdue)?,
            feedback_waiting: meetings(MeetingScope::FeedbackWaiting)?,
            promises_due_this_week: sum(&|f| f.state == TaskState::Promised && f.by_week_end),
            week_end,
            criticisms_due: self.criticisms_due(today)?,
            referrals_due: to_i64(referrals_due),
        })
    }

    /// The tasks not done on `today`, counted by light, state, and whether a promise falls by
    /// `week_end`: one pass over the open tasks (from `task_open_figures` when the day is in
    /// order), whatever the archive's size.
    fn open_figures(&self, today: NaiveDate, week_end: NaiveDate) -> Result<Vec<OpenFigure>> {
        let open = if self.in_order(today)? {
            "t.completed_on IS NULL"
        } else {
            "(t.completed_on IS NULL OR t.completed_on > :today)"
        };
        let sql = format!(
            "SELECT {LIGHT_SQL}, {STATE_SQL}, coalesce(t.promised_on <= :week_end, 0), count(*)
             FROM task t WHERE {open} GROUP BY 1, 2, 3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(&TaskFilter::default(), today);
        let mut named = p.rules();
        named.push((":week_end", &week_end));
        let rows = stmt.query_map(named.as_slice(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (light, state, by_week_end, count) = row?;
            if let (Some(light), Some(state)) =
                (Light::from_code(&light), TaskState::from_code(&state))
            {
                out.push(OpenFigure {
                    light,
                    state,
                    by_week_end,
                    count,
                });
            }
        }
        Ok(out)
    }
}

impl Store {
    /// R5.6: the tasks due for a criticism on `today`, done since or not: from the index of
    /// unanswered promises (a task done late keeps its missed promise).
    fn criticisms_due(&self, today: NaiveDate) -> Result<i64> {
        let sql = format!("SELECT count(*) FROM task t WHERE {CRITICISM_DUE}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::named_params! {":today": today}, |r| r.get(0))?)
    }
}

/// Open tasks of one light and state (see [`Store::open_figures`]).
struct OpenFigure {
    light: Light,
    state: TaskState,
    by_week_end: bool,
    count: i64,
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
