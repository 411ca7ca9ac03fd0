//! Editing meetings: the plan, participants and attendees (R2.1–R2.3).

use super::*;

/// A third unit and a second leader besides [`county`]'s.
pub(super) fn more(s: &mut Store) {
    s.add_unit(NewUnit {
        name: "县水利局".into(),
        kind: UnitKind::Department,
        main_leader: None,
        contact: None,
    })
    .unwrap();
    s.add_leader("王主任", LeaderTitle::OfficeDirector, None)
        .unwrap();
}

/// [`county`]'s meeting plan as a form, to change.
fn plan() -> NewMeeting {
    NewMeeting {
        topics: vec!["瓯江引水".into(), "城区供水".into()],
        chair: Some("李副县长".into()),
        date: Some(d("2026-11-02")),
        notice_date: Some(d("2026-10-30")),
        units: vec!["上塘镇".into(), "县财政局".into()],
        ..NewMeeting::default()
    }
}

fn participants(s: &Store, m: i64) -> Vec<String> {
    let detail = s.meeting_detail(m, d("2026-11-25")).unwrap();
    detail.attendance.into_iter().map(|(n, _)| n).collect()
}

#[test]
fn r2_1_update_meeting_replaces_the_plan_topics_and_participants() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    more(&mut s);
    let n = audit_count(&s);
    let new = NewMeeting {
        number: Some("〔2026〕12号".into()),
        topics: vec!["  ".into(), "城区污水管网".into()],
        chair: Some("王主任".into()),
        liaison: Some("王主任".into()),
        date: Some(d("2026-11-02")),
        time: chrono::NaiveTime::from_hms_opt(9, 30, 0),
        place: Some("三楼会议室".into()),
        notice_date: Some(d("2026-10-29")),
        emergency: true,
        plan_approved_by: Some("王主任".into()),
        plan_approved_on: Some(d("2026-10-28")),
        units: vec!["县水利局".into(), "上塘镇".into(), "县水利局".into()],
    };
    s.update_meeting(m, 1, new, TODAY_FOR_EDITS).unwrap();
    let got = s.meeting(m).unwrap();
    let wang = s.leader_by_name("王主任").unwrap().id;
    assert_eq!(got.number.as_deref(), Some("〔2026〕12号"));
    assert_eq!(got.topics, ["城区污水管网"]);
    assert_eq!((got.chair_id, got.liaison_id), (Some(wang), Some(wang)));
    assert_eq!(got.place.as_deref(), Some("三楼会议室"));
    assert!(got.emergency && got.time.is_some());
    assert_eq!(got.plan_approved_by.as_deref(), Some("王主任"));
    assert_eq!(got.plan_approved_on, Some(d("2026-10-28")));
    assert_eq!(got.notice_date, Some(d("2026-10-29")));
    assert_eq!(got.version, 2);
    assert_eq!(participants(&s, m), ["上塘镇", "县水利局"]);
    let initials: String = s
        .conn
        .query_row(
            "SELECT initials FROM meeting_topic WHERE meeting_id = ?1",
            [m],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(initials, crate::text::initials("城区污水管网"));
    // One audit row, with the plan and the participants before and after.
    assert_eq!(audit_count(&s), n + 1);
    let row = &s
        .audit_log(Some("meeting"), Some(&m.to_string()), 1)
        .unwrap()[0];
    assert_eq!(row.action, "update");
    let before = row.before.as_ref().unwrap();
    let after = row.after.as_ref().unwrap();
    assert_eq!(before["units"], serde_json::json!(["上塘镇", "县财政局"]));
    assert_eq!(after["units"], serde_json::json!(["上塘镇", "县水利局"]));
    assert_eq!(after["topics"], serde_json::json!(["城区污水管网"]));
    assert_eq!(
        (before["version"].as_i64(), after["version"].as_i64()),
        (Some(1), Some(2))
    );
}

