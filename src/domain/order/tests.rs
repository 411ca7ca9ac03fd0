use super::*;
use crate::domain::testcal::d;

fn times() -> TaskTimes {
    TaskTimes::of_meeting(d("2026-03-05"))
}

#[test]
fn r5_1_limit_not_before_the_meeting() {
    assert_eq!(
        limit(d("2026-03-05"), d("2026-03-01")),
        Err(OutOfOrder {
            what: When::Limit,
            date: d("2026-03-01"),
            after: false,
            other: When::Meeting,
            other_date: d("2026-03-05"),
        })
    );
    assert_eq!(limit(d("2026-03-05"), d("2026-03-05")), Ok(()));
}

#[test]
fn r5_3_progress_after_the_meeting_and_not_after_completion() {
    let t = times();
    assert!(progress(&t, d("2026-03-04")).is_err());
    assert_eq!(progress(&t, d("2026-03-05")), Ok(()));
    let done = TaskTimes {
        completed_on: Some(d("2026-03-10")),
        ..t
    };
    assert_eq!(progress(&done, d("2026-03-10")), Ok(()));
    let e = progress(&done, d("2026-03-11")).unwrap_err();
    assert!(e.after && e.other == When::Completion, "{e:?}");
}

#[test]
fn completion_not_before_meeting_progress_or_explanation() {
    let t = TaskTimes {
        last_progress: Some(d("2026-03-09")),
        last_explanation: Some(d("2026-03-12")),
        ..times()
    };
    assert_eq!(
        completion(&t, d("2026-03-04")).unwrap_err().other,
        When::Meeting
    );
    assert_eq!(
        completion(&t, d("2026-03-08")).unwrap_err().other,
        When::Progress
    );
    assert_eq!(
        completion(&t, d("2026-03-11")).unwrap_err().other,
        When::Explanation
    );
    assert_eq!(completion(&t, d("2026-03-12")), Ok(()));
}

#[test]
fn r5_5_explanation_after_the_meeting_promise_after_the_explanation() {
    let t = times();
    assert_eq!(
        explanation(&t, d("2026-03-01"), d("2026-03-20"))
            .unwrap_err()
            .what,
        When::Explanation
    );
    let e = explanation(&t, d("2026-03-10"), d("2026-03-09")).unwrap_err();
    assert_eq!((e.what, e.other), (When::Promise, When::Explanation));
    assert_eq!(explanation(&t, d("2026-03-10"), d("2026-03-10")), Ok(()));
}

#[test]
fn r5_6_a_waiver_not_before_the_meeting_nor_the_promise_it_answers() {
    let meeting = d("2026-03-05");
    let e = waiver(meeting, None, d("2026-03-04")).unwrap_err();
    assert_eq!((e.what, e.other), (When::Waiver, When::Meeting));
    let e = waiver(meeting, Some(d("2026-03-20")), d("2026-03-19")).unwrap_err();
    assert_eq!(
        (e.what, e.other, e.after),
        (When::Waiver, When::Promise, false)
    );
    assert_eq!(
        waiver(meeting, Some(d("2026-03-20")), d("2026-03-21")),
        Ok(())
    );
    assert_eq!(waiver(meeting, None, d("2026-03-05")), Ok(()));
}

#[test]
fn r3_attendance_only_once_the_meeting_is_held() {
    assert!(attendance(d("2026-12-01"), d("2026-11-25")).is_err());
    assert_eq!(attendance(d("2026-12-01"), d("2026-12-01")), Ok(()));
    // Moved with its attendance on record, the meeting stays held.
    assert!(held(d("2026-11-26"), d("2026-11-25")).is_err());
    assert_eq!(held(d("2026-11-25"), d("2026-11-25")), Ok(()));
}

#[test]
fn r2_notice_and_plan_approval_not_after_the_meeting() {
    let e = plan(d("2026-11-02"), Some(d("2026-11-05")), None).unwrap_err();
    assert!(e.after && e.what == When::Notice, "{e:?}");
    let e = plan(d("2026-11-02"), None, Some(d("2026-11-03"))).unwrap_err();
    assert_eq!(e.what, When::PlanApproved);
    let same_day = Some(d("2026-11-02"));
    assert_eq!(plan(d("2026-11-02"), same_day, same_day), Ok(()));
}

#[test]
fn r4_minutes_dates_and_feedback_follow_what_they_answer() {
    let m = crate::domain::Minutes {
        signed_on: Some(d("2026-03-04")),
        ..Default::default()
    };
    assert_eq!(
        minutes(d("2026-03-05"), &m).unwrap_err().what,
        When::SignOff
    );
    assert_eq!(
        feedback(d("2026-03-06"), d("2026-03-05"))
            .unwrap_err()
            .other,
        When::FeedbackSent
    );
}

#[test]
fn every_date_names_a_form_field() {
    for w in When::ALL {
        assert!(!w.field().is_empty(), "{w:?}");
    }
}
#[test]
fn r5_6_a_waiver_among_promises_not_before_the_one_it_answers() {
    let m = d("2026-03-05");
    let promises = [d("2026-04-10"), d("2026-05-20")];
    // The first promise missed by 04-20: the waiver answers it.
    assert_eq!(waiver_among(m, &promises, None, d("2026-04-20")), Ok(()));
    // Before any promise passed: it may not precede the earliest one ahead.
    let e = waiver_among(m, &promises, None, d("2026-04-01")).unwrap_err();
    assert_eq!(
        (e.what, e.other, e.other_date),
        (When::Waiver, When::Promise, d("2026-04-10"))
    );
    // Before the meeting.
    let e = waiver_among(m, &[], None, d("2026-03-01")).unwrap_err();
    assert_eq!(e.other, When::Meeting);
}

#[test]
fn r5_7_every_referral_step_after_its_proposal() {
    let r = crate::domain::Referral {
        id: 1,
        unit_id: 1,
        proposed_on: d("2026-05-10"),
        proposal_reason: None,
        approved_on: Some(d("2026-05-12")),
        approval: None,
        referred_on: Some(d("2026-05-09")),
        decision: None,
        concluded_on: None,
        outcome: None,
        not_referred_on: None,
        reason: None,
        version: 1,
    };
    let e = referral(&r).unwrap_err();
    assert_eq!((e.what, e.date), (When::ReferralStep, d("2026-05-09")));
    let ok = crate::domain::Referral {
        referred_on: Some(d("2026-05-10")),
        ..r
    };
    assert_eq!(referral(&ok), Ok(()));
}
