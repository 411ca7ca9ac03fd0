//! The export functions on the demo county: files read back (calamine for .xlsx, a CSV parser,
//! the .docx's document.xml) and compared with the rows they were given.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::{Light, Limit, Thresholds};
use duban::exchange::Col;
use duban::export::ledger::{csv_field, csv_record};
use duban::export::{
    DocMeta, ExportError, Heading, criticism_notice, feedback_form, ledger_csv, ledger_headers,
    ledger_row, ledger_xlsx,
};
use duban::i18n::{Exp, Lang};
use duban::store::{NewTask, Store, TaskFilter, TaskRow};

/// The title rows' facts: the scope, the day of the data, the time of export.
fn heading<'a>(scope: &'a str, at: &'a str) -> Heading<'a> {
    Heading {
        scope,
        today: today(),
        exported_at: at,
    }
}

/// A date cell as a date.
fn date_of(d: &Data) -> String {
    match d {
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        other => other.to_string(),
    }
}

const TRICKY: &str = "管网改造，\"一号\"工程\u{1b}[2J\n第二期";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The demo county, plus one task whose text holds a comma, quotes, an escape sequence and a line
/// break; its id.
fn county(dir: &Path) -> (Store, i64) {
    let mut store = Store::open(&dir.join("t.db"), Thresholds::default()).unwrap();
    build(
        &mut store,
        DemoOptions {
            today: today(),
            scale: None,
            seed: 7,
        },
    )
    .unwrap();
    let detail = store
        .meetings(today())
        .unwrap()
        .into_iter()
        .map(|m| store.meeting_detail(m.id, today()).unwrap())
        .find(|d| d.row.minutes_issued.is_some() && !d.attendance.is_empty())
        .unwrap();
    let id = store
        .add_task(NewTask {
            meeting_id: detail.row.id,
            text: TRICKY.into(),
            lead_unit: detail.attendance[0].0.clone(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        })
        .unwrap();
    (store, id)
}

fn unzip(path: &Path, member: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = String::new();
    zip.by_name(member)
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}

fn no_controls(s: &str) {
    assert!(!s.contains('\u{1b}'), "an escape reached the file");
}

#[test]
fn xlsx_reads_back_with_the_rows_the_filter_selected() {
    let dir = tempfile::tempdir().unwrap();
    let (store, tricky) = county(dir.path());
    let filter = TaskFilter {
        light: Some(Light::Red),
        ..TaskFilter::default()
    };
    let rows = store.ledger_entries(&filter, today()).unwrap();
    assert!(rows.len() > 5);
    let path = dir.path().join("台账.xlsx");
    let at = "2026-11-25T10:00:00+08:00";
    ledger_xlsx(&path, Lang::Zh, &rows, &heading("灯：红灯", at)).unwrap();

    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let range = wb.worksheet_range(Lang::Zh.exp(Exp::LedgerTitle)).unwrap();
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        cells.len(),
        rows.len() + 3,
        "title, scope and dates, header, one row per task"
    );
    assert_eq!(cells[0][0], "督办事项台账");
    for part in [
        "灯：红灯",
        "数据截至2026年11月25日",
        "导出时间：2026年11月25日 10:00",
    ] {
        assert!(cells[1][0].contains(part), "{part} in {}", cells[1][0]);
    }
    assert_eq!(cells[2], ledger_headers(Lang::Zh, &Col::xlsx()));
    assert_eq!(cells[2][3], "督办事项");
    for (e, got) in rows.iter().zip(range.rows().skip(3)) {
        let r = &e.row;
        assert_eq!(got[0], Data::Float(r.id as f64));
        assert_eq!(got[3].to_string(), r.text);
        assert_eq!(got[4].to_string(), r.lead_unit);
        assert!(got[1].to_string().contains("红灯"), "{:?}", got[1]);
        assert!(
            matches!(got[2], Data::Float(n) if n < 0.0),
            "overdue: a negative number"
        );
        assert!(
            matches!(got[6], Data::DateTime(_)),
            "a date cell: {:?}",
            got[6]
        );
        assert_eq!(date_of(&got[6]), r.meeting_date.to_string());
        assert_eq!(got[9].to_string(), Lang::Zh.limit_kind(r.limit));
        assert_eq!(date_of(&got[10]), r.due.unwrap().to_string());
        assert_eq!(got[11].to_string(), Lang::Zh.state(r.state));
    }
    assert!(cells.iter().flatten().any(|c| c.contains('镇')));

    let sheet = unzip(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"state="frozen""#) && sheet.contains(r#"ySplit="3""#));
    assert!(sheet.contains(&format!(r#"<autoFilter ref="A3:S{}""#, rows.len() + 3)));
    // It prints: A4 landscape, one page wide, the header on every page, page numbers.
    let setup = &sheet[sheet.find("<pageSetup").unwrap()..];
    let setup = &setup[..setup.find("/>").unwrap()];
    for attr in [
        r#"paperSize="9""#,
        r#"orientation="landscape""#,
        r#"fitToHeight="0""#,
    ] {
        assert!(setup.contains(attr), "{attr} in {setup}");
    }
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(
        sheet.contains("&amp;P") && sheet.contains("&amp;N"),
        "page numbers in the footer"
    );
    let book = unzip(&path, "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles") && book.contains("$3:$3"),
        "{book}"
    );
    assert!(
        book.contains("_xlnm.Print_Area") && book.contains("$A$1:$N$"),
        "{book}"
    );
    // Column widths fit the Chinese text: a character counts two, capped at 60.
    let width = |col: usize| -> f64 {
        // <col min="a" max="b" width="w" …/>: equal neighbours share one element.
        let attr = |tag: &str, name: &str| -> String {
            let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            tag[at..at + tag[at..].find('"').unwrap()].to_string()
        };
        sheet
            .split("<col ")
            .skip(1)
            .find(|t| {
                let (a, b): (usize, usize) = (
                    attr(t, "min").parse().unwrap(),
                    attr(t, "max").parse().unwrap(),
                );
                (a..=b).contains(&col)
            })
            .map(|t| attr(t, "width").parse().unwrap())
            .unwrap()
    };
    let longest = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.row.text.as_str()))
        .max()
        .unwrap();
    assert!(
        width(4) >= (longest.min(28) + 2) as f64,
        "{} < {longest}",
        width(4)
    );
    assert!(
        width(4) <= 31.0 && width(1) < width(4),
        "text wraps within 30 units"
    );
    let styles = unzip(&path, "xl/styles.xml");
    assert!(styles.contains("FFF48C8C"), "the red fill");

    // Unfiltered, the tricky task is there, cleaned.
    let all = store
        .ledger_entries(&TaskFilter::default(), today())
        .unwrap();
    let path = dir.path().join("all.xlsx");
    ledger_xlsx(&path, Lang::En, &all, &heading("all tasks", at)).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let range = wb.worksheet_range("Task ledger").unwrap();
    assert_eq!(range.height(), all.len() + 3);
    let row = range
        .rows()
        .find(|r| r[0] == Data::Float(tricky as f64))
        .unwrap();
    assert_eq!(
        row[3].to_string(),
        "管网改造，\"一号\"工程[2J 第二期",
        "one line: its line break a space"
    );
    no_controls(&unzip(&path, "xl/worksheets/sheet1.xml"));
    assert_eq!(range.rows().nth(2).unwrap()[3].to_string(), "Task");
}

/// RFC 4180 records (quoted fields, doubled quotes, CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_a_bom_and_parses_back_to_the_same_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (store, tricky) = county(dir.path());
    let rows = store
        .ledger_entries(&TaskFilter::default(), today())
        .unwrap();
    let path = dir.path().join("ledger.csv");
    ledger_csv(&path, Lang::Zh, &rows).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    no_controls(&text);
    let parsed = parse_csv(&text);
    assert_eq!(parsed.len(), rows.len() + 1);
    assert_eq!(parsed[0], ledger_headers(Lang::Zh, &Col::csv()));
    for (e, got) in rows.iter().zip(&parsed[1..]) {
        assert_eq!(got, &ledger_row(Lang::Zh, e));
        assert_eq!(got[0], e.row.id.to_string());
        assert_eq!(got[4], e.row.lead_unit);
    }
    let row = parsed.iter().find(|r| r[0] == tricky.to_string()).unwrap();
    assert_eq!(row[3], "管网改造，\"一号\"工程[2J 第二期");
}

