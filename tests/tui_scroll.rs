//! Scrolling a long list through the TUI: every row the cursor reaches is the row of the whole
//! list at that place, whichever way each window was read (from the start, from the end, from a
//! row on screen).

use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::Thresholds;
use duban::i18n::Lang;
use duban::store::{MeetingFilter, Store, TaskFilter};
use duban::tui::harness::Harness;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// An archive of 3,000 tasks and about 430 meetings, at 80×24 (about 15 rows on screen, windows
/// of about 45).
fn archive() -> Harness {
    let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
    let opts = DemoOptions {
        today: today(),
        scale: Some(3_000),
        seed: 9,
    };
    build(&mut store, opts).unwrap();
    Harness::on(store, Lang::Zh, today(), 80, 24, "t.db")
}

#[test]
fn scrolling_the_meetings_list_down_and_up_selects_each_meeting_in_turn() {
    let mut h = archive();
    let whole: Vec<i64> = h
        .store
        .meeting_rows(&MeetingFilter::default(), today())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert!(whole.len() > 300);
    h.keys("3");
    let mut reads = 0;
    for (i, id) in whole.iter().enumerate() {
        assert_eq!(h.model.meetings.cursor, i);
        assert_eq!(h.model.meetings.selected, Some(*id), "row {i}");
        let offset = h.model.meetings.offset;
        h.keys("j");
        reads += usize::from(h.model.meetings.offset != offset);
    }
    assert!(reads >= 5, "the list was read a window at a time ({reads})");
    h.keys("G");
    for i in (0..whole.len()).rev().step_by(3) {
        assert_eq!(h.model.meetings.selected, Some(whole[i]), "row {i}");
        h.keys("kkk");
    }
}

#[test]
fn scrolling_the_ledger_down_selects_each_task_in_turn() {
    let mut h = archive();
    let whole: Vec<i64> = h
        .store
        .tasks(&TaskFilter::default(), today())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    h.keys("2");
    for (i, id) in whole.iter().enumerate().take(600) {
        assert_eq!(h.model.tasks.selected, Some(*id), "row {i}");
        h.keys("j");
    }
}

#[test]
fn scrolling_the_audit_log_down_and_up_selects_each_entry_in_turn() {
    let mut store = Store::open_in_memory(Thresholds::default()).unwrap();
    for i in 0..250 {
        store
            .add_unit(duban::store::NewUnit {
                name: format!("测试单位{i}"),
                kind: duban::domain::UnitKind::Department,
                main_leader: None,
                contact: None,
            })
            .unwrap();
    }
    let total = store.audit_count().unwrap();
    let whole: Vec<i64> = store
        .audit_page(0, total)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    let mut h = Harness::on(store, Lang::Zh, today(), 80, 24, "t.db");
    h.keys("7");
    for (i, id) in whole.iter().enumerate() {
        assert_eq!(h.model.audit.selected, Some(*id), "row {i}");
        h.keys("j");
    }
    h.keys("G");
    for i in (0..whole.len()).rev().step_by(2) {
        assert_eq!(h.model.audit.selected, Some(whole[i]), "row {i}");
        h.keys("kk");
    }
}
