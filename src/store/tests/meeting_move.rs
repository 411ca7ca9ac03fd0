//! Moving a meeting (`move_meeting`, `update_meeting`) and planning one (`add_meeting`): time runs
//! one way through every door. The notice and the plan's approval come on or before the meeting
//! (R2.1/R2.2); a meeting with attendance on record has been held on the app's `today` (R3); the
//! minutes and the tasks' records come after it. A refusal writes nothing; what is stored is
//! read back.

use super::*;
use crate::domain::{OutOfOrder, When};

fn refused(r: Result<impl std::fmt::Debug>) -> OutOfOrder {
    match r {
        Err(StoreError::Invalid(Invalid::OutOfOrder(o))) => o,
        other => panic!("expected a date out of order, got {other:?}"),
    }
}

#[test]
fn r2_2_a_notice_or_plan_approval_after_the_meeting_is_refused_on_add_update_and_move() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s); // on 2026-11-02, its notice on 2026-10-30
    let before = audit_count(&s);
    let plan = |notice: &str, approved: Option<&str>| NewMeeting {
        topics: vec!["河道整治".into()],
        date: Some(d("2026-11-09")),
        notice_date: Some(d(notice)),
        plan_approved_on: approved.map(d),
        units: vec!["上塘镇".into()],
        ..NewMeeting::default()
    };
    let o = refused(s.add_meeting(plan("2026-11-10", None)));
    assert_eq!(
        (o.what, o.date, o.after, o.other, o.other_date),
        (
            When::Notice,
            d("2026-11-10"),
            true,
            When::Meeting,
            d("2026-11-09")
        )
    );
    let o = refused(s.add_meeting(plan("2026-11-06", Some("2026-11-10"))));
    assert_eq!(o.what, When::PlanApproved);
    let o = refused(s.update_meeting(m, 1, plan("2026-11-10", None), TODAY_FOR_EDITS));
    assert_eq!(o.what, When::Notice);
    // Moved before its own notice.
    let o = refused(s.move_meeting(m, d("2026-10-29"), TODAY_FOR_EDITS));
    assert_eq!((o.what, o.date), (When::Notice, d("2026-10-30")));
    assert_eq!(audit_count(&s), before, "nothing written");
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-02"));
    // On the meeting's own day, both are fine.
    s.add_meeting(plan("2026-11-09", Some("2026-11-09")))
        .unwrap();
}

#[test]
fn r3_a_meeting_with_attendance_on_record_is_not_moved_after_today() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    // Issued minutes would hold it back on their own: none yet.
    s.update_minutes(m, None, |x| x.issued_on = None).unwrap();
    s.record_attendance(
        m,
        "上塘镇",
        AttendanceOutcome::Absent,
        None,
        None,
        d("2026-11-02"),
    )
    .unwrap();
    let today = d("2026-11-10");
    let o = refused(s.move_meeting(m, d("2026-11-11"), today));
    assert_eq!(
        (o.what, o.date, o.other, o.other_date),
        (When::Meeting, d("2026-11-11"), When::Attendance, today)
    );
    // The same through the plan form's door, on the app's day (not the store's clock).
    let plan = NewMeeting {
        topics: vec!["瓯江引水".into()],
        date: Some(d("2026-11-11")),
        notice_date: Some(d("2026-10-30")),
        units: vec!["上塘镇".into(), "县财政局".into()],
        ..NewMeeting::default()
    };
    let version = s.meeting(m).unwrap().version;
    refused(s.update_meeting(m, version, plan.clone(), today));
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-02"));
    // On or before today it moves: read back, audited, undone.
    assert_eq!(
        s.move_meeting(m, d("2026-11-10"), today).unwrap(),
        d("2026-11-02")
    );
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-10"));
    s.undo_last().unwrap();
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-02"));
    // A day later the app's today allows the plan's date too.
    let version = s.meeting(m).unwrap().version;
    s.update_meeting(m, version, plan, d("2026-11-11")).unwrap();
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-11"));
}

#[test]
fn r4_r5_a_meeting_is_not_moved_after_its_minutes_or_its_tasks_records() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s); // minutes issued 2026-11-02
    let o = refused(s.move_meeting(m, d("2026-11-03"), TODAY_FOR_EDITS));
    assert_eq!((o.what, o.other), (When::Issue, When::Meeting));
    s.update_minutes(m, None, |x| x.issued_on = None).unwrap();
    let t = task(&mut s, m, Limit::Date(d("2026-11-20")));
    s.complete_task(t, d("2026-11-06"), None, None).unwrap();
    let o = refused(s.move_meeting(m, d("2026-11-09"), TODAY_FOR_EDITS));
    assert_eq!((o.what, o.date), (When::Completion, d("2026-11-06")));
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-02"));
    s.move_meeting(m, d("2026-11-04"), TODAY_FOR_EDITS).unwrap();
    assert_eq!(s.meeting(m).unwrap().date, d("2026-11-04"));
}
