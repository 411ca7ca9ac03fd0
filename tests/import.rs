//! `duban import …` through the built binary, each test on its own temporary database.

mod support;

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

fn db() -> Db {
    Db::new()
}

impl Run for Db {
    /// With no server configuration, the day fixed by DUBAN_TODAY, and the database's folder as
    /// the working directory (the files to import are named relative to it).
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.env("DUBAN_TODAY", TODAY)
            .current_dir(self.dir.path())
            .args(args);
        // assert_cmd's Command gives duban a closed pipe for stdin, never the tests' terminal.
        Command::from(c).output().unwrap()
    }
}

impl Db {
    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.dir.path().join(name), text).unwrap();
        name.to_string()
    }

    /// Units, leaders, meetings, tasks and audit rows.
    fn counts(&self) -> [usize; 5] {
        let n = |args: &[&str]| self.json(args).as_array().unwrap().len();
        [
            n(&["unit", "list"]),
            n(&["leader", "list"]),
            n(&["meeting", "list"]),
            n(&["task", "list"]),
            n(&["audit", "--limit", "100000"]),
        ]
    }
}

const LEDGER: &str = "\u{feff}督办事项台账 2026-11-25
编号,督办事项,主办单位,协办单位,会议日期,会议议题,责任领导,办理时限,办结日期
1,完成管网改造,上塘镇,县财政局、县水利局,2026-11-02,瓯江引水,李副县长,2026-12-31,
2,落实建设资金,县财政局,,2026-11-02,瓯江引水,,经费,2026-11-20
3,清理河道,新桥镇,,2026-13-09,河道整治,王副县长,,
4,拆除违建,新桥镇,,2026-11-09,河道整治,王副县长,,
";

#[test]
fn a_bad_row_imports_nothing_and_is_named() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write("ledger.csv", LEDGER);
    let before = db.counts();
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2);
    assert!(err.contains("第5行：会议日期“2026-13-09”"), "{err}");
    assert_eq!(db.counts(), before);
    let (_, err) = db.fails(&["--lang", "en", "import", "ledger", &f]);
    assert!(err.contains("row 5: Meeting date \"2026-13-09\""), "{err}");
}

#[test]
fn skip_bad_imports_the_rest_and_names_the_skipped_rows() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write("ledger.csv", LEDGER);
    let out = db.ok(&["--lang", "en", "import", "ledger", &f, "--skip-bad"]);
    assert!(out.contains("1 row skipped"), "{out}");
    assert!(out.contains("row 5:"), "{out}");
    assert!(
        out.contains("Imported: 4 units, 2 leaders, 2 meetings, 3 tasks"),
        "{out}"
    );
    let tasks = db.json(&["task", "list"]);
    let mut texts: Vec<&str> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    texts.sort_unstable();
    assert_eq!(texts, ["完成管网改造", "拆除违建", "落实建设资金"]);
}

#[test]
fn dry_run_writes_nothing_and_shows_the_plan() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write("ledger.csv", &LEDGER.replace("2026-13-09", "2026-11-09"));
    let before = db.counts();
    let out = db.ok(&["import", "ledger", &f, "--dry-run"]);
    assert_eq!(db.counts(), before);
    assert!(out.contains("试运行"), "{out}");
    // Each unit's kind from its name, each leader's title from theirs.
    assert!(out.contains("新建单位（乡镇）：上塘镇、新桥镇"), "{out}");
    assert!(
        out.contains("新建单位（县直单位）：县财政局、县水利局"),
        "{out}"
    );
    assert!(
        out.contains("新建领导（副县长）：李副县长、王副县长"),
        "{out}"
    );
    assert!(
        out.contains("2 次会议由台账新建，会议通知和纪要情况不详"),
        "{out}"
    );
    assert!(out.contains("新建会议：2026-11-09 河道整治"), "{out}");
    assert!(out.contains("清理河道"), "{out}");
}

