//! The database file itself: a full disk, damaged or foreign files, the write-ahead log with a
//! long-lived reader, backups and restores.

use super::*;

fn page_count(store: &Store) -> i64 {
    store
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap()
}

fn long_task(store: &mut Store, meeting: i64, n: usize) -> Result<i64> {
    store.add_task(NewTask {
        meeting_id: meeting,
        text: format!("{n} {}", "完成管网改造".repeat(160)),
        lead_unit: "上塘镇".into(),
        co_units: vec![],
        leader: None,
        limit: Limit::Default,
    })
}

#[test]
fn a_full_disk_is_disk_full_and_the_write_is_rolled_back_whole() {
    let (_dir, mut store) = fresh();
    let m = county(&mut store);
    // The database may not grow past a few pages more than it has: as a full disk would.
    let cap = page_count(&store) + 3;
    store
        .conn
        .pragma_update(None, "max_page_count", cap)
        .unwrap();
    let mut refused = None;
    for n in 0..50 {
        let tasks = store
            .task_count(&TaskFilter::default(), d("2026-11-25"))
            .unwrap();
        let audit = audit_count(&store);
        match long_task(&mut store, m, n) {
            Ok(_) => continue,
            Err(e) => {
                // Nothing of the refused write is left: no task, no audit row.
                assert_eq!(
                    store
                        .task_count(&TaskFilter::default(), d("2026-11-25"))
                        .unwrap(),
                    tasks
                );
                assert_eq!(audit_count(&store), audit);
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("the capped database filled up");
    assert!(matches!(e, StoreError::DiskFull), "{e:?}");
    assert!(!e.is_bad_input());
    let r = store.check(d("2026-11-25")).unwrap();
    assert_eq!((r.integrity.as_str(), r.counts_kept.as_str()), ("ok", "ok"));
}

#[test]
fn sqlite_failures_of_the_file_become_their_own_errors() {
    use rusqlite::ffi;
    let code = |c: i32| StoreError::from(rusqlite::Error::SqliteFailure(ffi::Error::new(c), None));
    assert!(matches!(code(ffi::SQLITE_FULL), StoreError::DiskFull));
    assert!(matches!(code(ffi::SQLITE_READONLY), StoreError::ReadOnly));
    assert!(matches!(
        code(ffi::SQLITE_READONLY_CANTINIT),
        StoreError::ReadOnly
    ));
    assert!(matches!(code(ffi::SQLITE_CANTOPEN), StoreError::CannotOpen));
    assert!(matches!(code(ffi::SQLITE_NOTADB), StoreError::NotADatabase));
    assert!(matches!(code(ffi::SQLITE_CORRUPT), StoreError::Corrupt));
    assert!(matches!(code(ffi::SQLITE_BUSY), StoreError::Sqlite(_)));
    assert!(matches!(
        code(ffi::SQLITE_CONSTRAINT),
        StoreError::Sqlite(_)
    ));
}

fn sha(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_foreign_or_garbage_or_truncated_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    // Another program's SQLite database: not migrated into a duban one.
    let foreign = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');")
            .unwrap();
    }
    let garbage = dir.path().join("garbage.db");
    std::fs::write(
        &garbage,
        (0..20_000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let truncated = dir.path().join("truncated.db");
    {
        let mut s = Store::open(&truncated, Thresholds::default()).unwrap();
        let m = county(&mut s);
        for n in 0..20 {
            long_task(&mut s, m, n).unwrap();
        }
    }
    let len = std::fs::metadata(&truncated).unwrap().len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&truncated)
        .unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    for (path, want) in [
        (&foreign, "not a duban database"),
        (&garbage, "not a duban database"),
        (&truncated, "damaged"),
    ] {
        let before = sha(path);
        let e = Store::open(path, Thresholds::default())
            .err()
            .expect("refused");
        assert!(e.to_string().contains(want), "{}: {e:?}", path.display());
        assert_eq!(sha(path), before, "{} unchanged", path.display());
    }
}

#[test]
fn an_idle_store_holds_no_read_transaction_so_a_checkpoint_of_another_connection_completes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path, Thresholds::default()).unwrap();
    let m = county(&mut store);
    let id = task(&mut store, m, Limit::Default);
    // What a screen reads, with the statements cached and the snapshot of an export dropped.
    let today = d("2026-11-25");
    let window = TaskFilter {
        limit: Some(20),
        ..TaskFilter::default()
    };
    store.tasks(&window, today).unwrap();
    store.overview(today).unwrap();
    store.task_detail(id, today).unwrap();
    store.audit_page(0, 10).unwrap();
    drop(store.snapshot().unwrap());
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .busy_timeout(std::time::Duration::from_secs(2))
        .unwrap();
    for n in 0..50 {
        other
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, 'x')",
                [format!("k{n}")],
            )
            .unwrap();
    }
    let wal = |c: &rusqlite::Connection, mode: &str| -> (i64, i64, i64) {
        c.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
    };
    // TRUNCATE waits for every reader and writer: it finishes (busy 0) and empties the log.
    assert_eq!(wal(&other, "TRUNCATE"), (0, 0, 0));
    assert_eq!(
        std::fs::metadata(dir.path().join("t.db-wal"))
            .unwrap()
            .len(),
        0
    );
    // The store still reads, and sees the other connection's rows.
    assert_eq!(store.tasks(&window, today).unwrap().len(), 1);

    // The store's own passive checkpoint: behind a reader it copies back only what the reader
    // does not need; once the reader is gone, everything.
    for n in 0..20 {
        long_task(&mut store, m, n).unwrap();
    }
    let reader = rusqlite::Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap();
    for n in 20..30 {
        long_task(&mut store, m, n).unwrap();
    }
    let behind = store.checkpoint().unwrap();
    assert!(
        behind.frames > 0 && behind.checkpointed < behind.frames,
        "{behind:?}"
    );
    assert!(behind.bytes > 0);
    reader.execute_batch("COMMIT").unwrap();
    let done = store.checkpoint().unwrap();
    assert!(
        done.frames > 0 && done.checkpointed == done.frames,
        "{done:?}"
    );
    assert_eq!(store.check(today).unwrap().wal.frames, done.frames);
}

