//! The only place that holds SQL. Opens and migrates the database, and offers typed reads and
//! writes: rusqlite in, domain types out.
//!
//! Every write runs in `BEGIN IMMEDIATE` and appends an audit row (OS user, time, entity, id, before
//! and after as JSON) in the same transaction. Updates name the version they read; a stale version is
//! refused with [`StoreError::Conflict`] naming who changed the record and when. A user's own
//! changes can be undone, newest first, each by a new audited change ([`Store::undo_last`]).

mod accounts;
mod aliases;
mod audit;
mod backup;
mod bulk;
mod calendar;
mod chain;
mod check;
mod criticisms;
mod error;
mod exchange;
mod import;
mod initials;
mod meetings;
mod minutes;
mod overview;
mod promises;
mod referrals;
mod reports;
mod rows;
mod schema;
mod search;
mod snapshot;
mod tasks;
mod undo;
mod units;
mod wal;
mod window;
pub use window::nearer_than_either_end;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::calendar::Calendar;
use crate::domain::{Role, Thresholds};

pub use accounts::{Access, Account, UnknownAccounts};
pub use audit::{AuditEntry, AuditQuery};
pub use backup::BackupInfo;
pub use bulk::Dataset;
pub use calendar::{CalendarWrite, parse_calendar_csv};
pub use chain::{AuditChain, ChainBreak};
pub use check::CheckReport;
pub use criticisms::{CriticismRow, NewCriticism};
pub use error::{BackupProblem, Entity, Invalid, Result, StoreError};
pub use exchange::{LedgerEntry, MeetingFull};
pub use import::{
    LedgerPlan, MeetingRef, NewLeader, PlannedCriticism, PlannedExplanation, PlannedLeader,
    PlannedMeeting, PlannedReferral, PlannedTask, PlannedUnit,
};
pub use meetings::{MeetingDetail, MeetingFilter, MeetingRow, MeetingScope, NewMeeting};
pub use minutes::{FeedbackAnswer, FeedbackRow, MinutesSave};
pub use overview::Overview;
pub use referrals::ReferralStep;
pub use reports::Bulletin;
pub use rows::{UnitDetail, UnitRow};
pub use schema::SCHEMA_VERSION;
pub use snapshot::Snapshot;
pub use tasks::{Anchor, NewTask, TaskDetail, TaskFilter, TaskRow, TaskSort};
pub use undo::{RedoneChange, UndoPeek, UndoneChange};
pub use units::NewUnit;
pub use wal::WalStatus;

/// An open database with its calendar (built-in data plus the user's overrides) and thresholds.
pub struct Store {
    conn: Connection,
    cal: Calendar,
    thresholds: Thresholds,
    /// The OS account of this process (`crate::os::current_user`): whose role every write checks.
    account: String,
    /// The name audit rows carry: the account, or the fixed name of [`Store::fix_audit_clock`].
    user: String,
    /// The role this store may act with at most ([`Store::restrict_to`]; `Admin`: no limit).
    cap: Role,
    /// What an account the database does not list may do.
    unknown: UnknownAccounts,
    /// A fixed audit time instead of the clock (see [`Store::fix_audit_clock`]).
    fixed_at: Option<String>,
    /// How many candidates make a text search broad (`tasks::query::BROAD`; tests lower it).
    broad: i64,
    /// The breadth of the texts searched lately (`tasks::text::Breadth`): a filter keystroke
    /// counts and windows the same text, and backspacing returns to a text just seen.
    breadth: tasks::text::Breadth,
}

impl Store {
    /// Opens (creating if missing) and migrates the database at `path`, as the OS account of this
    /// process. An account the database does not list is refused
    /// ([`StoreError::UnknownAccount`]); see [`Store::open_with`].
    pub fn open(path: &Path, thresholds: Thresholds) -> Result<Store> {
        Self::open_with(path, thresholds, Access::default())
    }

