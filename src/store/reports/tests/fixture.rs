//! The hand-made county the report tests count: units, leaders, meetings in October 2026 with
//! their notices, attendance, minutes and feedback, tasks with limits, explanations, promises,
//! criticisms and a referral, each with a known answer.

use chrono::NaiveDate;

use crate::domain::testcal::d;
use crate::domain::{AttendanceOutcome, LeaderTitle, Limit, Period, Thresholds, UnitKind};
use crate::store::{
    FeedbackAnswer, NewCriticism, NewMeeting, NewTask, NewUnit, ReferralStep, Store,
};

pub(super) const TODAY: &str = "2026-11-25";
pub(super) const SHANG: &str = "上塘镇";
pub(super) const CAI: &str = "县财政局";

pub(super) fn october() -> Period {
    Period::new(d("2026-10-01"), d("2026-10-31")).unwrap()
}

pub(super) fn meeting(
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

pub(super) fn task(s: &mut Store, meeting: i64, unit: &str, text: &str, limit: Limit) -> i64 {
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

pub(super) fn issue(s: &mut Store, meeting: i64, issued: &str, feedback_sent: Option<&str>) {
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
