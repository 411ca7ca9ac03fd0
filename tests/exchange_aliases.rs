//! Issue 18 point 5: a unit's short forms in the ledger exchange. A short form names one unit: a
//! workbook whose 简称 column gives a short form that is another unit's name or short form is
//! refused whole, with a message naming both, and nothing of it is written.

use std::path::Path;

use chrono::NaiveDate;
use duban::cli::store_failure;
use duban::demo::{DemoOptions, build};
use duban::domain::Thresholds;
use duban::export::{Heading, LedgerFormat, LedgerQuery, write_ledger};
use duban::i18n::Lang;
use duban::import::assemble::assemble;
use duban::import::ledger::check_ledger;
use duban::import::records::check_records;
use duban::import::{Existing, read_book};
use duban::store::{Store, TaskFilter};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn open(path: &Path) -> Store {
    Store::open(path, Thresholds::default()).unwrap()
}

#[test]
fn r18_5_a_short_form_naming_two_units_refuses_the_import_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut store = open(&db);
    build(
        &mut store,
        DemoOptions {
            today: today(),
            scale: None,
            seed: 7,
        },
    )
    .unwrap();
    // The store refuses it (a short form names one unit)…
    let err = store.add_unit_alias("上塘镇", "住建").unwrap_err();
    let msg = store_failure(Lang::Zh, err).message;
    assert!(
        msg.contains("住建") && msg.contains("县住房和城乡建设局"),
        "{msg}"
    );
    // …so the workbook is made to say it as another tool might have written it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO unit_alias (unit_id, alias) SELECT id, '住建' FROM unit WHERE name = '上塘镇'",
        [],
    )
    .unwrap();
    drop(conn);
    let path = dir.path().join("ledger.xlsx");
    let filter = TaskFilter::default();
    let rows = LedgerQuery::new(&store, &filter, today()).unwrap();
    let heading = Heading {
        scope: "",
        today: today(),
        exported_at: "2026-12-04T14:05:00+08:00",
    };
    let format = LedgerFormat::from_path(&path).unwrap();
    write_ledger(&path, format, Lang::Zh, &rows, &heading).unwrap();

    let mut back = open(&dir.path().join("back.db"));
    let book = read_book(&path).unwrap();
    let existing = Existing::load(&back, today()).unwrap();
    let checked = check_ledger(&book.ledger, &existing, today()).unwrap();
    let (records, sheet_errors) = check_records(&book.records, today());
    let (plan, errors) = assemble(&checked.good, &records, &existing);
    assert!(sheet_errors.is_empty() && errors.is_empty());
    let err = back
        .import_ledger(&plan, "aliases", &mut |_, _| {})
        .unwrap_err();
    let msg = store_failure(Lang::Zh, err).message;
    assert!(msg.contains("住建"), "{msg}");
    assert!(
        msg.contains("上塘镇") || msg.contains("县住房和城乡建设局"),
        "{msg}"
    );
    assert!(back.units().unwrap().is_empty(), "nothing half-imported");
    assert_eq!(back.task_count(&filter, today()).unwrap(), 0);
}
