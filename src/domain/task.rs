//! Tasks decided at meetings (议定事项 / 督办事项): limits, lights and the accountability chain, R5.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Deadline, Thresholds, WorkCalendar};

/// R5.2: the categories that have no default limit but must report progress regularly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExemptCategory {
    /// 经费
    Funding,
    /// 编制
    Staffing,
    /// 土地
    Land,
    /// 案件处理
    CaseHandling,
    /// 跨度较长 (时间跨度较长)
    LongSpan,
}

impl ExemptCategory {
    pub const ALL: [ExemptCategory; 5] = [
        ExemptCategory::Funding,
        ExemptCategory::Staffing,
        ExemptCategory::Land,
        ExemptCategory::CaseHandling,
        ExemptCategory::LongSpan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ExemptCategory::Funding => "funding",
            ExemptCategory::Staffing => "staffing",
            ExemptCategory::Land => "land",
            ExemptCategory::CaseHandling => "case_handling",
            ExemptCategory::LongSpan => "long_span",
        }
    }

    /// The category as the regulation names it.
    pub fn zh(self) -> &'static str {
        match self {
            ExemptCategory::Funding => "经费",
            ExemptCategory::Staffing => "编制",
            ExemptCategory::Land => "土地",
            ExemptCategory::CaseHandling => "案件处理",
            ExemptCategory::LongSpan => "跨度较长",
        }
    }

    /// The category in English words.
    pub fn en(self) -> &'static str {
        match self {
            ExemptCategory::Funding => "funding",
            ExemptCategory::Staffing => "staffing",
            ExemptCategory::Land => "land",
            ExemptCategory::CaseHandling => "case handling",
            ExemptCategory::LongSpan => "long span",
        }
    }

    /// Accepts the code (`land`, `case_handling`), the English words (`case handling`) or the
    /// Chinese name (`土地`).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let word = s.to_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|c| {
            c.code() == word
                || c.zh() == s
                || (*c == ExemptCategory::LongSpan && s == "时间跨度较长")
        })
    }
}

/// A task's time limit (完成时限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Limit {
    /// R5.1: an explicit date written in the minutes.
    Date(NaiveDate),
    /// R5.2: no limit written: 15 working days from the minutes' issue date.
    Default,
    /// R5.2: exempt from the default limit; must report progress regularly.
    Exempt(ExemptCategory),
}

impl Limit {
    pub fn code(self) -> &'static str {
        match self {
            Limit::Date(_) => "date",
            Limit::Default => "default",
            Limit::Exempt(_) => "exempt",
        }
    }
}

/// A task decided at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    pub meeting_id: i64,
    pub text: String,
    pub lead_unit_id: i64,
    pub co_unit_ids: Vec<i64>,
    pub responsible_leader_id: Option<i64>,
    pub limit: Limit,
    /// 办结: completion date and note.
    pub completed_on: Option<NaiveDate>,
    pub completion_note: Option<String>,
    pub version: i64,
}

/// R5.3: a progress report to the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    pub id: i64,
    pub task_id: i64,
    pub reported_on: NaiveDate,
    pub text: String,
}

/// R5.5: a written explanation for a missed limit, with the promised new date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub id: i64,
    pub task_id: i64,
    pub submitted_on: NaiveDate,
    pub text: Option<String>,
    pub promised_on: NaiveDate,
}

/// The light of a task on the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Past its limit and not done.
    Red,
    /// 3 working days or fewer left; or exempt with no progress report for 30 days.
    Yellow,
    /// More than 3 working days left (or no limit computed yet).
    Green,
    /// Exempt (no default limit), reporting progress.
    Exempt,
    /// 办结.
    Done,
}

