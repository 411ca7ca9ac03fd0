//! Issue 18 point 5 through the built binary: `duban unit alias add/remove/list`, and the
//! ledger's `--text` finding a unit's tasks by a short form, co-handled ones included.

mod support;

use std::process::Output;

use assert_cmd::Command;

use support::cli::{Run, TODAY, TempDb as Db, hermetic};

struct Cli(Db);

impl Run for Cli {
    fn output(&self, args: &[&str]) -> Output {
        let mut c = hermetic(&self.0.path, self.0.dir.path());
        c.args(["--today", TODAY]).args(args);
        Command::from(c).output().unwrap()
    }
}

fn ids(v: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

#[test]
fn r18_5_unit_alias_add_remove_list_and_search_by_short_form() {
    let db = Cli(Db::new());
    db.ok(&["init"]);
    db.ok(&["unit", "add", "上塘镇"]);
    db.ok(&["unit", "add", "县住房和城乡建设局", "--kind", "department"]);
    db.ok(&["leader", "add", "李明华", "--title", "deputy-head"]);
    // A new unit starts with its customary short forms.
    let out = db.ok(&["unit", "alias", "list", "县住房和城乡建设局"]);
    assert!(out.contains("住建、住建局"), "{out}");
    let m = db.json(&[
        "meeting",
        "add",
        "--topic",
        "城区更新",
        "--chair",
        "李明华",
        "--notice-date",
        "2026-10-30",
        "--date",
        "2026-11-02",
        "--unit",
        "上塘镇",
    ]);
    let m = m["id"].to_string();
    let led = db.json(&[
        "task",
        "add",
        "--meeting",
        &m,
        "--lead",
        "县住房和城乡建设局",
        "--text",
        "老旧小区改造",
    ]);
    let co = db.json(&[
        "task",
        "add",
        "--meeting",
        &m,
        "--lead",
        "上塘镇",
        "--co",
        "县住房和城乡建设局",
        "--text",
        "危房排查",
    ]);
    let want = {
        let mut v = vec![led["id"].as_i64().unwrap(), co["id"].as_i64().unwrap()];
        v.sort();
        v
    };
    for q in ["住建", "住建局", "县住房和城乡建设局"] {
        assert_eq!(ids(&db.json(&["task", "list", "--text", q])), want, "{q}");
    }
    // Added, read back as typed (trimmed), found; removed, no longer found.
    let out = db.ok(&["unit", "alias", "add", "县住房和城乡建设局", " 城建 "]);
    assert!(out.contains("城建"), "{out}");
    let list = db.json(&["unit", "alias", "list"]);
    let housing = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "县住房和城乡建设局")
        .unwrap();
    assert!(
        housing["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "城建")
    );
    assert_eq!(ids(&db.json(&["task", "list", "--text", "城建"])), want);
    db.ok(&["unit", "alias", "remove", "县住房和城乡建设局", "城建"]);
    assert!(ids(&db.json(&["task", "list", "--text", "城建"])).is_empty());
    // A short form it does not have, and a unit that does not exist, are refused by name.
    let (code, err) = db.fails(&["unit", "alias", "remove", "县住房和城乡建设局", "城建"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("城建"), "{err}");
    let (code, err) = db.fails(&["--lang", "en", "unit", "alias", "add", "县建设局", "建设"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("县建设局"), "{err}");
}
