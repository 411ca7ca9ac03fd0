//! Form tests of the tasks, the ledger's triage keys, units, leaders, minutes, feedback and
//! referral: invalid input refused next to the field, then the write a valid form asks for.

use chrono::NaiveDate;

use super::{close, demo, field_error, focus, press, retype, save, the_write, today};
use crate::tui::command::Write;
use crate::tui::model::{Limit, Mode, TaskState};
use crate::tui::workflow::FormKind;

#[test]
fn r4_1_tasks_typed_one_per_line_each_get_their_unit_leader_and_limit() {
    let mut h = demo();
    h.keys("3");
    let meeting = h.model.meetings.selected.unwrap();
    press(&mut h.model, "a<Esc>");
    h.model.mode = Mode::Normal;
    h.model.form = None;
    crate::tui::update::forms::open(&mut h.model, FormKind::NewTasks(meeting));
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
    close(&mut h.model);
    press(&mut h.model, "E");
    focus(&mut h.model, "active");
    press(&mut h.model, " ");
    assert!(matches!(save(&mut h.model), Some(Write::UpdateUnit(u)) if !u.active));
    // A leader is not their own liaison director.
    close(&mut h.model);
    let leader = h.model.people.leaders[1].clone();
    crate::tui::update::forms::open(&mut h.model, FormKind::EditLeader(leader.id));
    retype(&mut h.model, "liaison", &leader.name);
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, "liaison").is_some());
    retype(&mut h.model, "liaison", "");
    assert!(matches!(save(&mut h.model), Some(Write::UpdateLeader(l)) if l.liaison_id.is_none()));

    // Minutes: an e-mail must look like one; a sent date needs "feedback needed".
    close(&mut h.model);
    // A meeting already held (the first two of the list are still ahead): the round goes out
    // after it.
    h.keys("3jj");
    let meeting = h.model.meetings.selected.unwrap();
    crate::tui::update::forms::open(&mut h.model, FormKind::Minutes(meeting));
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
    close(&mut h.model);
    crate::tui::update::forms::open(&mut h.model, FormKind::Feedback(meeting));
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
    close(&mut h.model);
    let not_due = h
        .model
        .tasks
        .rows
        .iter()
        .find(|r| r.state == TaskState::ExplanationDue)
        .unwrap()
        .id;
    crate::tui::update::forms::open(&mut h.model, FormKind::Criticise(vec![not_due]));
    assert!(save(&mut h.model).is_none());
    assert!(field_error(&h.model, &format!("task#{not_due}")).is_some());
    close(&mut h.model);
    if let Some(due) = h
        .model
        .tasks
        .rows
        .iter()
        .find(|r| r.state == TaskState::CriticismDue)
        .map(|r| r.id)
    {
        crate::tui::update::forms::open(&mut h.model, FormKind::Criticise(vec![due]));
        retype(&mut h.model, "doc_no", "永考绩〔2026〕9号");
        assert!(
            matches!(save(&mut h.model), Some(Write::Criticise(c)) if c.task_ids.contains(&due))
        );
        close(&mut h.model);
    }
    // R5.7: the first referral step for the selected unit.
    h.keys("4");
    let unit = h.model.units.selected.unwrap();
    crate::tui::update::forms::open(&mut h.model, FormKind::Referral(unit));
    assert!(matches!(save(&mut h.model), Some(Write::Referral(_))));
}
