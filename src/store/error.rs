//! The store's typed errors. User-facing wording lives in `crate::i18n`.

use std::fmt;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The kinds of record the store keeps, as named in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Unit,
    Leader,
    Meeting,
    Attendance,
    Minutes,
    Feedback,
    Task,
    Progress,
    Explanation,
    Criticism,
    Referral,
    Calendar,
    Database,
    Account,
    Waiver,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Unit => "unit",
            Entity::Leader => "leader",
            Entity::Meeting => "meeting",
            Entity::Attendance => "attendance",
            Entity::Minutes => "minutes",
            Entity::Feedback => "feedback",
            Entity::Task => "task",
            Entity::Progress => "progress",
            Entity::Explanation => "explanation",
            Entity::Criticism => "criticism",
            Entity::Referral => "referral",
            Entity::Calendar => "calendar",
            Entity::Database => "database",
            Entity::Account => "account",
            Entity::Waiver => "waiver",
        }
    }

    pub const ALL: [Entity; 15] = [
        Entity::Unit,
        Entity::Leader,
        Entity::Meeting,
        Entity::Attendance,
        Entity::Minutes,
        Entity::Feedback,
        Entity::Task,
        Entity::Progress,
        Entity::Explanation,
        Entity::Criticism,
        Entity::Referral,
        Entity::Calendar,
        Entity::Database,
        Entity::Account,
        Entity::Waiver,
    ];

    /// The entity named `code` in the audit log.
    pub fn from_code(code: &str) -> Option<Entity> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Input the regulation or the data do not allow. Nothing is written.
