//! Reports against a hand-made county with known answers. Dates come from the real calendar:
//! October 2026 has the National Day holiday (1–7 October) and a make-up working Saturday
//! (10 October), and both move the answers.

use chrono::NaiveDate;

use crate::domain::testcal::d;
use crate::domain::{AttendanceOutcome, LeaderTitle, Limit, Period, Thresholds, UnitKind};
use crate::store::{
    FeedbackAnswer, NewCriticism, NewMeeting, NewTask, NewUnit, ReferralStep, Store, TaskFilter,
};

const TODAY: &str = "2026-11-25";
pub(super) const SHANG: &str = "上塘镇";
const CAI: &str = "县财政局";

pub(super) fn october() -> Period {
    Period::new(d("2026-10-01"), d("2026-10-31")).unwrap()
}

fn meeting(
    s: &mut Store,
    date: &str,
    chair: Option<&str>,
    topics: &[&str],
    notice: Option<&str>,
    emergency: bool,
    units: &[&str],
) -> i64 {
    s.add_meeting(NewMeeting {
        topics: topics.iter().map(|t| t.to_string()).collect(),
        chair: chair.map(str::to_string),
        date: Some(d(date)),
        notice_date: notice.map(d),
        emergency,
        units: units.iter().map(|u| u.to_string()).collect(),
        ..NewMeeting::default()
    })
    .unwrap()
}

fn task(s: &mut Store, meeting: i64, unit: &str, text: &str, limit: Limit) -> i64 {
    s.add_task(NewTask {
        meeting_id: meeting,
        text: text.into(),
        lead_unit: unit.into(),
        co_units: Vec::new(),
        leader: None,
        limit,
    })
    .unwrap()
}

fn issue(s: &mut Store, meeting: i64, issued: &str, feedback_sent: Option<&str>) {
    s.update_minutes(meeting, None, |m| {
        m.issued_on = Some(d(issued));
        m.feedback_sent_on = feedback_sent.map(d);
    })
    .unwrap();
}

/// The county: five meetings (one in September), nine tasks, attendance, feedback, two
/// criticisms and a proposed referral.
pub(super) struct County {
    pub(super) store: Store,
    pub(super) m2: i64,
    pub(super) m3: i64,
    pub(super) m4: i64,
    pub(super) m5: i64,
    pub(super) t3: i64,
}

