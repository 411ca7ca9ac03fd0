//! Notified criticisms (R5.6) and referrals (R5.7).

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::promises::chain_facts;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::criticism::unit_criticisms;
use crate::domain::fields::{self, TextField};
use crate::domain::order;
use crate::domain::{Criticism, Referral, ReferralStatus, Standing, Unit};

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

/// One step of a referral (R5.7), with what it keeps.
#[derive(Debug, Clone)]
pub enum ReferralStep {
    /// Only for a unit due for referral with no referral in progress.
    Propose {
        unit: String,
        date: NaiveDate,
        reason: Option<String>,
    },
    /// The county government's approval: its document number or opinion.
    Approve {
        id: i64,
        date: NaiveDate,
        approval: String,
    },
    /// The referral decision.
    Refer {
        id: i64,
        date: NaiveDate,
        decision: String,
    },
    Conclude {
        id: i64,
        date: NaiveDate,
        outcome: String,
    },
    NotRefer {
        id: i64,
        date: NaiveDate,
        reason: String,
    },
}

const REFERRAL_COLS: &str = "id, unit_id, proposed_on, approved_on, referred_on, concluded_on, outcome, not_referred_on, reason, version, proposal_reason, approval, decision";

pub(super) fn referral_from(r: &Row<'_>) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        proposed_on: r.get(2)?,
        proposal_reason: r.get(10)?,
        approved_on: r.get(3)?,
        approval: r.get(11)?,
        referred_on: r.get(4)?,
        decision: r.get(12)?,
        concluded_on: r.get(5)?,
        outcome: r.get(6)?,
        not_referred_on: r.get(7)?,
        reason: r.get(8)?,
        version: r.get(9)?,
    })
}

