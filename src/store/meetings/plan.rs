//! The meeting plan (R2.1/R2.2): resolving a form into a meeting, replacing a plan, and the
//! participants with their attendance and feedback rows.

use crate::domain::Role;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::super::minutes::feedback_from;
use super::attendance::attendance_from;
use super::{NewMeeting, read_meeting};
use crate::domain::fields::TextField;
use crate::domain::order::{self, When};
use crate::domain::{Attendance, Feedback, Meeting};
use crate::store::{Entity, Invalid, Result, Store, Tx};
use chrono::NaiveDate;

/// A meeting as the audit log records it: the plan, the participating units' names, and each
/// participant's attendance and feedback rows (so that undoing a change of participants can put
/// back what it removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::store) struct MeetingRecord {
    #[serde(flatten)]
    pub meeting: Meeting,
    /// Names of the participating units, by unit id.
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

/// The meeting with its participants (in a store or inside a write transaction).
pub(in crate::store) fn read_meeting_record(conn: &Connection, id: i64) -> Result<MeetingRecord> {
    let meeting = read_meeting(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT u.name, a.meeting_id, a.unit_id, a.attendee, a.role, a.confirmed, a.outcome, a.version
         FROM attendance a JOIN unit u ON u.id = a.unit_id WHERE a.meeting_id = ?1 ORDER BY a.unit_id",
    )?;
    let mut units = Vec::new();
    let mut attendance = Vec::new();
    for row in stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, attendance_from(r, 1)?))
    })? {
        let (name, a) = row?;
        units.push(name);
        attendance.push(a);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id, unit_id, received_on, opinion, signer, signer_post, sealed, version
         FROM feedback WHERE meeting_id = ?1 ORDER BY unit_id",
    )?;
    let feedback = stmt
        .query_map([id], feedback_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(MeetingRecord {
        meeting,
        units,
        attendance,
        feedback,
    })
}

