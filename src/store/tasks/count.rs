//! How long the ledger is: counted from indexes and kept counts, a broad search only so far.

use chrono::NaiveDate;

use super::query::{TaskFilter, present, where_clause};
use super::rules_sql::{DONE, DONE_IN_ORDER, LIGHT_SQL, OPEN, OPEN_IN_ORDER, done_only, open_only};
use super::text::{Plan, has_text};
use crate::domain::Light;
use crate::store::{Result, Store};

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

impl Store {
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
            // The whole ledger: the tasks the writes keep counted (`unit_count`, migration 7),
            // not every row of the archive.
            let n: i64 = self
                .conn
                .prepare_cached("SELECT coalesce(sum(tasks), 0) FROM unit_count")?
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
}
