//! The full-text indexes (migration 6) find exactly what a substring search finds, and the
//! writes keep them in step: task text, topics, undo.

use super::*;
use crate::store::tasks::query::{FROM, present};
use crate::store::tasks::text::TEXT;
use chrono::NaiveDate;

/// The ids a substring search finds, row by row without the indexes (the ledger's [`TEXT`]).
fn by_substring(s: &Store, q: &str, today: NaiveDate) -> Vec<i64> {
    let f = text_filter(q);
    let sql = format!("SELECT t.id {FROM} WHERE {TEXT} ORDER BY t.id");
    let mut stmt = s.conn.prepare(&sql).unwrap();
    let p = s.params(&f, today);
    let named = present(&stmt, p.named()).unwrap();
    let ids = stmt.query_map(named.as_slice(), |r| r.get(0)).unwrap();
    ids.collect::<rusqlite::Result<_>>().unwrap()
}

/// The ids the ledger's text filter finds, in id order.
fn searched(s: &Store, q: &str, today: NaiveDate) -> Vec<i64> {
    let mut ids = task_ids(&s.tasks(&text_filter(q), today).unwrap());
    ids.sort();
    ids
}

#[test]
fn the_index_finds_what_a_substring_search_finds() {
    let today = d("2026-11-25");
    let mut s = demo_store("2026-11-25");
    let some = s.tasks(&TaskFilter::default(), today).unwrap();
    // Words from the county's own text, unit names and topics, of every length.
    let mut queries: Vec<String> = vec!["镇".into(), "上塘".into(), "stz".into(), "s".into()];
    for r in some.iter().step_by(97).take(6) {
        let text: Vec<char> = r.text.chars().collect();
        queries.push(text[..2.min(text.len())].iter().collect());
        queries.push(text[1..5.min(text.len())].iter().collect());
        queries.extend(
            r.meeting_topic
                .iter()
                .map(|t| t.chars().skip(1).take(3).collect()),
        );
    }
    // Punctuation alone (no index), a quote, digits, a miss.
    queries.extend(["（", "\"", "2026", "不存在的词"].map(String::from));
    let mut found = 0;
    // From the indexes, and (every search broad) walking the ledger.
    for broad in [crate::store::tasks::text::BROAD, 20] {
        s.set_broad(broad);
        for q in &queries {
            let want = by_substring(&s, q, today);
            assert_eq!(searched(&s, q, today), want, "query {q:?}");
            let f = text_filter(q);
            assert_eq!(s.task_count(&f, today).unwrap(), want.len());
            match s.task_count_upto(&f, today, 30).unwrap() {
                Some(n) => assert_eq!(n, want.len(), "{q:?}"),
                None => assert!(want.len() > 30 && !s.plan(&f, today).unwrap().text_index),
            }
            found += usize::from(!want.is_empty());
        }
    }
    assert!(found > queries.len(), "most queries find something");
}

#[test]
fn a_broad_search_is_read_walking_the_ledger_and_a_narrow_one_from_the_indexes() {
    let today = d("2026-11-25");
    let mut s = demo_store("2026-11-25");
    s.set_broad(20);
    let f = text_filter("镇");
    assert!(
        !s.plan(&f, today).unwrap().text_index,
        "镇 is in most tasks"
    );
    let f = text_filter("不存在的词");
    assert!(s.plan(&f, today).unwrap().text_index);
    assert!(
        !s.plan(&text_filter("——"), today).unwrap().text_index,
        "no phrase to look up"
    );
    // Windows of a broad search are the rows of the whole list.
    let f = text_filter("镇");
    let all = task_ids(&s.tasks(&f, today).unwrap());
    assert!(all.len() > 40);
    let window = TaskFilter {
        offset: 10,
        limit: Some(15),
        ..f
    };
    assert_eq!(task_ids(&s.tasks(&window, today).unwrap()), all[10..25]);
}

#[test]
fn a_texts_breadth_is_remembered_until_the_next_write() {
    let today = d("2026-11-25");
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    for _ in 0..3 {
        task(&mut s, m, Limit::Default);
    }
    let f = text_filter("管网");
    let narrow = |s: &Store| s.plan(&f, today).unwrap().text_index;
    // Three candidates: narrow up to a bound of three.
    s.set_broad(3);
    assert!(narrow(&s));
    s.set_broad(2);
    assert!(!narrow(&s));
    s.set_broad(3);
    assert!(narrow(&s));
    assert!(narrow(&s), "asked again: remembered");
    // A fourth: the write forgets what was remembered.
    task(&mut s, m, Limit::Default);
    assert!(!narrow(&s));
    assert_eq!(s.task_count(&f, today).unwrap(), 4);
}

#[test]
fn edits_and_undo_keep_the_index_in_step() {
    let today = d("2026-11-25");
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    assert_eq!(searched(&s, "管网", today), [t]);
    assert_eq!(searched(&s, "wcgw", today), [t], "initials");
    assert_eq!(searched(&s, "引水", today), [t], "a topic of its meeting");
    // No phrase spans two topics (瓯江引水, 城区供水).
    assert!(searched(&s, "水城", today).is_empty());
    let version = s.task_row(t, today).unwrap().version;
    s.update_task(
        t,
        version,
        crate::store::NewTask {
            meeting_id: m,
            text: "清理河道淤泥".into(),
            lead_unit: "上塘镇".into(),
            co_units: vec![],
            leader: None,
            limit: Limit::Default,
        },
    )
    .unwrap();
    assert!(searched(&s, "管网", today).is_empty());
    assert_eq!(searched(&s, "河道", today), [t]);
    assert_eq!(searched(&s, "qlhd", today), [t]);
    s.undo_last().unwrap();
    assert_eq!(searched(&s, "管网", today), [t]);
    assert!(searched(&s, "河道", today).is_empty());
    // The meeting's topics: the old one gone, the new one found.
    let meeting = s.meeting_detail(m, today).unwrap();
    let plan = NewMeeting {
        topics: vec!["农村公路".into()],
        chair: Some("李副县长".into()),
        date: Some(d("2026-11-02")),
        notice_date: Some(d("2026-10-30")),
        units: vec!["上塘镇".into(), "县财政局".into()],
        ..NewMeeting::default()
    };
    s.update_meeting(m, meeting.meeting.version, plan, TODAY_FOR_EDITS)
        .unwrap();
    assert!(searched(&s, "引水", today).is_empty());
    assert_eq!(searched(&s, "公路", today), [t]);
    assert_eq!(searched(&s, "ncgl", today), [t]);
}
