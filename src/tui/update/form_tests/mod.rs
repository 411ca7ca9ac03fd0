//! Update tests of the forms: the model is filled from the demo county (reads only), then keys go
//! to `update` by hand and the commands it returns are inspected. No terminal, and no save reaches
//! the store: what a form would write is asserted on the `Write` it asks for.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::command::{Command, Write};
use crate::tui::harness::{Harness, parse_script};
use crate::tui::model::{Mode, Model};
use crate::tui::update::key;
use crate::tui::workflow::FormKind;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn demo() -> Harness {
    Harness::demo(Lang::Zh, today(), 80, 24).unwrap()
}

/// Keys to `update` only: commands are returned, not run.
fn press(m: &mut Model, script: &str) -> Vec<Command> {
    let mut out = Vec::new();
    for k in parse_script(script) {
        out.extend(key(m, k));
    }
    out
}

fn the_write(cmds: &[Command]) -> &Write {
    match cmds {
        [Command::Write { write, .. }] => write,
        other => panic!("expected one write, got {other:?}"),
    }
}

fn field_error(m: &Model, key: &str) -> Option<String> {
    m.form.as_ref()?.field(key)?.error.clone()
}

/// Focuses the field `key` of the open form.
fn focus(m: &mut Model, key: &str) {
    let f = m.form.as_mut().unwrap();
    f.focus = f.fields.iter().position(|x| x.key == key).unwrap();
}

/// Replaces the text of the focused field by typing.
fn retype(m: &mut Model, key: &str, text: &str) {
    focus(m, key);
    let f = m.form.as_mut().unwrap();
    f.fields[f.focus].input.reset();
    press(m, text);
}

/// Saves the open form: the write it asks for, or `None` with the errors left on the fields.
fn save(m: &mut Model) -> Option<Write> {
    let cmds = press(m, "<C-s>");
    cmds.into_iter().find_map(|c| match c {
        Command::Write { write, .. } => Some(*write),
        _ => None,
    })
}

/// Closes the open form without saving (as a confirmed Esc would).
fn close(m: &mut Model) {
    m.form = None;
    m.mode = Mode::Normal;
}

mod steps;

#[test]
fn r2_1_a_new_meeting_plan_is_refused_until_its_required_fields_are_right_then_written_whole() {
    let mut h = demo();
    h.keys("3");
    let cmds = press(&mut h.model, "a");
    assert!(cmds.is_empty());
    assert_eq!(h.model.mode, Mode::Form);
    // Saving an empty plan: nothing is written, each missing field says why.
    let cmds = press(&mut h.model, "<C-s>");
    assert!(cmds.is_empty(), "nothing is written: {cmds:?}");
    assert_eq!(field_error(&h.model, "topics").as_deref(), Some("必填"));
    assert_eq!(field_error(&h.model, "date").as_deref(), Some("必填"));
    assert_eq!(
        h.model.form.as_ref().unwrap().fields[h.model.form.as_ref().unwrap().focus].key,
        "topics"
    );
    // Two merged topics (R1.3), a chair picked by pinyin initials, a date as +N, a bad time.
    press(&mut h.model, "耕地保护<Enter>粮食生产");
    retype(&mut h.model, "chair", "");
    let chair = h.model.people.leaders[0].name.clone();
    let initials = crate::text::initials(&chair);
    press(&mut h.model, &initials);
    assert!(
        !h.model.form.as_ref().unwrap().fields[h.model.form.as_ref().unwrap().focus]
            .candidates()
            .is_empty()
    );
    press(&mut h.model, "<Tab>");
    assert_eq!(
        h.model
            .form
            .as_ref()
            .unwrap()
            .field("chair")
            .unwrap()
            .text_value(),
        chair
    );
    retype(&mut h.model, "date", "+3");
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("date")
        .unwrap()
        .hint
        .clone()
        .unwrap();
    assert!(hint.text.contains("2026-11-30"), "{hint:?}");
    retype(&mut h.model, "time", "25:99");
    retype(&mut h.model, "units", "上塘镇、不存在乡");
    let cmds = press(&mut h.model, "<C-s>");
    assert!(cmds.is_empty());
    assert!(field_error(&h.model, "time").unwrap().contains("25:99"));
    assert!(field_error(&h.model, "units").unwrap().contains("不存在乡"));
    retype(&mut h.model, "time", "9:30");
    retype(&mut h.model, "units", "上塘镇、沙头镇");
    let cmds = press(&mut h.model, "<C-s>");
    match the_write(&cmds) {
        Write::AddMeeting(p) => {
            assert_eq!(p.topics, vec!["耕地保护", "粮食生产"]);
            assert_eq!(p.chair.as_deref(), Some(chair.as_str()));
            assert_eq!(p.date, Some(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()));
            assert_eq!(p.units, vec!["上塘镇", "沙头镇"]);
        }
        w => panic!("{w:?}"),
    }
}

