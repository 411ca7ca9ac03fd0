//! Time runs one way: nothing is recorded before it could have happened. A task's limit, its
//! progress reports, its completion and its written explanation come after the meeting that
//! decided it; nothing is reported on a task after it was done; the minutes' steps and the units'
//! answers come after the meeting and after the form went out; attendance is recorded once the
//! meeting has been held.
//!
//! These are the one place where each record's dates are checked against what they follow; the
//! store calls them on every write (command line, terminal UI, imports alike), and a refusal names
//! the record, its date and the date it may not precede ([`OutOfOrder`]).

use chrono::NaiveDate;

/// A date a record carries, as the user knows it (the i18n names each one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// 会议日期.
    Meeting,
    /// 办理时限 (an explicit limit, R5.1).
    Limit,
    /// 进展报告日期 (R5.3).
    Progress,
    /// 办结日期.
    Completion,
    /// 书面说明日期 (R5.5).
    Explanation,
    /// 承诺完成时限 (R5.5).
    Promise,
    /// The day attendance is recorded (R3): today.
    Attendance,
    /// 审核日期 (R4.2).
    Review,
    /// 征求意见发出日期 (R4.2).
    FeedbackSent,
    /// 反馈日期 (R4.3).
    Feedback,
    /// 签发日期 (R4.4).
    SignOff,
    /// 印发日期 (R4.4).
    Issue,
    /// 通报批评日期 (R5.6).
    Criticism,
    /// 不予通报批评日期 (R5.6, a waiver).
    Waiver,
    /// The day a referral was proposed (R5.7).
    ReferralProposed,
    /// The day of a later step of a referral (R5.7).
    ReferralStep,
    /// 会议通知日期 (R2.2).
    Notice,
    /// 会议方案审批日期 (R2.1).
    PlanApproved,
}

impl When {
    pub const ALL: [When; 18] = [
        When::Meeting,
        When::Limit,
        When::Progress,
        When::Completion,
        When::Explanation,
        When::Promise,
        When::Attendance,
        When::Review,
        When::FeedbackSent,
        When::Feedback,
        When::SignOff,
        When::Issue,
        When::Criticism,
        When::Waiver,
        When::ReferralProposed,
        When::ReferralStep,
        When::Notice,
        When::PlanApproved,
    ];

    /// The key of the form field that holds this date, so a form can show the refusal beside it.
    pub fn field(self) -> &'static str {
        match self {
            When::Meeting => "date",
            When::Limit => "limit",
            When::Progress => "reported_on",
            When::Completion => "completed_on",
            When::Explanation => "submitted_on",
            When::Promise => "promised_on",
            When::Attendance => "outcome",
            When::Review => "reviewed_on",
            When::FeedbackSent => "feedback_sent_on",
            When::Feedback => "received_on",
            When::SignOff => "signed_on",
            When::Issue => "issued_on",
            When::Notice => "notice_date",
            When::PlanApproved => "plan_approved_on",
            When::Criticism | When::Waiver | When::ReferralStep | When::ReferralProposed => "date",
        }
    }
}

/// A date that falls on the wrong side of another: `what` on `date` comes before `other` on
/// `other_date`, which it must follow (`after` false), or after it, which it must precede (`after`
/// true).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfOrder {
    pub what: When,
    pub date: NaiveDate,
    pub after: bool,
    pub other: When,
    pub other_date: NaiveDate,
}

pub type Checked = Result<(), OutOfOrder>;

/// `what` on `date` may not come before `other` on `other_date`.
pub fn not_before(what: When, date: NaiveDate, other: When, other_date: NaiveDate) -> Checked {
    if date < other_date {
        return Err(OutOfOrder {
            what,
            date,
            after: false,
            other,
            other_date,
        });
    }
    Ok(())
}

/// `what` on `date` may not come after `other` on `other_date`.
pub fn not_after(what: When, date: NaiveDate, other: When, other_date: NaiveDate) -> Checked {
    if date > other_date {
        return Err(OutOfOrder {
            what,
            date,
            after: true,
            other,
            other_date,
        });
    }
    Ok(())
}

/// The dates a task's records are checked against: its meeting's, its completion, and the latest
/// of its progress reports and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskTimes {
    pub meeting: NaiveDate,
    pub completed_on: Option<NaiveDate>,
    pub last_progress: Option<NaiveDate>,
    pub last_explanation: Option<NaiveDate>,
}

impl TaskTimes {
    pub fn of_meeting(meeting: NaiveDate) -> TaskTimes {
        TaskTimes {
            meeting,
            completed_on: None,
            last_progress: None,
            last_explanation: None,
        }
    }
}

/// R4.1/R5.1: an explicit limit is not set before the meeting that decided the task.
pub fn limit(meeting: NaiveDate, due: NaiveDate) -> Checked {
    not_before(When::Limit, due, When::Meeting, meeting)
}

