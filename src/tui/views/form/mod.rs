//! The open form and the steps menu, drawn over the tab. Labels in one column, values beside
//! them with their notes, a field's error under it in red (with a ✗ so it never rests on colour),
//! another user's version under it after a conflict; scrolled to keep the focused field on screen.
//! The terminal cursor stands in the focused field, where an input method expects it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

mod keys;
mod lay;
mod targets;

use lay::lay;

use super::super::model::Model;
use crate::i18n::Ui;
use crate::text::{clean, truncate};

/// The popup's area: the body, less a margin where there is room.
fn popup(area: Rect) -> Rect {
    let w = area.width.min(110);
    let x = area.x + (area.width - w) / 2;
    Rect::new(x, area.y, w, area.height)
}

pub(super) fn pad(s: &str, cells: usize) -> String {
    let s = truncate(s, cells);
    let w = s.width();
    format!("{s}{}", " ".repeat(cells.saturating_sub(w)))
}

/// Draws the open form over `area` (the body between header and footer).
pub fn render(m: &Model, f: &mut Frame, area: Rect) {
    let Some(form) = m.form.as_ref() else { return };
    let t = m.theme;
    let area = popup(area);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.border())
        .title(Span::styled(format!(" {} ", clean(&form.title)), t.title()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height < 3 || inner.width < 20 {
        return;
    }
    let width = inner.width as usize;
    let mut top_lines: Vec<Line> = Vec::new();
    if let Some(e) = &form.error {
        let mark = if t.ascii { "x" } else { "✗" };
        for chunk in wrap(&format!("{mark} {e}"), width).into_iter().take(3) {
            top_lines.push(Line::from(Span::styled(chunk, t.bad())));
        }
    }
    for note in &form.notes {
        for chunk in wrap(note, width).into_iter().take(3) {
            top_lines.push(Line::from(Span::styled(chunk, t.warn())));
        }
    }
    if let Some(q) = &form.asking {
        for chunk in wrap(q, width).into_iter().take(4) {
            top_lines.push(Line::from(Span::styled(chunk, t.warn())));
        }
    }
    let bottom = if form.asking.is_some() {
        Line::from(Span::styled(
            truncate(m.lang.ui(Ui::FormAskConfirm), width),
            t.warn(),
        ))
    } else if form.asking_close {
        Line::from(Span::styled(
            truncate(m.lang.ui(Ui::FormAskClose), width),
            t.warn(),
        ))
    } else if form.saving {
        Line::from(Span::styled(m.lang.ui(Ui::FormSaving), t.muted()))
    } else {
        Line::from(Span::styled(
            truncate(
                &keys::plain(&keys::field_keys(m.lang, form, width), t.ascii),
                width,
            ),
            t.muted(),
        ))
    };
    targets::lines(m, form, width, inner.height as usize, &mut top_lines);
    let body_h = (inner.height as usize).saturating_sub(top_lines.len() + 1);
    let laid = lay(m, form, width);
    // Scroll so the focused field (with its errors and picks) is in view.
    let mut scroll = 0;
    if laid.focus.1 >= body_h {
        scroll = laid.focus.1 + 1 - body_h;
    }
    if laid.focus.0 < scroll {
        scroll = laid.focus.0;
    }
    let mut lines = top_lines.clone();
    lines.extend(laid.lines.into_iter().skip(scroll).take(body_h));
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    f.render_widget(Paragraph::new(lines), body);
    let foot = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    f.render_widget(Paragraph::new(bottom), foot);
    if let Some((line, col)) = laid.cursor
        && !form.asking_close
        && form.asking.is_none()
        && line >= scroll
        && line - scroll < body_h
    {
        let y = inner.y + (top_lines.len() + line - scroll) as u16;
        let x = inner.x + col.min(inner.width - 1);
        f.set_cursor_position(Position::new(x, y));
    }
}

/// `s` as lines of at most `width` cells: between any two Chinese characters, between words of
/// other scripts.
fn wrap(s: &str, width: usize) -> Vec<String> {
    crate::tui::widgets::wrap::wrap_line(&Line::raw(s.to_string()), width)
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            text.trim_end().to_string()
        })
        .collect()
}

pub use keys::{all_keys, help as help_keys, plain};
