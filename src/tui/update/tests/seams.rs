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
        // A first criticism of the unit this year (on another of its overdue tasks, insisted on).
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
        h.keys("2");
        h.model.marked.clear();
        h.model.marked.insert(other);
        h.keys("c<Tab>11号<Tab>会议通报<Tab> <C-s>");
        assert!(h.model.form.is_none(), "saved:\n{}", h.text());
        assert_eq!(status(&h), "已保存。", "a first criticism is only saved");
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

/// The marked tasks as the step's form lists them.
fn targets(h: &Harness) -> Vec<String> {
    h.model
        .form
        .as_ref()
        .map(|f| f.targets.clone())
        .unwrap_or_default()
}

#[test]
fn tui_marks_made_across_filters_are_all_acted_on_though_the_list_hides_some() {
    let mut h = Harness::demo(Lang::En, day("2026-11-25"), 80, 24).unwrap();
    h.keys("2r");
    let red = h.model.tasks.selected.unwrap();
    h.keys("v");
    // Another filter: the red task marked is no longer in the list.
    h.keys("Cg");
    let green = h.model.tasks.selected.unwrap();
    assert!(h.model.tasks.rows.iter().all(|r| r.id != red));
    h.keys("v");
    h.keys("d");
    assert!(h.model.form.is_some(), "{}\n{}", status(&h), h.text());
    let listed = targets(&h);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().any(|t| t.starts_with(&format!("#{red} "))));
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved:\n{}", h.text());
    for id in [red, green] {
        assert_eq!(
            h.store.task(id).unwrap().completed_on,
            Some(day("2026-11-25")),
            "task {id}"
        );
    }
}

#[test]
fn tui_marks_a_marked_task_scrolled_far_out_of_the_loaded_window_is_acted_on() {
    let mut h = Harness::demo(Lang::Zh, day("2026-11-25"), 80, 24).unwrap();
    h.keys("2");
    let first = h.model.tasks.selected.unwrap();
    h.keys("v");
    // The last open task of the ledger, far below the window loaded around the first.
    let last = h
        .store
        .tasks(&Default::default(), day("2026-11-25"))
        .unwrap()
        .into_iter()
        .rfind(|r| r.completed_on.is_none())
        .unwrap()
        .id;
    h.keys(&format!(":task {last}<Enter>"));
    assert_eq!(h.model.tasks.selected, Some(last));
    assert!(h.model.tasks.rows.iter().all(|r| r.id != first));
    h.keys("vp");
    assert_eq!(targets(&h).len(), 2, "{}\n{}", status(&h), h.text());
    h.keys("<Tab>已召开协调会<C-s>");
    assert!(h.model.form.is_none(), "saved:\n{}", h.text());
    for id in [first, last] {
        let d = h.store.task_detail(id, day("2026-11-25")).unwrap();
        assert!(
            d.progress.iter().any(|p| p.text == "已召开协调会"),
            "task {id}"
        );
    }
}
