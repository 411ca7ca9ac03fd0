//! Time runs one way: every record kind is refused when dated before what it follows (or after
//! what it must precede), by the store, whatever interface asks; nothing is written. Issuing the
//! minutes with the feedback round open or before sign-off needs the user's confirmation (R4.4),
//! and the feedback forms are not archived while answers are awaited (R4.5).

use super::*;
use crate::domain::minutes::IssueOpen;
use crate::domain::{Minutes, OutOfOrder, When};

/// The refusal: which date fell on the wrong side of which.
fn refused(r: Result<impl std::fmt::Debug>) -> OutOfOrder {
    match r {
        Err(StoreError::Invalid(Invalid::OutOfOrder(o))) => o,
        other => panic!("expected a date out of order, got {other:?}"),
    }
}

/// The meeting of [`county`] is on 2026-11-02; one task with an explicit limit.
fn setup() -> (tempfile::TempDir, Store, i64, i64) {
    let (dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Date(d("2026-11-30")));
    (dir, s, m, t)
}

#[test]
fn r5_1_a_limit_before_the_meeting_is_refused_on_add_edit_and_batch() {
    let (_dir, mut s, m, t) = setup();
    let before = audit_count(&s);
    let new = |limit| NewTask {
        meeting_id: m,
        text: "完成清淤".into(),
        lead_unit: "上塘镇".into(),
        co_units: vec![],
        leader: None,
        limit,
    };
    let o = refused(s.add_task(new(Limit::Date(d("2026-11-01")))));
    assert_eq!(
        (o.what, o.date, o.other, o.other_date),
        (When::Limit, d("2026-11-01"), When::Meeting, d("2026-11-02"))
    );
    let e = s
        .add_tasks(vec![new(Limit::Default), new(Limit::Date(d("2026-10-01")))])
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid(Invalid::Line { line: 2, error })
            if matches!(**error, StoreError::Invalid(Invalid::OutOfOrder(_)))),
        "{e:?}"
    );
    refused(s.update_task(t, 1, new(Limit::Date(d("2026-10-30")))));
    assert_eq!(audit_count(&s), before, "nothing written");
    // The meeting's own day is fine.
    s.add_task(new(Limit::Date(d("2026-11-02")))).unwrap();
}

#[test]
fn r5_3_progress_not_before_the_meeting_nor_after_completion() {
    let (_dir, mut s, _m, t) = setup();
    let o = refused(s.add_progress(t, d("2026-11-01"), "进展"));
    assert_eq!((o.what, o.other), (When::Progress, When::Meeting));
    s.add_progress(t, d("2026-11-05"), "进展").unwrap();
    s.complete_task(t, d("2026-11-10"), None, None).unwrap();
    // A report received before the completion may still be entered; none after it.
    s.add_progress(t, d("2026-11-09"), "补录进展").unwrap();
    let o = refused(s.add_progress(t, d("2026-11-11"), "办结后"));
    assert_eq!(
        (o.what, o.after, o.other, o.other_date),
        (When::Progress, true, When::Completion, d("2026-11-10"))
    );
    let detail = s.task_detail(t, d("2026-11-25")).unwrap();
    assert_eq!(detail.progress.len(), 2);
}

#[test]
fn completion_not_before_the_meeting_nor_a_progress_report() {
    let (_dir, mut s, _m, t) = setup();
    let o = refused(s.complete_task(t, d("2026-11-01"), None, None));
    assert_eq!((o.what, o.other), (When::Completion, When::Meeting));
    s.add_progress(t, d("2026-11-06"), "进展").unwrap();
    let o = refused(s.complete_task(t, d("2026-11-05"), None, None));
    assert_eq!(
        (o.what, o.other, o.other_date),
        (When::Completion, When::Progress, d("2026-11-06"))
    );
    assert!(s.task(t).unwrap().completed_on.is_none());
}

#[test]
fn r5_5_explanation_after_the_meeting_and_its_promise_after_it() {
    let (_dir, mut s, m, _t) = setup();
    let late = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let o = refused(s.add_explanation(late, d("2026-11-20"), d("2026-11-19"), None));
    assert_eq!(
        (o.what, o.other, o.other_date),
        (When::Promise, When::Explanation, d("2026-11-20"))
    );
    s.add_explanation(late, d("2026-11-20"), d("2026-11-27"), None)
        .unwrap();
    // Done only after the explanation was written.
    let o = refused(s.complete_task(late, d("2026-11-19"), None, None));
    assert_eq!((o.what, o.other), (When::Completion, When::Explanation));
}

