//! Keys on a form: typing into the focused field, moving between fields and grid rows, choosing
//! from pickers, and asking to save or close. What a save does is decided by the caller.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;
use tui_input::backend::crossterm::to_input_request;

use super::{FieldKind, Form};

/// What a key asks of the form's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Handled inside the form.
    Handled,
    /// Something was typed: hints may need computing again.
    Changed,
    /// Save (Ctrl-S, or Enter on the last field).
    Save,
    /// Close without saving (confirmed, or nothing to lose).
    Close,
    /// Not a key forms use.
    Ignored,
}

/// Applies a key press to the form.
pub fn key(form: &mut Form, k: KeyEvent) -> FormKey {
    if form.saving {
        return FormKey::Handled;
    }
    if form.asking.is_some() {
        return match k.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                form.asking = None;
                form.confirmed = true;
                FormKey::Save
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                form.asking = None;
                FormKey::Handled
            }
            _ => FormKey::Handled,
        };
    }
    if form.asking_close {
        return match k.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => FormKey::Close,
            KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                form.asking_close = false;
                FormKey::Handled
            }
            _ => FormKey::Handled,
        };
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let last = form.focus + 1 == form.fields.len();
    let kind = form.fields[form.focus].kind.clone();
    let picking = !form.fields[form.focus].candidates().is_empty();
    match k.code {
        KeyCode::Char('s') if ctrl => FormKey::Save,
        KeyCode::Esc => {
            if form.dirty {
                form.asking_close = true;
                FormKey::Handled
            } else {
                FormKey::Close
            }
        }
        KeyCode::Tab | KeyCode::Enter if picking => {
            accept_pick(form);
            FormKey::Changed
        }
        KeyCode::Tab => move_to(form, form.focus + 1),
        KeyCode::BackTab => move_to(form, form.focus.wrapping_sub(1)),
        KeyCode::Up if picking => {
            form.pick = form.pick.saturating_sub(1);
            FormKey::Handled
        }
        KeyCode::Down if picking => {
            let n = form.fields[form.focus].candidates().len();
            form.pick = (form.pick + 1).min(n.saturating_sub(1));
            FormKey::Handled
        }
        KeyCode::Up => move_to(form, row_step(form, -1)),
        KeyCode::Down => move_to(form, row_step(form, 1)),
        KeyCode::Enter if kind == FieldKind::LongText => insert(form, "\n"),
        KeyCode::Char('j') if ctrl && kind == FieldKind::LongText => insert(form, "\n"),
        KeyCode::Enter if last => FormKey::Save,
        KeyCode::Enter => move_to(form, form.focus + 1),
        KeyCode::Char(' ') if !ctrl && ticks_row(form) => tick_row(form),
        _ => match kind {
            FieldKind::Check => match k.code {
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                    let f = &mut form.fields[form.focus];
                    f.choice = 1 - f.choice.min(1);
                    changed(form)
                }
                KeyCode::Char('y' | 'Y' | '1') => set_choice(form, 1, false),
                KeyCode::Char('n' | 'N' | '0') => set_choice(form, 0, false),
                _ => FormKey::Ignored,
            },
            FieldKind::Choice(options) => match k.code {
                KeyCode::Char(' ') | KeyCode::Right => {
                    let c = (form.fields[form.focus].choice + 1) % options.len().max(1);
                    set_choice(form, c, false)
                }
                KeyCode::Left => {
                    let n = options.len().max(1);
                    let c = (form.fields[form.focus].choice + n - 1) % n;
                    set_choice(form, c, false)
                }
                // A digit chooses and moves down a row: a grid is filled one key per row.
                // An option labelled "1 …" is chosen by 1, else the first option by 1.
                KeyCode::Char(c @ '1'..='9') => {
                    let numbered = options.iter().position(|o| {
                        let mut chars = o.chars();
                        chars.next() == Some(c) && chars.next() == Some(' ')
                    });
                    match numbered.or(Some(c as usize - '1' as usize)) {
                        Some(i) if i < options.len() => set_choice(form, i, true),
                        _ => FormKey::Ignored,
                    }
                }
                _ => FormKey::Ignored,
            },
            _ => type_key(form, k),
        },
    }
}

/// Pasted text goes into the focused field, cleaned of control characters; line breaks are kept
/// only where the field takes several lines.
pub fn paste(form: &mut Form, text: &str) -> FormKey {
    if form.saving || form.asking_close || form.asking.is_some() {
        return FormKey::Handled;
    }
    let text = if form.fields[form.focus].kind == FieldKind::LongText {
        crate::text::sanitise_lines(text)
    } else {
        crate::text::sanitise(text.trim_end_matches(['\r', '\n']))
    };
    match form.fields[form.focus].kind {
        FieldKind::Check | FieldKind::Choice(_) => FormKey::Ignored,
        _ => insert(form, &text),
    }
}

