//! Issue 18 point 1: marked tasks are visible (a mark column, the marked style, the symbol under
//! NO_COLOR and --ascii), the count stays on the status line while any are marked, `V` or `Esc`
//! clears them saying so, `C` keeps them saying so, a step on several lists its tasks and writes
//! all of them.

use super::super::super::harness::Harness;
use super::super::super::model::Status;
use super::*;

fn demo(lang: Lang, w: u16, h: u16) -> Harness {
    Harness::demo(lang, day("2026-11-25"), w, h).unwrap()
}

fn status(h: &Harness) -> String {
    match &h.model.status {
        Some(Status::Info(s) | Status::Error(s)) => s.clone(),
        None => String::new(),
    }
}

/// The ledger's rows on screen that carry the mark.
fn marked_rows(text: &str, symbol: &str) -> usize {
    text.lines()
        .filter(|l| l.starts_with(&format!("│{symbol}")) || l.starts_with(&format!("|{symbol}")))
        .count()
}

#[test]
fn tui_marks_marked_rows_show_a_mark_column_and_the_count_stays_until_v_clears_them() {
    let mut h = demo(Lang::Zh, 80, 24);
    h.keys("2");
    assert!(
        !h.text().contains('■'),
        "no mark column before anything is marked"
    );
    let first = h.model.tasks.selected.unwrap();
    h.keys("vv");
    let second = h.model.tasks.row(1).unwrap().id;
    assert_eq!(h.model.marked.iter().copied().collect::<Vec<_>>(), {
        let mut v = vec![first, second];
        v.sort();
        v
    });
    let text = h.text();
    assert_eq!(marked_rows(&text, "■"), 2, "{text}");
    assert!(text.contains("■ 已标记 2 项 · V 清除标记"), "{text}");
    // The count outlives the next keys.
    h.keys("jjk");
    assert!(
        h.text().contains("已标记 2 项 · V 清除标记"),
        "{}",
        h.text()
    );
    h.keys("V");
    assert!(h.model.marked.is_empty());
    assert_eq!(status(&h), "已清除 2 项标记");
    let text = h.text();
    assert!(!text.contains('■') && !text.contains("已标记"), "{text}");
}

#[test]
fn tui_marks_esc_clears_the_marks_and_c_keeps_them_saying_so() {
    let mut h = demo(Lang::En, 80, 24);
    h.keys("2r");
    h.keys("vvv");
    assert_eq!(h.model.marked.len(), 3);
    // C clears the filter, not the marks: the user chose them across filters.
    h.keys("C");
    assert!(h.model.task_query.light.is_none());
    assert_eq!(h.model.marked.len(), 3);
    assert_eq!(status(&h), "filters cleared; 3 marks kept (V clears them)");
    assert!(
        h.text().contains("3 marked · V clears marks"),
        "{}",
        h.text()
    );
    h.keys("<Esc>");
    assert!(h.model.marked.is_empty());
    assert_eq!(status(&h), "3 marks cleared");
    // Esc without marks is no key on a list.
    h.keys("<Esc>");
    assert_eq!(status(&h), "3 marks cleared");
}

#[test]
fn tui_marks_the_mark_is_a_symbol_under_no_color_and_ascii() {
    let mut h = demo(Lang::Zh, 80, 24);
    h.model.theme = Theme {
        color: false,
        ascii: true,
    };
    h.keys("2jv");
    let text = h.text();
    assert_eq!(marked_rows(&text, "*"), 1, "{text}");
    assert!(text.contains("* 已标记 1 项"), "{text}");
    // Without colour the marked row's text is bold: style beside the symbol, never alone.
    let b = h.render();
    let row = (0..b.area.height)
        .find(|y| b[(1, *y)].symbol() == "*")
        .unwrap();
    assert_eq!(b[(1, row)].fg, ratatui::style::Color::Reset);
    assert!(
        b[(1, row)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
}

#[test]
fn tui_marks_a_step_on_several_lists_the_tasks_it_changes_and_scrolls_them() {
    let mut h = demo(Lang::Zh, 80, 24);
    h.keys("2");
    let ids: Vec<i64> = (0..8).map(|i| h.model.tasks.row(i).unwrap().id).collect();
    h.keys("vvvvvvvv");
    h.keys("p");
    let form = h.model.form.as_ref().unwrap();
    assert_eq!(form.targets.len(), 8);
    let text = h.text();
    assert!(text.contains("将对以下 8 项事项一并操作"), "{text}");
    let mut sorted = ids.clone();
    sorted.sort();
    assert!(text.contains(&format!("#{} ", sorted[0])), "{text}");
    assert!(!text.contains(&format!("#{} ", sorted[7])), "{text}");
    assert!(text.contains("共 8 项 · PgUp/PgDn 翻看"), "{text}");
    h.keys("<PgDn><PgDn>");
    let text = h.text();
    assert!(text.contains(&format!("#{} ", sorted[7])), "{text}");
}

#[test]
fn tui_marks_done_on_marked_tasks_is_stored_for_every_one_and_spends_the_marks() {
    let mut h = demo(Lang::Zh, 80, 24);
    h.keys("2");
    let open: Vec<i64> = (0..h.model.tasks.rows.len())
        .filter_map(|i| h.model.tasks.row(i))
        .filter(|r| r.completed_on.is_none())
        .map(|r| r.id)
        .take(2)
        .collect();
    for id in &open {
        h.model.marked.insert(*id);
    }
    h.keys("d<C-s>");
    assert_eq!(h.model.form.as_ref().map(|f| f.error.clone()), None);
    for id in &open {
        let t = h.store.task(*id).unwrap();
        assert_eq!(t.completed_on, Some(day("2026-11-25")), "task {id}");
    }
    assert!(h.model.marked.is_empty());
}
