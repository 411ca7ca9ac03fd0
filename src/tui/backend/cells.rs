//! A cell as it goes to the terminal: the text written for it ([`symbol`], and [`narrow`] under
//! `--ascii`), and how far it certainly moves the cursor ([`advance`]).

use ratatui::buffer::{Cell, CellDiffOption};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What is written for `cell`: its symbol, or a space when the symbol holds a control character
/// or a bidirectional override ([`crate::text::is_unsafe`]). ratatui's text drops control
/// characters and the views clean stored text, but a widget may set a cell's symbol directly; this
/// is the last place before the terminal, so nothing drawn can move the cursor, write the
/// clipboard (OSC 52) or reorder the line.
pub(super) fn symbol(cell: &Cell) -> &str {
    let s = cell.symbol();
    if s.chars().any(crate::text::is_unsafe) {
        " "
    } else {
        s
    }
}

/// What `--ascii` writes instead of `symbol`: an ASCII look-alike for a character of ambiguous
/// East Asian width (`·`, `—`, `“`, `…`, `○`, box drawing: one cell to ratatui, two in a terminal
/// set to draw them wide, as Xshell and SecureCRT often are on Chinese Windows), which would push
/// the rest of the line one cell right and over the pane's border. duban's own symbols of one
/// cell (the ellipsis `⋯` of a cut text, `›`, `✓`, `✗`, boxes and bars) are its glyph set under
/// `--ascii` too, whatever their width: nothing of duban's own is sent outside ASCII.
pub(super) fn narrow(symbol: &str) -> &str {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return symbol;
    };
    if let Some(own) = own_glyph(c) {
        return own;
    }
    if c.is_ascii() || !(c.width() == Some(1) && c.width_cjk() == Some(2)) {
        return symbol;
    }
    match c {
        '·' | '•' | '∙' | '・' => ".",
        '—' | '–' | '―' | '─' | '━' => "-",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '…' | '⋯' => ".",
        '│' | '┃' => "|",
        '×' => "x",
        '°' => "o",
        '±' => "+",
        '○' | '◇' | '◆' | '●' | '■' | '□' | '★' | '☆' => "*",
        '→' => ">",
        '←' => "<",
        '↑' => "^",
        '↓' => "v",
        _ if ('\u{2500}'..='\u{257f}').contains(&c) => "+",
        _ => "?",
    }
}

/// The ASCII look-alike of a symbol duban draws itself (not one of ambiguous width, which
/// [`narrow`] maps as such).
fn own_glyph(c: char) -> Option<&'static str> {
    Some(match c {
        '⋯' | '…' => ".",
        '›' | '»' | '▶' | '►' => ">",
        '‹' | '«' | '◀' | '◄' => "<",
        '✓' | '✔' => "+",
        '✗' | '✘' => "x",
        '☑' => "x",
        '☐' => " ",
        '█' | '▇' | '▆' | '▅' | '▄' | '▃' | '▂' | '▁' | '▌' | '▐' | '▀' => {
            "#"
        }
        '░' | '▒' | '▓' => ":",
        '▲' | '△' => "^",
        '▼' | '▽' => "v",
        '⚠' => "!",
        _ => return None,
    })
}

/// How far the terminal's cursor certainly moves when `cell` is written, or `None` when a
/// terminal might disagree. One column for a symbol of width one, as ratatui's own backend
/// assumes; two only for a single character of the CJK and Hangul blocks and the full-width
/// forms, where every terminal agrees (emoji are not, and neither are forced widths).
pub(super) fn advance(cell: &Cell) -> Option<u16> {
    if matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)) {
        return None;
    }
    let symbol = symbol(cell);
    match symbol.width() {
        1 => Some(1),
        2 => {
            let mut chars = symbol.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            let wide = matches!(c as u32,
                0x1100..=0x115F
                | 0x2E80..=0x303E
                | 0x3041..=0x33FF
                | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF
                | 0xA000..=0xA4CF
                | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F
                | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6
                | 0x20000..=0x3FFFD);
            wide.then_some(2)
        }
        _ => None,
    }
}