#[test]
fn r2_1_add_meeting_stores_the_plan_approval() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let m = s
        .add_meeting(NewMeeting {
            plan_approved_by: Some("王主任".into()),
            plan_approved_on: Some(d("2026-11-20")),
            date: Some(d("2026-11-25")),
            topics: vec!["防汛".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    let got = s.meeting(m).unwrap();
    assert_eq!(got.plan_approved_by.as_deref(), Some("王主任"));
    assert_eq!(got.plan_approved_on, Some(d("2026-11-20")));
}

#[test]
fn r2_1_update_meeting_refuses_bad_input_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let n = audit_count(&s);
    let was = s.meeting(m).unwrap();
    let cases = [
        NewMeeting {
            date: None,
            ..plan()
        },
        NewMeeting {
            topics: vec![" ".into()],
            ..plan()
        },
        NewMeeting {
            chair: Some("无此人".into()),
            ..plan()
        },
        NewMeeting {
            liaison: Some("无此人".into()),
            ..plan()
        },
        NewMeeting {
            units: vec!["不存在镇".into()],
            ..plan()
        },
        // The minutes were issued on 11-02: the meeting cannot move after that.
        NewMeeting {
            date: Some(d("2026-11-03")),
            ..plan()
        },
    ];
    let mut errors = Vec::new();
    for case in cases {
        errors.push(s.update_meeting(m, 1, case, TODAY_FOR_EDITS).unwrap_err());
    }
    assert!(matches!(
        errors[0],
        StoreError::Invalid(Invalid::MissingDate(crate::domain::When::Meeting))
    ));
    assert!(matches!(
        errors[1],
        StoreError::Invalid(Invalid::Empty(crate::domain::TextField::Topic))
    ));
    assert!(matches!(
        errors[2],
        StoreError::NotFound {
            entity: Entity::Leader,
            ..
        }
    ));
    assert!(matches!(
        errors[3],
        StoreError::NotFound {
            entity: Entity::Leader,
            ..
        }
    ));
    assert!(matches!(
        errors[4],
        StoreError::NotFound {
            entity: Entity::Unit,
            ..
        }
    ));
    assert!(matches!(
        errors[5],
        StoreError::Invalid(Invalid::OutOfOrder(crate::domain::OutOfOrder {
            what: crate::domain::When::Issue,
            ..
        }))
    ));
    assert!(matches!(
        s.update_meeting(m + 100, 1, plan(), TODAY_FOR_EDITS),
        Err(StoreError::NotFound {
            entity: Entity::Meeting,
            ..
        })
    ));
    assert_eq!(audit_count(&s), n);
    assert_eq!(s.meeting(m).unwrap(), was);
}

#[test]
fn r3_a_participant_with_an_outcome_stays() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    s.record_attendance(
        m,
        "县财政局",
        AttendanceOutcome::Absent,
        None,
        None,
        crate::domain::testcal::d("2099-12-31"),
    )
    .unwrap();
    let n = audit_count(&s);
    let only_shangtang = NewMeeting {
        units: vec!["上塘镇".into()],
        ..plan()
    };
    match s.update_meeting(m, 1, only_shangtang, TODAY_FOR_EDITS) {
        Err(StoreError::Invalid(Invalid::ParticipantInUse { unit, meeting })) => {
            assert_eq!((unit.as_str(), meeting), ("县财政局", m))
        }
        other => panic!("expected ParticipantInUse, got {other:?}"),
    }
    assert_eq!(audit_count(&s), n);
    assert_eq!(participants(&s, m), ["上塘镇", "县财政局"]);
}

#[test]
fn r4_3_an_answered_participant_stays_an_unanswered_one_goes_with_its_row() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    s.update_minutes(m, None, |mi| mi.feedback_sent_on = Some(d("2026-11-04")))
        .unwrap();
    let answer = FeedbackAnswer {
        received_on: Some(d("2026-11-05")),
        ..FeedbackAnswer::default()
    };
    s.record_feedback(m, "上塘镇", answer).unwrap();
    let n = audit_count(&s);
    let without = |unit: &str| NewMeeting {
        units: vec![unit.into()],
        ..plan()
    };
    assert!(matches!(
        s.update_meeting(m, 1, without("县财政局"), TODAY_FOR_EDITS),
        Err(StoreError::Invalid(Invalid::ParticipantInUse { .. }))
    ));
    assert_eq!(audit_count(&s), n);
    s.update_meeting(m, 1, without("上塘镇"), TODAY_FOR_EDITS)
        .unwrap();
    assert_eq!(participants(&s, m), ["上塘镇"]);
    let round = s.feedback_round(m, d("2026-11-09")).unwrap();
    assert_eq!(round.len(), 1, "县财政局's unanswered row went with it");
    assert_eq!(round[0].unit, "上塘镇");
}

