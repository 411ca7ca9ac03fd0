//! Every kind of change the store can undo, done and undone: the database is as before.

use super::*;
use crate::domain::ReferralStatus;

fn water(s: &mut Store) {
    s.add_unit(NewUnit {
        name: "县水利局".into(),
        kind: UnitKind::Department,
        main_leader: None,
        contact: None,
    })
    .unwrap();
}

/// [`county`]'s meeting plan with other participants.
fn plan_with(units: &[&str]) -> NewMeeting {
    NewMeeting {
        topics: vec!["瓯江引水".into(), "城区供水".into()],
        chair: Some("李副县长".into()),
        date: Some(d("2026-11-02")),
        notice_date: Some(d("2026-10-30")),
        units: units.iter().map(|u| u.to_string()).collect(),
        ..NewMeeting::default()
    }
}

#[test]
fn units_and_leaders_round_trip() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    round_trip(&mut s, water);
    round_trip(&mut s, |s| {
        let u = s.unit_by_name("上塘镇").unwrap();
        s.update_unit(&Unit {
            name: "下塘镇".into(),
            main_leader: Some("张书记".into()),
            active: false,
            ..u
        })
        .unwrap();
    });
    round_trip(&mut s, |s| {
        s.add_leader("王主任", LeaderTitle::OfficeDirector, None)
            .unwrap();
    });
    s.add_leader("王主任", LeaderTitle::OfficeDirector, None)
        .unwrap();
    round_trip(&mut s, |s| {
        let l = s.leader_by_name("李副县长").unwrap();
        let wang = s.leader_by_name("王主任").unwrap().id;
        s.update_leader(&Leader {
            name: "李县长".into(),
            title: LeaderTitle::CountyHead,
            liaison_id: Some(wang),
            active: false,
            ..l
        })
        .unwrap();
    });
}

#[test]
fn r2_r3_meetings_and_attendance_round_trip() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    water(&mut s);
    task(&mut s, m, Limit::Default);
    round_trip(&mut s, |s| {
        s.add_meeting(NewMeeting {
            plan_approved_by: Some("李副县长".into()),
            ..plan_with(&["上塘镇", "县水利局"])
        })
        .unwrap();
    });
    // A confirmed attendee of a unit dropped from the plan comes back with it.
    s.confirm_attendee(
        m,
        "县财政局",
        Some("钱局长".into()),
        Some("局长".into()),
        true,
    )
    .unwrap();
    round_trip(&mut s, |s| {
        let plan = NewMeeting {
            number: Some("〔2026〕12号".into()),
            topics: vec!["城区污水".into()],
            date: Some(d("2026-10-31")),
            place: Some("三楼".into()),
            ..plan_with(&["县水利局", "上塘镇"])
        };
        s.update_meeting(m, 1, plan, TODAY_FOR_EDITS).unwrap();
    });
    round_trip(&mut s, |s| {
        s.record_attendance(
            m,
            "上塘镇",
            AttendanceOutcome::Absent,
            Some("王某".into()),
            None,
            crate::domain::testcal::d("2099-12-31"),
        )
        .unwrap();
    });
    round_trip(&mut s, |s| {
        s.record_attendance(
            m,
            "县水利局",
            AttendanceOutcome::LeaderAttended,
            None,
            None,
            crate::domain::testcal::d("2099-12-31"),
        )
        .unwrap();
    });
    round_trip(&mut s, |s| {
        s.confirm_attendee(
            m,
            "上塘镇",
            Some("张镇长".into()),
            Some("镇长".into()),
            true,
        )
        .unwrap();
    });
    round_trip(&mut s, |s| {
        s.confirm_attendee(m, "县财政局", None, None, false)
            .unwrap();
    });
}