#[test]
fn units_and_leaders_files_and_a_duplicate_unit() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write(
        "units.csv",
        "单位名称,类型,主要领导\n上塘镇,乡镇,王镇长\n县财政局,县直单位,\n",
    );
    db.ok(&["import", "units", &f]);
    let units = db.json(&["unit", "list"]);
    assert_eq!(units.as_array().unwrap().len(), 2);
    // A totals row under the data is passed over and named.
    let totals = db.write(
        "units-totals.csv",
        "单位名称,类型\n县审计局,县直单位\n合计,1\n",
    );
    let out = db.ok(&["import", "units", &totals]);
    assert!(out.contains("合计行，已略过：第 3 行"), "{out}");
    assert_eq!(db.json(&["unit", "list"]).as_array().unwrap().len(), 3);
    // The same file again: unchanged, nothing written.
    let out = db.ok(&["import", "units", &f]);
    assert!(out.contains("未改动：第 2, 3 行"), "{out}");
    let f = db.write("units2.csv", "单位,类型\n县财政局,乡镇\n");
    let (code, err) = db.fails(&["import", "units", &f]);
    assert_eq!(code, 2);
    assert!(err.contains("第2行：单位“县财政局”已在数据库中"), "{err}");
    let f = db.write(
        "leaders.csv",
        "姓名,职务,联系主任\n李副县长,副县长,周主任\n周主任,办公室副主任,\n",
    );
    db.ok(&["import", "leaders", &f]);
    assert_eq!(db.json(&["leader", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_csv_saved_by_excel_or_wps_on_chinese_windows_gb18030_is_read() {
    let db = db();
    db.ok(&["init"]);
    let text = "单位名称,类型,主要领导\n上塘镇,乡镇,王镇长\n县财政局,县直单位,\n";
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "the file is not UTF-8");
    std::fs::write(db.dir.path().join("gbk.csv"), &gbk).unwrap();
    db.ok(&["import", "units", "gbk.csv"]);
    let units = db.json(&["unit", "list"]);
    let names: Vec<&str> = units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["上塘镇", "县财政局"]);
    // Neither UTF-8 nor GB18030 (0xFF starts no character of either): refused, nothing written.
    std::fs::write(db.dir.path().join("bin.csv"), b"\xff\xfe\xff,\x80\n").unwrap();
    let (code, err) = db.fails(&["import", "units", "bin.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("GB18030"), "{err}");
    assert_eq!(db.json(&["unit", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn other_files_are_refused_with_a_message() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write("ledger.txt", LEDGER);
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2);
    assert!(err.contains(".txt"), "{err}");
    let (code, err) = db.fails(&["import", "ledger", "missing.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.csv"), "{err}");
    let f = db.write("bad.xlsx", "not a workbook");
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2, "{err}");
    let f = db.write("cols.csv", "督办事项,主办单位\n修路,上塘镇\n");
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2);
    assert!(err.contains("会议日期、会议议题"), "{err}");
}

/// What the round trip keeps of a task.
fn facts(tasks: &Value) -> Vec<String> {
    let mut out: Vec<String> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut co: Vec<&str> = t["co_units"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            co.sort_unstable();
            format!(
                "{}|{}|{}|{}|{}|{}|{}|{}",
                t["text"],
                t["lead_unit"],
                co.join("、"),
                t["meeting_date"],
                t["meeting_topic"],
                t["leader"],
                t["limit"],
                t["completed_on"]
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn round_trip_of_the_demo_ledger_through_the_real_exports() {
    // The demo's ledger written by `duban export ledger` (both formats, in both languages) and
    // imported into an empty database gives the same tasks.
    let demo = db();
    demo.ok(&["demo"]);
    let tasks = demo.json(&["task", "list"]);
    for (file, lang) in [
        ("ledger.csv", "zh"),
        ("ledger.xlsx", "zh"),
        ("ledger-en.xlsx", "en"),
    ] {
        let out = demo.dir.path().join(file);
        demo.ok(&[
            "--lang",
            lang,
            "export",
            "ledger",
            "--out",
            out.to_str().unwrap(),
        ]);
        let empty = db();
        empty.ok(&["init"]);
        empty.ok(&["import", "ledger", out.to_str().unwrap()]);
        let back = empty.json(&["task", "list"]);
        assert_eq!(
            back.as_array().unwrap().len(),
            tasks.as_array().unwrap().len(),
            "{file}"
        );
        assert_eq!(facts(&back), facts(&tasks), "{file}");
    }
}

#[test]
fn the_csv_formula_guard_is_taken_off_again() {
    // A unit named as a formula is written `'+1+1局` (so Excel runs nothing) and read back as it
    // was named.
    let db = db();
    db.ok(&["init"]);
    db.ok(&["unit", "add", "+1+1局", "--kind", "department"]);
    db.ok(&["leader", "add", "李明华", "--title", "deputy-head"]);
    db.ok(&[
        "meeting",
        "add",
        "--topic",
        "测试",
        "--chair",
        "李明华",
        "--date",
        "2026-11-02",
    ]);
    let meeting = db.json(&["meeting", "list"])[0]["id"].as_i64().unwrap();
    db.ok(&[
        "task",
        "add",
        "--meeting",
        &meeting.to_string(),
        "--lead",
        "+1+1局",
        "--text",
        "=SUM(A1)",
    ]);
    db.ok(&["export", "ledger", "--out", "l.csv"]);
    let text = std::fs::read_to_string(db.dir.path().join("l.csv")).unwrap();
    assert!(
        text.contains(",'+1+1局,") && text.contains(",'=SUM(A1),"),
        "{text}"
    );
    let empty = Db::new();
    empty.ok(&["init"]);
    empty.ok(&[
        "import",
        "ledger",
        db.dir.path().join("l.csv").to_str().unwrap(),
    ]);
    let tasks = empty.json(&["task", "list"]);
    assert_eq!(tasks[0]["lead_unit"], "+1+1局");
    assert_eq!(tasks[0]["text"], "=SUM(A1)");
}

#[test]
fn a_units_kind_and_a_leaders_title_come_from_their_columns_else_their_names() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write(
        "l.csv",
        "督办事项,主办单位,主办单位类别,协办单位,会议日期,会议议题,责任领导,职务\n\
         修路,上塘镇,,县文广中心、城关街道,2026-11-02,道路,王建国,县长\n\
         建桥,县人民法院,其他,县发改委,2026-11-02,道路,徐志强,办公室主任\n\
         清淤,县水利局,乡镇,,2026-11-02,道路,李副县长,\n",
    );
    db.ok(&["import", "ledger", &f]);
    let kinds: Vec<(String, String)> = db
        .json(&["unit", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap().into(),
                u["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    let kind = |n: &str| kinds.iter().find(|(x, _)| x == n).unwrap().1.clone();
    assert_eq!(kind("上塘镇"), "township");
    assert_eq!(kind("城关街道"), "township");
    assert_eq!(kind("县文广中心"), "department");
    assert_eq!(kind("县发改委"), "department");
    assert_eq!(kind("县人民法院"), "other", "the column says so");
    assert_eq!(
        kind("县水利局"),
        "township",
        "the column wins over the name"
    );
    let title = |n: &str| {
        db.json(&["leader", "list"])
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["name"] == n)
            .unwrap()["title"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(title("王建国"), "county_head");
    assert_eq!(title("徐志强"), "office_director");
    assert_eq!(title("李副县长"), "deputy_head", "from the name");
}

#[test]
fn r2_2_r4_4_meetings_from_a_ledger_alone_are_not_judged() {
    // A ledger says nothing of a meeting's notice or minutes: the meetings it creates count as
    // meetings but not as late notices or overdue minutes; a full workbook keeps the real facts.
    let demo = db();
    demo.ok(&["demo"]);
    let check = demo.json(&["check"]);
    assert!(check["notice_violations"].as_i64().unwrap() > 0);
    for file in ["l.csv", "l.xlsx"] {
        let out = demo.dir.path().join(file);
        demo.ok(&["export", "ledger", "--out", out.to_str().unwrap()]);
        let empty = Db::new();
        empty.ok(&["init"]);
        empty.ok(&["import", "ledger", out.to_str().unwrap()]);
        let got = empty.json(&["check"]);
        let report = empty.json(&["report", "summary", "--period", "year"]);
        let year = demo.json(&["report", "summary", "--period", "year"]);
        if file.ends_with(".csv") {
            assert_eq!(got["notice_violations"], 0, "{file}");
            assert_eq!(got["minutes_late"], 0, "{file}");
            assert_eq!(report["notices"]["missing"], 0);
            assert_eq!(report["notices"]["unknown"], report["meetings"]["meetings"]);
            assert_eq!(report["minutes"]["overdue"], 0);
            let summary = empty.ok(&["report", "summary"]);
            assert!(summary.contains("导入会议（通知、纪要不详"), "{summary}");
        } else {
            assert_eq!(
                got["notice_violations"], check["notice_violations"],
                "{file}"
            );
            assert_eq!(report, year, "{file}");
        }
    }
}

#[test]
fn an_older_ledgers_promise_is_kept() {
    // A ledger of an earlier duban gives the promise in force but not the explanation: the
    // promise comes back, explained on the first working day after the limit (Saturday
    // 2026-10-10, a make-up working day after National Day).
    let db = db();
    db.ok(&["init"]);
    let f = db.write(
        "old.csv",
        "编号,督办事项,主办单位,会议日期,会议议题,办理时限,承诺完成时限\n\
         1,修路,上塘镇,2026-09-01,道路,2026-10-09 明确时限,2026-11-20\n",
    );
    db.ok(&["import", "ledger", &f]);
    let t = &db.json(&["task", "list"])[0];
    assert_eq!(t["promised_on"], "2026-11-20");
    assert_eq!(t["state"], "criticism_due");
    let detail = db.json(&["task", "show", &t["id"].to_string()]);
    assert_eq!(detail["explanations"][0]["submitted_on"], "2026-10-10");
}

#[test]
fn a_summary_unless_asked_for_every_row_and_bad_records_named() {
    let db = db();
    db.ok(&["init"]);
    let f = db.write(
        "l.csv",
        "编号,督办事项,主办单位,会议日期,会议议题,进展报告\n\
         1,修路,上塘镇,2026-09-01,道路,\"2026-10-01 已开工\n2026-10-20 过半\"\n\
         2,建桥,上塘镇,2026-09-01,道路,已开工\n",
    );
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2);
    assert!(err.contains("第3行：进展报告中的“已开工”无法识别"), "{err}");
    let out = db.ok(&["import", "ledger", &f, "--skip-bad"]);
    assert!(out.contains("2 份进展报告"), "{out}");
    assert!(out.contains("加 --verbose"), "{out}");
    assert!(!out.contains("修路"), "no task listed: {out}");
    let t = &db.json(&["task", "list"])[0];
    assert_eq!(t["last_progress_on"], "2026-10-20");
    let again = Db::new();
    again.ok(&["init"]);
    let f = again.write(
        "l.csv",
        &std::fs::read_to_string(db.dir.path().join("l.csv")).unwrap(),
    );
    let out = again.ok(&[
        "--lang",
        "en",
        "import",
        "ledger",
        &f,
        "--skip-bad",
        "--verbose",
    ]);
    assert!(
        out.contains("修路") && out.contains("new meeting: 2026-09-01 道路"),
        "{out}"
    );
}

#[test]
fn a_bad_row_of_a_record_sheet_is_named_by_its_sheet() {
    use rust_xlsxwriter::Workbook;
    let db = db();
    db.ok(&["init"]);
    let path = db.dir.path().join("book.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["编号", "督办事项", "主办单位", "会议日期", "会议议题"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["1", "修路", "上塘镇", "2026-09-01", "道路"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    let ws = book.add_worksheet();
    ws.set_name("进展报告").unwrap();
    for (c, h) in ["编号", "报告日期", "内容"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in [
        ["1", "2026-10-01", "已开工"],
        ["9", "2026-10-02", "别的事"],
        ["1", "十月", "x"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (code, err) = db.fails(&["import", "ledger", "book.xlsx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("“进展报告”表第3行：编号为 9 的督办事项不在台账中"),
        "{err}"
    );
    assert!(
        err.contains("“进展报告”表第4行：报告日期“十月”无法识别"),
        "{err}"
    );
    let out = db.ok(&["import", "ledger", "book.xlsx", "--skip-bad"]);
    assert!(out.contains("1 份进展报告"), "{out}");
}

#[test]
fn r5_an_imported_record_out_of_time_order_or_too_long_is_a_bad_row_in_either_language() {
    let db = db();
    db.ok(&["init"]);
    let long = "进".repeat(2_001);
    let f = db.write(
        "l.csv",
        &format!(
            "编号,督办事项,主办单位,会议日期,会议议题,办结日期,进展报告,不予通报批评\n\
             1,修路,上塘镇,2026-09-01,道路,,2026-08-30 提前开工,\n\
             2,建桥,上塘镇,2026-09-01,道路,2026-09-20,2026-09-10 已开工,\n\
             3,清淤,上塘镇,2026-09-01,道路,,2026-09-10 {long},\n\
             4,疏浚,上塘镇,2026-09-01,道路,,,2026-08-01 已约谈\n"
        ),
    );
    let before = db.counts();
    let (code, err) = db.fails(&["import", "ledger", &f]);
    assert_eq!(code, 2);
    assert!(
        err.contains("第2行：进展报告日期 2026-08-30 早于会议日期 2026-09-01"),
        "{err}"
    );
    assert!(
        err.contains("第4行：进展情况过长：最多 2000 字，现为 2001 字"),
        "{err}"
    );
    assert!(
        err.contains("第5行：不予通报批评日期 2026-08-01 早于会议日期 2026-09-01"),
        "{err}"
    );
    assert!(!err.contains("第3行"), "{err}");
    assert_eq!(db.counts(), before, "nothing written");
    let (_, err) = db.fails(&["--lang", "en", "import", "ledger", &f]);
    for line in [
        "row 2: the progress report date 2026-08-30 is before the meeting date 2026-09-01",
        "row 4: the progress report is too long: at most 2000 characters, 2001 given",
        "row 5: the date of the decision not to criticise 2026-08-01 is before the meeting date 2026-09-01",
    ] {
        assert!(err.contains(line), "{err}");
    }
    // --skip-bad imports the good row alone, as the store reads it back.
    db.ok(&["import", "ledger", &f, "--skip-bad"]);
    let tasks = db.json(&["task", "list"]);
    let texts: Vec<&str> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["建桥"]);
    assert_eq!(tasks[0]["last_progress_on"], "2026-09-10");
}

/// The rows each kind of record has in the database at `path`, in the order of the import's
/// summary: units, leaders, meetings, tasks, progress reports, written explanations, criticisms,
/// waivers, referrals.
fn rows_by_kind(path: &std::path::Path) -> Vec<i64> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    [
        "unit",
        "leader",
        "meeting",
        "task",
        "progress_report",
        "explanation",
        "criticism",
        "waiver",
        "referral",
    ]
    .iter()
    .map(|t| {
        conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    })
    .collect()
}

/// The numbers of the summary's two count lines (the kinds created, then the records), in order.
fn summary_counts(out: &str) -> Vec<i64> {
    let numbers = |line: &str| -> Vec<i64> {
        line.split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    };
    let mut lines = out.lines();
    let head = lines.find(|l| l.starts_with("已导入")).expect(out);
    let records = lines.next().expect(out);
    [numbers(head), numbers(records)].concat()
}

#[test]
fn import_summary_counts_equal_what_the_store_gained_for_csv_and_xlsx() {
    // The demo's whole ledger (every kind of record) into a database that already holds one of
    // its units and one of its leaders: the summary counts only what the import created, and
    // exactly that much is in the store after it.
    let demo = db();
    demo.ok(&["demo"]);
    let first = &demo.json(&["task", "list"])[0];
    let unit = first["lead_unit"].as_str().unwrap().to_string();
    let leader = demo.json(&["leader", "list"])[0]["name"]
        .as_str()
        .unwrap()
        .to_string();
    for file in ["ledger.csv", "ledger.xlsx"] {
        let out = demo.dir.path().join(file);
        demo.ok(&["export", "ledger", "--out", out.to_str().unwrap()]);
        let target = db();
        target.ok(&["init"]);
        target.ok(&["unit", "add", &unit, "--kind", "township"]);
        target.ok(&["leader", "add", &leader, "--title", "deputy-head"]);
        let before = rows_by_kind(&target.path);
        let summary = target.ok(&["import", "ledger", out.to_str().unwrap()]);
        let after = rows_by_kind(&target.path);
        let gained: Vec<i64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
        assert_eq!(summary_counts(&summary), gained, "{file}:\n{summary}");
        // Every kind the format carries is there to be counted (the workbook carries them all).
        let carried = if file.ends_with("xlsx") { 9 } else { 6 };
        assert!(
            gained[2..carried].iter().all(|n| *n > 0),
            "{file}: {gained:?}"
        );
    }
}

#[test]
fn r5_2_a_default_limit_on_a_meeting_of_unknown_procedure_counts_from_its_minutes_date() {
    // Two meetings from a ledger alone: one with its minutes' issue date, one without. A task
    // with the default limit counts 15 working days from that date when known; otherwise its
    // limit is not set (时限未定, not 待纪要印发 forever) and says how to set it. R4.4 gives
    // neither meeting a due day ("—").
    let db = db();
    db.ok(&["init"]);
    let f = db.write(
        "l.csv",
        "编号,督办事项,主办单位,会议日期,会议议题,纪要印发日期,办理时限\n\
         1,修路,上塘镇,2026-09-01,道路,2026-09-07,\n\
         2,建桥,上塘镇,2026-10-12,桥梁,,\n",
    );
    db.ok(&["import", "ledger", &f]);
    let tasks = db.json(&["task", "list"]);
    let by_text = |t: &str| {
        tasks
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["text"] == t)
            .unwrap()
            .clone()
    };
    // 15 working days after Monday 7 September 2026 (no holiday between): Monday 28 September.
    let road = by_text("修路");
    assert_eq!(road["due"], "2026-09-28", "{road}");
    let bridge = by_text("建桥");
    assert_eq!(bridge["due"], serde_json::Value::Null, "{bridge}");
    assert_eq!(bridge["state"], "limit_unknown", "{bridge}");
    let id = bridge["id"].to_string();
    let meeting = bridge["meeting_id"].to_string();
    let show = db.ok(&["task", "show", &id]);
    assert!(
        show.contains("时限未定") && show.contains("登记纪要印发日期"),
        "{show}"
    );
    assert!(
        show.contains(&format!("duban minutes issue {meeting}")),
        "{show}"
    );
    let listed = db.json(&["task", "list", "--state", "时限未定"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    for m in db.json(&["meeting", "list"]).as_array().unwrap() {
        assert_eq!(m["minutes_due"], serde_json::Value::Null, "{m}");
    }
    let table = db.ok(&["meeting", "list"]);
    assert!(table.lines().skip(1).all(|l| l.contains("—")), "{table}");
    // The minutes' date recorded: the limit counts from it, read back from the store.
    db.ok(&[
        "minutes",
        "issue",
        &meeting,
        "--date",
        "2026-10-16",
        "--force",
    ]);
    let bridge = db.json(&["task", "show", &id]);
    assert_eq!(bridge["due"], "2026-11-06", "{bridge}");
    assert_ne!(bridge["state"], "limit_unknown");
}
