//! Notified criticisms (R5.6); referrals (R5.7) are in `referrals.rs`.

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::promises::chain_facts;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::{Criticism, Standing, Unit};

/// A criticism to record.
#[derive(Debug, Clone)]
pub struct NewCriticism {
    pub unit: String,
    pub date: NaiveDate,
    pub doc_no: Option<String>,
    pub reason: Option<String>,
    pub task_ids: Vec<i64>,
    /// The editor insists on naming tasks not due for a criticism; `reason` says why.
    pub force: bool,
}

/// A criticism with its unit's name.
#[derive(Debug, Clone, Serialize)]
pub struct CriticismRow {
    pub unit: String,
    #[serde(flatten)]
    pub criticism: Criticism,
}

/// The criticism with this id and the tasks it covers, by id.
pub(super) fn read_criticism(conn: &Connection, id: i64) -> Result<Criticism> {
    let c = conn
        .query_row(
            "SELECT id, unit_id, date, doc_no, reason, version FROM criticism WHERE id = ?1",
            [id],
            |r| {
                Ok(Criticism {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    date: r.get(2)?,
                    doc_no: r.get(3)?,
                    reason: r.get(4)?,
                    task_ids: Vec::new(),
                    version: r.get(5)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found(Entity::Criticism, id))?;
    let task_ids = conn
        .prepare_cached(
            "SELECT task_id FROM criticism_task WHERE criticism_id = ?1 ORDER BY task_id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Criticism { task_ids, ..c })
}

impl Tx<'_> {
    /// Writes a criticism's rows (its tasks' chains not refreshed: a bulk load recounts them all
    /// at the end).
    pub(super) fn insert_criticism_rows(&self, c: &Criticism) -> Result<i64> {
        self.prepare_cached(
            "INSERT INTO criticism (id, unit_id, date, doc_no, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            self.id_for("criticism", c.id)?,
            c.unit_id,
            c.date,
            c.doc_no,
            c.reason
        ])?;
        let id = self.last_insert_rowid();
        let mut link = self.prepare_cached(
            "INSERT OR IGNORE INTO criticism_task (criticism_id, task_id) VALUES (?1, ?2)",
        )?;
        for task in &c.task_ids {
            link.execute(params![id, task])?;
        }
        Ok(id)
    }

    /// Writes a criticism and refreshes the chain of each task it names.
    pub(super) fn insert_criticism(&self, c: &Criticism) -> Result<i64> {
        let id = self.insert_criticism_rows(c)?;
        for task in &c.task_ids {
            self.refresh_chain(*task)?;
        }
        Ok(id)
    }

    /// R5.6: refuses a task a criticism of `unit` dated `on` may not name: one the unit does not
    /// lead, one not past its limit, one done by then with no missed promise; and one with no
    /// missed, unanswered promise unless the editor insists (`force`).
    fn check_criticised_task(
        &self,
        unit: &Unit,
        id: i64,
        on: NaiveDate,
        force: bool,
    ) -> Result<()> {
        let (lead, due): (i64, Option<NaiveDate>) = self
            .prepare_cached("SELECT lead_unit_id, due FROM task WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| StoreError::not_found(Entity::Task, id))?;
        if lead != unit.id {
            return Err(Invalid::TaskNotOfUnit {
                task: id,
                unit: unit.name.clone(),
            }
            .into());
        }
        // R5.6 criticises a missed limit: the task must be past it on that date.
        if due.is_none_or(|due| on <= due) {
            return Err(Invalid::NotOverdue { task: id, on }.into());
        }
        let facts = chain_facts(self, id)?;
        match facts.standing(on) {
            Standing::Due(_) => Ok(()),
            Standing::Kept => Err(Invalid::AlreadyDone(id).into()),
            _ if facts.completed_on.is_some_and(|c| c <= on) && !force => {
                Err(Invalid::AlreadyDone(id).into())
            }
            _ if force => Ok(()),
            standing => Err(Invalid::NotCriticismDue {
                task: id,
                on,
                standing,
            }
            .into()),
        }
    }
}

impl Store {
    /// R5.6: records a notified criticism of a unit, with its document number, covering tasks it
    /// leads whose promise was missed and not answered yet (by a criticism or a waiver) on the
    /// criticism's date. A task that is past its limit but not so due (no promise, a promise still
    /// ahead, a miss already answered) is named only when the editor insists (`force`) and gives
    /// the reason; the notice then says of it what happened (`Store::notice_fact`).
    pub fn add_criticism(&mut self, new: NewCriticism) -> Result<i64> {
        fields::fits_opt(TextField::Number, new.doc_no.as_deref())?;
        fields::fits_opt(TextField::Note, new.reason.as_deref())?;
        let unit = self.unit_by_name(&new.unit)?;
        let doc_no = new
            .doc_no
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .ok_or(Invalid::CriticismNeedsDocNo)?;
        let reason = new
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        let mut task_ids = new.task_ids;
        task_ids.sort_unstable();
        task_ids.dedup();
        if task_ids.is_empty() {
            return Err(Invalid::CriticismNeedsTask.into());
        }
        if new.force && reason.is_none() {
            return Err(Invalid::InsistNeedsReason.into());
        }
        self.write(Role::Editor, |tx| {
            for &id in &task_ids {
                tx.check_criticised_task(&unit, id, new.date, new.force)?;
            }
            let mut c = Criticism {
                id: 0,
                unit_id: unit.id,
                date: new.date,
                doc_no: Some(doc_no),
                reason,
                task_ids,
                version: 1,
            };
            c.id = tx.insert_criticism(&c)?;
            tx.audit("create", Entity::Criticism, c.id, None::<&()>, Some(&c))?;
            Ok(c.id)
        })
    }

    fn criticism_rows(&self, cond: &str, param: i64) -> Result<Vec<CriticismRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.id, c.unit_id, c.date, c.doc_no, c.reason, c.version, u.name,
             (SELECT group_concat(task_id) FROM criticism_task WHERE criticism_id = c.id)
             FROM criticism c JOIN unit u ON u.id = c.unit_id WHERE {cond} ORDER BY c.date, c.id"
        ))?;
        let rows = stmt.query_map([param], |r| {
            let tasks: Option<String> = r.get(7)?;
            Ok(CriticismRow {
                unit: r.get(6)?,
                criticism: Criticism {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    date: r.get(2)?,
                    doc_no: r.get(3)?,
                    reason: r.get(4)?,
                    version: r.get(5)?,
                    task_ids: tasks
                        .map(|t| t.split(',').filter_map(|x| x.parse().ok()).collect())
                        .unwrap_or_default(),
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every criticism (`unit_id` 0 for all units), oldest first.
    pub fn criticisms(&self, unit_id: Option<i64>) -> Result<Vec<CriticismRow>> {
        match unit_id {
            Some(id) => self.criticism_rows("c.unit_id = ?1", id),
            None => self.criticism_rows("?1 = 0", 0),
        }
    }

    /// One criticism with its unit's name and the tasks it covers.
    pub fn criticism(&self, id: i64) -> Result<CriticismRow> {
        self.criticism_rows("c.id = ?1", id)?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::not_found(Entity::Criticism, id))
    }

    pub(super) fn criticisms_of_task(&self, task_id: i64) -> Result<Vec<Criticism>> {
        Ok(self
            .criticism_rows(
                "c.id IN (SELECT criticism_id FROM criticism_task WHERE task_id = ?1)",
                task_id,
            )?
            .into_iter()
            .map(|r| r.criticism)
            .collect())
    }
}
