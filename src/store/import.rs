//! Imports (units, leaders, a task ledger) in one transaction each, through the same insert
//! functions as single writes (so derived columns — due, due_ord, initials — are set as always).
//! Units and leaders get an audit row each and one for the import; a ledger (`ledger`), which may
//! hold a county's archive, gets one audit row naming the file and the ids it created.

mod ledger;
mod load;

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::units::NewUnit;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::{
    Attendance, Feedback, Leader, LeaderTitle, Limit, Minutes, Referral, Unit, UnitKind,
};

/// A county leader to add; `liaison` names a leader in the database or in the same import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLeader {
    pub name: String,
    pub title: LeaderTitle,
    pub liaison: Option<String>,
}

/// A task's meeting: one in the database, or the n-th of [`LedgerPlan::meetings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingRef {
    Existing(i64),
    New(usize),
}

/// A unit to create for an import: named by the file, its kind from the file or its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedUnit {
    pub name: String,
    pub kind: UnitKind,
    pub main_leader: Option<String>,
    pub contact: Option<String>,
    pub active: bool,
    /// Its short forms (简称); `None`: those derived from its name (`domain::alias`), as for a
    /// unit added by hand.
    pub aliases: Option<Vec<String>>,
}

/// A county leader to create for an import; `liaison` names a leader in the database or the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedLeader {
    pub name: String,
    pub title: LeaderTitle,
    pub liaison: Option<String>,
    pub active: bool,
}

/// A meeting to create for imported tasks. A ledger gives its date, topics and at most the day
/// its minutes were issued (its procedure is then unknown); a full workbook gives everything.
/// Ids in `minutes`, `attendance` and `feedback` are ignored: units are named beside them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlannedMeeting {
    pub date: NaiveDate,
    pub topics: Vec<String>,
    pub number: Option<String>,
    pub time: Option<chrono::NaiveTime>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub liaison: Option<String>,
    pub plan_approved_by: Option<String>,
    pub plan_approved_on: Option<NaiveDate>,
    pub notice_date: Option<NaiveDate>,
    pub emergency: bool,
    pub procedure_unknown: bool,
    pub minutes: Option<Minutes>,
    pub attendance: Vec<(String, Attendance)>,
    pub feedback: Vec<(String, Feedback)>,
}

/// A written explanation of an imported task. A ledger of an older duban gives only the promise
/// in force: the day it was submitted is then taken as the first working day after the limit
/// (or the promised date, if earlier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExplanation {
    pub submitted_on: Option<NaiveDate>,
    pub promised_on: NaiveDate,
    pub text: Option<String>,
}

/// A task to create; the file's `row` names it in an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedTask {
    pub row: usize,
    pub meeting: MeetingRef,
    pub text: String,
    pub lead_unit: String,
    pub co_units: Vec<String>,
    pub leader: Option<String>,
    pub limit: Limit,
    pub completed_on: Option<NaiveDate>,
    pub completion_note: Option<String>,
    /// (reported on, text), oldest first.
    pub progress: Vec<(NaiveDate, String)>,
    pub explanations: Vec<PlannedExplanation>,
    /// Decisions not to criticise its missed promise (不予通报批评): (date, reason).
    pub waivers: Vec<(NaiveDate, String)>,
}

/// A notified criticism to create, citing tasks of the plan by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedCriticism {
    pub unit: String,
    pub date: NaiveDate,
    pub doc_no: Option<String>,
    pub reason: Option<String>,
    pub tasks: Vec<usize>,
}

/// A referral to create (its id and unit id are ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedReferral {
    pub unit: String,
    pub referral: Referral,
}

/// What a ledger import creates: the units, leaders and meetings missing from the database, the
/// tasks with their progress reports, explanations and waivers, the criticisms and the referrals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerPlan {
    pub units: Vec<PlannedUnit>,
    pub leaders: Vec<PlannedLeader>,
    pub meetings: Vec<PlannedMeeting>,
    pub tasks: Vec<PlannedTask>,
    pub criticisms: Vec<PlannedCriticism>,
    pub referrals: Vec<PlannedReferral>,
}

impl LedgerPlan {
    pub fn progress_count(&self) -> usize {
        self.tasks.iter().map(|t| t.progress.len()).sum()
    }

    pub fn explanation_count(&self) -> usize {
        self.tasks.iter().map(|t| t.explanations.len()).sum()
    }

    pub fn waiver_count(&self) -> usize {
        self.tasks.iter().map(|t| t.waivers.len()).sum()
    }
}

impl Tx<'_> {
    fn id_by_name(&self, table: &str, entity: Entity, name: &str) -> Result<i64> {
        self.query_row(
            &format!("SELECT id FROM {table} WHERE name = ?1"),
            params![name.trim()],
            |r| r.get(0),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::not_found(entity, name.trim()),
            e => e.into(),
        })
    }

    fn create_unit(&self, unit: Unit) -> Result<i64> {
        let id = self.insert_unit(&unit)?;
        let after = super::units::read_unit(self, id)?;
        self.audit("create", Entity::Unit, id, None::<&()>, Some(&after))?;
        Ok(id)
    }

    fn audit_import(&self, what: &str, label: &str, counts: serde_json::Value) -> Result<()> {
        let summary = json!({ "import": what, "file": label, "created": counts });
        self.audit(
            "import",
            Entity::Database,
            label,
            None::<&()>,
            Some(&summary),
        )
    }
}

/// The error of the task on file row `row`, if it is the input's fault.
fn at_row(row: usize, e: StoreError) -> StoreError {
    if e.is_bad_input() {
        Invalid::Line {
            line: row,
            error: Box::new(e),
        }
        .into()
    } else {
        e
    }
}

impl Store {
    /// Adds `units` in one transaction (all or none), `label` naming the file in the audit log.
    pub fn import_units(&mut self, units: Vec<NewUnit>, label: &str) -> Result<Vec<i64>> {
        self.write(Role::Admin, |tx| {
            tx.audit_import("units", label, json!({ "units": units.len() }))?;
            units
                .into_iter()
                .map(|u| {
                    tx.create_unit(Unit {
                        id: 0,
                        name: u.name.trim().to_string(),
                        kind: u.kind,
                        main_leader: u.main_leader,
                        contact: u.contact,
                        active: true,
                        version: 1,
                    })
                })
                .collect()
        })
    }

    /// Adds `leaders` in one transaction (all or none); liaison directors may be among them.
    pub fn import_leaders(&mut self, leaders: Vec<NewLeader>, label: &str) -> Result<Vec<i64>> {
        self.write(Role::Admin, |tx| {
            tx.audit_import("leaders", label, json!({ "leaders": leaders.len() }))?;
            let mut ids = Vec::with_capacity(leaders.len());
            for l in &leaders {
                let id = tx.insert_leader(&Leader {
                    id: 0,
                    name: l.name.trim().to_string(),
                    title: l.title,
                    liaison_id: None,
                    active: true,
                    version: 1,
                })?;
                ids.push(id);
            }
            for (l, &id) in leaders.iter().zip(&ids) {
                if let Some(liaison) = &l.liaison {
                    let liaison_id = tx.id_by_name("leader", Entity::Leader, liaison)?;
                    if liaison_id == id {
                        return Err(Invalid::OwnLiaison(l.name.trim().to_string()).into());
                    }
                    tx.execute(
                        "UPDATE leader SET liaison_id = ?2 WHERE id = ?1",
                        params![id, liaison_id],
                    )?;
                }
                let after = super::units::read_leader(tx, id)?;
                tx.audit("create", Entity::Leader, id, None::<&()>, Some(&after))?;
            }
            Ok(ids)
        })
    }
}