#[test]
fn r4_minutes_and_feedback_round_trip() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    water(&mut s);
    task(&mut s, m, Limit::Default);
    let m2 = s.add_meeting(plan_with(&["上塘镇", "县财政局"])).unwrap();
    task(&mut s, m2, Limit::Default);
    // Created minutes go, and the tasks' limits wait for an issue date again.
    round_trip(&mut s, |s| {
        s.update_minutes(m2, None, |mi| {
            mi.drafter = Some("陈".into());
            mi.issued_on = Some(d("2026-11-05"));
        })
        .unwrap();
    });
    round_trip(&mut s, |s| {
        s.update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-04")))
            .unwrap();
    });
    // Sending the round creates the units' rows; undoing it removes them.
    round_trip(&mut s, |s| {
        s.update_minutes(m, None, |mi| mi.feedback_sent_on = Some(d("2026-11-04")))
            .unwrap();
    });
    s.update_minutes(m, None, |mi| mi.feedback_sent_on = Some(d("2026-11-04")))
        .unwrap();
    round_trip(&mut s, |s| {
        let answer = FeedbackAnswer {
            received_on: Some(d("2026-11-05")),
            opinion: Some("同意".into()),
            signer: Some("张镇长".into()),
            signer_post: Some("镇长".into()),
            sealed: true,
        };
        s.record_feedback(m, "上塘镇", answer).unwrap();
    });
    // A participant added after the round: its form goes with it.
    round_trip(&mut s, |s| {
        let version = s.meeting(m).unwrap().version;
        let plan = plan_with(&["上塘镇", "县财政局", "县水利局"]);
        s.update_meeting(m, version, plan, TODAY_FOR_EDITS).unwrap();
    });
    // A round with an answer is not taken back.
    s.record_feedback(m, "县财政局", FeedbackAnswer::default())
        .unwrap();
    s.undo_last().unwrap();
    assert!(matches!(
        s.undo_last(),
        Err(StoreError::Invalid(Invalid::HasDependants {
            entity: Entity::Minutes,
            dependant: Entity::Feedback,
            ..
        }))
    ));
}

#[test]
fn r5_tasks_and_accountability_round_trip() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    round_trip(&mut s, |s| {
        task(s, m, Limit::Default);
    });
    let t = task(&mut s, m, Limit::Date(d("2026-11-10")));
    round_trip(&mut s, |s| {
        let edit = NewTask {
            meeting_id: m,
            text: "清理河道".into(),
            lead_unit: "县财政局".into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        };
        s.update_task(t, 1, edit).unwrap();
    });
    round_trip(&mut s, |s| {
        s.add_progress(t, d("2026-11-04"), "已开工").unwrap();
    });
    s.add_progress(t, d("2026-11-03"), "筹备").unwrap();
    round_trip(&mut s, |s| {
        s.add_progress(t, d("2026-11-06"), "过半").unwrap();
    });
    round_trip(&mut s, |s| {
        s.add_explanation(
            t,
            d("2026-11-12"),
            d("2026-11-20"),
            Some("资金未到位".into()),
        )
        .unwrap();
    });
    s.add_explanation(t, d("2026-11-12"), d("2026-11-20"), None)
        .unwrap();
    round_trip(&mut s, |s| {
        s.add_explanation(t, d("2026-11-13"), d("2026-11-27"), None)
            .unwrap();
    });
    round_trip(&mut s, |s| {
        s.add_waiver(t, d("2026-11-23"), "已整改到位，不予通报")
            .unwrap();
    });
    round_trip(&mut s, |s| {
        criticise(s, "2026-11-24", vec![t]).unwrap();
    });
    round_trip(&mut s, |s| {
        s.complete_task(t, d("2026-11-25"), Some("已完成".into()), None)
            .unwrap();
    });
    // R5.7: two criticisms within a year, then the referral's steps.
    criticise(&mut s, "2026-11-24", vec![t]).unwrap();
    let other = missed_promise(&mut s, "2026-11-25");
    criticise(&mut s, "2026-11-25", vec![other]).unwrap();
    round_trip(&mut s, |s| {
        s.referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-11-26"),
            reason: Some("一年内两次通报批评".into()),
        })
        .unwrap();
    });
    let r = s
        .referral_step(ReferralStep::Propose {
            unit: "上塘镇".into(),
            date: d("2026-11-26"),
            reason: None,
        })
        .unwrap();
    round_trip(&mut s, |s| {
        s.referral_step(ReferralStep::Approve {
            id: r,
            date: d("2026-11-27"),
            approval: "县政府同意（县长办公会）".into(),
        })
        .unwrap();
    });
    assert_eq!(s.referral(r).unwrap().status(), ReferralStatus::Proposed);
}

#[test]
fn r4_1_a_batch_of_tasks_is_undone_task_by_task() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let before = db_state(&s);
    let new = |text: &str| NewTask {
        meeting_id: m,
        text: text.into(),
        lead_unit: "上塘镇".into(),
        co_units: vec!["县财政局".into()],
        leader: None,
        limit: Limit::Default,
    };
    let ids = s.add_tasks(vec![new("甲"), new("乙")]).unwrap();
    assert_eq!(s.undo_last().unwrap().entity_id, ids[1].to_string());
    assert_eq!(s.undo_last().unwrap().entity_id, ids[0].to_string());
    assert_eq!(db_state(&s), before);
}
