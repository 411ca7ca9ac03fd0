//! The writes a form's save asks of the store: one variant a kind of change.

use chrono::NaiveDate;

use super::super::model::{
    AttendanceOutcome, FeedbackAnswer, Leader, LeaderTitle, Minutes, NewCriticism, NewMeeting,
    NewTask, NewUnit, ReferralStep, Unit,
};

/// A change the user saved in a form, as the store takes it.
#[derive(Debug, Clone)]
pub enum Write {
    AddUnit(NewUnit),
    UpdateUnit(Unit),
    /// A unit's short forms, the whole list (issue 18 point 5).
    SetAliases {
        unit: String,
        aliases: Vec<String>,
    },
    AddLeader {
        name: String,
        title: LeaderTitle,
        liaison: Option<String>,
    },
    UpdateLeader(Leader),
    AddMeeting(NewMeeting),
    UpdateMeeting {
        id: i64,
        expected: i64,
        plan: NewMeeting,
    },
    /// R2.3: attendee, role and confirmation of each unit that changed.
    Confirm {
        meeting: i64,
        rows: Vec<(String, Option<String>, Option<String>, bool)>,
    },
    /// R3: outcome, attendee and role of each unit that changed.
    Attendance {
        meeting: i64,
        rows: Vec<(String, AttendanceOutcome, Option<String>, Option<String>)>,
    },
    Minutes {
        meeting: i64,
        expected: Option<i64>,
        minutes: Box<Minutes>,
        /// The user confirmed issuing with what is still open (R4.4).
        force: bool,
    },
    Feedback {
        meeting: i64,
        unit: String,
        answer: FeedbackAnswer,
    },
    AddTasks(Vec<NewTask>),
    UpdateTask {
        id: i64,
        expected: i64,
        edit: NewTask,
    },
    Progress {
        tasks: Vec<i64>,
        on: NaiveDate,
        text: String,
    },
    /// Task ids with the version the form was filled from.
    Complete {
        tasks: Vec<(i64, i64)>,
        on: NaiveDate,
        note: Option<String>,
    },
    Explain {
        tasks: Vec<i64>,
        submitted: NaiveDate,
        promised: NaiveDate,
        text: Option<String>,
    },
    Criticise(NewCriticism),
    /// R5.6: no criticism for the task's missed promise.
    Waive {
        task: i64,
        date: NaiveDate,
        reason: String,
    },
    Referral(ReferralStep),
    /// Revert my last change, or the changes `expect` (audit rows, newest first: those the user
    /// was asked about, refused if another change of mine came first) in one transaction.
    Undo {
        expect: Vec<i64>,
    },
    /// Make again my last `count` undos, in one transaction.
    Redo {
        count: usize,
    },
}
