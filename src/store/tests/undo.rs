//! Undo: every supported change round-trips; only the user's own changes, newest first; refused
//! when the record changed since or gained dependants.

use rusqlite::types::Value;

use super::*;
use crate::domain::{Leader, Unit};

mod refusals;
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
