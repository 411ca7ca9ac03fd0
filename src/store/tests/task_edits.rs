//! Editing tasks and adding them in batches (R4.1, R5.1–R5.2).

use super::*;
use crate::domain::ExemptCategory;

fn new_task(meeting: i64, text: &str, lead: &str, co: &[&str], limit: Limit) -> NewTask {
    NewTask {
        meeting_id: meeting,
        text: text.into(),
        lead_unit: lead.into(),
        co_units: co.iter().map(|c| c.to_string()).collect(),
        leader: Some("李副县长".into()),
        limit,
    }
}

/// The stored columns of a task a write keeps current, derived ones included (not the id or
/// version).
fn stored(s: &Store, id: i64) -> Vec<rusqlite::types::Value> {
    s.conn
        .query_row(
            "SELECT text, lead_unit_id, responsible_leader_id, limit_kind, limit_date, exempt_category, due, due_ord,
             provisional, assigned_on, initials, (SELECT group_concat(unit_id) FROM task_co_unit WHERE task_id = ?1)
             FROM task WHERE id = ?1",
            [id],
            |r| (0..12).map(|i| r.get(i)).collect(),
        )
        .unwrap()
}

#[test]
fn r4_1_update_task_edits_and_keeps_derived_columns_as_add_task_does() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let n = audit_count(&s);
    for (i, limit) in [
        Limit::Date(d("2026-12-01")),
        Limit::Exempt(ExemptCategory::Land),
        Limit::Default,
    ]
    .into_iter()
    .enumerate()
    {
        let edit = new_task(m, "清理河道淤泥", "县财政局", &["上塘镇"], limit);
        s.update_task(t, 1 + i as i64, edit.clone()).unwrap();
        // The same task added afresh has the same stored and derived columns.
        let fresh_id = s.add_task(edit).unwrap();
        assert_eq!(stored(&s, t), stored(&s, fresh_id), "{limit:?}");
    }
    let got = s.task(t).unwrap();
    assert_eq!(got.text, "清理河道淤泥");
    assert_eq!(got.lead_unit_id, s.unit_by_name("县财政局").unwrap().id);
    assert_eq!(got.co_unit_ids, [s.unit_by_name("上塘镇").unwrap().id]);
    assert_eq!(got.version, 4);
    // The ledger finds it by its new text's initials.
    let found = s.tasks(&text_filter("qlhd"), d("2026-11-25")).unwrap();
    assert!(task_ids(&found).contains(&t));
    // Three edits and three fresh tasks.
    assert_eq!(audit_count(&s), n + 6);
    let row = &s.audit_log(Some("task"), Some(&t.to_string()), 1).unwrap()[0];
    assert_eq!(row.action, "update");
    assert_eq!(row.before.as_ref().unwrap()["limit"]["kind"], "exempt");
    assert_eq!(row.after.as_ref().unwrap()["limit"]["kind"], "default");
}

#[test]
fn r4_1_update_task_refuses_bad_input_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let other = s
        .add_meeting(NewMeeting {
            topics: vec!["防汛".into()],
            date: Some(d("2026-11-03")),
            ..NewMeeting::default()
        })
        .unwrap();
    s.add_unit(NewUnit {
        name: "县水利局".into(),
        kind: UnitKind::Department,
        main_leader: None,
        contact: None,
    })
    .unwrap();
    let water = s.unit_by_name("县水利局").unwrap();
    s.update_unit(&Unit {
        active: false,
        ..water
    })
    .unwrap();
    let n = audit_count(&s);
    let was = stored(&s, t);
    let ok = |lead: &str, co: &[&str]| new_task(m, "x", lead, co, Limit::Default);
    let moved = new_task(other, "x", "上塘镇", &[], Limit::Default);
    assert!(matches!(
        s.update_task(t, 1, moved),
        Err(StoreError::Invalid(Invalid::TaskMeetingFixed { task, meeting })) if task == t && meeting == m
    ));
    assert!(matches!(
        s.update_task(t, 1, ok("上塘镇", &["上塘镇"])),
        Err(StoreError::Invalid(Invalid::LeadIsCoUnit(_)))
    ));
    assert!(matches!(
        s.update_task(t, 1, ok("县水利局", &[])),
        Err(StoreError::Invalid(Invalid::InactiveUnit(_)))
    ));
    assert!(matches!(
        s.update_task(t, 1, new_task(m, " ", "上塘镇", &[], Limit::Default)),
        Err(StoreError::Invalid(Invalid::Empty(
            crate::domain::TextField::TaskText
        )))
    ));
    assert!(matches!(
        s.update_task(t, 1, ok("不存在镇", &[])),
        Err(StoreError::NotFound {
            entity: Entity::Unit,
            ..
        })
    ));
    assert!(matches!(
        s.update_task(t + 99, 1, ok("上塘镇", &[])),
        Err(StoreError::NotFound {
            entity: Entity::Task,
            ..
        })
    ));
    assert_eq!(audit_count(&s), n);
    assert_eq!(stored(&s, t), was);
}

