//! Minutes and the feedback round (R4).

use crate::domain::Role;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::minutes::{
    FeedbackStatus, feedback_deadline, feedback_status, signed_and_sealed,
};
use crate::domain::order;
use crate::domain::{Feedback, Minutes};

mod confirm;
use confirm::Confirm;
pub use confirm::MinutesSave;

/// One unit's answer to the feedback form (R4.3).
#[derive(Debug, Clone, Default)]
pub struct FeedbackAnswer {
    pub received_on: Option<NaiveDate>,
    pub opinion: Option<String>,
    pub signer: Option<String>,
    pub signer_post: Option<String>,
    pub sealed: bool,
}

/// A unit's place in the feedback round, computed for `today`.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackRow {
    pub unit: String,
    pub feedback: Feedback,
    pub deadline: NaiveDate,
    /// The deadline rests on a year without a holiday notice (counted Monday–Friday).
    pub deadline_provisional: bool,
    pub status: FeedbackStatus,
    /// R4.3: an answer signed by the unit's leader and sealed.
    pub signed_and_sealed: bool,
}

const MINUTES_COLS: &str = "meeting_id, drafter, drafter_phone, drafter_fax, drafter_email, reviewer, reviewed_on,
    feedback_sent_on, signed_by, signed_on, issued_on, copied_to_supervision, archived_sign_in, archived_record,
    archived_feedback, version";

fn minutes_from(r: &Row<'_>) -> rusqlite::Result<Minutes> {
    Ok(Minutes {
        meeting_id: r.get(0)?,
        drafter: r.get(1)?,
        drafter_phone: r.get(2)?,
        drafter_fax: r.get(3)?,
        drafter_email: r.get(4)?,
        reviewer: r.get(5)?,
        reviewed_on: r.get(6)?,
        feedback_sent_on: r.get(7)?,
        signed_by: r.get(8)?,
        signed_on: r.get(9)?,
        issued_on: r.get(10)?,
        copied_to_supervision: r.get(11)?,
        archived_sign_in: r.get(12)?,
        archived_record: r.get(13)?,
        archived_feedback: r.get(14)?,
        version: r.get(15)?,
    })
}

/// The minutes of a meeting, if any (in a store or inside a write transaction).
pub(super) fn read_minutes(conn: &Connection, meeting_id: i64) -> Result<Option<Minutes>> {
    Ok(conn
        .query_row(
            &format!("SELECT {MINUTES_COLS} FROM minutes WHERE meeting_id = ?1"),
            [meeting_id],
            minutes_from,
        )
        .optional()?)
}

/// A unit's feedback row of a meeting, if it has one.
pub(super) fn read_feedback(
    conn: &Connection,
    meeting_id: i64,
    unit_id: i64,
) -> Result<Option<Feedback>> {
    Ok(conn
        .prepare_cached(
            "SELECT meeting_id, unit_id, received_on, opinion, signer, signer_post, sealed, version
             FROM feedback WHERE meeting_id = ?1 AND unit_id = ?2",
        )?
        .query_row([meeting_id, unit_id], feedback_from)
        .optional()?)
}

/// A [`Feedback`] from the columns `meeting_id, unit_id, received_on, opinion, signer,
/// signer_post, sealed, version`.
pub(super) fn feedback_from(r: &Row<'_>) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        meeting_id: r.get(0)?,
        unit_id: r.get(1)?,
        received_on: r.get(2)?,
        opinion: r.get(3)?,
        signer: r.get(4)?,
        signer_post: r.get(5)?,
        sealed: r.get(6)?,
        version: r.get(7)?,
    })
}

