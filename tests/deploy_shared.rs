//! A database shared on a server (`duban init --shared DIR --group NAME`) and the warning when
//! others can write a database, through the built binary.
//!
//! Creating groups needs root: those tests run when root (as here and in CI) and say they are
//! skipped otherwise. Each makes its own throwaway group `dubantest<pid><tag>` and removes it.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use duban::os::perms;

const NOBODY: u32 = 65534;

struct Machine {
    dir: tempfile::TempDir,
}

impl Machine {
    fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        // Other accounts (nobody, below) must reach what is inside; nothing here is theirs to list.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
        Machine { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn server_config(&self) -> PathBuf {
        self.path("config.toml")
    }

    /// duban with this machine's server configuration and a home of its own; run as `uid:gid`
    /// when given.
    fn cmd(&self, args: &[&str], as_user: Option<(u32, u32)>) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_duban"));
        for var in ["DUBAN_TODAY", "DUBAN_LANG", "DUBAN_CONFIG", "DUBAN_DB"] {
            c.env_remove(var);
        }
        c.env("DUBAN_SYSTEM_CONFIG", self.server_config())
            .env("HOME", "/nonexistent")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .args(["--today", "2026-11-25"])
            .args(args);
        if let Some((uid, gid)) = as_user {
            c.uid(uid).gid(gid);
        }
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args, None).output().unwrap()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn is_root() -> bool {
    perms::is_root()
}

/// A throwaway group, removed when the test ends however it ends.
struct Group(String);

impl Group {
    fn name(tag: &str) -> Group {
        let g = Group(format!("dubantest{}{tag}", std::process::id()));
        let _ = Command::new("groupdel").arg(&g.0).output();
        g
    }

    fn gid(&self) -> u32 {
        perms::group_id(&self.0).unwrap().expect("the group exists")
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let _ = Command::new("groupdel").arg(&self.0).output();
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn gid_of(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().gid()
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[test]
fn a_shared_directory_and_database_belong_to_the_group_with_modes_2770_and_0660() {
    if !is_root() {
        eprintln!("skipped: creating a group needs root");
        return;
    }
    let m = Machine::new();
    let group = Group::name("a");
    let dir = m.path("srv/duban");
    let out = ok(m.run(&[
        "init",
        "--shared",
        dir.to_str().unwrap(),
        "--group",
        &group.0,
        "--lang",
        "en",
    ]));
    let gid = group.gid();
    let db = dir.canonicalize().unwrap().join("duban.db");
    assert_eq!(mode(&dir), 0o2770, "rwxrws--- with setgid");
    assert_eq!(gid_of(&dir), gid);
    assert_eq!(mode(&db), 0o660);
    assert_eq!(gid_of(&db), gid);

    // What the administrator is told to do next, in English.
    let config_line = format!("db = \"{}\"", db.display());
    for part in [
        format!("created the system group {}", group.0),
        format!("shared database ready: {}", db.display()),
        format!("usermod -aG {} <account>", group.0),
        m.server_config().display().to_string(),
        config_line.clone(),
        "duban user add <account> --role editor".to_string(),
    ] {
        assert!(out.contains(&part), "{part:?} in\n{out}");
    }

    // Opened again, SQLite creates the -wal and -shm with the database's mode, in the directory's
    // group (setgid), whatever this process's umask.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let journal: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(journal, "wal");
        let _: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        for f in [sibling(&db, "-wal"), sibling(&db, "-shm")] {
            assert_eq!(mode(&f), 0o660, "{}", f.display());
            assert_eq!(gid_of(&f), gid, "{}", f.display());
        }
    }

    // A member of the group who is neither root nor the owner, using the line printed for the
    // server's configuration as it stands, can read and write the database.
    std::fs::write(m.server_config(), format!("{config_line}\n")).unwrap();
    let staff = Some((NOBODY, gid));
    // The group lets the file be reached; the database's accounts say what one may do in it.
    let refused = m.cmd(&["check"], staff).output().unwrap();
    assert_eq!(
        refused.status.code(),
        Some(3),
        "not yet an account of the database"
    );
    ok(m.run(&["user", "add", "nobody", "--role", "admin"]));
    ok(m.cmd(&["check"], staff).output().unwrap());
    ok(m.cmd(&["unit", "add", "上塘镇"], staff).output().unwrap());
    let units = ok(m.run(&["unit", "list", "--format", "json"]));
    assert!(units.contains("上塘镇"), "{units}");
    // Not a member: no way in, and told which group to join (not that there is no database).
    let out = m
        .cmd(&["check", "--lang", "en"], Some((NOBODY, NOBODY)))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("usermod -aG {} nobody", group.0)) && !err.contains("no database"),
        "{err}"
    );
}

#[test]
fn running_it_again_keeps_the_data_and_puts_group_and_modes_back() {
    if !is_root() {
        eprintln!("skipped: creating a group needs root");
        return;
    }
    let m = Machine::new();
    let group = Group::name("b");
    let dir = m.path("shared");
    let args = [
        "init",
        "--shared",
        dir.to_str().unwrap(),
        "--group",
        &group.0,
    ];
    let first = ok(m.run(&args));
    assert!(
        first.contains(&format!("已创建系统组 {}", group.0)),
        "{first}"
    );
    let db = dir.join("duban.db");
    let db_arg = db.to_str().unwrap();
    ok(m.run(&["unit", "add", "上塘镇", "--db", db_arg]));
    // Someone loosened and changed things by hand.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::chown(&db, None, Some(0)).unwrap();

    let again = ok(m.run(&args));
    assert!(!again.contains("已创建系统组"), "the group exists: {again}");
    assert!(again.contains("usermod -aG"), "{again}");
    assert_eq!(mode(&dir), 0o2770);
    assert_eq!(mode(&db), 0o660);
    assert_eq!(gid_of(&db), group.gid());
    let units = ok(m.run(&["unit", "list", "--format", "json", "--db", db_arg]));
    assert!(units.contains("上塘镇"), "the data is kept: {units}");
}

#[test]
fn without_root_a_missing_group_is_left_to_the_administrator_and_nothing_is_created() {
    let m = Machine::new();
    let group = Group::name("missing");
    let dir = m.path("srv/duban");
    // As root, run as nobody; otherwise this test already runs as someone who is not root.
    let as_user = is_root().then_some((NOBODY, NOBODY));
    let args = [
        "init",
        "--shared",
        dir.to_str().unwrap(),
        "--group",
        &group.0,
        "--lang",
        "en",
    ];
    let out = m.cmd(&args, as_user).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("groupadd --system {}", group.0)),
        "{err}"
    );
    assert!(!dir.exists() && !m.path("srv").exists(), "nothing created");
    assert_eq!(perms::group_id(&group.0).unwrap(), None);
}

