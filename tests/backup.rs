//! `duban backup` while others write, and `duban restore`: checked first, confirmed, copied over
//! the live database with others connected, recorded in the audit log; refusals change nothing.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use support::cli::Run;
use support::pty::{Pty, open_pty};
use support::{Db, Running, files, verify, verify_at};

#[test]
fn backups_taken_while_two_writers_run_are_whole_and_hold_a_prefix_of_their_writes() {
    let db = Db::prepared();
    let mut writers: Vec<Running> = (1..=2)
        .map(|k| Running::start(db.writer(k, 100_000, 60)))
        .collect();
    let out = tempfile::tempdir().unwrap();
    let mut backups = Vec::new();
    for n in 0..3 {
        for w in &mut writers {
            let have = w.acks.len();
            w.wait_acks(have + 20, 30);
        }
        // Every write acknowledged before the backup starts must be in it.
        let before: Vec<_> = writers.iter().flat_map(|w| w.acks.clone()).collect();
        let path = out.path().join(format!("backup-{n}.db"));
        db.ok(&["backup", path.to_str().unwrap()]);
        backups.push((path, before));
    }
    let mut acks = Vec::new();
    for w in writers {
        let (mine, _, err) = w.end(Some(libc::SIGTERM));
        assert!(err.trim().is_empty(), "{err}");
        acks.extend(mine);
    }
    verify(&db, &acks);
    for (path, before) in &backups {
        let found = verify_at(path, db.meeting, before);
        for k in 1..=2u32 {
            let mut rounds: Vec<(usize, i64)> = found
                .tasks
                .values()
                .filter(|t| t.0 == k)
                .map(|t| (t.1, t.2))
                .collect();
            rounds.sort_unstable();
            // A prefix: rounds 0..n, each updated but perhaps the last.
            for (i, (round, version)) in rounds.iter().enumerate() {
                assert_eq!(*round, i, "{}: writer {k}'s rounds", path.display());
                if i + 1 < rounds.len() {
                    assert_eq!(*version, 2, "{}: writer {k} round {i}", path.display());
                }
            }
            let acked = acks
                .iter()
                .filter(|a| a.writer == k && a.what == "created")
                .count();
            assert!(
                rounds.len() <= acked + 1,
                "{}: more than was written",
                path.display()
            );
        }
    }
    // Written under a temporary name and renamed: nothing else is left beside the backups.
    let names: Vec<String> = files(out.path()).into_keys().collect();
    assert_eq!(names, ["backup-0.db", "backup-1.db", "backup-2.db"]);
}

fn add(db: &Db, text: &str) {
    db.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        support::UNIT,
        "--text",
        text,
    ]);
}

fn task_count(db: &Db) -> usize {
    let list: serde_json::Value =
        serde_json::from_str(&db.ok(&["task", "list", "--format", "json"])).unwrap();
    list.as_array().unwrap().len()
}

/// Runs `duban restore PATH` with stdin on a pseudo-terminal where `typed` was typed: (exit code,
/// stderr).
fn restore_on_a_terminal(db: &Db, path: &Path, typed: &str) -> (i32, String) {
    let Pty { mut master, slave } = open_pty(80, 24);
    master.write_all(typed.as_bytes()).unwrap();
    let out = db
        .cmd(&["restore", path.to_str().unwrap()])
        .stdin(Stdio::from(slave))
        .output()
        .unwrap();
    drop(master);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_restore_brings_back_the_backup_with_others_connected_and_is_audited() {
    let db = Db::prepared();
    for t in ["一", "二", "三"] {
        add(&db, t);
    }
    let backup = db.dir.path().join("backup.db");
    db.ok(&["backup", backup.to_str().unwrap()]);
    add(&db, "四");
    add(&db, "五");
    db.ok(&["task", "done", "1", "--date", "2026-11-20"]);
    // Another user has the database open (idle, as the TUI between keys).
    let other = db.connect();
    let seen = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM task", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(seen(&other), 5);
    let said = db.ok(&["restore", backup.to_str().unwrap(), "--yes"]);
    assert!(said.contains("backup.db") && said.contains('3'), "{said}");
    assert_eq!(task_count(&db), 3);
    assert_eq!(
        seen(&other),
        3,
        "the other connection reads the restored database"
    );
    let done: Option<String> = other
        .query_row("SELECT completed_on FROM task WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(done, None);
    let audit: serde_json::Value =
        serde_json::from_str(&db.ok(&["audit", "--limit", "1", "--format", "json"])).unwrap();
    assert_eq!(
        (&audit[0]["action"], &audit[0]["entity"]),
        (&"restore".into(), &"database".into())
    );
    let check: serde_json::Value =
        serde_json::from_str(&db.ok(&["check", "--format", "json"])).unwrap();
    assert_eq!(
        (&check["integrity"], &check["counts_kept"]),
        (&"ok".into(), &"ok".into())
    );
    // And it takes writes again.
    add(&db, "六");
    assert_eq!(task_count(&db), 4);

    // Confirmed on a terminal by typing the database's file name.
    let (code, err) = restore_on_a_terminal(&db, &backup, "duban.db\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("duban.db"),
        "the question names the database: {err}"
    );
    assert_eq!(task_count(&db), 3);
}

#[test]
fn refused_restores_leave_the_live_database_byte_for_byte() {
    let db = Db::prepared();
    add(&db, "一");
    let spare = tempfile::tempdir().unwrap();
    let backup = spare.path().join("backup.db");
    db.ok(&["backup", backup.to_str().unwrap()]);
    add(&db, "二");
    let newer = spare.path().join("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let garbage = spare.path().join("garbage.db");
    std::fs::write(&garbage, "这不是数据库".repeat(1000)).unwrap();
    let damaged = spare.path().join("damaged.db");
    let bytes = std::fs::read(&backup).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let before = files(db.dir.path());
    let live = db.path.to_str().unwrap().to_string();
    let cases: [(&Path, bool, &str); 5] = [
        (&garbage, true, "备份文件无法读取"),
        (&damaged, true, "备份文件"),
        (&newer, true, "更新版本"),
        (Path::new(&live), true, "就是当前数据库"),
        (&backup, false, "需要确认"),
    ];
    for (path, yes, want) in cases {
        let mut args = vec!["restore", path.to_str().unwrap()];
        if yes {
            args.push("--yes");
        }
        let out = db.cmd(&args).stdin(Stdio::null()).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{path:?}: {err}");
        assert!(err.contains(want), "{path:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(
            files(db.dir.path()) == before,
            "{path:?} changed the database"
        );
    }
    // Not confirmed on a terminal.
    for typed in ["no\n", "\n", "duban\n"] {
        let (code, err) = restore_on_a_terminal(&db, &backup, typed);
        assert_eq!(code, 1, "{typed:?}: {err}");
        assert!(err.contains("未确认"), "{err}");
        assert!(
            files(db.dir.path()) == before,
            "{typed:?} changed the database"
        );
    }
    assert_eq!(task_count(&db), 2);
}
