//! Notified criticisms (R5.6) and referrals (R5.7).

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::order::{self, When};
use crate::domain::{Criticism, Referral, ReferralStatus};

/// A criticism to record.
#[derive(Debug, Clone)]
pub struct NewCriticism {
    pub unit: String,
    pub date: NaiveDate,
    pub doc_no: Option<String>,
    pub reason: Option<String>,
    pub task_ids: Vec<i64>,
}

/// A criticism with its unit's name.
#[derive(Debug, Clone, Serialize)]
pub struct CriticismRow {
    pub unit: String,
    #[serde(flatten)]
    pub criticism: Criticism,
}

/// One step of a referral (R5.7).
#[derive(Debug, Clone)]
pub enum ReferralStep {
    Propose {
        unit: String,
        date: NaiveDate,
    },
    Approve {
        id: i64,
        date: NaiveDate,
    },
    Refer {
        id: i64,
        date: NaiveDate,
    },
    Conclude {
        id: i64,
        date: NaiveDate,
        outcome: Option<String>,
    },
    NotRefer {
        id: i64,
        date: NaiveDate,
        reason: String,
    },
}

const REFERRAL_COLS: &str = "id, unit_id, proposed_on, approved_on, referred_on, concluded_on, outcome, not_referred_on, reason, version";

pub(super) fn referral_from(r: &Row<'_>) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        proposed_on: r.get(2)?,
        approved_on: r.get(3)?,
        referred_on: r.get(4)?,
        concluded_on: r.get(5)?,
        outcome: r.get(6)?,
        not_referred_on: r.get(7)?,
        reason: r.get(8)?,
        version: r.get(9)?,
    })
}

/// The referral with this id (in a store or inside a write transaction).
pub(super) fn read_referral(conn: &Connection, id: i64) -> Result<Referral> {
    conn.query_row(
        &format!("SELECT {REFERRAL_COLS} FROM referral WHERE id = ?1"),
        [id],
        referral_from,
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Referral, id))
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
    pub(super) fn insert_criticism(&self, c: &Criticism) -> Result<i64> {
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
        let mut flag = self.prepare_cached("UPDATE task SET criticised = 1 WHERE id = ?1")?;
        for task in &c.task_ids {
            link.execute(params![id, task])?;
            flag.execute([task])?;
        }
        Ok(id)
    }

    pub(super) fn insert_referral(&self, r: &Referral) -> Result<i64> {
        self.prepare_cached(&format!(
            "INSERT INTO referral ({REFERRAL_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)"
        ))?
        .execute(params![
            self.id_for("referral", r.id)?,
            r.unit_id,
            r.proposed_on,
            r.approved_on,
            r.referred_on,
            r.concluded_on,
            r.outcome,
            r.not_referred_on,
            r.reason
        ])?;
        Ok(self.last_insert_rowid())
    }
}

