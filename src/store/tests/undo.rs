//! Undo: every supported change round-trips; only the user's own changes, newest first; refused
//! when the record changed since or gained dependants.

use rusqlite::types::Value;

use super::*;
use crate::domain::{Leader, Unit};

mod round_trips;

/// Every record of every table but the audit log, calendar and settings, without versions (an
/// undo moves a record's version on: the content comes back, the version does not).
fn db_state(s: &Store) -> Vec<(String, Vec<String>)> {
    let tables = [
        "unit",
        "leader",
        "meeting",
        "meeting_topic",
        "attendance",
        "minutes",
        "feedback",
        "task",
        "task_co_unit",
        "progress_report",
        "explanation",
        "criticism",
        "criticism_task",
        "referral",
        "waiver",
    ];
    tables
        .iter()
        .map(|table| {
            let mut stmt = s.conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
            let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells = names
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| *n != "version")
                        .map(|(i, n)| Ok(format!("{n}={:?}", r.get::<_, Value>(i)?)))
                        .collect::<rusqlite::Result<Vec<_>>>()?;
                    Ok(cells.join(" "))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            (table.to_string(), rows)
        })
        .collect()
}

/// Runs `change` (one audited change), undoes it, and checks that the database is as before and
/// that one `undo` row names the change; then redoes it (the database is as the change left it,
/// one `redo` row names the undo) and undoes the redo (as before again).
fn round_trip(s: &mut Store, change: impl FnOnce(&mut Store)) {
    let before = db_state(s);
    let n = audit_count(s);
    change(s);
    assert_eq!(audit_count(s), n + 1, "the change is one audited change");
    let changed = s.audit_page(0, 1).unwrap().remove(0);
    let after_change = db_state(s);
    assert_ne!(after_change, before, "the change changes something");
    let undone = s.undo_last().unwrap();
    assert_eq!(undone.audit_id, changed.id);
    assert_eq!(undone.action, changed.action);
    assert_eq!(undone.entity.code(), changed.entity);
    assert_eq!(undone.entity_id, changed.entity_id);
    assert_eq!(
        db_state(s),
        before,
        "undoing {} {}",
        changed.action,
        changed.entity
    );
    assert_eq!(audit_count(s), n + 2);
    let row = s.audit_page(0, 1).unwrap().remove(0);
    assert_eq!(row.action, "undo");
    assert_eq!(row.undoes, Some(changed.id));
    assert_eq!(
        (row.entity, row.entity_id),
        (changed.entity.clone(), changed.entity_id.clone())
    );
    assert!(row.before.is_some(), "the record as it was before the undo");
    // Redo: the change is made again, as one audited `redo` of the undo.
    let undo_row = row.id;
    let redone = s.redo_last().unwrap();
    assert_eq!(
        (redone.audit_id, redone.entity_id.as_str()),
        (undo_row, changed.entity_id.as_str())
    );
    assert_eq!(
        db_state(s),
        after_change,
        "redoing {} {}",
        changed.action,
        changed.entity
    );
    let row = s.audit_page(0, 1).unwrap().remove(0);
    assert_eq!((row.action.as_str(), row.undoes), ("redo", Some(undo_row)));
    // The redo is a change `u` undoes again.
    s.undo_last().unwrap();
    assert_eq!(
        db_state(s),
        before,
        "undoing the redo of {}",
        changed.entity
    );
    assert_eq!(audit_count(s), n + 4);
}

fn two_users() -> (tempfile::TempDir, Store, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    a.fix_audit_clock("张三", "2026-11-03T09:00:00+08:00");
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    b.fix_audit_clock("王五", "2026-11-03T10:00:00+08:00");
    (dir, a, b)
}

#[test]
fn nothing_to_undo_on_a_fresh_database() {
    let (_dir, mut s) = fresh();
    assert!(matches!(
        s.undo_last(),
        Err(StoreError::Invalid(Invalid::NothingToUndo))
    ));
    assert_eq!(audit_count(&s), 0);
}

