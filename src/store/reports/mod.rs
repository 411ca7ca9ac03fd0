//! Reports (R1–R5 over a period): every figure of [`Report`], and the lists behind them.
//!
//! A task figure is the count of the very SQL condition ([`SLICE_SQL`]) that
//! `TaskFilter::slice` puts in the ledger's WHERE, so opening a figure always shows exactly as many
//! tasks as it says. Meeting figures come from one classification of the period's meetings
//! ([`Store::classify_meetings`]), used both to count and to list.

mod bulletin;
mod meetings;

pub use bulletin::Bulletin;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::ToSql;

use super::{Result, Store, TaskFilter};
use crate::domain::criticism::unit_criticisms;
use crate::domain::report::{Count, UnitFigures};
use crate::domain::{Period, Report, TaskClass, TaskSlice};

/// The condition that `task t` is in a slice of class `class` over `:slice_from`..`:slice_to` on
/// `:today` (see [`TaskClass`]); with no class, a condition that always holds. Each is written so
/// that an index answers it: the limit's date (`task_due`), the exempt tasks (`task_exempt`), the
/// explanations' dates (`explanation_submitted`, `explanation_promised`), the open and recently
/// completed tasks (`task_open`). Needs the parameters of `LIGHT_SQL` too.
pub(crate) fn slice_sql(class: Option<TaskClass>) -> String {
    const DUE: &str = "t.due BETWEEN :slice_from AND :slice_to";
    const DONE: &str = "t.completed_on <= :today";
    const KEPT: &str = "t2.completed_on <= :today AND t2.completed_on <= e.promised_on";
    let Some(class) = class else {
        return "(:slice_from IS NULL AND :slice_to IS NULL)".into();
    };
    let sql = match class {
        TaskClass::Due => DUE.to_string(),
        TaskClass::DoneOnTime => format!("{DUE} AND {DONE} AND t.completed_on <= t.due"),
        TaskClass::DoneLate => format!("{DUE} AND {DONE} AND t.completed_on > t.due"),
        TaskClass::OpenOverdue => format!(
            "{DUE} AND (t.completed_on IS NULL OR t.completed_on > :today) AND t.due < :today"
        ),
        // `LIGHT_SQL`'s yellow for an exempt task, on the columns `task_exempt` holds.
        TaskClass::ExemptStale => "t.limit_kind = 'exempt'
            AND (t.completed_on IS NULL OR t.completed_on > :today)
            AND date(max(coalesce(t.last_progress_on, ''), coalesce(t.assigned_on, '')),
                     '+' || :stale_days || ' days') < :today
            AND :slice_from <= :slice_to"
            .into(),
        TaskClass::Explained => "t.id IN (SELECT e.task_id FROM explanation e
            WHERE e.submitted_on BETWEEN :slice_from AND :slice_to AND e.submitted_on <= :today)"
            .into(),
        TaskClass::PromiseKept => format!(
            "t.id IN (SELECT e.task_id FROM explanation e JOIN task t2 ON t2.id = e.task_id
             WHERE e.promised_on BETWEEN :slice_from AND :slice_to AND {KEPT})"
        ),
        TaskClass::PromiseMissed => format!(
            "t.id IN (SELECT e.task_id FROM explanation e JOIN task t2 ON t2.id = e.task_id
             WHERE e.promised_on BETWEEN :slice_from AND :slice_to AND e.promised_on < :today
               AND NOT coalesce({KEPT}, 0))"
        ),
        TaskClass::OverdueAtEnd => "(t.completed_on IS NULL OR t.completed_on > :slice_to)
            AND t.due < :slice_to AND :slice_from <= :today"
            .into(),
        TaskClass::Decided => "t.meeting_id IN (SELECT id FROM meeting
            WHERE date BETWEEN :slice_from AND :slice_to AND date <= :today)"
            .into(),
    };
    format!("({sql})")
}

/// The bound values of [`slice_sql`].
pub(crate) struct SliceParams {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl SliceParams {
    pub(crate) fn of(slice: Option<&TaskSlice>) -> SliceParams {
        SliceParams {
            from: slice.map(|s| s.period.from),
            to: slice.map(|s| s.period.to),
        }
    }

    pub(crate) fn named(&self) -> [(&'static str, &dyn ToSql); 2] {
        [
            (":slice_from", &self.from as &dyn ToSql),
            (":slice_to", &self.to),
        ]
    }
}

impl Store {
    /// Every figure of `period`, taken on `today`.
    pub fn report(&self, period: Period, today: NaiveDate) -> Result<Report> {
        let classified = self.classify_meetings(period, today)?;
        Ok(Report {
            period,
            as_of: today,
            meetings: meetings::meeting_figures(&classified, period),
            notices: meetings::notice_figures(&classified),
            attendance: self.attendance_figures(period)?,
            minutes: self.minutes_figures(&classified, period, today)?,
            units: self.unit_figures(period, today)?,
            lights: self.task_light_counts(
                &TaskFilter {
                    slice: Some(TaskSlice {
                        period,
                        class: TaskClass::Decided,
                    }),
                    ..TaskFilter::default()
                },
                today,
            )?,
            overdue_trend: self.overdue_trend(period, today)?,
        })
    }

