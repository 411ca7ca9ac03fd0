//! Running the built binary as the command-line tests do: on a database of the test's own, with a
//! home of its own and none of duban's variables from the developer's shell, and reading what a
//! command did.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The day the tests compute for.
pub const TODAY: &str = "2026-11-25";

/// Where the tests point DUBAN_SYSTEM_CONFIG, so that a server configuration on the machine that
/// runs them changes nothing.
pub const NO_SYSTEM_CONFIG: &str = "/nonexistent/duban.toml";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_duban")
}

/// The built binary on the database `db`, with `home` as its home and configuration folder. The
/// developer's DUBAN_TODAY, DUBAN_LANG and DUBAN_CONFIG are removed: a setting in the shell that
/// runs the tests must not change what they see.
pub fn isolated(db: &Path, home: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env_remove("DUBAN_TODAY")
        .env_remove("DUBAN_LANG")
        .env_remove("DUBAN_CONFIG")
        .env("DUBAN_DB", db)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home);
    c
}

/// [`isolated`], the day fixed at [`TODAY`] by `--today`, then `args`.
pub fn duban(db: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = isolated(db, home);
    c.args(["--today", TODAY]).args(args);
    c
}

/// [`isolated`] with no server configuration either.
pub fn hermetic(db: &Path, home: &Path) -> Command {
    let mut c = isolated(db, home);
    c.env("DUBAN_SYSTEM_CONFIG", NO_SYSTEM_CONFIG);
    c
}

/// A database file in a temporary folder of its own, which is also the home of the commands run
/// on it. Each test file says how it runs the binary on it (an `impl` of [`Run`]).
pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempDb {
    /// The database is not created: the tests start with `init` or `demo`, or with none.
    pub fn new() -> TempDb {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("duban.db");
        TempDb { dir, path }
    }
}

/// Something the built binary runs on, and the ways the tests read what a command did.
pub trait Run {
    /// What `duban args` did.
    fn output(&self, args: &[&str]) -> Output;

    /// Runs a command that must succeed; its stdout.
    fn ok(&self, args: &[&str]) -> String {
        succeeded(args, self.output(args))
    }

    /// [`Run::ok`] with `--format json`, parsed.
    fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    /// Exit code and stderr of a command expected to fail.
    fn fails(&self, args: &[&str]) -> (i32, String) {
        failed(args, self.output(args))
    }
}

/// The stdout of `duban args`, which must have succeeded (else its stderr is the failure).
pub fn succeeded(args: &[&str], out: Output) -> String {
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Exit code and stderr of `duban args`, which must have failed.
pub fn failed(args: &[&str], out: Output) -> (i32, String) {
    assert!(!out.status.success(), "{args:?} should fail");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}