#[test]
fn a_second_undo_undoes_the_change_before_and_undos_are_not_undone() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    let v1 = s.unit_by_name("上塘镇").unwrap();
    let v2 = s
        .update_unit(&Unit {
            main_leader: Some("张书记".into()),
            ..v1.clone()
        })
        .unwrap();
    s.update_unit(&Unit {
        contact: Some("0577-1".into()),
        ..v2.clone()
    })
    .unwrap();
    s.undo_last().unwrap();
    let now = s.unit(v1.id).unwrap();
    assert_eq!(Unit { version: 0, ..now }, Unit { version: 0, ..v2 });
    s.undo_last().unwrap();
    let now = s.unit(v1.id).unwrap();
    assert_eq!(
        Unit {
            version: 0,
            ..now.clone()
        },
        Unit { version: 0, ..v1 }
    );
    assert_eq!(
        now.version, 5,
        "every change, undos too, moves the version on"
    );
    // Next come county()'s changes, newest first: the minutes, the meeting, ...
    assert_eq!(s.undo_last().unwrap().entity, Entity::Minutes);
    assert_eq!(s.undo_last().unwrap().entity, Entity::Meeting);
    assert_eq!(s.undo_last().unwrap().entity, Entity::Leader);
    assert_eq!(s.undo_last().unwrap().entity, Entity::Unit);
    assert_eq!(s.undo_last().unwrap().entity, Entity::Unit);
    assert!(s.units().unwrap().is_empty());
    assert!(matches!(
        s.undo_last(),
        Err(StoreError::Invalid(Invalid::NothingToUndo))
    ));
}

#[test]
fn another_users_change_is_not_undone_by_me() {
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let unit = a.unit_by_name("上塘镇").unwrap();
    a.update_unit(&Unit {
        contact: Some("0577-1".into()),
        ..unit.clone()
    })
    .unwrap();
    let leader = b.leader_by_name("李副县长").unwrap();
    b.update_leader(&Leader {
        title: LeaderTitle::CountyHead,
        ..leader
    })
    .unwrap();
    let undone = a.undo_last().unwrap();
    assert_eq!(
        (undone.entity, undone.entity_id),
        (Entity::Unit, unit.id.to_string())
    );
    assert_eq!(a.unit(unit.id).unwrap().contact, None);
    let kept = a.leader_by_name("李副县长").unwrap();
    assert_eq!(kept.title, LeaderTitle::CountyHead, "王五's change stays");
    let row = a.audit_page(0, 1).unwrap().remove(0);
    assert_eq!((row.action.as_str(), row.user.as_str()), ("undo", "张三"));
    // 王五 undoes his own.
    assert_eq!(b.undo_last().unwrap().entity, Entity::Leader);
    assert_eq!(a.leader(kept.id).unwrap().title, LeaderTitle::DeputyHead);
    assert!(matches!(
        b.undo_last(),
        Err(StoreError::Invalid(Invalid::NothingToUndo))
    ));
}

