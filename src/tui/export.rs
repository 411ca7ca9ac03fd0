//! `x`: what a tab shows, written to a file in the export directory, never over another file.

use chrono::NaiveDate;

use super::action::{Action, Loaded};
use super::model::{Period, TaskFilter};
use crate::i18n::Lang;
use crate::store::Store;

/// What `x` exports.
#[derive(Debug, Clone)]
pub enum ExportWhat {
    /// The ledger as filtered on screen, and the filter in words (the file's title row).
    Ledger {
        filter: TaskFilter,
        scope: String,
    },
    Report(Period),
}

/// A file name in `dir` that is not taken yet: `duban-<kind>-<date>-<hhmmss>[-N].xlsx`.
fn free_path(dir: &std::path::Path, kind: &str, now: &str) -> std::path::PathBuf {
    let stamp: String = now
        .chars()
        .take(19)
        .map(|c| {
            if c.is_ascii_digit() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut path = dir.join(format!("duban-{kind}-{stamp}.xlsx"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("duban-{kind}-{stamp}-{n}.xlsx"));
        n += 1;
    }
    path
}

pub(super) fn run(
    store: &Store,
    today: NaiveDate,
    lang: Lang,
    what: ExportWhat,
    dir: &std::path::Path,
) -> Action {
    let now = store.now_label();
    let stamp = crate::os::now_cst_string();
    let result = match what {
        ExportWhat::Ledger { filter, scope } => {
            let path = free_path(dir, "ledger", &stamp);
            store
                .tasks(&filter, today)
                .map_err(|e| crate::cli::store_failure(lang, e).message)
                .and_then(|rows| {
                    crate::export::ledger_xlsx(&path, lang, &rows, &scope, &now)
                        .map(|()| path.clone())
                        .map_err(|e| e.to_string())
                })
        }
        ExportWhat::Report(period) => {
            let path = free_path(dir, "report", &stamp);
            store
                .report(period, today)
                .map_err(|e| crate::cli::store_failure(lang, e).message)
                .and_then(|r| {
                    crate::export::report_xlsx(&path, lang, &r, &now)
                        .map(|()| path.clone())
                        .map_err(|e| e.to_string())
                })
        }
    };
    match result {
        Ok(path) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            Action::Loaded(Box::new(Loaded::Exported(shown)))
        }
        Err(e) => Action::Failed(lang.ui_fill(crate::i18n::Ui::ExportFailed, &[&e])),
    }
}
