//! Minutes (会议纪要) and the feedback round: R4.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Deadline, Thresholds, WorkCalendar};

/// The minutes of one meeting, from drafting to archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub meeting_id: i64,
    /// R4.1/R4.2: the drafter (拟稿人) and how to reach them.
    pub drafter: Option<String>,
    pub drafter_phone: Option<String>,
    pub drafter_fax: Option<String>,
    pub drafter_email: Option<String>,
    /// R4.2: reviewed by the director or a deputy director.
    pub reviewer: Option<String>,
    pub reviewed_on: Option<NaiveDate>,
    /// R4.2: the day the draft and feedback forms went to the units (receipt is taken as that day).
    pub feedback_sent_on: Option<NaiveDate>,
    /// R4.4: signed off by the leaders.
    pub signed_by: Option<String>,
    pub signed_on: Option<NaiveDate>,
    /// R4.4: issued to the units.
    pub issued_on: Option<NaiveDate>,
    /// R4.1: copied to the supervision office (抄送县考绩办).
    pub copied_to_supervision: bool,
    /// R4.5: the archive checklist.
    pub archived_sign_in: bool,
    pub archived_record: bool,
    pub archived_feedback: bool,
    pub version: i64,
}

impl Minutes {
    /// The minutes' texts, each with its field (`super::fields`): what the store and an import
    /// hold to their limits.
    pub fn texts(&self) -> [(super::TextField, Option<&str>); 6] {
        use super::TextField::{Contact, Person};
        [
            (Person, self.drafter.as_deref()),
            (Contact, self.drafter_phone.as_deref()),
            (Contact, self.drafter_fax.as_deref()),
            (Contact, self.drafter_email.as_deref()),
            (Person, self.reviewer.as_deref()),
            (Person, self.signed_by.as_deref()),
        ]
    }
}

/// R4.4: where the minutes stand against their 10-working-day limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum MinutesStatus {
    /// Issued on or before the limit.
    IssuedOnTime { issued_on: NaiveDate },
    /// Issued after the limit.
    IssuedLate {
        issued_on: NaiveDate,
        workdays_late: i64,
    },
    /// Not issued, the limit not passed: `workdays_left` (0 on the day itself).
    Drafting { workdays_left: i64 },
    /// Not issued and the limit has passed.
    Overdue { workdays_over: i64 },
    /// An imported meeting whose procedure was not recorded: not judged.
    Unknown { issued_on: Option<NaiveDate> },
}

impl MinutesStatus {
    pub fn is_late(self) -> bool {
        matches!(
            self,
            MinutesStatus::IssuedLate { .. } | MinutesStatus::Overdue { .. }
        )
    }
}

/// R4.4: minutes are due `minutes_within_workdays` (10) working days after the meeting.
pub fn minutes_due(cal: &impl WorkCalendar, t: &Thresholds, meeting_date: NaiveDate) -> Deadline {
    Deadline::workdays_after(cal, meeting_date, t.minutes_within_workdays)
}

/// R4.4: the minutes' status on `today`.
pub fn minutes_status(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    meeting_date: NaiveDate,
    issued_on: Option<NaiveDate>,
    today: NaiveDate,
) -> MinutesStatus {
    let due = minutes_due(cal, t, meeting_date).date;
    match issued_on {
        Some(on) if on <= due => MinutesStatus::IssuedOnTime { issued_on: on },
        Some(on) => MinutesStatus::IssuedLate {
            issued_on: on,
            workdays_late: cal.workdays_between(due, on).max(1),
        },
        None if today <= due => MinutesStatus::Drafting {
            workdays_left: cal.workdays_between(today, due),
        },
        None => MinutesStatus::Overdue {
            workdays_over: cal.workdays_between(due, today),
        },
    }
}

/// One unit's answer to the feedback form (R4.2–R4.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub meeting_id: i64,
    pub unit_id: i64,
    pub received_on: Option<NaiveDate>,
    pub opinion: Option<String>,
    /// R4.3: signed by the unit's main leader or leader in charge, and sealed.
    pub signer: Option<String>,
    pub signer_post: Option<String>,
    pub sealed: bool,
    pub version: i64,
}

