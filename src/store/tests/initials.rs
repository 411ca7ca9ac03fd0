//! Stored pinyin initials: set by every write, filled on open for older rows, searched by the
//! ledger.

use std::collections::HashSet;

use super::*;

/// The initials stored for `sql` (one row, one column).
fn stored(s: &Store, sql: &str) -> Option<String> {
    s.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn every_insert_and_rename_stores_initials() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let unit = s.unit_by_name("上塘镇").unwrap();
    let unit_sql = format!("SELECT initials FROM unit WHERE id = {}", unit.id);
    assert_eq!(stored(&s, &unit_sql).as_deref(), Some("stz"));
    assert_eq!(
        stored(
            &s,
            &format!("SELECT initials FROM meeting_topic WHERE meeting_id = {m} AND seq = 1")
        )
        .as_deref(),
        Some("cqgs"),
        "城区供水"
    );
    assert_eq!(
        stored(&s, &format!("SELECT initials FROM task WHERE id = {t}")).as_deref(),
        Some("wcgwgz"),
        "完成管网改造"
    );
    s.update_unit(&Unit {
        name: " 下塘镇 ".into(),
        ..unit
    })
    .unwrap();
    assert_eq!(stored(&s, &unit_sql).as_deref(), Some("xtz"));
}

#[test]
fn a_dataset_load_stores_initials() {
    let s = demo_store("2026-11-25");
    let missing: i64 = s
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM unit WHERE initials IS NULL OR initials = '')
                  + (SELECT count(*) FROM meeting_topic WHERE initials IS NULL OR initials = '')
                  + (SELECT count(*) FROM task WHERE initials IS NULL OR initials = '')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
}

/// A database at schema version 1 (before initials) with one unit, meeting, topic and task, and
/// the default-limit setting already recorded so opening it has nothing else to write.
fn version_1_database(path: &std::path::Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    rusqlite_migration::Migrations::from_iter([rusqlite_migration::M::up(
        super::super::schema::MIGRATIONS[0],
    )])
    .to_latest(&mut conn)
    .unwrap();
    conn.execute_batch(
        "INSERT INTO unit (id, name, kind) VALUES (1, '上塘镇', 'township');
         INSERT INTO meeting (id, date) VALUES (1, '2026-11-02');
         INSERT INTO meeting_topic (meeting_id, seq, topic) VALUES (1, 0, '瓯江引水'), (1, 1, 'G104 改造');
         INSERT INTO task (id, meeting_id, text, lead_unit_id, limit_kind) VALUES (1, 1, '完成管网改造', 1, 'default');
         INSERT INTO setting (key, value) VALUES ('default_limit_workdays', '15');",
    )
    .unwrap();
}

#[test]
fn opening_an_older_database_fills_initials_without_audit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1_database(&path);
    let s = Store::open(&path, Thresholds::default()).unwrap();
    let all: Vec<Option<String>> = {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT initials FROM unit UNION ALL SELECT initials FROM
                 (SELECT initials FROM meeting_topic ORDER BY seq) UNION ALL SELECT initials FROM task",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let want = ["stz", "ojys", "g104gz", "wcgwgz"].map(|s| Some(s.to_string()));
    assert_eq!(all, want);
    assert_eq!(audit_count(&s), 0, "derived data: no audit row");
    let f = TaskFilter {
        text: Some("STZ".into()),
        ..TaskFilter::default()
    };
    assert_eq!(s.tasks(&f, d("2026-11-25")).unwrap().len(), 1);
    // The search indexes built on the way up (migration 6) hold the text, the topics and the
    // initials filled after them.
    for q in ["管网", "wcgw", "引水", "ojys", "104"] {
        assert_eq!(
            s.task_count(&text_filter(q), d("2026-11-25")).unwrap(),
            1,
            "{q}"
        );
        assert!(s.plan(&text_filter(q), d("2026-11-25")).unwrap().text_index);
    }
}

