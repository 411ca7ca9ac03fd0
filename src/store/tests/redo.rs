//! Redo (issue 18 point 2) and the triage steps on several tasks at once (point 1): a redo makes
//! again what the user's last undo reverted, until a new change of theirs; a redo that cannot
//! apply says why; `peek_undo` says whether an undo removes a record; a step on several tasks
//! writes all or none.

use super::*;

fn progress_count(s: &Store, task: i64) -> usize {
    s.task_detail(task, d("2026-11-25")).unwrap().progress.len()
}

#[test]
fn r_redo_makes_again_what_was_undone_newest_first_and_a_new_change_ends_it() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    s.add_progress(t, d("2026-11-03"), "筹备").unwrap();
    s.add_progress(t, d("2026-11-04"), "已开工").unwrap();
    s.undo_last().unwrap();
    s.undo_last().unwrap();
    assert_eq!(progress_count(&s, t), 0);
    // Redo goes back the way undo came: 筹备 first, then 已开工.
    s.redo_last().unwrap();
    let texts = |s: &Store| -> Vec<String> {
        let detail = s.task_detail(t, d("2026-11-25")).unwrap();
        detail.progress.iter().map(|p| p.text.clone()).collect()
    };
    assert_eq!(texts(&s), ["筹备"]);
    s.redo_last().unwrap();
    assert_eq!(texts(&s), ["筹备", "已开工"]);
    assert!(matches!(
        s.redo_last(),
        Err(StoreError::Invalid(Invalid::NothingToRedo))
    ));
    // Undo again, then a new change: nothing is left to redo.
    s.undo_last().unwrap();
    s.add_progress(t, d("2026-11-05"), "过半").unwrap();
    assert!(matches!(
        s.redo_last(),
        Err(StoreError::Invalid(Invalid::NothingToRedo))
    ));
    assert_eq!(texts(&s), ["筹备", "过半"]);
}

