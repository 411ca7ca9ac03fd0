//! Units: open, red, yellow, done-on-time rate, criticisms, referral due; the selected unit's tasks
//! and criticisms.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::layout::list_and_detail;
use super::super::model::{Light, Model, UnitDetail, UnitRow};
use super::super::widgets::{Column, Detail};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Msg, Ui};

fn rate(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_string(), |r| format!("{:.0}%", r * 100.0))
}

fn cells(m: &Model, r: &UnitRow) -> Vec<(String, Style)> {
    let l = m.lang;
    let count = |n: i64, light: Light| {
        let style = if n > 0 {
            m.theme.light(light)
        } else {
            m.theme.muted()
        };
        (n.to_string(), style)
    };
    let crit = |n: usize| {
        let style = if n >= 2 {
            m.theme.bad()
        } else if n == 1 {
            m.theme.warn()
        } else {
            Style::new()
        };
        (n.to_string(), style)
    };
    let name_style = if r.active {
        Style::new()
    } else {
        m.theme.muted()
    };
    vec![
        (r.name.clone(), name_style),
        (l.unit_kind(r.kind).to_string(), m.theme.muted()),
        (r.open_tasks.to_string(), Style::new()),
        count(r.red, Light::Red),
        count(r.yellow, Light::Yellow),
        (rate(r.on_time_rate), Style::new()),
        crit(r.criticisms_rolling_year),
        crit(r.criticisms_calendar_year),
        if r.referral_due {
            (l.ui(Ui::CellYes).to_string(), m.theme.bad())
        } else {
            (l.ui(Ui::CellNo).to_string(), m.theme.muted())
        },
    ]
}

fn columns(m: &Model) -> Vec<Column> {
    let l = m.lang;
    vec![
        Column::flex(l.t(Msg::ColUnit), 14),
        Column::fixed(l.t(Msg::ColKind), 8, 2),
        Column::fixed(l.t(Msg::ColOpen), 6, 8),
        Column::fixed(l.t(Msg::ColRed), 4, 9),
        Column::fixed(l.t(Msg::ColYellow), 6, 8),
        {
            let on_time = l.frm(crate::i18n::Frm::ColOnTimeAll);
            Column::fixed(on_time, (on_time.width() as u16).max(10), 6)
        },
        Column::fixed(l.frm(crate::i18n::Frm::ColCritYearShort), 10, 7),
        Column::fixed(l.frm(crate::i18n::Frm::ColCritCalShort), 8, 5),
        Column::fixed(l.frm(crate::i18n::Frm::ColReferralShort), 8, 9),
    ]
}

pub fn render(m: &Model, f: &mut Frame, body: Rect) {
    let (list, detail) = list_and_detail(body);
    super::list(m, f, list, &m.units, columns(m), |r| cells(m, r));
    let unit = m
        .unit_detail
        .as_ref()
        .filter(|u| Some(u.row.id) == m.units.selected);
    super::detail(m, f, detail, unit.map(|u| |d: &mut Detail| lines(m, d, u)));
}

fn lines(m: &Model, d: &mut Detail, u: &UnitDetail) {
    let l = m.lang;
    let r = &u.row;
    d.line(vec![
        (r.name.clone(), m.theme.title()),
        (format!(" · {}", l.unit_kind(r.kind)), m.theme.muted()),
    ]);
    if let Some(leader) = &u.unit.main_leader {
        d.field(l.ui(Ui::LblMainLeader), leader.clone());
    }
    if !u.aliases.is_empty() {
        d.field(l.ui(Ui::LblAliases), u.aliases.join("、"));
    }
    let crit = l.ui_fill(
        Ui::LblCritRolling,
        &[&r.criticisms_rolling_year, &r.criticisms_calendar_year],
    );
    let style = if r.criticisms_rolling_year >= 2 {
        m.theme.bad()
    } else {
        Style::new()
    };
    d.line(vec![(crit, style)]);
    if r.referral_due {
        d.line(vec![(
            l.ui_fill(Ui::LblReferralDue, &[&m.referral_body]),
            m.theme.bad(),
        )]);
        d.line(vec![(l.ui(Ui::NextReferral).to_string(), m.theme.warn())]);
    }
    d.text(format!(
        "{} {} · {} {} · {} {} · {}",
        l.t(Msg::ColOpen),
        r.open_tasks,
        l.t(Msg::ColRed),
        r.red,
        l.t(Msg::ColYellow),
        r.yellow,
        l.ui_fill(Ui::LblOnTime, &[&rate(r.on_time_rate)])
    ));
    d.line(vec![(l.ui(Ui::UnitLinkHint).to_string(), m.theme.muted())]);

    if !u.criticisms.is_empty() {
        d.heading(&format!(
            "{} ({})",
            l.t(Msg::LblCriticisms),
            u.criticisms.len()
        ));
        for c in u.criticisms.iter().rev() {
            let c = &c.criticism;
            let tasks: Vec<String> = c.task_ids.iter().map(|t| format!("#{t}")).collect();
            d.text(format!(
                "{} {} {} {}",
                c.date,
                c.doc_no.as_deref().unwrap_or(""),
                c.reason.as_deref().unwrap_or(""),
                tasks.join(" ")
            ));
        }
    }
    if !u.referrals.is_empty() {
        d.heading(l.ui(Ui::LblReferrals));
        for rf in &u.referrals {
            d.text(format!("#{} {}", rf.id, l.referral(rf.status())));
            for step in l.referral_steps(rf) {
                d.text(format!("  {step}"));
            }
        }
    }
    d.heading(&format!("{} ({})", l.ui(Ui::LblTasks), u.tasks.len()));
    for t in &u.tasks {
        d.line(vec![
            (
                format!("{} ", m.theme.light_symbol(t.light)),
                m.theme.light(t.light),
            ),
            (format!("#{} {}", t.id, t.text), Style::new()),
        ]);
    }
}