#[test]
fn a_restore_replaces_the_database_and_records_itself() {
    let (dir, mut store) = fresh();
    let m = county(&mut store);
    let kept = task(&mut store, m, Limit::Default);
    let backup = dir.path().join("backup.db");
    store.backup(&backup).unwrap();
    let info = Store::check_backup(&backup).unwrap();
    assert_eq!((info.schema, info.tasks), (SCHEMA_VERSION as i64, 1));
    // Changes after the backup are undone by the restore.
    let later = task(&mut store, m, Limit::Default);
    store
        .complete_task(kept, d("2026-11-20"), None, None)
        .unwrap();
    let restored = store.restore_from(&backup).unwrap();
    assert_eq!(restored, info);
    let today = d("2026-11-25");
    assert!(matches!(
        store.task(later),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.task(kept).unwrap().completed_on, None);
    let newest = &store.audit_log(None, None, 1).unwrap()[0];
    assert_eq!(
        (newest.action.as_str(), newest.entity.as_str()),
        ("restore", "database")
    );
    assert_eq!(newest.after.as_ref().unwrap()["tasks"], 1);
    // The store goes on writing on the restored database; it is whole.
    task(&mut store, m, Limit::Default);
    let r = store.check(today).unwrap();
    assert_eq!(
        (r.integrity.as_str(), r.counts_kept.as_str(), r.tasks),
        ("ok", "ok", 2)
    );
    // Another connection sees the restored database too.
    drop(store);
    let again = Store::open(&dir.path().join("t.db"), Thresholds::default()).unwrap();
    assert_eq!(again.task_count(&TaskFilter::default(), today).unwrap(), 2);
    let mode: String = again
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn refused_restores_leave_the_database_as_it_was() {
    let (dir, mut store) = fresh();
    let m = county(&mut store);
    task(&mut store, m, Limit::Default);
    let good = dir.path().join("good.db");
    store.backup(&good).unwrap();
    let newer = dir.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION as i64 + 1)
        .unwrap();
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&good).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half);
    std::fs::write(&damaged, &bytes).unwrap();
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("PRAGMA user_version = 3; CREATE TABLE t (x);")
        .unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, "not a database at all, just text ".repeat(200)).unwrap();
    let small_pages = dir.path().join("small_pages.db");
    std::fs::copy(&good, &small_pages).unwrap();
    rusqlite::Connection::open(&small_pages)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;")
        .unwrap();
    let live = dir.path().join("t.db");
    let audit = audit_count(&store);
    for (path, problem) in [
        (&newer, "Newer"),
        (&damaged, "Unreadable"),
        (&foreign, "NotDuban"),
        (&garbage, "Unreadable"),
        (&small_pages, "PageSize"),
        (&dir.path().join("missing.db"), "Unreadable"),
        (&live, "SameFile"),
    ] {
        let e = store.restore_from(path).expect_err("refused");
        assert!(e.is_bad_input());
        assert!(
            format!("{e:?}").contains(problem),
            "{}: {e:?}",
            path.display()
        );
        assert_eq!(audit_count(&store), audit, "nothing written");
    }
    assert_eq!(
        store
            .task_count(&TaskFilter::default(), d("2026-11-25"))
            .unwrap(),
        1
    );
}

#[test]
fn a_backup_of_an_older_schema_is_migrated_when_restored() {
    let (dir, mut store) = fresh();
    let old = dir.path().join("old.db");
    {
        let mut c = rusqlite::Connection::open(&old).unwrap();
        crate::store::search::register(&c).unwrap();
        schema::migrations()
            .to_version(&mut c, SCHEMA_VERSION - 1)
            .unwrap();
    }
    let info = Store::check_backup(&old).unwrap();
    assert_eq!(info.schema, SCHEMA_VERSION as i64 - 1);
    store.restore_from(&old).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION as i64);
    // The migrated database takes writes.
    county(&mut store);
    assert_eq!(store.check(d("2026-11-25")).unwrap().integrity, "ok");
}
