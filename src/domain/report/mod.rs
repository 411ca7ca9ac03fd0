//! Reports for review meetings: the figures of R1–R5 over a period, as plain data. The store fills
//! them (`Store::report`); the reports screen, the presentation slides, `duban report` and the
//! report workbook all show this one value, so a figure can never differ between them.

mod class;
mod period;

use chrono::NaiveDate;
use serde::Serialize;

use super::Light;

pub use class::{FeedbackClass, MeetingClass, MinutesClass, TaskClass, TaskSlice};
pub use period::{Period, PeriodKind};

/// `part / whole`, or `None` when there is nothing to divide by.
pub fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// A count for one name (a chair, a month).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub name: String,
    pub count: i64,
}

/// R1.3: meetings and topics, per chair and per month.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeetingFigures {
    pub meetings: i64,
    pub topics: i64,
    /// Meetings per chair, most first.
    pub per_chair: Vec<ChairFigures>,
    /// Meetings per month of the period (every month, zero included), oldest first.
    pub per_month: Vec<Count>,
}

impl MeetingFigures {
    /// Topics per meeting (R1.3: related topics are merged).
    pub fn topics_per_meeting(&self) -> Option<f64> {
        rate(self.topics, self.meetings)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChairFigures {
    /// The chair's leader id (`None`: no chair recorded).
    pub chair_id: Option<i64>,
    pub chair: String,
    pub meetings: i64,
    pub topics: i64,
}

/// R2.2: written notices of the period's meetings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NoticeFigures {
    pub on_time: i64,
    pub late: i64,
    pub emergency: i64,
    /// Not sent and the deadline passed.
    pub missing: i64,
    /// Not sent yet, the deadline still ahead.
    pub not_yet: i64,
    /// Imported meetings whose procedure is unknown: not judged.
    pub unknown: i64,
}

/// R3: one unit's attendance at the period's meetings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AttendanceFigures {
    pub unit_id: i64,
    pub unit: String,
    pub leader_attended: i64,
    pub authorised_representative: i64,
    pub absent: i64,
    pub unauthorised_substitute: i64,
}

impl AttendanceFigures {
    pub fn recorded(&self) -> i64 {
        self.leader_attended
            + self.authorised_representative
            + self.absent
            + self.unauthorised_substitute
    }

    /// R3.1–R3.2: attended by the leader or an authorised representative.
    pub fn compliance(&self) -> Option<f64> {
        rate(
            self.leader_attended + self.authorised_representative,
            self.recorded(),
        )
    }
}

/// R4.4 and R4.3: minutes of the period's meetings, and the feedback rounds sent in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MinutesFigures {
    pub issued_on_time: i64,
    pub issued_late: i64,
    /// Not issued and past the limit.
    pub overdue: i64,
    /// Not issued, the limit still ahead.
    pub drafting: i64,
    /// Imported meetings whose procedure is unknown: not judged.
    pub unknown: i64,
    /// The late ones (issued late or overdue), oldest meeting first.
    pub late: Vec<LateMinutes>,
    pub feedback_on_time: i64,
    pub feedback_late: i64,
    pub feedback_deemed_consent: i64,
    pub feedback_waiting: i64,
}

