//! The overview: every figure is the length of the list it opens.

use super::*;
use chrono::NaiveDate;

use crate::domain::MinutesStatus;

fn tasks_where(s: &Store, today: NaiveDate, f: TaskFilter) -> i64 {
    s.tasks(&f, today).unwrap().len() as i64
}

fn meetings_in(s: &Store, today: NaiveDate, scope: MeetingScope) -> i64 {
    let f = MeetingFilter {
        scope,
        ..MeetingFilter::default()
    };
    s.meeting_rows(&f, today).unwrap().len() as i64
}

#[test]
fn every_figure_is_the_length_of_its_list_on_the_demo_county() {
    let s = demo_store("2026-11-25");
    let mut seen = Overview::default();
    for day in [
        "2026-06-01",
        "2026-11-18",
        "2026-11-24",
        "2026-11-25",
        "2026-11-29",
        "2026-12-31",
    ] {
        let today = d(day);
        let o = s.overview(today).unwrap();
        let all = s.tasks(&TaskFilter::default(), today).unwrap();
        let light = |l| TaskFilter {
            light: Some(l),
            ..TaskFilter::default()
        };
        let state = |st| TaskFilter {
            state: Some(st),
            ..TaskFilter::default()
        };
        let want = Overview {
            // Not done: the light (a task done late may still be criticism-due, R5.6).
            open: all.iter().filter(|r| r.light != Light::Done).count() as i64,
            red: tasks_where(&s, today, light(Light::Red)),
            yellow: tasks_where(&s, today, light(Light::Yellow)),
            explanations_due: tasks_where(&s, today, state(TaskState::ExplanationDue)),
            minutes_overdue: meetings_in(&s, today, MeetingScope::MinutesOverdue),
            feedback_waiting: meetings_in(&s, today, MeetingScope::FeedbackWaiting),
            promises_due_this_week: tasks_where(
                &s,
                today,
                TaskFilter {
                    promised_until: Some(o.week_end),
                    ..TaskFilter::default()
                },
            ),
            week_end: o.week_end,
            criticisms_due: tasks_where(&s, today, state(TaskState::CriticismDue)),
            referrals_due: s
                .unit_rows(today)
                .unwrap()
                .iter()
                .filter(|u| u.referral_due)
                .count() as i64,
        };
        assert_eq!(o, want, "{today}");
        // And the lists agree with what the rows show, by the domain's rules.
        let promised_this_week = all
            .iter()
            .filter(|r| r.state == TaskState::Promised)
            .filter(|r| r.promised_on.is_some_and(|p| p <= o.week_end))
            .count() as i64;
        assert_eq!(o.promises_due_this_week, promised_this_week, "{today}");
        let overdue = s
            .meetings(today)
            .unwrap()
            .iter()
            .filter(|m| matches!(m.minutes, MinutesStatus::Overdue { .. }))
            .count() as i64;
        assert_eq!(o.minutes_overdue, overdue, "{today}");
        assert_eq!(
            o.feedback_waiting,
            s.feedback_rounds_waiting(today).unwrap() as i64
        );
        for (max, x) in [
            (&mut seen.open, o.open),
            (&mut seen.red, o.red),
            (&mut seen.yellow, o.yellow),
            (&mut seen.explanations_due, o.explanations_due),
            (&mut seen.minutes_overdue, o.minutes_overdue),
            (&mut seen.feedback_waiting, o.feedback_waiting),
            (&mut seen.promises_due_this_week, o.promises_due_this_week),
            (&mut seen.criticisms_due, o.criticisms_due),
            (&mut seen.referrals_due, o.referrals_due),
        ] {
            *max = (*max).max(x);
        }
    }
    // Not vacuous: on some day every figure is above zero.
    let json = serde_json::to_value(&seen).unwrap();
    for (k, v) in json.as_object().unwrap() {
        if k != "week_end" {
            assert!(v.as_i64().unwrap() > 0, "{k} is never above zero");
        }
    }
}

#[test]
fn r5_5_promises_due_this_week_end_on_sunday() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let this_week = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let sunday = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let next_week = task(&mut s, m, Limit::Date(d("2026-11-10")));
    for (t, promised) in [
        (this_week, "2026-11-26"),
        (sunday, "2026-11-29"),
        (next_week, "2026-11-30"),
    ] {
        s.add_explanation(t, d("2026-11-12"), d(promised), None)
            .unwrap();
    }
    // Wednesday: the week ends Sunday 29th.
    let o = s.overview(d("2026-11-25")).unwrap();
    assert_eq!(o.week_end, d("2026-11-29"));
    assert_eq!(o.promises_due_this_week, 2);
    assert_eq!(o.open, 3);
    assert_eq!(o.red, 3);
    assert_eq!(o.explanations_due, 0);
    assert_eq!(o.criticisms_due, 0);
    // The next Monday: Sunday's promise has passed (criticism due), Monday's is this week's.
    let o = s.overview(d("2026-11-30")).unwrap();
    assert_eq!(o.week_end, d("2026-12-06"));
    assert_eq!(o.promises_due_this_week, 1);
    assert_eq!(o.criticisms_due, 2);
}
