//! Backups and restores with SQLite's online backup API: others keep reading and writing while a
//! backup is taken; a restore replaces the live database in one step under the write lock, after
//! the backup has been checked, and is recorded in the audit log.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::error::BackupProblem;
use super::{Entity, Result, SCHEMA_VERSION, Store, StoreError, calendar, schema};
use crate::domain::Role;

/// How long a backup or restore waits for a lock held by another connection before giving up.
const LOCK_PATIENCE: Duration = Duration::from_secs(30);

/// The tables every duban database has had since its first schema.
const DUBAN_TABLES: [&str; 5] = ["unit", "leader", "meeting", "task", "audit"];

/// A backup that passed its checks: what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// Its schema version (`PRAGMA user_version`), not newer than this duban's.
    pub schema: i64,
    pub tasks: i64,
    /// When its newest change was made (its newest audit row), if any.
    pub last_change: Option<String>,
    /// SQLite's page size of the file.
    pub page_size: i64,
}

/// Copies every page of `from` into `to` in one step (one read transaction of `from`, so the copy
/// is one consistent state even while other connections write), waiting while a lock is held.
fn copy_all(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let deadline = Instant::now() + LOCK_PATIENCE;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if Instant::now() < deadline => {
                // Busy or locked: another connection holds a lock for a moment.
                std::thread::sleep(Duration::from_millis(25));
            }
            _ => {
                return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed locked".into()),
                )));
            }
        }
    }
}

fn unreadable(e: rusqlite::Error) -> StoreError {
    StoreError::BadBackup(BackupProblem::Unreadable(e.to_string()))
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

impl Store {
    /// The file this store has open (`None` in memory).
    fn file(&self) -> Option<&Path> {
        self.conn.path().filter(|p| !p.is_empty()).map(Path::new)
    }

    /// Copies the database into `dest` (a new or empty file; an existing database there is
    /// replaced) with SQLite's online backup, while others keep working: the copy is the database
    /// as it was at one moment, with every change committed before it and none after.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if self.file().is_some_and(|live| same_file(live, dest)) {
            return Err(StoreError::BadBackup(BackupProblem::SameFile));
        }
        let mut to = Connection::open(dest)?;
        copy_all(&self.conn, &mut to)?;
        to.close().map_err(|(_, e)| StoreError::from(e))
    }

    /// Checks a backup before it is restored, without writing to it: it opens as an SQLite
    /// database, passes `PRAGMA integrity_check`, holds duban's tables, and is not from a newer
    /// duban. Refusals are [`StoreError::BadBackup`].
    pub fn check_backup(path: &Path) -> Result<BackupInfo> {
        if !path.is_file() {
            return Err(StoreError::BadBackup(BackupProblem::Unreadable(
                std::io::Error::from(std::io::ErrorKind::NotFound).to_string(),
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(unreadable)?;
        let schema: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(unreadable)?;
        let problems: Vec<String> = conn
            .prepare("PRAGMA integrity_check(20)")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(unreadable)?;
        if problems != ["ok"] {
            return Err(StoreError::BadBackup(BackupProblem::Integrity(
                problems.join("; "),
            )));
        }
        if schema > SCHEMA_VERSION as i64 {
            return Err(StoreError::BadBackup(BackupProblem::Newer {
                found: schema,
                known: SCHEMA_VERSION,
            }));
        }
        let tables: i64 = conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ({})",
                    DUBAN_TABLES.map(|t| format!("'{t}'")).join(", ")
                ),
                [],
                |r| r.get(0),
            )
            .map_err(unreadable)?;
        if schema < 1 || tables != DUBAN_TABLES.len() as i64 {
            return Err(StoreError::BadBackup(BackupProblem::NotDuban));
        }
        let tasks = conn
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
            .map_err(unreadable)?;
        let last_change = conn
            .query_row("SELECT max(at) FROM audit", [], |r| r.get(0))
            .map_err(unreadable)?;
        let page_size = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .map_err(unreadable)?;
        Ok(BackupInfo {
            schema,
            tasks,
            last_change,
            page_size,
        })
    }

    /// [`Store::check_backup`] of a backup to restore over this database, which it must not be.
    pub fn check_restore(&self, path: &Path) -> Result<BackupInfo> {
        if self.file().is_some_and(|live| same_file(live, path)) {
            return Err(StoreError::BadBackup(BackupProblem::SameFile));
        }
        let info = Self::check_backup(path)?;
        let live: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        if info.page_size != live {
            return Err(StoreError::BadBackup(BackupProblem::PageSize {
                found: info.page_size,
                live,
            }));
        }
        Ok(info)
    }

    /// Replaces the whole database with the backup at `path`, after [`Store::check_backup`]:
    /// with SQLite's online backup API, in one step under the write lock, so every other
    /// connection sees either the database before or the backup, never a mixture (their next read
    /// sees the backup; `data_version` tells them). A backup of an older schema is migrated; the
    /// restore is then recorded as an audit row of the restored database. A refused backup leaves
    /// the database as it was.
    ///
    /// Admins only, refused before the backup is even read.
    pub fn restore_from(&mut self, path: &Path) -> Result<BackupInfo> {
        self.may(Role::Admin)?;
        let info = self.check_restore(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let from = Connection::open_with_flags(path, flags).map_err(unreadable)?;
        copy_all(&from, &mut self.conn)?;
        drop(from);
        // What this store derived from the old database is derived again from the restored one.
        schema::migrations().to_latest(&mut self.conn)?;
        self.chain_old_audit_rows()?;
        self.cal = calendar::load(&self.conn)?;
        // The backup's accounts are now the database's; one from before accounts lists no one,
        // and the admin who restored it founds it again.
        self.found_if_unlisted()?;
        if self.role().allows(Role::Editor) {
            self.sync_derived_deadlines()?;
        }
        self.backfill_initials()?;
        let record = serde_json::json!({
            "from": path.display().to_string(),
            "schema": info.schema,
            "tasks": info.tasks,
            "last_change": info.last_change,
        });
        // Recorded whoever the restored database lists: the restore happened.
        self.system_write(|tx| {
            tx.audit(
                "restore",
                Entity::Database,
                "restore",
                None::<&()>,
                Some(&record),
            )
        })?;
        Ok(info)
    }
}
