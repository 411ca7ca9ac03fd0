//! The ledger query. Lights and states are computed in SQL for filtering, sorting and counting
//! (`LIGHT_SQL`, `STATE_SQL`), and in Rust by the domain rules for what is shown; a test holds the
//! two to the same answer.

use chrono::NaiveDate;
use rusqlite::{Row, Statement, ToSql, named_params};
use serde::Serialize;

use super::limit_from;
use super::rules_sql::{
    CRITICISM_DUE, DONE, DONE_IN_ORDER, LIGHT_SQL, OPEN, OPEN_IN_ORDER, STATE_SQL, done_only,
    open_only,
};
use super::text::{Plan, TEXT, TEXT_INDEXED, has_text};
use crate::domain::task::{TaskFacts, count_provisional, light, state, working_days_left};
use crate::domain::{Deadline, Light, Limit, TaskSlice, TaskState};
use crate::store::initials::initials_query;
use crate::store::reports::{SliceParams, slice_sql};
use crate::store::search::match_query;
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// A row known to stand at a position of this very ledger (the window on screen), from which
    /// [`Store::tasks`] seeks instead of skipping `offset` rows.
    pub anchor: Option<Anchor>,
}

impl TaskFilter {
    /// Whether the filter selects every task (it may still sort them).
    pub fn selects_all(&self) -> bool {
        self.light.is_none()
            && self.state.is_none()
            && self.unit_id.is_none()
            && self.meeting_id.is_none()
            && self.text.as_deref().is_none_or(|t| t.trim().is_empty())
            && self.promised_until.is_none()
            && self.slice.is_none()
            && self.limit.is_none()
            && self.offset == 0
    }
}

/// Where a window of the ledger can be read from without counting rows from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Task `id` stands at `position` of the ledger the filter selects.
    Row { id: i64, position: usize },
    /// The ledger has `total` rows: a window near its end is read backwards from there.
    End { total: usize },
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
    /// The count of working days left (or overdue) rests on a year without a holiday notice: the
    /// limit is provisional, or a year between the limit and `today` is
    /// ([`crate::domain::task::count_provisional`]).
    pub working_days_left_provisional: bool,
    pub state: TaskState,
    pub completed_on: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    /// R5.6: the earliest promise missed and not answered (by a criticism or a waiver).
    pub unanswered_promise: Option<NaiveDate>,
    pub last_progress_on: Option<NaiveDate>,
    pub version: i64,
}

pub(super) const COLS: &str = "t.id, t.text, t.lead_unit_id, u.name,
    (SELECT group_concat(name, char(31)) FROM (SELECT cu.name FROM task_co_unit c JOIN unit cu ON cu.id = c.unit_id
        WHERE c.task_id = t.id ORDER BY cu.id)),
    t.meeting_id, m.date, (SELECT topic FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id ORDER BY seq LIMIT 1),
    (SELECT name FROM leader WHERE id = t.responsible_leader_id),
    t.limit_kind, t.limit_date, t.exempt_category, t.due, t.provisional, t.assigned_on, t.completed_on,
    t.last_progress_on, t.promised_on, t.criticised, t.version, t.unanswered_promise,
    (m.procedure_unknown AND NOT EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id))";

pub(crate) const FROM: &str =
    "FROM task t JOIN unit u ON u.id = t.lead_unit_id JOIN meeting m ON m.id = t.meeting_id";

/// `conditions` as a WHERE clause (empty when there are none, so that a bare count is answered
/// from the table's size).
pub(crate) fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    }
}

impl Store {
    /// The conditions of `filter`, only those it sets, so that the planner sees which indexes
    /// answer them, written for `plan`.
    pub(crate) fn conditions(&self, filter: &TaskFilter, plan: Plan) -> Vec<String> {
        let mut c = Vec::new();
        if filter.unit_id.is_some() {
            c.push("t.lead_unit_id = :unit".to_string());
        }
        if filter.meeting_id.is_some() {
            c.push("t.meeting_id = :meeting".to_string());
        }
        if filter.light.is_some() {
            c.push(format!("{LIGHT_SQL} = :light"));
        }
        if filter.state.is_some() {
            c.push(format!("{STATE_SQL} = :state"));
        }
        // Implied by that state; stated so that the index of unanswered promises narrows first.
        if filter.state == Some(TaskState::CriticismDue) {
            c.push(CRITICISM_DUE.to_string());
        }
        if filter.promised_until.is_some() {
            c.push(format!(
                "({STATE_SQL} = 'promised' AND t.promised_on <= :promised_until)"
            ));
        }
        if has_text(filter) {
            c.push(if plan.text_index { TEXT_INDEXED } else { TEXT }.to_string());
        }
        if let Some(slice) = filter.slice {
            c.push(format!("({})", slice_sql(Some(slice.class))));
        }
        // Implied by the conditions above; stated so that an index narrows the rows first.
        match (open_only(filter), done_only(filter), plan.in_order) {
            (true, _, true) => c.push(OPEN_IN_ORDER.to_string()),
            (true, _, false) => c.push(OPEN.to_string()),
            (_, true, true) => c.push(DONE_IN_ORDER.to_string()),
            (_, true, false) => c.push(DONE.to_string()),
            _ => {}
        }
        c
    }

