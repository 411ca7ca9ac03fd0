//! A form: labelled fields typed with tui-input, moved between with Tab, validated all at once when
//! saved. Only data and editing live here; which forms exist, what they show and what they write
//! is in `workflow/`.

mod edit;
mod values;

use tui_input::Input;

use super::workflow::FormKind;
use crate::domain::Light;

pub use edit::{FormKey, key, paste};
pub use values::{Values, split_names, too_long};

/// What a field holds and how it is typed.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Text that may span lines: Enter starts a new line, pasted line breaks are kept.
    LongText,
    /// A date in any accepted form, or `+N` working days from today.
    Date,
    /// `HH:MM`.
    Time,
    /// One of fixed options: Space, ←/→ or the option's number choose.
    Choice(Vec<String>),
    /// Yes or no: Space toggles.
    Check,
    /// Names from a list (units, leaders), filtered as typed by text or pinyin initials; `multi`
    /// takes several, separated by 、 or a comma.
    Pick {
        options: Vec<Candidate>,
        multi: bool,
    },
}

/// A name a picker offers.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    /// Pinyin initials of the name, for filtering (`stz` for 上塘镇).
    pub initials: String,
}

impl Candidate {
    pub fn new(name: &str) -> Candidate {
        Candidate {
            name: name.to_string(),
            initials: crate::text::initials(name),
        }
    }

    /// Whether the typed `token` finds this name: a part of it, or a prefix of its initials.
    pub fn matches(&self, token: &str) -> bool {
        let t = token.trim();
        !t.is_empty() && (self.name.contains(t) || self.initials.starts_with(&t.to_lowercase()))
    }
}

/// A note beside a field: a computed date, a clock, a warning.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub text: String,
    /// Drawn in the colour of this light (a clock running out), else muted.
    pub light: Option<Light>,
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name the workflow reads the field by, and the store's name for it in errors.
    pub key: String,
    /// A line drawn above the field (a group's title).
    pub heading: Option<String>,
    pub label: String,
    pub kind: FieldKind,
    pub input: Input,
    /// The chosen option of a `Choice`, or 1/0 for a `Check`.
    pub choice: usize,
    pub required: bool,
    /// Why the last save refused this field, in the user's language.
    pub error: Option<String>,
    pub hint: Option<Hint>,
    /// After a refused save because someone else saved first: their value of this field.
    pub theirs: Option<String>,
    /// Drawn on the line of the previous field (a grid's columns), this many cells wide.
    pub column: Option<u16>,
    /// The text the field holds, whose length the store limits (each line of a field that
    /// takes one record per line).
    pub limit: Option<crate::domain::TextField>,
    /// The whole text is selected (the field was just reached with text in it): typing replaces
    /// it, Backspace clears it, an arrow keeps it and moves the cursor.
    pub selected: bool,
    /// The value the form filled in by itself (the liaison from the chair): while the field
    /// still holds it, the form may fill it again.
    pub filled: Option<String>,
}

impl Field {
    pub fn new(key: impl Into<String>, label: impl Into<String>, kind: FieldKind) -> Field {
        Field {
            key: key.into(),
            heading: None,
            label: label.into(),
            kind,
            input: Input::default(),
            choice: 0,
            required: false,
            error: None,
            hint: None,
            theirs: None,
            column: None,
            limit: None,
            selected: false,
            filled: None,
        }
    }

    /// Whether the field is one line of text (a name, a date, a time): reaching it selects it.
    pub fn one_line(&self) -> bool {
        matches!(
            self.kind,
            FieldKind::Text | FieldKind::Date | FieldKind::Time | FieldKind::Pick { .. }
        )
    }

