//! Issue 18 point 4: the forms say what their columns and keys are, take Space and Tab as a user
//! expects, complete people's names, fill the liaison from the chair, open the steps menu on the
//! next step, and move the referral's step with ←/→. Keys go through the real TUI on the demo
//! county; what a save writes is read back from the store.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::harness::Harness;
use crate::tui::model::Mode;
use crate::tui::workflow::{FormKind, MenuItem};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo(lang: Lang) -> Harness {
    Harness::demo(lang, today(), 80, 24).unwrap()
}

/// The demo's next meeting (not yet held) and one held and attended whose minutes are drafting.
fn meetings(h: &Harness) -> (i64, i64) {
    let rows = h.store.meetings(today()).unwrap();
    let future = rows.iter().find(|r| r.date > today()).unwrap().id;
    let drafting = rows
        .iter()
        .find(|r| {
            let d = h.store.meeting_detail(r.id, today()).unwrap();
            r.date < today()
                && r.minutes_issued.is_none()
                && d.attendance.iter().all(|(_, a)| a.outcome.is_some())
                && !d
                    .feedback
                    .iter()
                    .any(|f| matches!(f.status, crate::domain::FeedbackStatus::Waiting { .. }))
        })
        .unwrap()
        .id;
    (future, drafting)
}

/// Opens the step `kind` of meeting `id` from the `m` menu, by the item's number.
fn open(h: &mut Harness, id: i64, kind: FormKind) {
    h.keys(&format!("3:meeting {id}<Enter>m"));
    let menu = h.model.menu.as_ref().expect("the steps menu");
    let n = menu
        .items
        .iter()
        .position(|(_, x)| *x == MenuItem::Open(kind.clone()))
        .expect("the step");
    h.keys(&(n + 1).to_string());
    assert_eq!(h.model.form.as_ref().map(|f| &f.kind), Some(&kind));
}

fn focus_key(h: &Harness) -> String {
    let f = h.model.form.as_ref().unwrap();
    f.fields[f.focus].key.clone()
}

fn value(h: &Harness, key: &str, nth: usize) -> String {
    let f = h.model.form.as_ref().unwrap();
    f.fields
        .iter()
        .filter(|x| x.key == key)
        .nth(nth)
        .unwrap()
        .text_value()
        .to_string()
}

#[test]
fn tui_forms_grid_columns_have_headers_and_the_keys_1_to_4_are_explained() {
    for (lang, words) in [
        (
            Lang::Zh,
            [
                "单位",
                "出席情况",
                "参会人姓名",
                "职务",
                "1 领导参会",
                "4 擅自替会",
            ],
        ),
        (
            Lang::En,
            [
                "Unit",
                "Attendance",
                "Attendee",
                "Post",
                "1 leader attended",
                "3 absent",
            ],
        ),
    ] {
        let mut h = demo(lang);
        let (_, held) = meetings(&h);
        open(&mut h, held, FormKind::Attendance(held));
        let screen = h.text();
        for w in words {
            assert!(screen.contains(w), "{lang:?} {w}:\n{screen}");
        }
        h.keys("<Esc>");
        let (future, _) = meetings(&h);
        open(&mut h, future, FormKind::Confirm(future));
        let screen = h.text();
        let confirmed = if lang == Lang::Zh {
            "已确认"
        } else {
            "Confirmed"
        };
        assert!(screen.contains(confirmed), "{screen}");
    }
}

#[test]
fn tui_forms_space_in_an_empty_grid_cell_ticks_the_row_and_typed_words_keep_their_space() {
    let mut h = demo(Lang::Zh);
    let (future, _) = meetings(&h);
    open(&mut h, future, FormKind::Confirm(future));
    // Tab to the attendee's cell: Space there ticks the row.
    h.keys("<Tab> ");
    let f = h.model.form.as_ref().unwrap();
    assert!(f.fields[0].checked(), "the row is ticked");
    assert_eq!(value(&h, "attendee", 0), "", "no space was typed");
    // Once the cell holds a word, Space is a space between words.
    h.keys("Li Ming<Tab>副 镇长");
    assert!(h.model.form.as_ref().unwrap().fields[0].checked());
    assert_eq!(value(&h, "attendee", 0), "Li Ming");
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let d = h.store.meeting_detail(future, today()).unwrap();
    let (_, a) = &d.attendance[0];
    assert!(a.confirmed);
    assert_eq!(a.attendee.as_deref(), Some("Li Ming"));
    assert_eq!(a.role.as_deref(), Some("副 镇长"));
}

