//! The ledger's and the meetings' text search on any text: never an error (a query is always a
//! literal, never FTS5 or SQL syntax), and exactly what a substring search in Rust finds.

use std::collections::BTreeSet;

use duban::domain::Limit;
use duban::store::{MeetingFilter, NewMeeting, NewTask, Store, TaskFilter};
use duban::text::initials;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use crate::pipeline::today;
use crate::support::fixtures::townships;

const TEXTS: &[&str] = &[
    "完成管网改造",
    "a_b 工程",
    "O'Brien 项目",
    "say \"hi\"",
    "100% 完成",
    "NEAR(附近)",
    "OR 或者",
    "-x 减号",
    "^开头",
    "text:列名",
    "星*号",
    "上塘镇 AND 河道",
    "(括号)",
    "\\反斜杠",
    "G104 国道",
];

fn county() -> Store {
    let mut s = townships(&["上塘镇", "50%局", "O'Brien办"]);
    let m = s
        .add_meeting(NewMeeting {
            number: Some("'; DROP TABLE meeting; --".into()),
            topics: vec!["瓯江引水".into(), "NEAR(议题 OR".into()],
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
            units: vec!["上塘镇".into(), "50%局".into(), "O'Brien办".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    for (i, text) in TEXTS.iter().enumerate() {
        s.add_task(NewTask {
            meeting_id: m,
            text: text.to_string(),
            lead_unit: ["上塘镇", "50%局", "O'Brien办"][i % 3].into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        })
        .unwrap();
    }
    s
}

/// Each task: its id and the texts a search looks in (its text, its lead unit, its meeting's
/// topics).
fn searched(store: &Store) -> Vec<(i64, Vec<String>)> {
    store
        .tasks(&TaskFilter::default(), today())
        .unwrap()
        .into_iter()
        .map(|r| {
            let mut texts = store
                .meeting_detail(r.meeting_id, today())
                .unwrap()
                .row
                .topics;
            texts.extend([r.text, r.lead_unit]);
            (r.id, texts)
        })
        .collect()
}

/// The query as a substring of one of a task's texts (trimmed; ASCII letters and digits also in
/// their pinyin initials, in lower case).
fn oracle(tasks: &[(i64, Vec<String>)], q: &str) -> BTreeSet<i64> {
    let t = q.trim();
    let ascii = !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric());
    let low = t.to_ascii_lowercase();
    let hit = |s: &str| s.contains(t) || (ascii && initials(s).contains(&low));
    tasks
        .iter()
        .filter(|(_, texts)| t.is_empty() || texts.iter().any(|x| hit(x)))
        .map(|(id, _)| *id)
        .collect()
}

/// Text made of the pieces of FTS5's and SQL's syntax and of the stored text.
fn syntax() -> impl Strategy<Value = String> {
    let pieces = proptest::sample::select(vec![
        "\"", "'", "*", "^", ":", "(", ")", "+", "-", "NEAR", "OR", "AND", "NOT", "text",
        "initials", " ", "%", "_", "\\", ";", "--", "{", "}", "完成", "管网", "上塘", "st", "S",
        "a", "0", "\u{0}", "\u{e000}", "\u{1b}",
    ]);
    proptest::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

fn run(strategy: impl Strategy<Value = String>) {
    let store = county();
    let tasks = searched(&store);
    // As `proptest!` does: a failure is kept beside this file and replayed first.
    let mut config = crate::config(256);
    config.source_file = Some(file!());
    let mut runner = TestRunner::new(config);
    runner
        .run(&strategy, |q| {
            let filter = TaskFilter {
                text: Some(q.clone()),
                ..TaskFilter::default()
            };
            let got: BTreeSet<i64> = store
                .tasks(&filter, today())
                .map_err(|e| TestCaseError::fail(format!("{q:?}: {e}")))?
                .into_iter()
                .map(|r| r.id)
                .collect();
            prop_assert_eq!(&got, &oracle(&tasks, &q), "{:?}", q);
            let meetings = MeetingFilter {
                text: Some(q.clone()),
                ..MeetingFilter::default()
            };
            store
                .meeting_rows(&meetings, today())
                .map_err(|e| TestCaseError::fail(format!("{q:?}: {e}")))?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_text_searches_literally() {
    run(any::<String>());
}

#[test]
fn search_syntax_searches_literally() {
    run(syntax());
}
