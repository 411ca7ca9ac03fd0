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
    c.env_remove("DUBAN_LANG").env_remove("DUBAN_CONFIG");
    c.env("DUBAN_DB", db).env("DUBAN_TODAY", "2026-11-25");
    c.args(args);
    c
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
    let due: i64 = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["due"].as_i64().unwrap())
        .sum();
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
