//! Units with their figures (open, red, yellow, on-time rate, criticisms, referral due).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::tasks::rules_sql::LIGHT_SQL;
use super::{CriticismRow, Result, Store, TaskFilter, TaskRow};
use crate::domain::criticism::unit_criticisms;
use crate::domain::{Referral, Unit, UnitKind};

/// A unit as the units list shows it, for `today`.
#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    pub kind: UnitKind,
    pub active: bool,
    /// Tasks it leads that are not done.
    pub open_tasks: i64,
    pub red: i64,
    pub yellow: i64,
    pub done: i64,
    pub done_on_time: i64,
    /// Done on time among done tasks with a limit; `None` when there are none.
    pub on_time_rate: Option<f64>,
    pub criticisms_rolling_year: usize,
    pub criticisms_calendar_year: usize,
    pub referral_due: bool,
}

/// One unit with its tasks, criticisms and referrals.
#[derive(Debug, Clone, Serialize)]
pub struct UnitDetail {
    #[serde(flatten)]
    pub row: UnitRow,
    pub unit: Unit,
    /// Its short forms for search (`duban unit alias`).
    pub aliases: Vec<String>,
    pub tasks: Vec<TaskRow>,
    pub criticisms: Vec<CriticismRow>,
    pub referrals: Vec<Referral>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Counts {
    open: i64,
    red: i64,
    yellow: i64,
    done: i64,
    on_time: i64,
    done_with_limit: i64,
}

/// The lights of open tasks by unit: (unit, light code, count).
const OPEN_LIGHTS: &str = "SELECT t.lead_unit_id, {LIGHT}, count(*) FROM task t
     WHERE t.completed_on IS NULL AND (:unit IS NULL OR t.lead_unit_id = :unit) GROUP BY 1, 2";

/// Criticism dates and referrals, by unit id.
pub(super) type Accountability = (HashMap<i64, Vec<NaiveDate>>, HashMap<i64, Vec<Referral>>);

impl Store {
    /// Each unit's criticism dates and referrals (only unit `only`'s, when given): what R5.7's
    /// figures are computed from.
    pub(super) fn accountability(&self, only: Option<i64>) -> Result<Accountability> {
        let mut crit: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
        for c in self.criticisms(only)? {
            crit.entry(c.criticism.unit_id)
                .or_default()
                .push(c.criticism.date);
        }
        let mut refs: HashMap<i64, Vec<Referral>> = HashMap::new();
        for r in self.referrals(only)? {
            refs.entry(r.unit_id).or_default().push(r);
        }
        Ok((crit, refs))
    }

    /// R5.7: how many units are due for referral on `today` (as [`UnitRow::referral_due`] says),
    /// from criticisms and referrals alone.
    pub fn referrals_due(&self, today: NaiveDate) -> Result<usize> {
        let (crit, refs) = self.accountability(None)?;
        Ok(crit
            .iter()
            .filter(|(unit, dates)| {
                let referrals = refs.get(unit).map_or(&[][..], Vec::as_slice);
                unit_criticisms(dates, referrals, today).referral_due
            })
            .count())
    }

    /// Every unit with its figures for `today`.
    pub fn unit_rows(&self, today: NaiveDate) -> Result<Vec<UnitRow>> {
        self.rows_of(self.units()?, None, today)
    }

    /// The figures of `units`; with `only`, every query is narrowed to that one unit.
    fn rows_of(
        &self,
        units: Vec<Unit>,
        only: Option<i64>,
        today: NaiveDate,
    ) -> Result<Vec<UnitRow>> {
        let mut counts = if self.in_order(today)? {
            self.unit_counts_kept(only, today)?
        } else {
            self.unit_counts_for_day(only, today)?
        };
        let (crit, refs) = self.accountability(only)?;
        Ok(units
            .into_iter()
            .map(|u| {
                let c = counts.remove(&u.id).unwrap_or_default();
                let cr = unit_criticisms(
                    crit.get(&u.id).map_or(&[][..], Vec::as_slice),
                    refs.get(&u.id).map_or(&[][..], Vec::as_slice),
                    today,
                );
                UnitRow {
                    id: u.id,
                    name: u.name,
                    kind: u.kind,
                    active: u.active,
                    open_tasks: c.open,
                    red: c.red,
                    yellow: c.yellow,
                    done: c.done,
                    done_on_time: c.on_time,
                    on_time_rate: (c.done_with_limit > 0)
                        .then(|| c.on_time as f64 / c.done_with_limit as f64),
                    criticisms_rolling_year: cr.rolling_year,
                    criticisms_calendar_year: cr.calendar_year,
                    referral_due: cr.referral_due,
                }
            })
            .collect())
    }

