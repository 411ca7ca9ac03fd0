//! A unit's short forms (简称, issue 18 point 5), edited on the units tab: each one it has, ticked
//! (Space unticks it to remove it), and empty lines to add new ones. Saved as the whole list, in
//! one audited, undoable change.

use super::FormKind;
use crate::i18n::Ui;
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Values};
use crate::tui::model::Model;

/// Empty lines for new short forms.
pub const NEW_LINES: usize = 3;

/// The form for unit `id`: needs the unit's detail (its aliases) loaded.
pub fn form(m: &Model, id: i64) -> Option<Form> {
    let detail = m.unit_detail.as_ref().filter(|d| d.row.id == id)?;
    let l = |u: Ui| m.lang.ui(u).to_string();
    let mut fields = Vec::new();
    for (i, alias) in detail.aliases.iter().enumerate() {
        let mut f = Field::check(format!("keep#{i}"), alias.clone(), true);
        if i == 0 {
            f = f.heading(l(Ui::AliasesHave));
        }
        fields.push(f);
    }
    for i in 0..NEW_LINES {
        let mut f = Field::text(format!("alias#{i}"), l(Ui::FAliasNew));
        if i == 0 {
            f = f.heading(l(Ui::AliasesAdd));
        }
        fields.push(f);
    }
    let title = format!("{} · {}", l(Ui::StepAliases), detail.row.name);
    Some(Form::new(FormKind::Aliases(id), title, fields))
}

/// The unit's short forms after the form: those still ticked, then those typed (several on one
/// line may be separated by 、 , ，).
pub fn save(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let unit = m.unit_detail.as_ref().filter(|d| d.row.id == id)?;
    let mut aliases: Vec<String> = unit
        .aliases
        .iter()
        .enumerate()
        .filter(|(i, _)| v.checked(&format!("keep#{i}")))
        .map(|(_, a)| a.clone())
        .collect();
    for i in 0..NEW_LINES {
        let key = format!("alias#{i}");
        v.within_limit(&key);
        for a in v.text(&key).unwrap_or_default().split(['、', ',', '，']) {
            let a = a.trim();
            if !a.is_empty() && !aliases.iter().any(|x| x == a) {
                aliases.push(a.to_string());
            }
        }
    }
    Some(Write::SetAliases {
        unit: unit.row.name.clone(),
        aliases,
    })
}
