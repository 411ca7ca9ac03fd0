//! SQL and full-text (FTS5) injection: quotes, LIKE wildcards, a backslash, `'; DROP TABLE`, and
//! FTS5's own syntax (`*`, `NEAR(`, `OR`, `-x`, `^`, column filters) through every filter (the
//! store's task and meeting filters here; the TUI's filter line typed key by key, `task list
//! --text` and `--unit`, `unit show`, `criticisms --unit` in `injection_forms`) and every form
//! (the TUI's, the command line's add commands, in `injection_forms`). Every result is exactly
//! what a substring search in Rust finds; every value is stored verbatim; afterwards every table
//! is there and `PRAGMA integrity_check` says ok.

use std::collections::BTreeSet;
use std::path::Path;

use duban::domain::{LeaderTitle, Limit, Thresholds, UnitKind};
use duban::store::{MeetingFilter, NewMeeting, NewTask, NewUnit, Store, TaskFilter};
use duban::text::initials;

use crate::corpus::{d, today};

/// What goes through every filter and form.
pub const NEEDLES: &[&str] = &[
    "'",
    "\"",
    "%",
    "_",
    "\\",
    "'; DROP TABLE task; --",
    "*",
    "NEAR(",
    "OR",
    "-x",
    "^",
    "text:",
    "text : \"a\"",
    "initials : \"st\" *",
    "a OR b",
    "NEAR(a b, 2)",
    "\"a\" *",
    "(",
    ")",
    "{text initials} : x",
    "AND",
    "NOT",
    "+",
    "%_%",
    "[",
    "]",
    "100%",
    "a_b",
    "O'Brien",
    "--",
    "/*",
    ";",
    "x\"",
    "\"\"",
    "ＯＲ",
    "完成%",
    "上塘'",
    "st",
    "S",
];

pub const UNITS: &[&str] = &[
    "上塘镇",
    "100%单位",
    "a_b局",
    "O'Brien办",
    "\"引号\"办",
    "'; DROP TABLE unit; --",
];

pub const TASKS: &[(&str, usize)] = &[
    ("完成100%任务", 0),
    ("a_b 工程", 1),
    ("O'Brien 项目", 2),
    ("say \"hi\" 说", 3),
    ("路径 C:\\dir", 0),
    ("'; DROP TABLE task; -- 注入", 5),
    ("星*号", 0),
    ("NEAR(附近) 事项", 1),
    ("OR 或者", 2),
    ("-x 减号", 3),
    ("^开头", 4),
    ("text:列名", 5),
    ("普通事项", 0),
    ("上塘镇管网 AND 河道", 1),
    ("完成%", 0),
    ("{text initials} : x", 2),
    ("(括号)", 3),
    ("ＯＲ全角", 4),
];

/// A county whose names, topics, numbers and tasks hold the needles literally.
pub fn county(store: &mut Store) {
    for name in UNITS {
        store
            .add_unit(NewUnit {
                name: name.to_string(),
                kind: UnitKind::Township,
                main_leader: Some("O'Neil %".into()),
                contact: None,
            })
            .unwrap();
    }
    for name in ["李副县长", "O'Neil"] {
        store
            .add_leader(name, LeaderTitle::DeputyHead, None)
            .unwrap();
    }
    let mut meetings = Vec::new();
    for (i, (topics, number)) in [
        (vec!["瓯江引水", "NEAR(议题"], "〔2026〕1号"),
        (vec!["text : 议题"], "'; DROP TABLE meeting; --"),
        (vec!["50% 议题", "a_b 议题"], "〔2026〕%号"),
    ]
    .into_iter()
    .enumerate()
    {
        let m = store
            .add_meeting(NewMeeting {
                number: Some(number.into()),
                topics: topics.into_iter().map(String::from).collect(),
                chair: Some(["李副县长", "O'Neil"][i % 2].into()),
                date: Some(d("2026-11-02")),
                units: UNITS.iter().map(|u| u.to_string()).collect(),
                ..NewMeeting::default()
            })
            .unwrap();
        store
            .update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-02")))
            .unwrap();
        meetings.push(m);
    }
    for (i, (text, unit)) in TASKS.iter().enumerate() {
        store
            .add_task(NewTask {
                meeting_id: meetings[i % meetings.len()],
                text: text.to_string(),
                lead_unit: UNITS[*unit].to_string(),
                co_units: vec![],
                leader: None,
                limit: Limit::Date(d("2026-12-31")),
            })
            .unwrap();
    }
}

