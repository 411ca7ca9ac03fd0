//! The store's ground rules: a file is migrated from empty and reopened, a newer schema is
//! refused untouched, every write appends one audit row, versions refuse a stale change, a calendar
//! override moves deadlines in its transaction, bad input changes nothing, filters take text as
//! text, and a bulk load leaves every index as the schema defines it.

use super::*;

#[test]
fn migrates_from_an_empty_file_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path, Thresholds::default()).unwrap();
        assert!(s.is_empty().unwrap());
        county(&mut s);
    }
    let s = Store::open(&path, Thresholds::default()).unwrap();
    assert_eq!(s.units().unwrap().len(), 2);
    let v: i64 = s
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION as i64);
    let fk: i64 = s
        .conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let mode: String = s
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_database_from_a_newer_duban_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(Store::open(&path, Thresholds::default()).unwrap());
    let newer = SCHEMA_VERSION as i64 + 1;
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    match Store::open(&path, Thresholds::default()) {
        Err(StoreError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (newer, SCHEMA_VERSION))
        }
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
    let v: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, newer, "nothing written");
}

#[test]
fn every_write_appends_one_audit_row_with_user_and_json() {
    let (_dir, mut s) = fresh();
    let before = audit_count(&s);
    let m = county(&mut s);
    // 2 units, 1 leader, 1 meeting, 1 minutes.
    assert_eq!(audit_count(&s), before + 5);
    let t = task(&mut s, m, Limit::Default);
    let last = &s.audit_log(Some("task"), Some(&t.to_string()), 1).unwrap()[0];
    assert_eq!(last.action, "create");
    assert_eq!(last.user, crate::os::current_user());
    assert!(last.at.ends_with("+08:00"));
    assert_eq!(last.after.as_ref().unwrap()["text"], "完成管网改造");
    assert!(last.before.is_none());
    s.complete_task(t, d("2026-11-20"), Some("已完成".into()), None)
        .unwrap();
    let last = &s.audit_log(Some("task"), Some(&t.to_string()), 1).unwrap()[0];
    assert_eq!(last.action, "update");
    assert_eq!(
        last.before.as_ref().unwrap()["completed_on"],
        serde_json::Value::Null
    );
    assert_eq!(last.after.as_ref().unwrap()["completed_on"], "2026-11-20");
}

#[test]
fn the_audit_log_is_append_only() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    assert!(s.conn.execute("UPDATE audit SET user = 'x'", []).is_err());
    assert!(s.conn.execute("DELETE FROM audit", []).is_err());
}

#[test]
fn a_stale_version_is_refused_naming_who_changed_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    county(&mut a);
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    let seen_by_a = a.unit_by_name("上塘镇").unwrap();
    let seen_by_b = b.unit_by_name("上塘镇").unwrap();
    b.update_unit(&Unit {
        main_leader: Some("张书记".into()),
        ..seen_by_b
    })
    .unwrap();
    let audit_before = audit_count(&a);
    match a.update_unit(&Unit {
        contact: Some("0577-1".into()),
        ..seen_by_a
    }) {
        Err(StoreError::Conflict { entity, by, at, .. }) => {
            assert_eq!(entity, Entity::Unit);
            assert_eq!(by, crate::os::current_user());
            assert!(at.ends_with("+08:00"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let now = a.unit_by_name("上塘镇").unwrap();
    assert_eq!(
        now.main_leader.as_deref(),
        Some("张书记"),
        "b's change is kept"
    );
    assert_eq!(now.contact, None, "a's change is not written");
    assert_eq!(audit_count(&a), audit_before);
}

#[test]
fn calendar_overrides_move_deadlines_in_the_same_transaction() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let day_off = DayEntry {
        date: d("2026-11-10"),
        off: DayOff::Off,
        name: "测试".into(),
    };
    s.set_calendar_days(&[day_off], false).unwrap();
    assert!(!s.calendar().is_workday(d("2026-11-10")));
    assert_eq!(
        s.task_row(t, d("2026-11-25")).unwrap().due,
        Some(d("2026-11-24"))
    );
    // The override survives a reopen.
    assert!(!s.calendar().is_year_covered(2027));
    // One stray row is not the 2027 notice: the year stays provisional.
    let days = parse_calendar_csv("date,is_off_day,name\n2027-01-01,1,元旦\n").unwrap();
    let w = s.set_calendar_days(&days, true).unwrap();
    assert!(!w.years[&2027].nothing());
    assert!(!s.calendar().is_year_covered(2027));
    // Its Spring Festival and National Day, in a second file: now it is known.
    let mut csv = String::from("date,is_off_day,name\n");
    for d in 6..=12 {
        csv.push_str(&format!("2027-02-{d:02},1,春节\n"));
    }
    for d in 1..=7 {
        csv.push_str(&format!("2027-10-{d:02},1,国庆节\n"));
    }
    let w = s
        .set_calendar_days(&parse_calendar_csv(&csv).unwrap(), true)
        .unwrap();
    assert!(w.years[&2027].nothing());
    assert!(s.calendar().is_year_covered(2027));
}

#[test]
fn bad_input_changes_nothing() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let n = audit_count(&s);
    let bad = NewTask {
        meeting_id: m,
        text: "x".into(),
        lead_unit: "不存在镇".into(),
        co_units: vec![],
        leader: None,
        limit: Limit::Default,
    };
    assert!(matches!(
        s.add_task(bad),
        Err(StoreError::NotFound {
            entity: Entity::Unit,
            ..
        })
    ));
    let lead_is_co = NewTask {
        meeting_id: m,
        text: "x".into(),
        lead_unit: "上塘镇".into(),
        co_units: vec!["上塘镇".into()],
        leader: None,
        limit: Limit::Default,
    };
    assert!(matches!(
        s.add_task(lead_is_co),
        Err(StoreError::Invalid(Invalid::LeadIsCoUnit(_)))
    ));
    let dup = NewUnit {
        name: "上塘镇".into(),
        kind: UnitKind::Township,
        main_leader: None,
        contact: None,
    };
    assert!(matches!(s.add_unit(dup), Err(StoreError::Duplicate { .. })));
    assert!(
        s.update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-10-01")))
            .is_err()
    );
    assert_eq!(audit_count(&s), n);
    assert!(
        s.tasks(&TaskFilter::default(), d("2026-11-25"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn filters_treat_quotes_and_wildcards_as_text() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    task(&mut s, m, Limit::Default);
    for text in ["%", "_", "'; DROP TABLE task; --", "\""] {
        let f = TaskFilter {
            text: Some(text.into()),
            ..TaskFilter::default()
        };
        assert!(s.tasks(&f, d("2026-11-25")).unwrap().is_empty(), "{text}");
    }
    let f = TaskFilter {
        text: Some("管网".into()),
        ..TaskFilter::default()
    };
    assert_eq!(s.tasks(&f, d("2026-11-25")).unwrap().len(), 1);
    let f = TaskFilter {
        text: Some("城区供水".into()),
        ..TaskFilter::default()
    };
    assert_eq!(
        s.tasks(&f, d("2026-11-25")).unwrap().len(),
        1,
        "meeting topics are searched"
    );
}

#[test]
fn a_bulk_load_leaves_every_index_as_the_schema_defines_it() {
    let index_sql = |s: &Store| -> Vec<(String, Option<String>)> {
        let mut stmt = s
            .conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let fresh = Store::open_in_memory(Thresholds::default()).unwrap();
    let loaded = demo_store("2026-11-25");
    assert_eq!(index_sql(&loaded), index_sql(&fresh));
    let ok: String = loaded
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}