    /// Each unit's counts when no task is completed after `today` (see `Store::in_order`): the
    /// open tasks' lights from `task_open_figures`, the done ones from `unit_count` (migration 7).
    pub(super) fn unit_counts_kept(
        &self,
        only: Option<i64>,
        today: NaiveDate,
    ) -> Result<HashMap<i64, Counts>> {
        let mut counts: HashMap<i64, Counts> = HashMap::new();
        let sql = OPEN_LIGHTS.replace("{LIGHT}", LIGHT_SQL);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let params = self.params(&TaskFilter::default(), today);
        let mut named = params.rules();
        named.push((":unit", &only));
        let rows = stmt.query_map(named.as_slice(), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (unit, light, n) = row?;
            let c = counts.entry(unit).or_default();
            c.open += n;
            match light.as_str() {
                "red" => c.red += n,
                "yellow" => c.yellow += n,
                _ => {}
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT unit_id, done, on_time, with_limit FROM unit_count
             WHERE :unit IS NULL OR unit_id = :unit",
        )?;
        let rows = stmt.query_map(rusqlite::named_params! {":unit": only}, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        for row in rows {
            let (unit, done, on_time, with_limit) = row?;
            let c = counts.entry(unit).or_default();
            c.done += done;
            c.on_time += on_time;
            c.done_with_limit += with_limit;
        }
        Ok(counts)
    }

    /// Each unit's counts on a day some task is completed after: every task's light for that
    /// day.
    pub(super) fn unit_counts_for_day(
        &self,
        only: Option<i64>,
        today: NaiveDate,
    ) -> Result<HashMap<i64, Counts>> {
        let sql = format!(
            "SELECT t.lead_unit_id, {LIGHT_SQL} AS light, count(*),
                    sum(t.completed_on IS NOT NULL AND t.due IS NOT NULL AND t.completed_on <= t.due),
                    sum(t.completed_on IS NOT NULL AND t.due IS NOT NULL)
             FROM task t WHERE :unit IS NULL OR t.lead_unit_id = :unit GROUP BY t.lead_unit_id, light"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut counts: HashMap<i64, Counts> = HashMap::new();
        let params = self.params(&TaskFilter::default(), today);
        let mut named = params.rules();
        named.push((":unit", &only));
        let rows = stmt.query_map(named.as_slice(), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for row in rows {
            let (unit, light, n, on_time, with_limit) = row?;
            let c = counts.entry(unit).or_default();
            match light.as_str() {
                "done" => c.done += n,
                "red" => c.red += n,
                "yellow" => c.yellow += n,
                _ => {}
            }
            if light != "done" {
                c.open += n;
            }
            c.on_time += on_time;
            c.done_with_limit += with_limit;
        }
        Ok(counts)
    }

    /// One unit with its tasks (as lead), criticisms and referrals.
    pub fn unit_detail(&self, name: &str, today: NaiveDate) -> Result<UnitDetail> {
        let unit = self.unit_by_name(name)?;
        let row = self
            .rows_of(vec![unit.clone()], Some(unit.id), today)?
            .pop()
            .ok_or_else(|| super::StoreError::not_found(super::Entity::Unit, name))?;
        let filter = TaskFilter {
            unit_id: Some(unit.id),
            ..TaskFilter::default()
        };
        Ok(UnitDetail {
            row,
            aliases: super::aliases::read_aliases(&self.conn, unit.id)?,
            tasks: self.tasks(&filter, today)?,
            criticisms: self.criticisms(Some(unit.id))?,
            referrals: self.referrals(Some(unit.id))?,
            unit,
        })
    }
}
