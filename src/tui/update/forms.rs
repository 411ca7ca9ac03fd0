//! Forms and the steps menu in `update`: opening the step for the selection, keys and pastes into
//! the open form, saving it as a write command, and what the store said back.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::action::{Action, Saved, WriteFailure};
use super::super::command::Command;
use super::super::form::{self, FormKey};
use super::super::model::{Menu, Mode, Model, Status, Tab};
use super::super::workflow::{self, FormKind, MenuItem};
use super::{error, lists};
use crate::i18n::Ui;

/// How far PgUp/PgDn scroll a form's list of tasks.
const TARGETS_PAGE: usize = 4;

/// Opens the form of a step, or says why it cannot open. A step on marked tasks some of which
/// are outside the ledger's loaded window (another filter, another page) loads them first.
pub fn open(m: &mut Model, kind: FormKind) -> Vec<Command> {
    m.menu = None;
    if let FormKind::Progress(ids)
    | FormKind::Done(ids)
    | FormKind::Explain(ids)
    | FormKind::Criticise(ids) = &kind
        && ids.iter().any(|id| {
            m.tasks.rows.iter().all(|r| r.id != *id)
                && m.task_detail.as_ref().is_none_or(|d| d.row.id != *id)
        })
    {
        return vec![Command::LoadMarked {
            ids: ids.clone(),
            then: kind,
        }];
    }
    open_loaded(m, kind)
}

/// Opens the form of a step on what is loaded.
pub fn open_loaded(m: &mut Model, kind: FormKind) -> Vec<Command> {
    m.menu = None;
    match workflow::open(m, kind) {
        Some(form) => {
            m.form = Some(form);
            m.mode = Mode::Form;
        }
        None => {
            m.mode = Mode::Normal;
            error(m, Ui::ErrNothingSelected, &[]);
        }
    }
    Vec::new()
}

/// The keys that open a step from a list.
pub fn step_action(m: &mut Model, action: &Action) -> Vec<Command> {
    let ids = workflow::triage_targets(m);
    let kind = match (action, m.tab) {
        (Action::Add, Tab::Meetings) => FormKind::NewMeeting,
        (Action::Add, Tab::Units) => FormKind::NewUnit,
        (Action::Add, Tab::Tasks) => {
            let meeting = m
                .task_query
                .meeting
                .or_else(|| m.tasks.current().map(|r| r.meeting_id));
            match meeting {
                Some(id) => FormKind::NewTasks(id),
                None => return nothing(m),
            }
        }
        (Action::EditRecord, Tab::Meetings) => match m.meetings.selected {
            Some(id) => FormKind::EditMeeting(id),
            None => return nothing(m),
        },
        (Action::EditRecord, Tab::Units) => match m.units.selected {
            Some(id) => FormKind::EditUnit(id),
            None => return nothing(m),
        },
        (Action::Aliases, Tab::Units) => match m.units.selected {
            Some(id) => FormKind::Aliases(id),
            None => return nothing(m),
        },
        (Action::EditRecord, Tab::Tasks) => match m.tasks.selected {
            Some(id) => FormKind::EditTask(id),
            None => return nothing(m),
        },
        (Action::Progress, Tab::Tasks) if !ids.is_empty() => FormKind::Progress(ids),
        (Action::Done, Tab::Tasks) if !ids.is_empty() => FormKind::Done(ids),
        (Action::Explain, Tab::Tasks) if !ids.is_empty() => FormKind::Explain(ids),
        (Action::Criticise, Tab::Tasks) if !ids.is_empty() => FormKind::Criticise(ids),
        _ => return nothing(m),
    };
    open(m, kind)
}

fn nothing(m: &mut Model) -> Vec<Command> {
    error(m, Ui::ErrNothingSelected, &[]);
    Vec::new()
}

/// `m`: the steps for the selection.
pub fn open_menu(m: &mut Model) -> Vec<Command> {
    let mut items = workflow::menu(m);
    if items.is_empty() {
        return nothing(m);
    }
    // The step the rules ask for next is highlighted and said to be next.
    let next = workflow::next_step(m).and_then(|k| {
        items
            .iter()
            .position(|(_, item)| *item == MenuItem::Open(k.clone()))
    });
    if let Some(i) = next {
        let mark = m.lang.frm(crate::i18n::Frm::NextStep);
        items[i].0 = format!("{} {mark}", items[i].0);
    }
    m.menu = Some(Menu {
        title: m.lang.ui(Ui::StepsTitle).to_string(),
        items,
        cursor: next.unwrap_or(0),
    });
    m.mode = Mode::Menu;
    Vec::new()
}

/// Keys on the steps menu: move, choose (Enter or the item's number), close.
pub fn menu_key(m: &mut Model, k: KeyEvent) -> Vec<Command> {
    let Some(menu) = m.menu.as_mut() else {
        m.mode = Mode::Normal;
        return Vec::new();
    };
    let n = menu.items.len();
    let chosen = match k.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace => {
            m.menu = None;
            m.mode = Mode::Normal;
            return Vec::new();
        }
        KeyCode::Up | KeyCode::Char('k') => {
            menu.cursor = (menu.cursor + n - 1) % n;
            None
        }
        KeyCode::Down | KeyCode::Char('j') => {
            menu.cursor = (menu.cursor + 1) % n;
            None
        }
        KeyCode::Enter => Some(menu.cursor),
        KeyCode::Char(c @ '1'..='9') => Some(c as usize - '1' as usize).filter(|i| *i < n),
        _ => None,
    };
    let Some(item) = chosen.map(|i| menu.items[i].1.clone()) else {
        return Vec::new();
    };
    match item {
        MenuItem::Open(kind) => open(m, kind),
        MenuItem::Leaders => {
            let items = workflow::leaders_menu(m);
            if let Some(menu) = m.menu.as_mut() {
                menu.items = items;
                menu.cursor = 0;
                menu.title = m.lang.ui(Ui::StepEditLeader).to_string();
            }
            Vec::new()
        }
        MenuItem::Export(what) => {
            m.menu = None;
            m.mode = Mode::Normal;
            vec![Command::Export {
                what,
                dir: m.export_dir.clone(),
                referral_body: m.referral_body.clone(),
            }]
        }
    }
}

