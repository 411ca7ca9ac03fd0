//! One ledger load's state and its writes (see `super::ledger`): the ids given in order from
//! those the tables have held, the names known, each record written once with its derived
//! columns through the same insert functions as single writes, and held to the rules every write
//! obeys (`domain::order`, `domain::fields`), whoever made the plan.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::{LedgerPlan, MeetingRef, PlannedMeeting, PlannedTask};
use crate::domain::fields::{self, TextField};
use crate::domain::order::{self, TaskTimes};
use crate::domain::{
    Attendance, Explanation, Feedback, Leader, Meeting, Minutes, ProgressReport, Task, Unit, Waiver,
};
use crate::store::{Entity, Invalid, Result, StoreError, Tx};

/// The state of one load: the ids to give next, the names known, the ids given.
pub(super) struct Load<'t, 'a> {
    pub(super) tx: &'t Tx<'a>,
    pub(super) next: HashMap<String, i64>,
    /// The first and last id given, by table.
    pub(super) given: HashMap<&'static str, (i64, i64)>,
    pub(super) units: HashMap<String, i64>,
    pub(super) leaders: HashMap<String, i64>,
    /// The tasks whose chain of promises (`crate::store::promises`) is recounted at the end:
    /// those given explanations, waivers or criticisms.
    pub(super) chained: Vec<i64>,
}

impl<'t, 'a> Load<'t, 'a> {
    pub(super) fn new(tx: &'t Tx<'a>) -> Result<Load<'t, 'a>> {
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
    pub(super) fn id(&mut self, table: &'static str) -> i64 {
        let next = self.next.entry(table.to_string()).or_insert(1);
        let id = *next;
        *next += 1;
        self.given
            .entry(table)
            .and_modify(|(_, last)| *last = id)
            .or_insert((id, id));
        id
    }

    pub(super) fn unit(&self, name: &str) -> Result<i64> {
        self.units
            .get(name.trim())
            .copied()
            .ok_or_else(|| StoreError::not_found(Entity::Unit, name.trim()))
    }

    pub(super) fn leader(&self, name: Option<&str>) -> Result<Option<i64>> {
        name.map(|n| {
            self.leaders
                .get(n.trim())
                .copied()
                .ok_or_else(|| StoreError::not_found(Entity::Leader, n.trim()))
        })
        .transpose()
    }

    pub(super) fn units_and_leaders(&mut self, plan: &LedgerPlan) -> Result<()> {
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
        // Once every unit has its name: a short form that names another unit (its name or one
        // of its short forms) refuses the whole import, nothing half-written.
        for u in &plan.units {
            if u.aliases.is_some() {
                self.tx.set_aliases(self.units[u.name.trim()], &[])?;
            }
        }
        for u in &plan.units {
            if let Some(aliases) = &u.aliases {
                self.tx
                    .set_own_aliases(self.units[u.name.trim()], aliases)?;
            }
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

    pub(super) fn meeting(&mut self, m: &PlannedMeeting) -> Result<i64> {
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
            order::minutes(m.date, minutes)?;
            for (field, text) in minutes.texts() {
                fields::fits_opt(field, text)?;
            }
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

    pub(super) fn task(&mut self, t: &PlannedTask, meetings: &[i64]) -> Result<i64> {
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
        fields::fits_opt(TextField::Note, t.completion_note.as_deref())?;
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
        // The task's records in time order with its meeting and completion (`insert_task` has
        // checked those two), their texts within limits.
        let meeting_date: NaiveDate = self
            .tx
            .prepare_cached("SELECT date FROM meeting WHERE id = ?1")?
            .query_row([meeting_id], |r| r.get(0))?;
        let times = TaskTimes {
            completed_on: t.completed_on,
            ..TaskTimes::of_meeting(meeting_date)
        };
        for (reported_on, text) in &t.progress {
            order::progress(&times, *reported_on)?;
            fields::fits(TextField::Progress, text.trim())?;
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
                if let Some(submitted) = e.submitted_on {
                    order::explanation(&times, submitted, e.promised_on)?;
                }
                fields::fits_opt(TextField::Note, e.text.as_deref())?;
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
        let promises: Vec<NaiveDate> = t.explanations.iter().map(|e| e.promised_on).collect();
        for (date, reason) in &t.waivers {
            order::waiver_among(meeting_date, &promises, t.completed_on, *date)?;
            if reason.trim().is_empty() {
                return Err(Invalid::WaiverNeedsReason.into());
            }
            fields::fits(TextField::Note, reason.trim())?;
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