/// R5.3: a progress report comes after the meeting and not after the task was done.
pub fn progress(t: &TaskTimes, on: NaiveDate) -> Checked {
    not_before(When::Progress, on, When::Meeting, t.meeting)?;
    match t.completed_on {
        Some(done) => not_after(When::Progress, on, When::Completion, done),
        None => Ok(()),
    }
}

/// 办结: after the meeting, and not before a progress report or written explanation on record.
pub fn completion(t: &TaskTimes, on: NaiveDate) -> Checked {
    not_before(When::Completion, on, When::Meeting, t.meeting)?;
    if let Some(p) = t.last_progress {
        not_before(When::Completion, on, When::Progress, p)?;
    }
    if let Some(e) = t.last_explanation {
        not_before(When::Completion, on, When::Explanation, e)?;
    }
    Ok(())
}

/// R5.5: a written explanation after the meeting, its promise not before it was written.
pub fn explanation(t: &TaskTimes, submitted: NaiveDate, promised: NaiveDate) -> Checked {
    not_before(When::Explanation, submitted, When::Meeting, t.meeting)?;
    if let Some(done) = t.completed_on {
        not_after(When::Explanation, submitted, When::Completion, done)?;
    }
    not_before(When::Promise, promised, When::Explanation, submitted)
}

/// R5.6: a waiver (不予通报批评) answers a missed promise: it comes after the meeting, and not
/// before the promise it answers (`promise`, when the task has one not yet passed).
pub fn waiver(meeting: NaiveDate, promise: Option<NaiveDate>, on: NaiveDate) -> Checked {
    not_before(When::Waiver, on, When::Meeting, meeting)?;
    match promise {
        Some(p) => not_before(When::Waiver, on, When::Promise, p),
        None => Ok(()),
    }
}

/// R5.6: a waiver dated `on` of a task with these `promises` (its explanations' promised dates)
/// and completion: not before the meeting, nor before the promise it would answer when none was
/// missed by then (the earliest still ahead), as [`waiver`] says.
pub fn waiver_among(
    meeting: NaiveDate,
    promises: &[NaiveDate],
    completed_on: Option<NaiveDate>,
    on: NaiveDate,
) -> Checked {
    // Earlier answers only decide between due and answered, neither of which has a promise ahead.
    let ahead = match super::promise::standing(promises, completed_on, &[], on) {
        super::promise::Standing::PromiseAhead(p) => Some(p),
        _ => None,
    };
    waiver(meeting, ahead, on)
}

/// R5.7: each later step of a referral (approval, referral, conclusion, or the decision not to
/// refer) comes on or after its proposal.
pub fn referral(r: &super::Referral) -> Checked {
    for d in [
        r.approved_on,
        r.referred_on,
        r.concluded_on,
        r.not_referred_on,
    ]
    .into_iter()
    .flatten()
    {
        not_before(When::ReferralStep, d, When::ReferralProposed, r.proposed_on)?;
    }
    Ok(())
}

/// R2.1/R2.2: a meeting's plan is approved, and its notice goes out, on or before its day.
pub fn plan(meeting: NaiveDate, notice: Option<NaiveDate>, approved: Option<NaiveDate>) -> Checked {
    for (what, date) in [(When::Notice, notice), (When::PlanApproved, approved)] {
        if let Some(d) = date {
            not_after(what, d, When::Meeting, meeting)?;
        }
    }
    Ok(())
}

/// R3: a meeting whose attendance is on record has been held: moved, its day is not after
/// `today`, the latest day the attendance can have been recorded.
pub fn held(meeting: NaiveDate, today: NaiveDate) -> Checked {
    not_after(When::Meeting, meeting, When::Attendance, today)
}

/// R3: attendance is recorded once the meeting has been held (`today` on or after its date).
pub fn attendance(meeting: NaiveDate, today: NaiveDate) -> Checked {
    not_before(When::Attendance, today, When::Meeting, meeting)
}

/// R4: the minutes' dates (review, feedback round, sign-off, issue) come after the meeting.
pub fn minutes(meeting: NaiveDate, m: &super::Minutes) -> Checked {
    for (what, date) in [
        (When::Review, m.reviewed_on),
        (When::FeedbackSent, m.feedback_sent_on),
        (When::SignOff, m.signed_on),
        (When::Issue, m.issued_on),
    ] {
        if let Some(d) = date {
            not_before(what, d, When::Meeting, meeting)?;
        }
    }
    Ok(())
}

/// R4.3: a unit answers the form after it went out.
pub fn feedback(sent: NaiveDate, received: NaiveDate) -> Checked {
    not_before(When::Feedback, received, When::FeedbackSent, sent)
}

#[cfg(test)]
mod tests;
