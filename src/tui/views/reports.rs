//! Reports: filled by the reports issue; for now today's figures and what is coming.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::super::model::{Figure, Model};
use super::overview::label;
use crate::i18n::Ui;

pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(m.theme.border())
        .title(Span::styled(
            format!(" {} ", m.lang.ui(Ui::TabReports)),
            m.theme.title(),
        ));
    let mut lines = vec![
        Line::from(m.lang.ui(Ui::ReportsSoon)),
        Line::default(),
        Line::from(Span::styled(m.lang.ui(Ui::ReportsToday), m.theme.title())),
    ];
    if let Some(o) = &m.overview {
        for fig in Figure::ALL {
            lines.push(Line::from(format!(
                "  {} {}",
                fig.value(o),
                label(m.lang, fig, Some(o))
            )));
        }
    }
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    f.render_widget(p, area);
}
