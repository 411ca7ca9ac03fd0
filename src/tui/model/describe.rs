//! A ledger filter in words: the footer's filter line and the title row of an exported ledger.

use super::{Lang, Light, TaskQuery};
use crate::i18n::Ui;

impl TaskQuery {
    /// Each thing that narrows the ledger, in words; `light` names a light (with or without its
    /// symbol, as the caller shows it).
    pub fn describe(&self, l: Lang, light: impl Fn(Light) -> String) -> Vec<String> {
        let mut out = Vec::new();
        if !self.text.trim().is_empty() {
            out.push(format!("/{}", self.text.trim()));
        }
        if let Some((_, name)) = &self.unit {
            out.push(name.clone());
        }
        if let Some(id) = self.meeting {
            out.push(l.ui_fill(Ui::FilterMeeting, &[&id]));
        }
        if let Some(x) = self.light {
            out.push(light(x));
        }
        if let Some(s) = self.state {
            out.push(l.ui_fill(Ui::FilterState, &[&l.state(s)]));
        }
        if let Some(d) = self.promised_until {
            out.push(l.ui_fill(Ui::FilterPromised, &[&d]));
        }
        if let Some(s) = self.slice {
            let label = crate::report::task_class_label(l, s.class);
            out.push(l.ui_fill(Ui::FilterReport, &[&label, &s.period.from, &s.period.to]));
        }
        out
    }
}