/// The minutes' texts fit their fields.
fn minutes_texts(m: &Minutes) -> Result<()> {
    for (field, text) in m.texts() {
        fields::fits_opt(field, text)?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Writes a minutes record whole (insert or replace), keeping derived task dates current.
    pub(super) fn put_minutes(&self, m: &Minutes) -> Result<()> {
        self.prepare_cached(&format!(
            "INSERT INTO minutes ({MINUTES_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT (meeting_id) DO UPDATE SET drafter = excluded.drafter, drafter_phone = excluded.drafter_phone,
             drafter_fax = excluded.drafter_fax, drafter_email = excluded.drafter_email, reviewer = excluded.reviewer,
             reviewed_on = excluded.reviewed_on, feedback_sent_on = excluded.feedback_sent_on, signed_by = excluded.signed_by,
             signed_on = excluded.signed_on, issued_on = excluded.issued_on, copied_to_supervision = excluded.copied_to_supervision,
             archived_sign_in = excluded.archived_sign_in, archived_record = excluded.archived_record,
             archived_feedback = excluded.archived_feedback, version = excluded.version"
        ))?
        .execute(params![
            m.meeting_id,
            m.drafter,
            m.drafter_phone,
            m.drafter_fax,
            m.drafter_email,
            m.reviewer,
            m.reviewed_on,
            m.feedback_sent_on,
            m.signed_by,
            m.signed_on,
            m.issued_on,
            m.copied_to_supervision,
            m.archived_sign_in,
            m.archived_record,
            m.archived_feedback,
            m.version
        ])?;
        Ok(())
    }

    pub(super) fn insert_feedback(&self, f: &Feedback) -> Result<()> {
        self.prepare_cached(
            "INSERT INTO feedback (meeting_id, unit_id, received_on, opinion, signer, signer_post, sealed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (meeting_id, unit_id) DO UPDATE SET received_on = excluded.received_on,
             opinion = excluded.opinion, signer = excluded.signer, signer_post = excluded.signer_post,
             sealed = excluded.sealed, version = version + 1",
        )?
        .execute(params![f.meeting_id, f.unit_id, f.received_on, f.opinion, f.signer, f.signer_post, f.sealed])?;
        Ok(())
    }
}

impl Store {
    /// The minutes of a meeting, if any step of them has been recorded.
    pub fn minutes(&self, meeting_id: i64) -> Result<Option<Minutes>> {
        read_minutes(&self.conn, meeting_id)
    }

    /// Saves the minutes after `edit` changed them, refusing a stale version when `expected` is
    /// given. The meeting date bounds every date of the minutes. Nothing is asked about what is
    /// still open (see [`Store::save_minutes`]).
    pub fn update_minutes(
        &mut self,
        meeting_id: i64,
        expected: Option<i64>,
        edit: impl FnOnce(&mut Minutes),
    ) -> Result<Minutes> {
        self.change_minutes(meeting_id, expected, None, edit)
    }

    fn change_minutes(
        &mut self,
        meeting_id: i64,
        expected: Option<i64>,
        confirm: Option<Confirm>,
        edit: impl FnOnce(&mut Minutes),
    ) -> Result<Minutes> {
        let meeting = self.meeting(meeting_id)?;
        let before = self.minutes(meeting_id)?;
        let mut m = before.clone().unwrap_or(Minutes {
            meeting_id,
            version: 0,
            ..Minutes::default()
        });
        edit(&mut m);
        order::minutes(meeting.date, &m)?;
        minutes_texts(&m)?;
        if let Some(confirm) = confirm {
            self.check_open(meeting_id, before.as_ref(), &m, confirm)?;
        }
        let issued_changed = before.as_ref().map(|b| b.issued_on) != Some(m.issued_on);
        let sent_now = before.as_ref().and_then(|b| b.feedback_sent_on).is_none()
            && m.feedback_sent_on.is_some();
        self.write(Role::Editor, |tx| {
            // Check against the version the caller saw, else the one read above: a concurrent edit
            // between our read and this transaction is refused, never overwritten.
            if let Some(b) = &before {
                let expected = expected.unwrap_or(b.version);
                tx.check_version(Entity::Minutes, "minutes", "meeting_id = ?1", &meeting_id, &meeting_id.to_string(), expected)?;
            }
            m.version += 1;
            tx.put_minutes(&m)?;
            if sent_now {
                // R4.2: the form goes to every participating unit; each gets a row to answer on.
                tx.execute(
                    "INSERT OR IGNORE INTO feedback (meeting_id, unit_id) SELECT meeting_id, unit_id FROM attendance WHERE meeting_id = ?1",
                    [meeting_id],
                )?;
            }
            if issued_changed {
                tx.refresh_due("t.meeting_id = ?1", meeting_id)?;
            }
            tx.audit(if before.is_some() { "update" } else { "create" }, Entity::Minutes, meeting_id, before.as_ref(), Some(&m))
        })?;
        self.minutes(meeting_id)?
            .ok_or_else(|| StoreError::not_found(Entity::Minutes, meeting_id))
    }

    /// R4.3: records a unit's answer to the feedback form.
    pub fn record_feedback(
        &mut self,
        meeting_id: i64,
        unit: &str,
        answer: FeedbackAnswer,
    ) -> Result<()> {
        let unit = self.unit_by_name(unit)?;
        let minutes = self.minutes(meeting_id)?;
        let sent = minutes
            .and_then(|m| m.feedback_sent_on)
            .ok_or(Invalid::NoFeedbackRound(meeting_id))?;
        if let Some(received) = answer.received_on {
            order::feedback(sent, received)?;
        }
        fields::fits_opt(TextField::Note, answer.opinion.as_deref())?;
        fields::fits_opt(TextField::Person, answer.signer.as_deref())?;
        fields::fits_opt(TextField::Post, answer.signer_post.as_deref())?;
        let participant: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM feedback WHERE meeting_id = ?1 AND unit_id = ?2)",
            params![meeting_id, unit.id],
            |r| r.get(0),
        )?;
        if !participant {
            return Err(Invalid::NotParticipant {
                unit: unit.name,
                meeting: meeting_id,
            }
            .into());
        }
        let before = self
            .feedback_round(meeting_id, sent)?
            .into_iter()
            .find(|f| f.unit == unit.name)
            .map(|f| f.feedback);
        self.write(Role::Editor, |tx| {
            let fb = Feedback {
                meeting_id,
                unit_id: unit.id,
                received_on: answer.received_on,
                opinion: answer.opinion,
                signer: answer.signer,
                signer_post: answer.signer_post,
                sealed: answer.sealed,
                version: before.as_ref().map_or(1, |b| b.version + 1),
            };
            tx.insert_feedback(&fb)?;
            tx.audit(
                "update",
                Entity::Feedback,
                format!("{meeting_id}/{}", unit.id),
                before.as_ref(),
                Some(&fb),
            )
        })
    }

    /// R4.3: how many feedback rounds still wait for some unit's answer on `today` (one query: the
    /// rounds with a silent unit, each judged by the rule).
    pub fn feedback_rounds_waiting(&self, today: NaiveDate) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT mi.meeting_id, mi.feedback_sent_on FROM minutes mi JOIN feedback f ON f.meeting_id = mi.meeting_id
             WHERE mi.feedback_sent_on <= ?1 AND f.received_on IS NULL",
        )?;
        let mut waiting = 0;
        for row in stmt.query_map([today], |r| r.get::<_, NaiveDate>(1))? {
            let status = feedback_status(&self.cal, &self.thresholds, row?, None, today);
            waiting += usize::from(matches!(status, FeedbackStatus::Waiting { .. }));
        }
        Ok(waiting)
    }

    /// R4.3: the feedback round of a meeting, unit by unit, for `today`. Empty until it is sent.
    pub fn feedback_round(&self, meeting_id: i64, today: NaiveDate) -> Result<Vec<FeedbackRow>> {
        let Some(sent) = self.minutes(meeting_id)?.and_then(|m| m.feedback_sent_on) else {
            return Ok(Vec::new());
        };
        let deadline = feedback_deadline(&self.cal, &self.thresholds, sent);
        let mut stmt = self.conn.prepare(
            "SELECT u.name, f.meeting_id, f.unit_id, f.received_on, f.opinion, f.signer, f.signer_post, f.sealed, f.version
             FROM feedback f JOIN unit u ON u.id = f.unit_id WHERE f.meeting_id = ?1 ORDER BY u.id",
        )?;
        let rows = stmt.query_map([meeting_id], |r| {
            let feedback = Feedback {
                meeting_id: r.get(1)?,
                unit_id: r.get(2)?,
                received_on: r.get(3)?,
                opinion: r.get(4)?,
                signer: r.get(5)?,
                signer_post: r.get(6)?,
                sealed: r.get(7)?,
                version: r.get(8)?,
            };
            Ok((r.get::<_, String>(0)?, feedback))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (unit, feedback) = row?;
            let status = feedback_status(
                &self.cal,
                &self.thresholds,
                sent,
                feedback.received_on,
                today,
            );
            let signed_and_sealed = signed_and_sealed(&feedback);
            out.push(FeedbackRow {
                unit,
                feedback,
                deadline: deadline.date,
                deadline_provisional: deadline.provisional,
                status,
                signed_and_sealed,
            });
        }
        Ok(out)
    }
}
