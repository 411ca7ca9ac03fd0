//! Update tests: actions and keys in, model out. No terminal and no database: loads are answered
//! by hand with the rows a store would return.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::action::{Action, Loaded};
use super::super::command::Command;
use super::super::harness::parse_script;
use super::super::keymap::Keymap;
use super::super::model::{Light, Limit, Mode, Model, Tab, TaskRow, TaskSort, TaskState};
use super::super::theme::Theme;
use super::{key, update};
use crate::i18n::Lang;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn model() -> Model {
    let theme = Theme {
        color: false,
        ascii: false,
    };
    let mut m = Model::new(
        Lang::Zh,
        day("2026-11-25"),
        theme,
        Keymap::default(),
        "t.db".into(),
    );
    update(&mut m, Action::Resize(80, 24));
    m
}

fn task(id: i64) -> TaskRow {
    TaskRow {
        id,
        text: format!("事项{id}"),
        lead_unit: "上塘镇".into(),
        lead_unit_id: 7,
        co_units: vec![],
        meeting_id: 100 + id,
        meeting_date: day("2026-11-02"),
        meeting_topic: Some("议题".into()),
        leader: None,
        limit: Limit::Default,
        due: Some(day("2026-11-20")),
        provisional: false,
        light: Light::Red,
        working_days_left: Some(-3),
        working_days_left_provisional: false,
        state: TaskState::ExplanationDue,
        completed_on: None,
        promised_on: None,
        unanswered_promise: None,
        last_progress_on: None,
        version: 1,
    }
}

/// Answers a ledger load as a store holding tasks `ids` (in that order) would.
fn answer(m: &mut Model, cmds: Vec<Command>, ids: &[i64]) -> Vec<Command> {
    let mut rest = Vec::new();
    for c in cmds {
        match c {
            Command::LoadTasks {
                filter,
                keep,
                cursor,
                visible,
                ..
            } => {
                let total = ids.len();
                let cursor = keep
                    .and_then(|k| ids.iter().position(|i| *i == k))
                    .unwrap_or(cursor.min(total.saturating_sub(1)));
                let offset = cursor.saturating_sub(visible);
                let rows = ids
                    .iter()
                    .skip(offset)
                    .take(visible * 3)
                    .map(|&i| task(i))
                    .collect();
                let more = update(
                    m,
                    Action::Loaded(Box::new(Loaded::Tasks {
                        filter: Box::new(filter),
                        more: false,
                        offset,
                        total,
                        cursor,
                        rows,
                    })),
                );
                rest.extend(more);
            }
            other => rest.push(other),
        }
    }
    rest
}

fn press(m: &mut Model, script: &str) -> Vec<Command> {
    let mut out = Vec::new();
    for k in parse_script(script) {
        out.extend(key(m, k));
    }
    out
}

#[test]
fn tab_keys_switch_screens_and_ask_for_their_data() {
    let mut m = model();
    let cmds = press(&mut m, "2");
    assert_eq!(m.tab, Tab::Tasks);
    assert!(matches!(cmds.as_slice(), [Command::LoadTasks { .. }]));
    press(&mut m, "<Tab>");
    assert_eq!(m.tab, Tab::Meetings);
    press(&mut m, "<BackTab><BackTab>");
    assert_eq!(m.tab, Tab::Overview);
    press(&mut m, "<BackTab>");
    assert_eq!(m.tab, Tab::Audit);
}

#[test]
fn moving_down_selects_the_next_task_and_loads_its_detail() {
    let mut m = model();
    let ids: Vec<i64> = (1..=50).collect();
    let c = press(&mut m, "2");
    let c = answer(&mut m, c, &ids);
    assert_eq!(m.tasks.selected, Some(1));
    assert!(matches!(c.as_slice(), [Command::LoadTaskDetail(1)]));
    let c = press(&mut m, "jj");
    assert_eq!(m.tasks.selected, Some(3));
    assert!(matches!(
        c.as_slice(),
        [Command::LoadTaskDetail(2), Command::LoadTaskDetail(3)]
    ));
    press(&mut m, "k");
    assert_eq!((m.tasks.cursor, m.tasks.selected), (1, Some(2)));
}

