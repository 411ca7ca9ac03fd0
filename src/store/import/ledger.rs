//! Loading a ledger plan: one transaction, prepared statements, each record written once with
//! its derived columns (the same insert functions as single writes), ids given in order from
//! those the tables have held (migration 10), and one audit row for the import naming the file
//! and the ids created. An import as large as the ledger already there sets the indexes and the
//! kept counts aside and builds them whole at the end, as the demo's bulk load does.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::super::bulk;
use super::{LedgerPlan, MeetingRef, PlannedMeeting, PlannedTask, at_row};
use crate::domain::{
    Attendance, Criticism, Explanation, Feedback, Leader, Meeting, Minutes, ProgressReport,
    Referral, Role, Task, Unit, Waiver,
};
use crate::store::{Entity, Invalid, Result, Store, StoreError, Tx};

/// An import of at least this many tasks, and as many as the ledger holds, is loaded in bulk.
const BULK: usize = 1_000;

/// How many tasks are written between two calls of the progress callback.
const STEP: usize = 1_000;

/// The state of one load: the ids to give next, the names known, the ids given.
struct Load<'t, 'a> {
    tx: &'t Tx<'a>,
    next: HashMap<String, i64>,
    /// The first and last id given, by table.
    given: HashMap<&'static str, (i64, i64)>,
    units: HashMap<String, i64>,
    leaders: HashMap<String, i64>,
    /// The tasks whose chain of promises (`crate::store::promises`) is recounted at the end:
    /// those given explanations, waivers or criticisms.
    chained: Vec<i64>,
}

