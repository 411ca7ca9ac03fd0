//! The accountability chain as sequences (R5.5–R5.6): a missed promise is a fact, answered only
//! by a criticism or a waiver; what a criticism needs; and every figure that counts
//! criticism-due tasks agreeing after each step. Referrals (R5.7): `referrals.rs`.

use super::*;
use crate::domain::Period;
use crate::domain::promise::{Answer, Standing};

/// Takes a database back to before migration 12 (for migration tests), what the migrations after
/// it add (14) removed first.
pub(super) fn forget_migration_12(conn: &rusqlite::Connection) {
    super::ids::forget_migration_14(conn);
    // Dropping a column reads the schema again, triggers (and their search functions) included.
    crate::store::search::register(conn).unwrap();
    conn.execute_batch(
        "DROP TABLE waiver;
         DROP INDEX task_unanswered;
         DROP INDEX task_open_figures;
         CREATE INDEX task_open_figures ON task(completed_on, lead_unit_id, due_ord, due, limit_kind,
             last_progress_on, assigned_on, promised_on, criticised) WHERE completed_on IS NULL;
         ALTER TABLE task DROP COLUMN unanswered_promise;
         ALTER TABLE referral DROP COLUMN proposal_reason;
         ALTER TABLE referral DROP COLUMN approval;
         ALTER TABLE referral DROP COLUMN decision;
         DELETE FROM id_used WHERE tbl = 'waiver';",
    )
    .unwrap();
}

/// The county with a task of 上塘镇 due 2026-11-10, explained on 11-12 with a promise of 11-20.
fn promised() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut s) = fresh();
    let m = county(&mut s);
    let t = task(&mut s, m, Limit::Date(d("2026-11-10")));
    s.add_explanation(
        t,
        d("2026-11-12"),
        d("2026-11-20"),
        Some("资金未到位".into()),
    )
    .unwrap();
    (dir, s, t)
}

fn state(s: &Store, t: i64, today: &str) -> TaskState {
    s.task_row(t, d(today)).unwrap().state
}

fn not_due(r: Result<i64>) -> Standing {
    match r {
        Err(StoreError::Invalid(Invalid::NotCriticismDue { standing, .. })) => standing,
        other => panic!("{other:?}"),
    }
}

/// What each view counts on `today`: `check`'s 应通报批评, the ledger filtered by that state, the
/// overview's figure, and the missed promises of 上塘镇 in November in `report units`.
fn figures(s: &Store, today: &str) -> (i64, usize, i64, i64) {
    let today = d(today);
    let filter = TaskFilter {
        state: Some(TaskState::CriticismDue),
        ..TaskFilter::default()
    };
    let ledger = s.tasks(&filter, today).unwrap().len();
    assert_eq!(s.task_count(&filter, today).unwrap(), ledger);
    let november = Period::new(d("2026-11-01"), d("2026-11-30")).unwrap();
    let missed = s
        .report(november, today)
        .unwrap()
        .units
        .iter()
        .find(|u| u.unit == "上塘镇")
        .map_or(0, |u| u.promises_missed);
    (
        s.check(today).unwrap().criticism_due,
        ledger,
        s.overview(today).unwrap().criticisms_due,
        missed,
    )
}

#[test]
fn r5_6_second_promise_does_not_erase_missed_one() {
    let (_dir, mut s, t) = promised();
    assert_eq!(state(&s, t, "2026-11-20"), TaskState::Promised);
    assert_eq!(state(&s, t, "2026-11-23"), TaskState::CriticismDue);
    // A new explanation with a later promise: the first promise stays missed.
    s.add_explanation(t, d("2026-11-24"), d("2026-12-04"), None)
        .unwrap();
    let row = s.task_row(t, d("2026-11-25")).unwrap();
    assert_eq!(row.state, TaskState::CriticismDue);
    assert_eq!(
        row.promised_on,
        Some(d("2026-12-04")),
        "the promise in force"
    );
    assert_eq!(row.unanswered_promise, Some(d("2026-11-20")));
    assert_eq!(
        s.criticism_standing(t, d("2026-11-25")).unwrap(),
        Standing::Due(d("2026-11-20"))
    );
}

