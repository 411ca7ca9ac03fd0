//! Eight processes of the built binary write to one database at once, each hundreds of writes
//! mixed with reads: every acknowledged write is there exactly once, nothing is lost or doubled,
//! no process failed (no SQLITE_BUSY reached anyone: every write waits its turn), the database
//! passes its integrity check, and the audit log has exactly one row per write.

mod support;

use std::collections::BTreeMap;

use support::cli::Run;
use support::{Db, read_acks, verify};

const WRITERS: u32 = 8;
/// Rounds per writer; each writes twice (a task, then its update with the version check).
const ROUNDS: usize = 150;
/// A bound on each writer's time, far above what it needs: the test ends whatever the machine.
const SECONDS: u64 = 45;

#[test]
fn eight_writers_on_one_database_lose_and_double_nothing() {
    let db = Db::prepared();
    let audit_before = db.audit_rows();
    let mut children: Vec<_> = (1..=WRITERS)
        .map(|k| (k, db.writer(k, ROUNDS, SECONDS)))
        .collect();
    let mut acks = Vec::new();
    let mut per_writer = BTreeMap::new();
    for (k, child) in &mut children {
        let mine = read_acks(child);
        let out = child.wait_with_output_keep();
        assert!(out.0.success(), "writer {k} failed: {:?} {}", out.0, out.1);
        let lower = out.1.to_lowercase();
        assert!(
            !lower.contains("busy") && !lower.contains("locked") && out.1.trim().is_empty(),
            "writer {k} said: {}",
            out.1
        );
        assert!(mine.iter().all(|a| a.writer == *k));
        per_writer.insert(*k, mine.len());
        acks.extend(mine);
    }
    let total: usize = per_writer.values().sum();
    eprintln!("acknowledged writes per writer: {per_writer:?} ({total} in all)");
    assert!(per_writer.values().all(|n| *n > 0), "{per_writer:?}");
    let found = verify(&db, &acks);
    // With no writer killed, what was written is exactly what was acknowledged.
    let created: Vec<i64> = acks
        .iter()
        .filter(|a| a.what == "created")
        .map(|a| a.id)
        .collect();
    assert_eq!(found.tasks.len(), created.len(), "no write unacknowledged");
    let mut unique = created.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), created.len(), "no task id acknowledged twice");
    // One audit row per write: per writer, and in all (the setup's rows aside).
    for k in 1..=WRITERS {
        let ids: Vec<i64> = acks
            .iter()
            .filter(|a| a.writer == k && a.what == "created")
            .map(|a| a.id)
            .collect();
        let c = db.connect();
        let rows: usize = ids
            .iter()
            .map(|id| -> usize {
                c.query_row(
                    "SELECT count(*) FROM audit WHERE entity = 'task' AND entity_id = ?1",
                    [id.to_string()],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap() as usize
            })
            .sum();
        assert_eq!(rows, per_writer[&k], "writer {k}'s audit rows");
    }
    assert_eq!(found.audit_rows, total);
    assert_eq!(db.audit_rows() - audit_before, total as i64);
    // duban's own check agrees: integrity, and the counts the writes keep.
    let check: serde_json::Value =
        serde_json::from_str(&db.ok(&["check", "--format", "json"])).unwrap();
    assert_eq!(check["integrity"], "ok");
    assert_eq!(check["counts_kept"], "ok");
    assert_eq!(check["tasks"], total as i64 / 2);
    // The write-ahead log, after check's passive checkpoint: nobody is left reading, so all of
    // it is copied back.
    let wal = &check["wal"];
    assert!(wal["bytes"].as_u64().is_some(), "{check}");
    assert_eq!(wal["frames"], wal["checkpointed"], "{check}");
}

/// `wait` after stdout was read, with stderr read too.
trait WaitKeep {
    fn wait_with_output_keep(&mut self) -> (std::process::ExitStatus, String);
}

impl WaitKeep for std::process::Child {
    fn wait_with_output_keep(&mut self) -> (std::process::ExitStatus, String) {
        use std::io::Read;
        let mut err = String::new();
        if let Some(mut e) = self.stderr.take() {
            e.read_to_string(&mut err).unwrap();
        }
        (self.wait().unwrap(), err)
    }
}