    /// How many tasks each lead unit has in `slice`.
    fn slice_counts(&self, slice: TaskSlice, today: NaiveDate) -> Result<HashMap<i64, i64>> {
        let sql = format!(
            "SELECT t.lead_unit_id, count(*) FROM task t WHERE {} GROUP BY t.lead_unit_id",
            slice_sql(Some(slice.class))
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(&TaskFilter::default(), today);
        let s = SliceParams::of(Some(&slice));
        let mut named = p.rules();
        named.extend(s.named());
        // Each class's condition uses only some of the parameters: bind those it names.
        let mut present = Vec::with_capacity(named.len());
        for (name, value) in named {
            if stmt.parameter_index(name)?.is_some() {
                present.push((name, value));
            }
        }
        let rows = stmt.query_map(present.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// R5 per unit: the task figures, explanations and promises, criticisms and referrals.
    fn unit_figures(&self, period: Period, today: NaiveDate) -> Result<Vec<UnitFigures>> {
        let count = |class| self.slice_counts(TaskSlice { period, class }, today);
        let due = count(TaskClass::Due)?;
        let on_time = count(TaskClass::DoneOnTime)?;
        let late = count(TaskClass::DoneLate)?;
        let overdue = count(TaskClass::OpenOverdue)?;
        let stale = count(TaskClass::ExemptStale)?;
        let explained = count(TaskClass::Explained)?;
        let kept = count(TaskClass::PromiseKept)?;
        let missed = count(TaskClass::PromiseMissed)?;
        let (crit, refs) = self.accountability(None)?;
        let get = |m: &HashMap<i64, i64>, id| m.get(&id).copied().unwrap_or(0);
        let mut out = Vec::new();
        for u in self.units()? {
            let dates = crit.get(&u.id).map_or(&[][..], Vec::as_slice);
            let referrals = refs.get(&u.id).map_or(&[][..], Vec::as_slice);
            let cr = unit_criticisms(dates, referrals, today);
            let in_period = |d: &NaiveDate| period.holds_by(*d, today);
            let figures = UnitFigures {
                unit_id: u.id,
                unit: u.name,
                due: get(&due, u.id),
                done_on_time: get(&on_time, u.id),
                done_late: get(&late, u.id),
                open_overdue: get(&overdue, u.id),
                exempt_stale: get(&stale, u.id),
                explanations: get(&explained, u.id),
                promises_kept: get(&kept, u.id),
                promises_missed: get(&missed, u.id),
                criticisms: to_i64(dates.iter().filter(|d| in_period(d)).count()),
                criticisms_rolling_year: to_i64(cr.rolling_year),
                referrals: to_i64(
                    referrals
                        .iter()
                        .filter(|r| in_period(&r.proposed_on))
                        .count(),
                ),
                referral_due: cr.referral_due,
            };
            if figures.is_active() {
                out.push(figures);
            }
        }
        Ok(out)
    }

    /// Tasks open and past their limit at each month's end (as far as the period and today go):
    /// for each end, the tasks of [`TaskClass::OverdueAtEnd`] over that one day. One pass over the
    /// tasks open at the first end or later, counted for every month at once.
    fn overdue_trend(&self, period: Period, today: NaiveDate) -> Result<Vec<Count>> {
        let ends: Vec<((i32, u32), NaiveDate)> = period
            .months()
            .into_iter()
            .filter_map(|m| Some((m, period.month_end(m, today)?)))
            .collect();
        let (Some(first), Some(last)) = (ends.first(), ends.last()) else {
            return Ok(Vec::new());
        };
        let mut counts = vec![0i64; ends.len()];
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.due, t.completed_on FROM task t
             WHERE (t.completed_on IS NULL OR t.completed_on > ?1) AND t.due < ?2",
        )?;
        let rows = stmt.query_map((first.1, last.1), |r| {
            Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, Option<NaiveDate>>(1)?))
        })?;
        for row in rows {
            let (due, completed) = row?;
            for (n, (_, end)) in counts.iter_mut().zip(&ends) {
                if due < *end && completed.is_none_or(|c| c > *end) {
                    *n += 1;
                }
            }
        }
        Ok(ends
            .iter()
            .zip(counts)
            .map(|(((y, m), _), count)| Count {
                name: format!("{y}-{m:02}"),
                count,
            })
            .collect())
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests;
