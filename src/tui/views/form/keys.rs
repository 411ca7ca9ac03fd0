//! What the keys of a form do, said where they are used: the focused field's keys on the form's
//! last line, every form key in the bottom bar and in help (`F1` on a form).

use super::super::super::form::{FieldKind, Form};
use crate::i18n::{Frm, Lang};

/// The keys of the focused field, for the form's last line of `width` cells: what fits whole,
/// the selection's keys first.
pub fn field_keys(lang: Lang, form: &Form, width: usize) -> String {
    let Some(f) = form.fields.get(form.focus) else {
        return String::new();
    };
    let mut parts: Vec<&str> = Vec::new();
    if f.selected {
        parts.push(lang.frm(Frm::KeysSelected));
    }
    let grid_cell = form.is_grid() && f.column.is_some();
    match &f.kind {
        FieldKind::Check => parts.push(lang.frm(Frm::KeysCheck)),
        FieldKind::Choice(options) if options.len() <= 1 => {
            parts.push(lang.frm(Frm::KeysOnlyChoice))
        }
        FieldKind::Choice(_) if form.is_grid() => parts.push(lang.frm(Frm::KeysOutcome)),
        FieldKind::Choice(_) => parts.push(lang.frm(Frm::KeysChoice)),
        FieldKind::LongText => parts.push(lang.frm(Frm::KeysLong)),
        FieldKind::Pick { .. } => parts.push(lang.frm(Frm::KeysPick)),
        FieldKind::Date => parts.push(lang.frm(Frm::KeysDate)),
        FieldKind::Time => parts.push(lang.frm(Frm::KeysTime)),
        FieldKind::Text if grid_cell => {
            let start = form.row_start(form.focus);
            parts.push(lang.frm(match form.fields[start].kind {
                FieldKind::Check => Frm::KeysGridTick,
                _ => Frm::KeysGridCycle,
            }));
        }
        FieldKind::Text if !f.selected => parts.push(lang.frm(Frm::KeysText)),
        FieldKind::Text => {}
    }
    while parts.len() > 1
        && unicode_width::UnicodeWidthStr::width(parts.join(" · ").as_str()) > width
    {
        parts.pop();
    }
    parts.join(" · ")
}

/// The keys every form takes, for the bottom bar: the long list where it fits, else the short.
pub fn all_keys(lang: Lang, width: usize) -> &'static str {
    let long = lang.frm(Frm::KeysAll);
    if unicode_width::UnicodeWidthStr::width(long) <= width {
        long
    } else {
        lang.frm(Frm::KeysAllShort)
    }
}

/// A key line as `--ascii` draws it: no arrow, dot or dash of our own, only ASCII between words.
pub fn plain(s: &str, ascii: bool) -> String {
    if !ascii {
        return s.to_string();
    }
    s.replace("↑/↓", "Up/Down")
        .replace("↑↓", "Up/Down")
        .replace("←/→", "Left/Right")
        .replace(" · ", " | ")
        .replace('–', "-")
}

/// Help's section on forms: each key and what it does.
pub fn help(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let l = |m: Frm| lang.frm(m);
    vec![
        ("Tab S-Tab", l(Frm::HelpTab)),
        ("Up Down", l(Frm::HelpUpDown)),
        ("Left Right", l(Frm::HelpLeftRight)),
        ("Space", l(Frm::HelpSpace)),
        ("1 2 3 4", l(Frm::HelpDigits)),
        ("y n", l(Frm::HelpYesNo)),
        ("Enter", l(Frm::HelpEnter)),
        ("Bksp", l(Frm::HelpBksp)),
        ("Ctrl-S", l(Frm::HelpSave)),
        ("Esc", l(Frm::HelpEsc)),
        ("F1", l(Frm::HelpF1)),
        ("Ctrl-C", l(Frm::HelpQuit)),
    ]
}
