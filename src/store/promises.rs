//! Missed promises and waivers (R5.5–R5.6): the derived columns of the chain, kept by every write
//! that touches explanations, criticisms, waivers or completion, their recount for `duban check`,
//! and the waivers (不予通报批评) themselves.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::tasks::task_times;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::order;
use crate::domain::promise::{Answer, Answered, Standing, standing, unanswered_promise};
use crate::domain::{NoticeFact, Role, Waiver};

/// A recount of `task t`'s unanswered promise in SQL, as `domain::promise::unanswered_promise`
/// defines it (migration 12 holds the same, without the waivers, which it creates).
pub(super) const UNANSWERED_SQL: &str = "(SELECT min(e.promised_on) FROM explanation e
    WHERE e.task_id = t.id
      AND (t.completed_on IS NULL OR t.completed_on > e.promised_on)
      AND NOT EXISTS (SELECT 1 FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
                      WHERE ct.task_id = t.id AND c.date > e.promised_on)
      AND NOT EXISTS (SELECT 1 FROM waiver w WHERE w.task_id = t.id AND w.date > e.promised_on))";

/// The promise in force: the latest explanation's.
const LATEST_PROMISE_SQL: &str = "(SELECT e.promised_on FROM explanation e WHERE e.task_id = t.id
    ORDER BY e.submitted_on DESC, e.id DESC LIMIT 1)";

const CRITICISED_SQL: &str = "EXISTS (SELECT 1 FROM criticism_task ct WHERE ct.task_id = t.id)";

/// The tasks whose chain is recounted: those with an explanation, a criticism or a waiver.
const CHAINED: &str = "SELECT task_id FROM explanation UNION SELECT task_id FROM criticism_task
    UNION SELECT task_id FROM waiver";

/// Sets every task's chain columns from a recount, in one statement: for a bulk load, once its
/// rows and indexes are in.
pub(super) const REBUILD_CHAIN: &str = "UPDATE task AS t SET
    promised_on = (SELECT e.promised_on FROM explanation e WHERE e.task_id = t.id
                   ORDER BY e.submitted_on DESC, e.id DESC LIMIT 1),
    criticised = EXISTS (SELECT 1 FROM criticism_task ct WHERE ct.task_id = t.id),
    unanswered_promise = (SELECT min(e.promised_on) FROM explanation e
        WHERE e.task_id = t.id
          AND (t.completed_on IS NULL OR t.completed_on > e.promised_on)
          AND NOT EXISTS (SELECT 1 FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
                          WHERE ct.task_id = t.id AND c.date > e.promised_on)
          AND NOT EXISTS (SELECT 1 FROM waiver w WHERE w.task_id = t.id AND w.date > e.promised_on))
    WHERE t.id IN (SELECT task_id FROM explanation UNION SELECT task_id FROM criticism_task
                   UNION SELECT task_id FROM waiver)";

/// What one task's chain rests on, as stored.
pub(super) struct ChainFacts {
    pub completed_on: Option<NaiveDate>,
    /// Its explanations' promised dates, oldest explanation first.
    pub promises: Vec<NaiveDate>,
    /// Its criticisms and waivers, with their dates.
    pub answers: Vec<Answered>,
}

