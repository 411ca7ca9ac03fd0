//! The ledger query. Lights and states are computed in SQL for filtering, sorting and counting
//! (`LIGHT_SQL`, `STATE_SQL`), and in Rust by the domain rules for what is shown; a test holds the
//! two to the same answer.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, ToSql, named_params};
use serde::Serialize;

use super::limit_from;
use crate::domain::task::{TaskFacts, light, state, working_days_left};
use crate::domain::{Light, Limit, TaskSlice, TaskState};
use crate::store::initials::initials_query;
use crate::store::reports::{SliceParams, slice_sql};
use crate::store::{Entity, Result, Store, StoreError};

/// How the ledger is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskSort {
    /// Open tasks by working days left (most overdue first), then those without a limit, then done.
    #[default]
    WorkdaysLeft,
    /// By lead unit, then working days left.
    Unit,
    /// Newest meeting first.
    MeetingDate,
}

/// Which tasks the ledger shows. Every field narrows; the default shows everything.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    /// Only tasks with this light on `today`.
    pub light: Option<Light>,
    /// Only tasks in this state on `today`.
    pub state: Option<TaskState>,
    /// The lead unit.
    pub unit_id: Option<i64>,
    /// The meeting that decided the task.
    pub meeting_id: Option<i64>,
    /// A substring of the task text, its lead unit's name or its meeting's topics. A query of only
    /// ASCII letters and digits also matches, in any case, their pinyin initials (`stz` finds
    /// 上塘镇). Surrounding white space is ignored; an empty query selects everything.
    pub text: Option<String>,
    /// Only tasks in state `promised` (R5.5) whose promised date is on or before this day.
    pub promised_until: Option<NaiveDate>,
    /// Only the tasks behind a report's figure (R5 over a period).
    pub slice: Option<TaskSlice>,
    /// The order of [`Store::tasks`] and [`Store::task_position`].
    pub sort: TaskSort,
    /// At most this many rows from [`Store::tasks`] (all when `None`).
    pub limit: Option<usize>,
    /// Rows of [`Store::tasks`] to skip before the first returned.
    pub offset: usize,
}

/// A task as the ledger shows it, with its rules computed for `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    pub id: i64,
    pub text: String,
    pub lead_unit: String,
    #[serde(skip)]
    pub lead_unit_id: i64,
    pub co_units: Vec<String>,
    pub meeting_id: i64,
    pub meeting_date: NaiveDate,
    pub meeting_topic: Option<String>,
    pub leader: Option<String>,
    pub limit: Limit,
    pub due: Option<NaiveDate>,
    pub provisional: bool,
    pub light: Light,
    pub working_days_left: Option<i64>,
    pub state: TaskState,
    pub completed_on: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    pub last_progress_on: Option<NaiveDate>,
    pub version: i64,
}

/// The light of `task t` on `:today` (ordinal `:today_ord`), as `domain::task::light` defines it.
pub(crate) const LIGHT_SQL: &str = "(CASE
    WHEN t.completed_on IS NOT NULL AND t.completed_on <= :today THEN 'done'
    WHEN t.limit_kind = 'exempt' THEN
        CASE WHEN date(max(coalesce(t.last_progress_on, ''), coalesce(t.assigned_on, '')), '+' || :stale_days || ' days') < :today
             THEN 'yellow' ELSE 'exempt' END
    WHEN t.due IS NULL THEN 'green'
    WHEN t.due < :today THEN 'red'
    WHEN t.due_ord - :today_ord <= :yellow THEN 'yellow'
    ELSE 'green' END)";

/// The state of `task t` on `:today`, as `domain::task::state` defines it.
pub(crate) const STATE_SQL: &str = "(CASE
    WHEN t.completed_on IS NOT NULL AND t.completed_on <= :today THEN 'done'
    WHEN t.criticised THEN 'criticised'
    WHEN t.promised_on IS NOT NULL THEN CASE WHEN :today > t.promised_on THEN 'criticism_due' ELSE 'promised' END
    WHEN t.due IS NOT NULL AND :today > t.due THEN 'explanation_due'
    WHEN t.due IS NULL AND t.limit_kind <> 'exempt' THEN 'pending'
    ELSE 'open' END)";

