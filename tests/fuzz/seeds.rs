//! The seed corpus, run every time: `tests/corpus/<target>/`, one input per file (tricky real
//! cases, and anything fuzzing ever found). The .csv and .xlsx seeds also go through the built
//! binary: `duban import` exits 0 or 2 with clean output, and a refused file changes nothing.

use std::path::{Path, PathBuf};

use crate::pipeline::{KINDS, Kind, config, date, import, today};
use crate::support::cli::{TODAY, isolated};
use crate::support::fixtures::LEDGER_HEADER;

fn seeds(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{target}: {} seeds", files.len());
    files
}

#[test]
fn date_seeds() {
    for path in seeds("date") {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        date(&text, today());
        // And as one line of a file, as a spreadsheet cell would hold it.
        date(text.trim_end_matches('\n'), today());
    }
}

#[test]
fn config_seeds() {
    for path in seeds("config") {
        config(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
    }
}

#[test]
fn csv_and_xlsx_seeds() {
    for path in seeds("csv").into_iter().chain(seeds("xlsx")) {
        for kind in KINDS {
            import(&path, kind);
        }
    }
}

/// A character no output may hold (line feeds between lines aside).
fn forbidden(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && c != '\n')
        || (0x7f..=0x9f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
}

#[test]
fn csv_and_xlsx_seeds_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let run = |args: &[&str]| {
        isolated(&db, dir.path())
            .env("DUBAN_TODAY", TODAY)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["init"]).status.success());
    assert!(run(&["unit", "add", "上塘镇"]).status.success());
    // What the database holds, counted by plain SQL (cheaper than a run of the binary).
    let fingerprint = || -> Vec<i64> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        [
            "unit",
            "leader",
            "meeting",
            "meeting_topic",
            "task",
            "task_co_unit",
            "audit",
        ]
        .iter()
        .map(|t| {
            conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
    };
    for path in seeds("csv").into_iter().chain(seeds("xlsx")) {
        // The kind whose header the file holds (units when none: a refusal either way).
        let kind = duban::import::read_sheet(&path)
            .ok()
            .and_then(|sheet| {
                KINDS
                    .into_iter()
                    .find(|&k| duban::import::header::find_header(&sheet, k.of()).is_ok())
            })
            .unwrap_or(Kind::Units);
        let name = kind.name();
        let before = fingerprint();
        let out = run(&["import", name, path.to_str().unwrap()]);
        let what = format!("import {name} {}", path.display());
        let code = out.status.code();
        assert!(matches!(code, Some(0 | 2)), "{what}: {out:?}");
        for text in [&out.stdout, &out.stderr] {
            let text = String::from_utf8(text.clone()).unwrap();
            assert!(!text.chars().any(forbidden), "{what}: {text:?}");
        }
        if code == Some(2) {
            assert_eq!(
                before,
                fingerprint(),
                "{what}: refused, yet something changed"
            );
        }
    }
}

/// Writes the .xlsx seeds (run by hand: `cargo test --test fuzz -- --ignored write_xlsx_seeds`).
#[test]
#[ignore]
fn write_xlsx_seeds() {
    use crate::tables::{Cell, xlsx};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/xlsx");
    std::fs::create_dir_all(&dir).unwrap();
    let t = |rows: &[&[&str]]| -> Vec<Vec<Cell>> {
        rows.iter()
            .map(|r| r.iter().map(|c| Cell::Text(c.to_string())).collect())
            .collect()
    };
    xlsx(
        &t(&[
            &["单位", "类型", "主要领导", "联系方式"],
            &["东溪镇", "乡镇", "陈主任", "0577-1"],
            &["县水利局", "县直单位", "", ""],
        ]),
        &dir.join("units.xlsx"),
    );
    xlsx(
        &t(&[
            &["督办事项台账 2026-11-25"],
            &LEDGER_HEADER,
            &[
                "完成管网改造",
                "上塘镇",
                "县财政局、县水利局",
                "2026-11-02",
                "瓯江引水；城区供水",
                "李副县长",
                "2026-12-31",
                "",
            ],
            &[
                "落实建设资金",
                "县财政局",
                "",
                "2026/11/2",
                "瓯江引水",
                "",
                "经费",
                "2026-11-20",
            ],
            &[
                "清理河道",
                "新桥镇",
                "",
                "2026-13-09",
                "河道整治",
                "王副县长",
                "",
                "",
            ],
        ]),
        &dir.join("ledger-with-a-bad-date.xlsx"),
    );
    xlsx(
        &t(&[
            &["姓名", "职务", "联系主任"],
            &["王\u{1b}[2J县长", "县长\u{202e}", "\u{9b}31m"],
            &["李副县长\u{0}", "副县长", "王县长"],
        ]),
        &dir.join("leaders-hostile.xlsx"),
    );
    // Numbers, booleans and blanks where text is expected; a date as Excel's serial number.
    xlsx(
        &vec![
            vec![
                Cell::Text("督办事项".into()),
                Cell::Text("主办单位".into()),
                Cell::Text("会议日期".into()),
                Cell::Text("会议议题".into()),
                Cell::Text("办理时限".into()),
            ],
            vec![
                Cell::Number(1.0),
                Cell::Bool(true),
                Cell::Number(46328.0),
                Cell::Blank,
                Cell::Number(-1e308),
            ],
        ],
        &dir.join("ledger-numbers.xlsx"),
    );
    xlsx(&Vec::new(), &dir.join("empty-workbook.xlsx"));
    // Not a workbook: text, a truncated one, a Word document.
    std::fs::write(dir.join("text-named-xlsx.xlsx"), "单位,类型\n东溪镇,乡镇\n").unwrap();
    let whole = std::fs::read(dir.join("units.xlsx")).unwrap();
    std::fs::write(dir.join("truncated.xlsx"), &whole[..whole.len() / 2]).unwrap();
    let _ = today();
}
