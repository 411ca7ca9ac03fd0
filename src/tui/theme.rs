//! Colours and symbols in one place. Only the 16 named ANSI colours are used, so every terminal
//! shows them; with `NO_COLOR` there are none at all, and nothing depends on colour: the selection is
//! reverse video and every light also has a symbol. ASCII mode replaces box drawing and the light
//! symbols (East Asian "ambiguous" characters that some CJK terminal settings draw two cells wide).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use super::model::Light;

/// How to draw: with or without colour, with Unicode or ASCII symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

/// ASCII borders: `+`, `-` and `|`.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty, as no-color.org asks).
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The light's style: red, yellow, green; exempt and done are quiet.
    pub fn light(&self, l: Light) -> Style {
        match l {
            Light::Red => self.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Light::Yellow => self.fg(Color::Yellow),
            Light::Green => self.fg(Color::Green),
            Light::Exempt => self.fg(Color::Cyan),
            Light::Done => self.fg(Color::DarkGray),
        }
    }

    /// The light's symbol, never colour alone.
    pub fn light_symbol(&self, l: Light) -> &'static str {
        crate::text::light_symbol(l, self.ascii)
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    /// The selected row: reverse video, which survives `NO_COLOR`.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn header(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn active_tab(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A statutory day off in the month view.
    pub fn day_off(&self) -> Style {
        self.fg(Color::LightRed)
    }

    /// A make-up working day in the month view.
    pub fn make_up(&self) -> Style {
        self.fg(Color::LightBlue).add_modifier(Modifier::BOLD)
    }

    /// A marked task's symbol: it carries the mark without colour (`NO_COLOR`).
    pub fn marked_symbol(&self) -> &'static str {
        if self.ascii { "*" } else { "■" }
    }

    /// A marked task's mark and text: bold magenta, bold alone under `NO_COLOR`.
    pub fn marked(&self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }

    /// The check mark / cross of a compliance item.
    pub fn mark(&self, ok: bool) -> &'static str {
        match (ok, self.ascii) {
            (true, false) => "✓",
            (false, false) => "✗",
            (true, true) => "+",
            (false, true) => "x",
        }
    }
}
