//! A ledger says which meetings' minutes are still awaited (状态 待纪要印发), and a default
//! limit then counts from those minutes once they are issued (R4.4, R5.2): through the built
//! binary, read back from the store.

mod support;

use std::process::Output;

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;

use support::cli::{Run, TODAY, TempDb, hermetic};
use support::oracle::workdays_after as oracle_workdays_after;

struct Db(TempDb);

impl Run for Db {
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.0.path, self.0.dir.path());
        c.env("DUBAN_TODAY", TODAY)
            .current_dir(self.0.dir.path())
            .args(args);
        Command::from(c).output().unwrap()
    }
}

impl Db {
    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.0.dir.path().join(name), text).unwrap();
        name.to_string()
    }

    /// The task whose text is `text`, as `task list` shows it.
    fn task(&self, text: &str) -> Value {
        let tasks = self.json(&["task", "list"]);
        tasks
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["text"] == text)
            .unwrap_or_else(|| panic!("{text} not listed"))
            .clone()
    }
}

const LEDGER: &str =
    "\u{feff}编号,督办事项,主办单位,会议日期,会议议题,责任领导,办理时限,状态,纪要印发日期
1,完成管网改造,上塘镇,2026-09-20,瓯江引水,李副县长,,待纪要印发,
2,清理河道,新桥镇,2026-09-21,河道整治,王副县长,,,
3,拆除违建,新桥镇,2026-09-22,违建整治,王副县长,,待纪要印发,2026-09-25
";

#[test]
fn r5_2_a_ledger_row_awaiting_minutes_is_pending_then_counts_from_their_issue() {
    let db = Db(TempDb::new());
    db.ok(&["init"]);
    let f = db.write("ledger.csv", LEDGER);
    db.ok(&["import", "ledger", &f]);

    // The row that says its minutes are awaited waits for them; the row that says nothing of
    // them has no start for its limit; a row with an issue date counts from it, whatever its
    // state cell says (the date is the fact, the state was computed from it).
    let awaiting = db.task("完成管网改造");
    assert_eq!(awaiting["state"], "pending", "{awaiting}");
    assert_eq!(awaiting["due"], Value::Null);
    let unknown = db.task("清理河道");
    assert_eq!(unknown["state"], "limit_unknown", "{unknown}");
    let issued = db.task("拆除违建");
    let Some(due) = oracle_workdays_after(NaiveDate::from_ymd_opt(2026, 9, 25).unwrap(), 15) else {
        eprintln!("NOTICE: ../shared/data/cn-holidays.csv not found; test skipped");
        return;
    };
    assert_eq!(issued["due"], due.to_string(), "{issued}");

    // The minutes are issued after the National Day holiday's make-up days: the awaited task's
    // 15 working days count from that day, by the PRC calendar.
    let meeting = awaiting["meeting_id"].to_string();
    db.ok(&[
        "minutes",
        "issue",
        &meeting,
        "--date",
        "2026-09-28",
        "--force",
    ]);
    let after = db.task("完成管网改造");
    let due = oracle_workdays_after(NaiveDate::from_ymd_opt(2026, 9, 28).unwrap(), 15).unwrap();
    assert_eq!(after["due"], due.to_string(), "{after}");
    assert_ne!(after["state"], "pending");
    assert_ne!(after["state"], "limit_unknown");
}

#[test]
fn r5_2_the_awaited_minutes_survive_a_second_round_trip() {
    // Exported again, the ledger still says 待纪要印发 for the awaiting task, and a second
    // import into an empty database gives the same states.
    let db = Db(TempDb::new());
    db.ok(&["init"]);
    let f = db.write("ledger.csv", LEDGER);
    db.ok(&["import", "ledger", &f]);
    db.ok(&["export", "ledger", "--out", "again.csv"]);
    let again = std::fs::read_to_string(db.0.dir.path().join("again.csv")).unwrap();
    let row = again
        .lines()
        .find(|l| l.contains("完成管网改造"))
        .expect("the task is exported");
    assert!(row.contains("待纪要印发"), "{row}");

    let second = Db(TempDb::new());
    second.ok(&["init"]);
    let f = second.write("again.csv", &again);
    second.ok(&["import", "ledger", &f]);
    for text in ["完成管网改造", "清理河道", "拆除违建"] {
        assert_eq!(second.task(text)["state"], db.task(text)["state"], "{text}");
        assert_eq!(second.task(text)["due"], db.task(text)["due"], "{text}");
    }
}
