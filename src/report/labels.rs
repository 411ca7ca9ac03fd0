//! The names of the lists behind figures, for the filter lines of the ledger and meetings list.

use crate::domain::{MeetingClass, TaskClass};
use crate::i18n::{Lang, Rep};

/// The name of the tasks behind a figure (the ledger's filter line).
pub fn task_class_label(l: Lang, c: TaskClass) -> &'static str {
    l.rep(match c {
        TaskClass::Due => Rep::Due,
        TaskClass::DoneOnTime => Rep::DoneOnTime,
        TaskClass::DoneLate => Rep::DoneLate,
        TaskClass::OpenOverdue => Rep::OpenOverdue,
        TaskClass::ExemptStale => Rep::ExemptStale,
        TaskClass::Explained => Rep::Explanations,
        TaskClass::PromiseKept => Rep::PromisesKept,
        TaskClass::PromiseMissed => Rep::PromisesMissed,
        TaskClass::OverdueAtEnd => Rep::OverdueAtMonthEnd,
        TaskClass::Decided => Rep::Decided,
    })
}

/// The name of the meetings behind a figure (the meetings list's filter line).
pub fn meeting_class_label(l: Lang, c: MeetingClass) -> String {
    use crate::domain::NoticeStatus as N;
    use crate::domain::report::{FeedbackClass as F, MinutesClass as M};
    let rep = match c {
        MeetingClass::All | MeetingClass::Chair(_) | MeetingClass::Month(..) => Rep::Meetings,
        MeetingClass::Notice(N::OnTime) => Rep::NoticeOnTime,
        MeetingClass::Notice(N::Late) => Rep::NoticeLate,
        MeetingClass::Notice(N::Emergency) => Rep::NoticeEmergency,
        MeetingClass::Notice(N::Missing) => Rep::NoticeMissing,
        MeetingClass::Notice(N::NotYetSent) => Rep::NoticeNotYet,
        MeetingClass::Notice(N::Unknown) | MeetingClass::Minutes(M::Unknown) => {
            Rep::ProcedureUnknown
        }
        MeetingClass::Attendance(_, o) => match o {
            crate::domain::AttendanceOutcome::LeaderAttended => Rep::LeaderAttended,
            crate::domain::AttendanceOutcome::AuthorisedRepresentative => Rep::Representative,
            crate::domain::AttendanceOutcome::Absent => Rep::Absent,
            crate::domain::AttendanceOutcome::UnauthorisedSubstitute => Rep::Substitute,
        },
        MeetingClass::Minutes(M::OnTime) => Rep::MinutesOnTime,
        MeetingClass::Minutes(M::Late) => Rep::MinutesLate,
        MeetingClass::Minutes(M::Overdue) => Rep::MinutesOverdue,
        MeetingClass::Minutes(M::Drafting) => Rep::MinutesDrafting,
        MeetingClass::Feedback(F::OnTime) => Rep::FeedbackOnTime,
        MeetingClass::Feedback(F::Late) => Rep::FeedbackLate,
        MeetingClass::Feedback(F::DeemedConsent) => Rep::FeedbackDeemed,
        MeetingClass::Feedback(F::Waiting) => Rep::FeedbackWaiting,
    };
    l.rep(rep).to_string()
}
