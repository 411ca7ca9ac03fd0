//! Store tests: each opens a fresh database in a temporary directory.

use super::*;
use crate::calendar::{DayEntry, DayOff};
use crate::domain::testcal::d;
use crate::domain::{
    AttendanceOutcome, FeedbackStatus, LeaderTitle, Light, Limit, TaskState, Unit, UnitKind,
};

/// The app's day for edits of a meeting's plan in tests: after every date the tests record.
const TODAY_FOR_EDITS: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db"), Thresholds::default()).unwrap();
    (dir, store)
}

/// A unit, a leader and a meeting on Monday 2026-11-02 with minutes issued the same day.
fn county(store: &mut Store) -> i64 {
    for (name, kind) in [
        ("上塘镇", UnitKind::Township),
        ("县财政局", UnitKind::Department),
    ] {
        store
            .add_unit(NewUnit {
                name: name.into(),
                kind,
                main_leader: None,
                contact: None,
            })
            .unwrap();
    }
    store
        .add_leader("李副县长", LeaderTitle::DeputyHead, None)
        .unwrap();
    let m = store
        .add_meeting(NewMeeting {
            topics: vec!["瓯江引水".into(), "城区供水".into()],
            chair: Some("李副县长".into()),
            date: Some(d("2026-11-02")),
            notice_date: Some(d("2026-10-30")),
            units: vec!["上塘镇".into(), "县财政局".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    store
        .update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-02")))
        .unwrap();
    m
}

fn task(store: &mut Store, meeting: i64, limit: Limit) -> i64 {
    store
        .add_task(NewTask {
            meeting_id: meeting,
            text: "完成管网改造".into(),
            lead_unit: "上塘镇".into(),
            co_units: vec!["县财政局".into()],
            leader: Some("李副县长".into()),
            limit,
        })
        .unwrap()
}

/// R5.6: a task of 上塘镇 whose promise was missed before `on`, on a meeting of its own 40 days
/// before: its limit 30 days before `on`, explained 25 days before with a promise 20 days before.
fn missed_promise(store: &mut Store, on: &str) -> i64 {
    let on = d(on);
    let days = |n: u64| on - chrono::Days::new(n);
    let m = store
        .add_meeting(NewMeeting {
            topics: vec!["专项督办".into()],
            date: Some(days(40)),
            units: vec!["上塘镇".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    let t = task(store, m, Limit::Date(days(30)));
    store
        .add_explanation(t, days(25), days(20), Some("资金未到位".into()))
        .unwrap();
    t
}

/// A criticism of 上塘镇 on `date` with a document number, naming `tasks`.
fn criticise(store: &mut Store, date: &str, tasks: Vec<i64>) -> Result<i64> {
    store.add_criticism(NewCriticism {
        unit: "上塘镇".into(),
        date: d(date),
        doc_no: Some(format!("县考绩办〔{}〕{}号", &date[..4], &date[5..7])),
        reason: None,
        task_ids: tasks,
        force: false,
    })
}

/// Audit rows of changes to the supervision records: all but the accounts' (a new database
/// starts with one, enrolling its first admin).
fn audit_count(store: &Store) -> usize {
    let all = store.audit_log(None, None, 10_000).unwrap();
    all.iter().filter(|r| r.entity != "account").count()
}

/// The ids of ledger rows, in order.
fn task_ids(rows: &[TaskRow]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

/// A ledger filter on text alone.
fn text_filter(q: &str) -> TaskFilter {
    TaskFilter {
        text: Some(q.into()),
        ..TaskFilter::default()
    }
}

/// The demo county (`crate::demo`) generated around `today`, in memory.
fn demo_store(today: &str) -> Store {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    crate::demo::build(
        &mut s,
        crate::demo::DemoOptions {
            today: d(today),
            scale: None,
            seed: 2011,
        },
    )
    .unwrap();
    s
}

mod accounts;
mod aliases;
mod attendance_rows;
mod bulk;
mod calendar;
mod chain;
mod edits;
mod faults;
mod ground_rules;
mod ids;
mod import;
mod initials;
mod keep_counts;
mod keyset;
mod leaders;
mod meeting_move;
mod meetings_window;
mod overview;
mod promises;
mod redo;
mod referrals;
mod role_writes;
mod rules;
mod search;
mod sync;
mod task_edits;
mod tasks_window;
mod text_limits;
mod time_order;
mod undo;
