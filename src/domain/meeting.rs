//! Special-topic meetings (专题会议) and attendance: R1, R2, R3.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Deadline, Thresholds, WorkCalendar};

/// A special-topic meeting. Several related topics may be merged into one meeting (R1.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    /// The meeting's number, e.g. `〔2026〕12号`.
    pub number: Option<String>,
    pub topics: Vec<String>,
    pub chair_id: Option<i64>,
    /// The liaison director who approves the plan (R2.1).
    pub liaison_id: Option<i64>,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place: Option<String>,
    /// R2.1: who approved the meeting plan, and when.
    pub plan_approved_by: Option<String>,
    pub plan_approved_on: Option<NaiveDate>,
    /// R2.2: the date the written notice went out.
    pub notice_date: Option<NaiveDate>,
    /// R2.2: an emergency meeting may be called without the notice period.
    pub emergency: bool,
    /// Imported from a ledger that said nothing of the meeting's notice and minutes: R2.2 and
    /// R4.4 are not judged for it (it still counts as a meeting).
    #[serde(default)]
    pub procedure_unknown: bool,
    pub version: i64,
}

/// R2.2: whether the written notice went out at least 1 working day before the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    OnTime,
    /// Sent later than 1 working day before the meeting, not an emergency: a violation.
    Late,
    /// An emergency meeting: no notice period applies.
    Emergency,
    /// No notice recorded and the notice deadline has not passed yet.
    NotYetSent,
    /// No notice recorded and the deadline has passed: a violation.
    Missing,
    /// An imported meeting whose procedure was not recorded: not judged.
    Unknown,
}

impl NoticeStatus {
    pub fn is_violation(self) -> bool {
        matches!(self, NoticeStatus::Late | NoticeStatus::Missing)
    }
}

/// R2.2: the last day the notice may go out: `notice_before_workdays` working days before the meeting.
/// Provisional when it or the meeting falls in a year without a holiday notice.
pub fn notice_deadline(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    meeting_date: NaiveDate,
) -> Deadline {
    Deadline::workdays_after(cal, meeting_date, -t.notice_before_workdays)
}

/// R2.2: the notice status of a meeting on `today`; [`NoticeStatus::Unknown`] for a meeting whose
/// procedure is unknown (imported without it).
pub fn meeting_notice_status(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    m: &Meeting,
    today: NaiveDate,
) -> NoticeStatus {
    if m.procedure_unknown {
        return NoticeStatus::Unknown;
    }
    notice_status(cal, t, m.date, m.notice_date, m.emergency, today)
}

/// R2.2: the notice status of a meeting on `today`.
pub fn notice_status(
    cal: &impl WorkCalendar,
    t: &Thresholds,
    meeting_date: NaiveDate,
    notice_date: Option<NaiveDate>,
    emergency: bool,
    today: NaiveDate,
) -> NoticeStatus {
    let deadline = notice_deadline(cal, t, meeting_date).date;
    match notice_date {
        _ if emergency => NoticeStatus::Emergency,
        Some(sent) if sent <= deadline => NoticeStatus::OnTime,
        Some(_) => NoticeStatus::Late,
        None if today <= deadline => NoticeStatus::NotYetSent,
        None => NoticeStatus::Missing,
    }
}

/// R3: how a unit was represented at a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceOutcome {
    /// The unit's leader attended.
    LeaderAttended,
    /// R3.2: leave asked of the chair in advance, a representative authorised.
    AuthorisedRepresentative,
    /// R3.1: absent without reason (无故缺会).
    Absent,
    /// R3.1: an unauthorised substitute (擅自替会).
    UnauthorisedSubstitute,
}