impl Tx<'_> {
    /// Replaces the plan of meeting `m.id` (all its columns but the id; the version moves on by
    /// one) and its participants with `units`. `restore` is the record an undo puts back: removed
    /// participants return with their attendance and feedback rows from it. `today` is the app's
    /// day, when the change is the user's: a meeting with attendance on record stays held on it.
    pub(in crate::store) fn put_plan(
        &self,
        m: &Meeting,
        units: &[i64],
        restore: Option<&MeetingRecord>,
        today: Option<NaiveDate>,
    ) -> Result<()> {
        super::meeting_texts(m)?;
        self.check_meeting_date(m, today)?;
        self.prepare_cached(
            "UPDATE meeting SET number = ?2, chair_id = ?3, liaison_id = ?4, date = ?5, time = ?6, place = ?7,
             plan_approved_by = ?8, plan_approved_on = ?9, notice_date = ?10, emergency = ?11, version = version + 1
             WHERE id = ?1",
        )?
        .execute(params![
            m.id,
            m.number,
            m.chair_id,
            m.liaison_id,
            m.date,
            m.time,
            m.place,
            m.plan_approved_by,
            m.plan_approved_on,
            m.notice_date,
            m.emergency
        ])?;
        self.write_topics(m.id, &m.topics)?;
        self.set_participants(m.id, units, restore)?;
        // The meeting date is the start of a task's assignment until the minutes are issued.
        self.refresh_due("t.meeting_id = ?1", m.id)
    }

    /// Moving a meeting keeps time running one way ([`order`]): its plan's approval and its
    /// notice cannot come after it; its minutes' dates, and its tasks' limits, progress reports,
    /// explanations, completions, waivers and criticisms cannot come before it; with attendance
    /// on record it has been held, so it cannot move after `today` (the app's day, when given).
    fn check_meeting_date(&self, m: &Meeting, today: Option<NaiveDate>) -> Result<()> {
        order::plan(m.date, m.notice_date, m.plan_approved_on)?;
        if let Some(minutes) = super::super::minutes::read_minutes(self, m.id)? {
            order::minutes(m.date, &minutes)?;
        }
        // The earliest date of each kind among the meeting's tasks.
        let (earliest, attended): ([(When, Option<NaiveDate>); 6], bool) = self.query_row(
            "SELECT (SELECT min(limit_date) FROM task WHERE meeting_id = ?1),
                    (SELECT min(p.reported_on) FROM progress_report p JOIN task t ON t.id = p.task_id WHERE t.meeting_id = ?1),
                    (SELECT min(e.submitted_on) FROM explanation e JOIN task t ON t.id = e.task_id WHERE t.meeting_id = ?1),
                    (SELECT min(completed_on) FROM task WHERE meeting_id = ?1),
                    (SELECT min(w.date) FROM waiver w JOIN task t ON t.id = w.task_id WHERE t.meeting_id = ?1),
                    (SELECT min(c.date) FROM criticism c JOIN criticism_task ct ON ct.criticism_id = c.id
                     JOIN task t ON t.id = ct.task_id WHERE t.meeting_id = ?1),
                    EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?1 AND outcome IS NOT NULL)",
            [m.id],
            |r| {
                Ok((
                    [
                        (When::Limit, r.get(0)?),
                        (When::Progress, r.get(1)?),
                        (When::Explanation, r.get(2)?),
                        (When::Completion, r.get(3)?),
                        (When::Waiver, r.get(4)?),
                        (When::Criticism, r.get(5)?),
                    ],
                    r.get(6)?,
                ))
            },
        )?;
        for (what, date) in earliest {
            if let Some(d) = date {
                order::not_before(what, d, When::Meeting, m.date)?;
            }
        }
        if let Some(today) = today.filter(|_| attended) {
            order::held(m.date, today)?;
        }
        Ok(())
    }

    /// Makes `units` the participants of a meeting. A unit newly listed gets an attendance row,
    /// and a feedback row when the feedback round is already out (R4.2: the form goes to every
    /// participating unit). A unit no longer listed loses its attendance row and an unanswered
    /// feedback row, unless it has an attendance outcome or a feedback answer: then it is refused.
    pub(in crate::store) fn set_participants(
        &self,
        meeting_id: i64,
        units: &[i64],
        restore: Option<&MeetingRecord>,
    ) -> Result<()> {
        let current = self
            .prepare_cached(
                "SELECT a.unit_id, u.name, a.outcome IS NOT NULL OR EXISTS (SELECT 1 FROM feedback f
                 WHERE f.meeting_id = a.meeting_id AND f.unit_id = a.unit_id AND f.received_on IS NOT NULL)
                 FROM attendance a JOIN unit u ON u.id = a.unit_id WHERE a.meeting_id = ?1",
            )?
            .query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String, bool)>>>()?;
        for (unit_id, name, in_use) in &current {
            if units.contains(unit_id) {
                continue;
            }
            if *in_use {
                return Err(Invalid::ParticipantInUse {
                    unit: name.clone(),
                    meeting: meeting_id,
                }
                .into());
            }
            self.prepare_cached(
                "DELETE FROM feedback WHERE meeting_id = ?1 AND unit_id = ?2 AND received_on IS NULL",
            )?
            .execute([meeting_id, *unit_id])?;
            self.prepare_cached("DELETE FROM attendance WHERE meeting_id = ?1 AND unit_id = ?2")?
                .execute([meeting_id, *unit_id])?;
        }
        let sent: bool = self.query_row(
            "SELECT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = ?1 AND feedback_sent_on IS NOT NULL)",
            [meeting_id],
            |r| r.get(0),
        )?;
        let mut added = Vec::new();
        for &unit_id in units {
            if current.iter().any(|(u, ..)| *u == unit_id) || added.contains(&unit_id) {
                continue;
            }
            added.push(unit_id);
            let old_attendance =
                restore.and_then(|r| r.attendance.iter().find(|a| a.unit_id == unit_id));
            self.insert_attendance(&Attendance {
                meeting_id,
                unit_id,
                ..old_attendance.cloned().unwrap_or(Attendance {
                    meeting_id,
                    unit_id,
                    attendee: None,
                    role: None,
                    confirmed: false,
                    outcome: None,
                    version: 1,
                })
            })?;
            if sent {
                let old = restore.and_then(|r| r.feedback.iter().find(|f| f.unit_id == unit_id));
                let f = old.cloned().unwrap_or_default();
                self.prepare_cached(
                    "INSERT OR IGNORE INTO feedback (meeting_id, unit_id, received_on, opinion, signer, signer_post, sealed)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![meeting_id, unit_id, f.received_on, f.opinion, f.signer, f.signer_post, f.sealed])?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// A meeting plan as entered into a meeting (id 0, version 1) and the ids of its participating
    /// units, each once in the order given: chair, liaison and units must exist, the date is
    /// required and at least one topic must not be blank.
    pub(super) fn resolve_plan(&self, new: NewMeeting) -> Result<(Meeting, Vec<i64>)> {
        let chair_id = new
            .chair
            .as_deref()
            .map(|n| self.leader_by_name(n).map(|l| l.id))
            .transpose()?;
        let liaison_id = new
            .liaison
            .as_deref()
            .map(|n| self.leader_by_name(n).map(|l| l.id))
            .transpose()?;
        let mut units = Vec::new();
        for name in &new.units {
            let id = self.unit_by_name(name)?.id;
            if !units.contains(&id) {
                units.push(id);
            }
        }
        let date = new.date.ok_or(Invalid::MissingDate(When::Meeting))?;
        if new.topics.iter().all(|t| t.trim().is_empty()) {
            return Err(Invalid::Empty(TextField::Topic).into());
        }
        let meeting = Meeting {
            id: 0,
            number: new.number,
            topics: new.topics,
            chair_id,
            liaison_id,
            date,
            time: new.time,
            place: new.place,
            plan_approved_by: new.plan_approved_by,
            plan_approved_on: new.plan_approved_on,
            notice_date: new.notice_date,
            emergency: new.emergency,
            procedure_unknown: false,
            version: 1,
        };
        Ok((meeting, units))
    }

    /// R2.1/R2.2: replaces a meeting's plan (number, topics, chair, liaison, date, time, place,
    /// notice, emergency, plan approval) and participants, refusing a stale `expected` version.
    /// A unit newly listed becomes a participant (with a feedback row if the round is out); a unit
    /// dropped from the list is removed unless it has an attendance outcome or a feedback answer.
    /// A new date is held to every recorded step (see `check_meeting_date`), on the app's `today`.
    pub fn update_meeting(
        &mut self,
        id: i64,
        expected: i64,
        plan: NewMeeting,
        today: NaiveDate,
    ) -> Result<()> {
        let (meeting, units) = self.resolve_plan(plan)?;
        self.write(Role::Editor, |tx| {
            tx.check_version(
                Entity::Meeting,
                "meeting",
                "id = ?1",
                &id,
                &id.to_string(),
                expected,
            )?;
            let before = read_meeting_record(tx, id)?;
            tx.put_plan(&Meeting { id, ..meeting }, &units, None, Some(today))?;
            let after = read_meeting_record(tx, id)?;
            tx.audit("update", Entity::Meeting, id, Some(&before), Some(&after))
        })
    }

    /// Moves meeting `id` to `date`, keeping everything else of its plan: refused when the new
    /// date contradicts a recorded step (its notice or plan approval after it; minutes, limits,
    /// progress, explanations, completions, waivers or criticisms before it; attendance on record
    /// with the date after `today`). Returns the date it had.
    pub fn move_meeting(
        &mut self,
        id: i64,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<NaiveDate> {
        self.write(Role::Editor, |tx| {
            let before = read_meeting_record(tx, id)?;
            let units: Vec<i64> = before.attendance.iter().map(|a| a.unit_id).collect();
            let moved = Meeting {
                date,
                ..before.meeting.clone()
            };
            tx.put_plan(&moved, &units, None, Some(today))?;
            let after = read_meeting_record(tx, id)?;
            tx.audit("update", Entity::Meeting, id, Some(&before), Some(&after))?;
            Ok(before.meeting.date)
        })
    }
}
