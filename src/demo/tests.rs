use std::collections::HashSet;

use super::*;
use crate::domain::testcal::d;
use crate::domain::{FeedbackStatus, Light, Limit, TaskState};
use crate::store::TaskFilter;

fn demo_store(today: &str) -> Store {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    build(
        &mut s,
        DemoOptions {
            today: d(today),
            scale: None,
            seed: 2011,
        },
    )
    .unwrap();
    s
}

#[test]
fn the_demo_county_covers_every_light_and_state() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let rows = s.tasks(&TaskFilter::default(), today).unwrap();
    assert!((350..=450).contains(&rows.len()), "{} tasks", rows.len());
    let lights: HashSet<Light> = rows.iter().map(|r| r.light).collect();
    assert_eq!(lights.len(), Light::ALL.len(), "{lights:?}");
    let states: HashSet<TaskState> = rows.iter().map(|r| r.state).collect();
    // The demo imports no ledger: no meeting of unknown procedure, so no limit unknown.
    for s in TaskState::ALL
        .into_iter()
        .filter(|s| *s != TaskState::LimitUnknown)
    {
        assert!(states.contains(&s), "no task in state {s:?}");
    }
    let units = s.unit_rows(today).unwrap();
    assert!((28..=40).contains(&units.len()));
    let due: Vec<_> = units
        .iter()
        .filter(|u| u.referral_due)
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(due, ["上塘镇"]);
}

#[test]
fn the_demo_meetings_show_every_compliance_case() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let meetings = s.meetings(today).unwrap();
    assert!((55..=65).contains(&meetings.len()));
    assert!(meetings.iter().any(|m| m.notice_late));
    assert!(meetings.iter().any(|m| m.emergency));
    assert!(
        meetings
            .iter()
            .any(|m| matches!(m.minutes, crate::domain::MinutesStatus::IssuedLate { .. }))
    );
    assert!(
        meetings
            .iter()
            .any(|m| matches!(m.minutes, crate::domain::MinutesStatus::IssuedOnTime { .. }))
    );
    assert!(meetings.iter().any(|m| m.date > today), "a planned meeting");
    let mut feedback = HashSet::new();
    let mut outcomes = HashSet::new();
    for m in &meetings {
        let detail = s.meeting_detail(m.id, today).unwrap();
        for f in detail.feedback {
            feedback.insert(std::mem::discriminant(&f.status));
        }
        outcomes.extend(detail.attendance.iter().filter_map(|(_, a)| a.outcome));
    }
    let want = [
        FeedbackStatus::Answered { received_on: today },
        FeedbackStatus::Late { received_on: today },
        FeedbackStatus::DeemedConsent {
            effective_on: today,
        },
    ];
    for w in want {
        assert!(feedback.contains(&std::mem::discriminant(&w)), "{w:?}");
    }
    assert_eq!(outcomes.len(), 4, "all four attendance outcomes");
}

#[test]
fn the_demo_is_deterministic_and_relative_to_today() {
    let a = generate(
        &Calendar::builtin(),
        &Thresholds::default(),
        DemoOptions {
            today: d("2026-11-25"),
            scale: None,
            seed: 1,
        },
    );
    let b = generate(
        &Calendar::builtin(),
        &Thresholds::default(),
        DemoOptions {
            today: d("2026-11-25"),
            scale: None,
            seed: 1,
        },
    );
    assert_eq!(a.tasks, b.tasks);
    let later = generate(
        &Calendar::builtin(),
        &Thresholds::default(),
        DemoOptions {
            today: d("2025-06-10"),
            scale: None,
            seed: 1,
        },
    );
    assert!(
        later
            .meetings
            .iter()
            .filter(|m| m.date <= d("2025-06-10"))
            .all(|m| m.date > d("2024-06-01"))
    );
}

#[test]
fn sql_lights_and_states_agree_with_the_domain_rules() {
    // LIGHT_SQL / STATE_SQL (filtering) must give the same answer as domain::task (display) on
    // every task, across a spread of days.
    let s = demo_store("2026-11-25");
    for today in [
        "2026-06-01",
        "2026-09-30",
        "2026-11-25",
        "2026-12-31",
        "2027-02-01",
    ] {
        let today = d(today);
        let all = s.tasks(&TaskFilter::default(), today).unwrap();
        for light in Light::ALL {
            let f = TaskFilter {
                light: Some(light),
                ..TaskFilter::default()
            };
            let by_sql: HashSet<i64> = s.tasks(&f, today).unwrap().iter().map(|r| r.id).collect();
            let by_rust: HashSet<i64> = all
                .iter()
                .filter(|r| r.light == light)
                .map(|r| r.id)
                .collect();
            assert_eq!(by_sql, by_rust, "{light:?} on {today}");
        }
        for state in TaskState::ALL {
            let f = TaskFilter {
                state: Some(state),
                ..TaskFilter::default()
            };
            let by_sql: HashSet<i64> = s.tasks(&f, today).unwrap().iter().map(|r| r.id).collect();
            let by_rust: HashSet<i64> = all
                .iter()
                .filter(|r| r.state == state)
                .map(|r| r.id)
                .collect();
            assert_eq!(by_sql, by_rust, "{state:?} on {today}");
        }
    }
}

#[test]
fn scale_generates_n_tasks() {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    let summary = build(
        &mut s,
        DemoOptions {
            today: d("2026-11-25"),
            scale: Some(2000),
            seed: 3,
        },
    )
    .unwrap();
    assert_eq!(summary.meetings, 2000 / 7);
    assert!(summary.tasks >= 2000);
}

