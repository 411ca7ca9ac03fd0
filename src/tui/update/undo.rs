//! Undo and redo in `update`. `u` first asks the store what it would revert: undoing a record's
//! creation removes the record, so that is asked on the status line (y/n), naming the record; an
//! edit is undone at once. Either way the status line says what was undone, and that `Ctrl-R`
//! makes it again. Redo follows undo until a new change of the user's.

use super::super::command::{Command, Write};
use super::super::model::{Ask, Model, Status, UndoPeek};
use crate::i18n::{Mk, Msg};
use crate::text::truncate;

/// `u`: what would be undone is loaded first.
pub fn undo(m: &mut Model) -> Vec<Command> {
    m.ask = None;
    vec![Command::PeekUndo]
}

/// The change `u` would revert: asked about when it removes a record, else undone.
pub fn peeked(m: &mut Model, peek: Option<UndoPeek>) -> Vec<Command> {
    let Some(p) = peek else {
        m.status = Some(Status::Error(m.lang.t(Msg::ErrNothingToUndo).to_string()));
        return Vec::new();
    };
    if !p.removes {
        return write(m, Some(p.audit_id));
    }
    let l = m.lang;
    let what = crate::cli::entity_name(l, p.entity);
    let question = match &p.label {
        Some(label) => l.mk_fill(
            Mk::AskUndoRemove,
            &[&what, &p.entity_id, &truncate(label, 24)],
        ),
        None => l.mk_fill(Mk::AskUndoRemoveBare, &[&what, &p.entity_id]),
    };
    m.ask = Some(Ask::Undo {
        audit_id: p.audit_id,
        question,
    });
    Vec::new()
}

/// y or n to the question on the status line.
pub fn answer(m: &mut Model, yes: bool) -> Vec<Command> {
    match m.ask.take() {
        Some(Ask::Undo { audit_id, .. }) if yes => write(m, Some(audit_id)),
        Some(Ask::Undo { .. }) => {
            m.status = Some(Status::Info(m.lang.mk(Mk::UndoKept).to_string()));
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The undo itself, of audit row `expect` when the user was asked about it. The message is the
/// key that redoes it (the note of the write says the rest).
fn write(m: &mut Model, expect: Option<i64>) -> Vec<Command> {
    vec![Command::Write {
        write: Box::new(Write::Undo { expect }),
        done: redo_key(m),
    }]
}

/// `Ctrl-R`: makes again what the last undo reverted.
pub fn redo(m: &mut Model) -> Vec<Command> {
    m.ask = None;
    vec![Command::Write {
        write: Box::new(Write::Redo),
        done: String::new(),
    }]
}

/// The key of redo, as hints show it.
pub fn redo_key(m: &Model) -> String {
    m.keymap
        .hint(&super::super::action::Action::Redo)
        .unwrap_or_else(|| "Ctrl-R".to_string())
}
