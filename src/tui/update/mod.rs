//! `update`: the only place the model changes. Actions in, commands out, no I/O, so every behaviour
//! can be tested by feeding keys and reading the model.

mod calendar;
#[cfg(test)]
mod form_tests;
mod forms;
mod jump;
mod lists;
mod loaded;
mod loads;
mod marks;
mod reports;
#[cfg(test)]
mod tests;
mod undo;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;
use tui_input::backend::crossterm::to_input_request;

use super::action::Action;
use super::command::Command;
use super::model::{Light, Mode, Model, Tab};
use crate::i18n::Ui;

/// Applies a key press: resolves it for the current mode, then updates.
pub fn key(m: &mut Model, key: KeyEvent) -> Vec<Command> {
    match action_for_key(m, key) {
        Some(a) => update(m, a),
        None => Vec::new(),
    }
}

/// What a key means in the current mode.
pub fn action_for_key(m: &Model, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // A question on the status line (undo that removes a record) takes y or n first.
    if m.ask.is_some() && m.mode == Mode::Normal {
        return match (key.code, key.modifiers) {
            (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
            (KeyCode::Char('y' | 'Y') | KeyCode::Enter, _) => Some(Action::Confirm(true)),
            (KeyCode::Char('n' | 'N') | KeyCode::Esc, _) => Some(Action::Confirm(false)),
            _ => None,
        };
    }
    match m.mode {
        // Forms and the menu read raw keys: a form's letters are text, not commands.
        Mode::Form | Mode::Menu => match (key.code, key.modifiers) {
            (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
            // `?` is typed; F1 is help on a form too.
            (KeyCode::F(1), _) if m.mode == Mode::Form => Some(Action::Help),
            _ => Some(Action::Key(key)),
        },
        Mode::Normal | Mode::Help | Mode::Present => m.keymap.action(&key).or(match key.code {
            KeyCode::Esc if m.mode != Mode::Normal => Some(Action::Cancel),
            // Esc on a list with marks clears them (V does too).
            KeyCode::Esc if !m.marked.is_empty() => Some(Action::ClearMarks),
            _ => None,
        }),
        Mode::Filter | Mode::Command => match (key.code, key.modifiers) {
            (KeyCode::Enter, _) => Some(Action::Submit),
            (KeyCode::Esc, _) => Some(Action::Cancel),
            (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
            (KeyCode::Up, _) => Some(Action::Up),
            (KeyCode::Down, _) => Some(Action::Down),
            (KeyCode::PageUp, _) => Some(Action::PageUp),
            (KeyCode::PageDown, _) => Some(Action::PageDown),
            _ => to_input_request(&ratatui::crossterm::event::Event::Key(key)).map(Action::Edit),
        },
    }
}

/// Applies one action to the model and says what to load.
pub fn update(m: &mut Model, action: Action) -> Vec<Command> {
    match action {
        // A form reads raw keys, but for the few that mean something else there (Ctrl-C, F1).
        Action::Key(k) if m.mode == Mode::Form => {
            return match action_for_key(m, k) {
                Some(Action::Key(k)) => forms::form_key(m, k),
                Some(a) => update(m, a),
                None => Vec::new(),
            };
        }
        Action::Help if m.mode == Mode::Form => {
            m.mode = Mode::Help;
            m.help_scroll = 0;
            return Vec::new();
        }
        Action::Key(k) if m.mode == Mode::Menu => return forms::menu_key(m, k),
        Action::Paste(text) if m.mode == Mode::Form => return forms::form_paste(m, &text),
        Action::Key(k) => return key(m, k),
        Action::Loaded(l) if matches!(*l, super::action::Loaded::Saved(_)) => {
            if let super::action::Loaded::Saved(s) = *l {
                return forms::saved(m, s);
            }
            return Vec::new();
        }
        Action::WriteFailed(e) => return forms::refused(m, *e),
        Action::Resize(w, h) => {
            m.width = w;
            m.height = h;
            return lists::ensure_loaded(m);
        }
        Action::Loaded(l) => {
            let cmds = loaded::apply(m, *l);
            forms::show_theirs(m);
            return cmds;
        }
        Action::Failed(e) => {
            m.status = Some(super::model::Status::Error(e));
            return Vec::new();
        }
        Action::DataChanged => return lists::reload_all(m),
        // Ctrl-C on a form with unsaved changes asks first, like Esc.
        Action::Quit if m.mode == Mode::Form && m.form.as_ref().is_some_and(|f| f.dirty) => {
            if let Some(f) = m.form.as_mut() {
                f.asking_close = true;
            }
            return Vec::new();
        }
        Action::Quit if !matches!(m.mode, Mode::Help | Mode::Present) => {
            m.quit = true;
            return Vec::new();
        }
        _ => {}
    }
    match m.mode {
        Mode::Help => help(m, action),
        Mode::Present => reports::presenting(m, action),
        Mode::Filter | Mode::Command => typing(m, action),
        Mode::Normal => normal(m, action),
        Mode::Form | Mode::Menu => Vec::new(),
    }
}

fn help(m: &mut Model, action: Action) -> Vec<Command> {
    match action {
        Action::Down | Action::DetailDown => m.help_scroll = m.help_scroll.saturating_add(1),
        Action::Up | Action::DetailUp => m.help_scroll = m.help_scroll.saturating_sub(1),
        Action::PageDown => m.help_scroll = m.help_scroll.saturating_add(10),
        Action::PageUp => m.help_scroll = m.help_scroll.saturating_sub(10),
        Action::Top => m.help_scroll = 0,
        // Back to the form help was opened from, else to the list.
        Action::Help | Action::Cancel | Action::Back | Action::Quit => {
            m.mode = if m.form.is_some() {
                Mode::Form
            } else {
                Mode::Normal
            }
        }
        _ => {}
    }
    Vec::new()
}

fn typing(m: &mut Model, action: Action) -> Vec<Command> {
    let filtering = m.mode == Mode::Filter;
    match action {
        Action::Edit(req) => {
            let req = match req {
                InputRequest::InsertChar(c) if c.is_control() => return Vec::new(),
                r => r,
            };
            if m.input.handle(req).is_some_and(|s| s.value) && filtering {
                return lists::set_filter_text(m);
            }
        }
        Action::Paste(text) => {
            for c in crate::text::sanitise(&text).chars() {
                m.input.handle(InputRequest::InsertChar(c));
            }
            if filtering {
                return lists::set_filter_text(m);
            }
        }
        Action::Submit if filtering => m.mode = Mode::Normal,
        Action::Submit => {
            let text = m.input.value().trim().to_string();
            m.command_draft.clear();
            m.input.reset();
            m.mode = Mode::Normal;
            return jump::run_command(m, &text);
        }
        // A lone Esc never discards work: the filter stays applied, the command stays drafted.
        Action::Cancel => {
            if !filtering {
                m.command_draft = m.input.value().to_string();
            }
            m.mode = Mode::Normal;
        }
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            return lists::navigate(m, &action);
        }
        _ => {}
    }
    Vec::new()
}

fn normal(m: &mut Model, action: Action) -> Vec<Command> {
    m.status = None;
    let need = action.needs(m.tab);
    if !m.role.allows(need) {
        if m.own_role.allows(need) {
            error(m, Ui::ReadOnlySession, &[]);
            return Vec::new();
        }
        let (l, have) = (m.lang, m.role);
        let args: [&dyn std::fmt::Display; 2] = [&l.t(role_msg(have)), &l.t(role_msg(need))];
        error(m, Ui::NotAllowed, &args);
        return Vec::new();
    }
    match action {
        Action::NextTab => switch(m, m.tab.step(1)),
        Action::PrevTab => switch(m, m.tab.step(-1)),
        Action::GotoOverview => switch(m, Tab::Overview),
        Action::GotoTasks => switch(m, Tab::Tasks),
        Action::GotoMeetings => switch(m, Tab::Meetings),
        Action::GotoUnits => switch(m, Tab::Units),
        Action::GotoReports => switch(m, Tab::Reports),
        Action::GotoCalendar => switch(m, Tab::Calendar),
        Action::GotoAudit => switch(m, Tab::Audit),
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => lists::navigate(m, &action),
        Action::DetailDown => {
            m.detail_scroll = m.detail_scroll.saturating_add(3);
            Vec::new()
        }
        Action::DetailUp => {
            m.detail_scroll = m.detail_scroll.saturating_sub(3);
            Vec::new()
        }
        Action::Open => jump::open(m),
        Action::OpenUnit => jump::open_unit(m),
        Action::Back => jump::back(m),
        Action::Help => {
            m.mode = Mode::Help;
            m.help_scroll = 0;
            Vec::new()
        }
        Action::Filter => {
            if !matches!(m.tab, Tab::Tasks | Tab::Meetings | Tab::Units) {
                let mut cmds = switch(m, Tab::Tasks);
                cmds.extend(start_filter(m));
                return cmds;
            }
            start_filter(m)
        }
        Action::Command => {
            m.input = m.command_draft.clone().into();
            m.mode = Mode::Command;
            Vec::new()
        }
        Action::FilterRed => lists::toggle_light(m, Light::Red),
        Action::FilterYellow => lists::toggle_light(m, Light::Yellow),
        Action::FilterGreen => lists::toggle_light(m, Light::Green),
        Action::ClearFilter => marks::clear_filter(m),
        Action::CycleSort if m.tab == Tab::Reports => reports::cycle_period(m),
        Action::CycleSort => lists::cycle_sort(m),
        Action::Present => reports::present(m),
        Action::Export => reports::export(m),
        Action::Refresh => lists::reload_all(m),
        Action::Add
        | Action::EditRecord
        | Action::Aliases
        | Action::Progress
        | Action::Done
        | Action::Explain
        | Action::Criticise => forms::step_action(m, &action),
        Action::Steps => forms::open_menu(m),
        Action::Mark => marks::mark(m),
        Action::ClearMarks => marks::clear(m),
        Action::Undo => undo::undo(m),
        Action::Redo => undo::redo(m),
        Action::Confirm(yes) => undo::answer(m, yes),
        _ => Vec::new(),
    }
}

fn start_filter(m: &mut Model) -> Vec<Command> {
    let text = match m.tab {
        Tab::Meetings => m.meeting_query.text.clone(),
        Tab::Units => m.unit_query.text.clone(),
        _ => m.task_query.text.clone(),
    };
    m.input = text.into();
    m.mode = Mode::Filter;
    Vec::new()
}

/// Shows another tab, loading what it shows if that is not loaded yet.
pub(super) fn switch(m: &mut Model, tab: Tab) -> Vec<Command> {
    if m.tab != tab {
        m.detail_scroll = 0;
    }
    m.tab = tab;
    lists::ensure_loaded(m)
}

/// A role's name in the catalogue.
pub(super) fn role_msg(r: crate::domain::Role) -> crate::i18n::Msg {
    use crate::domain::Role;
    match r {
        Role::Admin => crate::i18n::Msg::RoleAdmin,
        Role::Editor => crate::i18n::Msg::RoleEditor,
        Role::Viewer => crate::i18n::Msg::RoleViewer,
    }
}

/// A message for the status line.
pub(super) fn info(m: &mut Model, msg: Ui, args: &[&dyn std::fmt::Display]) {
    m.status = Some(super::model::Status::Info(m.lang.ui_fill(msg, args)));
}

/// An error for the status line.
pub(super) fn error(m: &mut Model, msg: Ui, args: &[&dyn std::fmt::Display]) {
    m.status = Some(super::model::Status::Error(m.lang.ui_fill(msg, args)));
}