#[test]
fn scrolling_past_the_loaded_window_asks_for_the_next_window() {
    let mut m = model();
    let ids: Vec<i64> = (1..=1000).collect();
    let c = press(&mut m, "2");
    answer(&mut m, c, &ids);
    assert!(m.tasks.rows.len() < 100, "only a window is loaded");
    let c = press(&mut m, "G");
    assert_eq!(m.tasks.cursor, 999);
    assert!(
        matches!(
            c.as_slice(),
            [Command::LoadTasks {
                cursor: 999,
                keep: None,
                ..
            }]
        ),
        "{c:?}"
    );
    answer(&mut m, c, &ids);
    assert_eq!(m.tasks.selected, Some(1000));
    assert!(m.tasks.covers(m.tasks.top, m.tasks.top + 10));
}

#[test]
fn a_reload_keeps_the_selected_task_even_when_it_moved() {
    let mut m = model();
    let c = press(&mut m, "2");
    answer(&mut m, c, &[1, 2, 3, 4, 5]);
    press(&mut m, "jj");
    assert_eq!(m.tasks.selected, Some(3));
    // Another user's change: task 3 is now last, and a new task came first.
    let c = update(&mut m, Action::DataChanged);
    answer(&mut m, c, &[9, 1, 2, 4, 5, 3]);
    assert_eq!(m.tasks.selected, Some(3));
    assert_eq!(m.tasks.cursor, 5);
}

#[test]
fn typing_a_filter_applies_it_at_once_and_esc_keeps_it() {
    let mut m = model();
    let c = press(&mut m, "2");
    answer(&mut m, c, &[1, 2]);
    press(&mut m, "/");
    assert_eq!(m.mode, Mode::Filter);
    let c = press(&mut m, "s");
    assert!(
        matches!(c.as_slice(), [Command::LoadTasks { filter, .. }] if filter.text.as_deref() == Some("s"))
    );
    press(&mut m, "tz<Esc>");
    assert_eq!(m.mode, Mode::Normal);
    assert_eq!(
        m.task_query.text, "stz",
        "a lone Esc never discards the filter"
    );
    press(&mut m, "C");
    assert_eq!(m.task_query.text, "");
}

#[test]
fn pasted_text_is_sanitised() {
    let mut m = model();
    press(&mut m, "2/");
    update(&mut m, Action::Paste("上塘\x1b[31m镇\n\u{202e}".into()));
    assert_eq!(m.input.value(), "上塘[31m镇 ");
    assert!(!m.task_query.text.contains('\x1b'));
}

#[test]
fn quick_filters_toggle_the_light_and_sort_cycles() {
    let mut m = model();
    press(&mut m, "2");
    press(&mut m, "r");
    assert_eq!(m.task_query.light, Some(Light::Red));
    press(&mut m, "y");
    assert_eq!(m.task_query.light, Some(Light::Yellow));
    press(&mut m, "y");
    assert_eq!(m.task_query.light, None);
    press(&mut m, "s");
    assert_eq!(m.task_query.sort, TaskSort::Unit);
    press(&mut m, "ss");
    assert_eq!(m.task_query.sort, TaskSort::WorkdaysLeft);
}

#[test]
fn enter_follows_the_task_to_its_meeting_and_backspace_returns() {
    let mut m = model();
    let c = press(&mut m, "2");
    answer(&mut m, c, &[1, 2, 3]);
    press(&mut m, "j");
    let c = press(&mut m, "<Enter>");
    assert_eq!(m.tab, Tab::Meetings);
    assert_eq!(m.meetings.selected, Some(102));
    assert!(matches!(
        c.as_slice(),
        [Command::LoadMeetings {
            keep: Some(102),
            ..
        }]
    ));
    press(&mut m, "<Bksp>");
    assert_eq!(m.tab, Tab::Tasks);
    assert_eq!((m.tasks.selected, m.tasks.cursor), (Some(2), 1));
    press(&mut m, "[");
    assert!(matches!(
        &m.status,
        Some(super::super::model::Status::Info(_))
    ));
}

