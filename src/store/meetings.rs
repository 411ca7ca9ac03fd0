//! Meetings, their topics, participants and attendance (R1–R3).

mod attendance;
mod plan;
mod query;

use crate::domain::Role;
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::minutes::FeedbackRow;
use super::{Entity, Invalid, Result, Store, StoreError, TaskFilter, TaskRow, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::meeting::{NoticeStatus, meeting_notice_status, notice_deadline};
use crate::domain::minutes::{MinutesStatus, minutes_due, minutes_status};
use crate::domain::order;
use crate::domain::{Attendance, Deadline, Meeting, Minutes};
use crate::text::initials;

pub(super) use attendance::{AttendanceRecord, read_attendance};
pub(super) use plan::{MeetingRecord, read_meeting_record};
pub use query::{MeetingFilter, MeetingScope};

/// A meeting to plan (R2.1–R2.2).
#[derive(Debug, Clone, Default)]
pub struct NewMeeting {
    pub number: Option<String>,
    pub topics: Vec<String>,
    pub chair: Option<String>,
    pub liaison: Option<String>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub place: Option<String>,
    pub notice_date: Option<NaiveDate>,
    pub emergency: bool,
    /// R2.1: who approved the meeting plan (the liaison director), and when.
    pub plan_approved_by: Option<String>,
    pub plan_approved_on: Option<NaiveDate>,
    /// Names of the participating units.
    pub units: Vec<String>,
}

/// A meeting as the list shows it, with its rules computed for `today`.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    pub id: i64,
    pub number: Option<String>,
    pub date: NaiveDate,
    pub topics: Vec<String>,
    pub chair: Option<String>,
    pub notice_date: Option<NaiveDate>,
    pub emergency: bool,
    pub notice: NoticeStatus,
    pub notice_late: bool,
    /// The notice's deadline (R2.2) rests on a year without a holiday notice, so its status may
    /// change when that notice is imported.
    pub notice_provisional: bool,
    /// R4.4: the day the minutes are due; none for a meeting whose procedure is unknown
    /// (imported from a ledger), which R4.4 does not judge.
    pub minutes_due: Option<NaiveDate>,
    pub minutes_due_provisional: bool,
    pub minutes_issued: Option<NaiveDate>,
    pub minutes: MinutesStatus,
    pub tasks: i64,
}

/// Everything about one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingDetail {
    #[serde(flatten)]
    pub row: MeetingRow,
    pub meeting: Meeting,
    pub liaison: Option<String>,
    pub minutes_record: Option<Minutes>,
    /// Attendance with the unit's name.
    pub attendance: Vec<(String, Attendance)>,
    pub feedback: Vec<FeedbackRow>,
    pub task_rows: Vec<TaskRow>,
}

const MEETING_COLS: &str = "m.id, m.number, m.chair_id, m.liaison_id, m.date, m.time, m.place, m.plan_approved_by,
    m.plan_approved_on, m.notice_date, m.emergency, m.version,
    (SELECT group_concat(topic, char(31)) FROM (SELECT topic FROM meeting_topic t WHERE t.meeting_id = m.id ORDER BY seq)),
    (SELECT name FROM leader WHERE id = m.chair_id),
    (SELECT issued_on FROM minutes WHERE meeting_id = m.id),
    (SELECT count(*) FROM task WHERE meeting_id = m.id), m.procedure_unknown";

fn meeting_from(
    r: &Row<'_>,
) -> rusqlite::Result<(Meeting, Option<String>, Option<NaiveDate>, i64)> {
    let topics: Option<String> = r.get(12)?;
    let meeting = Meeting {
        id: r.get(0)?,
        number: r.get(1)?,
        chair_id: r.get(2)?,
        liaison_id: r.get(3)?,
        date: r.get(4)?,
        time: r.get(5)?,
        place: r.get(6)?,
        plan_approved_by: r.get(7)?,
        plan_approved_on: r.get(8)?,
        notice_date: r.get(9)?,
        emergency: r.get(10)?,
        procedure_unknown: r.get(16)?,
        version: r.get(11)?,
        topics: topics
            .map(|t| t.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default(),
    };
    Ok((meeting, r.get(13)?, r.get(14)?, r.get(15)?))
}

/// The meeting with its chair's name, the minutes' issue date and its number of tasks.
fn read_meeting_parts(
    conn: &Connection,
    id: i64,
) -> Result<(Meeting, Option<String>, Option<NaiveDate>, i64)> {
    conn.query_row(
        &format!("SELECT {MEETING_COLS} FROM meeting m WHERE m.id = ?1"),
        [id],
        meeting_from,
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Meeting, id))
}

/// The meeting with this id (in a store or inside a write transaction).
pub(super) fn read_meeting(conn: &Connection, id: i64) -> Result<Meeting> {
    read_meeting_parts(conn, id).map(|(m, ..)| m)
}

/// A meeting's texts: at least one topic, and each text within its field's limit.
pub(super) fn meeting_texts(m: &Meeting) -> Result<()> {
    if m.topics.iter().all(|t| t.trim().is_empty()) {
        return Err(Invalid::Empty(TextField::Topic).into());
    }
    for t in &m.topics {
        fields::fits(TextField::Topic, t.trim())?;
    }
    fields::fits_opt(TextField::Number, m.number.as_deref())?;
    fields::fits_opt(TextField::Place, m.place.as_deref())?;
    Ok(fields::fits_opt(
        TextField::Person,
        m.plan_approved_by.as_deref(),
    )?)
}