#[test]
fn csv_fields_with_comma_quote_and_newline_round_trip() {
    let fields = [
        "a,b",
        "say \"hi\"",
        "two\r\nlines",
        "plain",
        "",
        "中文，逗号",
    ];
    let mut out = Vec::new();
    csv_record(&mut out, fields).unwrap();
    csv_record(&mut out, ["x"]).unwrap();
    let parsed = parse_csv(&String::from_utf8(out).unwrap());
    assert_eq!(
        parsed,
        vec![fields.map(String::from).to_vec(), vec!["x".into()]]
    );
    // A spreadsheet never reads a field as a formula.
    assert_eq!(csv_field("=1+1"), "'=1+1");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
}

/// The text of a .docx's body.
fn document_xml(path: &Path) -> String {
    unzip(path, "word/document.xml")
}

/// When LibreOffice is installed, each document converts to a non-empty PDF.
fn converts_to_pdf(files: &[&Path]) {
    let Ok(out) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        eprintln!("soffice not installed: skipped the PDF conversion");
        return;
    };
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let status = std::process::Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .args(files)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    for f in files {
        let pdf = dir
            .path()
            .join(f.file_stem().unwrap())
            .with_extension("pdf");
        let len = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
        assert!(len > 0, "{} was not converted", f.display());
        eprintln!("{} → PDF of {len} bytes", f.display());
    }
}

