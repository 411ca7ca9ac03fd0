//! Every deadline in or across a year with no holiday notice is marked provisional wherever it is
//! shown: feedback deadlines, notice checks, the minutes' clock, the ledger, the working days
//! counted from a known year into an unknown one, the status bulletin and the criticism notice, in
//! tables (`*` and a note saying what it means) and in JSON. Through the built binary; the
//! built-in calendar knows 2026, not 2027.

mod support;

use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TempDb as Db, hermetic};
use support::docx::{body_text, tables};

/// A day in the first days of 2027, so that what happened around new year is in the past.
const TODAY: &str = "2027-01-06";

struct At(Db);

impl Run for At {
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.0.path, self.0.dir.path());
        c.args(["--today", TODAY]).args(args);
        Command::from(c).output().unwrap()
    }
}

/// A county with a meeting on Wednesday 30 December 2026, its feedback round sent on the 31st
/// (answers due on the 2nd working day after: in 2027), and a meeting on Monday 4 January 2027
/// whose notice went out on the 31st.
fn county() -> At {
    let db = At(Db::new());
    db.ok(&["init"]);
    db.ok(&["unit", "add", "上塘镇", "--kind", "township"]);
    db.ok(&["leader", "add", "李明华", "--title", "deputy-head"]);
    for (date, notice) in [("2026-12-30", "2026-12-28"), ("2027-01-04", "2026-12-31")] {
        db.ok(&[
            "meeting",
            "add",
            "--topic",
            "瓯江引水",
            "--chair",
            "李明华",
            "--date",
            date,
            "--notice-date",
            notice,
            "--unit",
            "上塘镇",
        ]);
    }
    db.ok(&["minutes", "send", "1", "--date", "2026-12-31"]);
    db
}

#[test]
fn r4_3_feedback_deadline_provisional_in_unknown_year() {
    let db = county();
    let j = db.json(&["meeting", "show", "1"]);
    let fb = &j["feedback"][0];
    assert_eq!(fb["deadline_provisional"], true, "{fb}");
    let deadline = fb["deadline"].as_str().unwrap().to_string();
    assert!(deadline.starts_with("2027-01-"), "{deadline}");
    // The table marks the deadline (or the day consent is deemed from) and says what * means.
    let out = db.ok(&["meeting", "show", "1"]);
    assert!(out.contains("2027-01-0") && out.contains("*"), "{out}");
    assert!(out.contains("暂按周一至周五计算"), "{out}");
    let out = db.ok(&["--lang", "en", "meeting", "show", "1"]);
    assert!(out.contains("counted Monday–Friday"), "{out}");
}

#[test]
fn r2_2_notice_check_provisional_when_its_deadline_is_in_an_unknown_year() {
    let db = county();
    let rows = db.json(&["meeting", "list"]);
    let new_year = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["date"] == "2027-01-04")
        .unwrap();
    assert_eq!(new_year["notice_provisional"], true);
    assert_eq!(new_year["minutes_due_provisional"], true);
    let out = db.ok(&["meeting", "list"]);
    let line = out.lines().find(|l| l.contains("2027-01-04")).unwrap();
    assert!(line.contains("按时*"), "{line}");
    assert!(out.contains("暂按周一至周五计算"), "{out}");
}

#[test]
fn r5_2_ledger_deadlines_provisional_in_table_and_json_and_exactly_then() {
    let db = county();
    db.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "完成管网改造",
        "--due",
        "2027-02-26",
    ]);
    db.ok(&[
        "task",
        "add",
        "--meeting",
        "1",
        "--lead",
        "上塘镇",
        "--text",
        "完成清淤",
        "--due",
        "2026-12-31",
    ]);
    let rows = db.json(&["task", "list"]);
    for r in rows.as_array().unwrap() {
        let provisional = r["due"].as_str().unwrap().starts_with("2027");
        assert_eq!(r["provisional"], provisional, "{r}");
    }
    let out = db.ok(&["task", "list"]);
    assert!(
        out.contains("2027-02-26*") && out.contains("2026-12-31 "),
        "{out}"
    );
    assert!(out.contains("暂按周一至周五计算"), "{out}");
    // CSV carries the mark in the cell and no note.
    let csv = db.ok(&["task", "list", "--format", "csv"]);
    assert!(
        csv.contains("2027-02-26*") && !csv.contains("暂按"),
        "{csv}"
    );
}

