//! Referrals (R5.7): proposing a unit due for referral and each later step, every step keeping
//! its text.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::Role;
use crate::domain::criticism::unit_criticisms;
use crate::domain::fields::{self, TextField};
use crate::domain::order;
use crate::domain::{Referral, ReferralStatus};

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

impl Tx<'_> {
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
