//! The ledger as a window: the promised-by filter, count and position.

use super::*;

#[test]
fn r5_5_promised_until_selects_promises_falling_due_by_a_day() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let early = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let late = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let none = task(&mut s, m, Limit::Date(d("2026-11-10")));
    s.add_explanation(early, d("2026-11-12"), d("2026-11-20"), None)
        .unwrap();
    s.add_explanation(late, d("2026-11-12"), d("2026-11-27"), None)
        .unwrap();
    let until = |s: &Store, day: &str, today: &str| {
        let f = TaskFilter {
            promised_until: Some(d(day)),
            ..TaskFilter::default()
        };
        let mut got = task_ids(&s.tasks(&f, d(today)).unwrap());
        got.sort();
        assert_eq!(got.len(), s.task_count(&f, d(today)).unwrap());
        got
    };
    assert_eq!(until(&s, "2026-11-22", "2026-11-16"), [early]);
    assert_eq!(until(&s, "2026-11-20", "2026-11-16"), [early], "inclusive");
    assert_eq!(until(&s, "2026-11-29", "2026-11-16"), [early, late]);
    assert!(until(&s, "2026-11-19", "2026-11-16").is_empty());
    // A passed promise is criticism due, no longer promised.
    assert_eq!(until(&s, "2026-11-29", "2026-11-23"), [late]);
    // Done tasks are not promised either.
    s.complete_task(late, d("2026-11-24"), None, None).unwrap();
    assert!(until(&s, "2026-11-29", "2026-11-25").is_empty());
    assert_eq!(
        s.task_row(none, d("2026-11-16")).unwrap().state,
        TaskState::ExplanationDue
    );
}

#[test]
fn count_and_position_follow_the_ledger_for_every_sort_and_filter() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let filters = [
        TaskFilter::default(),
        TaskFilter {
            light: Some(Light::Red),
            ..TaskFilter::default()
        },
        TaskFilter {
            state: Some(TaskState::Promised),
            ..TaskFilter::default()
        },
        text_filter("stz"),
        text_filter("改造"),
    ];
    let every: Vec<i64> = task_ids(&s.tasks(&TaskFilter::default(), today).unwrap());
    for sort in [
        TaskSort::WorkdaysLeft,
        TaskSort::Unit,
        TaskSort::MeetingDate,
    ] {
        for f in &filters {
            // Limit and offset do not change the count or the positions.
            let f = TaskFilter {
                sort,
                limit: Some(7),
                offset: 3,
                ..f.clone()
            };
            let whole = task_ids(
                &s.tasks(
                    &TaskFilter {
                        limit: None,
                        offset: 0,
                        ..f.clone()
                    },
                    today,
                )
                .unwrap(),
            );
            assert!(!whole.is_empty(), "{f:?}");
            assert_eq!(s.task_count(&f, today).unwrap(), whole.len(), "{f:?}");
            let window: Vec<i64> = whole.iter().skip(3).take(7).copied().collect();
            assert_eq!(task_ids(&s.tasks(&f, today).unwrap()), window, "{f:?}");
            // Every third task, selected or not (a position per task of the county is slow).
            for id in every.iter().step_by(3) {
                let want = whole.iter().position(|x| x == id);
                assert_eq!(s.task_position(&f, *id, today).unwrap(), want, "{id} {f:?}");
            }
        }
    }
    assert_eq!(
        s.task_position(&TaskFilter::default(), -1, today).unwrap(),
        None
    );
}