pub(super) fn county() -> County {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    s.fix_audit_clock("test", "2026-11-25T09:00:00+08:00");
    for (name, kind) in [(SHANG, UnitKind::Township), (CAI, UnitKind::Department)] {
        s.add_unit(NewUnit {
            name: name.into(),
            kind,
            main_leader: None,
            contact: None,
        })
        .unwrap();
    }
    s.add_leader("甲副县长", LeaderTitle::DeputyHead, None)
        .unwrap();
    s.add_leader("乙副县长", LeaderTitle::DeputyHead, None)
        .unwrap();
    let both = [SHANG, CAI];
    let m1 = meeting(
        &mut s,
        "2026-09-28",
        Some("甲副县长"),
        &["九月议题"],
        Some("2026-09-25"),
        false,
        &both,
    );
    // Notice on time; minutes due 22 October (the make-up Saturday counts), issued the 23rd: late.
    let m2 = meeting(
        &mut s,
        "2026-10-09",
        Some("甲副县长"),
        &["供水", "排涝"],
        Some("2026-09-30"),
        false,
        &both,
    );
    // Notice the same day: late (due the 19th). Minutes on time.
    let m3 = meeting(
        &mut s,
        "2026-10-20",
        Some("甲副县长"),
        &["招商"],
        Some("2026-10-20"),
        false,
        &[SHANG],
    );
    // An emergency without notice; minutes never issued: overdue.
    let m4 = meeting(
        &mut s,
        "2026-10-28",
        Some("乙副县长"),
        &["防汛", "抢险", "转移"],
        None,
        true,
        &both,
    );
    // No chair, no notice: missing; minutes overdue.
    let m5 = meeting(&mut s, "2026-10-30", None, &["杂项"], None, false, &[SHANG]);
    issue(&mut s, m1, "2026-09-29", None);
    issue(&mut s, m2, "2026-10-23", Some("2026-10-12"));
    issue(&mut s, m3, "2026-10-26", Some("2026-10-21"));

    use AttendanceOutcome::*;
    for (m, unit, outcome) in [
        (m1, SHANG, Absent),
        (m2, SHANG, LeaderAttended),
        (m2, CAI, UnauthorisedSubstitute),
        (m3, SHANG, Absent),
    ] {
        s.record_attendance(
            m,
            unit,
            outcome,
            None,
            None,
            crate::domain::testcal::d("2099-12-31"),
        )
        .unwrap();
    }
    // M2's round: deadline 14 October. 上塘镇 answers the 13th, 县财政局 never (deemed consent).
    // M3's round: deadline 23 October; 上塘镇 answers the 26th (late).
    let answer = |on: &str| FeedbackAnswer {
        received_on: Some(d(on)),
        opinion: Some("同意".into()),
        ..FeedbackAnswer::default()
    };
    s.record_feedback(m2, SHANG, answer("2026-10-13")).unwrap();
    s.record_feedback(m3, SHANG, answer("2026-10-26")).unwrap();

    let date = |x: &str| Limit::Date(d(x));
    let t1 = task(&mut s, m1, SHANG, "按时办结", date("2026-10-15"));
    let t2 = task(&mut s, m1, SHANG, "逾期办结", date("2026-10-16"));
    let t3 = task(&mut s, m1, SHANG, "逾期未办", date("2026-10-19"));
    let t4 = task(&mut s, m1, SHANG, "承诺兑现", date("2026-10-22"));
    let _t5 = task(&mut s, m1, SHANG, "十一月到期", date("2026-11-20"));
    let t6 = task(&mut s, m1, CAI, "财政按时", date("2026-10-30"));
    let _t7 = task(
        &mut s,
        m2,
        SHANG,
        "土地报批",
        Limit::Exempt(crate::domain::ExemptCategory::Land),
    );
    let t8 = task(
        &mut s,
        m2,
        CAI,
        "经费保障",
        Limit::Exempt(crate::domain::ExemptCategory::Funding),
    );
    let _t9 = task(&mut s, m4, SHANG, "待纪要", Limit::Default);
    s.complete_task(t1, d("2026-10-14"), None, None).unwrap();
    s.complete_task(t2, d("2026-10-20"), None, None).unwrap();
    s.add_explanation(t3, d("2026-10-21"), d("2026-10-28"), None)
        .unwrap();
    s.add_explanation(t4, d("2026-10-23"), d("2026-10-27"), None)
        .unwrap();
    s.complete_task(t4, d("2026-10-27"), None, None).unwrap();
    s.complete_task(t6, d("2026-10-29"), None, None).unwrap();
    s.add_progress(t8, d("2026-11-20"), "资金已拨付").unwrap();
    let criticise = |s: &mut Store, date: &str, tasks: Vec<i64>| {
        s.add_criticism(NewCriticism {
            unit: SHANG.into(),
            date: d(date),
            doc_no: Some(format!("县考绩办〔2026〕{}号", &date[5..7])),
            reason: Some("逾期".into()),
            task_ids: tasks,
            force: false,
        })
        .unwrap();
    };
    // R5.6: a task of February whose promise was missed, criticised in March, done since.
    let feb = meeting(
        &mut s,
        "2026-02-02",
        None,
        &["春耕备耕"],
        None,
        false,
        &[SHANG],
    );
    let t0 = task(&mut s, feb, SHANG, "春耕物资", date("2026-02-20"));
    s.add_explanation(t0, d("2026-02-24"), d("2026-03-03"), None)
        .unwrap();
    criticise(&mut s, "2026-03-10", vec![t0]);
    s.complete_task(t0, d("2026-03-20"), None, None).unwrap();
    criticise(&mut s, "2026-10-29", vec![t3]);
    s.referral_step(ReferralStep::Propose {
        unit: SHANG.into(),
        date: d("2026-10-30"),
        reason: None,
    })
    .unwrap();
    County {
        store: s,
        m2,
        m3,
        m4,
        m5,
        t3,
    }
}

pub(super) fn today() -> NaiveDate {
    d(TODAY)
}

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
