//! The database file's troubles as the user reads them: a full disk, no permission, a damaged or
//! foreign file, and a backup that cannot be restored.

use crate::i18n::{Lang, Msg};
use crate::store::{BackupProblem, StoreError};

/// The message of one of the file's troubles (another error: SQLite's words).
pub fn message(lang: Lang, e: StoreError) -> String {
    match e {
        StoreError::DiskFull => lang.t(Msg::ErrDiskFull).to_string(),
        StoreError::ReadOnly => lang.t(Msg::ErrReadOnly).to_string(),
        StoreError::CannotOpen => lang.t(Msg::ErrCannotOpen).to_string(),
        StoreError::NotADatabase => lang.t(Msg::ErrNotADatabase).to_string(),
        StoreError::Corrupt => lang.t(Msg::ErrCorrupt).to_string(),
        StoreError::BadBackup(p) => problem_message(lang, p),
        e => lang.fill(Msg::ErrDatabase, &[&e]),
    }
}

/// Why a backup cannot be restored.
fn problem_message(lang: Lang, p: BackupProblem) -> String {
    match p {
        BackupProblem::Unreadable(e) => lang.fill(Msg::ErrBackupUnreadable, &[&e]),
        BackupProblem::Integrity(e) => lang.fill(Msg::ErrBackupIntegrity, &[&e]),
        BackupProblem::NotDuban => lang.t(Msg::ErrBackupNotDuban).to_string(),
        BackupProblem::Newer { found, known } => lang.fill(Msg::ErrBackupNewer, &[&found, &known]),
        BackupProblem::SameFile => lang.t(Msg::ErrBackupSame).to_string(),
        BackupProblem::PageSize { found, live } => {
            lang.fill(Msg::ErrBackupPageSize, &[&found, &live])
        }
    }
}