#[test]
fn a_normal_open_writes_nothing_and_asks_the_partial_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path, Thresholds::default()).unwrap();
        let m = county(&mut s);
        task(&mut s, m, Limit::Default);
    }
    let watcher = Store::open(&path, Thresholds::default()).unwrap();
    let before = watcher.data_version().unwrap();
    let s = Store::open(&path, Thresholds::default()).unwrap();
    assert_eq!(
        watcher.data_version().unwrap(),
        before,
        "reopening committed nothing"
    );
    for table in ["unit", "meeting_topic", "task"] {
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1 FROM {table} WHERE initials IS NULL)"
        );
        let mut stmt = s.conn.prepare(&sql).unwrap();
        let plan = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .join("; ");
        assert!(
            plan.contains(&format!("{table}_initials_missing")),
            "{plan}"
        );
    }
    // Rows emptied by hand are filled on the next open, and that open does commit.
    s.conn
        .execute("UPDATE task SET initials = NULL", [])
        .unwrap();
    let before = watcher.data_version().unwrap();
    drop(Store::open(&path, Thresholds::default()).unwrap());
    assert_ne!(watcher.data_version().unwrap(), before);
    let filled: Option<String> = s
        .conn
        .query_row("SELECT initials FROM task", [], |r| r.get(0))
        .unwrap();
    assert_eq!(filled.as_deref(), Some("wcgwgz"));
}

#[test]
fn initials_find_every_task_of_a_unit_and_chinese_still_works() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let all = s.tasks(&TaskFilter::default(), today).unwrap();
    let of_unit: HashSet<i64> = all
        .iter()
        .filter(|r| r.lead_unit == "上塘镇")
        .map(|r| r.id)
        .collect();
    assert!(!of_unit.is_empty());
    for q in ["stz", "STZ", " Stz "] {
        let found: HashSet<i64> = task_ids(&s.tasks(&text_filter(q), today).unwrap())
            .into_iter()
            .collect();
        assert!(found.is_superset(&of_unit), "{q}");
        // Whatever else it finds has `stz` in the initials of its text, unit or a topic.
        for id in found.difference(&of_unit) {
            let detail = s.task_detail(*id, today).unwrap();
            let hay = std::iter::once(detail.row.text.as_str())
                .chain([detail.row.lead_unit.as_str()])
                .chain(detail.row.co_units.iter().map(String::as_str))
                .chain(detail.meeting_topics.iter().map(String::as_str))
                .map(crate::text::initials)
                .collect::<Vec<_>>();
            assert!(hay.iter().any(|h| h.contains("stz")), "{id}: {hay:?}");
        }
    }
    // A Chinese query is matched as text only: the unit's tasks, and those it co-handles
    // (issue 18 point 5).
    let chinese = task_ids(&s.tasks(&text_filter("上塘镇"), today).unwrap());
    let chinese: HashSet<i64> = chinese.into_iter().collect();
    assert!(chinese.is_superset(&of_unit));
    for id in chinese.difference(&of_unit) {
        let detail = s.task_detail(*id, today).unwrap();
        assert!(detail.row.co_units.iter().any(|u| u == "上塘镇"), "{id}");
    }
    // Initials are not searched for a query that is not plain ASCII letters and digits.
    assert!(s.tasks(&text_filter("s-t-z"), today).unwrap().is_empty());
    assert!(s.tasks(&text_filter("s tz"), today).unwrap().is_empty());
}

#[test]
fn initials_match_task_text_and_topics_in_a_small_county() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    let today = d("2026-11-25");
    // 完成管网改造 (task text), 城区供水 (second topic), 县财政局 a co-unit (issue 18 point 5).
    assert_eq!(
        task_ids(&s.tasks(&text_filter("gwgz"), today).unwrap()),
        [t]
    );
    assert_eq!(
        task_ids(&s.tasks(&text_filter("cqgs"), today).unwrap()),
        [t]
    );
    assert_eq!(
        task_ids(&s.tasks(&text_filter("xczj"), today).unwrap()),
        [t]
    );
    assert!(s.tasks(&text_filter("zzz"), today).unwrap().is_empty());
    assert_eq!(
        s.tasks(&text_filter("  "), today).unwrap().len(),
        1,
        "blank = all"
    );
}
