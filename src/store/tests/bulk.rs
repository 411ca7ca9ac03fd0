//! A bulk load (`load_dataset`, behind `duban demo`) sets indexes, triggers and WAL aside for
//! speed; what it leaves is the database the row-by-row writes would have made.

use super::*;

fn schema(s: &Store) -> Vec<(String, String)> {
    let mut stmt = s
        .conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn journal(s: &Store) -> String {
    s.conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

fn load(s: &mut Store) {
    crate::demo::build(
        s,
        crate::demo::DemoOptions {
            today: d("2026-11-25"),
            scale: None,
            seed: 7,
        },
    )
    .unwrap();
}

#[test]
fn a_bulk_load_leaves_every_index_trigger_and_kept_figure_built_and_the_file_in_wal() {
    let (_dir, mut s) = fresh();
    let before = schema(&s);
    assert_eq!(journal(&s), "wal");
    load(&mut s);
    assert_eq!(journal(&s), "wal");
    assert_eq!(
        schema(&s),
        before,
        "an index or trigger set aside was not rebuilt"
    );
    let report = s.check(d("2026-11-25")).unwrap();
    assert_eq!(report.integrity, "ok");
    assert_eq!(report.counts_kept, "ok");
    assert!(report.tasks > 300);
    // The promise in force is the latest explanation's, for every task that has one.
    let wrong: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM task t WHERE t.promised_on IS NOT (SELECT promised_on
             FROM explanation e WHERE e.task_id = t.id ORDER BY submitted_on DESC, id DESC LIMIT 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0);
    let explained: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM task WHERE promised_on IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(explained > 0);
    // The search index is sound and merges again as writes come.
    s.conn
        .execute(
            "INSERT INTO task_fts (task_fts, rank) VALUES ('integrity-check', 0)",
            [],
        )
        .unwrap();
    let automerge: i64 = s
        .conn
        .query_row(
            "SELECT v FROM task_fts_config WHERE k = 'automerge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(automerge, 4);
    // The next write goes through the triggers the load set aside.
    let before = s
        .task_count(&text_filter("瓯江引水"), d("2026-11-25"))
        .unwrap();
    let meeting = s.meetings(d("2026-11-25")).unwrap()[0].id;
    let unit = s.units().unwrap()[0].name.clone();
    s.add_task(NewTask {
        meeting_id: meeting,
        text: "瓯江引水工程验收".into(),
        lead_unit: unit,
        co_units: vec![],
        leader: None,
        limit: Limit::Date(d("2026-12-31")),
    })
    .unwrap();
    let after = s
        .task_count(&text_filter("瓯江引水"), d("2026-11-25"))
        .unwrap();
    assert_eq!(after, before + 1);
    assert!(s.kept_counts_differ().unwrap().is_empty());
}

#[test]
fn a_bulk_load_beside_another_open_connection_stays_in_wal_and_loads() {
    let (dir, mut s) = fresh();
    let other = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let n: i64 = other
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    load(&mut s);
    assert_eq!(journal(&s), "wal");
    let n: i64 = other
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap();
    assert!(n > 300);
    assert_eq!(s.check(d("2026-11-25")).unwrap().integrity, "ok");
}
