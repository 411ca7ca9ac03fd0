//! What lies behind a figure: the class of tasks or meetings it counts, over a period.

use serde::Serialize;

use super::Period;

/// What a figure of R5 counts, over a period: the list behind the figure (`TaskFilter::slice`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskClass {
    /// The limit falls in the period.
    Due,
    /// Due in the period and done by the limit.
    DoneOnTime,
    /// Due in the period and done after it.
    DoneLate,
    /// Due in the period, not done, the limit passed.
    OpenOverdue,
    /// R5.2–R5.3: exempt, not done, no progress report for too long (today; the period aside).
    ExemptStale,
    /// R5.5: a written explanation submitted in the period.
    Explained,
    /// R5.5: a promised date in the period that was kept (done by it).
    PromiseKept,
    /// R5.5: a promised date in the period, passed, and not kept.
    PromiseMissed,
    /// Open and past the limit at the period's last day (the monthly trend).
    OverdueAtEnd,
    /// Decided at a meeting held in the period (the lights of the period's tasks).
    Decided,
}

impl TaskClass {
    pub fn code(self) -> &'static str {
        match self {
            TaskClass::Due => "due",
            TaskClass::DoneOnTime => "done_on_time",
            TaskClass::DoneLate => "done_late",
            TaskClass::OpenOverdue => "open_overdue",
            TaskClass::ExemptStale => "exempt_stale",
            TaskClass::Explained => "explained",
            TaskClass::PromiseKept => "promise_kept",
            TaskClass::PromiseMissed => "promise_missed",
            TaskClass::OverdueAtEnd => "overdue_at_end",
            TaskClass::Decided => "decided",
        }
    }
}

/// The tasks behind one figure: a class over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TaskSlice {
    pub period: Period,
    pub class: TaskClass,
}

/// The meetings behind one figure of R1–R4 over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingClass {
    /// Every meeting held in the period.
    All,
    /// R1.3: chaired by this leader (`None`: no chair recorded).
    Chair(Option<i64>),
    /// R1.3: held in this month.
    Month(i32, u32),
    /// R2.2.
    Notice(crate::domain::NoticeStatus),
    /// R3: where this unit's attendance had this outcome.
    Attendance(i64, crate::domain::AttendanceOutcome),
    /// R4.4.
    Minutes(MinutesClass),
    /// R4.3: a feedback round sent in the period with an answer of this kind.
    Feedback(FeedbackClass),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesClass {
    OnTime,
    Late,
    Overdue,
    Drafting,
    /// Imported, procedure unknown: not judged.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackClass {
    OnTime,
    Late,
    DeemedConsent,
    Waiting,
}

impl MinutesClass {
    pub fn of(s: crate::domain::MinutesStatus) -> MinutesClass {
        use crate::domain::MinutesStatus as S;
        match s {
            S::IssuedOnTime { .. } => MinutesClass::OnTime,
            S::IssuedLate { .. } => MinutesClass::Late,
            S::Overdue { .. } => MinutesClass::Overdue,
            S::Drafting { .. } => MinutesClass::Drafting,
            S::Unknown { .. } => MinutesClass::Unknown,
        }
    }
}

impl FeedbackClass {
    pub fn of(s: crate::domain::FeedbackStatus) -> FeedbackClass {
        use crate::domain::FeedbackStatus as S;
        match s {
            S::Answered { .. } => FeedbackClass::OnTime,
            S::Late { .. } => FeedbackClass::Late,
            S::DeemedConsent { .. } => FeedbackClass::DeemedConsent,
            S::Waiting { .. } => FeedbackClass::Waiting,
        }
    }
}
