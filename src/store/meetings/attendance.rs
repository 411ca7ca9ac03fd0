//! One unit's attendance at one meeting: confirmed before (R2.3), recorded after (R3).

use crate::domain::Role;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::domain::fields::{self, TextField};
use crate::domain::order;
use crate::domain::{Attendance, AttendanceOutcome, Unit};
use crate::store::{Entity, Invalid, Result, Store, StoreError, Tx};
use chrono::NaiveDate;

/// An attendance row as the audit log records it: with the unit's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::store) struct AttendanceRecord {
    pub unit: String,
    #[serde(flatten)]
    pub attendance: Attendance,
}

/// An [`Attendance`] from the columns `meeting_id, unit_id, attendee, role, confirmed, outcome,
/// version`, starting at column `at`.
pub(super) fn attendance_from(r: &Row<'_>, at: usize) -> rusqlite::Result<Attendance> {
    let outcome: Option<String> = r.get(at + 5)?;
    Ok(Attendance {
        meeting_id: r.get(at)?,
        unit_id: r.get(at + 1)?,
        attendee: r.get(at + 2)?,
        role: r.get(at + 3)?,
        confirmed: r.get(at + 4)?,
        outcome: outcome.as_deref().and_then(AttendanceOutcome::from_code),
        version: r.get(at + 6)?,
    })
}

/// A unit's attendance row at a meeting, if it is a participant.
pub(in crate::store) fn read_attendance(
    conn: &Connection,
    meeting_id: i64,
    unit_id: i64,
) -> Result<Option<Attendance>> {
    Ok(conn
        .prepare_cached(
            "SELECT meeting_id, unit_id, attendee, role, confirmed, outcome, version FROM attendance
             WHERE meeting_id = ?1 AND unit_id = ?2",
        )?
        .query_row([meeting_id, unit_id], |r| attendance_from(r, 0))
        .optional()?)
}

/// An attendee's name and role fit their fields.
fn attendee_texts(attendee: Option<&str>, role: Option<&str>) -> Result<()> {
    fields::fits_opt(TextField::Person, attendee)?;
    Ok(fields::fits_opt(TextField::Post, role)?)
}

/// Blank text is no text.
fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Tx<'_> {
    /// The audit record of a unit's attendance as it stands now.
    fn attendance_record(
        &self,
        meeting_id: i64,
        unit_id: i64,
        unit: &str,
    ) -> Result<Option<AttendanceRecord>> {
        Ok(
            read_attendance(self, meeting_id, unit_id)?.map(|attendance| AttendanceRecord {
                unit: unit.to_string(),
                attendance,
            }),
        )
    }
}

/// One unit's row of the attendance form (R3): the unit's name, its outcome, attendee and role.
pub type AttendanceRow = (String, AttendanceOutcome, Option<String>, Option<String>);

/// One unit's row of the confirmation form (R2.3): the unit's name, attendee, role, confirmed.
pub type ConfirmRow = (String, Option<String>, Option<String>, bool);

/// A refusal of `unit`'s row of a form saved as one.
fn of_row(unit: &str, e: StoreError) -> StoreError {
    Invalid::Row {
        unit: unit.trim().to_string(),
        error: Box::new(e),
    }
    .into()
}

impl Tx<'_> {
    /// R3: writes how `unit` attended, adding it as a participant if needed.
    fn put_attendance(
        &self,
        meeting_id: i64,
        unit: &Unit,
        outcome: AttendanceOutcome,
        attendee: Option<&str>,
        role: Option<&str>,
    ) -> Result<()> {
        let before = self.attendance_record(meeting_id, unit.id, &unit.name)?;
        self.execute(
            "INSERT INTO attendance (meeting_id, unit_id, attendee, role, outcome) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (meeting_id, unit_id) DO UPDATE SET attendee = excluded.attendee, role = excluded.role,
             outcome = excluded.outcome, version = version + 1",
            params![meeting_id, unit.id, attendee, role, outcome.code()],
        )?;
        if before.is_none() {
            // R4.2: a participant added after the round went out gets the form too.
            self.execute(
                "INSERT OR IGNORE INTO feedback (meeting_id, unit_id) SELECT meeting_id, ?2 FROM minutes
                 WHERE meeting_id = ?1 AND feedback_sent_on IS NOT NULL",
                [meeting_id, unit.id],
            )?;
        }
        let after = self.attendance_record(meeting_id, unit.id, &unit.name)?;
        let key = format!("{meeting_id}/{}", unit.id);
        self.audit(
            "update",
            Entity::Attendance,
            key,
            before.as_ref(),
            after.as_ref(),
        )
    }

    /// R2.3: writes who attends for participating `unit`, in what role, and whether confirmed.
    fn put_confirmation(
        &self,
        meeting_id: i64,
        unit: &Unit,
        attendee: Option<&str>,
        role: Option<&str>,
        confirmed: bool,
    ) -> Result<()> {
        let before = self
            .attendance_record(meeting_id, unit.id, &unit.name)?
            .ok_or_else(|| Invalid::NotParticipant {
                unit: unit.name.clone(),
                meeting: meeting_id,
            })?;
        self.execute(
            "UPDATE attendance SET attendee = ?3, role = ?4, confirmed = ?5, version = version + 1
             WHERE meeting_id = ?1 AND unit_id = ?2",
            params![meeting_id, unit.id, attendee, role, confirmed],
        )?;
        let after = self.attendance_record(meeting_id, unit.id, &unit.name)?;
        let key = format!("{meeting_id}/{}", unit.id);
        self.audit(
            "update",
            Entity::Attendance,
            key,
            Some(&before),
            after.as_ref(),
        )
    }
}

