//! The audit chain: whole after real work, and broken where a row is edited, removed or slipped
//! in behind the store's back.

use super::*;
use crate::domain::Limit;

/// A store with some history: the county, two tasks, progress and an undo.
fn worked() -> (tempfile::TempDir, Store) {
    let (dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    task(&mut s, m, Limit::Default);
    s.add_progress(t, d("2026-11-05"), "已开工").unwrap();
    s.undo_last().unwrap();
    (dir, s)
}

/// Runs `sql` on the file with the append-only triggers set aside, as someone with the sqlite3
/// shell could.
fn tamper(s: &Store, sql: &str) {
    s.conn
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; {sql};
             CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                 BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
             CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                 BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
        ))
        .unwrap();
}

#[test]
fn the_chain_of_real_work_is_whole_and_its_head_is_the_newest_row() {
    let (_dir, s) = worked();
    let c = s.audit_chain().unwrap();
    assert!(c.is_ok(), "{:?}", c.breaks);
    assert_eq!(c.rows, s.audit_count().unwrap());
    let newest = &s.audit_log(None, None, 1).unwrap()[0];
    let (id, hash) = c.head.unwrap();
    assert_eq!(id, newest.id);
    assert_eq!(hash.len(), 64);
    assert!(s.check(d("2026-11-25")).unwrap().audit_chain.is_ok());
}

#[test]
fn an_edited_row_breaks_the_chain_there() {
    let (_dir, s) = worked();
    tamper(&s, "UPDATE audit SET user = 'someone' WHERE id = 3");
    assert_eq!(
        s.audit_chain().unwrap().breaks,
        vec![ChainBreak::Altered { id: 3 }]
    );
}

#[test]
fn a_removed_row_is_a_gap() {
    let (_dir, s) = worked();
    let kept = s.audit_count().unwrap();
    assert_eq!(s.check(d("2026-11-25")).unwrap().counts_kept, "ok");
    tamper(&s, "DELETE FROM audit WHERE id = 4");
    assert_eq!(
        s.audit_chain().unwrap().breaks,
        vec![ChainBreak::Gap { after: 3, next: 5 }]
    );
    // The kept length no longer matches: the list and `duban check` say so.
    assert_eq!(s.audit_count().unwrap(), kept);
    assert_eq!(s.check(d("2026-11-25")).unwrap().counts_kept, "audit");
}

#[test]
fn a_row_slipped_in_breaks_the_chain() {
    let (_dir, s) = worked();
    // Inserts need no trigger set aside: the log is append-only, not closed.
    s.conn
        .execute(
            "INSERT INTO audit (at, user, action, entity, entity_id) VALUES ('x', 'x', 'create', 'unit', '9')",
            [],
        )
        .unwrap();
    let c = s.audit_chain().unwrap();
    assert_eq!(c.breaks, vec![ChainBreak::Unhashed { id: c.rows as i64 }]);
    // A forged hash does not help: it must chain from the row before.
    let (_dir, s) = worked();
    s.conn
        .execute(
            "INSERT INTO audit (at, user, action, entity, entity_id, hash) VALUES ('x', 'x', 'create', 'unit', '9', ?1)",
            [&"0".repeat(64)],
        )
        .unwrap();
    let c = s.audit_chain().unwrap();
    assert_eq!(c.breaks, vec![ChainBreak::Altered { id: c.rows as i64 }]);
}

#[test]
fn the_log_refuses_update_and_delete() {
    let (_dir, s) = worked();
    for sql in ["UPDATE audit SET user = 'x'", "DELETE FROM audit"] {
        let e = s.conn.execute(sql, []).unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
    }
}

#[test]
fn rows_from_before_the_chain_are_chained_on_the_first_open_after_it() {
    let (dir, s) = worked();
    let rows = s.audit_count().unwrap();
    // As migration 8 leaves an older database: rows without a hash, up to the last of them.
    tamper(
        &s,
        "UPDATE audit SET hash = NULL;
         INSERT INTO setting (key, value) SELECT 'audit_unchained_upto', max(id) FROM audit",
    );
    assert!(!s.audit_chain().unwrap().is_ok());
    drop(s);
    let s = Store::open(&dir.path().join("t.db"), Thresholds::default()).unwrap();
    let c = s.audit_chain().unwrap();
    assert!(c.is_ok(), "{:?}", c.breaks);
    assert_eq!(c.rows, rows);
    // Done once: the guard is back and the setting gone.
    assert!(s.conn.execute("UPDATE audit SET user = 'x'", []).is_err());
    let left: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM setting WHERE key = 'audit_unchained_upto'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn audit_windows_read_from_an_entry_or_from_the_end_are_the_pages_of_the_whole_log() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    for _ in 0..60 {
        task(&mut s, m, Limit::Default);
    }
    let total = s.audit_count().unwrap();
    assert!(total > 60);
    let whole: Vec<i64> = s
        .audit_page(0, total)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(whole.len(), total);
    let ids = |rows: Vec<crate::store::AuditEntry>| rows.iter().map(|e| e.id).collect::<Vec<_>>();
    for offset in [0, 1, 9, total / 2, total - 12, total - 5, total - 1] {
        let want: Vec<i64> = whole.iter().skip(offset).take(10).copied().collect();
        assert_eq!(
            ids(s.audit_window(offset, 10, total, None).unwrap()),
            want,
            "{offset}"
        );
        for at in [
            offset.saturating_sub(15),
            offset.saturating_sub(3),
            offset,
            offset + 4,
        ] {
            let Some(&id) = whole.get(at) else { continue };
            let got = ids(s.audit_window(offset, 10, total, Some((id, at))).unwrap());
            assert_eq!(got, want, "offset {offset}, anchor at {at}");
        }
    }
}
