//! Accounts through the built binary run as two real OS accounts: root, who founds the
//! database, and `nobody`. Identity comes from the process's uid, so switching it needs root;
//! elsewhere these tests say so and stop (the store's own tests cover the rules as any account).

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Output};

const NOBODY: u32 = 65534;

struct Office {
    dir: tempfile::TempDir,
}

impl Office {
    fn new() -> Option<Office> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("not root: cannot run duban as another account; skipped");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let o = Office { dir };
        o.ok(None, &["demo"]);
        let db = o.dir.path().join("duban.db");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
        Some(o)
    }

    /// duban as root (`None`) or as the uid given.
    fn run(&self, uid: Option<u32>, args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_duban"));
        c.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env("DUBAN_DB", self.dir.path().join("duban.db"))
            // Anyone can set $USER: it must not matter.
            .env("USER", "root")
            .args(["--today", "2026-11-25", "--lang", "en"])
            .args(args);
        if let Some(uid) = uid {
            c.uid(uid).gid(NOBODY);
        }
        c.output().unwrap()
    }

    fn ok(&self, uid: Option<u32>, args: &[&str]) -> String {
        let out = self.run(uid, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The exit code and message of a refused command.
    fn refused(&self, uid: Option<u32>, args: &[&str]) -> (i32, String) {
        let out = self.run(uid, args);
        assert!(!out.status.success(), "{args:?} was allowed");
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn audit_rows(&self) -> usize {
        let out = self.ok(None, &["--format", "json", "audit", "--limit", "100000"]);
        serde_json::from_str::<Vec<serde_json::Value>>(&out)
            .unwrap()
            .len()
    }
}

#[test]
fn an_account_not_listed_is_refused_naming_who_can_add_it() {
    let Some(o) = Office::new() else { return };
    let (code, msg) = o.refused(Some(NOBODY), &["task", "list"]);
    assert_eq!(code, 3);
    assert!(msg.contains("account nobody is not allowed"), "{msg}");
    assert!(
        msg.contains("(root)") && msg.contains("duban user add nobody"),
        "{msg}"
    );
    assert!(
        o.ok(None, &["user", "whoami"])
            .contains("you are root (admin)")
    );
}

#[test]
fn a_viewer_reads_and_changes_nothing_an_editor_works_and_only_admins_manage() {
    let Some(o) = Office::new() else { return };
    o.ok(None, &["user", "add", "nobody", "--role", "viewer"]);
    assert!(
        o.ok(Some(NOBODY), &["user", "whoami"])
            .contains("nobody (viewer)")
    );
    assert!(o.ok(Some(NOBODY), &["task", "list"]).lines().count() > 10);
    o.ok(Some(NOBODY), &["report", "summary"]);
    let rows = o.audit_rows();
    let red = o.ok(
        None,
        &["--format", "json", "task", "list", "--light", "red"],
    );
    let red: Vec<serde_json::Value> = serde_json::from_str(&red).unwrap();
    let open = red[0]["id"].to_string();
    for args in [
        &["task", "progress", &open, "--text", "x"][..],
        &["task", "done", &open],
        &["unit", "add", "新单位"],
        &["user", "add", "someone"],
        &["user", "set-role", "nobody", "admin"],
        &["calendar", "set", "2026-12-01", "off"],
    ] {
        let (code, msg) = o.refused(Some(NOBODY), args);
        assert_eq!(code, 3, "{args:?}: {msg}");
        assert!(msg.contains("may not do this"), "{args:?}: {msg}");
    }
    // The admin with --read-only: the session refuses, and says so rather than blaming the role.
    let (code, msg) = o.refused(
        None,
        &["--read-only", "task", "progress", &open, "--text", "x"],
    );
    assert_eq!(code, 3, "{msg}");
    assert!(
        msg.contains("this session is read-only (--read-only)"),
        "{msg}"
    );
    assert!(!msg.contains("may not do this"), "{msg}");
    assert_eq!(
        o.audit_rows(),
        rows,
        "a viewer's refused commands wrote nothing"
    );

    o.ok(None, &["user", "set-role", "nobody", "editor"]);
    o.ok(
        Some(NOBODY),
        &["task", "progress", &open, "--text", "已完成招标"],
    );
    let backup = o.dir.path().join("backup.db");
    o.ok(None, &["backup", backup.to_str().unwrap()]);
    for args in [
        &["unit", "add", "新单位"][..],
        &["restore", backup.to_str().unwrap(), "--yes"],
    ] {
        let (code, msg) = o.refused(Some(NOBODY), args);
        assert_eq!(code, 3, "{args:?}: {msg}");
        assert!(msg.contains("needs the admin role"), "{msg}");
    }
    // The audit log names the account from its uid, whatever $USER said.
    let mine = o.ok(None, &["--format", "json", "audit", "--user", "nobody"]);
    let mine: Vec<serde_json::Value> = serde_json::from_str(&mine).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["entity"], "progress");

    o.ok(None, &["user", "remove", "nobody"]);
    let (code, _) = o.refused(Some(NOBODY), &["task", "list"]);
    assert_eq!(code, 3);
    let list = o.ok(None, &["--format", "json", "user", "list"]);
    assert!(!list.contains("nobody"), "{list}");
}

#[test]
fn check_reports_the_audit_chain_and_fails_when_it_is_broken() {
    let Some(o) = Office::new() else { return };
    let out = o.ok(None, &["check"]);
    assert!(
        out.contains("audit log hash chain") && out.contains("ok ("),
        "{out}"
    );
    let db = o.dir.path().join("duban.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'mallory' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let out = o.run(None, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("broken: #2 altered"), "{text}");
}
