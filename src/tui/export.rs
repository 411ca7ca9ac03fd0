//! `x`: what a tab shows, written to a file in the export directory, never over another file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::action::{Action, Loaded};
use super::model::{MeetingDetail, Period, TaskFilter};
use crate::i18n::{Exp, Lang};
use crate::store::Store;

/// What `x` exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWhat {
    /// The ledger as filtered on screen, and the filter in words (the file's title row).
    Ledger {
        filter: TaskFilter,
        scope: String,
    },
    Report(Period),
    /// R5.4: the draft status bulletin of the period (.docx).
    Bulletin(Period),
    /// R4.2: the feedback forms of a meeting's minutes, one per participating unit.
    FeedbackForms(i64),
}

/// A file's name without its extension: the stem in the user's language and the day it is
/// exported (`--today`): `督办台账-2026-12-04`, `duban-ledger-2026-12-04`.
fn stem(lang: Lang, what: Exp, today: NaiveDate) -> String {
    format!("{}-{today}", lang.exp(what))
}

/// A file name in `dir` that is not taken yet: `<stem>.<ext>`, else `<stem>-2.<ext>`, …
fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    path
}

/// A name made safe for a file: no path separators or control characters.
fn file_safe(name: &str) -> String {
    crate::text::sanitise(name)
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect()
}

pub(super) fn run(
    store: &Store,
    today: NaiveDate,
    lang: Lang,
    what: ExportWhat,
    dir: &Path,
    referral_body: &str,
) -> Action {
    let now = store.now_label();
    let store_err = |e| crate::present::store_message(lang, e);
    let meta = crate::export::DocMeta::now(store.account(), lang.exp(Exp::NoticeIssuer))
        .with_referral_body(Some(referral_body.to_string()));
    let result: Result<(PathBuf, usize), String> = match what {
        ExportWhat::Ledger { filter, scope } => {
            let path = free_path(dir, &stem(lang, Exp::FileLedger, today), "xlsx");
            crate::export::LedgerQuery::new(store, &filter, today)
                .map_err(store_err)
                .and_then(|rows| {
                    // One file written: the count is of files, as for the report.
                    let heading = crate::export::Heading {
                        scope: &scope,
                        today,
                        exported_at: &now,
                    };
                    crate::export::ledger_xlsx(&path, lang, &rows, &heading)
                        .map(|_tasks| (path.clone(), 1))
                        .map_err(|e| e.message(lang, &path))
                })
        }
        ExportWhat::Report(period) => {
            let path = free_path(dir, &stem(lang, Exp::FileReport, today), "xlsx");
            store
                .report(period, today)
                .map_err(store_err)
                .and_then(|r| {
                    crate::export::report_xlsx(&path, lang, &r, &now)
                        .map(|()| (path.clone(), 1))
                        .map_err(|e| e.to_string())
                })
        }
        ExportWhat::Bulletin(period) => {
            let path = free_path(dir, &stem(lang, Exp::FileBulletin, today), "docx");
            store
                .bulletin(period, today)
                .map_err(store_err)
                .and_then(|b| {
                    crate::export::bulletin(&path, lang, &b, &meta)
                        .map(|()| (path.clone(), 1))
                        .map_err(|e| e.message(lang, &path))
                })
        }
        ExportWhat::FeedbackForms(meeting) => store
            .meeting_detail(meeting, today)
            .map_err(store_err)
            .and_then(|detail| feedback_forms(&detail, lang, today, dir, &meta)),
    };
    match result {
        Ok((path, count)) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            Action::Loaded(Box::new(Loaded::Exported(shown, count)))
        }
        Err(e) => Action::Failed(lang.ui_fill(crate::i18n::Ui::ExportFailed, &[&e])),
    }
}

/// R4.2: a feedback form for every participating unit of a meeting, into `dir`; the directory and
/// how many were written.
fn feedback_forms(
    detail: &MeetingDetail,
    lang: Lang,
    today: NaiveDate,
    dir: &Path,
    meta: &crate::export::DocMeta,
) -> Result<(PathBuf, usize), String> {
    let mut written = 0;
    for (unit, _) in &detail.attendance {
        let stem = format!(
            "{}-{}-{}-{today}",
            lang.exp(Exp::FileFeedback),
            detail.meeting.id,
            file_safe(unit)
        );
        let path = free_path(dir, &stem, "docx");
        crate::export::feedback_form(&path, lang, detail, unit, meta)
            .map_err(|e| e.message(lang, &path))?;
        written += 1;
    }
    Ok((dir.to_path_buf(), written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Light, Thresholds};
    use crate::tui::action::Loaded;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn demo() -> Store {
        let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
        let options = crate::demo::DemoOptions {
            today: today(),
            scale: None,
            seed: 2011,
        };
        crate::demo::build(&mut store, options).unwrap();
        store
    }

    fn ledger(filter: &TaskFilter) -> ExportWhat {
        ExportWhat::Ledger {
            filter: filter.clone(),
            scope: "红灯".into(),
        }
    }

    #[test]
    fn x_on_the_ledger_writes_the_filtered_tasks_as_one_file() {
        use calamine::Reader;
        let store = demo();
        let dir = tempfile::tempdir().unwrap();
        let filter = TaskFilter {
            light: Some(Light::Red),
            ..TaskFilter::default()
        };
        let ids: Vec<String> = store
            .tasks(&filter, today())
            .unwrap()
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        let action = run(
            &store,
            today(),
            Lang::Zh,
            ledger(&filter),
            dir.path(),
            "县纪委监委",
        );
        let Action::Loaded(loaded) = action else {
            panic!("{action:?}")
        };
        let Loaded::Exported(path, 1) = *loaded else {
            panic!("one file: {loaded:?}")
        };
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = wb.worksheet_range("督办事项台账").unwrap();
        let got: Vec<String> = range.rows().skip(3).map(|r| r[0].to_string()).collect();
        assert_eq!(got, ids);

        // No directory to write in: the failure names the file, in the user's language.
        let gone = dir.path().join("gone");
        let action = run(
            &store,
            today(),
            Lang::En,
            ledger(&filter),
            &gone,
            "县纪委监委",
        );
        let Action::Failed(message) = action else {
            panic!("{action:?}")
        };
        assert!(
            message.starts_with("Export failed: cannot read or write"),
            "{message}"
        );
        assert!(message.contains(&gone.display().to_string()), "{message}");
    }
}
