use super::*;
use crate::domain::testcal::{d, monfri};

fn facts(due: Option<&str>) -> TaskFacts {
    TaskFacts {
        due: due.map(d),
        assigned_on: Some(d("2026-11-02")),
        ..TaskFacts::default()
    }
}

#[test]
fn r5_1_explicit_limit_is_the_deadline() {
    let dl = task_deadline(
        &monfri(),
        &Thresholds::default(),
        Limit::Date(d("2026-12-10")),
        None,
    )
    .unwrap();
    assert_eq!(
        dl,
        Deadline {
            date: d("2026-12-10"),
            provisional: false
        }
    );
    let dl = task_deadline(
        &monfri(),
        &Thresholds::default(),
        Limit::Date(d("2027-01-10")),
        None,
    )
    .unwrap();
    assert!(
        dl.provisional,
        "a limit in a year without holiday data is provisional"
    );
}

#[test]
fn r5_2_default_limit_is_15_working_days_from_issue() {
    let t = Thresholds::default();
    // Issued Monday 2026-11-02: 15 working days later is Monday 2026-11-23.
    let dl = task_deadline(&monfri(), &t, Limit::Default, Some(d("2026-11-02"))).unwrap();
    assert_eq!(dl.date, d("2026-11-23"));
    // A day off inside the span moves it by one.
    let mut cal = monfri();
    cal.off.push(d("2026-11-11"));
    assert_eq!(
        task_deadline(&cal, &t, Limit::Default, Some(d("2026-11-02")))
            .unwrap()
            .date,
        d("2026-11-24")
    );
    // Not issued yet: no deadline, the task is pending.
    assert_eq!(task_deadline(&monfri(), &t, Limit::Default, None), None);
    // Crossing into a year without data makes it provisional.
    let dl = task_deadline(&monfri(), &t, Limit::Default, Some(d("2026-12-20"))).unwrap();
    assert!(dl.provisional);
    // The threshold is configuration.
    let t10 = Thresholds {
        default_limit_workdays: 10,
        ..t
    };
    assert_eq!(
        task_deadline(&monfri(), &t10, Limit::Default, Some(d("2026-11-02")))
            .unwrap()
            .date,
        d("2026-11-16")
    );
}

#[test]
fn r5_2_exempt_categories_have_no_deadline() {
    for c in ExemptCategory::ALL {
        assert_eq!(
            task_deadline(
                &monfri(),
                &Thresholds::default(),
                Limit::Exempt(c),
                Some(d("2026-11-02"))
            ),
            None
        );
        assert_eq!(ExemptCategory::parse(c.zh()), Some(c));
        assert_eq!(ExemptCategory::parse(c.code()), Some(c));
    }
    assert_eq!(
        ExemptCategory::parse("时间跨度较长"),
        Some(ExemptCategory::LongSpan)
    );
    assert_eq!(ExemptCategory::parse("水利"), None);
}

#[test]
fn r5_1_light_red_yellow_green() {
    let (cal, t) = (monfri(), Thresholds::default());
    let f = facts(Some("2026-11-25")); // a Wednesday
    assert_eq!(light(&cal, &t, &f, d("2026-11-19")), Light::Green); // 4 working days left
    assert_eq!(light(&cal, &t, &f, d("2026-11-20")), Light::Yellow); // 3 left
    assert_eq!(light(&cal, &t, &f, d("2026-11-25")), Light::Yellow); // 0 left: due today
    assert_eq!(light(&cal, &t, &f, d("2026-11-26")), Light::Red);
    assert_eq!(working_days_left(&cal, d("2026-11-25"), d("2026-11-19")), 4);
    assert_eq!(working_days_left(&cal, d("2026-11-25"), d("2026-11-25")), 0);
    assert_eq!(
        working_days_left(&cal, d("2026-11-25"), d("2026-11-30")),
        -3
    );
    let done = TaskFacts {
        completed_on: Some(d("2026-11-27")),
        ..f
    };
    assert_eq!(light(&cal, &t, &done, d("2026-11-30")), Light::Done);
    // Completion recorded ahead of `today` (a back-dated view) does not count yet.
    assert_eq!(light(&cal, &t, &done, d("2026-11-26")), Light::Red);
}

#[test]
fn r5_1_weekend_after_the_limit_is_red_with_zero_working_days_left() {
    let (cal, t) = (monfri(), Thresholds::default());
    let f = facts(Some("2026-11-27")); // Friday
    assert_eq!(light(&cal, &t, &f, d("2026-11-28")), Light::Red);
    assert_eq!(working_days_left(&cal, d("2026-11-27"), d("2026-11-28")), 0);
}

#[test]
fn r5_2_exempt_light_turns_yellow_without_progress_for_30_days() {
    let (cal, t) = (monfri(), Thresholds::default());
    let f = TaskFacts {
        exempt: true,
        assigned_on: Some(d("2026-10-01")),
        ..TaskFacts::default()
    };
    assert_eq!(light(&cal, &t, &f, d("2026-10-31")), Light::Exempt);
    assert_eq!(light(&cal, &t, &f, d("2026-11-01")), Light::Yellow);
    let reported = TaskFacts {
        last_progress_on: Some(d("2026-11-20")),
        ..f
    };
    assert_eq!(light(&cal, &t, &reported, d("2026-11-25")), Light::Exempt);
    assert_eq!(state(&reported, d("2026-11-25")), TaskState::Open);
}