impl Light {
    pub const ALL: [Light; 5] = [
        Light::Red,
        Light::Yellow,
        Light::Green,
        Light::Exempt,
        Light::Done,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::Exempt => "exempt",
            Light::Done => "done",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// Where a task stands in the accountability chain (R5.5–R5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Default limit, minutes not issued yet: the clock has not started.
    Pending,
    /// R5.2: a default limit on a meeting whose procedure is unknown (imported from a ledger)
    /// and whose minutes' issue date is not recorded: the 15 working days have no start yet
    /// (时限未定) until that date is recorded.
    LimitUnknown,
    /// Within its limit (or exempt).
    Open,
    /// R5.5: past the limit with no written explanation yet.
    ExplanationDue,
    /// R5.5: explained, the promised date not passed.
    Promised,
    /// R5.6: a promised date passed unmet and unanswered: a notified criticism is due (even when
    /// the task was done late since).
    CriticismDue,
    /// R5.6: criticised, still not done, no new promise ahead.
    Criticised,
    Done,
}

impl TaskState {
    pub const ALL: [TaskState; 8] = [
        TaskState::Pending,
        TaskState::LimitUnknown,
        TaskState::Open,
        TaskState::ExplanationDue,
        TaskState::Promised,
        TaskState::CriticismDue,
        TaskState::Criticised,
        TaskState::Done,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::LimitUnknown => "limit_unknown",
            TaskState::Open => "open",
            TaskState::ExplanationDue => "explanation_due",
            TaskState::Promised => "promised",
            TaskState::CriticismDue => "criticism_due",
            TaskState::Criticised => "criticised",
            TaskState::Done => "done",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// R5.1–R5.2: a task's deadline. `None` for exempt tasks, and for default limits whose minutes are
/// not issued yet (the 15 working days start at the issue date).
pub fn task_deadline(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    limit: Limit,
    minutes_issued_on: Option<NaiveDate>,
) -> Option<Deadline> {
    match limit {
        Limit::Date(date) => Some(Deadline {
            date,
            provisional: cal.is_provisional(date, date),
        }),
        Limit::Default => {
            minutes_issued_on.map(|on| Deadline::workdays_after(cal, on, t.default_limit_workdays))
        }
        Limit::Exempt(_) => None,
    }
}

/// Working days left until `due` on `today` (0 on the day itself, negative after).
pub fn working_days_left(cal: &impl WorkCalendar, due: NaiveDate, today: NaiveDate) -> i64 {
    cal.workdays_between(today, due)
}

/// Whether the working days counted between a deadline and `today` are provisional: they are when
/// the deadline is (its date may still move), and when any year from the deadline to `today` has
/// no holiday notice, as from a limit in a known year to a `today` in an unknown one (counted
/// Monday–Friday there, marked `*` wherever the count is shown).
pub fn count_provisional(cal: &impl WorkCalendar, due: Deadline, today: NaiveDate) -> bool {
    due.provisional || cal.is_provisional(due.date, today)
}

/// Everything the light and the state of a task depend on, as loaded for one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskFacts {
    pub exempt: bool,
    /// The computed deadline (see [`task_deadline`]).
    pub due: Option<NaiveDate>,
    /// When the task reached the unit: the minutes' issue date, else the meeting date.
    pub assigned_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub last_progress_on: Option<NaiveDate>,
    /// The promised date of the latest written explanation.
    pub promised_on: Option<NaiveDate>,
    /// R5.6: the earliest promise missed and not answered by a criticism or a waiver
    /// ([`super::promise::unanswered_promise`]).
    pub unanswered_promise: Option<NaiveDate>,
    /// A notified criticism names this task.
    pub criticised: bool,
    /// Its meeting's procedure is unknown (imported from a ledger) and nothing of its minutes is
    /// on record: whether minutes are awaited cannot be said, so neither can a default limit's
    /// start. (Minutes on record without an issue date, as while drafted or as an imported row
    /// said 待纪要印发, are awaited.)
    pub minutes_unknown: bool,
}

/// The light of a task on `today`.
pub fn light(cal: &impl WorkCalendar, t: &Thresholds, f: &TaskFacts, today: NaiveDate) -> Light {
    if f.completed_on.is_some_and(|c| c <= today) {
        return Light::Done;
    }
    if f.exempt {
        return if exempt_report_stale(t, f, today) {
            Light::Yellow
        } else {
            Light::Exempt
        };
    }
    match f.due {
        None => Light::Green,
        Some(due) if today > due => Light::Red,
        Some(due) if working_days_left(cal, due, today) <= t.yellow_within_workdays => {
            Light::Yellow
        }
        Some(_) => Light::Green,
    }
}

/// R5.2/R5.3: an exempt task with no progress report (nor assignment) in the last 30 days.
pub fn exempt_report_stale(t: &Thresholds, f: &TaskFacts, today: NaiveDate) -> bool {
    let last = f.last_progress_on.max(f.assigned_on);
    last.is_some_and(|last| last + Days::new(t.exempt_report_every_days as u64) < today)
}

/// R5.5–R5.6: the state of a task on `today`. A missed promise nothing answered comes first,
/// even on a task done since (its light stays done); then done; then a promise still ahead; then
/// criticised; then a missed limit without an explanation.
pub fn state(f: &TaskFacts, today: NaiveDate) -> TaskState {
    if f.unanswered_promise.is_some_and(|p| today > p) {
        return TaskState::CriticismDue;
    }
    if f.completed_on.is_some_and(|c| c <= today) {
        return TaskState::Done;
    }
    if f.promised_on.is_some_and(|p| today <= p) {
        return TaskState::Promised;
    }
    if f.criticised {
        return TaskState::Criticised;
    }
    match f.due {
        Some(due) if today > due => TaskState::ExplanationDue,
        None if !f.exempt && f.minutes_unknown => TaskState::LimitUnknown,
        None if !f.exempt => TaskState::Pending,
        _ => TaskState::Open,
    }
}

/// Whether a completed task was done by its limit (for on-time rates).
pub fn done_on_time(f: &TaskFacts) -> Option<bool> {
    match (f.completed_on, f.due) {
        (Some(c), Some(due)) => Some(c <= due),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
