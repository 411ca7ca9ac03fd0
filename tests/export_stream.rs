//! The ledger export streamed from the store ([`LedgerQuery`]): the same rows as `Store::tasks`
//! returns, one snapshot across the .xlsx's two walks, and no file when the rows fail or change.

use std::cell::Cell;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::{Light, Limit, TaskState, Thresholds};
use duban::exchange::Col;
use duban::export::{
    ExportError, Heading, LedgerFormat, LedgerQuery, LedgerRows, ledger_headers, ledger_value,
    ledger_xlsx, write_ledger,
};
use duban::i18n::Lang;
use duban::store::{LedgerEntry, NewTask, Store, StoreError, TaskFilter, TaskSort};

const AT: &str = "2026-11-25T10:00:00+08:00";

fn heading(scope: &str) -> Heading<'_> {
    Heading {
        scope,
        today: today(),
        exported_at: AT,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("t.db"), Thresholds::default()).unwrap()
}

/// The demo county in `dir/t.db`.
fn county(dir: &Path) -> Store {
    let mut store = open(dir);
    let options = DemoOptions {
        today: today(),
        scale: None,
        seed: 7,
    };
    build(&mut store, options).unwrap();
    store
}

/// The cells of the first sheet, as text (the id column is a number).
fn xlsx_cells(path: &Path) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    Data::DateTime(dt) => {
                        let (y, m, d, ..) = dt.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{d:02}")
                    }
                    c => c.to_string(),
                })
                .collect()
        })
        .collect()
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".duban-export"))
        .collect()
}

#[test]
fn a_filtered_export_streams_the_rows_store_tasks_returns() {
    let dir = tempfile::tempdir().unwrap();
    let store = county(dir.path());
    let unit = store.tasks(&TaskFilter::default(), today()).unwrap()[0].lead_unit_id;
    let filters = [
        TaskFilter::default(),
        TaskFilter {
            light: Some(Light::Red),
            ..TaskFilter::default()
        },
        TaskFilter {
            unit_id: Some(unit),
            sort: TaskSort::MeetingDate,
            ..TaskFilter::default()
        },
        TaskFilter {
            text: Some("镇".into()),
            state: Some(TaskState::Done),
            sort: TaskSort::Unit,
            ..TaskFilter::default()
        },
        TaskFilter {
            limit: Some(7),
            offset: 3,
            ..TaskFilter::default()
        },
    ];
    for (i, filter) in filters.iter().enumerate() {
        let tasks = store.tasks(filter, today()).unwrap();
        let expected = store.ledger_entries(filter, today()).unwrap();
        assert!(!expected.is_empty(), "filter {i} selects nothing");
        assert_eq!(
            expected.iter().map(|e| e.row.id).collect::<Vec<_>>(),
            tasks.iter().map(|r| r.id).collect::<Vec<_>>()
        );
        // The cells of the xlsx's ledger sheet (a provisional date is a date cell there).
        let cells: Vec<Vec<String>> = expected
            .iter()
            .map(|e| {
                Col::xlsx()
                    .into_iter()
                    .map(|c| {
                        ledger_value(Lang::Zh, e, c)
                            .csv()
                            .trim_end_matches('*')
                            .to_string()
                    })
                    .collect()
            })
            .collect();

        // .csv: the streamed file is the file of the rows in memory, and holds their cells.
        let streamed = dir.path().join(format!("streamed-{i}.csv"));
        let query = LedgerQuery::new(&store, filter, today()).unwrap();
        let n = write_ledger(&streamed, LedgerFormat::Csv, Lang::Zh, &query, &heading("")).unwrap();
        assert_eq!(n, expected.len());
        let in_memory = dir.path().join(format!("memory-{i}.csv"));
        write_ledger(
            &in_memory,
            LedgerFormat::Csv,
            Lang::Zh,
            &expected,
            &heading(""),
        )
        .unwrap();
        let text = std::fs::read_to_string(&streamed).unwrap();
        assert_eq!(text, std::fs::read_to_string(&in_memory).unwrap());
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), expected.len() + 1, "filter {i}");
        for (line, row) in lines[1..].iter().zip(&cells) {
            assert!(
                line.starts_with(&format!("{},{},", row[0], row[1])),
                "{line}"
            );
        }

        // .xlsx: the same cells under the title and the header, in the same order.
        let xlsx = dir.path().join(format!("streamed-{i}.xlsx"));
        let n = ledger_xlsx(&xlsx, Lang::Zh, &query, &heading("scope")).unwrap();
        assert_eq!(n, expected.len());
        let got = xlsx_cells(&xlsx);
        assert_eq!(got.len(), expected.len() + 3);
        assert!(got[1][0].contains(&format!("共{}项", expected.len())));
        assert_eq!(got[2], ledger_headers(Lang::Zh, &Col::xlsx()));
        for (got, want) in got[3..].iter().zip(&cells) {
            assert_eq!(got, want);
        }
    }
}

