//! Faults: writers killed in the middle of their writes, and databases that cannot be used (damaged,
//! foreign, from a newer duban, read-only for the user, on a full disk). The database stays whole
//! and agrees with its audit log; a file duban cannot use gets a clear message and exit code and is
//! left byte for byte as it was.

mod support;

use support::cli::{Run, bin, duban};
use support::{Db, Rng, Running, files, verify};

/// Rounds of the kill test; `scripts/kill9.sh` runs many more through DUBAN_KILL_ROUNDS.
fn rounds() -> usize {
    std::env::var("DUBAN_KILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50)
}

#[test]
fn writers_killed_mid_write_leave_every_record_whole_or_absent() {
    let db = Db::prepared();
    let mut rng = Rng::seeded();
    let mut acks = Vec::new();
    let mut killed_mid_loop = 0;
    let n = rounds();
    for round in 0..n {
        // A new writer number each round, so each round's tasks are its own.
        let k = u32::try_from(round).unwrap() + 1;
        let mut w = Running::start(db.writer(k, 1_000, 60));
        // Kill after a random number of acknowledgements (0: while it opens the database), a
        // moment later still; now and then with a hang-up or a terminate instead of SIGKILL.
        let target = rng.below(40) as usize;
        w.wait_acks(target, 30);
        std::thread::sleep(std::time::Duration::from_micros(rng.below(3_000)));
        let signal = match round % 10 {
            3 => libc::SIGHUP,
            7 => libc::SIGTERM,
            _ => libc::SIGKILL,
        };
        let (mine, status, err) = w.end(Some(signal));
        assert!(
            status.code().is_none(),
            "writer {k} ended by the signal: {status:?} {err}"
        );
        if !mine.is_empty() {
            killed_mid_loop += 1;
        }
        acks.extend(mine);
        let found = verify(&db, &acks);
        // At most the write in flight when the signal came is there unacknowledged.
        let theirs = |what: &str| {
            acks.iter()
                .filter(|a| a.writer == k && a.what == what)
                .count()
        };
        let stored = found.tasks.values().filter(|t| t.0 == k).count();
        let updated = found
            .tasks
            .values()
            .filter(|t| t.0 == k && t.2 == 2)
            .count();
        assert!(
            (theirs("created")..=theirs("created") + 1).contains(&stored),
            "round {round}: {stored} tasks, {} acknowledged",
            theirs("created")
        );
        assert!(
            (theirs("updated")..=theirs("updated") + 1).contains(&updated),
            "round {round}: {updated} updated, {} acknowledged",
            theirs("updated")
        );
    }
    eprintln!(
        "{n} rounds, {killed_mid_loop} killed after their first write, {} writes acknowledged",
        acks.len()
    );
    assert!(killed_mid_loop > n / 2, "most kills land inside the loop");
    // duban's own check agrees, and the database still takes writes.
    let check: serde_json::Value =
        serde_json::from_str(&db.ok(&["check", "--format", "json"])).unwrap();
    assert_eq!(
        (&check["integrity"], &check["counts_kept"]),
        (&"ok".into(), &"ok".into())
    );
    let last = Running::start(db.writer(100_000, 5, 30));
    let (mine, status, err) = last.end(None);
    assert!(status.success(), "{err}");
    acks.extend(mine);
    verify(&db, &acks);
}

/// Runs duban on `db` expecting a refusal: (exit code, stderr, stdout).
fn refused(cmd: &mut std::process::Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{cmd:?} should fail");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    (
        out.status.code().unwrap_or(-1),
        err,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Commands that read, write, and open the TUI (here without a terminal: the summary).
const COMMANDS: [&[&str]; 4] = [
    &["task", "list"],
    &[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "新事项",
    ],
    &["check"],
    &[],
];

/// A prepared database holding one task: the source of the files the tests damage or copy.
fn prepared_with_a_task() -> Db {
    let made = Db::prepared();
    made.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "一项任务",
    ]);
    made
}

#[test]
fn damaged_foreign_and_newer_databases_get_a_clear_message_and_stay_as_they_were() {
    let made = prepared_with_a_task();
    let dir = tempfile::tempdir().unwrap();
    let real = std::fs::read(&made.path).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        (
            "garbage.db",
            (0..30_000u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "不是 duban 数据库",
            "not a duban database",
        ),
        (
            "truncated.db",
            real[..real.len() / 2].to_vec(),
            "已损坏",
            "damaged",
        ),
        ("newer.db", real.clone(), "更新版本", "newer duban"),
        (
            "foreign.sqlite",
            Vec::new(),
            "不是 duban 数据库",
            "not a duban database",
        ),
    ];
    for (name, bytes, zh, en) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let c = rusqlite::Connection::open(&path);
        match name {
            "newer.db" => c.unwrap().pragma_update(None, "user_version", 99).unwrap(),
            "foreign.sqlite" => c
                .unwrap()
                .execute_batch("CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('mine');")
                .unwrap(),
            _ => drop(c),
        }
        let before = files(dir.path());
        for args in COMMANDS {
            let (code, err, _) =
                refused(duban(&path, dir.path(), args).stdin(std::process::Stdio::null()));
            assert_eq!(code, 1, "{name} {args:?}: {err}");
            assert!(
                err.contains(zh) && err.contains(name),
                "{name} {args:?}: {err}"
            );
            let (_, err, _) = refused(duban(&path, dir.path(), args).arg("--lang").arg("en"));
            assert!(err.contains(en), "{name} {args:?}: {err}");
            assert_eq!(files(dir.path()), before, "{name} after {args:?}");
        }
    }
    // A mistyped path: bad input, and no database appears there.
    let missing = dir.path().join("missing.db");
    let (code, err, _) = refused(&mut duban(&missing, dir.path(), &["task", "list"]));
    assert_eq!(code, 2, "{err}");
    assert!(!missing.exists());
}

