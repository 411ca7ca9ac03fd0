//! `duban export …` through the built binary, on the demo county in a temporary directory.

mod support;

use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TODAY, TempDb as Db, failed, hermetic};

impl Run for Db {
    /// With no server configuration, and the day fixed by DUBAN_TODAY.
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.env("DUBAN_TODAY", TODAY).args(args);
        // assert_cmd's Command gives duban a closed pipe for stdin, never the tests' terminal.
        Command::from(c).output().unwrap()
    }

    /// A refusal, and never a panic.
    fn fails(&self, args: &[&str]) -> (i32, String) {
        let (code, err) = failed(args, self.output(args));
        assert!(!err.contains("panicked"), "{err}");
        (code, err)
    }
}

impl Db {
    /// The id of a meeting whose minutes are issued.
    fn meeting_with_minutes(&self) -> String {
        let meetings = self.json(&["meeting", "list"]);
        meetings
            .as_array()
            .unwrap()
            .iter()
            .find(|m| !m["minutes_issued"].is_null())
            .unwrap()["id"]
            .to_string()
    }

    fn demo() -> Db {
        let db = Db::new();
        db.ok(&["demo"]);
        db
    }

    fn out(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

#[test]
fn export_ledger_as_xlsx_and_csv_with_the_filters_of_task_list() {
    let db = Db::demo();
    let xlsx = db.out("台账.xlsx");
    let said = db.ok(&["export", "ledger", "--out", &xlsx]);
    assert!(said.contains(&xlsx), "{said}");
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip container");

    let red = db.json(&["task", "list", "--light", "red", "--unit", "上塘镇"]);
    let red = red.as_array().unwrap();
    assert!(!red.is_empty());
    let csv = db.out("red.csv");
    db.ok(&[
        "export",
        "ledger",
        "--light",
        "red",
        "--unit",
        "上塘镇",
        "--out",
        &csv,
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}编号,灯,"));
    assert_eq!(lines.len(), red.len() + 1);
    for (t, line) in red.iter().zip(&lines[1..]) {
        assert!(line.starts_with(&format!("{},● 红灯,", t["id"])), "{line}");
        assert!(line.contains("上塘镇"));
    }
    // English headers with --lang en.
    let en = db.out("en.csv");
    db.ok(&["--lang", "en", "export", "ledger", "--out", &en]);
    assert!(
        std::fs::read_to_string(&en)
            .unwrap()
            .starts_with("\u{feff}ID,Light,")
    );
}

#[test]
fn export_ledger_refuses_an_unknown_extension_and_reports_a_missing_directory() {
    let db = Db::demo();
    let txt = db.out("ledger.txt");
    let (code, err) = db.fails(&["export", "ledger", "--out", &txt]);
    assert_eq!(code, 2);
    assert!(err.contains(".txt") && err.contains(".xlsx"), "{err}");
    let (code, err) = db.fails(&["--lang", "en", "export", "ledger", "--out", &txt]);
    assert_eq!(code, 2);
    assert!(err.contains("unsupported file type"), "{err}");
    assert!(!std::path::Path::new(&txt).exists());

    let missing = db.out("no/such/dir/ledger.csv");
    let (code, err) = db.fails(&["export", "ledger", "--out", &missing]);
    assert_eq!(code, 1);
    assert!(err.contains(&missing), "{err}");
    assert!(
        !err.contains(".duban-export"),
        "the temporary file is not the user's: {err}"
    );
    // An unknown unit is bad input, as in `task list`.
    let (code, _) = db.fails(&[
        "export",
        "ledger",
        "--unit",
        "无此单位",
        "--out",
        &db.out("x.csv"),
    ]);
    assert_eq!(code, 2);
}

#[test]
fn export_feedback_form_for_a_participant_and_refusals() {
    let db = Db::demo();
    let with_minutes = db.meeting_with_minutes();
    let detail = db.json(&["meeting", "show", &with_minutes]);
    let participants: Vec<&str> = detail["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[0].as_str().unwrap())
        .collect();
    let docx = db.out("反馈单.docx");
    let said = db.ok(&[
        "export",
        "feedback-form",
        "--meeting",
        &with_minutes,
        "--unit",
        participants[0],
        "--out",
        &docx,
    ]);
    assert!(said.contains(&docx));
    assert!(std::fs::metadata(&docx).unwrap().len() > 0);

    // A unit that did not take part.
    let units = db.json(&["unit", "list"]);
    let outsider = units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .find(|n| !participants.contains(n))
        .unwrap();
    let refused = db.out("refused.docx");
    let (code, err) = db.fails(&[
        "export",
        "feedback-form",
        "--meeting",
        &with_minutes,
        "--unit",
        outsider,
        "--out",
        &refused,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains(outsider), "{err}");
    // A meeting without minutes (the demo plans some for the coming days).
    let meetings = db.json(&["meeting", "list"]);
    let detail = meetings
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["minutes_issued"].is_null())
        .map(|m| db.json(&["meeting", "show", &m["id"].to_string()]))
        .find(|d| d["minutes_record"].is_null())
        .expect("a meeting without minutes");
    let (id, unit) = (
        detail["id"].to_string(),
        detail["attendance"][0][0].as_str().unwrap().to_string(),
    );
    let (code, err) = db.fails(&[
        "export",
        "feedback-form",
        "--meeting",
        &id,
        "--unit",
        &unit,
        "--out",
        &refused,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("纪要"), "{err}");
    // An unknown meeting, and a form that is not .docx.
    let (code, _) = db.fails(&[
        "export",
        "feedback-form",
        "--meeting",
        "99999",
        "--unit",
        participants[0],
        "--out",
        &refused,
    ]);
    assert_eq!(code, 2);
    let (code, _) = db.fails(&[
        "export",
        "feedback-form",
        "--meeting",
        &with_minutes,
        "--unit",
        participants[0],
        "--out",
        &db.out("f.pdf"),
    ]);
    assert_eq!(code, 2);
    assert!(!std::path::Path::new(&refused).exists());
}

#[test]
fn export_criticism_notice_and_an_unknown_id() {
    let db = Db::demo();
    let criticisms = db.json(&["criticisms"]);
    let id = criticisms[0]["id"].to_string();
    let docx = db.out("通报.docx");
    db.ok(&["export", "criticism", &id, "--out", &docx]);
    assert!(std::fs::metadata(&docx).unwrap().len() > 0);
    let (code, err) = db.fails(&["export", "criticism", "999", "--out", &db.out("x.docx")]);
    assert_eq!(code, 2);
    assert!(err.contains("999"), "{err}");
}

#[test]
fn a_task_text_with_an_escape_sequence_never_reaches_the_files() {
    let db = Db::demo();
    let m = db.meeting_with_minutes();
    let detail = db.json(&["meeting", "show", &m]);
    let unit = detail["attendance"][0][0].as_str().unwrap().to_string();
    db.ok(&[
        "task",
        "add",
        "--meeting",
        &m,
        "--lead",
        &unit,
        "--text",
        "清屏\u{1b}[2J测试",
    ]);
    let csv = db.out("all.csv");
    db.ok(&["export", "ledger", "--text", "清屏", "--out", &csv]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("清屏[2J测试") && !text.contains('\u{1b}'),
        "{text}"
    );
    let xlsx = db.out("all.xlsx");
    db.ok(&["export", "ledger", "--out", &xlsx]);
    let bytes = std::fs::read(&xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("清屏[2J测试") && !sheet.contains('\u{1b}'));
}
