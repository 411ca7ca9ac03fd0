//! Marks in `update`: `v` marks the selected task for one step on several, `V` (or `Esc` on a
//! list) clears every mark, saying how many. `C` clears the filters but keeps the marks (they are
//! the user's choice, made across filters), and says so. The status line shows the count while
//! any task is marked.

use super::super::action::Action;
use super::super::command::Command;
use super::super::model::{Model, Status, Tab};
use super::lists;
use crate::i18n::Mk;

/// `v`: marks or unmarks the selected task, then moves down.
pub fn mark(m: &mut Model) -> Vec<Command> {
    if m.tab != Tab::Tasks {
        return Vec::new();
    }
    if let Some(id) = m.tasks.selected {
        if !m.marked.remove(&id) {
            m.marked.insert(id);
        }
        let keys = m.lang.mk(Mk::MarkedKeys).to_string();
        m.status = (!m.marked.is_empty()).then_some(Status::Info(keys));
    }
    lists::navigate(m, &Action::Down)
}

/// `V` or `Esc`: clears every mark.
pub fn clear(m: &mut Model) -> Vec<Command> {
    let n = m.marked.len();
    let text = if n == 0 {
        m.lang.mk(Mk::NoMarks).to_string()
    } else {
        m.lang.mk_fill(Mk::MarksCleared, &[&n])
    };
    m.marked.clear();
    m.status = Some(Status::Info(text));
    Vec::new()
}

/// `C`: clears the filters; the marks stay, and the status line says so.
pub fn clear_filter(m: &mut Model) -> Vec<Command> {
    let cmds = lists::clear_filter(m);
    if !m.marked.is_empty() {
        let key = clear_key(m);
        let n = m.marked.len();
        m.status = Some(Status::Info(
            m.lang.mk_fill(Mk::FilterClearedMarksKept, &[&n, &key]),
        ));
    }
    cmds
}

/// The key that clears the marks, as hints show it.
pub fn clear_key(m: &Model) -> String {
    m.keymap
        .hint(&Action::ClearMarks)
        .unwrap_or_else(|| "Esc".to_string())
}
