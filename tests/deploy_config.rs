//! The configuration's two layers through the built binary: the server's file (pointed at with
//! DUBAN_SYSTEM_CONFIG), then the person's (~/.config/duban/config.toml via XDG_CONFIG_HOME, or
//! --config).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::cli::Run;

struct Machine {
    dir: tempfile::TempDir,
}

impl Machine {
    fn new() -> Machine {
        Machine {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The server's file (whether or not it has been written).
    fn server(&self) -> PathBuf {
        self.path("etc/duban/config.toml")
    }

    /// The person's file at its default place.
    fn person(&self) -> PathBuf {
        self.path("home/.config/duban/config.toml")
    }

    fn write(&self, path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

impl Run for Machine {
    /// With this machine's server file, home and data folder, and none of duban's variables from
    /// the developer's shell.
    fn output(&self, args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_duban"));
        for var in ["DUBAN_TODAY", "DUBAN_LANG", "DUBAN_CONFIG", "DUBAN_DB"] {
            c.env_remove(var);
        }
        c.env("DUBAN_SYSTEM_CONFIG", self.server())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home/.config"))
            .env("XDG_DATA_HOME", self.path("home/.local/share"))
            .args(["--today", "2026-11-25"])
            .args(args);
        c.output().unwrap()
    }
}

#[test]
fn the_servers_file_names_the_database_and_language_and_the_person_overrides() {
    let m = Machine::new();
    let db = m.path("srv/duban/duban.db");
    m.write(
        &m.server(),
        &format!("lang = \"en\"\ndb = \"{}\"\n", db.display()),
    );
    let out = m.ok(&["init"]);
    assert!(
        out.contains(&format!("database ready: {}", db.display())),
        "{out}"
    );
    assert!(db.exists(), "the server's db is the one created");

    // The person's language beats the server's; the server's db stays.
    m.write(&m.person(), "lang = \"zh\"\n");
    let out = m.ok(&["check"]);
    assert!(
        out.contains("完整性") && out.contains(&db.display().to_string()),
        "{out}"
    );
    // The command line beats both.
    let out = m.ok(&["check", "--lang", "en"]);
    assert!(out.contains("integrity"), "{out}");
    // --config names another personal file, read instead of the default one.
    let other = m.path("other.toml");
    m.write(&other, "ascii = true\n");
    let out = m.ok(&["check", "--config", other.to_str().unwrap()]);
    assert!(
        out.contains("integrity"),
        "the server's English again: {out}"
    );
}

#[test]
fn without_any_file_the_defaults_hold() {
    let m = Machine::new();
    let out = m.ok(&["init"]);
    assert!(out.contains("数据库已就绪"), "{out}");
    assert!(m.path("home/.local/share/duban/duban.db").exists(), "{out}");
}

#[test]
fn personal_thresholds_are_refused_on_a_server_and_allowed_on_a_single_users_machine() {
    let m = Machine::new();
    let db = m.path("duban.db");
    let db_arg = db.to_str().unwrap();
    m.write(&m.person(), "[thresholds]\nyellow_within_workdays = 5\n");
    // A single-user machine: no server file, the person's thresholds are theirs to set.
    m.ok(&["init", "--db", db_arg]);
    std::fs::remove_file(&db).unwrap();

    m.write(&m.server(), "[thresholds]\ndefault_limit_workdays = 20\n");
    let (code, err) = m.fails(&["init", "--db", db_arg, "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    for part in [
        m.person().display().to_string(),
        "thresholds.yellow_within_workdays".to_string(),
        m.server().display().to_string(),
        "whole office".to_string(),
    ] {
        assert!(err.contains(&part), "{part} in {err}");
    }
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!db.exists(), "nothing is created");
    let (code, err) = m.fails(&["init", "--db", db_arg]);
    assert_eq!(code, 2);
    assert!(err.contains("全办统一设定"), "{err}");
}

#[test]
fn a_mistake_in_either_file_names_the_file_and_the_key() {
    let m = Machine::new();
    m.write(&m.server(), "lang = \"en\"\n[thresholds]\nyelow = 5\n");
    let (code, err) = m.fails(&["check", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&m.server().display().to_string()) && err.contains("yelow"),
        "{err}"
    );
    m.write(&m.server(), "lang = \"en\"\n");
    m.write(&m.person(), "colour = \"red\"\n");
    let (code, err) = m.fails(&["check", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&m.person().display().to_string()) && err.contains("colour"),
        "{err}"
    );
    assert!(!err.contains(&m.server().display().to_string()), "{err}");
}

#[test]
fn an_unreadable_server_file_is_an_error_naming_it() {
    let m = Machine::new();
    // A directory where the file should be: read_to_string fails whoever runs the test.
    std::fs::create_dir_all(m.server()).unwrap();
    let (code, err) = m.fails(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("cannot read the configuration")
            && err.contains(&m.server().display().to_string()),
        "{err}"
    );
}
