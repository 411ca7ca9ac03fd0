//! The overview: today's figures, each leading to its list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::model::{Figure, Light, Model, Overview};
use super::super::widgets::{fit, width};
use crate::i18n::{Lang, Ui};

/// A figure's label.
pub fn label(l: Lang, f: Figure, o: Option<&Overview>, referral_body: &str) -> String {
    match f {
        Figure::Red => l.ui(Ui::FigRed).into(),
        Figure::Yellow => l.ui(Ui::FigYellow).into(),
        Figure::ExplanationsDue => l.ui(Ui::FigExplanations).into(),
        Figure::PromisesDue => {
            let end = o.map(|o| super::short_date(l, o.week_end));
            l.ui_fill(Ui::FigPromises, &[&end.unwrap_or_default()])
        }
        Figure::CriticismsDue => l.ui(Ui::FigCriticisms).into(),
        Figure::MinutesOverdue => l.ui(Ui::FigMinutes).into(),
        Figure::FeedbackWaiting => l.ui(Ui::FigFeedback).into(),
        Figure::ReferralsDue => l.ui_fill(Ui::FigReferrals, &[&referral_body]),
    }
}

/// The symbol and style of a figure: red for breaches, yellow for what is near.
fn mark(m: &Model, f: Figure, value: i64) -> (&'static str, Style) {
    let light = match f {
        Figure::Red | Figure::CriticismsDue | Figure::ReferralsDue | Figure::MinutesOverdue => {
            Light::Red
        }
        _ => Light::Yellow,
    };
    if value == 0 {
        (m.theme.light_symbol(Light::Done), m.theme.muted())
    } else {
        (m.theme.light_symbol(light), m.theme.light(light))
    }
}

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(
            format!(" {} ", m.lang.ui(Ui::TabOverview)),
            m.theme.title(),
        ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let Some(o) = &m.overview else {
        f.render_widget(Paragraph::new(m.lang.ui(Ui::Loading)), inner);
        return;
    };
    let mut lines = vec![
        Line::from(Span::styled(
            fit(
                &format!(
                    "{} · {}",
                    m.lang.ui_fill(Ui::Today, &[&m.today]),
                    m.db_label
                ),
                w,
            ),
            m.theme.muted(),
        )),
        Line::from(fit(&m.lang.ui_fill(Ui::OverviewOpen, &[&o.open]), w)),
        Line::default(),
    ];
    let value_w = 6;
    for (i, fig) in Figure::ALL.iter().enumerate() {
        let value = fig.value(o);
        let (sym, style) = mark(m, *fig, value);
        let text = fit(
            &label(m.lang, *fig, Some(o), &m.referral_body),
            w.saturating_sub(value_w + 4),
        );
        let pad = w.saturating_sub(width(&text) + value_w + 3);
        let row = vec![
            Span::styled(format!(" {sym} "), style),
            Span::raw(text),
            Span::raw(" ".repeat(pad)),
            Span::styled(format!("{value:>value_w$}"), style),
        ];
        let line = Line::from(row);
        lines.push(if i == m.overview_cursor {
            line.style(m.theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(m.lang.ui(Ui::OverviewHint), w),
        m.theme.muted(),
    )));
    f.render_widget(Paragraph::new(lines), inner);
}
