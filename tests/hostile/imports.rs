//! Imported .csv and .xlsx files with hostile cells: stored as the importer's documented cleaning
//! gives (a one-line field, trimmed; a cell of topics split at ；, ; and line breaks), the dry run's
//! and the refusal's output clean, a refused file writing nothing.

use duban::domain::Thresholds;
use duban::store::Store;

use crate::corpus::{ok, today};
use crate::inputs::one_line;
use crate::support::fixtures::LEDGER_HEADER;

/// A CSV record, every field quoted.
fn csv_line(fields: &[&str]) -> String {
    let q: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    q.join(",") + "\r\n"
}

/// A table as .csv or .xlsx (strings only, written by rust_xlsxwriter, which escapes what XML
/// cannot hold as `_xHHHH_`; calamine reads it back).
fn write_table(path: &std::path::Path, rows: &[Vec<String>]) {
    if path.extension().is_some_and(|e| e == "csv") {
        let text: String = rows
            .iter()
            .map(|r| csv_line(&r.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        std::fs::write(path, text).unwrap();
    } else {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
        book.save(path).unwrap();
    }
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Imported text: as a one-line field, trimmed (`duban::import::cells::text`).
fn imported(s: &str) -> String {
    one_line(s).trim().to_string()
}

#[test]
fn imported_csv_and_xlsx_cells_are_stored_cleaned() {
    for ext in ["csv", "xlsx"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("import.db");
        ok(&db, &["init"]);
        let file = |name: &str| dir.path().join(format!("{name}.{ext}"));
        // The corpus with NUL: a file can hold it, unlike an argument.
        let unit = crate::corpus::h("东溪镇");
        let (main_leader, contact) = (crate::corpus::h("陈主任"), crate::corpus::h("0577-1"));
        write_table(
            &file("units"),
            &[
                row(&["单位", "类型", "主要领导", "联系方式"]),
                row(&[&unit, "乡镇", &main_leader, &contact]),
                row(&["清白镇", "乡镇", "", ""]),
            ],
        );
        let head = crate::corpus::h("王县长");
        write_table(
            &file("leaders"),
            &[
                row(&["姓名", "职务", "联系主任"]),
                row(&[&head, "县长", ""]),
            ],
        );
        let (text, topic) = (
            crate::corpus::h("完成管网改造\n第二段"),
            crate::corpus::h("危险议题"),
        );
        write_table(
            &file("ledger"),
            &[
                row(&LEDGER_HEADER),
                row(&[
                    &text,
                    &unit,
                    "清白镇",
                    "2026-11-02",
                    &topic,
                    &head,
                    "2026-12-10",
                    "",
                ]),
            ],
        );
        for kind in ["units", "leaders", "ledger"] {
            let path = file(kind);
            let path = path.to_str().unwrap();
            for lang in ["zh", "en"] {
                let dry = ok(&db, &["--lang", lang, "import", kind, path, "--dry-run"]);
                crate::corpus::assert_clean(&format!("{kind}.{ext} dry run"), &dry, &['\n']);
                crate::corpus::assert_one_line_fields(&format!("{kind}.{ext} dry run"), &dry);
            }
            let done = ok(&db, &["import", kind, path]);
            crate::corpus::assert_clean(&format!("{kind}.{ext}"), &done, &['\n']);
        }
        let store = Store::open(&db, Thresholds::default()).unwrap();
        let u = store.unit_by_name(&imported(&unit)).unwrap();
        assert_eq!(u.name, imported(&unit), "{ext}");
        assert_eq!(
            u.main_leader.as_deref(),
            Some(imported(&main_leader).as_str()),
            "{ext}"
        );
        assert_eq!(
            u.contact.as_deref(),
            Some(imported(&contact).as_str()),
            "{ext}"
        );
        assert_eq!(store.leaders().unwrap()[0].name, imported(&head), "{ext}");
        let t = store.task_detail(1, today()).unwrap();
        assert_eq!(t.row.text, imported(&text), "{ext}");
        assert_eq!(t.row.lead_unit, imported(&unit), "{ext}");
        // A cell of topics is split at ；, ; and line breaks (several merged topics, R1.3).
        let topics: Vec<String> = topic
            .split(['；', ';', '\n', '\r'])
            .map(imported)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(t.meeting_topics, topics, "{ext}");
        assert_eq!(
            t.row.leader.as_deref(),
            Some(imported(&head).as_str()),
            "{ext}"
        );
    }
}

#[test]
fn a_bad_imported_row_is_named_cleanly_and_nothing_is_written() {
    for ext in ["csv", "xlsx"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("import.db");
        ok(&db, &["init"]);
        let path = dir.path().join(format!("units.{ext}"));
        let bad_kind = crate::corpus::h("乡镇");
        write_table(
            &path,
            &[
                row(&["单位", "类型", "主要领导", "联系方式"]),
                row(&["好镇", "乡镇", "", ""]),
                row(&[&crate::corpus::h("坏镇"), &bad_kind, "", ""]),
            ],
        );
        for lang in ["zh", "en"] {
            let out = crate::corpus::duban(&db)
                .args(["--lang", lang, "import", "units", path.to_str().unwrap()])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{ext}: bad input");
            let all =
                String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
            let what = format!("units.{ext} --lang {lang}");
            crate::corpus::assert_clean(&what, &all, &['\n']);
            crate::corpus::assert_one_line_fields(&what, &all);
            // The refusal, then each bad row on its own line, naming it.
            let rows: Vec<&str> = all.lines().filter(|l| l.contains('3')).collect();
            assert_eq!(rows.len(), 1, "{what}: names row 3 once on a line: {all}");
            assert!(all.trim_end().lines().count() >= 2, "{what}: {all}");
        }
        let store = Store::open(&db, Thresholds::default()).unwrap();
        assert!(store.units().unwrap().is_empty(), "{ext}: nothing written");
    }
}
