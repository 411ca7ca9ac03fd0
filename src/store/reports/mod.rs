//! Reports (R1–R5 over a period): every figure of [`Report`], and the lists behind them.
//!
//! A task figure is the count of the very SQL condition ([`SLICE_SQL`]) that
//! `TaskFilter::slice` puts in the ledger's WHERE, so opening a figure always shows exactly as many
//! tasks as it says. Meeting figures come from one classification of the period's meetings
//! ([`Store::classify_meetings`]), used both to count and to list.

mod meetings;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::ToSql;

use super::tasks::query::LIGHT_SQL;
use super::{Result, Store, TaskFilter};
use crate::domain::criticism::unit_criticisms;
use crate::domain::report::{Count, UnitFigures};
use crate::domain::{Period, Referral, Report, TaskClass, TaskSlice};

/// Whether `task t` is in the slice `:slice` over `:slice_from`..`:slice_to` on `:today` (see
/// [`TaskClass`]). Needs the parameters of `LIGHT_SQL` too.
pub(crate) fn slice_sql() -> String {
    format!(
        "(CASE :slice
    WHEN 'due' THEN t.due BETWEEN :slice_from AND :slice_to
    WHEN 'done_on_time' THEN t.due BETWEEN :slice_from AND :slice_to
        AND t.completed_on <= :today AND t.completed_on <= t.due
    WHEN 'done_late' THEN t.due BETWEEN :slice_from AND :slice_to
        AND t.completed_on <= :today AND t.completed_on > t.due
    WHEN 'open_overdue' THEN t.due BETWEEN :slice_from AND :slice_to
        AND (t.completed_on IS NULL OR t.completed_on > :today) AND t.due < :today
    WHEN 'exempt_stale' THEN t.limit_kind = 'exempt' AND {LIGHT_SQL} = 'yellow'
    WHEN 'explained' THEN EXISTS (SELECT 1 FROM explanation e WHERE e.task_id = t.id
        AND e.submitted_on BETWEEN :slice_from AND :slice_to AND e.submitted_on <= :today)
    WHEN 'promise_kept' THEN EXISTS (SELECT 1 FROM explanation e WHERE e.task_id = t.id
        AND e.promised_on BETWEEN :slice_from AND :slice_to
        AND t.completed_on <= :today AND t.completed_on <= e.promised_on)
    WHEN 'promise_missed' THEN EXISTS (SELECT 1 FROM explanation e WHERE e.task_id = t.id
        AND e.promised_on BETWEEN :slice_from AND :slice_to AND e.promised_on < :today
        AND NOT coalesce(t.completed_on <= :today AND t.completed_on <= e.promised_on, 0))
    WHEN 'overdue_at_end' THEN t.due < :slice_to AND :slice_to <= :today
        AND (t.completed_on IS NULL OR t.completed_on > :slice_to)
    ELSE 0 END)"
    )
}

/// The bound values of [`slice_sql`].
pub(crate) struct SliceParams {
    class: Option<&'static str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl SliceParams {
    pub(crate) fn of(slice: Option<&TaskSlice>) -> SliceParams {
        SliceParams {
            class: slice.map(|s| s.class.code()),
            from: slice.map(|s| s.period.from),
            to: slice.map(|s| s.period.to),
        }
    }

    pub(crate) fn named(&self) -> [(&'static str, &dyn ToSql); 3] {
        [
            (":slice", &self.class as &dyn ToSql),
            (":slice_from", &self.from),
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
            lights: self.task_light_counts(&TaskFilter::default(), today)?,
            overdue_trend: self.overdue_trend(period, today)?,
        })
    }

    /// How many tasks each lead unit has in `slice`.
    fn slice_counts(&self, slice: TaskSlice, today: NaiveDate) -> Result<HashMap<i64, i64>> {
        let sql = format!(
            "SELECT t.lead_unit_id, count(*) FROM task t WHERE {} GROUP BY t.lead_unit_id",
            slice_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(&TaskFilter::default(), today);
        let s = SliceParams::of(Some(&slice));
        let mut named = p.rules();
        named.extend(s.named());
        let rows = stmt.query_map(named.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?;
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
        let mut crit: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
        for c in self.criticisms(None)? {
            crit.entry(c.criticism.unit_id)
                .or_default()
                .push(c.criticism.date);
        }
        let mut refs: HashMap<i64, Vec<Referral>> = HashMap::new();
        for r in self.referrals(None)? {
            refs.entry(r.unit_id).or_default().push(r);
        }
        let get = |m: &HashMap<i64, i64>, id| m.get(&id).copied().unwrap_or(0);
        let mut out = Vec::new();
        for u in self.units()? {
            let dates = crit.get(&u.id).map_or(&[][..], Vec::as_slice);
            let referrals = refs.get(&u.id).map_or(&[][..], Vec::as_slice);
            let cr = unit_criticisms(dates, referrals, today);
            let in_period = |d: &NaiveDate| period.contains(*d) && *d <= today;
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

    /// Tasks open and past their limit at each month's end (as far as the period and today go).
    fn overdue_trend(&self, period: Period, today: NaiveDate) -> Result<Vec<Count>> {
        let mut out = Vec::new();
        for month in period.months() {
            let Some(end) = period.month_end(month, today) else {
                continue;
            };
            let slice = TaskSlice {
                period: Period { from: end, to: end },
                class: TaskClass::OverdueAtEnd,
            };
            let filter = TaskFilter {
                slice: Some(slice),
                ..TaskFilter::default()
            };
            out.push(Count {
                name: format!("{}-{:02}", month.0, month.1),
                count: to_i64(self.task_count(&filter, today)?),
            });
        }
        Ok(out)
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests;
