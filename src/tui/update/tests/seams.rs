//! Seams found walking the app as a clerk: what a step says it did is what it did.

use super::super::super::harness::Harness;
use super::super::super::model::Status;
use super::*;

fn status(h: &Harness) -> String {
    match &h.model.status {
        Some(Status::Info(s) | Status::Error(s)) => s.clone(),
        None => String::new(),
    }
}

/// Criticises `task` from the ledger (marked, `c`, a document number, saved).
fn criticise(h: &mut Harness, task: i64, doc: &str) {
    h.keys("2");
    h.model.marked.clear();
    h.model.marked.insert(task);
    h.keys(&format!("c<Tab>{doc}<C-s>"));
    assert!(h.model.form.is_none(), "saved:\n{}", h.text());
}

/// A task whose criticism is due, of a unit due for referral (`due`) or not.
fn criticism_due_task(h: &Harness, due: bool) -> Option<(i64, String)> {
    let units = h.store.unit_rows(h.model.today).unwrap();
    h.store
        .tasks(&Default::default(), h.model.today)
        .unwrap()
        .into_iter()
        .filter(|t| t.state == crate::domain::TaskState::CriticismDue)
        .find(|t| {
            units
                .iter()
                .any(|u| u.name == t.lead_unit && u.referral_due == due)
        })
        .map(|t| (t.id, t.lead_unit))
}

#[test]
fn r5_7_a_criticism_of_a_unit_already_due_for_referral_does_not_say_it_now_has_two() {
    let mut h = Harness::demo(Lang::En, day("2026-12-04"), 160, 48).unwrap();
    let (task, unit) = criticism_due_task(&h, true).expect("the demo has one");
    criticise(&mut h, task, "No. 12");
    let s = status(&h);
    assert!(!s.contains("now has 2 criticisms"), "{s}");
    assert!(
        s.contains(&format!("{unit} was already due for referral (R5.7)")),
        "{s}"
    );
}

#[test]
fn r5_7_the_criticism_that_makes_a_unit_due_for_referral_says_so() {
    let mut h = Harness::demo(Lang::Zh, day("2026-12-04"), 160, 48).unwrap();
    let (task, unit) = criticism_due_task(&h, false).expect("the demo has one");
    let rows = h.store.unit_rows(h.model.today).unwrap();
    if rows
        .iter()
        .any(|u| u.name == unit && u.criticisms_rolling_year == 0)
    {
        // A first criticism of the unit this year (on another of its tasks, insisted on).
        let other = h
            .store
            .tasks(&Default::default(), h.model.today)
            .unwrap()
            .into_iter()
            .find(|t| {
                t.lead_unit == unit && t.id != task && t.working_days_left.is_some_and(|d| d < 0)
            })
            .unwrap()
            .id;
        h.store
            .add_criticism(crate::store::NewCriticism {
                unit: unit.clone(),
                date: day("2026-12-01"),
                doc_no: Some("11号".into()),
                reason: Some("会议通报".into()),
                task_ids: vec![other],
                force: true,
            })
            .unwrap();
    }
    criticise(&mut h, task, "12号");
    let s = status(&h);
    assert!(
        s.contains(&format!("{unit} 一年内已被通报批评2次，应移送监察（R5.7）")),
        "{s}"
    );
}

#[test]
fn form_a_field_too_long_is_said_once_when_the_save_refuses_it() {
    let mut h = Harness::demo(Lang::En, day("2026-12-04"), 160, 48).unwrap();
    let (task, _) = criticism_due_task(&h, true).expect("the demo has one");
    h.keys("2");
    h.model.marked.insert(task);
    let doc = "永考绩办通〔2026〕第一百二十三号关于上塘镇重点项目政策处理工作推进不力情况的通报批评决定书";
    h.keys(&format!("c<Tab>{doc}{doc}"));
    let said = |h: &Harness| h.text().matches("the document number is too long").count();
    assert_eq!(
        said(&h),
        1,
        "said beside the field as it is typed:\n{}",
        h.text()
    );
    h.keys("<C-s>");
    assert!(h.model.form.is_some(), "refused");
    assert_eq!(said(&h), 1, "said once, as the refusal:\n{}", h.text());
}