#[test]
fn r4_1_update_task_keeps_a_lead_unit_deactivated_since() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let unit = s.unit_by_name("上塘镇").unwrap();
    s.update_unit(&Unit {
        active: false,
        ..unit
    })
    .unwrap();
    let edit = new_task(m, "新的说法", "上塘镇", &[], Limit::Default);
    s.update_task(t, 1, edit).unwrap();
    assert_eq!(s.task(t).unwrap().text, "新的说法");
}

#[test]
fn r4_1_update_task_refuses_a_stale_version_naming_the_other_user() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    let m = county(&mut a);
    let t = task(&mut a, m, Limit::Default);
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    b.fix_audit_clock("王五", "2026-11-03T10:00:00+08:00");
    b.complete_task(t, d("2026-11-03"), None, Some(1)).unwrap();
    let n = audit_count(&a);
    let edit = new_task(m, "改", "上塘镇", &[], Limit::Default);
    match a.update_task(t, 1, edit) {
        Err(StoreError::Conflict { entity, by, at, .. }) => {
            assert_eq!((entity, by.as_str()), (Entity::Task, "王五"));
            assert_eq!(at, "2026-11-03T10:00:00+08:00");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n);
    assert_eq!(a.task(t).unwrap().text, "完成管网改造");
}

#[test]
fn r4_1_add_tasks_adds_a_batch_of_several_meetings_in_one_go() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let other = s
        .add_meeting(NewMeeting {
            topics: vec!["防汛".into()],
            date: Some(d("2026-11-03")),
            ..NewMeeting::default()
        })
        .unwrap();
    let n = audit_count(&s);
    let ids = s
        .add_tasks(vec![
            new_task(m, "甲", "上塘镇", &["县财政局"], Limit::Default),
            new_task(m, "乙", "县财政局", &[], Limit::Date(d("2026-12-01"))),
            new_task(
                other,
                "丙",
                "上塘镇",
                &[],
                Limit::Exempt(ExemptCategory::Funding),
            ),
        ])
        .unwrap();
    assert_eq!(ids.len(), 3);
    assert_eq!(audit_count(&s), n + 3, "one audit row per task");
    let texts: Vec<_> = ids.iter().map(|&id| s.task(id).unwrap().text).collect();
    assert_eq!(texts, ["甲", "乙", "丙"]);
    assert_eq!(s.task(ids[2]).unwrap().meeting_id, other);
    // Each is stored as add_task would store it.
    let single = s
        .add_task(new_task(
            m,
            "乙",
            "县财政局",
            &[],
            Limit::Date(d("2026-12-01")),
        ))
        .unwrap();
    assert_eq!(stored(&s, ids[1]), stored(&s, single));
    assert!(s.add_tasks(Vec::new()).unwrap().is_empty());
}

#[test]
fn r4_1_add_tasks_is_all_or_nothing_and_names_the_refused_line() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let n = audit_count(&s);
    let batch = |bad: NewTask| {
        vec![
            new_task(m, "甲", "上塘镇", &[], Limit::Default),
            bad,
            new_task(m, "丙", "上塘镇", &[], Limit::Default),
        ]
    };
    match s.add_tasks(batch(new_task(m, "乙", "不存在镇", &[], Limit::Default))) {
        Err(StoreError::Invalid(Invalid::Line { line, error })) => {
            assert_eq!(line, 2);
            assert!(matches!(
                *error,
                StoreError::NotFound {
                    entity: Entity::Unit,
                    ..
                }
            ));
        }
        other => panic!("expected line 2 refused, got {other:?}"),
    }
    match s.add_tasks(batch(new_task(
        m,
        "乙",
        "上塘镇",
        &["上塘镇"],
        Limit::Default,
    ))) {
        Err(StoreError::Invalid(Invalid::Line { line: 2, error })) => {
            assert!(matches!(
                *error,
                StoreError::Invalid(Invalid::LeadIsCoUnit(_))
            ))
        }
        other => panic!("expected line 2 refused, got {other:?}"),
    }
    let mut blank_last = batch(new_task(m, "乙", "上塘镇", &[], Limit::Default));
    blank_last[2].text = " ".into();
    assert!(matches!(
        s.add_tasks(blank_last),
        Err(StoreError::Invalid(Invalid::Line { line: 3, .. }))
    ));
    let err = s
        .add_tasks(batch(new_task(m + 50, "乙", "上塘镇", &[], Limit::Default)))
        .unwrap_err();
    assert!(err.is_bad_input());
    assert_eq!(audit_count(&s), n);
    assert!(
        s.tasks(&TaskFilter::default(), d("2026-11-25"))
            .unwrap()
            .is_empty()
    );
}