const COLS: &str = "t.id, t.text, t.lead_unit_id, u.name,
    (SELECT group_concat(name, char(31)) FROM (SELECT cu.name FROM task_co_unit c JOIN unit cu ON cu.id = c.unit_id
        WHERE c.task_id = t.id ORDER BY cu.id)),
    t.meeting_id, m.date, (SELECT topic FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id ORDER BY seq LIMIT 1),
    (SELECT name FROM leader WHERE id = t.responsible_leader_id),
    t.limit_kind, t.limit_date, t.exempt_category, t.due, t.provisional, t.assigned_on, t.completed_on,
    t.last_progress_on, t.promised_on, t.criticised, t.version";

/// The text filter: the task, its lead unit's name or its meeting's topics (needs [`FROM`]'s
/// join of the unit).
const TEXT: &str = "(instr(t.text, :text) > 0 OR instr(u.name, :text) > 0
        OR instr(t.initials, :initials) > 0 OR instr(u.initials, :initials) > 0
        OR EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id
                   AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0)))";

/// No text filter: true, naming the same parameters as [`TEXT`].
const NO_TEXT: &str = "(:text IS NULL AND :initials IS NULL)";

/// Whether `filter` has text to match (surrounding white space ignored).
fn has_text(filter: &TaskFilter) -> bool {
    filter.text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// The tables a count reads: the task alone, unless the text filter needs its unit's name. Every
/// task has its unit and meeting (foreign keys), so the joins never change a count.
fn count_from(filter: &TaskFilter) -> &'static str {
    if has_text(filter) {
        FROM
    } else {
        "FROM task t"
    }
}

/// Tasks not done on `:today`: the negation of the first branch of [`LIGHT_SQL`] and
/// [`STATE_SQL`], written so that the `task_open` index answers it (the open tasks are few).
const OPEN: &str = " AND (t.completed_on IS NULL OR t.completed_on > :today)";

/// Whether `filter` selects only tasks not done (any light or state but done, or a promise), so
/// that [`OPEN`] can narrow the query without changing its answer.
fn open_only(filter: &TaskFilter) -> bool {
    filter.light.is_some_and(|l| l != Light::Done)
        || filter.state.is_some_and(|s| s != TaskState::Done)
        || filter.promised_until.is_some()
}

const FROM: &str =
    "FROM task t JOIN unit u ON u.id = t.lead_unit_id JOIN meeting m ON m.id = t.meeting_id";

impl Store {
    fn where_sql(&self, filter: &TaskFilter) -> String {
        format!(
            "WHERE (:unit IS NULL OR t.lead_unit_id = :unit)
               AND (:meeting IS NULL OR t.meeting_id = :meeting)
               AND (:light IS NULL OR {LIGHT_SQL} = :light)
               AND (:state IS NULL OR {STATE_SQL} = :state)
               AND (:promised_until IS NULL OR ({STATE_SQL} = 'promised' AND t.promised_on <= :promised_until))
               AND {}
               AND {}{}",
            if has_text(filter) { TEXT } else { NO_TEXT },
            slice_sql(filter.slice.map(|s| s.class)),
            if open_only(filter) { OPEN } else { "" }
        )
    }

    /// The ORDER BY of `sort`, shared by the ledger and the position of a task in it. Every order
    /// ends with the task id, so it is total.
    fn order_sql(sort: TaskSort) -> String {
        match sort {
            TaskSort::WorkdaysLeft => {
                format!("({LIGHT_SQL} = 'done'), t.due_ord IS NULL, t.due_ord, t.id")
            }
            TaskSort::Unit => {
                format!("u.id, ({LIGHT_SQL} = 'done'), t.due_ord IS NULL, t.due_ord, t.id")
            }
            TaskSort::MeetingDate => "m.date DESC, t.meeting_id DESC, t.id".to_string(),
        }
    }