impl Store {
    /// R3: records how a participating unit attended (adding it as a participant if needed, with
    /// a feedback row when the feedback round is already out), on `today`: only once the meeting
    /// has been held.
    pub fn record_attendance(
        &mut self,
        meeting_id: i64,
        unit: &str,
        outcome: AttendanceOutcome,
        attendee: Option<String>,
        role: Option<String>,
        today: NaiveDate,
    ) -> Result<()> {
        let meeting = self.meeting(meeting_id)?;
        order::attendance(meeting.date, today)?;
        attendee_texts(attendee.as_deref(), role.as_deref())?;
        let unit = self.unit_by_name(unit)?;
        self.write(Role::Editor, |tx| {
            tx.put_attendance(
                meeting_id,
                &unit,
                outcome,
                attendee.as_deref(),
                role.as_deref(),
            )
        })
    }

    /// R3: the attendance form saved as one: every row of `rows` recorded as
    /// [`Store::record_attendance`] would, in one transaction. A refused row is
    /// [`Invalid::Row`] naming its unit, and nothing of the form is written. The rows' audit
    /// entries are undone together ([`Store::undo_batch`]).
    pub fn record_attendance_rows(
        &mut self,
        meeting_id: i64,
        rows: &[AttendanceRow],
        today: NaiveDate,
    ) -> Result<()> {
        let meeting = self.meeting(meeting_id)?;
        order::attendance(meeting.date, today)?;
        let units = rows
            .iter()
            .map(|(name, _, attendee, role)| {
                attendee_texts(attendee.as_deref(), role.as_deref())
                    .and_then(|()| self.unit_by_name(name))
                    .map_err(|e| of_row(name, e))
            })
            .collect::<Result<Vec<Unit>>>()?;
        self.write(Role::Editor, |tx| {
            for ((name, outcome, attendee, role), unit) in rows.iter().zip(&units) {
                tx.put_attendance(
                    meeting_id,
                    unit,
                    *outcome,
                    attendee.as_deref(),
                    role.as_deref(),
                )
                .map_err(|e| of_row(name, e))?;
            }
            Ok(())
        })
    }

    /// R2.3: before the meeting, the office confirms who attends for a participating unit and in
    /// what role (`confirmed` false when the attendee is not yet settled or was reported back to
    /// the unit as unsuitable). The attendance outcome, if any, is kept.
    pub fn confirm_attendee(
        &mut self,
        meeting_id: i64,
        unit: &str,
        attendee: Option<String>,
        role: Option<String>,
        confirmed: bool,
    ) -> Result<()> {
        self.meeting(meeting_id)?;
        let unit = self.unit_by_name(unit)?;
        let (attendee, role) = (non_blank(attendee), non_blank(role));
        attendee_texts(attendee.as_deref(), role.as_deref())?;
        self.write(Role::Editor, |tx| {
            tx.put_confirmation(
                meeting_id,
                &unit,
                attendee.as_deref(),
                role.as_deref(),
                confirmed,
            )
        })
    }

    /// R2.3: the confirmation form saved as one: every row of `rows` confirmed as
    /// [`Store::confirm_attendee`] would, in one transaction. A refused row is [`Invalid::Row`]
    /// naming its unit, and nothing of the form is written. The rows' audit entries are undone
    /// together ([`Store::undo_batch`]).
    pub fn confirm_attendees(&mut self, meeting_id: i64, rows: &[ConfirmRow]) -> Result<()> {
        self.meeting(meeting_id)?;
        let rows = rows
            .iter()
            .map(|(name, attendee, role, confirmed)| {
                let (attendee, role) = (non_blank(attendee.clone()), non_blank(role.clone()));
                attendee_texts(attendee.as_deref(), role.as_deref())
                    .and_then(|()| self.unit_by_name(name))
                    .map(|unit| (name, unit, attendee, role, *confirmed))
                    .map_err(|e| of_row(name, e))
            })
            .collect::<Result<Vec<_>>>()?;
        self.write(Role::Editor, |tx| {
            for (name, unit, attendee, role, confirmed) in &rows {
                tx.put_confirmation(
                    meeting_id,
                    unit,
                    attendee.as_deref(),
                    role.as_deref(),
                    *confirmed,
                )
                .map_err(|e| of_row(name, e))?;
            }
            Ok(())
        })
    }
}
