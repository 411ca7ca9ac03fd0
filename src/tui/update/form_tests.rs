//! Update tests of the forms: the model is filled from the demo county (reads only), then keys go
//! to `update` by hand and the commands it returns are inspected. No terminal, and no save reaches
//! the store: what a form would write is asserted on the `Write` it asks for.

use chrono::NaiveDate;

use super::super::action::Action;
use super::super::command::{Command, Write};
use super::super::harness::{Harness, parse_script};
use super::super::model::{Limit, Mode, Model, TaskState};
use super::super::workflow::FormKind;
use super::key;
use crate::i18n::Lang;

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
    super::update(
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
    super::update(&mut h.model, Action::Paste("议题一\r\n议题二\u{7}".into()));
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
fn r4_1_tasks_typed_one_per_line_each_get_their_unit_leader_and_limit() {
    let mut h = demo();
    h.keys("3");
    let meeting = h.model.meetings.selected.unwrap();
    press(&mut h.model, "a<Esc>");
    h.model.mode = Mode::Normal;
    h.model.form = None;
    super::forms::open(&mut h.model, FormKind::NewTasks(meeting));
    press(&mut h.model, "修缮校舍<Enter>清理河道<Enter>征地拆迁");
    assert_eq!(h.model.form.as_ref().unwrap().fields.len(), 1 + 3 * 4);
    retype(&mut h.model, "lead#0", "上塘镇");
    retype(&mut h.model, "limit#0", "2026-12-31");
    retype(&mut h.model, "lead#1", "沙头镇");
    retype(&mut h.model, "co#1", "上塘镇");
    let hint = h
        .model
        .form
        .as_ref()
        .unwrap()
        .field("limit#1")
        .unwrap()
        .hint
        .clone()
        .unwrap();
    assert!(
        hint.text.contains("15"),
        "the default is explained: {hint:?}"
    );
    retype(&mut h.model, "lead#2", "上塘镇");
    retype(&mut h.model, "limit#2", "土地");
    retype(&mut h.model, "co#0", "上塘镇");
    let cmds = press(&mut h.model, "<C-s>");
    assert!(cmds.is_empty(), "a lead unit cannot also be a co-unit");
    assert!(field_error(&h.model, "co#0").is_some());
    retype(&mut h.model, "co#0", "");
    let cmds = press(&mut h.model, "<C-s>");
    match the_write(&cmds) {
        Write::AddTasks(t) => {
            assert_eq!(t.len(), 3);
            assert_eq!(
                t[0].limit,
                Limit::Date(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
            );
            assert_eq!(t[1].limit, Limit::Default);
            assert_eq!(t[1].co_units, vec!["上塘镇"]);
            assert!(matches!(t[2].limit, Limit::Exempt(_)));
            assert!(t.iter().all(|t| t.meeting_id == meeting));
        }
        w => panic!("{w:?}"),
    }
}

#[test]
fn r5_5_an_explanation_needs_an_overdue_task_and_a_promise_not_before_it() {
    let mut h = demo();
    h.keys("2");
    // Select a task that waits for its explanation.
    let id = h
        .model
        .tasks
        .rows
        .iter()
        .find(|r| r.state == TaskState::ExplanationDue)
        .unwrap()
        .id;
    h.keys(&format!(":task {id}<Enter>"));
    assert_eq!(h.model.tasks.selected, Some(id));
    press(&mut h.model, "e");
    assert_eq!(h.model.mode, Mode::Form);
    retype(&mut h.model, "promised_on", "2026-11-20");
    let cmds = press(&mut h.model, "<C-s>");
    assert!(cmds.is_empty());
    assert!(field_error(&h.model, "promised_on").is_some());
    retype(&mut h.model, "promised_on", "+10");
    retype(&mut h.model, "submitted_on", "2026-11-26");
    let cmds = press(&mut h.model, "<C-s>");
    assert!(
        cmds.is_empty(),
        "an explanation cannot be dated in the future"
    );
    assert!(
        field_error(&h.model, "submitted_on")
            .unwrap()
            .contains("2026-11-26")
    );
    retype(&mut h.model, "submitted_on", "");
    press(&mut h.model, "11月25日");
    let cmds = press(&mut h.model, "<C-s>");
    match the_write(&cmds) {
        Write::Explain {
            tasks, promised, ..
        } => {
            assert_eq!(tasks, &vec![id]);
            assert_eq!(*promised, NaiveDate::from_ymd_opt(2026, 12, 9).unwrap());
        }
        w => panic!("{w:?}"),
    }
}

#[test]
fn marked_tasks_take_one_action_together() {
    let mut h = demo();
    h.keys("2");
    let first = h.model.tasks.selected.unwrap();
    press(&mut h.model, "vv");
    assert_eq!(h.model.marked.len(), 2);
    assert!(h.model.marked.contains(&first));
    press(&mut h.model, "p");
    let cmds = press(&mut h.model, "<Tab>已召开专题推进会<C-s>");
    match the_write(&cmds) {
        Write::Progress { tasks, text, on } => {
            assert_eq!(tasks.len(), 2);
            assert_eq!(text, "已召开专题推进会");
            assert_eq!(*on, today());
        }
        w => panic!("{w:?}"),
    }
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
    super::forms::open(&mut h.model, FormKind::Attendance(id));
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

/// Saves the open form: the write it asks for, or `None` with the errors left on the fields.
fn save(m: &mut Model) -> Option<Write> {
    let cmds = press(m, "<C-s>");
    cmds.into_iter().find_map(|c| match c {
        Command::Write { write, .. } => Some(*write),
        _ => None,
    })
}

#[test]
fn units_leaders_minutes_and_feedback_forms_refuse_bad_input_then_write() {
    let mut h = demo();
    // A unit needs a name.
    h.keys("4");
    press(&mut h.model, "a");
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "name").is_some());
    press(&mut h.model, "新设乡");
    assert!(matches!(save(&mut h.model), Some(Write::AddUnit(u)) if u.name == "新设乡"));
    // Editing a unit can deactivate it, never delete it.
    h.model.form = None;
    h.model.mode = Mode::Normal;
    press(&mut h.model, "E");
    focus(&mut h.model, "active");
    press(&mut h.model, " ");
    assert!(matches!(save(&mut h.model), Some(Write::UpdateUnit(u)) if !u.active));
    // A leader is not their own liaison director.
    h.model.form = None;
    h.model.mode = Mode::Normal;
    let leader = h.model.people.leaders[1].clone();
    super::forms::open(&mut h.model, FormKind::EditLeader(leader.id));
    retype(&mut h.model, "liaison", &leader.name);
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "liaison").is_some());
    retype(&mut h.model, "liaison", "");
    assert!(matches!(save(&mut h.model), Some(Write::UpdateLeader(l)) if l.liaison_id.is_none()));

    // Minutes: an e-mail must look like one; a sent date needs "feedback needed".
    h.model.form = None;
    h.model.mode = Mode::Normal;
    h.keys("3");
    let meeting = h.model.meetings.selected.unwrap();
    super::forms::open(&mut h.model, FormKind::Minutes(meeting));
    retype(&mut h.model, "drafter_email", "not-an-address");
    focus(&mut h.model, "feedback_needed");
    if h.model
        .form
        .as_ref()
        .unwrap()
        .field("feedback_needed")
        .unwrap()
        .checked()
    {
        press(&mut h.model, " ");
    }
    retype(&mut h.model, "feedback_sent_on", "2026-11-20");
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "drafter_email").is_some());
    assert!(field_error(&h.model, "feedback_needed").is_some());
    retype(&mut h.model, "drafter_email", "wang@example.cn");
    focus(&mut h.model, "feedback_needed");
    press(&mut h.model, " ");
    assert!(
        matches!(save(&mut h.model), Some(Write::Minutes { minutes, .. }) if minutes.feedback_sent_on.is_some())
    );

    // Feedback: the answer cannot be dated in the future, and names a participating unit.
    h.model.form = None;
    h.model.mode = Mode::Normal;
    super::forms::open(&mut h.model, FormKind::Feedback(meeting));
    retype(&mut h.model, "received_on", "+2");
    retype(&mut h.model, "unit", "不存在乡");
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "received_on").is_some());
    assert!(field_error(&h.model, "unit").is_some());
}