impl<'t, 'a> Load<'t, 'a> {
    fn new(tx: &'t Tx<'a>) -> Result<Load<'t, 'a>> {
        let pairs = |sql: &str| -> Result<HashMap<String, i64>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Load {
            tx,
            next: pairs("SELECT tbl, last + 1 FROM id_used")?,
            given: HashMap::new(),
            units: pairs("SELECT name, id FROM unit")?,
            leaders: pairs("SELECT name, id FROM leader")?,
            chained: Vec::new(),
        })
    }

    /// The id the next row of `table` gets.
    fn id(&mut self, table: &'static str) -> i64 {
        let next = self.next.entry(table.to_string()).or_insert(1);
        let id = *next;
        *next += 1;
        self.given
            .entry(table)
            .and_modify(|(_, last)| *last = id)
            .or_insert((id, id));
        id
    }

    fn unit(&self, name: &str) -> Result<i64> {
        self.units
            .get(name.trim())
            .copied()
            .ok_or_else(|| StoreError::not_found(Entity::Unit, name.trim()))
    }

    fn leader(&self, name: Option<&str>) -> Result<Option<i64>> {
        name.map(|n| {
            self.leaders
                .get(n.trim())
                .copied()
                .ok_or_else(|| StoreError::not_found(Entity::Leader, n.trim()))
        })
        .transpose()
    }

    fn units_and_leaders(&mut self, plan: &LedgerPlan) -> Result<()> {
        for u in &plan.units {
            let id = self.id("unit");
            self.tx.insert_unit(&Unit {
                id,
                name: u.name.trim().to_string(),
                kind: u.kind,
                main_leader: u.main_leader.clone(),
                contact: u.contact.clone(),
                active: u.active,
                version: 1,
            })?;
            self.units.insert(u.name.trim().to_string(), id);
        }
        for l in &plan.leaders {
            let id = self.id("leader");
            self.tx.insert_leader(&Leader {
                id,
                name: l.name.trim().to_string(),
                title: l.title,
                liaison_id: None,
                active: l.active,
                version: 1,
            })?;
            self.leaders.insert(l.name.trim().to_string(), id);
        }
        for l in &plan.leaders {
            if let Some(liaison) = self.leader(l.liaison.as_deref())? {
                let id = self.leaders[l.name.trim()];
                if liaison == id {
                    return Err(Invalid::OwnLiaison(l.name.trim().to_string()).into());
                }
                self.tx.execute(
                    "UPDATE leader SET liaison_id = ?2 WHERE id = ?1",
                    params![id, liaison],
                )?;
            }
        }
        Ok(())
    }

    fn meeting(&mut self, m: &PlannedMeeting) -> Result<i64> {
        let id = self.id("meeting");
        self.tx.insert_meeting(&Meeting {
            id,
            number: m.number.clone(),
            topics: m.topics.clone(),
            chair_id: self.leader(m.chair.as_deref())?,
            liaison_id: self.leader(m.liaison.as_deref())?,
            date: m.date,
            time: m.time,
            place: m.place.clone(),
            plan_approved_by: m.plan_approved_by.clone(),
            plan_approved_on: m.plan_approved_on,
            notice_date: m.notice_date,
            emergency: m.emergency,
            procedure_unknown: m.procedure_unknown,
            version: 1,
        })?;
        if let Some(minutes) = &m.minutes {
            self.tx.put_minutes(&Minutes {
                meeting_id: id,
                version: 1,
                ..minutes.clone()
            })?;
        }
        for (unit, a) in &m.attendance {
            self.tx.insert_attendance(&Attendance {
                meeting_id: id,
                unit_id: self.unit(unit)?,
                version: 1,
                ..a.clone()
            })?;
        }
        for (unit, f) in &m.feedback {
            self.tx.insert_feedback(&Feedback {
                meeting_id: id,
                unit_id: self.unit(unit)?,
                version: 1,
                ..f.clone()
            })?;
        }
        Ok(id)
    }

    fn task(&mut self, t: &PlannedTask, meetings: &[i64]) -> Result<i64> {
        let meeting_id = match t.meeting {
            MeetingRef::Existing(id) => id,
            MeetingRef::New(i) => *meetings
                .get(i)
                .ok_or_else(|| StoreError::not_found(Entity::Meeting, format!("#{i}")))?,
        };
        let lead = self.unit(&t.lead_unit)?;
        let mut co_unit_ids = Vec::with_capacity(t.co_units.len());
        for name in &t.co_units {
            let id = self.unit(name)?;
            if id == lead {
                return Err(Invalid::LeadIsCoUnit(name.trim().to_string()).into());
            }
            co_unit_ids.push(id);
        }
        co_unit_ids.sort_unstable();
        co_unit_ids.dedup();
        let id = self.id("task");
        self.tx.insert_task(&Task {
            id,
            meeting_id,
            text: t.text.trim().to_string(),
            lead_unit_id: lead,
            co_unit_ids,
            responsible_leader_id: self.leader(t.leader.as_deref())?,
            limit: t.limit,
            completed_on: t.completed_on,
            completion_note: t.completion_note.clone(),
            version: 1,
        })?;
        for (reported_on, text) in &t.progress {
            let pid = self.id("progress_report");
            self.tx.insert_progress(&ProgressReport {
                id: pid,
                task_id: id,
                reported_on: *reported_on,
                text: text.trim().to_string(),
            })?;
        }
        if !t.explanations.is_empty() {
            let due: Option<NaiveDate> =
                self.tx
                    .query_row("SELECT due FROM task WHERE id = ?1", [id], |r| r.get(0))?;
            for e in &t.explanations {
                // An older ledger gives only the promise: the earliest day it could be explained.
                let submitted_on = e.submitted_on.unwrap_or_else(|| {
                    due.map_or(e.promised_on, |d| {
                        self.tx.cal.add_workdays(d, 1).min(e.promised_on)
                    })
                });
                let eid = self.id("explanation");
                self.tx.insert_explanation_row(&Explanation {
                    id: eid,
                    task_id: id,
                    submitted_on,
                    text: e.text.clone(),
                    promised_on: e.promised_on,
                })?;
            }
        }
        for (date, reason) in &t.waivers {
            let wid = self.id("waiver");
            self.tx.insert_waiver_row(&Waiver {
                id: wid,
                task_id: id,
                date: *date,
                reason: reason.trim().to_string(),
                version: 1,
            })?;
        }
        if !t.explanations.is_empty() || !t.waivers.is_empty() {
            self.chained.push(id);
        }
        Ok(id)
    }
}