/// R4.3: one unit's place in the feedback round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum FeedbackStatus {
    /// Answered within the 2 working days.
    Answered { received_on: NaiveDate },
    /// Answered after the deadline (consent had already been deemed).
    Late { received_on: NaiveDate },
    /// No answer yet, the deadline not passed.
    Waiting { deadline: NaiveDate },
    /// No answer by the deadline: consent is deemed from the day after it (视为同意).
    DeemedConsent { effective_on: NaiveDate },
}

/// R4.3: the answer is due `feedback_within_workdays` (2) working days after the form was sent.
pub fn feedback_deadline(cal: &impl WorkCalendar, t: &Thresholds, sent_on: NaiveDate) -> Deadline {
    Deadline::workdays_after(cal, sent_on, t.feedback_within_workdays)
}

/// R4.3: a unit's feedback status on `today`, given when the round was sent and when (if) it answered.
pub fn feedback_status(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    sent_on: NaiveDate,
    received_on: Option<NaiveDate>,
    today: NaiveDate,
) -> FeedbackStatus {
    let deadline = feedback_deadline(cal, t, sent_on).date;
    match received_on {
        Some(on) if on <= deadline => FeedbackStatus::Answered { received_on: on },
        Some(on) => FeedbackStatus::Late { received_on: on },
        None if today <= deadline => FeedbackStatus::Waiting { deadline },
        None => FeedbackStatus::DeemedConsent {
            effective_on: deadline + Days::new(1),
        },
    }
}

/// R4.3: the form must be signed by the unit's main leader or leader in charge, and sealed.
pub fn signed_and_sealed(f: &Feedback) -> bool {
    f.signer.as_deref().is_some_and(|s| !s.trim().is_empty()) && f.sealed
}

/// R4.3: how many units' answers are still awaited on `day` (no answer by then, the round's
/// deadline not passed), and that deadline. `answers` holds each participating unit's answer date.
pub fn waiting_on(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    sent_on: NaiveDate,
    answers: &[Option<NaiveDate>],
    day: NaiveDate,
) -> (usize, Deadline) {
    let deadline = feedback_deadline(cal, t, sent_on);
    let answered_by = |a: &Option<NaiveDate>| a.is_some_and(|a| a <= day);
    let waiting = if day <= deadline.date {
        answers.iter().filter(|a| !answered_by(a)).count()
    } else {
        0
    };
    (waiting, deadline)
}

/// R4.4: what still stands open on the day the minutes are issued: units whose answer to the
/// feedback form is still awaited, and the leaders' sign-off. Issuing with either open asks the
/// user first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueOpen {
    /// Units still to answer, and the last day of the round (when it is out).
    pub waiting: usize,
    pub round_until: Option<Deadline>,
    /// Not signed off by the issue date.
    pub unsigned: bool,
}

impl IssueOpen {
    pub fn is_clear(&self) -> bool {
        self.waiting == 0 && !self.unsigned
    }
}

/// R4.4: what is open when `m` is issued on `issued`, given each participant's answer date.
pub fn open_on_issue(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    m: &Minutes,
    answers: &[Option<NaiveDate>],
    issued: NaiveDate,
) -> IssueOpen {
    let (waiting, round_until) = match m.feedback_sent_on {
        Some(sent) => {
            let (n, deadline) = waiting_on(cal, t, sent, answers, issued);
            (n, Some(deadline))
        }
        None => (0, None),
    };
    IssueOpen {
        waiting,
        round_until: round_until.filter(|_| waiting > 0),
        unsigned: m.signed_on.is_none_or(|s| s > issued),
    }
}

