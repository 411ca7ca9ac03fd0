//! The ledger's windows. When the day viewed is [`Store::in_order`], each sort is the order of an
//! index (migration 5's `sort_key`), so a window is read by seeking from a known row's key in
//! either direction (keyset) instead of skipping rows. On an earlier day the order is computed
//! for that day and windows are skipped to (OFFSET): correct, and slower on a large ledger.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, ToSql};

use super::count::count_from;
use super::query::{Anchor, COLS, FROM, TaskFilter, TaskRow, TaskSort, present, where_clause};
use super::text::Plan;
use crate::store::window::{Side, around};
use crate::store::{Result, Store, StoreError};

/// A sort as an index order: the key of a row, the ORDER BY forwards and backwards, and the seeks
/// from a key bound as `:k0`, `:k1`, `:k2`: rows at or after it, and before it.
struct Order {
    key: &'static str,
    forward: &'static str,
    backward: &'static str,
    at_or_after: &'static str,
    before: &'static str,
}

const WORKDAYS_LEFT: Order = Order {
    key: "t.sort_key, t.id",
    forward: "t.sort_key, t.id",
    backward: "t.sort_key DESC, t.id DESC",
    at_or_after: "(t.sort_key, t.id) >= (:k0, :k1)",
    before: "(t.sort_key, t.id) < (:k0, :k1)",
};

const UNIT: Order = Order {
    key: "t.lead_unit_id, t.sort_key, t.id",
    forward: "t.lead_unit_id, t.sort_key, t.id",
    backward: "t.lead_unit_id DESC, t.sort_key DESC, t.id DESC",
    at_or_after: "(t.lead_unit_id, t.sort_key, t.id) >= (:k0, :k1, :k2)",
    before: "(t.lead_unit_id, t.sort_key, t.id) < (:k0, :k1, :k2)",
};

/// Newest meeting first, then the meeting's tasks by id: the meeting's key seeks on
/// `meeting_date`, the task's within the meeting.
const MEETING_DATE: Order = Order {
    key: "m.date, m.id, t.id",
    forward: "m.date DESC, m.id DESC, t.id",
    backward: "m.date, m.id, t.id DESC",
    at_or_after: "(m.date, m.id) <= (:k0, :k1) AND (m.id <> :k1 OR t.id >= :k2)",
    before: "(m.date, m.id) >= (:k0, :k1) AND (m.id <> :k1 OR t.id < :k2)",
};

fn order_of(sort: TaskSort) -> &'static Order {
    match sort {
        TaskSort::WorkdaysLeft => &WORKDAYS_LEFT,
        TaskSort::Unit => &UNIT,
        TaskSort::MeetingDate => &MEETING_DATE,
    }
}

/// The joins of a task's unit and meeting, after `FROM task t`.
const JOINS: &str = "JOIN unit u ON u.id = t.lead_unit_id JOIN meeting m ON m.id = t.meeting_id";

/// Whether `filter` narrows the ledger at all (beyond its order and window).
fn narrowed(filter: &TaskFilter) -> bool {
    filter.unit_id.is_some()
        || filter.meeting_id.is_some()
        || filter.light.is_some()
        || filter.state.is_some()
        || filter.promised_until.is_some()
        || filter.slice.is_some()
        || filter.text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// The tables a window reads. The whole ledger by meeting date walks the meetings newest first
/// and each one's tasks (the planner would otherwise sort every task); a narrowed ledger lets the
/// planner start from whatever index narrows it.
fn from_for(filter: &TaskFilter) -> &'static str {
    if filter.sort == TaskSort::MeetingDate && !narrowed(filter) {
        "FROM meeting m CROSS JOIN task t ON t.meeting_id = m.id JOIN unit u ON u.id = t.lead_unit_id"
    } else {
        FROM
    }
}

/// How one statement reads rows: its order, the seek from a key (if any), and its window.
struct Read<'a> {
    order_by: &'a str,
    seek: Option<(&'static str, &'a [Value])>,
    limit: i64,
    offset: i64,
}