#[test]
fn r4_2_a_participant_added_after_the_round_went_out_gets_the_form() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    more(&mut s);
    s.update_minutes(m, None, |mi| mi.feedback_sent_on = Some(d("2026-11-04")))
        .unwrap();
    let with_water = NewMeeting {
        units: vec!["上塘镇".into(), "县财政局".into(), "县水利局".into()],
        ..plan()
    };
    s.update_meeting(m, 1, with_water, TODAY_FOR_EDITS).unwrap();
    let round = s.feedback_round(m, d("2026-11-05")).unwrap();
    let units: Vec<_> = round.iter().map(|f| f.unit.as_str()).collect();
    assert_eq!(units, ["上塘镇", "县财政局", "县水利局"]);
    // Recording attendance of a unit not yet a participant makes it one, with the form too.
    s.add_unit(NewUnit {
        name: "县林业局".into(),
        kind: UnitKind::Department,
        main_leader: None,
        contact: None,
    })
    .unwrap();
    s.record_attendance(
        m,
        "县林业局",
        AttendanceOutcome::LeaderAttended,
        None,
        None,
        crate::domain::testcal::d("2099-12-31"),
    )
    .unwrap();
    assert_eq!(s.feedback_round(m, d("2026-11-05")).unwrap().len(), 4);
}

#[test]
fn r2_1_update_meeting_refuses_a_stale_version_naming_the_other_user() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    let m = county(&mut a);
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    b.fix_audit_clock("王五", "2026-11-03T10:00:00+08:00");
    b.update_meeting(
        m,
        1,
        NewMeeting {
            place: Some("二楼".into()),
            ..plan()
        },
        TODAY_FOR_EDITS,
    )
    .unwrap();
    let n = audit_count(&a);
    match a.update_meeting(
        m,
        1,
        NewMeeting {
            place: Some("三楼".into()),
            ..plan()
        },
        TODAY_FOR_EDITS,
    ) {
        Err(StoreError::Conflict { entity, id, by, at }) => {
            assert_eq!((entity, id), (Entity::Meeting, m.to_string()));
            assert_eq!(
                (by.as_str(), at.as_str()),
                ("王五", "2026-11-03T10:00:00+08:00")
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n);
    assert_eq!(a.meeting(m).unwrap().place.as_deref(), Some("二楼"));
}

#[test]
fn r2_3_confirm_attendee_sets_who_attends_and_keeps_the_outcome() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    s.record_attendance(
        m,
        "上塘镇",
        AttendanceOutcome::LeaderAttended,
        None,
        None,
        crate::domain::testcal::d("2099-12-31"),
    )
    .unwrap();
    let n = audit_count(&s);
    s.confirm_attendee(
        m,
        "上塘镇",
        Some("张镇长".into()),
        Some("镇长".into()),
        true,
    )
    .unwrap();
    let detail = s.meeting_detail(m, d("2026-11-25")).unwrap();
    let (_, a) = &detail.attendance[0];
    assert_eq!(a.attendee.as_deref(), Some("张镇长"));
    assert_eq!(a.role.as_deref(), Some("镇长"));
    assert!(a.confirmed);
    assert_eq!(a.outcome, Some(AttendanceOutcome::LeaderAttended));
    assert_eq!(audit_count(&s), n + 1);
    let unit = s.unit_by_name("上塘镇").unwrap().id;
    let key = format!("{m}/{unit}");
    let row = &s.audit_log(Some("attendance"), Some(&key), 1).unwrap()[0];
    assert_eq!(row.action, "update");
    assert_eq!(row.after.as_ref().unwrap()["unit"], "上塘镇");
    assert_eq!(row.after.as_ref().unwrap()["confirmed"], true);
    assert_eq!(row.before.as_ref().unwrap()["confirmed"], false);
    // R2.3: an unsuitable attendee is reported back: not confirmed, blank text is no text.
    s.confirm_attendee(m, "上塘镇", Some(" ".into()), None, false)
        .unwrap();
    let detail = s.meeting_detail(m, d("2026-11-25")).unwrap();
    let (_, a) = &detail.attendance[0];
    assert_eq!((a.attendee.as_deref(), a.confirmed), (None, false));
    assert_eq!(a.outcome, Some(AttendanceOutcome::LeaderAttended));
}

#[test]
fn r2_3_confirm_attendee_of_a_non_participant_is_refused() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    more(&mut s);
    let n = audit_count(&s);
    assert!(matches!(
        s.confirm_attendee(m, "县水利局", Some("赵".into()), None, true),
        Err(StoreError::Invalid(Invalid::NotParticipant { .. }))
    ));
    assert!(matches!(
        s.confirm_attendee(m, "不存在镇", None, None, true),
        Err(StoreError::NotFound {
            entity: Entity::Unit,
            ..
        })
    ));
    assert!(matches!(
        s.confirm_attendee(m + 9, "上塘镇", None, None, true),
        Err(StoreError::NotFound {
            entity: Entity::Meeting,
            ..
        })
    ));
    assert_eq!(audit_count(&s), n);
}