    /// [`Store::open`], with what an account the database does not list may do. On a database with
    /// no accounts yet (new, or from before accounts), the file's owner or root becomes its admin
    /// and everyone else is refused ([`StoreError::NoAccounts`]).
    pub fn open_with(path: &Path, thresholds: Thresholds, access: Access) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        // SQLite falls back to read-only when the user may not write the file; refuse before the
        // first read, which would leave a `-shm` beside it that others then could not write.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly);
        }
        let who = accounts::Identity::of_process(Some(path));
        Self::from_connection(conn, thresholds, who, access)
    }

    /// Opens an in-memory database (tests, previews): private to this process, so the process's
    /// account is its admin.
    pub fn open_in_memory(thresholds: Thresholds) -> Result<Store> {
        let who = accounts::Identity::of_process(None);
        Self::from_connection(
            Connection::open_in_memory()?,
            thresholds,
            who,
            Access::default(),
        )
    }

    fn from_connection(
        mut conn: Connection,
        thresholds: Thresholds,
        who: accounts::Identity,
        access: Access,
    ) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(10))?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION as i64 {
            return Err(StoreError::NewerSchema {
                found,
                known: SCHEMA_VERSION,
            });
        }
        // Another program's SQLite file is not migrated into a duban database.
        let foreign: bool = conn.query_row(
            "SELECT ?1 = 0 AND EXISTS (SELECT 1 FROM sqlite_schema)",
            [found],
            |r| r.get(0),
        )?;
        if foreign {
            return Err(StoreError::NotADatabase);
        }
        // WAL lets readers go on while one writer writes; it is a no-op for :memory:.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        search::register(&conn)?;
        schema::migrations().to_latest(&mut conn)?;
        let cal = calendar::load(&conn)?;
        let mut store = Store {
            conn,
            cal,
            thresholds,
            account: who.name.clone(),
            user: who.name.clone(),
            cap: access.at_most,
            unknown: access.unknown,
            fixed_at: None,
            broad: tasks::text::BROAD,
            breadth: tasks::text::Breadth::default(),
        };
        store.chain_old_audit_rows()?;
        store.admit(&who)?;
        if store.role().allows(Role::Editor) {
            store.sync_derived_deadlines()?;
        }
        store.backfill_initials()?;
        Ok(store)
    }

    /// Stored deadlines were computed with some default limit (R5.2); when this process is
    /// configured with another, recompute them all, in one audited transaction.
    fn sync_derived_deadlines(&mut self) -> Result<()> {
        const KEY: &str = "default_limit_workdays";
        let want = self.thresholds.default_limit_workdays.to_string();
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        if stored.as_deref() == Some(want.as_str()) {
            return Ok(());
        }
        self.write(Role::Editor, |tx| {
            tx.refresh_due("1 = ?1", 1)?;
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [KEY, want.as_str()],
            )?;
            // On an empty database this only records the setting; nothing changed to audit.
            let any: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM task)", [], |r| r.get(0))?;
            if any {
                tx.audit("update", Entity::Database, KEY, stored.as_ref(), Some(&want))?;
            }
            Ok(())
        })
    }

    /// The calendar in force: built-in data with the user's overrides.
    pub fn calendar(&self) -> &Calendar {
        &self.cal
    }

    /// The thresholds the rules are computed with (configuration, `[thresholds]`).
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// Records every later change of this store as made by `user` at `at`, not by the OS account at
    /// the wall-clock time: for demos rendered in tests and screenshots, which must not depend on
    /// when or by whom they are run.
    pub fn fix_audit_clock(&mut self, user: &str, at: &str) {
        self.user = user.to_string();
        self.fixed_at = Some(at.to_string());
    }

    /// The time now as shown on reports ("2026-11-25 09:00", China Standard Time), or the fixed
    /// time of [`Store::fix_audit_clock`].
    pub fn now_label(&self) -> String {
        let at = self
            .fixed_at
            .clone()
            .unwrap_or_else(crate::os::now_cst_string);
        at.get(..16).unwrap_or(&at).replacen('T', " ", 1)
    }

    /// SQLite's `PRAGMA data_version`: it changes when another connection (another duban, another
    /// process) commits to the database, and not for this store's own writes. Compare two readings
    /// to know whether what is on screen may be stale.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction when this store's account may act as `need`
    /// (its role read inside the transaction, so a role changed by an admin counts at once);
    /// commits when `f` returns `Ok`. Every change to the database goes through here or
    /// [`Store::system_write`].
    fn write<T>(&mut self, need: Role, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.transact(Some(need), f)
    }

    /// A write that is no one's change but upkeep of what the store derives (search initials,
    /// the audit chain of old rows, the first admin): runs whatever this store's role.
    fn system_write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.transact(None, f)
    }

    fn transact<T>(
        &mut self,
        need: Option<Role>,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let own = accounts::role_of(&tx, &self.account, self.unknown)?;
        let role = own.map(|r| r.min(self.cap));
        let w = Tx {
            tx,
            cal: &self.cal,
            t: &self.thresholds,
            user: &self.user,
            account: &self.account,
            role,
            own,
            at: self
                .fixed_at
                .clone()
                .unwrap_or_else(crate::os::now_cst_string),
        };
        if let Some(need) = need {
            w.require(need)?;
        }
        let out = f(&w)?;
        w.tx.commit()?;
        self.breadth.forget();
        Ok(out)
    }
}

/// A write transaction with what every write needs: the calendar for derived dates, and the user
/// and time for the audit row.
struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    cal: &'a Calendar,
    t: &'a Thresholds,
    user: &'a str,
    /// The account acting, and its role read in this transaction (`None`: not listed), within
    /// the session's limit; `own`: the account's role without that limit.
    account: &'a str,
    role: Option<Role>,
    own: Option<Role>,
    at: String,
}

/// The tables whose ids are never given twice (migration 10's `id_used`).
pub(crate) const ID_TABLES: [&str; 9] = [
    "unit",
    "leader",
    "meeting",
    "task",
    "progress_report",
    "explanation",
    "criticism",
    "referral",
    "waiver",
];

impl Tx<'_> {
    /// The id a new row of `table` gets: `id` when the caller gives one (a bulk load, an undo
    /// writing a row back), else the one after the highest the table has ever held (migration
    /// 10), so that an id the audit log names is never given to another record.
    fn id_for(&self, table: &'static str, id: i64) -> Result<i64> {
        if id > 0 {
            return Ok(id);
        }
        Ok(self
            .prepare_cached("SELECT last + 1 FROM id_used WHERE tbl = ?1")?
            .query_row([table], |r| r.get(0))?)
    }

    /// Refuses the write unless the acting account's role allows what `need` allows.
    fn require(&self, need: Role) -> Result<()> {
        if self.role.is_some_and(|r| r.allows(need)) {
            return Ok(());
        }
        Err(StoreError::Forbidden {
            account: self.account.to_string(),
            role: self.role,
            need,
            read_only: self.own.is_some_and(|r| r.allows(need)),
        })
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

#[cfg(test)]
mod tests;
