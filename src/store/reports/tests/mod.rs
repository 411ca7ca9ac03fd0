//! Reports against a hand-made county with known answers. Dates come from the real calendar:
//! October 2026 has the National Day holiday (1–7 October) and a make-up working Saturday
//! (10 October), and both move the answers.

use crate::domain::testcal::d;
use crate::domain::{Limit, Period};
use crate::store::TaskFilter;

mod fixture;
use fixture::*;

#[test]
fn r1_3_meetings_per_chair_and_month() {
    let c = county();
    let r = c.store.report(october(), today()).unwrap();
    assert_eq!((r.meetings.meetings, r.meetings.topics), (4, 7));
    let chairs: Vec<(&str, i64, i64)> = r
        .meetings
        .per_chair
        .iter()
        .map(|c| (c.chair.as_str(), c.meetings, c.topics))
        .collect();
    assert_eq!(chairs, [("甲副县长", 2, 3), ("乙副县长", 1, 3), ("", 1, 1)]);
    assert_eq!(r.meetings.per_month.len(), 1);
    assert_eq!(
        (
            r.meetings.per_month[0].name.as_str(),
            r.meetings.per_month[0].count
        ),
        ("2026-10", 4)
    );
    assert_eq!(r.meetings.topics_per_meeting(), Some(7.0 / 4.0));
}

#[test]
fn r2_2_notices_on_time_late_emergency_missing() {
    let r = county().store.report(october(), today()).unwrap();
    let n = r.notices;
    assert_eq!(
        (n.on_time, n.late, n.emergency, n.missing, n.not_yet),
        (1, 1, 1, 1, 0)
    );
}

#[test]
fn r3_attendance_per_unit_in_the_period_only() {
    let r = county().store.report(october(), today()).unwrap();
    let rows: Vec<(&str, i64, i64, i64, i64)> = r
        .attendance
        .iter()
        .map(|a| {
            (
                a.unit.as_str(),
                a.leader_attended,
                a.authorised_representative,
                a.absent,
                a.unauthorised_substitute,
            )
        })
        .collect();
    // The September absence is outside the period.
    assert_eq!(rows, [(SHANG, 1, 0, 1, 0), (CAI, 0, 0, 0, 1)]);
    assert_eq!(r.attendance[0].compliance(), Some(0.5));
}

#[test]
fn r4_minutes_on_time_late_overdue_and_feedback() {
    let c = county();
    let r = c.store.report(october(), today()).unwrap();
    let m = &r.minutes;
    assert_eq!(
        (m.issued_on_time, m.issued_late, m.overdue, m.drafting),
        (1, 1, 2, 0)
    );
    assert_eq!(m.on_time_rate(), Some(0.25));
    let late: Vec<i64> = m.late.iter().map(|l| l.meeting_id).collect();
    assert_eq!(late, [c.m2, c.m4, c.m5]);
    // 10 working days after 9 October count the make-up Saturday the 10th: due the 22nd.
    assert_eq!(m.late[0].due, d("2026-10-22"));
    assert_eq!(
        (m.late[0].issued_on, m.late[0].workdays_late),
        (Some(d("2026-10-23")), 1)
    );
    assert_eq!(m.late[1].issued_on, None);
    assert_eq!(
        (
            m.feedback_on_time,
            m.feedback_late,
            m.feedback_deemed_consent,
            m.feedback_waiting
        ),
        (1, 1, 1, 0)
    );
}

#[test]
fn r5_unit_figures_with_explanations_promises_and_criticisms() {
    let r = county().store.report(october(), today()).unwrap();
    let shang = r.units.iter().find(|u| u.unit == SHANG).unwrap();
    assert_eq!(
        (
            shang.due,
            shang.done_on_time,
            shang.done_late,
            shang.open_overdue
        ),
        (4, 1, 2, 1)
    );
    assert_eq!(shang.on_time_rate(), Some(0.25));
    assert_eq!(shang.exempt_stale, 1, "土地报批: no report for 33 days");
    assert_eq!(
        (
            shang.explanations,
            shang.promises_kept,
            shang.promises_missed
        ),
        (2, 1, 1)
    );
    assert_eq!((shang.criticisms, shang.criticisms_rolling_year), (1, 2));
    assert_eq!((shang.referrals, shang.referral_due), (1, true));
    let cai = r.units.iter().find(|u| u.unit == CAI).unwrap();
    assert_eq!((cai.due, cai.done_on_time, cai.exempt_stale), (1, 1, 0));
    assert_eq!(cai.on_time_rate(), Some(1.0));
    // The stale exempt tasks are exactly the exempt tasks the domain lights yellow today.
    let all = county()
        .store
        .tasks(&TaskFilter::default(), today())
        .unwrap();
    let yellow_exempt = all
        .iter()
        .filter(|t| matches!(t.limit, Limit::Exempt(_)) && t.light == crate::domain::Light::Yellow)
        .count() as i64;
    assert_eq!(r.totals().exempt_stale, yellow_exempt);
    let ranking: Vec<&str> = r
        .on_time_ranking()
        .iter()
        .map(|(u, _)| u.unit.as_str())
        .collect();
    assert_eq!(ranking, [CAI, SHANG]);
}

#[test]
fn the_overdue_trend_counts_open_tasks_past_their_limit_at_each_month_end() {
    let c = county();
    let p = Period::new(d("2026-09-01"), d("2026-11-30")).unwrap();
    let r = c.store.report(p, today()).unwrap();
    let trend: Vec<(&str, i64)> = r
        .overdue_trend
        .iter()
        .map(|m| (m.name.as_str(), m.count))
        .collect();
    // 30 Sep: none due yet. 31 Oct: 逾期未办. 25 Nov (today): also 十一月到期 (due the 20th).
    assert_eq!(trend, [("2026-09", 0), ("2026-10", 1), ("2026-11", 2)]);
}

#[test]
fn an_earlier_today_sees_less() {
    // On 20 October: 逾期未办 is overdue (limit the 19th), the promise of 承诺兑现 not yet made.
    let c = county();
    let r = c.store.report(october(), d("2026-10-20")).unwrap();
    let shang = r.units.iter().find(|u| u.unit == SHANG).unwrap();
    assert_eq!(
        (shang.done_on_time, shang.done_late, shang.open_overdue),
        (1, 1, 1)
    );
    assert_eq!(
        (shang.explanations, shang.promises_missed, shang.criticisms),
        (0, 0, 0)
    );
    assert_eq!(
        r.minutes.issued_late, 0,
        "M2's minutes are not issued yet on the 20th"
    );
}

mod lists;
