//! Notified criticism (通报批评, R5.6) and referral to the supervision bureau (移送监察追责, R5.7).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A notified criticism of a unit, covering one or more tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criticism {
    pub id: i64,
    pub unit_id: i64,
    pub date: NaiveDate,
    /// The notice's document number, e.g. `永考绩办〔2026〕3号`.
    pub doc_no: Option<String>,
    pub reason: Option<String>,
    pub task_ids: Vec<i64>,
    pub version: i64,
}

/// R5.7: proposed → approved by the county government → referred → concluded; or not referred.
/// Each step keeps what it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: i64,
    pub unit_id: i64,
    pub proposed_on: NaiveDate,
    /// Why it is proposed (optional).
    #[serde(default)]
    pub proposal_reason: Option<String>,
    pub approved_on: Option<NaiveDate>,
    /// The county government's approval: its document number or opinion.
    #[serde(default)]
    pub approval: Option<String>,
    pub referred_on: Option<NaiveDate>,
    /// The referral decision (e.g. the letter's number).
    #[serde(default)]
    pub decision: Option<String>,
    pub concluded_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    /// Decided not to refer, with the reason.
    pub not_referred_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    Proposed,
    Approved,
    Referred,
    Concluded,
    NotReferred,
}

impl ReferralStatus {
    pub fn code(self) -> &'static str {
        match self {
            ReferralStatus::Proposed => "proposed",
            ReferralStatus::Approved => "approved",
            ReferralStatus::Referred => "referred",
            ReferralStatus::Concluded => "concluded",
            ReferralStatus::NotReferred => "not_referred",
        }
    }
}

impl Referral {
    /// Still in progress: neither concluded nor decided against (R5.7 allows one at a time).
    pub fn is_open(&self) -> bool {
        !matches!(
            self.status(),
            ReferralStatus::Concluded | ReferralStatus::NotReferred
        )
    }

    pub fn status(&self) -> ReferralStatus {
        if self.not_referred_on.is_some() {
            ReferralStatus::NotReferred
        } else if self.concluded_on.is_some() {
            ReferralStatus::Concluded
        } else if self.referred_on.is_some() {
            ReferralStatus::Referred
        } else if self.approved_on.is_some() {
            ReferralStatus::Approved
        } else {
            ReferralStatus::Proposed
        }
    }

    /// The day a decision was recorded (referred, or not referred with a reason).
    pub fn decided_on(&self) -> Option<NaiveDate> {
        self.referred_on.or(self.not_referred_on)
    }
}

/// The same date one year later; 29 February goes to 28 February.
pub fn one_year_after(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(Months::new(12)).unwrap_or(d)
}

/// The same date one year earlier; 29 February goes to 28 February.
pub fn one_year_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_months(Months::new(12)).unwrap_or(d)
}

/// R5.7: two criticisms are within one year when the later falls on or before the same date one
/// year after the earlier.
pub fn within_one_year(a: NaiveDate, b: NaiveDate) -> bool {
    let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
    later <= one_year_after(earlier)
}

/// A unit's criticism figures on `today` (rules.md, last section).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct UnitCriticisms {
    /// Dated after the same date one year before `today`, up to `today`.
    pub rolling_year: usize,
    /// Dated in `today`'s calendar year, up to `today`.
    pub calendar_year: usize,
    /// R5.7: referral due.
    pub referral_due: bool,
    /// R5.7: the last referral decision on or before `today` (referred, or not referred with a
    /// reason): the criticisms dated on or before it are settled.
    #[serde(skip)]
    pub settled_on: Option<NaiveDate>,
    /// The criticisms dated after that decision, up to `today`.
    #[serde(skip)]
    pub since_settled: usize,
}