#[test]
fn tui_forms_tab_into_a_filled_field_selects_it_typing_replaces_and_arrows_keep_it() {
    let mut h = demo(Lang::Zh);
    let (future, _) = meetings(&h);
    open(&mut h, future, FormKind::EditMeeting(future));
    while focus_key(&h) != "place" {
        h.keys("<Tab>");
    }
    let before = value(&h, "place", 0);
    assert!(!before.is_empty());
    assert!(h.model.form.as_ref().unwrap().fields[h.model.form.as_ref().unwrap().focus].selected);
    // Typing replaces the whole text…
    h.keys("县政府二楼");
    assert_eq!(value(&h, "place", 0), "县政府二楼");
    // …an arrow ends the selection and edits what is there…
    h.keys("<Tab><BackTab><End>会议室");
    assert_eq!(value(&h, "place", 0), "县政府二楼会议室");
    // …and Backspace on a selected field clears it.
    h.keys("<Tab><BackTab><Bksp>小会议室");
    assert_eq!(value(&h, "place", 0), "小会议室");
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let m = h.store.meeting(future).unwrap();
    assert_eq!(m.place.as_deref(), Some("小会议室"));
}

#[test]
fn tui_forms_bottom_bar_shows_the_form_keys_and_f1_shows_them_all_in_help() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = demo(lang);
        let (_, held) = meetings(&h);
        open(&mut h, held, FormKind::Attendance(held));
        let screen = h.text();
        let bar = screen.lines().last().unwrap();
        let quit = if lang == Lang::Zh {
            "q 退出"
        } else {
            "q quit"
        };
        assert!(!bar.contains(quit), "{bar}");
        assert!(bar.contains("Ctrl-S") && bar.contains("Esc"), "{bar}");
        // The focused field's keys on the form's own last line: 1–4 on the attendance grid.
        assert!(screen.contains("1–4"), "{screen}");
        // `?` is typed into a form; F1 opens help with every key of a form, Esc comes back.
        h.keys("<F1>");
        assert_eq!(h.model.mode, Mode::Help);
        let help = h.text();
        let title = if lang == Lang::Zh {
            "表单中的按键"
        } else {
            "Keys in a form"
        };
        assert!(help.contains(title), "{help}");
        assert!(help.contains("Space") && help.contains("Ctrl-S"), "{help}");
        h.keys("<Esc>");
        assert_eq!(h.model.mode, Mode::Form);
        assert!(h.model.form.is_some(), "the form is still open");
    }
}

#[test]
fn tui_forms_attendance_of_a_meeting_not_yet_held_says_so_on_opening() {
    let mut h = demo(Lang::Zh);
    let (future, held) = meetings(&h);
    open(&mut h, future, FormKind::Attendance(future));
    let f = h.model.form.as_ref().unwrap();
    let e = f.error.clone().expect("said on opening");
    assert!(e.contains("尚未举行") && e.contains("R2.3"), "{e}");
    h.keys("<Esc>");
    open(&mut h, held, FormKind::Attendance(held));
    assert_eq!(h.model.form.as_ref().unwrap().error, None);
}

#[test]
fn tui_forms_signer_and_plan_approver_complete_from_the_leaders_and_are_stored() {
    let mut h = demo(Lang::Zh);
    let (future, held) = meetings(&h);
    let leader = h.store.leaders().unwrap().remove(0).name;
    let initials = crate::text::initials(&leader);
    open(&mut h, held, FormKind::Minutes(held));
    while focus_key(&h) != "signed_by" {
        h.keys("<Tab>");
    }
    h.keys(&format!("<Bksp>{initials}"));
    let f = h.model.form.as_ref().unwrap();
    assert!(
        f.fields[f.focus]
            .candidates()
            .iter()
            .any(|c| c.name == leader),
        "offered"
    );
    while value(&h, "signed_by", 0) != leader {
        h.keys("<Down>");
        let f = h.model.form.as_ref().unwrap();
        let picks = f.fields[f.focus].candidates();
        if picks.get(f.pick).is_some_and(|c| c.name == leader) {
            h.keys("<Tab>");
        }
    }
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let x = h.store.minutes(held).unwrap().unwrap();
    assert_eq!(x.signed_by.as_deref(), Some(leader.as_str()));

    open(&mut h, future, FormKind::EditMeeting(future));
    while focus_key(&h) != "plan_approved_by" {
        h.keys("<Tab>");
    }
    h.keys(&initials);
    h.keys("<Tab>");
    let took = value(&h, "plan_approved_by", 0);
    assert!(h.store.leader_by_name(&took).is_ok(), "{took}");
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let m = h.store.meeting(future).unwrap();
    assert_eq!(m.plan_approved_by.as_deref(), Some(took.as_str()));
}