#[test]
fn r3_attendance_is_recorded_only_once_the_meeting_is_held() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let future = s
        .add_meeting(NewMeeting {
            topics: vec!["森林防火".into()],
            date: Some(d("2026-12-03")),
            units: vec!["上塘镇".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    let before = audit_count(&s);
    let o = refused(s.record_attendance(
        future,
        "上塘镇",
        AttendanceOutcome::Absent,
        None,
        None,
        d("2026-11-25"),
    ));
    assert_eq!(
        (o.what, o.date, o.other_date),
        (When::Attendance, d("2026-11-25"), d("2026-12-03"))
    );
    assert_eq!(audit_count(&s), before);
    s.record_attendance(
        future,
        "上塘镇",
        AttendanceOutcome::Absent,
        None,
        None,
        d("2026-12-03"),
    )
    .unwrap();
}

#[test]
fn r4_minutes_dates_follow_the_meeting_and_answers_follow_the_form() {
    let (_dir, mut s, m, _t) = setup();
    for edit in [
        (|x: &mut Minutes| x.reviewed_on = Some(d("2026-11-01"))) as fn(&mut Minutes),
        |x| x.feedback_sent_on = Some(d("2026-11-01")),
        |x| x.signed_on = Some(d("2026-11-01")),
        |x| x.issued_on = Some(d("2026-11-01")),
    ] {
        let o = refused(s.update_minutes(m, None, edit));
        assert_eq!((o.other, o.other_date), (When::Meeting, d("2026-11-02")));
    }
    s.update_minutes(m, None, |x| x.feedback_sent_on = Some(d("2026-11-04")))
        .unwrap();
    let answer = FeedbackAnswer {
        received_on: Some(d("2026-11-03")),
        ..FeedbackAnswer::default()
    };
    let o = refused(s.record_feedback(m, "上塘镇", answer));
    assert_eq!((o.what, o.other), (When::Feedback, When::FeedbackSent));
}

#[test]
fn moving_a_meeting_after_its_tasks_records_is_refused() {
    let (_dir, mut s, m, t) = setup();
    s.update_minutes(m, None, |x| x.issued_on = None).unwrap();
    s.add_progress(t, d("2026-11-05"), "进展").unwrap();
    let plan = NewMeeting {
        topics: vec!["瓯江引水".into()],
        date: Some(d("2026-11-06")),
        units: vec!["上塘镇".into(), "县财政局".into()],
        ..NewMeeting::default()
    };
    let version = s.meeting(m).unwrap().version;
    let o = refused(s.update_meeting(m, version, plan, TODAY_FOR_EDITS));
    assert_eq!((o.what, o.other), (When::Progress, When::Meeting));
}

#[test]
fn r5_7_a_referral_step_not_before_the_proposal() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    for on in ["2026-03-02", "2026-09-01"] {
        let t = missed_promise(&mut s, on);
        criticise(&mut s, on, vec![t]).unwrap();
    }
    let id = s
        .referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-11-20"),
            reason: None,
        })
        .unwrap();
    let before = audit_count(&s);
    let o = refused(s.referral_step(ReferralStep::Approve {
        id,
        date: d("2026-11-19"),
        approval: "县政府同意".into(),
    }));
    assert_eq!(
        (o.what, o.other),
        (When::ReferralStep, When::ReferralProposed)
    );
    assert_eq!(audit_count(&s), before);
    assert_eq!(s.referral(id).unwrap().approval, None);
}

#[test]
fn r5_6_a_waiver_not_before_the_meeting_nor_the_promise_it_answers() {
    // The meeting on 2026-11-02, the limit 11-10, explained on 11-12 with a promise of 11-20.
    let (_dir, mut s, _m, t) = {
        let (dir, mut s) = fresh();
        let m = county(&mut s);
        let t = task(&mut s, m, Limit::Date(d("2026-11-10")));
        s.add_explanation(
            t,
            d("2026-11-12"),
            d("2026-11-20"),
            Some("资金未到位".into()),
        )
        .unwrap();
        (dir, s, m, t)
    };
    let before = audit_count(&s);
    let o = refused(s.add_waiver(t, d("2026-11-01"), "情况特殊"));
    assert_eq!((o.what, o.other), (When::Waiver, When::Meeting));
    let o = refused(s.add_waiver(t, d("2026-11-15"), "情况特殊"));
    assert_eq!(
        (o.what, o.date, o.other, o.other_date),
        (
            When::Waiver,
            d("2026-11-15"),
            When::Promise,
            d("2026-11-20")
        )
    );
    // On the promised day itself the promise is not missed yet: not due, said as such.
    assert!(matches!(
        s.add_waiver(t, d("2026-11-20"), "情况特殊"),
        Err(StoreError::Invalid(Invalid::NotCriticismDue { .. }))
    ));
    assert_eq!(audit_count(&s), before);
    assert!(s.waivers_of_task(t).unwrap().is_empty());
    let w = s.add_waiver(t, d("2026-11-23"), "情况特殊").unwrap();
    assert_eq!(s.waivers_of_task(t).unwrap()[0].id, w);
}