/// A key on the open form.
pub fn form_key(m: &mut Model, k: KeyEvent) -> Vec<Command> {
    let Some(f) = m.form.as_mut() else {
        m.mode = Mode::Normal;
        return Vec::new();
    };
    // PgUp/PgDn scroll the list of tasks a step on several changes.
    if !f.targets.is_empty() && matches!(k.code, KeyCode::PageUp | KeyCode::PageDown) {
        let last = f.targets.len().saturating_sub(1);
        f.targets_top = match k.code {
            KeyCode::PageUp => f.targets_top.saturating_sub(TARGETS_PAGE),
            _ => (f.targets_top + TARGETS_PAGE).min(last),
        };
        return Vec::new();
    }
    let outcome = form::key(f, k);
    after(m, outcome)
}

/// Text pasted into the open form.
pub fn form_paste(m: &mut Model, text: &str) -> Vec<Command> {
    let Some(f) = m.form.as_mut() else {
        return Vec::new();
    };
    let outcome = form::paste(f, text);
    after(m, outcome)
}

fn after(m: &mut Model, outcome: FormKey) -> Vec<Command> {
    match outcome {
        FormKey::Changed => {
            if let Some(mut f) = m.form.take() {
                f.confirmed = false;
                workflow::hints(m, &mut f);
                m.form = Some(f);
            }
            Vec::new()
        }
        FormKey::Save => save(m),
        FormKey::Close => {
            m.form = None;
            m.mode = Mode::Normal;
            Vec::new()
        }
        FormKey::Handled | FormKey::Ignored => Vec::new(),
    }
}

/// Validates the form; when every field is right, sends the write.
fn save(m: &mut Model) -> Vec<Command> {
    let Some(mut f) = m.form.take() else {
        return Vec::new();
    };
    let result = workflow::save(m, &mut f);
    let cmds = match result {
        Some((write, done)) => {
            f.saving = true;
            vec![Command::Write {
                write: Box::new(write),
                done,
            }]
        }
        None => {
            if f.has_errors() {
                f.focus_first_error();
            } else if f.error.is_none() {
                f.error = Some(m.lang.ui(Ui::ErrNothingSelected).to_string());
            }
            Vec::new()
        }
    };
    m.form = Some(f);
    cmds
}

/// The store saved: close the form, say so, and show the new state (selecting what was created).
pub fn saved(m: &mut Model, s: Saved) -> Vec<Command> {
    let kind = m.form.take().map(|f| f.kind);
    m.mode = Mode::Normal;
    // A step saved from a form has acted on the marked tasks: their marks are spent. An undo or
    // a redo (no form) leaves them.
    if kind.is_some() {
        m.marked.clear();
    }
    // After an undo (or a redo) there may be something to redo; a new change ends that. A step
    // on several tasks is undone as one, and so is a batch redone.
    m.can_redo = kind.is_none();
    m.undo_batch = match &kind {
        Some(FormKind::Progress(ids) | FormKind::Done(ids) | FormKind::Explain(ids)) => ids.len(),
        _ if s.redone > 0 => s.redone,
        // R2.3, R3: the rows of an attendance form were written as one.
        _ if s.together > 1 => s.together,
        _ => 1,
    };
    m.redo_batch = s.undone.max(1);
    m.status = Some(Status::Info(s.message));
    if let (Some(FormKind::NewMeeting), Some(id)) = (&kind, s.created.first()) {
        m.meetings.selected = Some(*id);
        m.tab = Tab::Meetings;
    }
    lists::reload_all(m)
}

/// The store refused: the form stays open with everything typed, the reason beside the field it
/// names; a conflict loads the other user's version to show beside ours.
pub fn refused(m: &mut Model, e: WriteFailure) -> Vec<Command> {
    let Some(f) = m.form.as_mut() else {
        // An undo or redo refused: redo is no longer offered.
        m.can_redo = false;
        m.status = Some(Status::Error(e.message));
        return Vec::new();
    };
    f.saving = false;
    if e.ask {
        f.asking = Some(e.message);
        return Vec::new();
    }
    if e.conflict {
        f.conflict = true;
        f.error = Some(format!("{} {}", e.message, m.lang.ui(Ui::ConflictHint)));
        return lists::reload_all(m);
    }
    f.refuse(e.field.as_deref(), e.message);
    Vec::new()
}

/// After a conflict, once the other user's version is loaded: show it under each field that
/// differs, and save over that version if the user saves again.
pub fn show_theirs(m: &mut Model) {
    let Some(f) = m.form.as_ref().filter(|f| f.conflict) else {
        return;
    };
    let Some(fresh) = workflow::open(m, f.kind.clone()) else {
        return;
    };
    if fresh.version == f.version {
        return;
    }
    let Some(f) = m.form.as_mut() else { return };
    for field in &mut f.fields {
        let theirs = fresh.field(&field.key).map(|x| x.shown());
        field.theirs = theirs.filter(|t| *t != field.shown());
    }
    f.version = fresh.version;
    f.conflict = false;
}
