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
mod tests {
    use super::*;
    use crate::domain::testcal::d;

    fn times() -> TaskTimes {
        TaskTimes::of_meeting(d("2026-03-05"))
    }

    #[test]
    fn r5_1_limit_not_before_the_meeting() {
        assert_eq!(
            limit(d("2026-03-05"), d("2026-03-01")),
            Err(OutOfOrder {
                what: When::Limit,
                date: d("2026-03-01"),
                after: false,
                other: When::Meeting,
                other_date: d("2026-03-05"),
            })
        );
        assert_eq!(limit(d("2026-03-05"), d("2026-03-05")), Ok(()));
    }

    #[test]
    fn r5_3_progress_after_the_meeting_and_not_after_completion() {
        let t = times();
        assert!(progress(&t, d("2026-03-04")).is_err());
        assert_eq!(progress(&t, d("2026-03-05")), Ok(()));
        let done = TaskTimes {
            completed_on: Some(d("2026-03-10")),
            ..t
        };
        assert_eq!(progress(&done, d("2026-03-10")), Ok(()));
        let e = progress(&done, d("2026-03-11")).unwrap_err();
        assert!(e.after && e.other == When::Completion, "{e:?}");
    }

    #[test]
    fn completion_not_before_meeting_progress_or_explanation() {
        let t = TaskTimes {
            last_progress: Some(d("2026-03-09")),
            last_explanation: Some(d("2026-03-12")),
            ..times()
        };
        assert_eq!(
            completion(&t, d("2026-03-04")).unwrap_err().other,
            When::Meeting
        );
        assert_eq!(
            completion(&t, d("2026-03-08")).unwrap_err().other,
            When::Progress
        );
        assert_eq!(
            completion(&t, d("2026-03-11")).unwrap_err().other,
            When::Explanation
        );
        assert_eq!(completion(&t, d("2026-03-12")), Ok(()));
    }

    #[test]
    fn r5_5_explanation_after_the_meeting_promise_after_the_explanation() {
        let t = times();
        assert_eq!(
            explanation(&t, d("2026-03-01"), d("2026-03-20"))
                .unwrap_err()
                .what,
            When::Explanation
        );
        let e = explanation(&t, d("2026-03-10"), d("2026-03-09")).unwrap_err();
        assert_eq!((e.what, e.other), (When::Promise, When::Explanation));
        assert_eq!(explanation(&t, d("2026-03-10"), d("2026-03-10")), Ok(()));
    }

    #[test]
    fn r5_6_a_waiver_not_before_the_meeting_nor_the_promise_it_answers() {
        let meeting = d("2026-03-05");
        let e = waiver(meeting, None, d("2026-03-04")).unwrap_err();
        assert_eq!((e.what, e.other), (When::Waiver, When::Meeting));
        let e = waiver(meeting, Some(d("2026-03-20")), d("2026-03-19")).unwrap_err();
        assert_eq!(
            (e.what, e.other, e.after),
            (When::Waiver, When::Promise, false)
        );
        assert_eq!(
            waiver(meeting, Some(d("2026-03-20")), d("2026-03-21")),
            Ok(())
        );
        assert_eq!(waiver(meeting, None, d("2026-03-05")), Ok(()));
    }

    #[test]
    fn r3_attendance_only_once_the_meeting_is_held() {
        assert!(attendance(d("2026-12-01"), d("2026-11-25")).is_err());
        assert_eq!(attendance(d("2026-12-01"), d("2026-12-01")), Ok(()));
        // Moved with its attendance on record, the meeting stays held.
        assert!(held(d("2026-11-26"), d("2026-11-25")).is_err());
        assert_eq!(held(d("2026-11-25"), d("2026-11-25")), Ok(()));
    }

    #[test]
    fn r2_notice_and_plan_approval_not_after_the_meeting() {
        let e = plan(d("2026-11-02"), Some(d("2026-11-05")), None).unwrap_err();
        assert!(e.after && e.what == When::Notice, "{e:?}");
        let e = plan(d("2026-11-02"), None, Some(d("2026-11-03"))).unwrap_err();
        assert_eq!(e.what, When::PlanApproved);
        let same_day = Some(d("2026-11-02"));
        assert_eq!(plan(d("2026-11-02"), same_day, same_day), Ok(()));
    }

    #[test]
    fn r4_minutes_dates_and_feedback_follow_what_they_answer() {
        let m = crate::domain::Minutes {
            signed_on: Some(d("2026-03-04")),
            ..Default::default()
        };
        assert_eq!(
            minutes(d("2026-03-05"), &m).unwrap_err().what,
            When::SignOff
        );
        assert_eq!(
            feedback(d("2026-03-06"), d("2026-03-05"))
                .unwrap_err()
                .other,
            When::FeedbackSent
        );
    }

    #[test]
    fn every_date_names_a_form_field() {
        for w in When::ALL {
            assert!(!w.field().is_empty(), "{w:?}");
        }
    }
    #[test]
    fn r5_6_a_waiver_among_promises_not_before_the_one_it_answers() {
        let m = d("2026-03-05");
        let promises = [d("2026-04-10"), d("2026-05-20")];
        // The first promise missed by 04-20: the waiver answers it.
        assert_eq!(waiver_among(m, &promises, None, d("2026-04-20")), Ok(()));
        // Before any promise passed: it may not precede the earliest one ahead.
        let e = waiver_among(m, &promises, None, d("2026-04-01")).unwrap_err();
        assert_eq!(
            (e.what, e.other, e.other_date),
            (When::Waiver, When::Promise, d("2026-04-10"))
        );
        // Before the meeting.
        let e = waiver_among(m, &[], None, d("2026-03-01")).unwrap_err();
        assert_eq!(e.other, When::Meeting);
    }

    #[test]
    fn r5_7_every_referral_step_after_its_proposal() {
        let r = crate::domain::Referral {
            id: 1,
            unit_id: 1,
            proposed_on: d("2026-05-10"),
            proposal_reason: None,
            approved_on: Some(d("2026-05-12")),
            approval: None,
            referred_on: Some(d("2026-05-09")),
            decision: None,
            concluded_on: None,
            outcome: None,
            not_referred_on: None,
            reason: None,
            version: 1,
        };
        let e = referral(&r).unwrap_err();
        assert_eq!((e.what, e.date), (When::ReferralStep, d("2026-05-09")));
        let ok = crate::domain::Referral {
            referred_on: Some(d("2026-05-10")),
            ..r
        };
        assert_eq!(referral(&ok), Ok(()));
    }
}
