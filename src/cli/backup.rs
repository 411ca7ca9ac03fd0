//! `duban backup PATH` and `duban restore PATH`: SQLite's online backup, both ways.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliResult, Ctx, Failure};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::store::{BackupInfo, BackupProblem, Store, StoreError, TaskFilter};

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore (made by `duban backup`).
    pub path: PathBuf,
    /// Restore without asking (for scripts); without it duban asks on a terminal.
    #[arg(long)]
    pub yes: bool,
}

/// Copies the database into `path` while others keep working. The copy is written beside `path`
/// under a temporary name and renamed onto it when whole, so `path` never holds half a backup.
pub fn backup(ctx: &Ctx, path: &Path) -> CliResult {
    let store = ctx.open()?;
    if same_file(&ctx.db, path) {
        return Err(ctx.store(StoreError::BadBackup(BackupProblem::SameFile)));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".duban-backup-")
        .suffix(".db")
        .tempfile_in(dir)
        .map_err(|e| ctx.file_failure(path, &e))?;
    store.backup(tmp.path()).map_err(|e| ctx.store(e))?;
    tmp.persist(path)
        .map_err(|e| ctx.file_failure(path, &e.error))?;
    outln!("{}", ctx.lang.fill(Msg::BackupDone, &[&path.display()]));
    Ok(())
}

/// Replaces the database with a checked backup, after the user confirmed it (or `--yes`).
pub fn restore(ctx: &Ctx, a: RestoreArgs) -> CliResult {
    let mut store = ctx.open()?;
    // Admins only: say so before asking anything (`restore_from` refuses again, whoever calls).
    store.may(Role::Admin).map_err(|e| ctx.store(e))?;
    let info = store.check_restore(&a.path).map_err(|e| ctx.store(e))?;
    if !a.yes {
        confirm(ctx, &store, &a.path, &info)?;
    }
    let info = store.restore_from(&a.path).map_err(|e| ctx.store(e))?;
    outln!(
        "{}",
        ctx.lang
            .fill(Msg::RestoreDone, &[&a.path.display(), &info.tasks])
    );
    Ok(())
}

/// Asks on the terminal: the user types the database's file name or `yes`. Without a terminal
/// there is nobody to ask, and the restore is refused.
fn confirm(ctx: &Ctx, store: &Store, path: &Path, info: &BackupInfo) -> CliResult {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(ctx.bad(Msg::ErrRestoreNeedsYes, &[]));
    }
    let l = ctx.lang;
    let now = store
        .task_count(&TaskFilter::default(), ctx.today)
        .map_err(|e| ctx.store(e))?;
    let name = ctx
        .db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let last = info.last_change.as_deref().unwrap_or("-");
    errln!(
        "{}",
        l.fill(
            Msg::RestorePlan,
            &[
                &path.display(),
                &info.schema,
                &info.tasks,
                &last,
                &ctx.db.display(),
                &now
            ]
        )
    );
    super::output::err_now(&l.fill(Msg::RestoreAsk, &[&name]));
    let mut answer = String::new();
    let _ = stdin.lock().read_line(&mut answer);
    let answer = answer.trim();
    if !answer.is_empty() && (answer == name || answer.eq_ignore_ascii_case("yes")) {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: l.t(Msg::RestoreNotConfirmed).to_string(),
        })
    }
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
