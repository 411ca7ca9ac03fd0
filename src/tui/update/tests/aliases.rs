//! Issue 18 point 5: a unit's short forms (简称) are edited on the units tab. `A` opens a form
//! listing the selected unit's short forms (each ticked; Space unticks one to remove it) with
//! empty lines to add new ones; Ctrl-S saves the whole list in one audited change that `u` undoes.
//! What is saved is read back from the store.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::harness::Harness;
use crate::tui::model::Mode;
use crate::tui::workflow::FormKind;

const UNIT: &str = "县住房和城乡建设局";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The units tab on 县住房和城乡建设局 with its short-forms form open.
fn open(lang: Lang) -> Harness {
    let mut h = Harness::demo(lang, today(), 80, 23).unwrap();
    h.keys(&format!("4:unit {UNIT}<Enter>A"));
    let id = h.store.unit_by_name(UNIT).unwrap().id;
    assert_eq!(
        h.model.form.as_ref().map(|f| &f.kind),
        Some(&FormKind::Aliases(id))
    );
    h
}

/// Tab from the first field to the first empty line for a new short form.
fn to_new_line(h: &Harness) -> String {
    let f = h.model.form.as_ref().unwrap();
    let n = f.fields.iter().position(|x| x.key == "alias#0").unwrap();
    "<Tab>".repeat(n - f.focus)
}

#[test]
fn tui_aliases_a_lists_the_units_short_forms_and_saves_what_is_unticked_and_typed() {
    let mut h = open(Lang::Zh);
    let before = h.store.unit_aliases(UNIT).unwrap();
    assert!(before.iter().any(|a| a == "住建"), "{before:?}");
    // Every short form is listed, and the footer and the units tab say which key opens it.
    let screen = h.text();
    for a in &before {
        assert!(screen.contains(a.as_str()), "{a} listed:\n{screen}");
    }
    // Untick the first, add two on one line.
    let tabs = to_new_line(&h);
    h.keys(&format!(" {tabs}城建、建设局<C-s>"));
    assert_eq!(h.model.mode, Mode::Normal, "saved: {:?}", h.model.status);
    let after = h.store.unit_aliases(UNIT).unwrap();
    assert!(!after.contains(&before[0]), "{after:?}");
    assert!(after.iter().any(|a| a == "城建"));
    assert!(after.iter().any(|a| a == "建设局"));
    assert_eq!(after.len(), before.len() + 1);
    // The change is audited as one, and u puts the list back.
    let audit = h.store.audit_log(None, None, 5).unwrap();
    assert_eq!(audit.iter().filter(|e| e.action == "aliases").count(), 1);
    h.keys("u");
    assert_eq!(h.store.unit_aliases(UNIT).unwrap(), before);
}

#[test]
fn tui_aliases_a_short_form_of_another_unit_is_refused_by_name_and_nothing_is_saved() {
    let mut h = open(Lang::En);
    let before = h.store.unit_aliases(UNIT).unwrap();
    let tabs = to_new_line(&h);
    // 城建 is new, 上塘镇 is another unit's name: the save is refused whole.
    h.keys(&format!("{tabs}城建<Tab>上塘镇<C-s>"));
    assert_eq!(h.model.mode, Mode::Form, "still open");
    let screen = h.text();
    assert!(screen.contains("上塘镇"), "{screen}");
    assert!(screen.contains("short form"), "{screen}");
    assert_eq!(h.store.unit_aliases(UNIT).unwrap(), before);
}

#[test]
fn tui_aliases_the_units_tab_footer_and_help_show_the_key() {
    let mut h = Harness::demo(Lang::Zh, today(), 80, 23).unwrap();
    h.keys("4");
    let screen = h.text();
    assert!(screen.contains("A 简称"), "{screen}");
    h.keys("?");
    assert!(h.text().contains("编辑选中单位的简称"), "{}", h.text());
}