/// Whether this process runs as root (file modes do not apply to it).
fn root() -> bool {
    // SAFETY: no arguments, no side effects.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn a_database_read_only_for_the_user_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let made = Db::prepared();
    let mode = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    // (file mode, folder mode): a read-only file in a read-only folder, in a writable folder,
    // and a writable file in a read-only folder (no room for its `-wal`).
    for (file_mode, dir_mode) in [(0o444, 0o555), (0o444, 0o777), (0o666, 0o555)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("duban.db");
        std::fs::copy(&made.path, &path).unwrap();
        mode(&path, file_mode);
        mode(dir.path(), dir_mode);
        let before = files(dir.path());
        for args in COMMANDS {
            for lang in ["zh", "en"] {
                let mut cmd = duban(&path, dir.path(), args);
                cmd.args(["--lang", lang])
                    .stdin(std::process::Stdio::null());
                if root() {
                    // Root ignores file modes: the user is nobody.
                    cmd.uid(65534).gid(65534);
                }
                let (code, err, _) = refused(&mut cmd);
                let want = if lang == "zh" {
                    "只读"
                } else {
                    "read-only for you"
                };
                assert_eq!(code, 1, "{file_mode:o}/{dir_mode:o} {args:?}: {err}");
                assert!(
                    err.contains(want),
                    "{file_mode:o}/{dir_mode:o} {args:?}: {err}"
                );
                assert_eq!(
                    files(dir.path()),
                    before,
                    "{file_mode:o}/{dir_mode:o} {args:?}"
                );
            }
        }
        mode(dir.path(), 0o755);
    }
}

/// A tiny filesystem that fills up: a tmpfs mounted in a user and mount namespace of its own
/// (`unshare -rm`), where a script fills the disk and runs duban. Where namespaces are not allowed
/// the test says so and does nothing; the store's own test of a full database covers the rest.
#[test]
fn a_full_disk_refuses_the_write_with_a_clear_message_and_keeps_the_database() {
    let made = prepared_with_a_task();
    let out = tempfile::tempdir().unwrap();
    let mnt = out.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let probe = std::process::Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs \"$0\"",
            mnt.to_str().unwrap(),
        ])
        .output();
    if !probe.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no tmpfs in a user namespace here ({probe:?})");
        return;
    }
    let script = r#"
        set -u
        mnt=$1 src=$2 bin=$3 out=$4
        mount -t tmpfs -o size=2m,mode=0755 tmpfs "$mnt" || exit 90
        cp "$src" "$mnt/duban.db" || exit 91
        export DUBAN_DB="$mnt/duban.db" DUBAN_TODAY=2026-11-25 HOME="$out" XDG_CONFIG_HOME="$out"
        # Fill the disk, leaving 40 KiB: room for the -shm (32 KiB) and two pages of log.
        avail=$(( $(stat -f -c '%a * %S' "$mnt") ))
        head -c $(( avail - 40960 )) /dev/zero > "$mnt/filler"
        text=$(printf '满%.0s' $(seq 1 300))
        n=0
        while [ $n -lt 50 ]; do
            n=$(( n + 1 ))
            "$bin" task list --format json > "$out/before.json" || exit 92
            sha256sum < "$mnt/duban.db" > "$out/sum.before"
            "$bin" task add --meeting 1 --lead 上塘镇 --text "$text $n" > /dev/null 2> "$out/err"
            rc=$?
            if [ $rc -ne 0 ]; then
                echo $rc > "$out/rc"
                "$bin" --lang en task add --meeting 1 --lead 上塘镇 --text "$text" 2> "$out/err.en"
                sha256sum < "$mnt/duban.db" > "$out/sum.after"
                rm "$mnt/filler"
                "$bin" task list --format json > "$out/after.json" || exit 93
                "$bin" check --format json > "$out/check.json" || exit 94
                exit 0
            fi
        done
        exit 95
    "#;
    let status = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh"])
        .arg(&mnt)
        .arg(&made.path)
        .arg(bin())
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    assert_eq!(read("rc").trim(), "1");
    assert!(read("err").contains("磁盘已满"), "{}", read("err"));
    assert_eq!(read("err").trim().lines().count(), 1, "{}", read("err"));
    assert!(
        read("err.en").contains("the disk is full"),
        "{}",
        read("err.en")
    );
    assert_eq!(
        read("sum.before"),
        read("sum.after"),
        "the database file unchanged"
    );
    let (before, after): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&read("before.json")).unwrap(),
        serde_json::from_str(&read("after.json")).unwrap(),
    );
    assert_eq!(before, after, "nothing of the refused write");
    let check: serde_json::Value = serde_json::from_str(&read("check.json")).unwrap();
    assert_eq!(
        (&check["integrity"], &check["counts_kept"]),
        (&"ok".into(), &"ok".into())
    );
}
