//! Imports (units, leaders, a task ledger) in one transaction each, through the same insert
//! functions as single writes (so derived columns — due, due_ord, initials — are set as always),
//! with an audit row per record created and one for the import as a whole.

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::meetings::read_meeting_record;
use super::units::NewUnit;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::{Leader, LeaderTitle, Limit, Meeting, Task, Unit, UnitKind};

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

/// A meeting to create for imported tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedMeeting {
    pub date: NaiveDate,
    pub topics: Vec<String>,
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
}

/// What a ledger import creates: units (kind other) and leaders (deputy head) that are missing,
/// meetings, and tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerPlan {
    pub units: Vec<String>,
    pub leaders: Vec<String>,
    pub meetings: Vec<PlannedMeeting>,
    pub tasks: Vec<PlannedTask>,
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

    fn create_leader(&self, name: &str, title: LeaderTitle) -> Result<i64> {
        let leader = Leader {
            id: 0,
            name: name.trim().to_string(),
            title,
            liaison_id: None,
            active: true,
            version: 1,
        };
        let id = self.insert_leader(&leader)?;
        let after = super::units::read_leader(self, id)?;
        self.audit("create", Entity::Leader, id, None::<&()>, Some(&after))?;
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

    /// Carries out a ledger plan in one transaction (all or none): creates its units, leaders and
    /// meetings, then its tasks (completed ones with their completion date). Returns the tasks' ids.
    pub fn import_ledger(&mut self, plan: &LedgerPlan, label: &str) -> Result<Vec<i64>> {
        self.write(Role::Editor, |tx| {
            let counts = json!({
                "units": plan.units.len(),
                "leaders": plan.leaders.len(),
                "meetings": plan.meetings.len(),
                "tasks": plan.tasks.len(),
            });
            // New units and leaders are the reference lists: an editor's ledger may only name
            // those already there.
            if !plan.units.is_empty() || !plan.leaders.is_empty() {
                tx.require(Role::Admin)?;
            }
            tx.audit_import("ledger", label, counts)?;
            for name in &plan.units {
                tx.create_unit(Unit {
                    id: 0,
                    name: name.trim().to_string(),
                    kind: UnitKind::Other,
                    main_leader: None,
                    contact: None,
                    active: true,
                    version: 1,
                })?;
            }
            for name in &plan.leaders {
                tx.create_leader(name, LeaderTitle::DeputyHead)?;
            }
            let mut meetings = Vec::with_capacity(plan.meetings.len());
            for m in &plan.meetings {
                let id = tx.insert_meeting(&Meeting {
                    id: 0,
                    number: None,
                    topics: m.topics.clone(),
                    chair_id: None,
                    liaison_id: None,
                    date: m.date,
                    time: None,
                    place: None,
                    plan_approved_by: None,
                    plan_approved_on: None,
                    notice_date: None,
                    emergency: false,
                    procedure_unknown: true,
                    version: 1,
                })?;
                let after = read_meeting_record(tx, id)?;
                tx.audit("create", Entity::Meeting, id, None::<&()>, Some(&after))?;
                meetings.push(id);
            }
            plan.tasks
                .iter()
                .map(|t| tx.import_task(t, &meetings).map_err(|e| at_row(t.row, e)))
                .collect()
        })
    }
}

impl Tx<'_> {
    fn import_task(&self, t: &PlannedTask, meetings: &[i64]) -> Result<i64> {
        let meeting_id = match t.meeting {
            MeetingRef::Existing(id) => id,
            MeetingRef::New(i) => *meetings
                .get(i)
                .ok_or_else(|| StoreError::not_found(Entity::Meeting, format!("#{i}")))?,
        };
        let lead = self.id_by_name("unit", Entity::Unit, &t.lead_unit)?;
        let mut co_unit_ids = Vec::with_capacity(t.co_units.len());
        for name in &t.co_units {
            let id = self.id_by_name("unit", Entity::Unit, name)?;
            if id == lead {
                return Err(Invalid::LeadIsCoUnit(name.trim().to_string()).into());
            }
            co_unit_ids.push(id);
        }
        co_unit_ids.sort_unstable();
        co_unit_ids.dedup();
        let leader = t
            .leader
            .as_deref()
            .map(|n| self.id_by_name("leader", Entity::Leader, n))
            .transpose()?;
        self.create_task(Task {
            id: 0,
            meeting_id,
            text: t.text.trim().to_string(),
            lead_unit_id: lead,
            co_unit_ids,
            responsible_leader_id: leader,
            limit: t.limit,
            completed_on: t.completed_on,
            completion_note: None,
            version: 1,
        })
    }
}
