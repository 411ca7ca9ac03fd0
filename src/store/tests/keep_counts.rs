//! The counts the writes keep (migration 7) follow every write, and the units' figures read from
//! them equal those counted task by task for the day.

use super::*;

#[test]
fn kept_counts_follow_completion_undo_and_a_moved_limit() {
    let today = d("2026-11-25");
    let mut s = demo_store("2026-11-25");
    let agree = |s: &Store| {
        assert!(s.kept_counts_differ().unwrap().is_empty());
        assert_eq!(
            s.unit_counts_kept(None, today).unwrap(),
            s.unit_counts_for_day(None, today).unwrap()
        );
    };
    agree(&s);
    let red = TaskFilter {
        light: Some(Light::Red),
        limit: Some(2),
        ..TaskFilter::default()
    };
    let open = s.tasks(&red, today).unwrap();
    s.complete_task(open[0].id, today, None, None).unwrap();
    agree(&s);
    s.undo_last().unwrap();
    agree(&s);
    // Completed before its limit: on time.
    s.complete_task(open[1].id, d("2026-11-20"), None, None)
        .unwrap();
    agree(&s);
    // A done task's limit moved before its completion: no longer on time.
    let done = s
        .tasks(
            &TaskFilter {
                light: Some(Light::Done),
                limit: Some(1),
                ..TaskFilter::default()
            },
            today,
        )
        .unwrap()
        .remove(0);
    let edit = NewTask {
        meeting_id: done.meeting_id,
        text: done.text.clone(),
        lead_unit: done.lead_unit.clone(),
        co_units: done.co_units.clone(),
        leader: done.leader.clone(),
        limit: Limit::Date(done.meeting_date),
    };
    s.update_task(done.id, done.version, edit).unwrap();
    agree(&s);
    s.undo_last().unwrap();
    agree(&s);
    // A count out of step is reported.
    s.conn
        .execute(
            "UPDATE unit_count SET tasks = tasks + 1 WHERE unit_id = ?1",
            [done.lead_unit_id],
        )
        .unwrap();
    assert_eq!(s.kept_counts_differ().unwrap(), [done.lead_unit_id]);
    assert_ne!(s.check(today).unwrap().counts_kept, "ok");
}
