//! Seams point 2, through the keys: the confirmation form (R2.3) is saved as one. A late row the
//! store refuses leaves nothing stored, the form stays open with the refusal beside that unit's
//! row; a save of several rows is undone by one `u`.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::harness::Harness;
use crate::tui::workflow::{FormKind, MenuItem};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The demo's next meeting, its confirmation form open from the `m` menu.
fn open_confirm(lang: Lang) -> (Harness, i64) {
    let mut h = Harness::demo(lang, today(), 80, 24).unwrap();
    let rows = h.store.meetings(today()).unwrap();
    let id = rows.iter().find(|r| r.date > today()).unwrap().id;
    h.keys(&format!("3:meeting {id}<Enter>m"));
    let kind = FormKind::Confirm(id);
    let menu = h.model.menu.as_ref().expect("the steps menu");
    let n = menu
        .items
        .iter()
        .position(|(_, x)| *x == MenuItem::Open(kind.clone()))
        .expect("the step");
    h.keys(&(n + 1).to_string());
    assert_eq!(h.model.form.as_ref().map(|f| &f.kind), Some(&kind));
    (h, id)
}

/// The attendee of each participant as stored.
fn stored(h: &Harness, id: i64) -> Vec<(String, Option<String>)> {
    let d = h.store.meeting_detail(id, today()).unwrap();
    d.attendance
        .into_iter()
        .map(|(n, a)| (n, a.attendee))
        .collect()
}

/// Types `text` into the attendee of the first and of the last row.
fn edit_first_and_last(h: &mut Harness, text: &str) {
    let len = h.model.form.as_ref().unwrap().fields.len();
    assert!(len >= 6, "two rows at least");
    while h.model.form.as_ref().unwrap().focus != 1 {
        h.keys("<Tab>");
    }
    h.keys(text);
    while h.model.form.as_ref().unwrap().focus != len - 2 {
        h.keys("<Tab>");
    }
    h.keys(text);
}

#[test]
fn seams_2_tui_confirmation_with_a_late_row_refused_stores_nothing_and_names_the_row() {
    let (mut h, id) = open_confirm(Lang::Zh);
    let before = stored(&h, id);
    edit_first_and_last(&mut h, "甲");
    // Meanwhile the last row's unit is renamed in another window: its row is refused.
    let last = before.last().unwrap().0.clone();
    let mut unit = h.store.unit_by_name(&last).unwrap();
    unit.name = format!("{last}新");
    h.store.update_unit(&unit).unwrap();
    let renamed = stored(&h, id);
    h.keys("<C-s>");
    let f = h.model.form.as_ref().expect("the form stays open");
    let len = f.fields.len();
    let shown = f.fields[len - 3]
        .error
        .clone()
        .expect("beside the last row");
    assert!(shown.contains(&last), "{shown}");
    assert_eq!(f.focus, len - 3, "the refused row is focused");
    assert_eq!(
        stored(&h, id),
        renamed,
        "the first row was not stored either"
    );
}

#[test]
fn seams_2_tui_confirmation_is_undone_by_one_u() {
    let (mut h, id) = open_confirm(Lang::En);
    let before = stored(&h, id);
    edit_first_and_last(&mut h, "X");
    let f = h.model.form.as_ref().unwrap();
    let typed = (
        f.fields[1].text_value().to_string(),
        f.fields[f.fields.len() - 2].text_value().to_string(),
    );
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let after = stored(&h, id);
    assert_eq!(after[0].1.as_deref(), Some(typed.0.as_str()));
    assert_eq!(after.last().unwrap().1.as_deref(), Some(typed.1.as_str()));
    h.keys("u");
    assert_eq!(stored(&h, id), before, "both rows undone by one u");
}