#[test]
fn r5_6_late_completion_does_not_erase_missed_promise() {
    let (_dir, mut s, t) = promised();
    s.complete_task(t, d("2026-11-24"), None, None).unwrap();
    let row = s.task_row(t, d("2026-11-25")).unwrap();
    assert_eq!(row.light, Light::Done, "the light stays done");
    assert_eq!(row.state, TaskState::CriticismDue);
    // Criticising it is allowed; then it is done.
    criticise(&mut s, "2026-11-25", vec![t]).unwrap();
    assert_eq!(state(&s, t, "2026-11-26"), TaskState::Done);
    // A promise kept is no miss: done on the promised day.
    let (_dir, mut s, t) = promised();
    s.complete_task(t, d("2026-11-20"), None, None).unwrap();
    assert_eq!(state(&s, t, "2026-11-25"), TaskState::Done);
    assert_eq!(
        s.task_row(t, d("2026-11-25")).unwrap().unanswered_promise,
        None
    );
    assert!(matches!(
        criticise(&mut s, "2026-11-25", vec![t]),
        Err(StoreError::Invalid(Invalid::AlreadyDone(_)))
    ));
}

#[test]
fn r5_6_criticism_then_new_missed_promise_due_again() {
    let (_dir, mut s, t) = promised();
    let first = criticise(&mut s, "2026-11-23", vec![t]).unwrap();
    assert_eq!(state(&s, t, "2026-11-24"), TaskState::Criticised);
    // The same miss is not criticised twice.
    assert_eq!(
        not_due(criticise(&mut s, "2026-11-24", vec![t])),
        Standing::Answered(crate::domain::promise::Answered {
            date: d("2026-11-23"),
            by: Answer::Criticism(first),
        })
    );
    s.add_explanation(t, d("2026-11-24"), d("2026-11-27"), None)
        .unwrap();
    assert_eq!(state(&s, t, "2026-11-26"), TaskState::Promised);
    assert_eq!(
        not_due(criticise(&mut s, "2026-11-26", vec![t])),
        Standing::Answered(crate::domain::promise::Answered {
            date: d("2026-11-23"),
            by: Answer::Criticism(first),
        }),
        "the new promise is not missed yet: the old one is answered"
    );
    assert_eq!(state(&s, t, "2026-11-30"), TaskState::CriticismDue);
    criticise(&mut s, "2026-11-30", vec![t]).unwrap();
    assert_eq!(state(&s, t, "2026-12-01"), TaskState::Criticised);
}

#[test]
fn r5_6_waiver_with_reason_answers_the_miss() {
    let (_dir, mut s, t) = promised();
    let n = audit_count(&s);
    assert!(matches!(
        s.add_waiver(t, d("2026-11-23"), "  "),
        Err(StoreError::Invalid(Invalid::WaiverNeedsReason))
    ));
    // Not before the promise has passed.
    assert_eq!(
        not_due(s.add_waiver(t, d("2026-11-20"), "已整改")),
        Standing::PromiseAhead(d("2026-11-20"))
    );
    assert_eq!(audit_count(&s), n, "nothing written");
    let w = s.add_waiver(t, d("2026-11-23"), " 已整改到位 ").unwrap();
    let detail = s.task_detail(t, d("2026-11-24")).unwrap();
    assert_eq!(detail.waivers.len(), 1);
    assert_eq!(detail.waivers[0].reason, "已整改到位");
    assert_eq!(detail.waivers[0].date, d("2026-11-23"));
    assert_eq!(detail.row.unanswered_promise, None);
    assert_ne!(detail.row.state, TaskState::CriticismDue);
    // Answered: neither a criticism nor a second waiver for the same miss.
    let answered = Standing::Answered(crate::domain::promise::Answered {
        date: d("2026-11-23"),
        by: Answer::Waiver(w),
    });
    assert_eq!(not_due(criticise(&mut s, "2026-11-24", vec![t])), answered);
    assert_eq!(not_due(s.add_waiver(t, d("2026-11-24"), "再议")), answered);
    // Undone: due again.
    assert_eq!(s.undo_last().unwrap().entity, Entity::Waiver);
    assert_eq!(state(&s, t, "2026-11-24"), TaskState::CriticismDue);
    assert!(s.check(d("2026-11-24")).unwrap().counts_kept == "ok");
}