/// The facts of task `id`'s chain (in a store or inside a write transaction).
pub(super) fn chain_facts(conn: &Connection, id: i64) -> Result<ChainFacts> {
    let completed_on: Option<NaiveDate> = conn
        .prepare_cached("SELECT completed_on FROM task WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::not_found(Entity::Task, id))?;
    let promises = conn
        .prepare_cached(
            "SELECT promised_on FROM explanation WHERE task_id = ?1 ORDER BY submitted_on, id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<NaiveDate>>>()?;
    let mut answers = conn
        .prepare_cached(
            "SELECT c.id, c.date FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
             WHERE ct.task_id = ?1",
        )?
        .query_map([id], |r| {
            Ok(Answered {
                by: Answer::Criticism(r.get(0)?),
                date: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let waivers = conn
        .prepare_cached("SELECT id, date FROM waiver WHERE task_id = ?1")?
        .query_map([id], |r| {
            Ok(Answered {
                by: Answer::Waiver(r.get(0)?),
                date: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    answers.extend(waivers);
    answers.sort_by_key(|a| a.date);
    Ok(ChainFacts {
        completed_on,
        promises,
        answers,
    })
}

impl ChainFacts {
    /// R5.6: where the task stands for a criticism (or a waiver) dated `on`.
    pub(super) fn standing(&self, on: NaiveDate) -> Standing {
        standing(&self.promises, self.completed_on, &self.answers, on)
    }

    /// What a notice dated `on` may say of the task.
    pub(super) fn notice_fact(&self, on: NaiveDate) -> NoticeFact {
        crate::domain::promise::notice_fact(&self.promises, self.completed_on, on)
    }
}

const WAIVER_COLS: &str = "id, task_id, date, reason, version";

fn waiver_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Waiver> {
    Ok(Waiver {
        id: r.get(0)?,
        task_id: r.get(1)?,
        date: r.get(2)?,
        reason: r.get(3)?,
        version: r.get(4)?,
    })
}

/// The waiver with this id (in a store or inside a write transaction).
pub(super) fn read_waiver(conn: &Connection, id: i64) -> Result<Waiver> {
    conn.query_row(
        &format!("SELECT {WAIVER_COLS} FROM waiver WHERE id = ?1"),
        [id],
        waiver_from,
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Waiver, id))
}

impl Tx<'_> {
    /// Recomputes task `id`'s chain columns: the promise in force (the latest explanation's),
    /// whether a criticism names it, and its unanswered promise (`domain::promise`).
    pub(super) fn refresh_chain(&self, id: i64) -> Result<()> {
        let f = chain_facts(self, id)?;
        let unanswered = unanswered_promise(&f.promises, f.completed_on, &f.answers);
        self.prepare_cached(&format!(
            "UPDATE task AS t SET promised_on = {LATEST_PROMISE_SQL}, criticised = {CRITICISED_SQL},
             unanswered_promise = ?2 WHERE t.id = ?1"
        ))?
        .execute(params![id, unanswered])?;
        Ok(())
    }

    /// Writes a waiver's row (its chain not refreshed: see [`Tx::insert_waiver`]).
    pub(super) fn insert_waiver_row(&self, w: &Waiver) -> Result<i64> {
        self.prepare_cached(
            "INSERT INTO waiver (id, task_id, date, reason, version) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            self.id_for("waiver", w.id)?,
            w.task_id,
            w.date,
            w.reason.trim(),
            w.version.max(1)
        ])?;
        Ok(self.last_insert_rowid())
    }

    /// Writes a waiver and refreshes its task's chain.
    pub(super) fn insert_waiver(&self, w: &Waiver) -> Result<i64> {
        let id = self.insert_waiver_row(w)?;
        self.refresh_chain(w.task_id)?;
        Ok(id)
    }
}

impl Store {
    /// R5.6: records that no criticism will be issued for task `task_id`'s missed promise (不予通
    /// 报批评), dated `date`, with its reason. The task must be due for a criticism on that date:
    /// a promise missed before it and not answered yet.
    pub fn add_waiver(&mut self, task_id: i64, date: NaiveDate, reason: &str) -> Result<i64> {
        let reason = reason.trim().to_string();
        if reason.is_empty() {
            return Err(Invalid::WaiverNeedsReason.into());
        }
        fields::fits(TextField::Note, &reason)?;
        self.write(Role::Editor, |tx| {
            let facts = chain_facts(tx, task_id)?;
            let standing = facts.standing(date);
            if !matches!(standing, Standing::Due(_)) {
                // Time runs one way: a waiver dated before the meeting, or before the promise it
                // would answer, says so (`domain::order`).
                let ahead = match standing {
                    Standing::PromiseAhead(p) => Some(p),
                    _ => None,
                };
                order::waiver(task_times(tx, task_id)?.meeting, ahead, date)?;
                return Err(Invalid::NotCriticismDue {
                    task: task_id,
                    on: date,
                    standing,
                }
                .into());
            }
            let mut w = Waiver {
                id: 0,
                task_id,
                date,
                reason,
                version: 1,
            };
            w.id = tx.insert_waiver(&w)?;
            tx.audit("create", Entity::Waiver, w.id, None::<&()>, Some(&w))?;
            Ok(w.id)
        })
    }

    /// The waivers of a task, oldest first.
    pub fn waivers_of_task(&self, task_id: i64) -> Result<Vec<Waiver>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {WAIVER_COLS} FROM waiver WHERE task_id = ?1 ORDER BY date, id"
        ))?;
        let rows = stmt.query_map([task_id], waiver_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One waiver.
    pub fn waiver(&self, id: i64) -> Result<Waiver> {
        read_waiver(&self.conn, id)
    }

    /// R5.6: where task `id` stands for a criticism dated `on` (due, or why not).
    pub fn criticism_standing(&self, id: i64, on: NaiveDate) -> Result<Standing> {
        Ok(chain_facts(&self.conn, id)?.standing(on))
    }

    /// What a criticism notice dated `on` may truly say of task `id`.
    pub fn notice_fact(&self, id: i64, on: NaiveDate) -> Result<NoticeFact> {
        Ok(chain_facts(&self.conn, id)?.notice_fact(on))
    }

    /// The tasks criticism `c` covers, as on its date, and what its notice may say of each.
    pub fn notice_tasks(
        &self,
        c: &crate::domain::Criticism,
    ) -> Result<(Vec<super::TaskRow>, Vec<NoticeFact>)> {
        let mut rows = Vec::with_capacity(c.task_ids.len());
        let mut facts = Vec::with_capacity(c.task_ids.len());
        for &id in &c.task_ids {
            rows.push(self.task_row(id, c.date)?);
            facts.push(self.notice_fact(id, c.date)?);
        }
        Ok((rows, facts))
    }

    /// The tasks whose stored chain columns (`promised_on`, `criticised`, `unanswered_promise`)
    /// differ from a recount of their explanations, criticisms, waivers and completion.
    pub(crate) fn chain_differs(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT t.id FROM task t WHERE t.id IN ({CHAINED})
               AND (t.unanswered_promise IS NOT {UNANSWERED_SQL}
                    OR t.promised_on IS NOT {LATEST_PROMISE_SQL}
                    OR t.criticised IS NOT {CRITICISED_SQL})
             UNION
             SELECT t.id FROM task t WHERE t.id NOT IN ({CHAINED})
               AND (t.unanswered_promise IS NOT NULL OR t.promised_on IS NOT NULL OR t.criticised)
             ORDER BY 1"
        ))?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}