    /// Whether no task is recorded as completed after `today`: then done on `today` is the same
    /// as completed, and the ledger's order is the `sort_key` index's. Otherwise (looking at an
    /// earlier day) the order is computed for the day, row by row.
    pub(crate) fn in_order(&self, today: NaiveDate) -> Result<bool> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM task WHERE completed_on > :today)")?;
        Ok(stmt.query_row(named_params! {":today": today}, |r| r.get(0))?)
    }

    /// The ORDER BY of `sort` on a day not [`Store::in_order`]: computed for each row. Every
    /// order ends with the task id, so it is total.
    pub(crate) fn order_for_day(sort: TaskSort) -> String {
        match sort {
            TaskSort::WorkdaysLeft => {
                format!("({LIGHT_SQL} = 'done'), t.due_ord IS NULL, t.due_ord, t.id")
            }
            TaskSort::Unit => {
                format!(
                    "t.lead_unit_id, ({LIGHT_SQL} = 'done'), t.due_ord IS NULL, t.due_ord, t.id"
                )
            }
            TaskSort::MeetingDate => "m.date DESC, t.meeting_id DESC, t.id".to_string(),
        }
    }

    pub(super) fn row_from(&self, r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<TaskRow> {
        let co: Option<String> = r.get(4)?;
        let kind: String = r.get(9)?;
        let category: Option<String> = r.get(11)?;
        let limit = limit_from(&kind, r.get(10)?, category.as_deref());
        let provisional: bool = r.get(13)?;
        let facts = TaskFacts {
            exempt: matches!(limit, Limit::Exempt(_)),
            due: r.get(12)?,
            assigned_on: r.get(14)?,
            completed_on: r.get(15)?,
            last_progress_on: r.get(16)?,
            promised_on: r.get(17)?,
            unanswered_promise: r.get(20)?,
            criticised: r.get(18)?,
            minutes_unknown: r.get(21)?,
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
            provisional,
            light: light(&self.cal, &self.thresholds, &facts, today),
            working_days_left: facts.due.map(|d| working_days_left(&self.cal, d, today)),
            working_days_left_provisional: facts.due.is_some_and(|date| {
                count_provisional(&self.cal, Deadline { date, provisional }, today)
            }),
            state: state(&facts, today),
            completed_on: facts.completed_on,
            promised_on: facts.promised_on,
            unanswered_promise: facts.unanswered_promise,
            last_progress_on: facts.last_progress_on,
            version: r.get(19)?,
        })
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
            phrase: filter.text.as_deref().and_then(match_query),
            promised_until: filter.promised_until,
            slice: SliceParams::of(filter.slice.as_ref()),
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
    phrase: Option<String>,
    promised_until: Option<NaiveDate>,
    slice: SliceParams,
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

    /// The rules' parameters and the filter's: bind them with [`present`].
    pub(crate) fn named(&self) -> Vec<(&'static str, &dyn ToSql)> {
        let mut p = self.rules();
        p.extend([
            (":unit", &self.unit as &dyn ToSql),
            (":meeting", &self.meeting),
            (":light", &self.light),
            (":state", &self.state),
            (":text", &self.text),
            (":initials", &self.initials),
            (":phrase", &self.phrase),
            (":promised_until", &self.promised_until),
        ]);
        p.extend(self.slice.named());
        p
    }
}

/// The parameters of `named` that `stmt` names: a statement holds only the conditions its filter
/// sets, and binding a name it does not have is an error.
pub(crate) fn present<'a>(
    stmt: &Statement<'_>,
    named: Vec<(&'static str, &'a dyn ToSql)>,
) -> Result<Vec<(&'static str, &'a dyn ToSql)>> {
    let mut out = Vec::with_capacity(named.len());
    for (name, value) in named {
        if stmt.parameter_index(name)?.is_some() {
            out.push((name, value));
        }
    }
    Ok(out)
}