#[test]
fn r5_6_criticise_needs_a_document_number_and_a_task_whose_promise_was_missed() {
    let (_dir, mut s, t) = promised();
    let m = s.task(t).unwrap().meeting_id;
    let new = |date: &str, doc: Option<&str>, tasks: Vec<i64>| NewCriticism {
        unit: "上塘镇".into(),
        date: d(date),
        doc_no: doc.map(str::to_string),
        reason: None,
        task_ids: tasks,
        force: false,
    };
    let n = audit_count(&s);
    assert!(matches!(
        s.add_criticism(new("2026-11-23", Some(" "), vec![t])),
        Err(StoreError::Invalid(Invalid::CriticismNeedsDocNo))
    ));
    assert!(matches!(
        s.add_criticism(new("2026-11-23", Some("1号"), vec![])),
        Err(StoreError::Invalid(Invalid::CriticismNeedsTask))
    ));
    // The promise still ahead, and a task past its limit with no promise at all.
    assert_eq!(
        not_due(s.add_criticism(new("2026-11-20", Some("1号"), vec![t]))),
        Standing::PromiseAhead(d("2026-11-20"))
    );
    let bare = task(&mut s, m, Limit::Date(d("2026-11-10")));
    let n = n + 1;
    assert_eq!(
        not_due(s.add_criticism(new("2026-11-23", Some("1号"), vec![t, bare]))),
        Standing::NoPromise
    );
    assert_eq!(audit_count(&s), n, "nothing written");
    // Insisted on, it needs the reason; then it is stored with it, and the notice says what
    // happened to each task.
    let insist = NewCriticism {
        force: true,
        ..new("2026-11-23", Some("永考绩办〔2026〕7号"), vec![t, bare])
    };
    assert!(matches!(
        s.add_criticism(insist.clone()),
        Err(StoreError::Invalid(Invalid::InsistNeedsReason))
    ));
    let c = s
        .add_criticism(NewCriticism {
            reason: Some("未作书面说明，经研究一并通报".into()),
            ..insist
        })
        .unwrap();
    let row = s.criticism(c).unwrap();
    assert_eq!(row.criticism.doc_no.as_deref(), Some("永考绩办〔2026〕7号"));
    assert_eq!(
        row.criticism.reason.as_deref(),
        Some("未作书面说明，经研究一并通报")
    );
    assert_eq!(row.criticism.task_ids, vec![t, bare]);
    assert_eq!(
        s.notice_fact(t, d("2026-11-23")).unwrap(),
        crate::domain::NoticeFact::PromiseMissed(d("2026-11-20"))
    );
    assert_eq!(
        s.notice_fact(bare, d("2026-11-23")).unwrap(),
        crate::domain::NoticeFact::NoExplanation
    );
}

#[test]
fn r5_6_check_ledger_overview_and_report_agree_after_each_step() {
    let (_dir, mut s, t) = promised();
    assert_eq!(figures(&s, "2026-11-20"), (0, 0, 0, 0), "not missed yet");
    assert_eq!(figures(&s, "2026-11-23"), (1, 1, 1, 1), "missed");
    s.add_explanation(t, d("2026-11-24"), d("2026-12-04"), None)
        .unwrap();
    assert_eq!(figures(&s, "2026-11-25"), (1, 1, 1, 1), "a second promise");
    s.complete_task(t, d("2026-11-26"), None, None).unwrap();
    assert_eq!(figures(&s, "2026-11-27"), (1, 1, 1, 1), "done late");
    assert_eq!(
        s.task_light_counts(&TaskFilter::default(), d("2026-11-27"))
            .unwrap(),
        vec![(Light::Done, 1)]
    );
    criticise(&mut s, "2026-11-27", vec![t]).unwrap();
    assert_eq!(
        figures(&s, "2026-11-30"),
        (0, 0, 0, 1),
        "criticised: no longer due, the miss still a fact"
    );
    s.undo_last().unwrap();
    assert_eq!(
        figures(&s, "2026-11-30"),
        (1, 1, 1, 1),
        "the criticism undone"
    );
    s.add_waiver(t, d("2026-11-27"), "已完成整改").unwrap();
    assert_eq!(figures(&s, "2026-11-30"), (0, 0, 0, 1), "waived");
    assert_eq!(s.check(d("2026-11-30")).unwrap().counts_kept, "ok");
}