#[test]
fn the_two_walks_of_an_xlsx_export_see_one_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = county(dir.path());
    let filter = TaskFilter::default();
    let before = store.tasks(&filter, today()).unwrap();
    let query = LedgerQuery::new(&store, &filter, today()).unwrap();
    let mut first = 0;
    query
        .each_row(&mut |_| {
            first += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(first, before.len());

    // Another user adds a task between the walks.
    let mut other = open(dir.path());
    other
        .add_task(NewTask {
            meeting_id: before[0].meeting_id,
            text: "导出期间新增".into(),
            lead_unit: before[0].lead_unit.clone(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        })
        .unwrap();
    let path = dir.path().join("ledger.xlsx");
    let n = ledger_xlsx(&path, Lang::Zh, &query, &heading("")).unwrap();
    assert_eq!(n, before.len(), "the export saw the ledger as it was");
    assert_eq!(xlsx_cells(&path).len(), before.len() + 3);
    drop(query);
    let after = store.tasks(&filter, today()).unwrap();
    assert_eq!(
        after.len(),
        before.len() + 1,
        "the snapshot ended with the query"
    );
}

/// Rows from memory that fail, or grow, on a chosen walk.
struct Flaky {
    rows: Vec<LedgerEntry>,
    walks: Cell<usize>,
    /// On this walk (0-based), fail after the first row.
    fail_on: Option<usize>,
    /// On this walk, give the first row once more at the end.
    grow_on: Option<usize>,
}

impl LedgerRows for Flaky {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let walk = self.walks.replace(self.walks.get() + 1);
        for (i, r) in self.rows.iter().enumerate() {
            if self.fail_on == Some(walk) && i == 1 {
                let e = rusqlite::Error::InvalidQuery;
                return Err(StoreError::Sqlite(e).into());
            }
            each(r)?;
        }
        if self.grow_on == Some(walk) {
            each(&self.rows[0])?;
        }
        Ok(())
    }
}

#[test]
fn rows_that_fail_or_change_during_an_export_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = county(dir.path());
    let rows = store
        .ledger_entries(&TaskFilter::default(), today())
        .unwrap();
    let flaky = |fail_on, grow_on| Flaky {
        rows: rows.clone(),
        walks: Cell::new(0),
        fail_on,
        grow_on,
    };
    let cases = [
        ("fails.csv", flaky(Some(0), None)),
        ("fails-measuring.xlsx", flaky(Some(0), None)),
        ("fails-writing.xlsx", flaky(Some(1), None)),
        ("grows.xlsx", flaky(None, Some(1))),
    ];
    for (name, source) in cases {
        let path = dir.path().join(name);
        let format = LedgerFormat::from_path(&path).unwrap();
        let err = write_ledger(&path, format, Lang::Zh, &source, &heading("")).unwrap_err();
        assert!(!path.exists(), "{name} was written");
        assert!(!err.is_bad_input(), "{name}: {err}");
        let (zh, en) = (err.message(Lang::Zh, &path), err.message(Lang::En, &path));
        let shown = path.display().to_string();
        assert!(zh.contains(&shown) && en.contains(&shown), "{zh} / {en}");
        if name == "grows.xlsx" {
            assert!(matches!(err, ExportError::LedgerChanged { .. }), "{err:?}");
            assert!(zh.contains("台账") && en.contains("changed"), "{zh} / {en}");
        } else {
            assert!(matches!(err, ExportError::Store(_)), "{name}: {err:?}");
            assert!(
                zh.contains("数据库") && en.contains("database"),
                "{zh} / {en}"
            );
            assert!(!zh.contains("database:"), "SQLite's words only: {zh}");
        }
    }
    assert!(temporaries(dir.path()).is_empty());
}
