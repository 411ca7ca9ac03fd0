//! The audit log: who changed what, when; the selected change before and after.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::list_and_detail;
use super::super::model::{AuditEntry, Model};
use super::super::widgets::{Column, Detail};
use crate::i18n::{Msg, Ui};

fn summary(v: &Option<serde_json::Value>) -> String {
    v.as_ref().map(|v| v.to_string()).unwrap_or_default()
}

fn cells(m: &Model, r: &AuditEntry) -> Vec<(String, Style)> {
    vec![
        (
            r.at.replacen('T', " ", 1).chars().take(19).collect(),
            m.theme.muted(),
        ),
        (r.user.clone(), Style::new()),
        (r.action.clone(), Style::new()),
        (format!("{} {}", r.entity, r.entity_id), Style::new()),
        (
            summary(if r.after.is_some() {
                &r.after
            } else {
                &r.before
            }),
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
    d.line(vec![(
        format!(
            "#{} {} {} {} {} {}",
            e.id, e.at, e.user, e.action, e.entity, e.entity_id
        ),
        m.theme.title(),
    )]);
    if e.before.is_some() {
        d.heading(m.lang.ui(Ui::AuditBefore));
        d.text(summary(&e.before));
    }
    if e.after.is_some() {
        d.heading(m.lang.ui(Ui::AuditAfter));
        d.text(summary(&e.after));
    }
}