#[test]
fn r2_2_a_late_notice_is_flagged_beside_the_field_unless_the_meeting_is_an_emergency() {
    let mut h = demo();
    h.keys("3");
    press(&mut h.model, "a");
    retype(&mut h.model, "date", "2026-12-10");
    retype(&mut h.model, "notice_date", "2026-12-10");
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("notice_date")
        .unwrap()
        .hint
        .clone()
        .unwrap();
    assert!(hint.text.contains("R2.2"), "{hint:?}");
    assert!(hint.light.is_some());
    focus(&mut h.model, "emergency");
    press(&mut h.model, " ");
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("notice_date")
        .unwrap()
        .hint
        .clone()
        .unwrap();
    assert!(
        hint.light.is_none(),
        "an emergency meeting has no notice period: {hint:?}"
    );
}

#[test]
fn a_form_with_unsaved_changes_asks_before_closing() {
    let mut h = demo();
    h.keys("4");
    press(&mut h.model, "a");
    press(&mut h.model, "<Esc>");
    assert_eq!(h.model.mode, Mode::Normal, "nothing typed: closes at once");
    press(&mut h.model, "a新");
    press(&mut h.model, "<Esc>");
    assert_eq!(h.model.mode, Mode::Form);
    assert!(h.model.form.as_ref().unwrap().asking_close);
    press(&mut h.model, "n");
    assert_eq!(
        h.model
            .form
            .as_ref()
            .unwrap()
            .field("name")
            .unwrap()
            .text_value(),
        "新"
    );
    press(&mut h.model, "<Esc>y");
    assert_eq!(h.model.mode, Mode::Normal);
    assert!(h.model.form.is_none());
}

#[test]
fn pasted_text_lands_intact_and_without_control_characters() {
    let mut h = demo();
    h.keys("4");
    press(&mut h.model, "a");
    crate::tui::update::update(
        &mut h.model,
        Action::Paste("上塘镇\u{1b}[2J人民\u{9b}政府\u{202e}\n".into()),
    );
    let name = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("name")
        .unwrap()
        .text_value()
        .to_string();
    assert!(
        !name.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{name:?}"
    );
    assert!(name.starts_with("上塘镇") && name.contains("人民") && name.contains("政府"));
    // A long field keeps the line breaks of what was pasted.
    h.keys("<Esc>y3");
    press(&mut h.model, "a");
    crate::tui::update::update(&mut h.model, Action::Paste("议题一\r\n议题二\u{7}".into()));
    let topics = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("topics")
        .unwrap()
        .text_value()
        .to_string();
    assert_eq!(topics, "议题一\n议题二");
}

#[test]
fn r3_attendance_is_one_key_per_unit_down_the_grid() {
    let mut h = demo();
    h.keys("3");
    // A meeting already held.
    h.keys("jjjj");
    let id = h.model.meetings.selected.unwrap();
    let units = h.model.meeting_detail.as_ref().unwrap().attendance.len();
    assert!(units >= 2);
    crate::tui::update::forms::open(&mut h.model, FormKind::Attendance(id));
    press(&mut h.model, "14");
    let f = h.model.form.as_ref().unwrap();
    assert_eq!(f.fields[0].choice, 1, "1: leader attended");
    assert_eq!(f.fields[3].choice, 4, "4: unauthorised substitute");
    assert_eq!(f.focus, 6, "the cursor went down a row each time");
    let cmds = press(&mut h.model, "<C-s>");
    match the_write(&cmds) {
        Write::Attendance { meeting, rows } => {
            assert_eq!(*meeting, id);
            assert!(!rows.is_empty() && rows.len() <= 2);
        }
        w => panic!("{w:?}"),
    }
}

#[test]
fn the_steps_menu_opens_the_forms_of_the_selection() {
    let mut h = demo();
    h.keys("3");
    press(&mut h.model, "m");
    assert_eq!(h.model.mode, Mode::Menu);
    let n = h.model.menu.as_ref().unwrap().items.len();
    assert_eq!(n, 7);
    press(&mut h.model, "5");
    assert_eq!(h.model.mode, Mode::Form);
    assert!(matches!(
        h.model.form.as_ref().unwrap().kind,
        FormKind::Minutes(_)
    ));
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("issued_on")
        .unwrap()
        .hint
        .clone();
    assert!(
        hint.is_some_and(|h| h.light.is_some()),
        "the 10-working-day clock is shown"
    );
}
