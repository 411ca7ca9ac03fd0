//! Reading a form's fields as typed values. Each reader checks its field and, when the text is
//! wrong, leaves a message in the user's language next to it; a workflow step writes nothing
//! unless [`Values::ok`] says every field read well.

use chrono::{NaiveDate, NaiveTime};

use super::{FieldKind, Form};
use crate::calendar::Calendar;
use crate::domain::{DateError, parse_date_input};
use crate::i18n::{Lang, Ui};

/// A form being read, with what dates are read against.
pub struct Values<'a> {
    pub form: &'a mut Form,
    pub lang: Lang,
    pub today: NaiveDate,
    pub cal: &'a Calendar,
}

/// Whether a field's text is longer than its [`super::Field::limit`] allows (a field of one
/// record per line, line by line).
pub fn too_long(f: &super::Field) -> Option<crate::domain::TooLong> {
    let limit = f.limit?;
    let text = f.text_value();
    let one_per_line = matches!(
        limit,
        crate::domain::TextField::TaskText | crate::domain::TextField::Topic
    ) && f.kind == FieldKind::LongText;
    if one_per_line {
        text.lines()
            .find_map(|l| crate::domain::fields::fits(limit, l.trim()).err())
    } else {
        crate::domain::fields::fits(limit, text.trim()).err()
    }
}

/// Names typed into a picker: split at 、 , ， ; ； and trimmed, empty ones dropped.
pub fn split_names(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', ';', '；'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

impl<'a> Values<'a> {
    pub fn new(form: &'a mut Form, lang: Lang, today: NaiveDate, cal: &'a Calendar) -> Self {
        form.error = None;
        for f in &mut form.fields {
            f.error = None;
        }
        Values {
            form,
            lang,
            today,
            cal,
        }
    }

    /// Whether every field read so far is valid.
    pub fn ok(&self) -> bool {
        !self.form.has_errors()
    }

    fn fail(&mut self, key: &str, msg: Ui, args: &[&dyn std::fmt::Display]) {
        let text = self.lang.ui_fill(msg, args);
        if let Some(f) = self.form.field_mut(key) {
            f.error.get_or_insert(text);
        }
    }

    fn raw(&self, key: &str) -> String {
        self.form
            .field(key)
            .map(|f| f.text_value().trim().to_string())
            .unwrap_or_default()
    }

    /// The field's text is within the length the store allows (each line, for a field of one
    /// record per line); else the field says so.
    pub fn within_limit(&mut self, key: &str) {
        let Some(f) = self.form.field(key) else {
            return;
        };
        if let Some(e) = too_long(f) {
            let text = self.lang.too_long(&e);
            if let Some(f) = self.form.field_mut(key) {
                f.error.get_or_insert(text);
            }
        }
    }

    fn required(&self, key: &str) -> bool {
        self.form.field(key).is_some_and(|f| f.required)
    }

    /// Optional text: `None` when blank. Required fields refuse blank.
    pub fn text(&mut self, key: &str) -> Option<String> {
        self.within_limit(key);
        let v = self.raw(key);
        if v.is_empty() {
            if self.required(key) {
                self.fail(key, Ui::ErrRequired, &[]);
            }
            return None;
        }
        Some(v)
    }

    /// Required text (the empty string when missing; the field then carries the error).
    pub fn must_text(&mut self, key: &str) -> String {
        self.within_limit(key);
        let v = self.raw(key);
        if v.is_empty() {
            self.fail(key, Ui::ErrRequired, &[]);
        }
        v
    }

    /// An optional date in any accepted form or `+N`.
    pub fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let v = self.raw(key);
        if v.is_empty() {
            if self.required(key) {
                self.fail(key, Ui::ErrRequired, &[]);
            }
            return None;
        }
        match parse_date_input(&v, self.today, self.cal) {
            Ok(d) => Some(d),
            Err(DateError::OutOfRange(s)) => {
                self.fail(key, Ui::ErrDateRange, &[&s]);
                None
            }
            Err(_) => {
                self.fail(key, Ui::ErrDateForm, &[&crate::present::short(&v)]);
                None
            }
        }
    }

    /// A required date; `today` stands in for it when missing (the field then carries the error).
    pub fn must_date(&mut self, key: &str) -> NaiveDate {
        match self.date(key) {
            Some(d) => d,
            None => {
                if self.raw(key).is_empty() {
                    self.fail(key, Ui::ErrRequired, &[]);
                }
                self.today
            }
        }
    }

    /// A date of something that has happened: not after today.
    pub fn fact_date(&mut self, key: &str) -> Option<NaiveDate> {
        let d = self.date(key)?;
        if d > self.today {
            let today = self.today;
            self.fail(key, Ui::ErrDateFuture, &[&d, &today]);
        }
        Some(d)
    }

    /// A required date that has happened.
    pub fn must_fact_date(&mut self, key: &str) -> NaiveDate {
        let d = self.must_date(key);
        if d > self.today {
            let today = self.today;
            self.fail(key, Ui::ErrDateFuture, &[&d, &today]);
        }
        d
    }

    /// An optional time of day, `9:30` or `09:30`.
    pub fn time(&mut self, key: &str) -> Option<NaiveTime> {
        let v = self.raw(key);
        if v.is_empty() {
            return None;
        }
        let t = NaiveTime::parse_from_str(&v.replace('：', ":"), "%H:%M").ok();
        if t.is_none() {
            self.fail(key, Ui::ErrTimeForm, &[&v]);
        }
        t
    }

    pub fn checked(&self, key: &str) -> bool {
        self.form.field(key).is_some_and(|f| f.checked())
    }

    pub fn choice(&self, key: &str) -> usize {
        self.form.field(key).map_or(0, |f| f.choice)
    }

    /// Names from a picker, each one of its options; blank is none (refused when required).
    pub fn names(&mut self, key: &str) -> Vec<String> {
        let names = split_names(&self.raw(key));
        let options: Vec<String> = match self.form.field(key).map(|f| &f.kind) {
            Some(FieldKind::Pick { options, .. }) => {
                options.iter().map(|c| c.name.clone()).collect()
            }
            _ => Vec::new(),
        };
        if names.is_empty() && self.required(key) {
            self.fail(key, Ui::ErrRequired, &[]);
        }
        for n in &names {
            if !options.contains(n) {
                self.fail(key, Ui::ErrUnknownName, &[&crate::present::short(n)]);
            }
        }
        let mut seen = Vec::new();
        for n in names {
            if !seen.contains(&n) {
                seen.push(n);
            }
        }
        seen
    }

    /// One name from a picker, or none.
    pub fn name(&mut self, key: &str) -> Option<String> {
        let mut names = self.names(key);
        if names.len() > 1 {
            self.fail(key, Ui::ErrOneName, &[]);
        }
        names.pop()
    }

    /// Marks a field wrong for a reason the step found.
    pub fn refuse(&mut self, key: &str, msg: Ui, args: &[&dyn std::fmt::Display]) {
        self.fail(key, msg, args);
    }

    /// Time runs one way ([`crate::domain::order`]): a date on the wrong side of another is
    /// refused beside its field (`key`, else the field that usually holds it), in the words the
    /// store would use.
    pub fn order(&mut self, key: Option<&str>, checked: crate::domain::order::Checked) {
        if let Err(o) = checked {
            let text = self.lang.out_of_order(&o);
            let key = key.unwrap_or(o.what.field()).to_string();
            if let Some(f) = self.form.field_mut(&key) {
                f.error.get_or_insert(text);
            }
        }
    }
}
