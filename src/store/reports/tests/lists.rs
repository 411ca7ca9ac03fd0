//! Every figure is the length of the list it opens: the ledger for task figures, the meetings list
//! for meeting figures.

use super::{SHANG, county, october, today};
use crate::domain::report::{FeedbackClass, MinutesClass};
use crate::domain::{AttendanceOutcome, MeetingClass, NoticeStatus, TaskClass, TaskSlice};
use crate::store::TaskFilter;

#[test]
fn a_task_figure_is_the_length_of_the_list_behind_it() {
    let c = county();
    let r = c.store.report(october(), today()).unwrap();
    for u in &r.units {
        for (class, figure) in [
            (TaskClass::Due, u.due),
            (TaskClass::DoneOnTime, u.done_on_time),
            (TaskClass::DoneLate, u.done_late),
            (TaskClass::OpenOverdue, u.open_overdue),
            (TaskClass::ExemptStale, u.exempt_stale),
            (TaskClass::Explained, u.explanations),
            (TaskClass::PromiseKept, u.promises_kept),
            (TaskClass::PromiseMissed, u.promises_missed),
        ] {
            let f = TaskFilter {
                unit_id: Some(u.unit_id),
                slice: Some(TaskSlice {
                    period: october(),
                    class,
                }),
                ..TaskFilter::default()
            };
            assert_eq!(
                c.store.task_count(&f, today()).unwrap() as i64,
                figure,
                "{} {class:?}",
                u.unit
            );
            assert_eq!(c.store.tasks(&f, today()).unwrap().len() as i64, figure);
        }
    }
    let missed = TaskFilter {
        slice: Some(TaskSlice {
            period: october(),
            class: TaskClass::PromiseMissed,
        }),
        ..TaskFilter::default()
    };
    assert_eq!(c.store.tasks(&missed, today()).unwrap()[0].id, c.t3);
}

#[test]
fn the_lights_of_a_period_are_those_of_its_meetings_tasks_and_open_as_long() {
    // 灯色分布 counts the tasks decided at the period's meetings, each by its light today; the
    // list behind each light is as long as its figure.
    let c = county();
    let r = c.store.report(october(), today()).unwrap();
    let decided = TaskFilter {
        slice: Some(TaskSlice {
            period: october(),
            class: TaskClass::Decided,
        }),
        ..TaskFilter::default()
    };
    let tasks = c.store.tasks(&decided, today()).unwrap();
    assert!(!tasks.is_empty());
    assert!(
        tasks
            .iter()
            .all(|t| october().contains(t.meeting_date) && t.meeting_date <= today())
    );
    let all = c.store.task_count(&TaskFilter::default(), today()).unwrap();
    assert!(tasks.len() < all, "not every task of the county");
    assert_eq!(
        r.lights.iter().map(|(_, n)| *n).sum::<i64>(),
        tasks.len() as i64
    );
    for (light, n) in &r.lights {
        let f = TaskFilter {
            light: Some(*light),
            ..decided.clone()
        };
        assert_eq!(
            c.store.task_count(&f, today()).unwrap() as i64,
            *n,
            "{light:?}"
        );
    }
}

#[test]
fn a_meeting_figure_is_the_length_of_the_list_behind_it() {
    let c = county();
    let s = &c.store;
    let r = s.report(october(), today()).unwrap();
    let list = |class| s.report_meetings(october(), class, today()).unwrap();
    assert_eq!(list(MeetingClass::All).len() as i64, r.meetings.meetings);
    assert_eq!(
        list(MeetingClass::All),
        [c.m5, c.m4, c.m3, c.m2],
        "newest first"
    );
    for ch in &r.meetings.per_chair {
        assert_eq!(
            list(MeetingClass::Chair(ch.chair_id)).len() as i64,
            ch.meetings
        );
    }
    assert_eq!(list(MeetingClass::Month(2026, 10)).len(), 4);
    assert_eq!(list(MeetingClass::Notice(NoticeStatus::Late)), [c.m3]);
    assert_eq!(list(MeetingClass::Notice(NoticeStatus::Missing)), [c.m5]);
    assert_eq!(list(MeetingClass::Minutes(MinutesClass::Late)), [c.m2]);
    assert_eq!(
        list(MeetingClass::Minutes(MinutesClass::Overdue)),
        [c.m5, c.m4]
    );
    assert_eq!(
        list(MeetingClass::Feedback(FeedbackClass::DeemedConsent)),
        [c.m2]
    );
    assert_eq!(list(MeetingClass::Feedback(FeedbackClass::Late)), [c.m3]);
    let shang = r.attendance.iter().find(|a| a.unit == SHANG).unwrap();
    assert_eq!(
        list(MeetingClass::Attendance(
            shang.unit_id,
            AttendanceOutcome::Absent
        )),
        [c.m3]
    );
    // The meetings list shows exactly those.
    let f = crate::store::MeetingFilter {
        only: Some(list(MeetingClass::Minutes(MinutesClass::Overdue))),
        ..crate::store::MeetingFilter::default()
    };
    let shown: Vec<i64> = s
        .meeting_rows(&f, today())
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(shown, [c.m5, c.m4]);
}