    fn row_from(&self, r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<TaskRow> {
        let co: Option<String> = r.get(4)?;
        let kind: String = r.get(9)?;
        let category: Option<String> = r.get(11)?;
        let limit = limit_from(&kind, r.get(10)?, category.as_deref());
        let facts = TaskFacts {
            exempt: matches!(limit, Limit::Exempt(_)),
            due: r.get(12)?,
            assigned_on: r.get(14)?,
            completed_on: r.get(15)?,
            last_progress_on: r.get(16)?,
            promised_on: r.get(17)?,
            criticised: r.get(18)?,
        };
        Ok(TaskRow {
            id: r.get(0)?,
            text: r.get(1)?,
            lead_unit_id: r.get(2)?,
            lead_unit: r.get(3)?,
            co_units: co
                .map(|c| c.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
            meeting_id: r.get(5)?,
            meeting_date: r.get(6)?,
            meeting_topic: r.get(7)?,
            leader: r.get(8)?,
            limit,
            due: facts.due,
            provisional: r.get(13)?,
            light: light(&self.cal, &self.thresholds, &facts, today),
            working_days_left: facts.due.map(|d| working_days_left(&self.cal, d, today)),
            state: state(&facts, today),
            completed_on: facts.completed_on,
            promised_on: facts.promised_on,
            last_progress_on: facts.last_progress_on,
            version: r.get(19)?,
        })
    }

    /// The ledger: the tasks `filter` selects, sorted, windowed by `limit`/`offset`.
    pub fn tasks(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Vec<TaskRow>> {
        let sql = format!(
            "SELECT {COLS} {FROM} {} ORDER BY {} LIMIT :limit OFFSET :offset",
            self.where_sql(filter),
            Self::order_sql(filter.sort)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let rows = stmt.query_map(p.named(true).as_slice(), |r| self.row_from(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `each` with every task `filter` selects, in order, one row at a time: for exports
    /// of any size, whose memory must not grow with the ledger. `each` stops the walk by
    /// returning an error, which is passed on.
    pub fn for_each_task<E: From<StoreError>>(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        mut each: impl FnMut(TaskRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let sql = format!(
            "SELECT {COLS} {FROM} {} ORDER BY {} LIMIT :limit OFFSET :offset",
            self.where_sql(filter),
            Self::order_sql(filter.sort)
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| E::from(e.into()))?;
        let p = self.params(filter, today);
        let mut rows = stmt
            .query(p.named(true).as_slice())
            .map_err(|e| E::from(e.into()))?;
        while let Some(r) = rows.next().map_err(|e| E::from(e.into()))? {
            let row = self.row_from(r, today).map_err(|e| E::from(e.into()))?;
            each(row)?;
        }
        Ok(())
    }

    /// How many tasks `filter` selects on `today` (its limit and offset ignored): the length of
    /// the whole ledger [`Store::tasks`] windows.
    pub fn task_count(&self, filter: &TaskFilter, today: NaiveDate) -> Result<usize> {
        let sql = format!(
            "SELECT count(*) {} {}",
            count_from(filter),
            self.where_sql(filter)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let n: i64 = stmt.query_row(p.named(false).as_slice(), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// The zero-based position of task `id` in the ledger `filter` selects, in the order of
    /// `filter.sort` (its limit and offset ignored); `None` when the filter does not select it.
    /// With it a screen can keep the selection on a record across reloads and page to it.
    pub fn task_position(
        &self,
        filter: &TaskFilter,
        id: i64,
        today: NaiveDate,
    ) -> Result<Option<usize>> {
        let sql = format!(
            "SELECT pos FROM (SELECT t.id AS id, row_number() OVER (ORDER BY {}) - 1 AS pos {FROM} {})
             WHERE id = :id",
            Self::order_sql(filter.sort),
            self.where_sql(filter)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let mut named = p.named(false);
        named.push((":id", &id));
        let pos: Option<i64> = stmt.query_row(named.as_slice(), |r| r.get(0)).optional()?;
        Ok(pos.and_then(|p| usize::try_from(p).ok()))
    }

    /// How many tasks `filter` selects, by light (limit and offset ignored).
    pub fn task_light_counts(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
    ) -> Result<Vec<(Light, i64)>> {
        // The open tasks by light, and the done ones counted apart: each part is answered by the
        // `task_open` index instead of computing the light of every task ever recorded.
        let where_sql = self.where_sql(filter);
        let p = self.params(filter, today);
        let mut out = Vec::new();
        let from = count_from(filter);
        let open = format!(
            "SELECT {LIGHT_SQL} AS light, count(*) {from} {where_sql}{OPEN} GROUP BY light"
        );
        let mut stmt = self.conn.prepare_cached(&open)?;
        let rows = stmt.query_map(p.named(false).as_slice(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (code, n) = row?;
            if let Some(l) = Light::from_code(&code) {
                out.push((l, n));
            }
        }
        if filter.light.is_none_or(|l| l == Light::Done) {
            let done = format!("SELECT count(*) {from} {where_sql} AND t.completed_on <= :today");
            let n: i64 = self
                .conn
                .prepare_cached(&done)?
                .query_row(p.named(false).as_slice(), |r| r.get(0))?;
            if n > 0 {
                out.push((Light::Done, n));
            }
        }
        out.sort();
        Ok(out)
    }

    /// One task as the ledger shows it.
    pub fn task_row(&self, id: i64, today: NaiveDate) -> Result<TaskRow> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLS} {FROM} WHERE t.id = :id"))?;
        let mut rows = stmt.query_map(named_params! {":id": id}, |r| self.row_from(r, today))?;
        rows.next()
            .transpose()?
            .ok_or_else(|| StoreError::not_found(Entity::Task, id))
    }

    /// The parameters of [`LIGHT_SQL`], [`STATE_SQL`] and the filter, for `today`.
    pub(crate) fn params(&self, filter: &TaskFilter, today: NaiveDate) -> QueryParams {
        QueryParams {
            today,
            today_ord: self.cal.ordinal(today),
            yellow: self.thresholds.yellow_within_workdays,
            stale: self.thresholds.exempt_report_every_days,
            unit: filter.unit_id,
            meeting: filter.meeting_id,
            light: filter.light.map(Light::code),
            state: filter.state.map(TaskState::code),
            text: filter
                .text
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            initials: filter.text.as_deref().and_then(initials_query),
            promised_until: filter.promised_until,
            slice: SliceParams::of(filter.slice.as_ref()),
            limit: filter.limit.map_or(-1, |l| l as i64),
            offset: filter.offset as i64,
        }
    }
}

/// Bound values of the ledger's SQL.
pub(crate) struct QueryParams {
    today: NaiveDate,
    today_ord: u32,
    yellow: i64,
    stale: i64,
    unit: Option<i64>,
    meeting: Option<i64>,
    light: Option<&'static str>,
    state: Option<&'static str>,
    text: Option<String>,
    initials: Option<String>,
    promised_until: Option<NaiveDate>,
    slice: SliceParams,
    limit: i64,
    offset: i64,
}

impl QueryParams {
    /// What [`LIGHT_SQL`] and [`STATE_SQL`] need.
    pub(crate) fn rules(&self) -> Vec<(&'static str, &dyn ToSql)> {
        vec![
            (":today", &self.today),
            (":today_ord", &self.today_ord),
            (":yellow", &self.yellow),
            (":stale_days", &self.stale),
        ]
    }

    /// The rules' parameters and the filter's, and the window's when `window`.
    fn named(&self, window: bool) -> Vec<(&'static str, &dyn ToSql)> {
        let mut p = self.rules();
        p.extend([
            (":unit", &self.unit as &dyn ToSql),
            (":meeting", &self.meeting),
            (":light", &self.light),
            (":state", &self.state),
            (":text", &self.text),
            (":initials", &self.initials),
            (":promised_until", &self.promised_until),
        ]);
        p.extend(self.slice.named());
        if window {
            p.extend([
                (":limit", &self.limit as &dyn ToSql),
                (":offset", &self.offset),
            ]);
        }
        p
    }
}