impl Store {
    /// The ledger: the tasks `filter` selects, sorted, windowed by `limit`/`offset` (read from
    /// `filter.anchor` when it is given and the day is in order).
    pub fn tasks(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Vec<TaskRow>> {
        let plan = self.plan(filter, today)?;
        let limit = filter
            .limit
            .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
        if !plan.in_order && filter.sort != TaskSort::MeetingDate {
            let order_by = Self::order_for_day(filter.sort);
            let read = Read {
                order_by: &order_by,
                seek: None,
                limit,
                offset,
            };
            return self.read(filter, today, plan, &read);
        }
        let order = order_of(filter.sort);
        let read = |order_by, seek, limit, offset| {
            let r = Read {
                order_by,
                seek,
                limit,
                offset,
            };
            self.read(filter, today, plan, &r)
        };
        match (filter.anchor, limit >= 0) {
            (Some(Anchor::Row { id, position }), true) => {
                let Some(key) = self.key_of(filter, today, plan, id)? else {
                    return read(order.forward, None, limit, offset);
                };
                let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
                around(filter.offset, to_usize(limit), position, |side, n, skip| {
                    let (n, skip) = (to_i64(n), to_i64(skip));
                    match side {
                        Side::Before => read(order.backward, Some((order.before, &key)), n, skip),
                        Side::From => read(order.forward, Some((order.at_or_after, &key)), n, skip),
                    }
                })
            }
            (Some(Anchor::End { total }), true) => {
                let total = i64::try_from(total).unwrap_or(i64::MAX);
                let end = offset.saturating_add(limit).min(total);
                if end <= offset {
                    return Ok(Vec::new());
                }
                let mut rows = read(order.backward, None, end - offset, total - end)?;
                rows.reverse();
                Ok(rows)
            }
            _ => read(order.forward, None, limit, offset),
        }
    }

    /// Calls `each` with every task `filter` selects (in its window, if it has one), in order, one
    /// row at a time: for exports of any size, whose memory must not grow with the ledger. `each` stops the walk by
    /// returning an error, which is passed on.
    pub fn for_each_task<E: From<StoreError>>(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        mut each: impl FnMut(TaskRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let plan = self.plan(filter, today)?;
        let order_by = if plan.in_order || filter.sort == TaskSort::MeetingDate {
            order_of(filter.sort).forward.to_string()
        } else {
            Self::order_for_day(filter.sort)
        };
        let sql = self.select_sql(filter, plan, &order_by, None, false);
        let mut stmt = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let p = self.params(filter, today);
        let mut named = p.named();
        let limit = filter
            .limit
            .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
        named.extend([(":limit", &limit as &dyn ToSql), (":offset", &offset)]);
        let named = present(&stmt, named)?;
        let mut rows = stmt.query(named.as_slice()).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            each(self.row_from(r, today).map_err(StoreError::from)?)?;
        }
        Ok(())
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
        let plan = self.plan(filter, today)?;
        let conditions = self.conditions(filter, plan);
        let p = self.params(filter, today);
        if !plan.in_order && filter.sort != TaskSort::MeetingDate {
            let sql = format!(
                "SELECT pos FROM (SELECT t.id AS id, row_number() OVER (ORDER BY {}) - 1 AS pos
                 {FROM} {}) WHERE id = :id",
                Self::order_for_day(filter.sort),
                where_clause(&conditions)
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut named = present(&stmt, p.named())?;
            named.push((":id", &id));
            let pos: Option<i64> = stmt.query_row(named.as_slice(), |r| r.get(0)).optional()?;
            return Ok(pos.and_then(|p| usize::try_from(p).ok()));
        }
        // Count the rows before its key, on the sort's index.
        let Some(key) = self.key_of(filter, today, plan, id)? else {
            return Ok(None);
        };
        let order = order_of(filter.sort);
        let from = match filter.sort {
            TaskSort::MeetingDate => FROM,
            _ => count_from(filter, plan),
        };
        let mut c = conditions;
        c.push(order.before.to_string());
        let sql = format!("SELECT count(*) {from} {}", where_clause(&c));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut named = present(&stmt, p.named())?;
        named.extend(key_params(&key));
        let n: i64 = stmt.query_row(named.as_slice(), |r| r.get(0))?;
        Ok(usize::try_from(n).ok())
    }

    /// The sort key of task `id` when `filter` selects it.
    fn key_of(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        plan: Plan,
        id: i64,
    ) -> Result<Option<Vec<Value>>> {
        let order = order_of(filter.sort);
        let mut c = self.conditions(filter, plan);
        c.push("t.id = :id".to_string());
        let sql = format!("SELECT {} {FROM} {}", order.key, where_clause(&c));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let mut named = present(&stmt, p.named())?;
        named.push((":id", &id));
        let width = stmt.column_count();
        let key = stmt
            .query_row(named.as_slice(), |r| {
                (0..width).map(|i| r.get::<_, Value>(i)).collect()
            })
            .optional()?;
        Ok(key)
    }

    /// The SELECT of the rows `filter` selects (after `seek`), in `order_by`. A window
    /// (`late`) picks its tasks' ids first and computes the shown columns (co-units, topic,
    /// leader) for those rows alone, not for every candidate sorted; a walk of the whole ledger
    /// reads the columns as it goes, in the order of the index.
    fn select_sql(
        &self,
        filter: &TaskFilter,
        plan: Plan,
        order_by: &str,
        seek: Option<&str>,
        late: bool,
    ) -> String {
        let mut c = self.conditions(filter, plan);
        c.extend(seek.map(str::to_string));
        let conditions = where_clause(&c);
        if late {
            // Only the tables the conditions and the order read: a join the planner need not
            // make leaves the text's index plan whole.
            let from = match filter.sort {
                TaskSort::MeetingDate => from_for(filter),
                _ => count_from(filter, plan),
            };
            format!(
                "SELECT {COLS} FROM (SELECT t.id AS id {from} {conditions}
                    ORDER BY {order_by} LIMIT :limit OFFSET :offset) w
                 JOIN task t ON t.id = w.id {JOINS} ORDER BY {order_by}"
            )
        } else {
            let from = from_for(filter);
            format!(
                "SELECT {COLS} {from} {conditions} ORDER BY {order_by} LIMIT :limit OFFSET :offset"
            )
        }
    }

    fn read(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        plan: Plan,
        read: &Read<'_>,
    ) -> Result<Vec<TaskRow>> {
        let late = read.limit >= 0;
        let sql = self.select_sql(filter, plan, read.order_by, read.seek.map(|s| s.0), late);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let p = self.params(filter, today);
        let mut named = present(&stmt, p.named())?;
        named.extend([
            (":limit", &read.limit as &dyn ToSql),
            (":offset", &read.offset),
        ]);
        if let Some((_, key)) = read.seek {
            named.extend(key_params(key));
        }
        let rows = stmt.query_map(named.as_slice(), |r| self.row_from(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A key's values as `:k0`, `:k1`, `:k2`.
fn key_params(key: &[Value]) -> Vec<(&'static str, &dyn ToSql)> {
    [":k0", ":k1", ":k2"]
        .into_iter()
        .zip(key)
        .map(|(name, v)| (name, v as &dyn ToSql))
        .collect()
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