/// R4.5: every original material archived with the minutes.
pub fn archive_complete(m: &Minutes) -> bool {
    m.archived_sign_in && m.archived_record && m.archived_feedback
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::{d, monfri};

    #[test]
    fn r4_4_minutes_due_ten_working_days_after_the_meeting() {
        let t = Thresholds::default();
        // Meeting Monday 2026-11-02: ten working days later is Monday 2026-11-16.
        assert_eq!(
            minutes_due(&monfri(), &t, d("2026-11-02")).date,
            d("2026-11-16")
        );
        let mut cal = monfri();
        cal.off.push(d("2026-11-10"));
        assert_eq!(minutes_due(&cal, &t, d("2026-11-02")).date, d("2026-11-17"));
    }

    #[test]
    fn r4_4_minutes_status_on_time_late_drafting_overdue() {
        let (cal, t) = (monfri(), Thresholds::default());
        let m = d("2026-11-02");
        let s = |issued: Option<&str>, today: &str| {
            minutes_status(&cal, &t, m, issued.map(d), d(today))
        };
        assert_eq!(
            s(Some("2026-11-16"), "2026-11-25"),
            MinutesStatus::IssuedOnTime {
                issued_on: d("2026-11-16")
            }
        );
        assert_eq!(
            s(Some("2026-11-17"), "2026-11-25"),
            MinutesStatus::IssuedLate {
                issued_on: d("2026-11-17"),
                workdays_late: 1
            }
        );
        assert_eq!(
            s(None, "2026-11-12"),
            MinutesStatus::Drafting { workdays_left: 2 }
        );
        assert_eq!(
            s(None, "2026-11-16"),
            MinutesStatus::Drafting { workdays_left: 0 }
        );
        assert_eq!(
            s(None, "2026-11-18"),
            MinutesStatus::Overdue { workdays_over: 2 }
        );
        assert!(s(None, "2026-11-18").is_late() && !s(None, "2026-11-16").is_late());
    }

    #[test]
    fn r4_3_feedback_deadline_two_working_days() {
        let t = Thresholds::default();
        // Sent Thursday: due Monday.
        assert_eq!(
            feedback_deadline(&monfri(), &t, d("2026-11-19")).date,
            d("2026-11-23")
        );
    }

    #[test]
    fn r4_3_feedback_deemed_consent() {
        let (cal, t) = (monfri(), Thresholds::default());
        let sent = d("2026-11-19");
        let s =
            |rec: Option<&str>, today: &str| feedback_status(&cal, &t, sent, rec.map(d), d(today));
        assert_eq!(
            s(Some("2026-11-23"), "2026-11-25"),
            FeedbackStatus::Answered {
                received_on: d("2026-11-23")
            }
        );
        assert_eq!(
            s(Some("2026-11-24"), "2026-11-25"),
            FeedbackStatus::Late {
                received_on: d("2026-11-24")
            }
        );
        assert_eq!(
            s(None, "2026-11-23"),
            FeedbackStatus::Waiting {
                deadline: d("2026-11-23")
            }
        );
        assert_eq!(
            s(None, "2026-11-24"),
            FeedbackStatus::DeemedConsent {
                effective_on: d("2026-11-24")
            }
        );
    }

    #[test]
    fn r4_3_answer_must_be_signed_and_sealed() {
        let mut f = Feedback {
            received_on: Some(d("2026-11-20")),
            ..Feedback::default()
        };
        assert!(!signed_and_sealed(&f));
        f.signer = Some("张镇长".into());
        assert!(!signed_and_sealed(&f));
        f.sealed = true;
        assert!(signed_and_sealed(&f));
    }

    #[test]
    fn r4_4_issue_asks_while_the_round_is_open_or_unsigned() {
        let (cal, t) = (monfri(), Thresholds::default());
        // Sent Thursday 19 November: answers due Monday 23.
        let m = Minutes {
            feedback_sent_on: Some(d("2026-11-19")),
            signed_on: Some(d("2026-11-20")),
            ..Minutes::default()
        };
        let answers = [Some(d("2026-11-20")), None, None];
        let open = open_on_issue(&cal, &t, &m, &answers, d("2026-11-20"));
        assert_eq!(open.waiting, 2);
        assert_eq!(open.round_until.map(|r| r.date), Some(d("2026-11-23")));
        assert!(!open.unsigned && !open.is_clear());
        // After the deadline the silent units have consented (R4.3): nothing is open.
        assert!(open_on_issue(&cal, &t, &m, &answers, d("2026-11-24")).is_clear());
        // Signed after the issue date, or not at all: open.
        assert!(open_on_issue(&cal, &t, &m, &answers, d("2026-11-19")).unsigned);
        let unsigned = Minutes {
            signed_on: None,
            ..m
        };
        assert!(open_on_issue(&cal, &t, &unsigned, &[], d("2026-11-30")).unsigned);
    }

    #[test]
    fn r4_5_archive_needs_all_three_materials() {
        let mut m = Minutes {
            archived_sign_in: true,
            archived_record: true,
            ..Minutes::default()
        };
        assert!(!archive_complete(&m));
        m.archived_feedback = true;
        assert!(archive_complete(&m));
    }
}