impl MinutesFigures {
    /// Issued within the limit among the minutes whose limit has passed or that are issued.
    pub fn on_time_rate(&self) -> Option<f64> {
        rate(
            self.issued_on_time,
            self.issued_on_time + self.issued_late + self.overdue,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LateMinutes {
    pub meeting_id: i64,
    pub meeting_date: NaiveDate,
    pub topic: String,
    pub due: NaiveDate,
    /// `None`: not issued yet.
    pub issued_on: Option<NaiveDate>,
    /// Working days past the limit (on the issue date, or today when not issued).
    pub workdays_late: i64,
}

/// R5: one unit's tasks and accountability in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitFigures {
    pub unit_id: i64,
    pub unit: String,
    /// Tasks it leads whose limit falls in the period.
    pub due: i64,
    pub done_on_time: i64,
    pub done_late: i64,
    /// Due in the period, not done, the limit passed.
    pub open_overdue: i64,
    /// R5.2–R5.3: exempt tasks without a recent progress report (today).
    pub exempt_stale: i64,
    /// R5.5: written explanations submitted in the period.
    pub explanations: i64,
    /// R5.5: promised dates falling in the period (and passed) that were kept / missed.
    pub promises_kept: i64,
    pub promises_missed: i64,
    /// R5.6: criticisms dated in the period.
    pub criticisms: i64,
    /// R5.7: criticisms in the year up to today.
    pub criticisms_rolling_year: i64,
    /// R5.7: referral steps proposed in the period.
    pub referrals: i64,
    /// R5.7: due for referral today.
    pub referral_due: bool,
}

impl UnitFigures {
    /// Done on time among the tasks due in the period whose outcome is known (done, or overdue).
    pub fn on_time_rate(&self) -> Option<f64> {
        rate(
            self.done_on_time,
            self.done_on_time + self.done_late + self.open_overdue,
        )
    }

    /// Whether the unit has anything to show for the period.
    pub fn is_active(&self) -> bool {
        self.due
            + self.exempt_stale
            + self.explanations
            + self.promises_kept
            + self.promises_missed
            + self.criticisms
            + self.criticisms_rolling_year
            + self.referrals
            > 0
            || self.referral_due
    }
}

/// Every figure of a period, computed on `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    /// The day the figures were taken on (today).
    pub as_of: NaiveDate,
    pub meetings: MeetingFigures,
    pub notices: NoticeFigures,
    /// Units that had attendance recorded, in the units list's order.
    pub attendance: Vec<AttendanceFigures>,
    pub minutes: MinutesFigures,
    /// Units with something in the period, in the units list's order.
    pub units: Vec<UnitFigures>,
    /// The lights on `as_of` of the tasks decided at the period's meetings
    /// ([`TaskClass::Decided`]).
    pub lights: Vec<(Light, i64)>,
    /// Tasks open and past their limit at each month's end (see [`Period::month_end`]).
    pub overdue_trend: Vec<Count>,
}

impl Report {
    /// The units with an on-time rate, best first (ties by name): the bar chart's order.
    pub fn on_time_ranking(&self) -> Vec<(&UnitFigures, f64)> {
        let mut v: Vec<_> = self
            .units
            .iter()
            .filter_map(|u| u.on_time_rate().map(|r| (u, r)))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.unit.cmp(&b.0.unit)));
        v
    }

    /// The sums over all units.
    pub fn totals(&self) -> UnitFigures {
        let mut t = UnitFigures::default();
        for u in &self.units {
            t.due += u.due;
            t.done_on_time += u.done_on_time;
            t.done_late += u.done_late;
            t.open_overdue += u.open_overdue;
            t.exempt_stale += u.exempt_stale;
            t.explanations += u.explanations;
            t.promises_kept += u.promises_kept;
            t.promises_missed += u.promises_missed;
            t.criticisms += u.criticisms;
            t.criticisms_rolling_year += u.criticisms_rolling_year;
            t.referrals += u.referrals;
            t.referral_due |= u.referral_due;
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::d;

    #[test]
    fn r18_7_last_month_and_last_quarter_are_the_ones_before_today_s() {
        let today = d("2026-11-25");
        assert_eq!(
            PeriodKind::LastMonth.around(today),
            Period::new(d("2026-10-01"), d("2026-10-31")).unwrap()
        );
        assert_eq!(
            PeriodKind::LastQuarter.around(today),
            Period::new(d("2026-07-01"), d("2026-09-30")).unwrap()
        );
        // Across the turn of the year.
        assert_eq!(
            PeriodKind::LastMonth.around(d("2027-01-05")),
            Period::new(d("2026-12-01"), d("2026-12-31")).unwrap()
        );
        assert_eq!(
            PeriodKind::LastQuarter.around(d("2027-02-28")),
            Period::new(d("2026-10-01"), d("2026-12-31")).unwrap()
        );
        let mut k = PeriodKind::Month;
        let mut seen = vec![k];
        for _ in 0..4 {
            k = k.next();
            seen.push(k);
        }
        assert_eq!(seen, PeriodKind::ALL, "s walks every period once");
        assert_eq!(k.next(), PeriodKind::Month);
    }

    #[test]
    fn periods_around_a_day() {
        let today = d("2026-11-25");
        assert_eq!(
            PeriodKind::Month.around(today),
            Period::new(d("2026-11-01"), d("2026-11-30")).unwrap()
        );
        assert_eq!(
            PeriodKind::Quarter.around(today),
            Period::new(d("2026-10-01"), d("2026-12-31")).unwrap()
        );
        assert_eq!(
            PeriodKind::Year.around(today),
            Period::new(d("2026-01-01"), d("2026-12-31")).unwrap()
        );
        assert_eq!(
            PeriodKind::Month.around(d("2028-02-10")).to,
            d("2028-02-29"),
            "a leap February"
        );
        assert_eq!(
            PeriodKind::Quarter.around(d("2026-03-31")).from,
            d("2026-01-01")
        );
    }

    #[test]
    fn a_backwards_period_is_refused() {
        assert!(Period::new(d("2026-02-01"), d("2026-01-31")).is_none());
        assert!(Period::new(d("2026-02-01"), d("2026-02-01")).is_some());
    }

    #[test]
    fn months_and_their_ends() {
        let p = Period::new(d("2025-11-15"), d("2026-02-10")).unwrap();
        assert_eq!(
            p.months(),
            vec![(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
        );
        let today = d("2026-01-20");
        assert_eq!(p.month_end((2025, 12), today), Some(d("2025-12-31")));
        assert_eq!(
            p.month_end((2026, 1), today),
            Some(d("2026-01-20")),
            "running month"
        );
        assert_eq!(p.month_end((2026, 2), today), None, "a month not begun");
        let p = Period::new(d("2026-01-01"), d("2026-01-10")).unwrap();
        assert_eq!(
            p.month_end((2026, 1), d("2026-11-25")),
            Some(d("2026-01-10"))
        );
    }

    #[test]
    fn rates_need_a_whole() {
        assert_eq!(rate(1, 0), None);
        assert_eq!(rate(1, 4), Some(0.25));
        let u = UnitFigures {
            done_on_time: 3,
            done_late: 1,
            open_overdue: 2,
            ..UnitFigures::default()
        };
        assert_eq!(u.on_time_rate(), Some(0.5));
        assert_eq!(UnitFigures::default().on_time_rate(), None);
    }

    #[test]
    fn ranking_is_best_first_then_by_name() {
        let unit = |name: &str, on_time, late| UnitFigures {
            unit: name.into(),
            done_on_time: on_time,
            done_late: late,
            ..UnitFigures::default()
        };
        let report = Report {
            period: PeriodKind::Year.around(d("2026-11-25")),
            as_of: d("2026-11-25"),
            meetings: MeetingFigures::default(),
            notices: NoticeFigures::default(),
            attendance: Vec::new(),
            minutes: MinutesFigures::default(),
            units: vec![
                unit("乙", 1, 1),
                unit("甲", 1, 1),
                unit("丙", 2, 0),
                unit("丁", 0, 0),
            ],
            lights: Vec::new(),
            overdue_trend: Vec::new(),
        };
        let names: Vec<&str> = report
            .on_time_ranking()
            .iter()
            .map(|(u, _)| u.unit.as_str())
            .collect();
        assert_eq!(names, ["丙", "乙", "甲"], "丁 has no rate");
        assert_eq!(report.totals().done_on_time, 4);
    }
}