#[test]
fn r_a_redo_whose_meeting_is_gone_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, Thresholds::default()).unwrap();
    a.fix_audit_clock("张三", "2026-11-03T09:00:00+08:00");
    county(&mut a);
    let m = a
        .add_meeting(NewMeeting {
            topics: vec!["专项督办".into()],
            date: Some(d("2026-11-03")),
            units: vec!["上塘镇".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    let mut b = Store::open(&path, Thresholds::default()).unwrap();
    b.fix_audit_clock("王五", "2026-11-03T10:00:00+08:00");
    let t = task(&mut b, m, Limit::Default);
    b.undo_last().unwrap();
    // 张三 undoes his meeting, which no task holds any more.
    a.undo_last().unwrap();
    match b.redo_last() {
        Err(StoreError::Invalid(Invalid::CannotRedo {
            entity,
            id,
            missing,
        })) => {
            assert_eq!(
                (entity, id, missing),
                (Entity::Task, t.to_string(), Entity::Meeting)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn r_peek_says_whether_an_undo_removes_a_record_and_names_it() {
    let (_dir, mut s) = fresh();
    assert_eq!(s.peek_undo().unwrap(), None);
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Default);
    s.add_progress(t, d("2026-11-04"), "已开工").unwrap();
    let p = s.peek_undo().unwrap().unwrap();
    assert!(p.removes);
    assert_eq!(
        (p.entity, p.label.as_deref()),
        (Entity::Progress, Some("已开工"))
    );
    s.complete_task(t, d("2026-11-20"), None, None).unwrap();
    let p = s.peek_undo().unwrap().unwrap();
    assert!(!p.removes, "undoing a completion removes nothing");
    assert_eq!((p.entity, p.entity_id), (Entity::Task, t.to_string()));
    // The undo asked about is the one made, or none.
    let other = p.audit_id - 1;
    assert!(matches!(
        s.undo_expecting(Some(other)),
        Err(StoreError::Invalid(Invalid::UndoMoved))
    ));
    let u = s.undo_expecting(Some(p.audit_id)).unwrap();
    assert!(!u.removed);
}

#[test]
fn r5_a_step_on_several_tasks_writes_all_or_none() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let ids: Vec<i64> = (0..3).map(|_| task(&mut s, m, Limit::Default)).collect();
    s.complete_task(ids[2], d("2026-11-10"), None, None)
        .unwrap();
    let n = audit_count(&s);
    // One task already done: none of the three is completed.
    let all: Vec<(i64, Option<i64>)> = ids.iter().map(|id| (*id, None)).collect();
    assert!(matches!(
        s.complete_tasks(&all, d("2026-11-20"), None),
        Err(StoreError::Invalid(Invalid::AlreadyDone(id))) if id == ids[2]
    ));
    assert!(s.task(ids[0]).unwrap().completed_on.is_none());
    assert_eq!(audit_count(&s), n);
    // A report dated after one task was done: no task gets it.
    assert!(s.add_progress_to(&ids, d("2026-11-15"), "推进中").is_err());
    assert!(ids.iter().all(|t| progress_count(&s, *t) == 0));
    assert_eq!(audit_count(&s), n);
    // The two open tasks: each gets it, as typed, with an audit row of its own.
    let made = s
        .add_progress_to(&ids[..2], d("2026-11-09"), " 推进中 ")
        .unwrap();
    assert_eq!(made.len(), 2);
    for t in &ids[..2] {
        let detail = s.task_detail(*t, d("2026-11-25")).unwrap();
        assert_eq!(detail.progress[0].text, "推进中");
    }
    s.complete_tasks(&all[..2], d("2026-11-20"), Some("验收".into()))
        .unwrap();
    for t in &ids[..2] {
        let task = s.task(*t).unwrap();
        assert_eq!(task.completed_on, Some(d("2026-11-20")));
        assert_eq!(task.completion_note.as_deref(), Some("验收"));
    }
    assert_eq!(audit_count(&s), n + 4);
}

#[test]
fn r5_a_step_on_several_tasks_is_undone_and_redone_as_one() {
    let (_dir, mut s) = fresh();
    let m = county(&mut s);
    let ids: Vec<i64> = (0..3).map(|_| task(&mut s, m, Limit::Default)).collect();
    let made = s.add_progress_to(&ids, d("2026-11-09"), "推进中").unwrap();
    // The three reports, newest first; asked for fewer, fewer.
    let peeks = s.peek_undo_batch(3).unwrap();
    let keys: Vec<String> = peeks.iter().map(|p| p.entity_id.clone()).collect();
    let mut want: Vec<String> = made.iter().map(|id| id.to_string()).collect();
    want.reverse();
    assert_eq!(keys, want);
    assert!(
        peeks
            .iter()
            .all(|p| p.removes && p.entity == Entity::Progress)
    );
    assert_eq!(s.peek_undo_batch(2).unwrap().len(), 2);
    // A task added before them is not of the step: never more than the step's own rows.
    assert_eq!(s.peek_undo_batch(9).unwrap().len(), 3);
    let n = audit_count(&s);
    let undone = s
        .undo_batch(&peeks.iter().map(|p| p.audit_id).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(undone.len(), 3);
    assert!(ids.iter().all(|t| progress_count(&s, *t) == 0));
    assert_eq!(audit_count(&s), n + 3);
    let redone = s.redo_batch(3).unwrap();
    assert_eq!(redone.len(), 3);
    assert!(ids.iter().all(|t| progress_count(&s, *t) == 1));
    // A stale list is refused whole: nothing is undone.
    let stale = vec![peeks[0].audit_id, peeks[1].audit_id];
    assert!(matches!(
        s.undo_batch(&stale),
        Err(StoreError::Invalid(Invalid::UndoMoved))
    ));
    assert!(ids.iter().all(|t| progress_count(&s, *t) == 1));
}