#[test]
fn r5_6_the_chain_follows_every_write_and_undo_and_check_recounts_it() {
    let (_dir, mut s, t) = promised();
    let due = |s: &Store| s.task_row(t, d("2026-11-30")).unwrap().unanswered_promise;
    assert_eq!(due(&s), Some(d("2026-11-20")));
    s.complete_task(t, d("2026-11-19"), None, None).unwrap();
    assert_eq!(due(&s), None, "kept");
    s.undo_last().unwrap();
    assert_eq!(due(&s), Some(d("2026-11-20")), "the completion undone");
    s.undo_last().unwrap();
    assert_eq!(due(&s), None, "the explanation undone");
    assert_eq!(s.task_row(t, d("2026-11-30")).unwrap().promised_on, None);
    // A column changed behind the store's back is named by check.
    s.add_explanation(t, d("2026-11-12"), d("2026-11-20"), None)
        .unwrap();
    assert_eq!(s.check(d("2026-11-30")).unwrap().counts_kept, "ok");
    s.conn
        .execute("UPDATE task SET unanswered_promise = NULL", [])
        .unwrap();
    assert_eq!(
        s.check(d("2026-11-30")).unwrap().counts_kept,
        format!("task {t}")
    );
}

#[test]
fn r5_6_migration_12_counts_the_missed_promises_already_there() {
    let (dir, mut s, t) = promised();
    let other = missed_promise(&mut s, "2026-11-25");
    criticise(&mut s, "2026-11-25", vec![other]).unwrap();
    drop(s);
    let path = dir.path().join("t.db");
    let old = rusqlite::Connection::open(&path).unwrap();
    forget_migration_12(&old);
    old.execute_batch("PRAGMA user_version = 11").unwrap();
    drop(old);
    let s = Store::open(&path, Thresholds::default()).unwrap();
    assert_eq!(
        s.task_row(t, d("2026-11-30")).unwrap().unanswered_promise,
        Some(d("2026-11-20"))
    );
    assert_eq!(state(&s, other, "2026-11-30"), TaskState::Criticised);
    assert_eq!(s.check(d("2026-11-30")).unwrap().counts_kept, "ok");
}

#[test]
fn r5_6_a_criticised_tasks_lead_unit_cannot_be_changed() {
    let (_dir, mut s, t) = promised();
    let m = s.task(t).unwrap().meeting_id;
    let edit = |lead: &str, text: &str| NewTask {
        meeting_id: m,
        text: text.into(),
        lead_unit: lead.into(),
        co_units: vec![],
        leader: None,
        limit: Limit::Date(d("2026-11-10")),
    };
    // Moved to 县财政局 and back before any criticism: allowed.
    let v = s.task(t).unwrap().version;
    s.update_task(t, v, edit("县财政局", "完成管网改造"))
        .unwrap();
    s.update_task(t, v + 1, edit("上塘镇", "完成管网改造"))
        .unwrap();
    criticise(&mut s, "2026-11-23", vec![t]).unwrap();
    let n = audit_count(&s);
    let v = s.task(t).unwrap().version;
    match s.update_task(t, v, edit("县财政局", "完成管网改造")) {
        Err(StoreError::Invalid(Invalid::CriticisedLeadFixed { task, unit })) => {
            assert_eq!((task, unit.as_str()), (t, "上塘镇"));
        }
        other => panic!("{other:?}"),
    }
    // Other fields still change.
    s.update_task(t, v, edit("上塘镇", "完成管网改造一期"))
        .unwrap();
    assert_eq!(audit_count(&s), n + 1);
    assert_eq!(
        s.task(t).unwrap().lead_unit_id,
        s.unit_by_name("上塘镇").unwrap().id
    );
}