#[test]
fn feedback_form_and_criticism_notice_hold_their_facts() {
    let meta = DocMeta::now("zhangsan", "县考绩办");
    let dir = tempfile::tempdir().unwrap();
    let (store, tricky) = county(dir.path());
    // A meeting whose round has a unit that answered and one that did not.
    let detail = store
        .meetings(today())
        .unwrap()
        .into_iter()
        .map(|m| store.meeting_detail(m.id, today()).unwrap())
        .find(|d| {
            d.minutes_record
                .as_ref()
                .is_some_and(|m| m.drafter_phone.is_some())
                && d.feedback.iter().any(|f| f.feedback.received_on.is_some())
                && d.feedback.iter().any(|f| f.feedback.received_on.is_none())
        })
        .unwrap();
    let minutes = detail.minutes_record.clone().unwrap();
    let answered = detail
        .feedback
        .iter()
        .find(|f| f.feedback.received_on.is_some())
        .unwrap();
    let silent = detail
        .feedback
        .iter()
        .find(|f| f.feedback.received_on.is_none())
        .unwrap();

    let form = dir.path().join("反馈单.docx");
    feedback_form(&form, Lang::Zh, &detail, &answered.unit, &meta).unwrap();
    let xml = document_xml(&form);
    assert!(xml.contains("县政府专题会议纪要意见反馈单"));
    for topic in &detail.row.topics {
        assert!(xml.contains(topic.as_str()), "{topic}");
    }
    assert!(xml.contains(detail.row.chair.as_deref().unwrap()));
    for (unit, _) in &detail.attendance {
        assert!(xml.contains(unit.as_str()), "{unit}");
    }
    for v in [
        &minutes.drafter,
        &minutes.drafter_phone,
        &minutes.drafter_fax,
        &minutes.drafter_email,
    ] {
        assert!(xml.contains(v.as_deref().unwrap()), "{v:?}");
    }
    // The signature and seal are the unit's to write: never pre-printed, even once it answered.
    if let Some(signer) = &answered.feedback.signer {
        assert!(!xml.contains(signer.as_str()), "{signer} pre-printed");
    }
    assert!(!xml.contains("盖章）"), "a seal pre-printed");
    if let Some(opinion) = &answered.feedback.opinion {
        assert!(xml.contains(opinion.lines().next().unwrap()));
    }
    let received = answered.feedback.received_on.unwrap();
    assert!(xml.contains(&format!(
        "{}年{}月",
        chrono::Datelike::year(&received),
        chrono::Datelike::month(&received)
    )));

    let blank = dir.path().join("blank.docx");
    feedback_form(&blank, Lang::Zh, &detail, &silent.unit, &meta).unwrap();
    let xml = document_xml(&blank);
    assert!(xml.contains(silent.unit.as_str()));
    assert!(
        !xml.contains("盖章）"),
        "no seal for a unit that did not answer"
    );

    // Refusals leave no file.
    let refused = dir.path().join("refused.docx");
    let err = feedback_form(&refused, Lang::Zh, &detail, "不存在的单位", &meta).unwrap_err();
    assert!(matches!(err, ExportError::NotParticipant { .. }) && err.is_bad_input());
    let mut no_minutes = detail.clone();
    no_minutes.minutes_record = None;
    let err = feedback_form(&refused, Lang::Zh, &no_minutes, &silent.unit, &meta).unwrap_err();
    assert!(matches!(err, ExportError::NoMinutes { .. }));
    assert!(!refused.exists());

    // The criticism notice: the unit, its number, each task; a control character never gets in.
    let c = store.criticisms(None).unwrap().remove(0);
    let mut tasks: Vec<TaskRow> = c
        .criticism
        .task_ids
        .iter()
        .map(|&id| store.task_row(id, c.criticism.date).unwrap())
        .collect();
    assert!(!tasks.is_empty());
    tasks.push(store.task_row(tricky, today()).unwrap());
    let notice = dir.path().join("通报.docx");
    let facts: Vec<_> = tasks
        .iter()
        .map(|t| store.notice_fact(t.id, c.criticism.date).unwrap())
        .collect();
    criticism_notice(&notice, Lang::Zh, &c, &tasks, &facts, &meta).unwrap();
    let xml = document_xml(&notice);
    no_controls(&xml);
    assert!(xml.contains(&format!("关于对{}的通报批评", c.unit)));
    assert!(xml.contains(c.criticism.doc_no.as_deref().unwrap()));
    assert!(xml.contains("草稿"));
    for t in &tasks[..tasks.len() - 1] {
        assert!(xml.contains(t.text.as_str()), "{}", t.text);
        if let Some(p) = t.promised_on {
            let long = format!(
                "{}年{}月{}日",
                chrono::Datelike::year(&p),
                chrono::Datelike::month(&p),
                chrono::Datelike::day(&p)
            );
            assert!(xml.contains(&long), "{long}");
        }
    }
    assert!(xml.contains("[2J"));
    converts_to_pdf(&[&form, &notice]);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = county(dir.path());
    let rows = store
        .ledger_entries(&TaskFilter::default(), today())
        .unwrap();
    let missing = dir.path().join("no/such/dir/ledger.csv");
    let err = ledger_csv(&missing, Lang::Zh, &rows).unwrap_err();
    assert!(matches!(err, ExportError::Io(_)) && !err.is_bad_input());
    // The target is a directory: the rename fails and the temporary file goes.
    let target = dir.path().join("taken.xlsx");
    std::fs::create_dir(&target).unwrap();
    assert!(ledger_xlsx(&target, Lang::Zh, &rows, &heading("", "")).is_err());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".duban-export"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