impl Store {
    /// R5.6: records a notified criticism of a unit, covering tasks it leads.
    pub fn add_criticism(&mut self, new: NewCriticism) -> Result<i64> {
        fields::fits_opt(TextField::Number, new.doc_no.as_deref())?;
        fields::fits_opt(TextField::Note, new.reason.as_deref())?;
        let unit = self.unit_by_name(&new.unit)?;
        for &id in &new.task_ids {
            let task = self.task_row(id, new.date)?;
            if task.lead_unit_id != unit.id {
                return Err(Invalid::TaskNotOfUnit {
                    task: id,
                    unit: unit.name,
                }
                .into());
            }
            // R5.6 criticises a missed limit: the task must be overdue and not done on that date.
            if task.completed_on.is_some_and(|c| c <= new.date) {
                return Err(Invalid::AlreadyDone(id).into());
            }
            if task.due.is_none_or(|due| new.date <= due) {
                return Err(Invalid::NotOverdue {
                    task: id,
                    on: new.date,
                }
                .into());
            }
        }
        self.write(Role::Editor, |tx| {
            let mut c = Criticism {
                id: 0,
                unit_id: unit.id,
                date: new.date,
                doc_no: new.doc_no,
                reason: new.reason,
                task_ids: new.task_ids,
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

    pub fn referral(&self, id: i64) -> Result<Referral> {
        read_referral(&self.conn, id)
    }

    /// Every referral, optionally of one unit.
    pub fn referrals(&self, unit_id: Option<i64>) -> Result<Vec<Referral>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {REFERRAL_COLS} FROM referral WHERE ?1 IS NULL OR unit_id = ?1 ORDER BY proposed_on, id"
        ))?;
        let rows = stmt.query_map([unit_id], referral_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// R5.7: proposes a referral of a unit.
    fn propose_referral(&mut self, unit: &str, date: NaiveDate) -> Result<i64> {
        let unit = self.unit_by_name(unit)?;
        self.write(Role::Editor, |tx| {
            let mut r = Referral {
                id: 0,
                unit_id: unit.id,
                proposed_on: date,
                approved_on: None,
                referred_on: None,
                concluded_on: None,
                outcome: None,
                not_referred_on: None,
                reason: None,
                version: 1,
            };
            r.id = tx.insert_referral(&r)?;
            tx.audit("create", Entity::Referral, r.id, None::<&()>, Some(&r))?;
            Ok(r.id)
        })
    }

    /// R5.7: takes one step of a referral; returns the referral's id.
    pub fn referral_step(&mut self, step: ReferralStep) -> Result<i64> {
        let (id, date) = match &step {
            ReferralStep::Propose { unit, date } => return self.propose_referral(unit, *date),
            ReferralStep::Approve { id, date }
            | ReferralStep::Refer { id, date }
            | ReferralStep::Conclude { id, date, .. }
            | ReferralStep::NotRefer { id, date, .. } => (*id, *date),
        };
        if let ReferralStep::Conclude { outcome: text, .. } = &step {
            fields::fits_opt(TextField::Note, text.as_deref())?;
        }
        if let ReferralStep::NotRefer { reason: text, .. } = &step {
            fields::fits(TextField::Note, text)?;
        }
        let before = self.referral(id)?;
        let status = before.status();
        let mut after = before.clone();
        let allowed = match step {
            ReferralStep::Approve { .. } if status == ReferralStatus::Proposed => {
                after.approved_on = Some(date);
                true
            }
            ReferralStep::Refer { .. } if status == ReferralStatus::Approved => {
                after.referred_on = Some(date);
                true
            }
            ReferralStep::Conclude { outcome, .. } if status == ReferralStatus::Referred => {
                after.concluded_on = Some(date);
                after.outcome = outcome;
                true
            }
            ReferralStep::NotRefer { reason, .. }
                if matches!(status, ReferralStatus::Proposed | ReferralStatus::Approved)
                    && !reason.trim().is_empty() =>
            {
                after.not_referred_on = Some(date);
                after.reason = Some(reason.trim().to_string());
                true
            }
            _ => false,
        };
        if !allowed {
            return Err(Invalid::ReferralStep { id, status }.into());
        }
        order::not_before(
            When::ReferralStep,
            date,
            When::ReferralProposed,
            before.proposed_on,
        )?;
        after.version += 1;
        self.write(Role::Editor, |tx| {
            tx.check_version(Entity::Referral, "referral", "id = ?1", &id, &id.to_string(), before.version)?;
            tx.execute(
                "UPDATE referral SET approved_on = ?2, referred_on = ?3, concluded_on = ?4, outcome = ?5,
                 not_referred_on = ?6, reason = ?7, version = version + 1 WHERE id = ?1",
                params![id, after.approved_on, after.referred_on, after.concluded_on, after.outcome, after.not_referred_on, after.reason],
            )?;
            tx.audit("update", Entity::Referral, id, Some(&before), Some(&after))?;
            Ok(id)
        })
    }
}