impl Tx<'_> {
    pub(super) fn insert_meeting(&self, m: &Meeting) -> Result<i64> {
        meeting_texts(m)?;
        order::plan(m.date, m.notice_date, m.plan_approved_on)?;
        self.prepare_cached(
            "INSERT INTO meeting (id, number, chair_id, liaison_id, date, time, place, plan_approved_by, plan_approved_on, notice_date, emergency, procedure_unknown)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            self.id_for("meeting", m.id)?,
            m.number,
            m.chair_id,
            m.liaison_id,
            m.date,
            m.time,
            m.place,
            m.plan_approved_by,
            m.plan_approved_on,
            m.notice_date,
            m.emergency,
            m.procedure_unknown
        ])?;
        let id = self.last_insert_rowid();
        self.write_topics(id, &m.topics)?;
        Ok(id)
    }

    /// Replaces a meeting's topics (blank ones dropped, the rest trimmed) with their initials.
    pub(super) fn write_topics(&self, meeting_id: i64, topics: &[String]) -> Result<()> {
        self.prepare_cached("DELETE FROM meeting_topic WHERE meeting_id = ?1")?
            .execute([meeting_id])?;
        let mut topic = self.prepare_cached(
            "INSERT INTO meeting_topic (meeting_id, seq, topic, initials) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (seq, t) in topics.iter().filter(|t| !t.trim().is_empty()).enumerate() {
            topic.execute(params![
                meeting_id,
                seq as i64,
                t.trim(),
                initials(t.trim())
            ])?;
        }
        Ok(())
    }

    pub(super) fn insert_attendance(&self, a: &Attendance) -> Result<()> {
        self.prepare_cached(
            "INSERT INTO attendance (meeting_id, unit_id, attendee, role, confirmed, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![a.meeting_id, a.unit_id, a.attendee, a.role, a.confirmed, a.outcome.map(|o| o.code())])?;
        Ok(())
    }
}

impl Store {
    /// Plans a meeting (R2.1) with its topics (several may be merged, R1.3) and participants.
    pub fn add_meeting(&mut self, new: NewMeeting) -> Result<i64> {
        let (meeting, units) = self.resolve_plan(new)?;
        self.write(Role::Editor, |tx| {
            let id = tx.insert_meeting(&meeting)?;
            for &unit_id in &units {
                tx.insert_attendance(&Attendance {
                    meeting_id: id,
                    unit_id,
                    attendee: None,
                    role: None,
                    confirmed: false,
                    outcome: None,
                    version: 1,
                })?;
            }
            let after = read_meeting_record(tx, id)?;
            tx.audit("create", Entity::Meeting, id, None::<&()>, Some(&after))?;
            Ok(id)
        })
    }

    fn to_row(
        &self,
        m: Meeting,
        chair: Option<String>,
        issued: Option<NaiveDate>,
        tasks: i64,
        today: NaiveDate,
    ) -> MeetingRow {
        let notice = meeting_notice_status(&self.cal, &self.thresholds, &m, today);
        let due: Deadline = minutes_due(&self.cal, &self.thresholds, m.date);
        let notice_provisional = !m.emergency
            && !m.procedure_unknown
            && notice_deadline(&self.cal, &self.thresholds, m.date).provisional;
        MeetingRow {
            id: m.id,
            number: m.number,
            date: m.date,
            topics: m.topics,
            chair,
            notice_date: m.notice_date,
            emergency: m.emergency,
            notice,
            notice_late: notice.is_violation(),
            notice_provisional,
            minutes_due: (!m.procedure_unknown).then_some(due.date),
            minutes_due_provisional: due.provisional && !m.procedure_unknown,
            minutes_issued: issued,
            minutes: if m.procedure_unknown {
                MinutesStatus::Unknown { issued_on: issued }
            } else {
                minutes_status(&self.cal, &self.thresholds, m.date, issued, today)
            },
            tasks,
        }
    }

    /// Every meeting, newest first, with its rules computed for `today`.
    pub fn meetings(&self, today: NaiveDate) -> Result<Vec<MeetingRow>> {
        self.meeting_rows(&MeetingFilter::default(), today)
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        read_meeting(&self.conn, id)
    }

    fn meeting_parts(&self, id: i64) -> Result<(Meeting, Option<String>, Option<NaiveDate>, i64)> {
        read_meeting_parts(&self.conn, id)
    }

    pub fn meeting_row(&self, id: i64, today: NaiveDate) -> Result<MeetingRow> {
        let (m, c, i, n) = self.meeting_parts(id)?;
        Ok(self.to_row(m, c, i, n, today))
    }

    /// One meeting with attendance, the feedback round and its tasks.
    pub fn meeting_detail(&self, id: i64, today: NaiveDate) -> Result<MeetingDetail> {
        let (meeting, chair, issued, n) = self.meeting_parts(id)?;
        let liaison = meeting
            .liaison_id
            .map(|l| self.leader(l).map(|l| l.name))
            .transpose()?;
        let row = self.to_row(meeting.clone(), chair, issued, n, today);
        let mut stmt = self.conn.prepare(
            "SELECT u.name, a.meeting_id, a.unit_id, a.attendee, a.role, a.confirmed, a.outcome, a.version
             FROM attendance a JOIN unit u ON u.id = a.unit_id WHERE a.meeting_id = ?1 ORDER BY u.id",
        )?;
        let attendance = stmt
            .query_map([id], |r| {
                Ok((r.get(0)?, attendance::attendance_from(r, 1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let filter = TaskFilter {
            meeting_id: Some(id),
            ..TaskFilter::default()
        };
        Ok(MeetingDetail {
            row,
            liaison,
            minutes_record: self.minutes(id)?,
            attendance,
            feedback: self.feedback_round(id, today)?,
            task_rows: self.tasks(&filter, today)?,
            meeting,
        })
    }
}
