//! The command line through the built binary, each test on its own temporary database.

mod support;

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

fn db() -> Db {
    Db::new()
}

impl Run for Db {
    /// With no server configuration, and the day fixed by `--today`.
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.path, self.dir.path());
        c.args(["--today", TODAY]).args(args);
        // assert_cmd's Command gives duban a closed pipe for stdin, never the tests' terminal.
        Command::from(c).output().unwrap()
    }
}

impl Db {
    fn audit_rows(&self) -> usize {
        self.json(&["audit", "--limit", "100000"])
            .as_array()
            .unwrap()
            .len()
    }
}

#[test]
fn demo_then_red_tasks_as_json() {
    let db = db();
    db.ok(&["demo"]);
    let red = db.json(&["task", "list", "--light", "red"]);
    let red = red.as_array().unwrap();
    assert!(red.len() >= 10, "{} red tasks", red.len());
    for t in red {
        for key in [
            "id",
            "text",
            "lead_unit",
            "co_units",
            "due",
            "provisional",
            "light",
            "working_days_left",
            "state",
        ] {
            assert!(t.get(key).is_some(), "missing {key}");
        }
        assert_eq!(t["light"], "red");
        assert!(t["due"].as_str().unwrap() < "2026-11-25");
        assert!(t["working_days_left"].as_i64().unwrap() <= 0);
    }
    let check = db.json(&["check"]);
    assert_eq!(check["red"].as_u64().unwrap() as usize, red.len());
    assert_eq!(check["integrity"], "ok");
    // A second demo into the same database is refused.
    let (code, err) = db.fails(&["demo"]);
    assert_eq!(code, 2);
    assert!(err.contains("--db"), "{err}");
}

#[test]
fn units_and_meetings_as_json() {
    let db = db();
    db.ok(&["demo"]);
    let units = db.json(&["unit", "list"]);
    let units = units.as_array().unwrap();
    for key in [
        "name",
        "open_tasks",
        "red",
        "yellow",
        "criticisms_rolling_year",
        "criticisms_calendar_year",
        "referral_due",
    ] {
        assert!(units[0].get(key).is_some(), "missing {key}");
    }
    let due: Vec<&str> = units
        .iter()
        .filter(|u| u["referral_due"] == true)
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(due, ["上塘镇"]);
    let meetings = db.json(&["meeting", "list"]);
    for key in [
        "id",
        "date",
        "topics",
        "chair",
        "notice_late",
        "minutes_due",
        "minutes_issued",
    ] {
        assert!(meetings[0].get(key).is_some(), "missing {key}");
    }
    // The filtered ledger of one unit, and its page.
    let mine = db.json(&["task", "list", "--unit", "上塘镇"]);
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|t| t["lead_unit"] == "上塘镇")
    );
    let shown = db.ok(&["unit", "show", "上塘镇"]);
    assert!(shown.contains("应移送监察"), "{shown}");
}

#[test]
fn workdays_commands_follow_the_prc_calendar() {
    let db = db();
    assert_eq!(
        db.ok(&["workdays", "add", "2024-09-30", "1"]).trim(),
        "2024-10-08"
    );
    assert_eq!(
        db.ok(&["workdays", "add", "2024/10/8", "-1"]).trim(),
        "2024-09-30"
    );
    assert_eq!(
        db.ok(&["workdays", "add", "2024年9月27日", "1"]).trim(),
        "2024-09-29"
    );
    assert_eq!(
        db.ok(&["workdays", "between", "20240930", "2024-10-08"])
            .trim(),
        "1"
    );
    assert_eq!(
        db.ok(&["workdays", "between", "2024-10-08", "2024-09-30"])
            .trim(),
        "-1"
    );
    assert_eq!(db.ok(&["workdays", "is", "2024-10-12"]).trim(), "workday");
    assert_eq!(db.ok(&["workdays", "is", "2024-10-01"]).trim(), "offday");
    // Crossing into 2027, whose notice is not in yet: provisional.
    let j = db.json(&["workdays", "add", "2026-12-28", "5"]);
    assert_eq!(j["provisional"], true);
    let j = db.json(&["workdays", "add", "2026-11-02", "5"]);
    assert_eq!(j["provisional"], false);
}

