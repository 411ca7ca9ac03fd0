//! The ledger query. Lights and states are computed in SQL for filtering, sorting and counting
//! (`LIGHT_SQL`, `STATE_SQL`), and in Rust by the domain rules for what is shown; a test holds the
//! two to the same answer.

use chrono::NaiveDate;
use rusqlite::{Row, Statement, ToSql, named_params};
use serde::Serialize;

use super::limit_from;
use crate::domain::task::{TaskFacts, light, state, working_days_left};
use crate::domain::{Light, Limit, TaskSlice, TaskState};
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

pub(super) const COLS: &str = "t.id, t.text, t.lead_unit_id, u.name,
    (SELECT group_concat(name, char(31)) FROM (SELECT cu.name FROM task_co_unit c JOIN unit cu ON cu.id = c.unit_id
        WHERE c.task_id = t.id ORDER BY cu.id)),
    t.meeting_id, m.date, (SELECT topic FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id ORDER BY seq LIMIT 1),
    (SELECT name FROM leader WHERE id = t.responsible_leader_id),
    t.limit_kind, t.limit_date, t.exempt_category, t.due, t.provisional, t.assigned_on, t.completed_on,
    t.last_progress_on, t.promised_on, t.criticised, t.version";

/// The text filter: the task, its lead unit's name or its meeting's topics (needs [`FROM`]'s
/// join of the unit).
pub(crate) const TEXT: &str = "(instr(t.text, :text) > 0 OR instr(u.name, :text) > 0
        OR instr(t.initials, :initials) > 0 OR instr(u.initials, :initials) > 0
        OR EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id
                   AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0)))";

/// [`TEXT`] from the indexes: tasks of units whose name or initials hold the text, and tasks
/// whose text or meeting's topics match the full-text query `:phrase`
/// (`store::search::match_query`), each candidate then checked for the exact substring (the
/// index is a superset: it does not see punctuation or case). Selects exactly what [`TEXT`]
/// selects.
const TEXT_INDEXED: &str = "(t.lead_unit_id IN (SELECT id FROM unit WHERE instr(name, :text) > 0 OR instr(initials, :initials) > 0)
        OR (t.id IN (SELECT rowid FROM task_fts WHERE task_fts MATCH :phrase)
            AND (instr(t.text, :text) > 0 OR instr(t.initials, :initials) > 0))
        OR (t.meeting_id IN (SELECT rowid FROM topic_fts WHERE topic_fts MATCH :phrase)
            AND EXISTS (SELECT 1 FROM meeting_topic mt WHERE mt.meeting_id = t.meeting_id
                        AND (instr(mt.topic, :text) > 0 OR instr(mt.initials, :initials) > 0))))";

/// Whether `filter` has text to match (surrounding white space ignored).
fn has_text(filter: &TaskFilter) -> bool {
    filter.text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// The tables a count reads: the task alone, unless the text is checked row by row ([`TEXT`]
/// needs the unit's name). Every task has its unit and meeting (foreign keys), so the joins never
/// change a count.
pub(super) fn count_from(filter: &TaskFilter, plan: Plan) -> &'static str {
    if has_text(filter) && !plan.text_index {
        "FROM task t JOIN unit u ON u.id = t.lead_unit_id"
    } else {
        "FROM task t"
    }
}

/// Tasks not done on `:today`: the negation of the first branch of [`LIGHT_SQL`] and
/// [`STATE_SQL`], written so that the `task_open` index answers it (the open tasks are few).
const OPEN: &str = "(t.completed_on IS NULL OR t.completed_on > :today)";

/// Tasks done on `:today`, the first branch of [`LIGHT_SQL`] and [`STATE_SQL`].
const DONE: &str = "t.completed_on <= :today";

/// [`OPEN`] and [`DONE`] when no task is recorded as completed after `:today` (see
/// [`Store::in_order`]): by `sort_key`, so the ledger's index answers them.
const OPEN_IN_ORDER: &str = "t.sort_key < 4294967296";
const DONE_IN_ORDER: &str = "t.sort_key >= 4294967296";

/// Whether `filter` selects only tasks not done (any light or state but done, or a promise).
fn open_only(filter: &TaskFilter) -> bool {
    filter.light.is_some_and(|l| l != Light::Done)
        || filter.state.is_some_and(|s| s != TaskState::Done)
        || filter.promised_until.is_some()
}

/// Whether `filter` selects only tasks done.
fn done_only(filter: &TaskFilter) -> bool {
    filter.light == Some(Light::Done) || filter.state == Some(TaskState::Done)
}

pub(crate) const FROM: &str =
    "FROM task t JOIN unit u ON u.id = t.lead_unit_id JOIN meeting m ON m.id = t.meeting_id";

/// How a ledger query is written for the day and the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    /// [`Store::in_order`] for the day viewed.
    pub in_order: bool,
    /// Whether the text filter's candidates come from the full-text indexes. When the text is
    /// found in more than [`BROAD`] tasks, walking the ledger in its order and checking each row
    /// finds a window sooner than gathering every candidate.
    pub text_index: bool,
}

impl Plan {
    /// Every row checked in turn, the order computed for the day: always right, never fast.
    #[cfg(test)]
    pub const ROW_BY_ROW: Plan = Plan {
        in_order: false,
        text_index: false,
    };
}