#[derive(Debug)]
pub enum Invalid {
    /// A required text is empty.
    Empty(crate::domain::TextField),
    /// A required date is missing.
    MissingDate(crate::domain::When),
    /// A text longer than its field allows.
    TooLong(crate::domain::TooLong),
    /// The unit is deactivated and takes no new tasks.
    InactiveUnit(String),
    /// A unit is both lead and co-unit.
    LeadIsCoUnit(String),
    /// A criticism names a task the unit does not lead.
    TaskNotOfUnit { task: i64, unit: String },
    /// The task was not past its limit on that date (an explanation or criticism needs an overdue task).
    NotOverdue { task: i64, on: chrono::NaiveDate },
    /// The task is already done.
    AlreadyDone(i64),
    /// A date on the wrong side of another: before what it must follow, or after what it must
    /// precede ([`crate::domain::order`]).
    OutOfOrder(crate::domain::OutOfOrder),
    /// The feedback round of this meeting has not been sent.
    NoFeedbackRound(i64),
    /// R4.4: issuing the minutes while units' answers are awaited or before sign-off; saved only
    /// when the user confirms (`--force`, or yes to the TUI's question).
    IssueOpen {
        meeting: i64,
        open: crate::domain::minutes::IssueOpen,
    },
    /// R4.5: the feedback forms cannot be archived while units' answers are awaited.
    FeedbackPending {
        meeting: i64,
        waiting: usize,
        until: crate::domain::Deadline,
    },
    /// The unit takes no part in the meeting.
    NotParticipant { unit: String, meeting: i64 },
    /// The database already holds data (for `demo`).
    NotEmpty,
    /// The referral step does not follow from the referral's current status.
    ReferralStep {
        id: i64,
        status: crate::domain::ReferralStatus,
    },
    /// A calendar file line that cannot be read.
    CalendarLine { line: usize, text: String },
    /// A calendar file lists the same date on two lines (1-based).
    CalendarTwice {
        date: chrono::NaiveDate,
        first: usize,
        again: usize,
    },
    /// A calendar file with no day in it.
    CalendarEmpty,
    /// R2.1: a unit removed from a meeting's participants already has an attendance outcome or a
    /// feedback answer there.
    ParticipantInUse { unit: String, meeting: i64 },
    /// A task stays with the meeting that decided it.
    TaskMeetingFixed { task: i64, meeting: i64 },
    /// A leader named as their own liaison director.
    OwnLiaison(String),
    /// A unit's short form (简称) is already another unit's name or short form: `unit` is that
    /// other unit (issue 18 point 5).
    AliasTaken { alias: String, unit: String },
    /// One item of a batch (1-based `line`) is refused; nothing of the batch is written.
    Line { line: usize, error: Box<StoreError> },
    /// One unit's row of a form saved as one (the attendees confirmed, R2.3; the attendance,
    /// R3) is refused; nothing of the form is written.
    Row {
        unit: String,
        error: Box<StoreError>,
    },
    /// The user has no change left to undo.
    NothingToUndo,
    /// Changes of this kind of record (its [`Entity::code`]) cannot be undone.
    CannotUndo(String),
    /// The change the user was asked about undoing is no longer their last (they changed
    /// something else meanwhile, in another window).
    UndoMoved,
    /// No undo of the user's is waiting to be made again (or a change of theirs came since).
    NothingToRedo,
    /// The record an undo removed cannot come back: the `missing` record it belonged to is gone.
    CannotRedo {
        entity: Entity,
        id: String,
        missing: Entity,
    },
    /// Undoing the creation of `entity` `id` would orphan the `dependant` records added since.
    HasDependants {
        entity: Entity,
        id: String,
        dependant: Entity,
    },
    /// Not a name an operating-system account can have.
    AccountName(String),
    /// The database's last admin cannot be removed or given a lesser role.
    LastAdmin(String),
    /// R5.6: a criticism names no document number.
    CriticismNeedsDocNo,
    /// R5.6: a criticism names no task.
    CriticismNeedsTask,
    /// R5.6: the task is not due for a criticism on that date (no missed, unanswered promise);
    /// `standing` says why (never `Standing::Due`).
    NotCriticismDue {
        task: i64,
        on: chrono::NaiveDate,
        standing: crate::domain::Standing,
    },
    /// R5.6: a criticism insisted on for a task not due needs its reason.
    InsistNeedsReason,
    /// R5.6: a waiver (不予通报批评) needs its reason.
    WaiverNeedsReason,
    /// R5.7: the unit is not due for referral on that date (fewer than two criticisms within one
    /// year since the last decision); its criticisms in the rolling and the calendar year.
    NotReferralDue {
        unit: String,
        on: chrono::NaiveDate,
        rolling_year: usize,
        calendar_year: usize,
        /// The last referral decision before it, which settled the criticisms dated up to it,
        /// and how many came after it.
        settled: Option<(chrono::NaiveDate, usize)>,
    },
    /// R5.7: the unit already has a referral in progress (its id and status).
    ReferralOpen {
        unit: String,
        id: i64,
        status: crate::domain::ReferralStatus,
    },
    /// R5.7: this step of a referral (the status it leads to) needs its text: the county's
    /// approval, the referral decision, the outcome, the reason not to refer.
    ReferralNeedsText(crate::domain::ReferralStatus),
    /// R5.6: a criticised task's lead unit stays the unit criticised.
    CriticisedLeadFixed { task: i64, unit: String },
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{entity} {key:?} not found")]
    NotFound { entity: Entity, key: String },
    #[error("{entity} {key:?} already exists")]
    Duplicate { entity: Entity, key: String },
    #[error("{entity} {id} was changed by {by} at {at}")]
    Conflict {
        entity: Entity,
        id: String,
        by: String,
        at: String,
    },
    #[error("invalid input: {0:?}")]
    Invalid(Invalid),
    #[error(
        "the database was written by a newer duban (schema {found}, this binary knows {known})"
    )]
    NewerSchema { found: i64, known: usize },
    #[error("{account} may not do this: it needs the role {need}, the account has {role:?}")]
    Forbidden {
        account: String,
        role: Option<crate::domain::Role>,
        need: crate::domain::Role,
        /// The account's own role would allow it: the session is read-only (`--read-only`).
        read_only: bool,
    },
    #[error("account {account} is not allowed in this database (admins: {admins:?})")]
    UnknownAccount {
        account: String,
        admins: Vec<String>,
    },
    #[error("the database has no accounts yet; its owner {owner} must open it first (duban init)")]
    NoAccounts { account: String, owner: String },
    /// SQLITE_FULL: the disk (or the database's size limit) is full; the change was rolled back.
    #[error("the disk is full")]
    DiskFull,
    /// SQLITE_READONLY, or opened read-only: this user may not write the file or its folder.
    #[error("the database is read-only")]
    ReadOnly,
    /// SQLITE_CANTOPEN: the file (or its `-wal`/`-shm` beside it) cannot be opened.
    #[error("the database file cannot be opened")]
    CannotOpen,
    /// SQLITE_NOTADB, or an SQLite file of another program: not a duban database.
    #[error("not a duban database")]
    NotADatabase,
    /// SQLITE_CORRUPT: the file is damaged (truncated, overwritten).
    #[error("the database file is damaged")]
    Corrupt,
    /// A backup offered to `restore` that cannot be restored. Nothing is written.
    #[error("backup: {0:?}")]
    BadBackup(BackupProblem),
    #[error("database: {0}")]
    Sqlite(rusqlite::Error),
    #[error("database migration: {0}")]
    Migration(rusqlite_migration::Error),
}