fn changed(form: &mut Form) -> FormKey {
    form.dirty = true;
    form.fields[form.focus].error = None;
    form.error = None;
    FormKey::Changed
}

fn set_choice(form: &mut Form, choice: usize, down: bool) -> FormKey {
    form.fields[form.focus].choice = choice;
    changed(form);
    if down {
        move_to(form, row_step(form, 1));
    }
    FormKey::Changed
}

fn insert(form: &mut Form, text: &str) -> FormKey {
    let field = &mut form.fields[form.focus];
    if std::mem::take(&mut field.selected) {
        field.input.reset();
    }
    let input = &mut field.input;
    for c in text.chars() {
        input.handle(InputRequest::InsertChar(c));
    }
    form.pick = 0;
    changed(form)
}

fn type_key(form: &mut Form, k: KeyEvent) -> FormKey {
    let Some(req) = to_input_request(&Event::Key(k)) else {
        return FormKey::Ignored;
    };
    if let InputRequest::InsertChar(c) = req
        && c.is_control()
    {
        return FormKey::Ignored;
    }
    // A selected text: a character replaces it, Backspace or Delete clears it, any other key
    // ends the selection and does what it does.
    let field = &mut form.fields[form.focus];
    if std::mem::take(&mut field.selected) {
        match req {
            InputRequest::InsertChar(_) => field.input.reset(),
            InputRequest::DeletePrevChar | InputRequest::DeleteNextChar => {
                field.input.reset();
                form.pick = 0;
                return changed(form);
            }
            _ => {}
        }
    }
    match form.fields[form.focus].input.handle(req) {
        Some(s) if s.value => {
            form.pick = 0;
            changed(form)
        }
        Some(_) => FormKey::Handled,
        None => FormKey::Ignored,
    }
}

/// Focuses field `i` (wrapping around the ends); a filled one-line field is reached selected.
fn move_to(form: &mut Form, i: usize) -> FormKey {
    let n = form.fields.len();
    form.focus = if i == usize::MAX { n - 1 } else { i % n };
    form.pick = 0;
    form.select_focus();
    FormKey::Handled
}

fn row_start(form: &Form, i: usize) -> usize {
    form.row_start(i)
}

/// Space in a text cell of a grid ticks the row's box (or steps its outcome) while the cell is
/// empty or selected; once the cell holds typed text, Space is a space (between two words).
fn ticks_row(form: &Form) -> bool {
    let f = &form.fields[form.focus];
    form.is_grid()
        && f.column.is_some()
        && matches!(f.kind, FieldKind::Text)
        && (f.selected || f.text_value().trim().is_empty())
}

/// Ticks the box of the focused row, or steps its choice to the next option.
fn tick_row(form: &mut Form) -> FormKey {
    let start = form.row_start(form.focus);
    let f = &mut form.fields[start];
    match &f.kind {
        FieldKind::Check => f.choice = 1 - f.choice.min(1),
        FieldKind::Choice(options) => f.choice = (f.choice + 1) % options.len().max(1),
        _ => return FormKey::Ignored,
    }
    form.dirty = true;
    form.fields[start].error = None;
    form.error = None;
    FormKey::Changed
}

/// The field in the same column one line up or down (the next field on a one-field line).
fn row_step(form: &Form, step: isize) -> usize {
    let n = form.fields.len();
    let start = row_start(form, form.focus);
    let col = form.focus - start;
    let target_start = if step > 0 {
        let mut i = form.focus + 1;
        while i < n && form.fields[i].column.is_some() {
            i += 1;
        }
        if i >= n {
            return 0;
        }
        i
    } else {
        if start == 0 {
            return row_start(form, n - 1);
        }
        row_start(form, start - 1)
    };
    let mut target = target_start;
    while target - target_start < col && target + 1 < n && form.fields[target + 1].column.is_some()
    {
        target += 1;
    }
    target
}

/// Replaces the token being typed with the highlighted name.
fn accept_pick(form: &mut Form) {
    let pick = form.pick;
    let field = &mut form.fields[form.focus];
    let Some(name) = field.candidates().get(pick).map(|c| c.name.clone()) else {
        return;
    };
    let multi = matches!(field.kind, FieldKind::Pick { multi: true, .. });
    let value = field.input.value().to_string();
    let kept = &value[..value.len() - field.token().len()];
    let new = if multi {
        format!("{kept}{name}、")
    } else {
        name
    };
    field.input = new.into();
    form.pick = 0;
    changed(form);
}
