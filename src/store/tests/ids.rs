//! An id is never given twice (migration 10): a create undone leaves its id to the record the
//! audit log names, and the next create gets the one after.

use super::*;

/// Takes a database back to before migration 10 (for migration tests): what migrations 10 to 14
/// add removed.
pub(super) fn forget_migration_10(conn: &rusqlite::Connection) {
    super::promises::forget_migration_12(conn);
    for t in crate::store::ID_TABLES {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {t}_id_used"))
            .unwrap();
    }
    conn.execute_batch(
        "DROP TABLE id_used; DROP TRIGGER audit_length_insert; DROP TABLE audit_length;",
    )
    .unwrap();
}

/// Takes a database back to before migration 14 (for migration tests): meetings of unknown
/// procedure removed. Migration 13 adds nothing to the schema, so this is also the way back to
/// before 13.
pub(super) fn forget_migration_14(conn: &rusqlite::Connection) {
    // Dropping a column parses the schema's triggers, which call the store's search functions.
    crate::store::search::register(conn).unwrap();
    // Migration 15's aliases go first.
    conn.execute_batch("DROP TABLE IF EXISTS unit_alias;")
        .unwrap();
    conn.execute_batch(
        "DROP INDEX meeting_minutes_unissued;
         ALTER TABLE meeting DROP COLUMN procedure_unknown;
         CREATE INDEX meeting_minutes_unissued ON meeting(date) WHERE minutes_issued_on IS NULL;",
    )
    .unwrap();
}

fn audit_ids(s: &Store, entity: &str) -> Vec<String> {
    s.audit_log(Some(entity), None, 1000)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "create")
        .map(|r| r.entity_id)
        .collect()
}

#[test]
fn a_create_undone_keeps_its_id_from_the_next_create() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    s.undo_last().unwrap();
    let again = task(&mut s, m, Limit::Default);
    assert_eq!(again, t + 1, "not the undone task's id");
    // Progress and a unit alike.
    let p = s.add_progress(again, d("2026-11-05"), "已开工").unwrap();
    s.undo_last().unwrap();
    let p2 = s.add_progress(again, d("2026-11-06"), "已开工").unwrap();
    assert!(p2 > p);
    let new_unit = |s: &mut Store, name: &str| {
        s.add_unit(NewUnit {
            name: name.into(),
            kind: UnitKind::Department,
            main_leader: None,
            contact: None,
        })
        .unwrap()
        .id
    };
    let u = new_unit(&mut s, "县审计局");
    s.undo_last().unwrap();
    assert!(new_unit(&mut s, "县统计局") > u);
    // Each id the log says was created names one record only.
    for entity in ["task", "unit", "progress"] {
        let ids = audit_ids(&s, entity);
        let mut distinct = ids.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), ids.len(), "{entity}: {ids:?}");
    }
}

#[test]
fn migration_10_starts_above_the_ids_the_audit_log_names() {
    let (dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    s.undo_last().unwrap();
    drop(s);
    // The file as duban 9 left it, with task `t` created and undone.
    let path = dir.path().join("t.db");
    let old = rusqlite::Connection::open(&path).unwrap();
    forget_migration_10(&old);
    old.execute_batch("PRAGMA user_version = 9").unwrap();
    drop(old);
    let mut s = Store::open(&path, Thresholds::default()).unwrap();
    assert_eq!(task(&mut s, m, Limit::Default), t + 1);
}

#[test]
fn a_bulk_load_leaves_the_highest_ids_kept() {
    let s = demo_store("2026-11-25");
    for t in crate::store::ID_TABLES {
        let (last, max): (i64, i64) = s
            .conn
            .query_row(
                &format!(
                    "SELECT (SELECT last FROM id_used WHERE tbl = '{t}'),
                            (SELECT coalesce(max(id), 0) FROM {t})"
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(last, max, "{t}");
    }
}