/// A text given to a step: trimmed, `None` when blank.
fn given(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
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

    pub(super) fn insert_referral(&self, r: &Referral) -> Result<i64> {
        self.prepare_cached(&format!(
            "INSERT INTO referral ({REFERRAL_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11, ?12)"
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
            r.reason,
            r.proposal_reason,
            r.approval,
            r.decision
        ])?;
        Ok(self.last_insert_rowid())
    }

    /// Writes every step of referral `r.id` (the version moves on by one).
    pub(super) fn put_referral(&self, r: &Referral) -> Result<()> {
        self.execute(
            "UPDATE referral SET proposed_on = ?2, approved_on = ?3, referred_on = ?4, concluded_on = ?5,
             outcome = ?6, not_referred_on = ?7, reason = ?8, proposal_reason = ?9, approval = ?10,
             decision = ?11, version = version + 1 WHERE id = ?1",
            params![
                r.id,
                r.proposed_on,
                r.approved_on,
                r.referred_on,
                r.concluded_on,
                r.outcome,
                r.not_referred_on,
                r.reason,
                r.proposal_reason,
                r.approval,
                r.decision
            ],
        )?;
        Ok(())
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

    /// R5.7: proposes a referral of a unit, only when it is due for referral on `date` (two
    /// criticisms within one year since the last decision) and has no referral in progress.
    fn propose_referral(
        &mut self,
        unit: &str,
        date: NaiveDate,
        reason: Option<String>,
    ) -> Result<i64> {
        let unit = self.unit_by_name(unit)?;
        self.write(Role::Editor, |tx| {
            let referrals: Vec<Referral> = tx
                .prepare_cached(&format!(
                    "SELECT {REFERRAL_COLS} FROM referral WHERE unit_id = ?1 ORDER BY proposed_on, id"
                ))?
                .query_map([unit.id], referral_from)?
                .collect::<rusqlite::Result<_>>()?;
            if let Some(open) = referrals.iter().rfind(|r| r.is_open()) {
                return Err(Invalid::ReferralOpen {
                    unit: unit.name.clone(),
                    id: open.id,
                    status: open.status(),
                }
                .into());
            }
            let dates: Vec<NaiveDate> = tx
                .prepare_cached("SELECT date FROM criticism WHERE unit_id = ?1")?
                .query_map([unit.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let c = unit_criticisms(&dates, &referrals, date);
            if !c.referral_due {
                return Err(Invalid::NotReferralDue {
                    unit: unit.name.clone(),
                    on: date,
                    rolling_year: c.rolling_year,
                    calendar_year: c.calendar_year,
                    settled: c.settled_on.map(|d| (d, c.since_settled)),
                }
                .into());
            }
            let mut r = Referral {
                id: 0,
                unit_id: unit.id,
                proposed_on: date,
                proposal_reason: reason,
                approved_on: None,
                approval: None,
                referred_on: None,
                decision: None,
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

    /// R5.7: takes one step of a referral, keeping what it was given (the approval, the
    /// decision, the outcome, the reason not to refer: each required); returns its id.
    pub fn referral_step(&mut self, step: ReferralStep) -> Result<i64> {
        // Each step's text (the proposal's reason, the approval, the decision, the outcome, the
        // reason not to refer) is a note, held to its limit.
        let text = match &step {
            ReferralStep::Propose { reason, .. } => reason.as_deref(),
            ReferralStep::Approve { approval: t, .. }
            | ReferralStep::Refer { decision: t, .. }
            | ReferralStep::Conclude { outcome: t, .. }
            | ReferralStep::NotRefer { reason: t, .. } => Some(t.as_str()),
        };
        fields::fits_opt(TextField::Note, text)?;
        let (id, date) = match &step {
            ReferralStep::Propose { unit, date, reason } => {
                let reason = given(reason.as_deref());
                return self.propose_referral(unit, *date, reason);
            }
            ReferralStep::Approve { id, date, .. }
            | ReferralStep::Refer { id, date, .. }
            | ReferralStep::Conclude { id, date, .. }
            | ReferralStep::NotRefer { id, date, .. } => (*id, *date),
        };
        let before = self.referral(id)?;
        let status = before.status();
        let mut after = before.clone();
        let (allowed, to, text) = match &step {
            ReferralStep::Approve { approval, .. } => {
                after.approved_on = Some(date);
                after.approval = given(Some(approval));
                (
                    status == ReferralStatus::Proposed,
                    ReferralStatus::Approved,
                    &after.approval,
                )
            }
            ReferralStep::Refer { decision, .. } => {
                after.referred_on = Some(date);
                after.decision = given(Some(decision));
                (
                    status == ReferralStatus::Approved,
                    ReferralStatus::Referred,
                    &after.decision,
                )
            }
            ReferralStep::Conclude { outcome, .. } => {
                after.concluded_on = Some(date);
                after.outcome = given(Some(outcome));
                (
                    status == ReferralStatus::Referred,
                    ReferralStatus::Concluded,
                    &after.outcome,
                )
            }
            ReferralStep::NotRefer { reason, .. } => {
                after.not_referred_on = Some(date);
                after.reason = given(Some(reason));
                (
                    matches!(status, ReferralStatus::Proposed | ReferralStatus::Approved),
                    ReferralStatus::NotReferred,
                    &after.reason,
                )
            }
            ReferralStep::Propose { .. } => (false, status, &None),
        };
        if !allowed {
            return Err(Invalid::ReferralStep { id, status }.into());
        }
        if text.is_none() {
            return Err(Invalid::ReferralNeedsText(to).into());
        }
        // Each step on or after the proposal (`domain::order::referral`, as an import checks it).
        order::referral(&after)?;
        after.version += 1;
        self.write(Role::Editor, |tx| {
            tx.check_version(
                Entity::Referral,
                "referral",
                "id = ?1",
                &id,
                &id.to_string(),
                before.version,
            )?;
            tx.put_referral(&after)?;
            tx.audit("update", Entity::Referral, id, Some(&before), Some(&after))?;
            Ok(id)
        })
    }
}
