//! The needles of `injection` through the command line's filters and add commands and the TUI's
//! filter line and forms.

use std::collections::BTreeSet;

use duban::domain::Thresholds;
use duban::i18n::Lang;
use duban::store::Store;
use duban::tui::harness::Harness;

use crate::corpus::{ok, today};
use crate::injection::{
    NEEDLES, TASKS, UNITS, assert_intact, county, ids, meetings_oracle, schema, tasks_oracle,
};

#[test]
fn the_command_line_filters_and_forms_take_the_text_literally() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inject.db");
    {
        let mut store = Store::open(&db, Thresholds::default()).unwrap();
        county(&mut store);
    }
    let tables = schema(&db);
    let json = |args: &[&str]| -> serde_json::Value {
        let mut a = vec!["--format", "json"];
        a.extend(args);
        serde_json::from_str(&ok(&db, &a)).unwrap()
    };
    let store = Store::open(&db, Thresholds::default()).unwrap();
    // Values as `--name=value`, so one starting with `-` is a value, not an option.
    let opt = |name: &str, v: &str| format!("--{name}={v}");
    for q in NEEDLES {
        let v = json(&["task", "list", &opt("text", q)]);
        let got = ids(v
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap()));
        assert_eq!(got, tasks_oracle(&store, q), "task list --text {q:?}");
    }
    for (i, unit) in UNITS.iter().enumerate() {
        let v = json(&["task", "list", &opt("unit", unit)]);
        let got = ids(v
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap()));
        let want: BTreeSet<i64> = TASKS
            .iter()
            .enumerate()
            .filter(|(_, (_, u))| *u == i)
            .map(|(n, _)| n as i64 + 1)
            .collect();
        assert_eq!(got, want, "task list --unit {unit:?}");
        let shown = json(&["unit", "show", "--", unit]);
        assert_eq!(shown["name"].as_str(), Some(*unit), "{shown}");
        json(&["criticisms", &opt("unit", unit)]);
    }
    drop(store);
    // Every add command, each free-text value one of the needles; each stored verbatim.
    for (i, q) in NEEDLES[..10].iter().enumerate() {
        let unit = format!("{q}{i}");
        ok(
            &db,
            &[
                "unit",
                "add",
                &opt("leader", q),
                &opt("contact", q),
                "--",
                &unit,
            ],
        );
        let leader = format!("{q}领导{i}");
        ok(
            &db,
            &["leader", "add", "--title", "deputy-head", "--", &leader],
        );
        let m = json(&[
            "meeting",
            "add",
            &opt("topic", q),
            &opt("chair", &leader),
            "--date",
            "2026-11-09",
            &opt("unit", &unit),
            &opt("place", q),
            &opt("number", q),
        ]);
        let meeting = m["id"].as_i64().unwrap().to_string();
        assert_eq!(m["topics"][0].as_str(), Some(*q));
        ok(
            &db,
            &[
                "minutes",
                "issue",
                &meeting,
                "--date",
                "2026-11-09",
                "--force",
            ],
        );
        let t = json(&[
            "task",
            "add",
            "--meeting",
            &meeting,
            &opt("lead", &unit),
            &opt("text", q),
            "--due",
            "2026-11-20",
        ]);
        let task = t["id"].as_i64().unwrap().to_string();
        assert_eq!(t["text"].as_str(), Some(*q));
        assert_eq!(t["lead_unit"].as_str(), Some(unit.as_str()));
        ok(&db, &["task", "progress", &task, &opt("text", q)]);
        ok(
            &db,
            &[
                "task",
                "explain",
                &task,
                "--promise",
                "2026-11-24",
                &opt("text", q),
                "--date",
                "2026-11-21",
            ],
        );
        ok(
            &db,
            &[
                "criticize",
                &opt("doc", q),
                &opt("reason", q),
                "--task",
                &task,
                "--",
                &unit,
            ],
        );
        let detail = json(&["task", "show", &task]);
        assert_eq!(detail["progress"][0]["text"].as_str(), Some(*q));
        assert_eq!(detail["explanations"][0]["text"].as_str(), Some(*q));
        let u = json(&["unit", "show", "--", &unit]);
        assert_eq!(u["unit"]["main_leader"].as_str(), Some(*q));
        assert_eq!(u["criticisms"][0]["reason"].as_str(), Some(*q), "{u}");
    }
    assert_intact(&db, &tables);
    let check = json(&["check"]);
    assert_eq!(check["integrity"], "ok");
}

#[test]
fn the_tui_filter_line_and_forms_take_the_text_literally() {
    let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
    county(&mut store);
    let mut h = Harness::on(store, Lang::Zh, today(), 160, 48, "inject.db");
    for q in NEEDLES {
        // Typed key by key into the ledger's filter line, then each list shows what the store's
        // filter selects.
        h.keys("2C/");
        h.keys(q);
        h.keys("<Enter>");
        assert_eq!(h.model.task_query.text, *q);
        let shown = ids(h.model.tasks.rows.iter().map(|r| r.id));
        assert_eq!(shown, tasks_oracle(&h.store, q), "ledger filtered by {q:?}");
        h.keys("3C/");
        h.keys(q);
        h.keys("<Enter>");
        let shown = ids(h.model.meetings.rows.iter().map(|m| m.id));
        assert_eq!(
            shown,
            meetings_oracle(&h.store, q),
            "meetings filtered by {q:?}"
        );
        h.keys("<Esc>C");
    }
    // A new unit typed into the form, saved through the command loop, stored verbatim.
    for q in ["'; DROP TABLE unit; --x", "%_%", "NEAR(\"x\" OR"] {
        h.keys("4a");
        h.keys(q);
        h.keys("<C-s>");
        assert!(h.model.form.is_none(), "saved {q:?}");
        assert_eq!(h.store.unit_by_name(q).unwrap().name, q);
    }
    assert_eq!(h.store.check(today()).unwrap().integrity, "ok");
}