#[test]
fn o_goes_to_the_lead_unit() {
    let mut m = model();
    let c = press(&mut m, "2");
    answer(&mut m, c, &[1]);
    let c = press(&mut m, "o");
    assert_eq!(m.tab, Tab::Units);
    assert_eq!(m.units.selected, Some(7));
    assert!(matches!(c.as_slice(), [Command::LoadUnits, ..]));
}

#[test]
fn the_command_line_jumps_and_reports_what_it_cannot_find() {
    let mut m = model();
    let c = press(&mut m, ":task 3<Enter>");
    assert_eq!(m.tab, Tab::Tasks);
    answer(&mut m, c, &[1, 2, 3]);
    assert_eq!(m.tasks.selected, Some(3));
    assert_eq!(m.status, None);
    let c = press(&mut m, ":task 99<Enter>");
    answer(&mut m, c, &[1, 2, 3]);
    assert!(matches!(&m.status, Some(super::super::model::Status::Error(e)) if e.contains("99")));
    press(&mut m, ":frobnicate<Enter>");
    assert!(
        matches!(&m.status, Some(super::super::model::Status::Error(e)) if e.contains("frobnicate"))
    );
    // Esc keeps the draft of the command line.
    press(&mut m, ":unit 上<Esc>");
    assert_eq!(m.command_draft, "unit 上");
    press(&mut m, ":");
    assert_eq!(m.input.value(), "unit 上");
}

#[test]
fn help_opens_and_closes_and_quit_quits() {
    let mut m = model();
    press(&mut m, "?");
    assert_eq!(m.mode, Mode::Help);
    press(&mut m, "<Esc>");
    assert_eq!(m.mode, Mode::Normal);
    key(
        &mut m,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(m.quit);
}

#[test]
fn the_calendar_moves_by_day_week_and_month() {
    let mut m = model();
    let c = press(&mut m, "6");
    assert!(matches!(c.as_slice(), [Command::LoadMonth(2026, 11)]));
    press(&mut m, "<Right><Down>");
    assert_eq!(m.calendar_cursor, day("2026-12-03"));
    let c = press(&mut m, "<PgUp>");
    assert_eq!(m.calendar_cursor, day("2026-11-03"));
    assert!(matches!(c.as_slice(), [Command::LoadMonth(2026, 11)]));
}

mod aliases;
mod attendance_rows;
mod forms;
mod forms_cut;
mod marks;
mod seams;
mod undo;
mod units_period;
mod windows;
mod wording;

#[test]
fn a_step_past_the_edge_scrolls_half_a_screen_and_a_step_within_scrolls_nothing() {
    let mut m = model();
    let ids: Vec<i64> = (1..=1000).collect();
    let c = press(&mut m, "2");
    answer(&mut m, c, &ids);
    let v = super::loads::visible(&m);
    assert!(v >= 6, "{v}");
    // Down to the last row on screen: nothing scrolls.
    press(&mut m, &"j".repeat(v - 1));
    assert_eq!((m.tasks.cursor, m.tasks.top), (v - 1, 0));
    // One more: half a screen, the cursor mid-list.
    let c = press(&mut m, "j");
    answer(&mut m, c, &ids);
    assert_eq!(m.tasks.cursor, v);
    assert_eq!(m.tasks.top, v - v / 2);
    assert_eq!(m.tasks.selected, Some(v as i64 + 1));
    // Back up to the first row on screen, then one past it.
    let top = m.tasks.top;
    let up = "k".repeat(m.tasks.cursor - top);
    press(&mut m, &up);
    assert_eq!((m.tasks.cursor, m.tasks.top), (top, top));
    let c = press(&mut m, "k");
    answer(&mut m, c, &ids);
    assert_eq!(m.tasks.cursor, top - 1);
    assert_eq!(m.tasks.top, (top - 1).saturating_sub(v / 2));
    // The end of the list: the last screen is full, not half empty.
    let c = press(&mut m, "G");
    answer(&mut m, c, &ids);
    let c = press(&mut m, "k");
    answer(&mut m, c, &ids);
    assert_eq!(m.tasks.top, 1000 - v);
}