#[test]
fn bad_dates_and_unknown_units_exit_2_and_change_nothing() {
    let db = db();
    db.ok(&["demo"]);
    let before = db.audit_rows();
    let (code, err) = db.fails(&["task", "done", "1", "--date", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30"), "{err}");
    assert_eq!(err.lines().count(), 1);
    let (code, err) = db.fails(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "不存在镇",
        "--text",
        "x",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("不存在镇") && err.contains("未找到"), "{err}");
    let (code, err) = db.fails(&["--lang", "en", "task", "list", "--unit", "Nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("unit \"Nowhere\" not found"), "{err}");
    let (code, err) = db.fails(&[
        "task",
        "progress",
        "1",
        "--text",
        "x",
        "--date",
        "2026-11-26",
    ]);
    assert_eq!(code, 2, "a fact dated after today");
    assert!(err.contains("2026-11-26"), "{err}");
    let (code, _) = db.fails(&["--today", "someday", "task", "list"]);
    assert_eq!(code, 2);
    let (code, _) = db.fails(&["workdays", "add", "2026-11-25", "many"]);
    assert_eq!(code, 2);
    let (code, _) = db.fails(&["workdays", "add", "2026-11-25", "9223372036854775807"]);
    assert_eq!(code, 2, "an absurd count is refused, not a panic");
    assert_eq!(db.audit_rows(), before, "nothing written");
}

#[test]
fn a_missing_database_is_not_created_by_mistake() {
    let db = db();
    let (code, err) = db.fails(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "x",
        "--due",
        "2026-13-01",
    ]);
    assert_eq!(code, 2);
    assert!(!db.path.exists(), "no database file appears: {err}");
    let (code, err) = db.fails(&["unit", "list"]);
    assert_eq!(code, 2);
    assert!(err.contains("duban init"), "{err}");
    assert!(!db.path.exists());
    // Working-day arithmetic works without one.
    assert_eq!(
        db.ok(&["workdays", "add", "2024-09-30", "1"]).trim(),
        "2024-10-08"
    );
    assert!(!db.path.exists());
}

#[test]
fn global_flags_may_follow_the_subcommand() {
    let db = db();
    let a = db.ok(&[
        "workdays",
        "add",
        "2026-11-25",
        "3",
        "--lang",
        "en",
        "--format",
        "json",
    ]);
    assert!(a.contains("\"date\""), "{a}");
}

#[test]
fn the_regulation_end_to_end_through_the_cli() {
    let db = db();
    db.ok(&["init"]);
    db.ok(&["unit", "add", "上塘镇", "--kind", "township"]);
    db.ok(&["unit", "add", "县财政局", "--kind", "department"]);
    db.ok(&["leader", "add", "黄伟", "--title", "deputy-director"]);
    db.ok(&[
        "leader",
        "add",
        "李明华",
        "--title",
        "deputy-head",
        "--liaison",
        "黄伟",
    ]);
    // R2.2: notice on the day of the meeting, not an emergency.
    let m = db.json(&[
        "meeting",
        "add",
        "--topic",
        "瓯江引水",
        "--topic",
        "城区供水",
        "--chair",
        "李明华",
        "--date",
        "2026-10-12",
        "--notice-date",
        "2026-10-12",
        "--unit",
        "上塘镇",
        "--unit",
        "县财政局",
    ]);
    assert_eq!(m["notice_late"], true);
    assert_eq!(m["minutes_due"], "2026-10-26");
    let id = m["id"].to_string();
    db.ok(&[
        "meeting",
        "attend",
        &id,
        "上塘镇",
        "--outcome",
        "unauthorised-substitute",
        "--attendee",
        "王某",
    ]);
    // R4.3: the round goes out, one unit answers, one stays silent.
    db.ok(&["minutes", "send", &id, "--date", "2026-10-14"]);
    db.ok(&[
        "minutes",
        "feedback",
        &id,
        "上塘镇",
        "--date",
        "2026-10-15",
        "--sealed",
        "--signer",
        "张镇长",
    ]);
    let detail = db.json(&["meeting", "show", &id]);
    let fb = detail["feedback"].as_array().unwrap();
    assert_eq!(fb[0]["status"]["state"], "answered");
    assert_eq!(fb[1]["status"]["state"], "deemed_consent");
    // R4.4: signed off, then issued on the 11th working day: late.
    db.ok(&[
        "minutes",
        "sign",
        &id,
        "--by",
        "李明华",
        "--date",
        "2026-10-26",
    ]);
    db.ok(&["minutes", "issue", &id, "--date", "2026-10-27"]);
    let m = db.json(&["meeting", "list"]);
    assert_eq!(m[0]["minutes"]["state"], "issued_late");
    // R5.2: a default limit: 15 working days from 2026-10-27.
    let t = db.json(&[
        "task",
        "add",
        "--meeting",
        &id,
        "--lead",
        "上塘镇",
        "--co",
        "县财政局",
        "--text",
        "完成管网改造",
    ]);
    assert_eq!(t["due"], "2026-11-17");
    assert_eq!(t["state"], "explanation_due");
    let tid = t["id"].to_string();
    // R5.5: explanation with a promise, already missed by today.
    db.ok(&[
        "task",
        "explain",
        &tid,
        "--promise",
        "2026-11-24",
        "--date",
        "2026-11-18",
    ]);
    let t = db.json(&["task", "show", &tid]);
    assert_eq!(t["state"], "criticism_due");
    // Another task, with an explicit limit, whose promise was missed too.
    let t2 = db.json(&[
        "task",
        "add",
        "--meeting",
        &id,
        "--lead",
        "上塘镇",
        "--text",
        "清理河道",
        "--due",
        "2026-10-30",
    ]);
    let t2 = t2["id"].to_string();
    db.ok(&[
        "task",
        "explain",
        &t2,
        "--promise",
        "2026-11-10",
        "--date",
        "2026-11-02",
    ]);
    // R5.6 twice within a year → R5.7 referral due.
    db.ok(&[
        "criticize",
        "上塘镇",
        "--date",
        "2026-11-20",
        "--doc",
        "县考绩办〔2026〕1号",
        "--task",
        &t2,
    ]);
    let out = db.ok(&[
        "criticize",
        "上塘镇",
        "--date",
        "2026-11-25",
        "--doc-no",
        "县考绩办〔2026〕2号",
        "--task",
        &tid,
    ]);
    assert!(out.contains("应移送监察"), "{out}");
    assert_eq!(db.json(&["task", "show", &tid])["state"], "criticised");
    let units = db.json(&["unit", "list"]);
    assert_eq!(units[0]["referral_due"], true);
    db.ok(&["referral", "propose", "上塘镇"]);
    db.ok(&["referral", "not-refer", "1", "--reason", "已完成整改"]);
    assert_eq!(db.json(&["unit", "list"])[0]["referral_due"], false);
    // Done.
    db.ok(&["task", "done", &tid, "--date", "2026-11-25"]);
    assert_eq!(db.json(&["task", "show", &tid])["light"], "done");
}

#[test]
fn backup_is_a_working_database() {
    let db = db();
    db.ok(&["demo"]);
    let copy = db.dir.path().join("copy.db");
    db.ok(&["backup", copy.to_str().unwrap()]);
    let mut c = Command::cargo_bin("duban").unwrap();
    let out = c
        .args([
            "--db",
            copy.to_str().unwrap(),
            "--today",
            "2026-11-25",
            "check",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["integrity"], "ok");
    assert!(j["tasks"].as_u64().unwrap() > 300);
}

#[test]
fn a_newer_database_is_refused_with_a_clear_message() {
    let db = db();
    db.ok(&["init"]);
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let (code, err) = db.fails(&["task", "list"]);
    assert_eq!(code, 1);
    assert!(err.contains("更新版本"), "{err}");
}

/// Issue 18 point 8: `duban audit` prints actions, records and changed fields in words, in the
/// user's language; `--format json` keeps the stored codes.
#[test]
fn r8_audit_prints_words_in_a_table_and_codes_only_in_json() {
    let db = db();
    db.ok(&["demo"]);
    let red = db.json(&["task", "list", "--light", "red"]);
    let id = red.as_array().unwrap()[0]["id"].as_i64().unwrap();
    db.ok(&["task", "done", &id.to_string()]);
    let zh = db.ok(&["audit", "--limit", "1"]);
    let row = zh.lines().nth(1).unwrap();
    assert!(row.contains("修改"), "{zh}");
    assert!(row.contains(&format!("事项 #{id}")), "{zh}");
    assert!(row.contains(&format!("办结日期 — → {TODAY}")), "{zh}");
    assert!(
        !row.contains("completed_on") && !row.contains("update"),
        "{zh}"
    );
    let en = db.ok(&["--lang", "en", "audit", "--limit", "1"]);
    let row = en.lines().nth(1).unwrap();
    assert!(row.contains("changed"), "{en}");
    assert!(row.contains(&format!("task #{id}")), "{en}");
    assert!(row.contains(&format!("completed on — → {TODAY}")), "{en}");
    let json = db.json(&["audit", "--limit", "1"]);
    assert_eq!(json[0]["action"], "update");
    assert_eq!(json[0]["entity"], "task");
}
