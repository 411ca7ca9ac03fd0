//! `duban report` and `duban present` through the built binary on the demo county. The figures
//! themselves are tested against a hand-made county in `src/store/reports/tests.rs`; here: the
//! command's periods, formats and refusals, and that the CLI prints what the store computes.

use assert_cmd::Command;
use serde_json::Value;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("duban.db");
    let out = cmd(&path, &["demo"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, path)
}

fn cmd(db: &std::path::Path, args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("duban").unwrap();
    c.env_remove("DUBAN_LANG")
        .env_remove("DUBAN_CONFIG")
        .env("DUBAN_SYSTEM_CONFIG", "/nonexistent/duban.toml");
    c.env("DUBAN_DB", db).env("DUBAN_TODAY", "2026-11-25");
    c.args(args);
    c
}

/// The sum of a unit figure over every unit of a report in JSON.
fn sum_of(json: &Value, figure: &str) -> i64 {
    json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u[figure].as_i64().unwrap())
        .sum()
}

fn stdout(db: &std::path::Path, args: &[&str]) -> String {
    let out = cmd(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_csv_units_table_adds_up_to_the_json_totals() {
    let (_d, db) = demo();
    let json: Value = serde_json::from_str(&stdout(
        &db,
        &["--format", "json", "report", "--period", "quarter"],
    ))
    .unwrap();
    assert_eq!(json["period"]["from"], "2026-10-01");
    assert_eq!(json["period"]["to"], "2026-12-31");
    assert_eq!(json["as_of"], "2026-11-25");
    let due: i64 = sum_of(&json, "due");
    assert!(due > 0, "the demo has tasks due this quarter");
    let csv = stdout(
        &db,
        &["--format", "csv", "report", "units", "--period", "quarter"],
    );
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][0], "单位");
    assert_eq!(rows[0][1], "本期到期");
    let total = rows.last().unwrap();
    assert_eq!(total[0], "合计");
    assert_eq!(total[1].parse::<i64>().unwrap(), due);
    let sum: i64 = rows[1..rows.len() - 1]
        .iter()
        .map(|r| r[1].parse::<i64>().unwrap())
        .sum();
    assert_eq!(sum, due);
}

#[test]
fn a_table_report_names_the_period_and_the_day_of_the_figures() {
    let (_d, db) = demo();
    let out = stdout(
        &db,
        &[
            "--lang",
            "en",
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
        ],
    );
    assert!(out.contains("Period 2026-03-01 to 2026-03-31"), "{out}");
    assert!(out.contains("Data as of 2026-11-25"), "{out}");
    assert!(out.contains("on-time rate"), "{out}");
    let all = stdout(&db, &["report", "--all"]);
    for title in [
        "概要",
        "R1 会议数量",
        "R2.2 会议通知",
        "R3 参会情况",
        "R5 督办落实（按单位）",
        "灯色分布",
        "逾期事项月度趋势",
    ] {
        assert!(all.contains(title), "{title}");
    }
}

#[test]
fn a_backwards_period_or_a_bad_date_is_refused_in_the_users_language() {
    let (_d, db) = demo();
    let out = cmd(
        &db,
        &["report", "--from", "2026-12-01", "--to", "2026-11-01"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("晚于结束日期"));
    let out = cmd(&db, &["--lang", "en", "report", "--from", "someday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unrecognised date"));
}

#[test]
fn present_needs_a_terminal() {
    let (_d, db) = demo();
    let out = cmd(&db, &["present"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("终端"));
}

#[test]
fn the_report_workbook_has_a_sheet_per_table_with_the_same_figures() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (dir, db) = demo();
    let out = dir.path().join("报表.xlsx");
    let printed = stdout(
        &db,
        &[
            "export",
            "report",
            "--period",
            "quarter",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(printed.contains("报表.xlsx"), "{printed}");
    let json: Value = serde_json::from_str(&stdout(
        &db,
        &["--format", "json", "report", "--period", "quarter"],
    ))
    .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 9, "{names:?}");
    let units = names.iter().find(|n| n.contains("R5")).unwrap().clone();
    let range = wb.worksheet_range(&units).unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert!(matches!(&rows[0][0], Data::String(s) if s.contains("R5")));
    assert!(
        matches!(&rows[1][0], Data::String(s) if s.contains("2026-10-01") && s.contains("数据截至2026年11月25日"))
    );
    assert!(matches!(&rows[2][0], Data::String(s) if s == "单位"));
    let total = rows.last().unwrap();
    assert!(matches!(&total[0], Data::String(s) if s == "合计"));
    let due: i64 = sum_of(&json, "due");
    assert_eq!(total[1], Data::Float(due as f64), "counts are numbers");
    let on_time: i64 = sum_of(&json, "done_on_time");
    let late: i64 = sum_of(&json, "done_late");
    let overdue: i64 = sum_of(&json, "open_overdue");
    let Data::Float(rate) = total[5] else {
        panic!("the rate is a number: {:?}", total[5])
    };
    let expected = on_time as f64 / (on_time + late + overdue) as f64;
    assert!(
        (rate - (expected * 1000.0).round() / 1000.0).abs() < 1e-9,
        "{rate} vs {expected}"
    );
    // A wrong extension is refused before anything is written.
    let bad = dir.path().join("报表.docx");
    let o = cmd(&db, &["export", "report", "--out", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!bad.exists());
}

#[test]
fn the_ledger_of_a_period_holds_exactly_the_tasks_the_report_counts_as_due() {
    let (dir, db) = demo();
    let json: Value = serde_json::from_str(&stdout(
        &db,
        &["--format", "json", "report", "--period", "month"],
    ))
    .unwrap();
    let due = sum_of(&json, "due");
    assert!(due > 0);
    let out = dir.path().join("month.csv");
    let (from, to) = (
        json["period"]["from"].as_str().unwrap(),
        json["period"]["to"].as_str().unwrap(),
    );
    stdout(
        &db,
        &[
            "export",
            "ledger",
            "--due-from",
            from,
            "--due-to",
            to,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        text.lines().count() as i64 - 1,
        due,
        "header plus one line per task due"
    );
    // A backwards period is refused.
    let o = cmd(&db, &["task", "list", "--due-from", to, "--due-to", from])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
