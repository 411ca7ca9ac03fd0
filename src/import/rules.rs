//! What the store would refuse, found row by row before anything is written, with the very rules
//! it refuses by: time running one way (`crate::domain::order`) and the texts' limits
//! (`crate::domain::fields`). A row breaking one is a bad row, named with its row (and sheet), so
//! that nothing is written or, with `--skip-bad`, the rest is.

use chrono::NaiveDate;

use super::Problem;
use crate::domain::fields::{self, TextField};
use crate::domain::order::{self, Checked, TaskTimes};
use crate::domain::{Attendance, Feedback, Minutes, Referral};
use crate::store::{PlannedExplanation, PlannedMeeting};

/// Adds a problem for each text longer than its field allows.
pub fn texts<'a>(
    problems: &mut Vec<Problem>,
    items: impl IntoIterator<Item = (TextField, Option<&'a str>)>,
) {
    for (field, text) in items {
        if let Err(e) = fields::fits_opt(field, text.map(str::trim)) {
            problems.push(Problem::TooLong(e));
        }
    }
}

/// Adds the problem of a date on the wrong side of another.
fn order(problems: &mut Vec<Problem>, checked: Checked) {
    if let Err(o) = checked {
        problems.push(Problem::OutOfOrder(o));
    }
}

/// The dates a task's records are checked against: its meeting's and its completion.
pub fn times(meeting: NaiveDate, completed_on: Option<NaiveDate>) -> TaskTimes {
    TaskTimes {
        completed_on,
        ..TaskTimes::of_meeting(meeting)
    }
}

/// A task done on `done`: not before its meeting.
pub fn completion(meeting: NaiveDate, done: NaiveDate) -> Vec<Problem> {
    let mut p = Vec::new();
    order(
        &mut p,
        order::completion(&TaskTimes::of_meeting(meeting), done),
    );
    p
}

/// A progress report: after the meeting, not after the task was done; its text within limits.
pub fn progress(times: &TaskTimes, on: NaiveDate, text: &str) -> Vec<Problem> {
    let mut p = Vec::new();
    order(&mut p, order::progress(times, on));
    texts(&mut p, [(TextField::Progress, Some(text))]);
    p
}

/// A written explanation: after the meeting, not after completion, its promise not before it.
/// An older ledger's explanation, of a promise alone, has no day of its own to check.
pub fn explanation(times: &TaskTimes, e: &PlannedExplanation) -> Vec<Problem> {
    let mut p = Vec::new();
    if let Some(submitted) = e.submitted_on {
        order(&mut p, order::explanation(times, submitted, e.promised_on));
    }
    texts(&mut p, [(TextField::Note, e.text.as_deref())]);
    p
}

/// A waiver (不予通报批评) of a task with these promises: not before the meeting nor the promise
/// it answers; its reason within limits.
pub fn waiver(
    times: &TaskTimes,
    promises: &[NaiveDate],
    on: NaiveDate,
    reason: &str,
) -> Vec<Problem> {
    let mut p = Vec::new();
    order(
        &mut p,
        order::waiver_among(times.meeting, promises, times.completed_on, on),
    );
    texts(&mut p, [(TextField::Note, Some(reason))]);
    p
}

/// A criticism's document number and reason.
pub fn criticism(doc_no: Option<&str>, reason: Option<&str>) -> Vec<Problem> {
    let mut p = Vec::new();
    texts(
        &mut p,
        [(TextField::Number, doc_no), (TextField::Note, reason)],
    );
    p
}

/// A referral: every step on or after the proposal, each step's text within limits.
pub fn referral(unit: &str, r: &Referral) -> Vec<Problem> {
    let mut p = Vec::new();
    order(&mut p, order::referral(r));
    texts(
        &mut p,
        [
            (TextField::UnitName, Some(unit)),
            (TextField::Note, r.proposal_reason.as_deref()),
            (TextField::Note, r.approval.as_deref()),
            (TextField::Note, r.decision.as_deref()),
            (TextField::Note, r.outcome.as_deref()),
            (TextField::Note, r.reason.as_deref()),
        ],
    );
    p
}

/// A meeting's own texts (its minutes, attendance and feedback are rows of their own), and its
/// notice and plan approval on or before its day (R2.1/R2.2).
pub fn meeting(m: &PlannedMeeting) -> Vec<Problem> {
    let mut p = Vec::new();
    order(
        &mut p,
        order::plan(m.date, m.notice_date, m.plan_approved_on),
    );
    texts(
        &mut p,
        m.topics
            .iter()
            .map(|t| (TextField::Topic, Some(t.as_str())))
            .chain([
                (TextField::Number, m.number.as_deref()),
                (TextField::Place, m.place.as_deref()),
                (TextField::Person, m.plan_approved_by.as_deref()),
                (TextField::LeaderName, m.chair.as_deref()),
                (TextField::LeaderName, m.liaison.as_deref()),
            ]),
    );
    p
}

/// A meeting's minutes: their dates after the meeting, their texts within limits.
pub fn minutes(meeting: NaiveDate, m: &Minutes) -> Vec<Problem> {
    let mut p = Vec::new();
    order(&mut p, order::minutes(meeting, m));
    texts(&mut p, m.texts());
    p
}

/// A unit's attendance: an outcome only once the meeting was held (on `today`).
pub fn attendance(
    meeting: NaiveDate,
    unit: &str,
    a: &Attendance,
    today: NaiveDate,
) -> Vec<Problem> {
    let mut p = Vec::new();
    if a.outcome.is_some() {
        order(&mut p, order::attendance(meeting, today));
    }
    texts(
        &mut p,
        [
            (TextField::UnitName, Some(unit)),
            (TextField::Person, a.attendee.as_deref()),
            (TextField::Post, a.role.as_deref()),
        ],
    );
    p
}

/// A unit's answer to the feedback form: after the form went out (`sent`).
pub fn feedback(sent: Option<NaiveDate>, unit: &str, f: &Feedback) -> Vec<Problem> {
    let mut p = Vec::new();
    if let (Some(sent), Some(received)) = (sent, f.received_on) {
        order(&mut p, order::feedback(sent, received));
    }
    texts(
        &mut p,
        [
            (TextField::UnitName, Some(unit)),
            (TextField::Note, f.opinion.as_deref()),
            (TextField::Person, f.signer.as_deref()),
            (TextField::Post, f.signer_post.as_deref()),
        ],
    );
    p
}

/// A unit's texts.
pub fn unit(name: &str, main_leader: Option<&str>, contact: Option<&str>) -> Vec<Problem> {
    let mut p = Vec::new();
    texts(
        &mut p,
        [
            (TextField::UnitName, Some(name)),
            (TextField::Person, main_leader),
            (TextField::Contact, contact),
        ],
    );
    p
}

/// A unit's short form: as long as a unit's name may be (as `duban unit alias add` checks).
pub fn alias(alias: &str) -> Vec<Problem> {
    let mut p = Vec::new();
    texts(&mut p, [(TextField::UnitName, Some(alias))]);
    p
}

/// A county leader's texts.
pub fn leader(name: &str, liaison: Option<&str>) -> Vec<Problem> {
    let mut p = Vec::new();
    texts(
        &mut p,
        [
            (TextField::LeaderName, Some(name)),
            (TextField::LeaderName, liaison),
        ],
    );
    p
}
