//! The audit log: who changed what, when; the selected change before and after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::list_and_detail;
use super::super::model::{AuditEntry, Model};
use super::super::widgets::{Column, Detail};
use crate::i18n::{Msg, Ui, audit};

fn cells(m: &Model, r: &AuditEntry) -> Vec<(String, Style)> {
    let l = m.lang;
    let sep = match l {
        crate::i18n::Lang::Zh => "；",
        crate::i18n::Lang::En => "; ",
    };
    vec![
        (
            r.at.replacen('T', " ", 1).chars().take(19).collect(),
            m.theme.muted(),
        ),
        (r.user.clone(), Style::new()),
        (audit::action(l, &r.action), Style::new()),
        (audit::record(l, &r.entity, &r.entity_id), Style::new()),
        (
            audit::changes(l, r.before.as_ref(), r.after.as_ref()).join(sep),
            Style::new(),
        ),
    ]
}

fn columns(m: &Model) -> Vec<Column> {
    let l = m.lang;
    vec![
        Column::fixed(l.ui(Ui::TabAudit), 19, 9),
        Column::fixed(l.t(Msg::ColWho), 8, 8),
        Column::fixed(l.t(Msg::ColAction), 8, 8),
        Column::fixed(l.t(Msg::ColEntity), 14, 7),
        Column::flex("", 10),
    ]
}

pub fn render(m: &Model, f: &mut Frame, body: Rect) {
    let (list, detail) = list_and_detail(body);
    super::list(m, f, list, &m.audit, columns(m), |r| cells(m, r));
    let entry = m.audit.current();
    super::detail(m, f, detail, entry.map(|e| |d: &mut Detail| lines(m, d, e)));
}

fn lines(m: &Model, d: &mut Detail, e: &AuditEntry) {
    let l = m.lang;
    d.line(vec![(
        format!(
            "#{} {} {} {}",
            e.id,
            audit::action(l, &e.action),
            audit::record(l, &e.entity, &e.entity_id),
            e.user,
        ),
        m.theme.title(),
    )]);
    d.line(vec![(e.at.replacen('T', " ", 1), m.theme.muted())]);
    for c in audit::changes(l, e.before.as_ref(), e.after.as_ref()) {
        d.text(c);
    }
}
