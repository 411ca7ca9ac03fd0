//! The ledger read from an anchor (keyset) and backwards from its end gives exactly the rows an
//! offset gives; the index order is the order of the day; an earlier day still orders right.

use super::*;
use crate::store::tasks::query::{FROM, present, where_clause};
use crate::store::tasks::text::Plan;
use crate::store::{Anchor, TaskSort};
use chrono::NaiveDate;

const SORTS: [TaskSort; 3] = [
    TaskSort::WorkdaysLeft,
    TaskSort::Unit,
    TaskSort::MeetingDate,
];

fn filters(s: &Store, today: NaiveDate) -> Vec<TaskFilter> {
    let unit = s.tasks(&TaskFilter::default(), today).unwrap()[0].lead_unit_id;
    vec![
        TaskFilter::default(),
        TaskFilter {
            light: Some(Light::Red),
            ..TaskFilter::default()
        },
        TaskFilter {
            light: Some(Light::Done),
            ..TaskFilter::default()
        },
        TaskFilter {
            unit_id: Some(unit),
            ..TaskFilter::default()
        },
        text_filter("改造"),
    ]
}

/// The ids of the ledger `f` selects, sorted by `sort`, read whole.
fn whole(s: &Store, f: &TaskFilter, today: NaiveDate) -> Vec<i64> {
    task_ids(&s.tasks(f, today).unwrap())
}

/// Reads `limit` rows from `offset` with `anchor` and checks them against `all`.
fn check_window(s: &Store, f: &TaskFilter, today: NaiveDate, all: &[i64], at: (usize, usize)) {
    let (offset, limit) = at;
    let want: Vec<i64> = all.iter().skip(offset).take(limit).copied().collect();
    let read = |anchor| {
        let g = TaskFilter {
            offset,
            limit: Some(limit),
            anchor,
            ..f.clone()
        };
        task_ids(&s.tasks(&g, today).unwrap())
    };
    assert_eq!(read(None), want, "offset {offset} {f:?}");
    let end = Anchor::End { total: all.len() };
    assert_eq!(read(Some(end)), want, "from the end, offset {offset} {f:?}");
    // Anchors before, inside and after the window, at its edges and far from it.
    let n = all.len();
    for position in [
        0,
        offset.saturating_sub(1),
        offset,
        offset + limit / 2,
        offset + limit,
        n - 1,
    ] {
        let Some(&id) = all.get(position) else {
            continue;
        };
        let anchor = Anchor::Row { id, position };
        assert_eq!(
            read(Some(anchor)),
            want,
            "anchor at {position}, offset {offset} {f:?}"
        );
    }
}

#[test]
fn windows_read_from_an_anchor_or_the_end_are_the_rows_an_offset_reads() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    assert!(
        s.in_order(today).unwrap(),
        "the demo completes nothing after its day"
    );
    for sort in SORTS {
        for f in filters(&s, today) {
            let f = TaskFilter { sort, ..f };
            let all = whole(&s, &f, today);
            assert!(all.len() > 3, "{f:?}");
            let n = all.len();
            for at in [
                (0, 7),
                (1, 7),
                (n / 2, 9),
                (n - 4, 9),
                (n - 1, 5),
                (n + 3, 5),
            ] {
                check_window(&s, &f, today, &all, at);
            }
        }
    }
}

#[test]
fn an_anchor_the_filter_no_longer_selects_falls_back_to_the_offset() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let red = TaskFilter {
        light: Some(Light::Red),
        ..TaskFilter::default()
    };
    let all = whole(&s, &red, today);
    let done = whole(
        &s,
        &TaskFilter {
            light: Some(Light::Done),
            ..TaskFilter::default()
        },
        today,
    );
    let f = TaskFilter {
        offset: 2,
        limit: Some(3),
        anchor: Some(Anchor::Row {
            id: done[0],
            position: 0,
        }),
        ..red
    };
    assert_eq!(task_ids(&s.tasks(&f, today).unwrap()), all[2..5]);
}

/// The ids in the order of the day, computed row by row (`Store::order_for_day`).
fn ordered_for_day(s: &Store, f: &TaskFilter, today: NaiveDate) -> Vec<i64> {
    let sql = format!(
        "SELECT t.id {FROM} {} ORDER BY {}",
        where_clause(&s.conditions(f, Plan::ROW_BY_ROW)),
        Store::order_for_day(f.sort)
    );
    let mut stmt = s.conn.prepare(&sql).unwrap();
    let p = s.params(f, today);
    let named = present(&stmt, p.named()).unwrap();
    let ids = stmt.query_map(named.as_slice(), |r| r.get(0)).unwrap();
    ids.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn the_index_order_is_the_order_of_the_day() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    for sort in SORTS {
        for f in filters(&s, today) {
            let f = TaskFilter { sort, ..f };
            assert_eq!(
                whole(&s, &f, today),
                ordered_for_day(&s, &f, today),
                "{f:?}"
            );
        }
    }
}

#[test]
fn on_an_earlier_day_tasks_completed_later_are_open_and_ordered_with_the_open_ones() {
    let s = demo_store("2026-11-25");
    let earlier = d("2026-09-30");
    assert!(
        !s.in_order(earlier).unwrap(),
        "the demo completes tasks in October"
    );
    for sort in SORTS {
        for f in filters(&s, earlier) {
            let f = TaskFilter { sort, ..f };
            let rows = s.tasks(&f, earlier).unwrap();
            let all = task_ids(&rows);
            assert_eq!(all, ordered_for_day(&s, &f, earlier), "{f:?}");
            assert_eq!(s.task_count(&f, earlier).unwrap(), all.len(), "{f:?}");
            if sort == TaskSort::WorkdaysLeft {
                // Every task not done on that day comes before every done one.
                let done: Vec<bool> = rows.iter().map(|r| r.light == Light::Done).collect();
                assert!(done.windows(2).all(|w| w[0] <= w[1]), "{f:?}");
            }
            for (i, id) in all.iter().enumerate().step_by(17) {
                assert_eq!(s.task_position(&f, *id, earlier).unwrap(), Some(i));
            }
            let n = all.len();
            for at in [(0, 7), (n / 2, 9), (n - 1, 5)] {
                check_window(&s, &f, earlier, &all, at);
            }
        }
    }
    // A task completed after the day viewed is open on it, and red or not by its limit.
    let late = s
        .tasks(&TaskFilter::default(), d("2026-11-25"))
        .unwrap()
        .into_iter()
        .find(|r| r.completed_on.is_some_and(|c| c > earlier))
        .expect("a task completed in October or November");
    let then = s.task_row(late.id, earlier).unwrap();
    assert_ne!(then.light, Light::Done);
}
