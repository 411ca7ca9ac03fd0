//! The detail pane: headed sections of wrapped lines in a bordered, scrollable box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::Lang;
use crate::text::clean;
use crate::tui::theme::Theme;

/// Lines of a detail pane, built section by section.
pub struct Detail {
    pub lines: Vec<Line<'static>>,
    theme: Theme,
    /// What follows a label: a full-width colon in Chinese.
    colon: &'static str,
}

impl Detail {
    pub fn new(theme: Theme, lang: Lang) -> Detail {
        Detail {
            lines: Vec::new(),
            theme,
            colon: match lang {
                Lang::Zh => "：",
                Lang::En => ": ",
            },
        }
    }

    /// A line of styled pieces (stored text is cleaned of control characters).
    pub fn line(&mut self, parts: Vec<(String, Style)>) -> &mut Self {
        let spans: Vec<Span<'static>> = parts
            .into_iter()
            .map(|(t, s)| Span::styled(clean(&t), s))
            .collect();
        self.lines.push(Line::from(spans));
        self
    }

    /// A plain line.
    pub fn text(&mut self, t: impl Into<String>) -> &mut Self {
        self.line(vec![(t.into(), Style::new())])
    }

    /// `label：value`.
    pub fn field(&mut self, label: &str, value: impl Into<String>) -> &mut Self {
        self.field_parts(label, vec![(value.into(), Style::new())])
    }

    /// `label：` followed by styled pieces.
    pub fn field_parts(&mut self, label: &str, value: Vec<(String, Style)>) -> &mut Self {
        let mut parts = vec![(format!("{label}{}", self.colon), self.theme.muted())];
        parts.extend(value);
        self.line(parts)
    }

    /// A section heading, after a blank line.
    pub fn heading(&mut self, t: &str) -> &mut Self {
        if !self.lines.is_empty() {
            self.lines.push(Line::default());
        }
        let style = self.theme.title();
        self.line(vec![(t.to_string(), style)])
    }

    /// Draws the pane with its title, scrolled by `scroll` lines.
    pub fn render(self, f: &mut Frame, area: Rect, title: Line<'_>, scroll: u16) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(self.theme.border())
            .title(title);
        let inner = usize::from(area.width.saturating_sub(2));
        let p = Paragraph::new(super::wrap::wrap_lines(&self.lines, inner))
            .block(block)
            .scroll((scroll, 0));
        f.render_widget(p, area);
    }
}