/// A meeting on 2026-11-02 whose feedback round went out on Thursday 2026-11-19 (answers due
/// Monday 23rd): 上塘镇 answered, 县财政局 not.
fn round_open() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut s) = fresh();
    let m = county(&mut s);
    s.update_minutes(m, None, |x| {
        x.issued_on = None;
        x.feedback_sent_on = Some(d("2026-11-19"));
    })
    .unwrap();
    let answer = FeedbackAnswer {
        received_on: Some(d("2026-11-20")),
        ..FeedbackAnswer::default()
    };
    s.record_feedback(m, "上塘镇", answer).unwrap();
    (dir, s, m)
}

fn save(today: &str, force: bool) -> MinutesSave {
    MinutesSave {
        expected: None,
        today: d(today),
        force,
    }
}

#[test]
fn r4_4_issue_while_the_round_is_open_needs_force() {
    let (_dir, mut s, m) = round_open();
    s.update_minutes(m, None, |x| x.signed_on = Some(d("2026-11-20")))
        .unwrap();
    let e = s
        .save_minutes(m, save("2026-11-20", false), |x| {
            x.issued_on = Some(d("2026-11-20"))
        })
        .unwrap_err();
    match e {
        StoreError::Invalid(Invalid::IssueOpen { meeting, open }) => {
            assert_eq!(meeting, m);
            assert_eq!(open.waiting, 1);
            assert_eq!(open.round_until.map(|r| r.date), Some(d("2026-11-23")));
            assert!(!open.unsigned);
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(s.minutes(m).unwrap().unwrap().issued_on, None);
    // After the round's deadline the silent unit has consented: nothing to ask.
    s.save_minutes(m, save("2026-11-24", false), |x| {
        x.issued_on = Some(d("2026-11-24"))
    })
    .unwrap();
}

#[test]
fn r4_4_issue_before_signoff_needs_force() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    s.update_minutes(m, None, |x| x.issued_on = None).unwrap();
    let issue = |x: &mut Minutes| x.issued_on = Some(d("2026-11-10"));
    let e = s
        .save_minutes(m, save("2026-11-25", false), issue)
        .unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Invalid(Invalid::IssueOpen {
                open: IssueOpen {
                    unsigned: true,
                    waiting: 0,
                    ..
                },
                ..
            })
        ),
        "{e:?}"
    );
    // Signed after the issue date is not signed by it either.
    s.update_minutes(m, None, |x| x.signed_on = Some(d("2026-11-11")))
        .unwrap();
    assert!(s.save_minutes(m, save("2026-11-25", false), issue).is_err());
    // Confirmed: saved, and what was issued is what is stored.
    s.save_minutes(m, save("2026-11-25", true), issue).unwrap();
    assert_eq!(
        s.minutes(m).unwrap().unwrap().issued_on,
        Some(d("2026-11-10"))
    );
    // Editing other fields of issued minutes asks nothing again.
    s.save_minutes(m, save("2026-11-25", false), |x| {
        x.copied_to_supervision = true
    })
    .unwrap();
}

#[test]
fn r4_5_feedback_forms_not_archived_while_answers_are_awaited() {
    let (_dir, mut s, m) = round_open();
    let archive = |x: &mut Minutes| x.archived_feedback = true;
    let e = s
        .save_minutes(m, save("2026-11-23", true), archive)
        .unwrap_err();
    assert!(
        matches!(
            e,
            StoreError::Invalid(Invalid::FeedbackPending { waiting: 1, .. })
        ),
        "{e:?}"
    );
    assert!(!s.minutes(m).unwrap().unwrap().archived_feedback);
    s.save_minutes(m, save("2026-11-24", false), archive)
        .unwrap();
    assert!(s.minutes(m).unwrap().unwrap().archived_feedback);
}