/// The row of the first table of `path` whose cells include one starting with `task`.
fn row_of(path: &std::path::Path, task: &str) -> Vec<Vec<String>> {
    tables(path)
        .into_iter()
        .flatten()
        .filter(|r| r.iter().any(|c| c.starts_with(task)))
        .collect()
}

#[test]
fn r1_documents_mark_provisional_deadlines_and_counts_and_say_what_the_mark_means() {
    let db = county();
    let add = |text: &str, due: &str| {
        db.ok(&[
            "task",
            "add",
            "--meeting",
            "1",
            "--lead",
            "上塘镇",
            "--text",
            text,
            "--due",
            due,
        ]);
    };
    // Due on the last day of 2026 (a known year), overdue into 2027: the count is provisional,
    // the limit is not.
    add("完成清淤", "2026-12-31");
    // Due in 2027: the limit itself is provisional. Explained, its promise missed, criticised.
    add("完成管网改造", "2027-01-04");
    db.ok(&[
        "task",
        "explain",
        "2",
        "--promise",
        "2027-01-05",
        "--date",
        "2027-01-05",
    ]);
    db.ok(&[
        "criticize",
        "上塘镇",
        "--doc",
        "县考绩办〔2027〕1号",
        "--task",
        "2",
        "--date",
        "2027-01-06",
    ]);

    // The store says which counts are provisional, and the command line marks them.
    let rows = db.json(&["task", "list"]);
    let by_text = |t: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["text"] == t)
            .unwrap()
            .clone()
    };
    let dredge = by_text("完成清淤");
    assert_eq!(dredge["provisional"], false, "{dredge}");
    assert_eq!(dredge["working_days_left_provisional"], true, "{dredge}");
    assert_eq!(
        by_text("完成管网改造")["working_days_left_provisional"],
        true
    );
    let out = db.ok(&["task", "list"]);
    let line = out.lines().find(|l| l.contains("完成清淤")).unwrap();
    assert!(
        line.contains("个工作日*") && line.contains("2026-12-31 "),
        "{line}"
    );
    assert!(out.contains("暂按周一至周五计算"), "{out}");
    let out = db.ok(&["task", "show", "1"]);
    assert!(
        out.contains("个工作日*") && out.contains("暂按周一至周五计算"),
        "{out}"
    );

    let note = "*：涉及尚无放假通知的年份，暂按周一至周五计算，通知导入后可能变化。";
    // The bulletin's red list: the limit of 2027 marked, the count into 2027 marked, the note.
    let bulletin = db.0.dir.path().join("b.docx");
    db.ok(&["export", "bulletin", "--out", bulletin.to_str().unwrap()]);
    let red = row_of(&bulletin, "完成清淤");
    let dredge = red.first().expect("完成清淤 in the red list");
    assert_eq!(dredge[3], "2026年12月31日", "{dredge:?}");
    assert!(dredge[4].ends_with('*'), "{dredge:?}");
    let pipes = row_of(&bulletin, "完成管网改造");
    assert!(pipes.iter().all(|r| r[3] == "2027年1月4日*"), "{pipes:?}");
    assert!(
        body_text(&bulletin).contains(note),
        "{}",
        body_text(&bulletin)
    );

    // The criticism notice: the limit marked and the note under the table, in either language.
    let id = db.json(&["criticisms"])[0]["id"].to_string();
    let notice = db.0.dir.path().join("n.docx");
    db.ok(&[
        "export",
        "criticism",
        &id,
        "--out",
        notice.to_str().unwrap(),
    ]);
    let listed = row_of(&notice, "完成管网改造");
    assert_eq!(listed[0][3], "2027年1月4日*", "{listed:?}");
    assert!(body_text(&notice).contains(note), "{}", body_text(&notice));
    let en = db.0.dir.path().join("en.docx");
    db.ok(&[
        "--lang",
        "en",
        "export",
        "criticism",
        &id,
        "--out",
        en.to_str().unwrap(),
    ]);
    assert!(
        body_text(&en).contains("counted Monday–Friday"),
        "{}",
        body_text(&en)
    );
}