impl AttendanceOutcome {
    pub const ALL: [AttendanceOutcome; 4] = [
        AttendanceOutcome::LeaderAttended,
        AttendanceOutcome::AuthorisedRepresentative,
        AttendanceOutcome::Absent,
        AttendanceOutcome::UnauthorisedSubstitute,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AttendanceOutcome::LeaderAttended => "leader_attended",
            AttendanceOutcome::AuthorisedRepresentative => "authorised_representative",
            AttendanceOutcome::Absent => "absent",
            AttendanceOutcome::UnauthorisedSubstitute => "unauthorised_substitute",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// R3.1/R3.2: attending in person or by an authorised representative complies.
    pub fn complies(self) -> bool {
        matches!(
            self,
            AttendanceOutcome::LeaderAttended | AttendanceOutcome::AuthorisedRepresentative
        )
    }
}

/// One unit's attendance at one meeting (R2.3 confirmation before, R3 outcome after).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub meeting_id: i64,
    pub unit_id: i64,
    pub attendee: Option<String>,
    pub role: Option<String>,
    /// R2.3: the office confirmed the attendee before the meeting.
    pub confirmed: bool,
    /// `None` until recorded after the meeting.
    pub outcome: Option<AttendanceOutcome>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::{d, monfri};

    fn status(meeting: &str, notice: Option<&str>, emergency: bool, today: &str) -> NoticeStatus {
        notice_status(
            &monfri(),
            &Thresholds::default(),
            d(meeting),
            notice.map(d),
            emergency,
            d(today),
        )
    }

    #[test]
    fn r2_2_notice_one_working_day_before() {
        // Meeting Wednesday 2026-11-25: the notice must go out by Tuesday.
        assert_eq!(
            status("2026-11-25", Some("2026-11-24"), false, "2026-11-30"),
            NoticeStatus::OnTime
        );
        assert_eq!(
            status("2026-11-25", Some("2026-11-20"), false, "2026-11-30"),
            NoticeStatus::OnTime
        );
        assert_eq!(
            status("2026-11-25", Some("2026-11-25"), false, "2026-11-30"),
            NoticeStatus::Late
        );
        // Monday meeting: Friday's notice is in time, the weekend's is not.
        assert_eq!(
            status("2026-11-30", Some("2026-11-27"), false, "2026-12-01"),
            NoticeStatus::OnTime
        );
        assert_eq!(
            status("2026-11-30", Some("2026-11-28"), false, "2026-12-01"),
            NoticeStatus::Late
        );
    }

    #[test]
    fn r2_2_emergency_exempts_and_missing_notice_is_a_violation() {
        assert_eq!(
            status("2026-11-25", Some("2026-11-25"), true, "2026-11-30"),
            NoticeStatus::Emergency
        );
        assert_eq!(
            status("2026-11-25", None, true, "2026-11-30"),
            NoticeStatus::Emergency
        );
        assert_eq!(
            status("2026-11-25", None, false, "2026-11-24"),
            NoticeStatus::NotYetSent
        );
        assert_eq!(
            status("2026-11-25", None, false, "2026-11-25"),
            NoticeStatus::Missing
        );
        assert!(NoticeStatus::Missing.is_violation() && NoticeStatus::Late.is_violation());
        assert!(!NoticeStatus::Emergency.is_violation() && !NoticeStatus::OnTime.is_violation());
    }

    #[test]
    fn r2_2_notice_respects_holidays() {
        // With Monday 2026-11-23 a day off, a Tuesday meeting needs the notice by the Friday before.
        let mut cal = monfri();
        cal.off.push(d("2026-11-23"));
        let t = Thresholds::default();
        assert_eq!(
            notice_deadline(&cal, &t, d("2026-11-24")).date,
            d("2026-11-20")
        );
        let s = notice_status(
            &cal,
            &t,
            d("2026-11-24"),
            Some(d("2026-11-23")),
            false,
            d("2026-11-30"),
        );
        assert_eq!(s, NoticeStatus::Late);
    }

    #[test]
    fn r3_compliance_of_each_outcome() {
        use AttendanceOutcome::*;
        assert!(LeaderAttended.complies() && AuthorisedRepresentative.complies());
        assert!(!Absent.complies() && !UnauthorisedSubstitute.complies());
        for o in AttendanceOutcome::ALL {
            assert_eq!(AttendanceOutcome::from_code(o.code()), Some(o));
        }
    }
}
