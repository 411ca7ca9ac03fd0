//! The terminal's pen (colours and attributes) and the one SGR sequence that changes it.

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::crossterm::style::Colored;
use ratatui::style::{Color, Modifier};

/// The style the terminal is set to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    pub(super) const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// Whether a space written with this pen looks as one written with `other`: a space shows
    /// only its background, unless it is reversed, underlined or crossed out, so the foreground,
    /// bold, dim, italic, blinking and hidden do not show.
    pub(super) fn blank_looks_as(self, other: Pen) -> bool {
        let shows = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
        self.bg == other.bg && !self.modifier.intersects(shows) && !other.modifier.intersects(shows)
    }

    pub(super) fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// The SGR parameters that turn `from` into `to`, in one sequence: attributes off, then on (as
/// ratatui's crossterm backend orders them), then the colours that changed, encoded as crossterm
/// encodes them.
pub(super) fn sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    let mut params = String::new();
    let mut param = |p: &str| {
        if p.is_empty() {
            return;
        }
        if !params.is_empty() {
            params.push(';');
        }
        params.push_str(p);
    };
    let removed = from.modifier - to.modifier;
    let added = to.modifier - from.modifier;
    if removed.contains(Modifier::REVERSED) {
        param("27");
    }
    // Bold and dim are both turned off by normal intensity; whichever stays is turned on again.
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        param("22");
    }
    for (m, off) in [
        (Modifier::ITALIC, "23"),
        (Modifier::UNDERLINED, "24"),
        (Modifier::CROSSED_OUT, "29"),
        (Modifier::HIDDEN, "28"),
    ] {
        if removed.contains(m) {
            param(off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        param("25");
    }
    for (m, code) in [
        (Modifier::REVERSED, "7"),
        (Modifier::BOLD, "1"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::DIM, "2"),
        (Modifier::CROSSED_OUT, "9"),
        (Modifier::HIDDEN, "8"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
    ] {
        // After an intensity reset, bold and dim are set again if the new style has them; the
        // other attributes only when added.
        let again = intensity && (m == Modifier::BOLD || m == Modifier::DIM);
        if (again && to.modifier.contains(m)) || (!again && added.contains(m)) {
            param(code);
        }
    }
    // crossterm writes nothing for a colour when NO_COLOR is set; `param` skips the empty string.
    // The 16 colours every terminal has go by their short codes (30–37, 90–97 and 40–47,
    // 100–107): the same colours as crossterm's `38;5;n`, in a third of the bytes.
    if to.fg != from.fg {
        let long = Colored::ForegroundColor(to.fg.into_crossterm()).to_string();
        param(&short_colour(to.fg, 30, &long));
    }
    if to.bg != from.bg {
        let long = Colored::BackgroundColor(to.bg.into_crossterm()).to_string();
        param(&short_colour(to.bg, 40, &long));
    }
    if to.underline != from.underline {
        param(&Colored::UnderlineColor(to.underline.into_crossterm()).to_string());
    }
    if !params.is_empty() {
        out.extend_from_slice(b"\x1b[");
        out.extend_from_slice(params.as_bytes());
        out.push(b'm');
    }
}

/// `colour` as its short SGR code from `base` (30 for the foreground, 40 for the background)
/// when it is one of the 16 basic colours or the default, else crossterm's `long` code. Empty
/// when `long` is (NO_COLOR).
fn short_colour(colour: Color, base: u8, long: &str) -> String {
    if long.is_empty() {
        return String::new();
    }
    let index = match colour {
        Color::Reset => return (base + 9).to_string(),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) if n < 16 => n,
        _ => return long.to_string(),
    };
    if index < 8 {
        (base + index).to_string()
    } else {
        (base + 60 + index - 8).to_string()
    }
}

/// Sets the pen for `cell`, unless the cell is a space that looks the same with the pen as it is.
pub(super) fn restyle(out: &mut Vec<u8>, pen: &mut Pen, cell: &Cell) {
    let want = Pen::of(cell);
    if want != *pen && !(cell.symbol() == " " && pen.blank_looks_as(want)) {
        sgr(out, *pen, want);
        *pen = want;
    }
}
