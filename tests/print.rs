//! The workbooks print as documents (issue 19): converted to PDF by LibreOffice, every page of the
//! ledger and of the report is A4 landscape, the whole width of each table on one page (its first
//! and last printed columns on every page of it, so no column spills onto a page of its own),
//! the column headers repeated, and a footer numbering the pages. Skipped, with a notice, where
//! LibreOffice (`soffice`) or poppler (`pdfinfo`, `pdftotext`) is not installed.

mod support;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::{PeriodKind, Thresholds};
use duban::export::{Heading, LedgerFormat, LedgerQuery, report_xlsx, write_ledger};
use duban::i18n::Lang;
use duban::store::{Store, TaskFilter};
use support::pdf::{installed, page_sizes, page_text, to_pdf};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn county(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("t.db"), Thresholds::default()).unwrap();
    let options = DemoOptions {
        today: today(),
        scale: None,
        seed: 7,
    };
    build(&mut store, options).unwrap();
    store
}

/// `file` converted to PDF in `dir` by LibreOffice (`support::pdf`).
fn pdf_of(file: &Path, dir: &Path) -> PathBuf {
    let pdf = to_pdf(dir, &[file.to_path_buf()]).remove(0);
    assert!(pdf.exists(), "{} was not converted", file.display());
    pdf
}

/// Every page A4 landscape, numbered "第 i 页，共 n 页", and the pages holding `first` (the
/// sheet's first column header) also holding `last` (its last printed one).
fn prints_as_a_document(pdf: &Path, first: &str, last: &str) -> Vec<String> {
    let sizes = page_sizes(pdf);
    assert!(!sizes.is_empty());
    for (i, (w, h)) in sizes.iter().enumerate() {
        assert!(
            (w - 841.9).abs() < 1.0 && (h - 595.3).abs() < 1.0,
            "page {}: {w} x {h} points is not A4 landscape",
            i + 1
        );
    }
    let texts: Vec<String> = (1..=sizes.len()).map(|n| page_text(pdf, n)).collect();
    for (i, t) in texts.iter().enumerate() {
        let n = format!("第 {} 页，共 {} 页", i + 1, sizes.len());
        assert!(t.contains(&n), "page {} has no page number:\n{t}", i + 1);
        assert!(
            t.lines().filter(|l| !l.trim().is_empty()).count() >= 3,
            "page {} holds almost nothing (a line spilled onto it?):\n{t}",
            i + 1
        );
    }
    let with_first: Vec<&String> = texts.iter().filter(|t| t.contains(first)).collect();
    assert!(!with_first.is_empty(), "no page shows {first}");
    for t in with_first {
        assert!(
            t.contains(last),
            "a page shows {first} but not {last}:\n{t}"
        );
    }
    texts
}

#[test]
fn the_ledger_and_the_report_print_on_a4_landscape_one_page_wide() {
    if !installed("soffice", "--version") || !installed("pdfinfo", "-v") {
        eprintln!("LibreOffice (soffice) or poppler (pdfinfo) not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = county(dir.path());
    let at = "2026-12-04T14:05:00+08:00";

    let ledger = dir.path().join("ledger.xlsx");
    let filter = TaskFilter::default();
    let rows = LedgerQuery::new(&store, &filter, today()).unwrap();
    let heading = Heading {
        scope: "全部事项",
        today: today(),
        exported_at: at,
    };
    let n = write_ledger(&ledger, LedgerFormat::Xlsx, Lang::Zh, &rows, &heading).unwrap();
    let texts = prints_as_a_document(&pdf_of(&ledger, dir.path()), "主办单位", "办结日期");
    // The ledger's pages: the header on every one of them, every task on one of them.
    let ledger_pages: Vec<&String> = texts
        .iter()
        .filter(|t| {
            t.lines()
                .any(|l| l.contains("页，共") && l.contains("督办事项台账"))
        })
        .collect();
    assert!(
        ledger_pages.len() > 1,
        "{} ledger pages",
        ledger_pages.len()
    );
    assert!(
        ledger_pages
            .iter()
            .all(|t| t.contains("编号") && t.contains("承诺完成时限"))
    );
    assert!(ledger_pages[0].contains("数据截至2026年11月25日"));
    assert!(ledger_pages[0].contains("导出时间：2026年12月4日 14:05"));
    assert!(
        ledger_pages.len() < n / 5,
        "{} pages for {n} tasks",
        ledger_pages.len()
    );
    eprintln!(
        "ledger: {} pages, {} of them the ledger's",
        texts.len(),
        ledger_pages.len()
    );

    let report = dir.path().join("report.xlsx");
    let r = store
        .report(PeriodKind::Quarter.around(today()), today())
        .unwrap();
    report_xlsx(&report, Lang::Zh, &r, at).unwrap();
    let texts = prints_as_a_document(&pdf_of(&report, dir.path()), "近一年通报批评", "应移送");
    assert!(texts[0].contains("统计期间 2026-10-01 至 2026-12-31"));
    eprintln!("report: {} pages", texts.len());
}

/// The `ht` (points) of each `<row>` of `sheet` of the workbook at `path`, and its default.
fn row_heights(path: &Path, sheet: &str) -> (f64, Vec<f64>) {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(sheet)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()?.parse().ok()
    };
    let format = xml.split("<sheetFormatPr").nth(1).expect("a sheetFormatPr");
    let default = attr(format, "defaultRowHeight").expect("a default row height");
    let rows = xml
        .split("<row ")
        .skip(1)
        .filter_map(|r| attr(r.split('>').next().unwrap_or(""), "ht"))
        .collect();
    (default, rows)
}

#[test]
fn r19_every_printed_row_has_room_for_a_line_of_chinese_in_libreoffice() {
    // LibreOffice draws Chinese in Noto CJK, whose lines are 1.45 em: 16 points for the sheets'
    // 11-point type. A row of one line printed at the default 15 points cut off the foot of its
    // characters, and a wrapped cell's last line hung below its row (issue 19: workbooks print).
    let dir = tempfile::tempdir().unwrap();
    let store = county(dir.path());
    let ledger = dir.path().join("ledger.xlsx");
    let filter = TaskFilter::default();
    let rows = LedgerQuery::new(&store, &filter, today()).unwrap();
    let heading = Heading {
        scope: "全部事项",
        today: today(),
        exported_at: "2026-12-04T14:05:00+08:00",
    };
    write_ledger(&ledger, LedgerFormat::Xlsx, Lang::Zh, &rows, &heading).unwrap();
    let (default, heights) = row_heights(&ledger, "xl/worksheets/sheet1.xml");
    assert!(default >= 18.0, "default row height {default}");
    assert!(heights.len() > 100, "{} rows with a height", heights.len());
    for ht in &heights {
        // A title row, or n lines of 16 points and 2 of room (rounded to whole pixels).
        assert!(*ht >= 18.0, "a row of {ht} points");
    }
    assert!(
        heights.iter().any(|h| (h - 34.0).abs() < 0.5),
        "no row of two lines at 34 points: {heights:?}"
    );
}