#[test]
fn done_criticism_and_referral_forms_refuse_what_the_rules_do_not_allow() {
    let mut h = demo();
    h.keys("2");
    // 办结 cannot be dated in the future.
    press(&mut h.model, "d");
    retype(&mut h.model, "completed_on", "+1");
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "completed_on").is_some());
    retype(&mut h.model, "completed_on", "2026-11-25");
    assert!(matches!(save(&mut h.model), Some(Write::Complete { .. })));
    // R5.6: a task whose promise is not missed cannot be criticised; one whose promise is can.
    h.model.form = None;
    h.model.mode = Mode::Normal;
    let not_due = h
        .model
        .tasks
        .rows
        .iter()
        .find(|r| r.state == TaskState::ExplanationDue)
        .unwrap()
        .id;
    super::forms::open(&mut h.model, FormKind::Criticise(vec![not_due]));
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, &format!("task#{not_due}")).is_some());
    h.model.form = None;
    h.model.mode = Mode::Normal;
    if let Some(due) = h
        .model
        .tasks
        .rows
        .iter()
        .find(|r| r.state == TaskState::CriticismDue)
        .map(|r| r.id)
    {
        super::forms::open(&mut h.model, FormKind::Criticise(vec![due]));
        retype(&mut h.model, "doc_no", "永考绩〔2026〕9号");
        assert!(
            matches!(save(&mut h.model), Some(Write::Criticise(c)) if c.task_ids.contains(&due))
        );
        h.model.form = None;
        h.model.mode = Mode::Normal;
    }
    // R5.7: the first referral step for the selected unit.
    h.keys("4");
    let unit = h.model.units.selected.unwrap();
    super::forms::open(&mut h.model, FormKind::Referral(unit));
    assert!(matches!(save(&mut h.model), Some(Write::Referral(_))));
}