#[test]
fn r5_5_overdue_task_needs_an_explanation_then_a_promise() {
    let f = facts(Some("2026-11-20"));
    assert_eq!(state(&f, d("2026-11-20")), TaskState::Open);
    assert_eq!(state(&f, d("2026-11-23")), TaskState::ExplanationDue);
    let promised = TaskFacts {
        promised_on: Some(d("2026-12-04")),
        ..f
    };
    assert_eq!(state(&promised, d("2026-11-25")), TaskState::Promised);
    assert_eq!(state(&promised, d("2026-12-04")), TaskState::Promised);
}

#[test]
fn r5_6_missed_promise_makes_criticism_due_until_answered() {
    let f = TaskFacts {
        promised_on: Some(d("2026-12-04")),
        unanswered_promise: Some(d("2026-12-04")),
        ..facts(Some("2026-11-20"))
    };
    assert_eq!(state(&f, d("2026-12-04")), TaskState::Promised);
    assert_eq!(state(&f, d("2026-12-07")), TaskState::CriticismDue);
    // Criticised: the miss is answered (the store clears the unanswered promise).
    let c = TaskFacts {
        criticised: true,
        unanswered_promise: None,
        ..f
    };
    assert_eq!(state(&c, d("2026-12-07")), TaskState::Criticised);
    let done = TaskFacts {
        completed_on: Some(d("2026-12-08")),
        ..c
    };
    assert_eq!(state(&done, d("2026-12-09")), TaskState::Done);
    assert_eq!(done_on_time(&done), Some(false));
}

#[test]
fn r5_6_late_completion_does_not_erase_missed_promise() {
    let f = TaskFacts {
        promised_on: Some(d("2026-12-04")),
        unanswered_promise: Some(d("2026-12-04")),
        completed_on: Some(d("2026-12-08")),
        ..facts(Some("2026-11-20"))
    };
    assert_eq!(state(&f, d("2026-12-09")), TaskState::CriticismDue);
    assert_eq!(
        light(&monfri(), &Thresholds::default(), &f, d("2026-12-09")),
        Light::Done,
        "the light stays done"
    );
}

#[test]
fn r5_6_criticism_then_new_promise_ahead_is_promised_then_due_again() {
    // Criticised for a first miss, then a new promise: promised while it is ahead.
    let f = TaskFacts {
        promised_on: Some(d("2026-12-20")),
        unanswered_promise: Some(d("2026-12-20")),
        criticised: true,
        ..facts(Some("2026-11-20"))
    };
    assert_eq!(state(&f, d("2026-12-10")), TaskState::Promised);
    assert_eq!(state(&f, d("2026-12-21")), TaskState::CriticismDue);
}

#[test]
fn pending_until_the_minutes_are_issued() {
    let f = TaskFacts {
        due: None,
        ..TaskFacts::default()
    };
    assert_eq!(state(&f, d("2026-11-25")), TaskState::Pending);
    assert_eq!(
        light(&monfri(), &Thresholds::default(), &f, d("2026-11-25")),
        Light::Green
    );
}

#[test]
fn r5_2_a_default_limit_on_a_meeting_of_unknown_procedure_is_not_set_rather_than_pending() {
    let f = TaskFacts {
        minutes_unknown: true,
        ..TaskFacts::default()
    };
    assert_eq!(state(&f, d("2026-11-25")), TaskState::LimitUnknown);
    // Exempt tasks have no limit to set; a known limit is judged as any other.
    let exempt = TaskFacts { exempt: true, ..f };
    assert_eq!(state(&exempt, d("2026-11-25")), TaskState::Open);
    let due = TaskFacts {
        minutes_unknown: true,
        ..facts(Some("2026-11-20"))
    };
    assert_eq!(state(&due, d("2026-11-25")), TaskState::ExplanationDue);
}

#[test]
fn codes_round_trip() {
    for l in Light::ALL {
        assert_eq!(Light::from_code(l.code()), Some(l));
    }
    for s in TaskState::ALL {
        assert_eq!(TaskState::from_code(s.code()), Some(s));
    }
}

#[test]
fn r1_a_count_from_a_known_year_into_an_unknown_one_is_provisional() {
    // The test calendar knows every year before 2027.
    let cal = monfri();
    let known = Deadline {
        date: d("2026-12-30"),
        provisional: false,
    };
    assert!(!count_provisional(&cal, known, d("2026-12-31")));
    assert!(count_provisional(&cal, known, d("2027-01-06")));
    // Counted back from a day in a known year to a limit in an unknown one.
    let ahead = Deadline {
        date: d("2027-01-08"),
        provisional: true,
    };
    assert!(count_provisional(&cal, ahead, d("2026-12-28")));
    // A deadline that is itself provisional makes its count so, whatever `today` is.
    let moved = Deadline {
        date: d("2026-06-01"),
        provisional: true,
    };
    assert!(count_provisional(&cal, moved, d("2026-06-10")));
}
