//! The steps menu (`m`): the workflow steps for the selection, each naming its rule.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::model::{Menu, Model};
use super::form::pad;
use crate::i18n::Ui;
use crate::text::truncate;

/// Draws the steps menu.
pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let Some(Menu {
        title,
        items,
        cursor,
    }) = m.menu.as_ref()
    else {
        return;
    };
    let t = m.theme;
    let w = items
        .iter()
        .map(|(l, _)| l.width() + 6)
        .max()
        .unwrap_or(20)
        .max(m.lang.ui(Ui::MenuKeys).width() + 2)
        .min(area.width as usize) as u16;
    let h = (items.len() as u16 + 3).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.border())
        .title(Span::styled(format!(" {title} "), t.title()));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let visible = inner.height.saturating_sub(1) as usize;
    let first = cursor.saturating_sub(visible.saturating_sub(1));
    let mut lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, (label, _))| {
            let key = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".to_string()
            };
            let style = if i == *cursor {
                t.selected()
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(key, t.key()),
                Span::styled(pad(label, inner.width.saturating_sub(2) as usize), style),
            ])
        })
        .collect();
    lines.push(Line::from(Span::styled(
        truncate(m.lang.ui(Ui::MenuKeys), inner.width as usize),
        t.muted(),
    )));
    f.render_widget(Paragraph::new(lines), inner);
}