/// Why a backup file cannot be restored.
#[derive(Debug)]
pub enum BackupProblem {
    /// It cannot be opened or read as an SQLite database (SQLite's words).
    Unreadable(String),
    /// `PRAGMA integrity_check` found problems (its first lines).
    Integrity(String),
    /// An SQLite database, but not one of duban's.
    NotDuban,
    /// Written by a newer duban.
    Newer { found: i64, known: usize },
    /// The backup is the live database itself.
    SameFile,
    /// Its page size is not the live database's (a copy into a WAL database needs the same).
    PageSize { found: i64, live: i64 },
}

impl From<rusqlite::Error> for StoreError {
    /// SQLite's failures of the file itself become their own variants, so the interfaces can say
    /// what happened and what to do; everything else stays SQLite's error.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { query, err } => {
                match StoreError::from(err) {
                    StoreError::Sqlite(err) => {
                        StoreError::Migration(rusqlite_migration::Error::RusqliteError {
                            query,
                            err,
                        })
                    }
                    other => other,
                }
            }
            e => StoreError::Migration(e),
        }
    }
}

impl StoreError {
    pub(crate) fn not_found(entity: Entity, key: impl ToString) -> Self {
        StoreError::NotFound {
            entity,
            key: key.to_string(),
        }
    }

    /// Whether the error is a refusal by role or account (exit code 3).
    pub fn is_not_allowed(&self) -> bool {
        matches!(
            self,
            StoreError::Forbidden { .. }
                | StoreError::UnknownAccount { .. }
                | StoreError::NoAccounts { .. }
        )
    }

    /// Whether the error is the user's input (exit code 2) rather than the system's.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::NotFound { .. }
                | StoreError::Duplicate { .. }
                | StoreError::Invalid(_)
                | StoreError::Conflict { .. }
                | StoreError::BadBackup(_)
        )
    }
}

impl StoreError {
    /// Whether the trouble is the database file itself (its damage, permissions, version), so a
    /// message names the file.
    pub fn is_about_the_file(&self) -> bool {
        matches!(
            self,
            StoreError::ReadOnly
                | StoreError::CannotOpen
                | StoreError::NotADatabase
                | StoreError::Corrupt
                | StoreError::NewerSchema { .. }
        )
    }
}

impl From<Invalid> for StoreError {
    fn from(i: Invalid) -> Self {
        StoreError::Invalid(i)
    }
}

impl From<crate::domain::OutOfOrder> for StoreError {
    fn from(o: crate::domain::OutOfOrder) -> Self {
        StoreError::Invalid(Invalid::OutOfOrder(o))
    }
}

impl From<crate::domain::TooLong> for StoreError {
    fn from(t: crate::domain::TooLong) -> Self {
        StoreError::Invalid(Invalid::TooLong(t))
    }
}