/// R5.7: counts and "referral due" for one unit. The second of two criticisms within one year makes
/// the unit referral-due, and it stays due until a referral decision is recorded (referred, or not
/// referred with a reason), however much time passes. A decision settles the criticisms dated on or
/// before it (neither of a new pair may be one of those); a later pair within one year makes the unit
/// due again.
pub fn unit_criticisms(
    criticism_dates: &[NaiveDate],
    referrals: &[Referral],
    today: NaiveDate,
) -> UnitCriticisms {
    let mut dates: Vec<NaiveDate> = criticism_dates
        .iter()
        .copied()
        .filter(|d| *d <= today)
        .collect();
    dates.sort_unstable();
    let year_ago = one_year_before(today);
    let settled_until = referrals
        .iter()
        .filter_map(|r| r.decided_on())
        .filter(|d| *d <= today)
        .max();
    let referral_due = dates
        .windows(2)
        .any(|w| within_one_year(w[0], w[1]) && settled_until.is_none_or(|s| w[0] > s));
    UnitCriticisms {
        rolling_year: dates.iter().filter(|d| **d > year_ago).count(),
        calendar_year: dates.iter().filter(|d| d.year() == today.year()).count(),
        referral_due,
        settled_on: settled_until,
        since_settled: settled_until
            .map_or(dates.len(), |s| dates.iter().filter(|d| **d > s).count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::d;

    fn dates(s: &[&str]) -> Vec<NaiveDate> {
        s.iter().map(|x| d(x)).collect()
    }

    fn referral(referred: Option<&str>, not_referred: Option<&str>) -> Referral {
        Referral {
            id: 1,
            unit_id: 1,
            proposed_on: d("2026-01-01"),
            proposal_reason: None,
            approved_on: None,
            approval: None,
            referred_on: referred.map(d),
            decision: None,
            concluded_on: None,
            outcome: None,
            not_referred_on: not_referred.map(d),
            reason: not_referred.map(|_| "已整改".to_string()),
            version: 1,
        }
    }

    #[test]
    fn r5_7_within_one_year_boundary() {
        assert!(within_one_year(d("2025-03-10"), d("2026-03-10")));
        assert!(!within_one_year(d("2025-03-10"), d("2026-03-11")));
        // 29 February → 28 February.
        assert!(within_one_year(d("2024-02-29"), d("2025-02-28")));
        assert!(!within_one_year(d("2024-02-29"), d("2025-03-01")));
        assert!(
            within_one_year(d("2026-03-10"), d("2025-03-10")),
            "order does not matter"
        );
    }

    #[test]
    fn r5_7_two_criticisms_within_a_year_make_referral_due() {
        let today = d("2026-11-25");
        let c = unit_criticisms(&dates(&["2026-02-10", "2026-09-01"]), &[], today);
        assert!(c.referral_due);
        let apart = unit_criticisms(&dates(&["2025-02-10", "2026-02-11"]), &[], today);
        assert!(!apart.referral_due);
        let one = unit_criticisms(&dates(&["2026-09-01"]), &[], today);
        assert!(!one.referral_due);
    }

    #[test]
    fn r5_7_referral_due_stays_until_a_decision() {
        let crit = dates(&["2024-01-10", "2024-06-01"]);
        // Years later, no decision recorded: still due, though neither is in the rolling year.
        let c = unit_criticisms(&crit, &[], d("2026-11-25"));
        assert!(c.referral_due);
        assert_eq!(c.rolling_year, 0);
        // A proposal or approval is not a decision.
        let mut proposed = referral(None, None);
        proposed.approved_on = Some(d("2024-07-01"));
        assert!(unit_criticisms(&crit, &[proposed], d("2026-11-25")).referral_due);
        // Referred, or not referred with a reason: settled.
        assert!(
            !unit_criticisms(
                &crit,
                &[referral(Some("2024-07-10"), None)],
                d("2026-11-25")
            )
            .referral_due
        );
        assert!(
            !unit_criticisms(
                &crit,
                &[referral(None, Some("2024-07-10"))],
                d("2026-11-25")
            )
            .referral_due
        );
        // One new criticism after the decision does not pair with a settled one...
        let one_more = dates(&["2024-01-10", "2024-06-01", "2025-03-01"]);
        let decided = [referral(Some("2024-07-10"), None)];
        assert!(!unit_criticisms(&one_more, &decided, d("2026-11-25")).referral_due);
        // ...but two new ones within a year of each other make the unit due again.
        let two_more = dates(&["2024-01-10", "2024-06-01", "2025-03-01", "2025-09-01"]);
        assert!(unit_criticisms(&two_more, &decided, d("2026-11-25")).referral_due);
    }

    #[test]
    fn r5_6_criticism_counts_rolling_and_calendar_year() {
        let crit = dates(&[
            "2025-11-25",
            "2025-11-26",
            "2026-01-05",
            "2026-11-20",
            "2026-12-01",
        ]);
        let c = unit_criticisms(&crit, &[], d("2026-11-25"));
        // After 2025-11-25 up to today: 11-26, 01-05, 11-20 (12-01 is in the future).
        assert_eq!(c.rolling_year, 3);
        assert_eq!(c.calendar_year, 2);
    }

    #[test]
    fn r5_7_referral_status_progression() {
        let mut r = referral(None, None);
        assert_eq!(r.status(), ReferralStatus::Proposed);
        r.approved_on = Some(d("2026-02-01"));
        assert_eq!(r.status(), ReferralStatus::Approved);
        r.referred_on = Some(d("2026-02-05"));
        assert_eq!(r.status(), ReferralStatus::Referred);
        r.concluded_on = Some(d("2026-04-01"));
        assert_eq!(r.status(), ReferralStatus::Concluded);
        assert_eq!(
            referral(None, Some("2026-02-01")).status(),
            ReferralStatus::NotReferred
        );
    }
}