#[test]
fn undo_is_refused_when_the_record_changed_since() {
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let unit = a.unit_by_name("上塘镇").unwrap();
    a.update_unit(&Unit {
        contact: Some("0577-1".into()),
        ..unit
    })
    .unwrap();
    let seen = b.unit_by_name("上塘镇").unwrap();
    b.update_unit(&Unit {
        main_leader: Some("张书记".into()),
        ..seen
    })
    .unwrap();
    let n = audit_count(&a);
    match a.undo_last() {
        Err(StoreError::Conflict { entity, by, at, .. }) => {
            assert_eq!(entity, Entity::Unit);
            assert_eq!(
                (by.as_str(), at.as_str()),
                ("王五", "2026-11-03T10:00:00+08:00")
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n, "nothing written");
    let now = a.unit_by_name("上塘镇").unwrap();
    assert_eq!(now.contact.as_deref(), Some("0577-1"));
    assert_eq!(now.main_leader.as_deref(), Some("张书记"));
}

#[test]
fn undoing_a_creation_with_dependants_since_is_refused() {
    let (_dir, mut a, mut b) = two_users();
    let m = county(&mut a);
    let t = task(&mut a, m, Limit::Default);
    b.add_progress(t, d("2026-11-04"), "已开工").unwrap();
    let n = audit_count(&a);
    match a.undo_last() {
        Err(StoreError::Invalid(Invalid::HasDependants {
            entity,
            id,
            dependant,
        })) => {
            assert_eq!((entity, dependant), (Entity::Task, Entity::Progress));
            assert_eq!(id, t.to_string());
        }
        other => panic!("expected HasDependants, got {other:?}"),
    }
    assert_eq!(audit_count(&a), n);
    assert!(a.task(t).is_ok());
    // A meeting with tasks stays too.
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let m = a
        .add_meeting(NewMeeting {
            topics: vec!["防汛".into()],
            date: Some(d("2026-11-03")),
            ..NewMeeting::default()
        })
        .unwrap();
    task(&mut b, m, Limit::Default);
    assert!(matches!(
        a.undo_last(),
        Err(StoreError::Invalid(Invalid::HasDependants {
            entity: Entity::Meeting,
            dependant: Entity::Task,
            ..
        }))
    ));
}

#[test]
fn a_calendar_change_cannot_be_undone() {
    let (_dir, mut s) = fresh();
    let days = parse_calendar_csv("date,is_off_day,name\n2027-01-01,1,元旦\n").unwrap();
    s.set_calendar_days(&days, true).unwrap();
    let n = audit_count(&s);
    match s.undo_last() {
        Err(StoreError::Invalid(Invalid::CannotUndo(code))) => assert_eq!(code, "calendar"),
        other => panic!("expected CannotUndo, got {other:?}"),
    }
    assert_eq!(audit_count(&s), n);
}

#[test]
fn undo_rows_are_append_only_and_each_change_is_undone_once() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    s.undo_last().unwrap();
    assert!(
        s.conn
            .execute("UPDATE audit SET undoes = NULL", [])
            .is_err()
    );
    assert!(
        s.conn
            .execute("DELETE FROM audit WHERE action = 'undo'", [])
            .is_err()
    );
    let undone: i64 = s
        .conn
        .query_row("SELECT undoes FROM audit WHERE action = 'undo'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let again = s.conn.execute(
        "INSERT INTO audit (at, user, action, entity, entity_id, undoes) VALUES ('x', 'x', 'undo', 'unit', '1', ?1)",
        [undone],
    );
    assert!(again.is_err(), "a change is undone at most once");
}

#[test]
fn a_database_of_schema_2_migrates_and_its_changes_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let old = rusqlite_migration::Migrations::from_iter(
            schema::MIGRATIONS[..2]
                .iter()
                .map(|sql| rusqlite_migration::M::up(sql)),
        );
        old.to_latest(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO unit (id, name, kind, initials) VALUES (1, '上塘镇', 'township', 'stz')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO audit (at, user, action, entity, entity_id, after) VALUES ('2026-11-01T09:00:00+08:00', '张三',
             'create', 'unit', '1', '{\"id\":1,\"name\":\"上塘镇\",\"kind\":\"township\",\"main_leader\":null,
             \"contact\":null,\"active\":true,\"version\":1}')",
            [],
        )
        .unwrap();
    }
    let mut s = Store::open(&path, Thresholds::default()).unwrap();
    assert_eq!(s.audit_log(None, None, 10).unwrap()[0].undoes, None);
    s.fix_audit_clock("张三", "2026-11-03T09:00:00+08:00");
    s.undo_last().unwrap();
    assert!(s.units().unwrap().is_empty());
}

#[test]
fn changes_of_the_record_since_that_were_undone_do_not_stand_in_the_way() {
    let (_dir, mut a, mut b) = two_users();
    county(&mut a);
    let unit = a.unit_by_name("上塘镇").unwrap();
    let mine = a
        .update_unit(&Unit {
            contact: Some("0577-1".into()),
            ..unit.clone()
        })
        .unwrap();
    // 王五 changes it and takes it back: the record is as my change left it.
    b.update_unit(&Unit {
        main_leader: Some("张书记".into()),
        ..mine.clone()
    })
    .unwrap();
    b.undo_last().unwrap();
    a.undo_last().unwrap();
    let now = a.unit(unit.id).unwrap();
    assert_eq!(Unit { version: 0, ..now }, Unit { version: 0, ..unit });
    // 王五's change that stands blocks mine below it, even with a later change of mine undone.
    let mine = a
        .update_unit(&Unit {
            contact: Some("0577-2".into()),
            ..a.unit(unit.id).unwrap()
        })
        .unwrap();
    let his = b
        .update_unit(&Unit {
            main_leader: Some("李书记".into()),
            ..mine
        })
        .unwrap();
    a.update_unit(&Unit {
        contact: Some("0577-3".into()),
        ..his
    })
    .unwrap();
    a.undo_last().unwrap();
    assert!(matches!(
        a.undo_last(),
        Err(StoreError::Conflict { by, .. }) if by == "王五"
    ));
    assert_eq!(
        a.unit(unit.id).unwrap().main_leader.as_deref(),
        Some("李书记")
    );
}
