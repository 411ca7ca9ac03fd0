//! A viewer's TUI: no editing key is offered or does anything, and the store refuses the write
//! even when the screen is fooled into offering it.

use chrono::NaiveDate;
use duban::domain::Role;
use duban::i18n::Lang;
use duban::tui::harness::Harness;
use duban::tui::model::Mode;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The demo county as an account of `role` (the store limited to it, and the screen told the
/// account holds no more).
fn as_role(role: Role, lang: Lang) -> Harness {
    let mut h = Harness::demo(lang, today(), 120, 36).unwrap();
    h.store.restrict_to(role);
    h.model.role = h.store.role();
    h.model.own_role = role;
    h
}

#[test]
fn a_read_only_session_says_so_rather_than_blaming_the_account() {
    // An admin's session opened with --read-only.
    let mut h = Harness::demo(Lang::Zh, today(), 120, 36).unwrap();
    h.store.restrict_to(Role::Viewer);
    h.model.role = h.store.role();
    h.model.own_role = h.store.own_role();
    assert_eq!(h.model.own_role, Role::Admin);
    let audit = h.store.audit_count().unwrap();
    h.keys("2p");
    let text = h.text();
    assert!(text.contains("本次会话为只读（--read-only）"), "{text}");
    assert!(!text.contains("你的账户是"), "{text}");
    assert!(text.lines().next().unwrap().contains("只读"));
    assert_eq!(h.store.audit_count().unwrap(), audit);
}

#[test]
fn a_viewer_is_told_no_and_nothing_changes_on_any_tab() {
    let mut h = as_role(Role::Viewer, Lang::Zh);
    let audit = h.store.audit_count().unwrap();
    assert!(
        h.text().lines().next().unwrap().contains("只读"),
        "{}",
        h.text()
    );
    for tab in ["1", "2", "3", "4", "5", "6", "7"] {
        h.keys(tab);
        // Every key bound to an editing action by default.
        for key in ["a", "E", "m", "p", "d", "e", "c", "v", " ", "u", "<C-z>"] {
            h.keys(key);
            assert_eq!(h.model.mode, Mode::Normal, "tab {tab}, key {key}");
            assert!(h.model.form.is_none() && h.model.menu.is_none());
            let text = h.text();
            assert!(
                text.contains("你的账户是查看者，不能进行此操作"),
                "tab {tab}, key {key}:\n{text}"
            );
        }
    }
    assert_eq!(h.store.audit_count().unwrap(), audit);
    // Reading, reports and exports still work.
    h.keys("2G");
    assert!(h.model.tasks.cursor > 0);
    h.keys("5");
    assert!(h.text().contains("报表") || h.text().contains("R1"));
}

#[test]
fn a_viewers_help_lists_no_editing_keys_and_an_editors_does() {
    for (role, shown) in [(Role::Viewer, false), (Role::Editor, true)] {
        // Tall enough for the whole help list.
        let mut h = Harness::demo(Lang::En, today(), 120, 60).unwrap();
        h.store.restrict_to(role);
        h.model.role = h.store.role();
        h.keys("?");
        let text = h.text();
        for label in [
            "add (meeting plan",
            "progress report R5.3",
            "undo my last change",
        ] {
            assert_eq!(text.contains(label), shown, "{role}: {label}\n{text}");
        }
        assert!(text.contains("filter (text or pinyin"), "{text}");
    }
}

#[test]
fn an_editor_may_not_add_units_but_may_record_progress() {
    let mut h = as_role(Role::Editor, Lang::Zh);
    h.keys("4a");
    assert!(h.model.form.is_none());
    assert!(h.text().contains("需要管理员权限"), "{}", h.text());
    h.keys("2p");
    assert_eq!(h.model.mode, Mode::Form);
}

#[test]
fn the_store_refuses_a_viewers_write_even_if_the_screen_offers_it() {
    let mut h = as_role(Role::Viewer, Lang::Zh);
    let audit = h.store.audit_count().unwrap();
    // Fool the screen: it believes the account may edit.
    h.model.role = Role::Admin;
    h.keys("2p");
    assert_eq!(h.model.mode, Mode::Form, "{}", h.text());
    h.keys("<Tab>已完成招标<C-s>");
    let text = h.text();
    // The demo's account is an admin limited to viewing: the store's refusal says so.
    assert!(text.contains("本次会话为只读"), "{text}");
    assert_eq!(h.store.audit_count().unwrap(), audit);
}