impl Store {
    /// Carries out a ledger plan in one transaction (all or none): creates its units, leaders and
    /// meetings, its tasks with their progress reports, explanations and waivers (completed ones
    /// with their completion), then its criticisms and referrals, and counts each task's chain of
    /// promises once all are in. `progress` is told now and then how
    /// many of the tasks are written. Returns the tasks' ids, in the plan's order.
    pub fn import_ledger(
        &mut self,
        plan: &LedgerPlan,
        label: &str,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<i64>> {
        // New units and leaders are the reference lists: an editor's ledger may only name those
        // already there.
        let need = if plan.units.is_empty() && plan.leaders.is_empty() {
            Role::Editor
        } else {
            Role::Admin
        };
        self.may(need)?;
        let held: i64 = self
            .conn
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))?;
        let bulk = plan.tasks.len() >= BULK && plan.tasks.len() as i64 >= held;
        // Into an empty file, as the demo's load: every page written once (see `leave_wal`).
        let journal = bulk && self.is_empty()? && self.leave_wal()?;
        let loaded = self.write(need, |tx| load(tx, plan, label, bulk, progress));
        if journal {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        loaded
    }
}

fn load(
    tx: &Tx<'_>,
    plan: &LedgerPlan,
    label: &str,
    bulk: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<i64>> {
    let aside = if bulk {
        Some(bulk::set_aside(tx)?)
    } else {
        None
    };
    let mut load = Load::new(tx)?;
    load.units_and_leaders(plan)?;
    let mut meetings = Vec::with_capacity(plan.meetings.len());
    for m in &plan.meetings {
        meetings.push(load.meeting(m)?);
    }
    let total = plan.tasks.len();
    let mut tasks = Vec::with_capacity(total);
    for (n, t) in plan.tasks.iter().enumerate() {
        if n % STEP == 0 {
            progress(n, total);
        }
        tasks.push(load.task(t, &meetings).map_err(|e| at_row(t.row, e))?);
    }
    for c in &plan.criticisms {
        let id = load.id("criticism");
        let mut task_ids: Vec<i64> = c
            .tasks
            .iter()
            .filter_map(|i| tasks.get(*i).copied())
            .collect();
        task_ids.sort_unstable();
        task_ids.dedup();
        load.chained.extend(&task_ids);
        tx.insert_criticism_rows(&Criticism {
            id,
            unit_id: load.unit(&c.unit)?,
            date: c.date,
            doc_no: c.doc_no.clone(),
            reason: c.reason.clone(),
            task_ids,
            version: 1,
        })?;
    }
    for r in &plan.referrals {
        let id = load.id("referral");
        tx.insert_referral(&Referral {
            id,
            unit_id: load.unit(&r.unit)?,
            version: 1,
            ..r.referral.clone()
        })?;
    }
    progress(total, total);
    // The chain of promises (the promise in force, criticised, the unanswered promise) once every
    // explanation, waiver and criticism is in: a bulk load recounts every task's.
    if let Some(aside) = aside {
        bulk::restore(tx, aside)?;
    } else {
        load.chained.sort_unstable();
        load.chained.dedup();
        for &id in &load.chained {
            tx.refresh_chain(id)?;
        }
    }
    let ids: serde_json::Map<String, serde_json::Value> = load
        .given
        .into_iter()
        .map(|(table, (first, last))| (table.to_string(), json!([first, last])))
        .collect();
    let summary = json!({
        "import": "ledger",
        "file": label,
        "created": {
            "units": plan.units.len(),
            "leaders": plan.leaders.len(),
            "meetings": plan.meetings.len(),
            "tasks": plan.tasks.len(),
            "progress_reports": plan.progress_count(),
            "explanations": plan.explanation_count(),
            "waivers": plan.waiver_count(),
            "criticisms": plan.criticisms.len(),
            "referrals": plan.referrals.len(),
        },
        "ids": ids,
    });
    tx.audit(
        "import",
        Entity::Database,
        label,
        None::<&()>,
        Some(&summary),
    )?;
    Ok(tasks)
}
