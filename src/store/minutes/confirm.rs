//! What a user's change of the minutes must not do, or must have confirmed: the feedback forms
//! are not archived while units' answers are awaited (R4.5), and the minutes are not issued while
//! answers are awaited or before sign-off (R4.4) unless the user says so.

use chrono::NaiveDate;

use super::{Minutes, Result, Store};
use crate::domain::minutes::{open_on_issue, waiting_on};
use crate::store::Invalid;

/// How a user's change of the minutes is saved ([`Store::save_minutes`]).
#[derive(Debug, Clone, Copy)]
pub struct MinutesSave {
    /// The version the user saw (`None`: whatever is stored).
    pub expected: Option<i64>,
    /// The day the change is made: what is still awaited is judged on it.
    pub today: NaiveDate,
    /// The user confirmed issuing with the round open or before sign-off (R4.4).
    pub force: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Confirm {
    pub(super) today: NaiveDate,
    pub(super) force: bool,
}

impl Store {
    /// A user's change of the minutes, as the command line and the forms save it: as
    /// [`Store::update_minutes`], and on `save.today` the feedback forms are not archived while
    /// units' answers are awaited (R4.5), and the minutes are not issued while answers are awaited
    /// or before sign-off (R4.4) unless the user confirmed it (`save.force`).
    pub fn save_minutes(
        &mut self,
        meeting_id: i64,
        save: MinutesSave,
        edit: impl FnOnce(&mut Minutes),
    ) -> Result<Minutes> {
        let confirm = Confirm {
            today: save.today,
            force: save.force,
        };
        self.change_minutes(meeting_id, save.expected, Some(confirm), edit)
    }

    /// The participants' answer dates to the feedback form (none answered when it is not out).
    fn answers(&self, meeting_id: i64) -> Result<Vec<Option<NaiveDate>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.received_on FROM attendance a LEFT JOIN feedback f
             ON f.meeting_id = a.meeting_id AND f.unit_id = a.unit_id WHERE a.meeting_id = ?1",
        )?;
        let rows = stmt.query_map([meeting_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// R4.4/R4.5: what the user must confirm, or may not do, in changing `before` into `m`.
    pub(super) fn check_open(
        &self,
        meeting_id: i64,
        before: Option<&Minutes>,
        m: &Minutes,
        confirm: Confirm,
    ) -> Result<()> {
        let answers = self.answers(meeting_id)?;
        let archiving = m.archived_feedback && !before.is_some_and(|b| b.archived_feedback);
        if let (true, Some(sent)) = (archiving, m.feedback_sent_on) {
            let (waiting, until) =
                waiting_on(&self.cal, &self.thresholds, sent, &answers, confirm.today);
            if waiting > 0 {
                return Err(Invalid::FeedbackPending {
                    meeting: meeting_id,
                    waiting,
                    until,
                }
                .into());
            }
        }
        let issuing = m
            .issued_on
            .filter(|_| before.map(|b| b.issued_on) != Some(m.issued_on));
        if let (Some(issued), false) = (issuing, confirm.force) {
            let open = open_on_issue(&self.cal, &self.thresholds, m, &answers, issued);
            if !open.is_clear() {
                return Err(Invalid::IssueOpen {
                    meeting: meeting_id,
                    open,
                }
                .into());
            }
        }
        Ok(())
    }
}
