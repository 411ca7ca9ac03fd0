//! Issue 18 point 2: an undo that removes a record asks first, naming it; an undo of an edit goes
//! straight through and says what it undid; `Ctrl-R` makes it again until a new change.

use super::super::super::harness::Harness;
use super::super::super::model::Status;
use super::*;

fn demo(lang: Lang) -> Harness {
    Harness::demo(lang, day("2026-11-25"), 80, 24).unwrap()
}

fn status(h: &Harness) -> String {
    match &h.model.status {
        Some(Status::Info(s) | Status::Error(s)) => s.clone(),
        None => String::new(),
    }
}

fn progress(h: &Harness, task: i64) -> Vec<String> {
    let d = h.store.task_detail(task, day("2026-11-25")).unwrap();
    d.progress.iter().map(|p| p.text.clone()).collect()
}

#[test]
fn tui_undo_that_removes_a_record_asks_first_naming_it_and_n_keeps_it() {
    let mut h = demo(Lang::Zh);
    h.keys("2");
    let t = h.model.tasks.selected.unwrap();
    let before = progress(&h, t).len();
    h.keys("p<Tab>已协调资金到位<C-s>");
    assert_eq!(progress(&h, t).len(), before + 1);
    h.keys("u");
    let text = h.text();
    assert!(
        text.contains("撤销将删除进展报告 #") && text.contains("「已协调资金到位」，确定？ y/n"),
        "{text}"
    );
    // Other keys wait for the answer.
    h.keys("jd");
    assert!(h.model.ask.is_some() && h.model.form.is_none());
    h.keys("n");
    assert_eq!(status(&h), "未撤销。");
    assert_eq!(progress(&h, t).len(), before + 1);
    h.keys("uy");
    assert_eq!(progress(&h, t).len(), before);
    assert!(
        status(&h).starts_with("已撤销：删除了进展报告 #"),
        "{}",
        status(&h)
    );
    assert!(status(&h).ends_with("（Ctrl-R 重做）"), "{}", status(&h));
    assert!(h.text().contains("Ctrl-R 重做"), "the footer offers redo");
}

#[test]
fn tui_undo_of_an_edit_goes_straight_through_and_redo_makes_it_again() {
    let mut h = demo(Lang::En);
    h.keys("2");
    let id = (0..h.model.tasks.rows.len())
        .filter_map(|i| h.model.tasks.row(i))
        .find(|r| r.completed_on.is_none())
        .unwrap()
        .id;
    h.model.marked.insert(id);
    h.keys("d<C-s>");
    assert!(h.store.task(id).unwrap().completed_on.is_some());
    h.keys("u");
    assert!(h.model.ask.is_none(), "an edit is undone without asking");
    assert!(h.store.task(id).unwrap().completed_on.is_none());
    assert_eq!(
        status(&h),
        format!("Undone: task #{id} is as it was before (Ctrl-R redoes)")
    );
    h.keys("<C-r>");
    assert_eq!(status(&h), format!("Redone: task #{id}"));
    assert_eq!(
        h.store.task(id).unwrap().completed_on,
        Some(day("2026-11-25"))
    );
    // A new change ends what can be redone.
    h.keys("u");
    h.keys("p<Tab>on track<C-s>");
    h.keys("<C-r>");
    assert!(status(&h).starts_with("nothing to redo"), "{}", status(&h));
    assert!(h.store.task(id).unwrap().completed_on.is_none());
}

#[test]
fn tui_undo_asks_in_english_too() {
    let mut h = demo(Lang::En);
    h.keys("2p<Tab>started<C-s>u");
    let text = h.text();
    assert!(
        text.contains("Undo deletes progress report #")
            && text.contains("\"started\". Go ahead? y/n"),
        "{text}"
    );
    h.keys("<Esc>");
    assert_eq!(status(&h), "Nothing undone.");
}

#[test]
fn tui_undo_a_step_on_marked_tasks_is_undone_and_redone_as_one() {
    let mut h = demo(Lang::Zh);
    h.keys("2");
    let ids: Vec<i64> = (0..3).map(|i| h.model.tasks.row(i).unwrap().id).collect();
    let before: Vec<usize> = ids.iter().map(|t| progress(&h, *t).len()).collect();
    h.keys("vvvp<Tab>三项同步推进<C-s>");
    let counts =
        |h: &Harness| -> Vec<usize> { ids.iter().map(|t| progress(h, *t).len()).collect() };
    assert_eq!(counts(&h), before.iter().map(|n| n + 1).collect::<Vec<_>>());
    h.keys("u");
    let text = h.text();
    assert!(text.contains("撤销将删除 3 项进展报告（#"), "{text}");
    h.keys("y");
    assert_eq!(counts(&h), before, "all three undone at once");
    assert!(
        status(&h).starts_with("已撤销：删除了进展报告 #"),
        "{}",
        status(&h)
    );
    h.keys("<C-r>");
    assert_eq!(counts(&h), before.iter().map(|n| n + 1).collect::<Vec<_>>());
    assert!(
        status(&h).starts_with("已重做：进展报告 #"),
        "{}",
        status(&h)
    );
    // Redone together, undone together again.
    h.keys("u");
    assert!(h.text().contains("撤销将删除 3 项进展报告"), "{}", h.text());
    h.keys("y");
    assert_eq!(counts(&h), before);
}