/// How many candidates make a text search broad (see [`Plan::text_index`]).
pub(crate) const BROAD: i64 = 10_000;

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

    /// How to write the queries of `filter` on `today`.
    pub(crate) fn plan(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Plan> {
        let in_order = self.in_order(today)?;
        let text_index = match filter.text.as_deref().and_then(match_query) {
            // A single letter or digit is in the initials of nearly every task.
            _ if initials_query(filter.text.as_deref().unwrap_or_default())
                .is_some_and(|q| q.len() == 1) =>
            {
                false
            }
            Some(phrase) if has_text(filter) => !self.broad(&phrase, filter)?,
            _ => false,
        };
        Ok(Plan {
            in_order,
            text_index,
        })
    }

    /// Whether the text of `filter` (as the full-text `phrase`) has more than [`BROAD`]
    /// candidates: counted from the indexes, each source stopping at [`BROAD`].
    ///
    /// Tests lower the bound with [`Store::set_broad`] to walk both ways on a small county.
    fn broad(&self, phrase: &str, filter: &TaskFilter) -> Result<bool> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM task_fts WHERE task_fts MATCH :phrase LIMIT :broad))
                  + (SELECT count(*) FROM (SELECT 1 FROM task WHERE lead_unit_id IN
                        (SELECT id FROM unit WHERE instr(name, :text) > 0 OR instr(initials, :initials) > 0)
                     LIMIT :broad))
                  + (SELECT count(*) FROM (SELECT 1 FROM task WHERE meeting_id IN
                        (SELECT rowid FROM topic_fts WHERE topic_fts MATCH :phrase LIMIT :broad)
                     LIMIT :broad))",
        )?;
        let text = filter.text.as_deref().map(str::trim);
        let initials = filter.text.as_deref().and_then(initials_query);
        let n: i64 = stmt.query_row(
            named_params! {
                ":phrase": phrase,
                ":text": text,
                ":initials": initials,
                ":broad": self.broad + 1,
            },
            |r| r.get(0),
        )?;
        Ok(n > self.broad)
    }

    #[cfg(test)]
    pub(crate) fn set_broad(&mut self, broad: i64) {
        self.broad = broad;
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

    /// How many tasks `filter` selects on `today` (its limit and offset ignored): the length of
    /// the whole ledger [`Store::tasks`] windows.
    pub fn task_count(&self, filter: &TaskFilter, today: NaiveDate) -> Result<usize> {
        self.count_with(filter, today, self.plan(filter, today)?)
    }

    /// [`Store::task_count`], or `None` when it is over `cap` and counting it would walk the
    /// archive: a search broad enough to be read walking the ledger (a single common character)
    /// is counted only up to `cap` while the user types. Every other ledger is counted exactly,
    /// from its indexes.
    pub fn task_count_upto(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        cap: usize,
    ) -> Result<Option<usize>> {
        let plan = self.plan(filter, today)?;
        if plan.text_index || !has_text(filter) {
            return self.count_with(filter, today, plan).map(Some);
        }
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 {} {} LIMIT :cap)",
            count_from(filter, plan),
            where_clause(&self.conditions(filter, plan))
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let mut named = present(&stmt, p.named())?;
        let over = i64::try_from(cap).unwrap_or(i64::MAX).saturating_add(1);
        named.push((":cap", &over));
        let n: i64 = stmt.query_row(named.as_slice(), |r| r.get(0))?;
        Ok((n < over).then(|| usize::try_from(n).unwrap_or_default()))
    }

    fn count_with(&self, filter: &TaskFilter, today: NaiveDate, plan: Plan) -> Result<usize> {
        let conditions = self.conditions(filter, plan);
        if conditions.is_empty() {
            // The whole ledger: the done tasks the writes keep counted (`unit_done`, migration
            // 7) and the open ones, few, from their index; not every row of the archive.
            let n: i64 = self
                .conn
                .prepare_cached(
                    "SELECT (SELECT coalesce(sum(done), 0) FROM unit_done)
                      + (SELECT count(*) FROM task WHERE completed_on IS NULL)",
                )?
                .query_row([], |r| r.get(0))?;
            return Ok(usize::try_from(n).unwrap_or_default());
        }
        let sql = format!(
            "SELECT count(*) {} {}",
            count_from(filter, plan),
            where_clause(&self.conditions(filter, plan))
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let named = present(&stmt, p.named())?;
        let n: i64 = stmt.query_row(named.as_slice(), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// How many tasks `filter` selects, by light (limit and offset ignored).
    pub fn task_light_counts(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
    ) -> Result<Vec<(Light, i64)>> {
        // The open tasks by light, and the done ones counted apart: each part is answered by an
        // index instead of computing the light of every task ever recorded.
        let plan = self.plan(filter, today)?;
        let p = self.params(filter, today);
        let from = count_from(filter, plan);
        let mut out = Vec::new();
        if !done_only(filter) {
            let mut c = self.conditions(filter, plan);
            c.push(if plan.in_order { OPEN_IN_ORDER } else { OPEN }.to_string());
            let sql = format!(
                "SELECT {LIGHT_SQL} AS light, count(*) {from} {} GROUP BY light",
                where_clause(&c)
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let named = present(&stmt, p.named())?;
            let rows = stmt.query_map(named.as_slice(), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (code, n) = row?;
                if let Some(l) = Light::from_code(&code) {
                    out.push((l, n));
                }
            }
        }
        if !open_only(filter) {
            let mut c = self.conditions(filter, plan);
            c.push(if plan.in_order { DONE_IN_ORDER } else { DONE }.to_string());
            let sql = format!("SELECT count(*) {from} {}", where_clause(&c));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let named = present(&stmt, p.named())?;
            let n: i64 = stmt.query_row(named.as_slice(), |r| r.get(0))?;
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