    pub fn text(key: impl Into<String>, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::Text)
    }

    pub fn long(key: impl Into<String>, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::LongText)
    }

    pub fn date(key: impl Into<String>, label: impl Into<String>) -> Field {
        Field::new(key, label, FieldKind::Date)
    }

    pub fn check(key: impl Into<String>, label: impl Into<String>, on: bool) -> Field {
        let mut f = Field::new(key, label, FieldKind::Check);
        f.choice = on as usize;
        f
    }

    pub fn choice(
        key: impl Into<String>,
        label: impl Into<String>,
        options: Vec<String>,
        chosen: usize,
    ) -> Field {
        let mut f = Field::new(key, label, FieldKind::Choice(options));
        f.choice = chosen;
        f
    }

    pub fn pick(
        key: impl Into<String>,
        label: impl Into<String>,
        options: Vec<Candidate>,
        multi: bool,
    ) -> Field {
        Field::new(key, label, FieldKind::Pick { options, multi })
    }

    /// The field with `value` typed in.
    pub fn value(mut self, value: impl Into<String>) -> Field {
        self.input = Input::new(value.into());
        self
    }

    pub fn heading(mut self, heading: impl Into<String>) -> Field {
        self.heading = Some(heading.into());
        self
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// A grid column on the previous field's line.
    pub fn column(mut self, width: u16) -> Field {
        self.column = Some(width);
        self
    }

    /// The text typed (a `Choice` or `Check` has none).
    pub fn text_value(&self) -> &str {
        self.input.value()
    }

    pub fn checked(&self) -> bool {
        self.choice == 1
    }

    /// The field's content as shown, for comparing with another user's version.
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(options) => options.get(self.choice).cloned().unwrap_or_default(),
            FieldKind::Check => if self.checked() { "✓" } else { "—" }.to_string(),
            _ => self.input.value().to_string(),
        }
    }

    /// The part of a picker's text being typed now (after the last separator).
    pub fn token(&self) -> &str {
        let v = self.input.value();
        match &self.kind {
            FieldKind::Pick { multi: true, .. } => v
                .rsplit(['、', ',', '，', ';', '；'])
                .next()
                .unwrap_or("")
                .trim_start(),
            FieldKind::Pick { .. } => v.trim(),
            _ => "",
        }
    }

    /// The names a picker offers for what is typed now (none when the token is a whole name).
    pub fn candidates(&self) -> Vec<&Candidate> {
        let FieldKind::Pick { options, .. } = &self.kind else {
            return Vec::new();
        };
        let token = self.token().trim();
        if token.is_empty() || options.iter().any(|o| o.name == token) {
            return Vec::new();
        }
        options.iter().filter(|o| o.matches(token)).collect()
    }
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    /// What the form saves, and the record it edits.
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// Esc was pressed with unsaved changes: asking whether to discard them.
    pub asking_close: bool,
    /// The store asks the user to confirm the save (R4.4: issuing minutes with the feedback
    /// round open or before sign-off): the question, naming what is still open.
    pub asking: Option<String>,
    /// The user said yes to [`Form::asking`]: the next save goes ahead anyway. Typing anything
    /// takes the yes back.
    pub confirmed: bool,
    /// Why the last save was refused as a whole (a store refusal, a conflict).
    pub error: Option<String>,
    /// The save is with the store; keys wait.
    pub saving: bool,
    /// The highlighted name in the focused picker's list.
    pub pick: usize,
    /// The version of the record the form was filled from, sent with the save.
    pub version: Option<i64>,
    /// Another user saved the record first: their version is being loaded to show beside ours.
    pub conflict: bool,
    /// The tasks a step on several will change ("#12 text"), listed above the fields.
    pub targets: Vec<String>,
    /// The first of `targets` on screen (PgUp/PgDn scroll them).
    pub targets_top: usize,
    /// Lines above the fields: what the keys of the form mean (the outcomes of 1–4), what the
    /// form is for now (a meeting not yet held).
    pub notes: Vec<String>,
    /// A grid's column headers: the row labels' first, then each field of a row.
    pub columns: Vec<String>,
}

impl Form {
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            dirty: false,
            asking_close: false,
            asking: None,
            confirmed: false,
            error: None,
            saving: false,
            pick: 0,
            version: None,
            conflict: false,
            targets: Vec::new(),
            targets_top: 0,
            notes: Vec::new(),
            columns: Vec::new(),
        }
        .reached()
    }

    /// The form with the focused field reached: its text selected, if it is one line of text.
    fn reached(mut self) -> Form {
        self.select_focus();
        self
    }

    /// Selects the whole text of the focused field (when it is one line holding text), and no
    /// other field's.
    pub fn select_focus(&mut self) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.selected = i == focus && f.one_line() && !f.text_value().is_empty();
        }
    }

    /// Whether the form is a grid (one line per unit, columns under headers).
    pub fn is_grid(&self) -> bool {
        !self.columns.is_empty()
    }

    /// The first field of the line holding field `i` (the row's box or choice in a grid).
    pub fn row_start(&self, mut i: usize) -> usize {
        while i > 0 && self.fields[i].column.is_some() {
            i -= 1;
        }
        i
    }

    pub fn with_version(mut self, version: i64) -> Form {
        self.version = Some(version);
        self
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// Whether any field carries an error.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Focuses the first field with an error.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
            self.select_focus();
        }
    }

    /// In a form of one row per unit (the attendance grids, whose row starts with a field
    /// labelled with the unit's name): that row's field `key`, else the row's first field.
    fn row_field(&self, row: &str, key: &str) -> Option<usize> {
        let start = self.fields.iter().position(|f| f.label == row)?;
        let first = &self.fields[start].key;
        let rest = self.fields[start..].iter().skip(1);
        let end = rest.take_while(|f| f.key != *first).count();
        let within = self.fields[start..=start + end]
            .iter()
            .position(|f| f.key == key);
        Some(start + within.unwrap_or(0))
    }

    /// Puts a store refusal next to the field it names, or above the form.
    pub fn refuse(&mut self, field: Option<&str>, message: String) {
        // `limit#2` names the third group's field of a batch form; a form of one record has
        // the field without the suffix; `attendee@上塘镇` names a field of a unit's row.
        let at = |k: &str| self.fields.iter().position(|f| f.key == k);
        let found = match field.and_then(|k| k.split_once('@')) {
            Some((key, row)) => self.row_field(row, key),
            None => field.and_then(|k| at(k).or_else(|| at(k.split('#').next()?))),
        };
        match found {
            Some(i) => {
                self.fields[i].error = Some(message);
                self.focus = i;
                self.select_focus();
            }
            None => self.error = Some(message),
        }
    }
}
