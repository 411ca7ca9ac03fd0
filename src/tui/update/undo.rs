//! Undo and redo in `update`. `u` first asks the store what it would revert: undoing a record's
//! creation removes the record, so that is asked on the status line (y/n), naming the record; an
//! edit is undone at once. A step on several tasks (the marked ones) is undone as one: every
//! record it wrote, in one transaction. Either way the status line says what was undone, and that
//! `Ctrl-R` makes it again. Redo follows undo until a new change of the user's.

use super::super::command::{Command, Write};
use super::super::model::{Ask, Model, Status, UndoPeek};
use crate::i18n::{Mk, Msg};
use crate::text::truncate;

/// `u`: what would be undone is loaded first (as many changes as the last write made together).
pub fn undo(m: &mut Model) -> Vec<Command> {
    m.ask = None;
    vec![Command::PeekUndo {
        n: m.undo_batch.max(1),
    }]
}

/// The changes `u` would revert: asked about when they remove records, else undone.
pub fn peeked(m: &mut Model, peeks: Vec<UndoPeek>) -> Vec<Command> {
    let Some(p) = peeks.first() else {
        m.status = Some(Status::Error(m.lang.t(Msg::ErrNothingToUndo).to_string()));
        return Vec::new();
    };
    let ids: Vec<i64> = peeks.iter().map(|p| p.audit_id).collect();
    if !p.removes {
        return write(m, ids);
    }
    let l = m.lang;
    let what = crate::present::entity_name(l, p.entity);
    let question = match (&p.label, peeks.len()) {
        (_, n) if n > 1 => {
            let keys: Vec<String> = peeks.iter().map(|p| p.entity_id.clone()).collect();
            let keys = crate::tui::write::joined(l, &keys);
            l.mk_fill(Mk::AskUndoRemoveMany, &[&n, &what, &keys])
        }
        (Some(label), _) => l.mk_fill(
            Mk::AskUndoRemove,
            &[&what, &p.entity_id, &truncate(label, 24)],
        ),
        (None, _) => l.mk_fill(Mk::AskUndoRemoveBare, &[&what, &p.entity_id]),
    };
    m.ask = Some(Ask::Undo {
        audit_ids: ids,
        question,
    });
    Vec::new()
}

/// y or n to the question on the status line.
pub fn answer(m: &mut Model, yes: bool) -> Vec<Command> {
    match m.ask.take() {
        Some(Ask::Undo { audit_ids, .. }) if yes => write(m, audit_ids),
        Some(Ask::Undo { .. }) => {
            m.status = Some(Status::Info(m.lang.mk(Mk::UndoKept).to_string()));
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The undo of audit rows `expect` (newest first). The message is the key that redoes it (the
/// note of the write says the rest).
fn write(m: &mut Model, expect: Vec<i64>) -> Vec<Command> {
    vec![Command::Write {
        write: Box::new(Write::Undo { expect }),
        done: redo_key(m),
    }]
}

/// `Ctrl-R`: makes again what the last undo reverted (all of a step on several at once).
pub fn redo(m: &mut Model) -> Vec<Command> {
    m.ask = None;
    vec![Command::Write {
        write: Box::new(Write::Redo {
            count: m.redo_batch.max(1),
        }),
        done: String::new(),
    }]
}

/// The key of redo, as hints show it.
pub fn redo_key(m: &Model) -> String {
    m.keymap
        .hint(&super::super::action::Action::Redo)
        .unwrap_or_else(|| "Ctrl-R".to_string())
}