#[test]
fn tui_forms_the_liaison_director_is_filled_from_the_chair_until_changed_by_hand() {
    let mut h = demo(Lang::Zh);
    let leaders = h.store.leaders().unwrap();
    let chair = leaders
        .iter()
        .find(|l| l.liaison_id.is_some())
        .unwrap()
        .clone();
    let liaison = h.store.leader(chair.liaison_id.unwrap()).unwrap().name;
    h.keys("3a森林防火<Tab><Tab>");
    assert_eq!(focus_key(&h), "chair");
    h.keys(&chair.name);
    assert_eq!(value(&h, "liaison", 0), liaison);
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("liaison")
        .unwrap()
        .hint
        .clone();
    assert!(hint.unwrap().text.contains(&chair.name));
    while focus_key(&h) != "date" {
        h.keys("<Tab>");
    }
    h.keys("+3");
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let id = h.model.meetings.selected.unwrap();
    let m = h.store.meeting(id).unwrap();
    assert_eq!(m.chair_id, Some(chair.id));
    assert_eq!(m.liaison_id, chair.liaison_id);
}

#[test]
fn tui_forms_m_opens_on_the_meeting_next_step() {
    let mut h = demo(Lang::Zh);
    let (future, held) = meetings(&h);
    h.keys(&format!("3:meeting {held}<Enter>m"));
    let menu = h.model.menu.as_ref().unwrap();
    assert_eq!(
        menu.items[menu.cursor].1,
        MenuItem::Open(FormKind::Minutes(held)),
        "held and attended, minutes drafting: the minutes"
    );
    assert!(menu.items[menu.cursor].0.contains("下一步"));
    h.keys("<Esc>");
    h.keys(&format!(":meeting {future}<Enter>m"));
    let menu = h.model.menu.as_ref().unwrap();
    assert_ne!(menu.cursor, 0, "not the new meeting plan");
    assert!(matches!(
        menu.items[menu.cursor].1,
        MenuItem::Open(FormKind::EditMeeting(_) | FormKind::Confirm(_))
    ));
}

#[test]
fn tui_forms_the_referral_step_moves_with_left_and_right_and_is_stored() {
    let mut h = demo(Lang::Zh);
    let unit = h
        .store
        .units()
        .unwrap()
        .into_iter()
        .find(|u| {
            h.store
                .unit_detail(&u.name, today())
                .is_ok_and(|d| d.row.referral_due)
        })
        .unwrap();
    let referral = |h: &mut Harness| {
        h.keys(&format!("4:unit {}<Enter>m", unit.name));
        let menu = h.model.menu.as_ref().unwrap();
        let n = menu
            .items
            .iter()
            .position(|(_, x)| *x == MenuItem::Open(FormKind::Referral(unit.id)))
            .unwrap();
        h.keys(&(n + 1).to_string());
    };
    // Proposed first (the only step now: no arrows to press, the keys line says so).
    referral(&mut h);
    assert!(h.text().contains("此时只能办这一步"));
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "proposed");
    // Then approve or not refer: ←/→ choose, and the text field says what it keeps.
    referral(&mut h);
    let hint = |h: &Harness| {
        let f = h.model.form.as_ref().unwrap();
        (
            f.field("step").unwrap().choice,
            f.field("reason").unwrap().hint.clone(),
        )
    };
    let (c0, h0) = hint(&h);
    h.keys("<Right>");
    let (c1, h1) = hint(&h);
    assert_ne!(c0, c1);
    assert_ne!(h0, h1);
    h.keys("<Left>");
    assert_eq!(hint(&h).0, c0);
    h.keys("<Right><Tab><Tab>情况已整改");
    h.keys("<C-s>");
    assert!(h.model.form.is_none(), "saved");
    let r = h.store.referrals(Some(unit.id)).unwrap().pop().unwrap();
    assert_eq!(r.reason.as_deref(), Some("情况已整改"));
}

#[test]
fn tui_forms_f1_and_ctrl_c_reach_a_form_as_the_terminal_sends_them() {
    use crate::tui::action::Action;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut h = demo(Lang::En);
    let (_, held) = meetings(&h);
    open(&mut h, held, FormKind::Attendance(held));
    // The terminal loop hands raw keys over as `Action::Key`.
    h.action(Action::Key(KeyEvent::from(KeyCode::F(1))));
    assert_eq!(h.model.mode, Mode::Help);
    h.action(Action::Key(KeyEvent::from(KeyCode::Esc)));
    assert_eq!(h.model.mode, Mode::Form);
    h.action(Action::Key(KeyEvent::from(KeyCode::Char('2'))));
    h.action(Action::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    let f = h.model.form.as_ref().expect("still open");
    assert!(f.asking_close, "Ctrl-C with changes asks first");
    assert!(!h.model.quit);
}