#[test]
fn one_units_figures_equal_its_row_in_the_full_list() {
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    let all = s.unit_rows(today).unwrap();
    assert!(
        all.iter()
            .any(|u| u.criticisms_rolling_year > 0 && u.red > 0)
    );
    for row in &all {
        let one = s.unit_detail(&row.name, today).unwrap().row;
        assert_eq!(
            serde_json::to_value(&one).unwrap(),
            serde_json::to_value(row).unwrap(),
            "{}",
            row.name
        );
    }
    // And the demo has a feedback round still open (R4.3).
    assert_eq!(s.check(today).unwrap().feedback_waiting, 1);
}

#[test]
fn an_archives_old_exempt_tasks_are_done_within_a_year_and_stop_reporting() {
    // 20,000 tasks span 1,000 days: the older exempt tasks are archive years.
    let today = d("2026-11-25");
    let cal = crate::calendar::Calendar::builtin();
    let t = Thresholds::default();
    let opts = DemoOptions {
        today,
        scale: Some(20_000),
        seed: 2011,
    };
    let data = generate(&cal, &t, opts);
    let mut reports: std::collections::HashMap<i64, Vec<NaiveDate>> = Default::default();
    for p in &data.progress {
        reports.entry(p.task_id).or_default().push(p.reported_on);
    }
    let meeting_date: std::collections::HashMap<i64, NaiveDate> =
        data.meetings.iter().map(|m| (m.id, m.date)).collect();
    let mut old_exempt = 0;
    for task in data
        .tasks
        .iter()
        .filter(|t| matches!(t.limit, Limit::Exempt(_)))
    {
        let met = meeting_date[&task.meeting_id];
        if met + chrono::Days::new(400) >= today {
            continue;
        }
        old_exempt += 1;
        let done = task
            .completed_on
            .expect("an archive year's exempt task is done");
        assert!(
            done <= met + chrono::Days::new(400),
            "done within about a year"
        );
        let after = reports
            .get(&task.id)
            .map_or(0, |r| r.iter().filter(|d| **d > done).count());
        assert_eq!(after, 0, "no report after completion");
    }
    assert!(old_exempt > 100, "{old_exempt}");
    // About a handful of reports per task, not hundreds.
    assert!(
        data.progress.len() < data.tasks.len() * 3,
        "{} reports",
        data.progress.len()
    );
}

#[test]
fn the_demo_keeps_time_running_one_way() {
    use crate::domain::order::{self, TaskTimes};
    let today = d("2026-11-25");
    let s = demo_store("2026-11-25");
    for r in s.tasks(&TaskFilter::default(), today).unwrap() {
        let t = s.task_detail(r.id, today).unwrap();
        let times = TaskTimes {
            completed_on: r.completed_on,
            last_progress: t.progress.iter().map(|p| p.reported_on).max(),
            last_explanation: t.explanations.iter().map(|e| e.submitted_on).max(),
            ..TaskTimes::of_meeting(r.meeting_date)
        };
        if let Limit::Date(due) = r.limit {
            assert_eq!(order::limit(r.meeting_date, due), Ok(()), "#{}", r.id);
        }
        for p in &t.progress {
            assert_eq!(order::progress(&times, p.reported_on), Ok(()), "#{}", r.id);
        }
        for e in &t.explanations {
            let before = TaskTimes {
                completed_on: None,
                ..times
            };
            assert_eq!(
                order::explanation(&before, e.submitted_on, e.promised_on),
                Ok(()),
                "#{}",
                r.id
            );
        }
        if let Some(done) = r.completed_on {
            assert_eq!(order::completion(&times, done), Ok(()), "#{}", r.id);
        }
        // A waiver comes after the earliest promise it could answer.
        let first_promise = t.explanations.iter().map(|e| e.promised_on).min();
        for w in &t.waivers {
            assert_eq!(
                order::waiver(r.meeting_date, first_promise, w.date),
                Ok(()),
                "#{}",
                r.id
            );
            assert!(first_promise.is_some_and(|p| p < w.date), "#{}", r.id);
        }
    }
    for m in s.meetings(today).unwrap() {
        let detail = s.meeting_detail(m.id, today).unwrap();
        if let Some(minutes) = &detail.minutes_record {
            assert_eq!(order::minutes(m.date, minutes), Ok(()), "meeting {}", m.id);
            if let Some(issued) = minutes.issued_on {
                assert!(
                    minutes.signed_on.is_some_and(|s| s <= issued),
                    "meeting {}",
                    m.id
                );
            }
        }
        if detail.attendance.iter().any(|(_, a)| a.outcome.is_some()) {
            assert_eq!(order::attendance(m.date, today), Ok(()), "meeting {}", m.id);
        }
    }
}

#[test]
fn r5_6_the_demo_shows_the_missed_promise_as_a_fact() {
    let s = demo_store("2026-11-25");
    let today = d("2026-11-25");
    let due: Vec<_> = s
        .tasks(
            &TaskFilter {
                state: Some(TaskState::CriticismDue),
                ..TaskFilter::default()
            },
            today,
        )
        .unwrap();
    assert!(
        due.iter().any(|r| r.light == Light::Done),
        "a task done after its promise, still criticism-due"
    );
    assert!(
        due.iter().any(|r| r.promised_on.is_some_and(|p| p > today)),
        "a second promise after a missed one, still criticism-due"
    );
    let waived = s
        .tasks(&TaskFilter::default(), today)
        .unwrap()
        .into_iter()
        .filter(|r| !s.waivers_of_task(r.id).unwrap().is_empty())
        .collect::<Vec<_>>();
    assert_eq!(waived.len(), 1, "a waiver");
    assert_eq!(waived[0].state, TaskState::Promised, "then a new promise");
    assert_eq!(s.check(today).unwrap().counts_kept, "ok");
}