/// The tasks a text filter must select, found in Rust: the trimmed query as a substring of the
/// task, its lead unit or one of its meeting's topics; a query of ASCII letters and digits also in
/// their pinyin initials, in lower case. Every task for an empty query.
pub fn tasks_oracle(store: &Store, q: &str) -> BTreeSet<i64> {
    let t = q.trim();
    let ascii = !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric());
    let low = t.to_ascii_lowercase();
    let found = |s: &str| s.contains(t) || (ascii && initials(s).contains(&low));
    store
        .tasks(&TaskFilter::default(), today())
        .unwrap()
        .into_iter()
        .filter(|r| {
            let topics = store
                .meeting_detail(r.meeting_id, today())
                .unwrap()
                .row
                .topics;
            t.is_empty()
                || r.text.contains(t)
                || r.lead_unit.contains(t)
                || topics.iter().any(|x| x.contains(t))
                || (ascii
                    && (initials(&r.text).contains(&low)
                        || initials(&r.lead_unit).contains(&low)
                        || topics.iter().any(|x| found(x))))
        })
        .map(|r| r.id)
        .collect()
}

/// The meetings a text filter must select: the query in the number, the chair's name or a topic
/// (or, ASCII letters and digits, a topic's initials).
pub fn meetings_oracle(store: &Store, q: &str) -> BTreeSet<i64> {
    let t = q.trim();
    let ascii = !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric());
    let low = t.to_ascii_lowercase();
    store
        .meeting_rows(&MeetingFilter::default(), today())
        .unwrap()
        .into_iter()
        .filter(|m| {
            t.is_empty()
                || m.number.as_deref().is_some_and(|n| n.contains(t))
                || m.chair.as_deref().is_some_and(|c| c.contains(t))
                || m.topics
                    .iter()
                    .any(|x| x.contains(t) || (ascii && initials(x).contains(&low)))
        })
        .map(|m| m.id)
        .collect()
}

/// Every table and index is there and SQLite finds the file sound.
pub fn assert_intact(db: &Path, tables: &BTreeSet<String>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let now: BTreeSet<String> = conn
        .prepare("SELECT name FROM sqlite_master")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(&now, tables, "the schema changed");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

pub fn schema(db: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.prepare("SELECT name FROM sqlite_master")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

pub fn ids(v: impl IntoIterator<Item = i64>) -> BTreeSet<i64> {
    v.into_iter().collect()
}

#[test]
fn the_store_filters_find_exactly_the_literal_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inject.db");
    let mut store = Store::open(&db, Thresholds::default()).unwrap();
    county(&mut store);
    let tables = schema(&db);
    let mut hits = 0;
    // Through the store API also what no argument or typed text can hold.
    let store_only = [
        "\0",
        "完\0成",
        "OR\0",
        "\u{e000}",
        "\u{e000}完成",
        "\u{1b}[2J",
    ];
    for q in NEEDLES.iter().chain(&store_only) {
        let want = tasks_oracle(&store, q);
        hits += want.len();
        let filter = TaskFilter {
            text: Some(q.to_string()),
            ..TaskFilter::default()
        };
        let got = ids(store
            .tasks(&filter, today())
            .unwrap()
            .into_iter()
            .map(|r| r.id));
        assert_eq!(got, want, "tasks matching {q:?}");
        assert_eq!(
            store.task_count(&filter, today()).unwrap(),
            want.len(),
            "{q:?}"
        );
        let want = meetings_oracle(&store, q);
        let mf = MeetingFilter {
            text: Some(q.to_string()),
            ..MeetingFilter::default()
        };
        let got = ids(store
            .meeting_rows(&mf, today())
            .unwrap()
            .into_iter()
            .map(|m| m.id));
        assert_eq!(got, want, "meetings matching {q:?}");
    }
    assert!(hits > 30, "the needles found only {hits} tasks");
    // A literal `%` is found only where it is (as a LIKE pattern it would select every task).
    let pct = tasks_oracle(&store, "%");
    let all = store.tasks(&TaskFilter::default(), today()).unwrap().len();
    assert!(!pct.is_empty() && pct.len() < all, "{pct:?} of {all}");
    drop(store);
    assert_intact(&db, &tables);
}
