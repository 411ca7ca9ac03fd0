//! The meetings list as a window: scopes in SQL held to the domain's rules, search, count and
//! position.

use std::collections::BTreeSet;

use super::*;
use crate::domain::MinutesStatus;
use chrono::NaiveDate;

fn scope(scope: MeetingScope) -> MeetingFilter {
    MeetingFilter {
        scope,
        ..MeetingFilter::default()
    }
}

fn text(q: &str) -> MeetingFilter {
    MeetingFilter {
        text: Some(q.into()),
        ..MeetingFilter::default()
    }
}

fn ids(rows: &[MeetingRow]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

/// Days across the demo year: ordinary days, weekends, the day after a long holiday, and days
/// before the demo's `today`, when some minutes and answers are dated after `today`.
const DAYS: &[&str] = &[
    "2026-03-02",
    "2026-06-01",
    "2026-09-30",
    "2026-10-03",
    "2026-10-09",
    "2026-11-10",
    "2026-11-18",
    "2026-11-21",
    "2026-11-24",
    "2026-11-25",
    "2026-11-28",
    "2026-12-31",
];

#[test]
fn r4_4_r4_3_sql_scopes_agree_with_the_rules_on_the_demo_county() {
    let s = demo_store("2026-11-25");
    let (mut some_overdue, mut some_waiting) = (false, false);
    for day in DAYS {
        let today = d(day);
        let all = s.meetings(today).unwrap();
        let overdue: BTreeSet<i64> = all
            .iter()
            .filter(|m| matches!(m.minutes, MinutesStatus::Overdue { .. }))
            .map(|m| m.id)
            .collect();
        let by_sql: BTreeSet<i64> = ids(&s
            .meeting_rows(&scope(MeetingScope::MinutesOverdue), today)
            .unwrap())
        .into_iter()
        .collect();
        assert_eq!(by_sql, overdue, "minutes overdue on {today}");
        let waiting: BTreeSet<i64> = all
            .iter()
            .filter(|m| {
                let sent = s.minutes(m.id).unwrap().and_then(|mi| mi.feedback_sent_on);
                sent.is_some_and(|sent| sent <= today)
                    && s.feedback_round(m.id, today)
                        .unwrap()
                        .iter()
                        .any(|f| matches!(f.status, FeedbackStatus::Waiting { .. }))
            })
            .map(|m| m.id)
            .collect();
        let by_sql: BTreeSet<i64> = ids(&s
            .meeting_rows(&scope(MeetingScope::FeedbackWaiting), today)
            .unwrap())
        .into_iter()
        .collect();
        assert_eq!(by_sql, waiting, "feedback waiting on {today}");
        assert_eq!(waiting.len(), s.feedback_rounds_waiting(today).unwrap());
        some_overdue |= !overdue.is_empty();
        some_waiting |= !waiting.is_empty();
    }
    assert!(
        some_overdue && some_waiting,
        "the days exercise both scopes"
    );
}

#[test]
fn r4_4_minutes_overdue_turns_on_the_day_after_the_limit() {
    let (_dir, mut s) = fresh();
    county(&mut s);
    // Monday 2026-11-02, minutes due Monday 2026-11-16.
    let m = s
        .add_meeting(NewMeeting {
            topics: vec!["老旧小区改造".into()],
            date: Some(d("2026-11-02")),
            ..NewMeeting::default()
        })
        .unwrap();
    let overdue = |s: &Store, today: &str| {
        let f = scope(MeetingScope::MinutesOverdue);
        ids(&s.meeting_rows(&f, d(today)).unwrap()) == [m]
    };
    assert!(!overdue(&s, "2026-11-16"));
    assert!(overdue(&s, "2026-11-17"));
    // Drafting the minutes does not stop the clock; issuing them does, late or not.
    s.update_minutes(m, None, |mi| mi.drafter = Some("王".into()))
        .unwrap();
    assert!(overdue(&s, "2026-11-17"));
    s.update_minutes(m, None, |mi| mi.issued_on = Some(d("2026-11-18")))
        .unwrap();
    assert!(!overdue(&s, "2026-11-19"));
    // As `minutes_status` has it, recorded minutes count as issued even on a day before their
    // issue date: the list shows them issued late, so the scope leaves them out.
    assert!(!overdue(&s, "2026-11-17"));
    assert!(matches!(
        s.meeting_row(m, d("2026-11-17")).unwrap().minutes,
        MinutesStatus::IssuedLate { .. }
    ));
}

#[test]
fn text_matches_topics_chair_number_and_topic_initials() {
    let (_dir, mut s) = fresh();
    let first = county(&mut s);
    s.add_leader("王县长", LeaderTitle::CountyHead, None)
        .unwrap();
    let second = s
        .add_meeting(NewMeeting {
            number: Some("〔2026〕12号".into()),
            topics: vec!["老旧小区改造".into()],
            chair: Some("王县长".into()),
            date: Some(d("2026-11-09")),
            ..NewMeeting::default()
        })
        .unwrap();
    let today = d("2026-11-25");
    let find = |q: &str| ids(&s.meeting_rows(&text(q), today).unwrap());
    assert_eq!(find("城区"), [first], "a topic");
    assert_eq!(find("李副"), [first], "the chair");
    assert_eq!(find("12号"), [second], "the number");
    assert_eq!(find("2026"), [second], "ASCII in the number");
    assert_eq!(find("LJXQ"), [second], "topic initials, any case");
    assert_eq!(find("ojys"), [first]);
    assert_eq!(find("gz"), [second]);
    assert!(
        find("lfxz").is_empty(),
        "the chair's initials are not searched"
    );
    assert!(find("stz").is_empty(), "nor units'");
    assert!(find("%").is_empty());
    assert_eq!(find(" "), [second, first], "blank = all, newest first");
}

#[test]
fn rows_count_and_position_are_one_window_newest_first() {
    let s = demo_store("2026-11-25");
    let every = ids(&s.meetings(d("2026-11-25")).unwrap());
    let dated: Vec<(NaiveDate, i64)> = s
        .meetings(d("2026-11-25"))
        .unwrap()
        .iter()
        .map(|m| (m.date, m.id))
        .collect();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, sorted, "date DESC, id DESC");
    // Each filter on a day when it selects several meetings.
    for (f, today) in [
        (MeetingFilter::default(), "2026-11-25"),
        (scope(MeetingScope::MinutesOverdue), "2026-12-31"),
        (scope(MeetingScope::FeedbackWaiting), "2026-11-24"),
        (text("建设"), "2026-11-25"),
        (text("JS"), "2026-11-25"),
    ] {
        let today = d(today);
        let whole = ids(&s.meeting_rows(&f, today).unwrap());
        assert!(whole.len() >= 2, "{f:?}");
        let windowed = MeetingFilter {
            limit: Some(4),
            offset: 1,
            ..f.clone()
        };
        let want: Vec<i64> = whole.iter().skip(1).take(4).copied().collect();
        assert_eq!(ids(&s.meeting_rows(&windowed, today).unwrap()), want);
        // Windows near the end, read backwards from it when the length is given.
        let n = whole.len();
        for offset in [n / 2 + 1, n.saturating_sub(3), n - 1, n + 2] {
            let from_end = MeetingFilter {
                limit: Some(4),
                offset,
                total: Some(n),
                ..f.clone()
            };
            let want: Vec<i64> = whole.iter().skip(offset).take(4).copied().collect();
            assert_eq!(
                ids(&s.meeting_rows(&from_end, today).unwrap()),
                want,
                "{offset}"
            );
        }
        assert_eq!(s.meeting_count(&windowed, today).unwrap(), whole.len());
        for id in &every {
            assert_eq!(
                s.meeting_position(&windowed, *id, today).unwrap(),
                whole.iter().position(|x| x == id),
                "{id} {f:?}"
            );
        }
    }
    let past_the_end = MeetingFilter {
        offset: every.len(),
        ..MeetingFilter::default()
    };
    assert!(
        s.meeting_rows(&past_the_end, d("2026-11-25"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.meeting_position(&MeetingFilter::default(), -1, d("2026-11-25"))
            .unwrap(),
        None
    );
}

/// An archive with several meetings most days (the benchmark generator at a small scale).
fn busy_archive() -> Store {
    let mut s = Store::open_in_memory(Thresholds::default()).unwrap();
    crate::demo::build(
        &mut s,
        crate::demo::DemoOptions {
            today: d("2026-11-25"),
            scale: Some(3_000),
            seed: 5,
        },
    )
    .unwrap();
    s
}

#[test]
fn windows_read_from_a_meeting_at_a_known_place_are_the_windows_of_the_whole_list() {
    let s = busy_archive();
    let today = d("2026-11-25");
    let dates: Vec<NaiveDate> = s.meetings(today).unwrap().iter().map(|m| m.date).collect();
    assert!(
        dates.windows(2).filter(|w| w[0] == w[1]).count() > 50,
        "several meetings on one day"
    );
    for f in [MeetingFilter::default(), text("建设")] {
        let whole = ids(&s.meeting_rows(&f, today).unwrap());
        let n = whole.len();
        assert!(n > 20, "{f:?}");
        for pos in (0..n).step_by(n / 20).chain([n - 1]) {
            for offset in [pos.saturating_sub(10), pos, pos + 3, pos.saturating_sub(40)] {
                let anchored = MeetingFilter {
                    limit: Some(12),
                    offset,
                    total: Some(n),
                    anchor: Some((whole[pos], pos)),
                    ..f.clone()
                };
                let want: Vec<i64> = whole.iter().skip(offset).take(12).copied().collect();
                assert_eq!(
                    ids(&s.meeting_rows(&anchored, today).unwrap()),
                    want,
                    "{f:?} anchor at {pos}, offset {offset}"
                );
            }
        }
    }
    // A meeting no longer there: read by offset.
    let gone = MeetingFilter {
        limit: Some(5),
        offset: 2,
        anchor: Some((-1, 7)),
        ..MeetingFilter::default()
    };
    let whole = ids(&s.meeting_rows(&MeetingFilter::default(), today).unwrap());
    assert_eq!(ids(&s.meeting_rows(&gone, today).unwrap()), whole[2..7]);
}

#[test]
fn the_months_kept_counts_follow_adds_moves_and_undo_and_give_count_and_place() {
    let mut s = busy_archive();
    let today = d("2026-11-25");
    let all = MeetingFilter::default();
    let agree = |s: &Store| {
        assert!(s.meeting_months_differ().unwrap().is_empty());
        let whole = ids(&s.meeting_rows(&all, today).unwrap());
        assert_eq!(s.meeting_count(&all, today).unwrap(), whole.len());
        for (pos, id) in whole.iter().enumerate().step_by(7) {
            assert_eq!(s.meeting_position(&all, *id, today).unwrap(), Some(pos));
        }
        // The first and last of a month, and a day with several.
        for (pos, id) in whole.iter().enumerate().take(60) {
            assert_eq!(s.meeting_position(&all, *id, today).unwrap(), Some(pos));
        }
        whole
    };
    let before = agree(&s);
    // A meeting in a month that had none, then one on a busy day.
    let lone = s
        .add_meeting(NewMeeting {
            topics: vec!["新月份".into()],
            date: Some(d("2031-02-03")),
            ..NewMeeting::default()
        })
        .unwrap();
    assert_eq!(agree(&s)[0], lone);
    let busy_day = s.meeting(before[before.len() / 2]).unwrap().date;
    let m = s
        .add_meeting(NewMeeting {
            topics: vec!["同日".into()],
            date: Some(busy_day),
            ..NewMeeting::default()
        })
        .unwrap();
    let with = agree(&s);
    assert!(with.contains(&m) && with.len() == before.len() + 2);
    // Moved to another month, then back by undo; the adds undone.
    let plan = NewMeeting {
        topics: vec!["同日".into()],
        date: Some(d("2019-07-15")),
        ..NewMeeting::default()
    };
    s.update_meeting(m, 1, plan, TODAY_FOR_EDITS).unwrap();
    agree(&s);
    s.undo_last().unwrap();
    assert_eq!(agree(&s), with);
    s.undo_last().unwrap();
    s.undo_last().unwrap();
    assert_eq!(agree(&s), before);
    assert_eq!(s.check(today).unwrap().counts_kept, "ok");
    // A count out of step is reported by month.
    s.conn
        .execute(
            "UPDATE meeting_month SET n = n + 1 WHERE month = '2026-05'",
            [],
        )
        .unwrap();
    assert_eq!(s.meeting_months_differ().unwrap(), ["2026-05"]);
    assert_eq!(s.check(today).unwrap().counts_kept, "2026-05");
}

#[test]
fn migration_9_counts_the_meetings_already_there() {
    let (dir, mut s) = fresh();
    county(&mut s);
    s.add_meeting(NewMeeting {
        topics: vec!["次月".into()],
        date: Some(d("2026-12-07")),
        ..NewMeeting::default()
    })
    .unwrap();
    drop(s);
    // The file as duban 8 left it: no month counts (nor what migration 10 adds).
    let path = dir.path().join("t.db");
    let old = rusqlite::Connection::open(&path).unwrap();
    old.execute_batch(
        "DROP TRIGGER meeting_month_insert; DROP TRIGGER meeting_month_delete;
         DROP TRIGGER meeting_month_update; DROP TABLE meeting_month; PRAGMA user_version = 8;",
    )
    .unwrap();
    super::ids::forget_migration_10(&old);
    drop(old);
    let s = Store::open(&path, Thresholds::default()).unwrap();
    assert!(s.meeting_months_differ().unwrap().is_empty());
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM meeting_month", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "November and December");
    assert_eq!(
        s.meeting_count(&MeetingFilter::default(), d("2026-12-31"))
            .unwrap(),
        2
    );
}