#[test]
fn a_bad_group_name_is_bad_input_and_nothing_is_created() {
    let m = Machine::new();
    let dir = m.path("srv");
    for bad in ["-r", "Duban", "du ban"] {
        let group = format!("--group={bad}");
        let out = m.run(&["init", "--shared", dir.to_str().unwrap(), &group]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("组名"), "{}", text(&out.stderr));
    }
    assert!(!dir.exists());
    // --group means nothing without --shared.
    assert_eq!(m.run(&["init", "--group", "duban"]).status.code(), Some(2));
}

#[test]
fn a_database_others_can_write_is_warned_about_but_opened() {
    let m = Machine::new();
    let dir = m.path("private");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let db = dir.join("duban.db");
    let db_arg = db.to_str().unwrap();
    let out = m.run(&["init", "--db", db_arg]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stderr),
        "",
        "a private database is not warned about"
    );

    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = m.run(&["check", "--db", db_arg, "--lang", "en"]);
    assert!(
        out.status.success(),
        "only a warning: {}",
        text(&out.stderr)
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning") && err.contains(db_arg) && err.contains("0666"),
        "{err}"
    );
    assert!(err.contains(&format!("chmod o-w {db_arg}")), "{err}");
    let out = m.run(&["check", "--db", db_arg]);
    assert!(text(&out.stderr).contains("警告"), "in the user's language");

    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let out = m.run(&["check", "--db", db_arg, "--lang", "en"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("directory {}", dir.display())) && err.contains("1777"),
        "a sticky directory still warns: {err}"
    );
    assert!(!err.contains("chmod o-w"), "{err}");
}

#[test]
fn the_tui_starts_with_the_warning_in_its_status_line() {
    use duban::i18n::Lang;
    use duban::tui::{Options, action::Action, harness::Harness, initial_model};

    let db = Path::new("/srv/duban/duban.db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut h = Harness::demo(Lang::En, today, 160, 48).unwrap();
    let text = "warning: the database /srv/duban/duban.db is writable by every account";
    let opts = Options {
        lang: Lang::En,
        today,
        ascii: false,
        color: false,
        keymap: Default::default(),
        thresholds: Default::default(),
        db_label: db.display().to_string(),
        export_dir: std::env::temp_dir(),
        present: None,
        warning: Some(text.to_string()),
        referral_body: None,
    };
    h.model = initial_model(&opts);
    h.model.calendar = std::sync::Arc::new(h.store.calendar().clone());
    h.action(Action::Resize(160, 48));
    let screen = h.text();
    assert!(screen.contains(text), "{screen}");
}

#[test]
fn a_database_out_of_reach_is_not_called_missing() {
    if !is_root() {
        eprintln!("skipped: needs another account to be kept out");
        return;
    }
    let m = Machine::new();
    let dir = m.path("private");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("duban.db");
    let db_arg = db.to_str().unwrap();
    ok(m.run(&["init", "--db", db_arg]));
    // A directory only its owner may enter: no group would help, so none is named.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = m
        .cmd(
            &["check", "--db", db_arg, "--lang", "en"],
            Some((NOBODY, NOBODY)),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("may not reach the database {db_arg}")),
        "{err}"
    );
    assert!(
        !err.contains("usermod") && !err.contains("no database"),
        "{err}"
    );
}
