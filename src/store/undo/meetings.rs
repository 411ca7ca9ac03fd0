//! Undoing changes of meetings and what belongs to one meeting: attendance, minutes, feedback.

use rusqlite::params;

use super::{Change, Reverted, json};
use crate::domain::{Feedback, Meeting, Minutes};
use crate::store::meetings::{
    AttendanceRecord, MeetingRecord, read_attendance, read_meeting_record,
};
use crate::store::minutes::{read_feedback, read_minutes};
use crate::store::units::read_unit;
use crate::store::{Entity, Result, StoreError, Tx};

impl Tx<'_> {
    /// Removes a planned meeting, with its topics and (untouched) participants.
    pub(super) fn undo_create_meeting(&self, c: &Change) -> Result<Reverted> {
        let created: MeetingRecord = c.after()?;
        let id = c.id()?;
        let current = read_meeting_record(self, id)?;
        let version = current.meeting.version;
        self.expect_unchanged(c, Entity::Meeting, Some(version), created.meeting.version)?;
        self.refuse_dependants(
            c,
            Entity::Meeting,
            &[
                (Entity::Task, "SELECT 1 FROM task WHERE meeting_id = ?1"),
                (Entity::Minutes, "SELECT 1 FROM minutes WHERE meeting_id = ?1"),
                (Entity::Feedback, "SELECT 1 FROM feedback WHERE meeting_id = ?1"),
                (
                    Entity::Attendance,
                    "SELECT 1 FROM attendance WHERE meeting_id = ?1 AND (attendee IS NOT NULL OR role IS NOT NULL
                     OR confirmed OR outcome IS NOT NULL)",
                ),
            ],
        )?;
        // Topics and attendance go with it (ON DELETE CASCADE).
        self.execute("DELETE FROM meeting WHERE id = ?1", [id])?;
        Ok((json(&current)?, None))
    }

    /// Puts back the plan and the participants the meeting had before.
    pub(super) fn undo_update_meeting(&self, c: &Change) -> Result<Reverted> {
        let (before, after): (MeetingRecord, MeetingRecord) = c.before_after()?;
        let id = c.id()?;
        let current = read_meeting_record(self, id)?;
        let version = current.meeting.version;
        self.expect_unchanged(c, Entity::Meeting, Some(version), after.meeting.version)?;
        let units: Vec<i64> = before.attendance.iter().map(|a| a.unit_id).collect();
        let plan = Meeting {
            id,
            ..before.meeting.clone()
        };
        self.put_plan(&plan, &units, Some(&before), None)?;
        Ok((
            json(&current)?,
            Some(json(&read_meeting_record(self, id)?)?),
        ))
    }

    /// `record_attendance` or `confirm_attendee`: the row's values come back; a unit the change
    /// made a participant stops being one (with its unanswered feedback row).
    pub(super) fn undo_attendance(&self, c: &Change) -> Result<Reverted> {
        let (meeting_id, unit_id) = c.pair()?;
        let before: Option<AttendanceRecord> = c.before()?;
        let after: AttendanceRecord = c.after()?;
        let found = read_attendance(self, meeting_id, unit_id)?;
        let version = found.as_ref().map(|a| a.version);
        self.expect_unchanged(c, Entity::Attendance, version, after.attendance.version)?;
        let unit = read_unit(self, unit_id)?.name;
        let current = AttendanceRecord {
            unit: unit.clone(),
            attendance: found
                .ok_or_else(|| StoreError::not_found(Entity::Attendance, &c.entity_id))?,
        };
        let Some(before) = before else {
            let answered: bool = self.query_row(
                "SELECT EXISTS (SELECT 1 FROM feedback WHERE meeting_id = ?1 AND unit_id = ?2
                 AND (received_on IS NOT NULL OR version > 1))",
                [meeting_id, unit_id],
                |r| r.get(0),
            )?;
            if answered {
                return Err(c.has(Entity::Attendance, Entity::Feedback));
            }
            self.execute(
                "DELETE FROM feedback WHERE meeting_id = ?1 AND unit_id = ?2",
                [meeting_id, unit_id],
            )?;
            self.execute(
                "DELETE FROM attendance WHERE meeting_id = ?1 AND unit_id = ?2",
                [meeting_id, unit_id],
            )?;
            return Ok((json(&current)?, None));
        };
        let b = &before.attendance;
        self.execute(
            "UPDATE attendance SET attendee = ?3, role = ?4, confirmed = ?5, outcome = ?6, version = version + 1
             WHERE meeting_id = ?1 AND unit_id = ?2",
            params![meeting_id, unit_id, b.attendee, b.role, b.confirmed, b.outcome.map(|o| o.code())],
        )?;
        let restored = read_attendance(self, meeting_id, unit_id)?
            .map(|attendance| AttendanceRecord { unit, attendance });
        Ok((json(&current)?, Some(json(&restored)?)))
    }

    /// The minutes as they were (none, for a creation). If the change sent the feedback round,
    /// the round's unanswered rows go; an answered one refuses the undo.
    pub(super) fn undo_minutes(&self, c: &Change) -> Result<Reverted> {
        let meeting_id = c.id()?;
        let before: Option<Minutes> = c.before()?;
        let after: Minutes = c.after()?;
        let found = read_minutes(self, meeting_id)?;
        let version = found.as_ref().map(|m| m.version);
        self.expect_unchanged(c, Entity::Minutes, version, after.version)?;
        let current = found.ok_or_else(|| StoreError::not_found(Entity::Minutes, meeting_id))?;
        let sent_by_it = before.as_ref().and_then(|b| b.feedback_sent_on).is_none()
            && after.feedback_sent_on.is_some();
        if sent_by_it {
            let answered: bool = self.query_row(
                "SELECT EXISTS (SELECT 1 FROM feedback WHERE meeting_id = ?1 AND (received_on IS NOT NULL OR version > 1))",
                [meeting_id],
                |r| r.get(0),
            )?;
            if answered {
                return Err(c.has(Entity::Minutes, Entity::Feedback));
            }
            self.execute("DELETE FROM feedback WHERE meeting_id = ?1", [meeting_id])?;
        }
        match before {
            None => {
                self.execute("DELETE FROM minutes WHERE meeting_id = ?1", [meeting_id])?;
            }
            Some(b) => self.put_minutes(&Minutes {
                meeting_id,
                version: current.version + 1,
                ..b
            })?,
        }
        // The issue date starts the default limits (R5.2).
        self.refresh_due("t.meeting_id = ?1", meeting_id)?;
        let restored = read_minutes(self, meeting_id)?;
        Ok((json(&current)?, restored.map(|m| json(&m)).transpose()?))
    }

    /// A unit's answer to the feedback form comes back as it was.
    pub(super) fn undo_feedback(&self, c: &Change) -> Result<Reverted> {
        let (meeting_id, unit_id) = c.pair()?;
        let before: Feedback = c.before()?.unwrap_or_default();
        let after: Feedback = c.after()?;
        let found = read_feedback(self, meeting_id, unit_id)?;
        let version = found.as_ref().map(|f| f.version);
        self.expect_unchanged(c, Entity::Feedback, version, after.version)?;
        let current = found.ok_or_else(|| StoreError::not_found(Entity::Feedback, &c.entity_id))?;
        self.execute(
            "UPDATE feedback SET received_on = ?3, opinion = ?4, signer = ?5, signer_post = ?6, sealed = ?7,
             version = version + 1 WHERE meeting_id = ?1 AND unit_id = ?2",
            params![
                meeting_id,
                unit_id,
                before.received_on,
                before.opinion,
                before.signer,
                before.signer_post,
                before.sealed
            ],
        )?;
        let restored = read_feedback(self, meeting_id, unit_id)?;
        Ok((json(&current)?, restored.map(|f| json(&f)).transpose()?))
    }
}
