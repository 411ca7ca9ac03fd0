//! The backend draws what ratatui's own backend draws, in fewer bytes.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use chrono::NaiveDate;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::pen::{Pen, sgr};
use super::{LeanBackend, advance, draw, move_to};
use crate::i18n::Lang;
use crate::tui::harness::Harness;
use crate::tui::views;

/// A writer whose bytes the test keeps reading.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Shared {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

fn fixed<B: Backend>(backend: B, width: u16, height: u16) -> Terminal<B> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    Terminal::with_options(backend, TerminalOptions { viewport }).unwrap()
}

/// A cell as it looks: a blank that is not reversed or underlined shows only its background.
fn looks(c: &vt100::Cell) -> String {
    if c.contents().trim().is_empty() && !c.inverse() && !c.underline() {
        let what = if c.is_wide_continuation() {
            "half"
        } else {
            "blank"
        };
        format!("{what} bg {:?}", c.bgcolor())
    } else {
        format!(
            "{:?} {:?} {:?} b{} d{} i{} u{} r{}",
            c.contents(),
            c.fgcolor(),
            c.bgcolor(),
            c.bold(),
            c.dim(),
            c.italic(),
            c.underline(),
            c.inverse()
        )
    }
}

fn screen(p: &vt100::Parser, w: u16, h: u16) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..h {
        for x in 0..w {
            if let Some(c) = p.screen().cell(y, x) {
                out.push(format!("{y},{x}: {}", looks(c)));
            }
        }
    }
    out
}

/// The demo county through both backends, key by key: the terminal shows the same, cell by
/// cell, and the lean backend writes fewer bytes.
#[test]
fn draws_what_ratatuis_backend_draws_in_fewer_bytes() {
    let (w, h) = (160, 48);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut app = Harness::demo(Lang::Zh, today, w, h).unwrap();
    let (plain_out, lean_out) = (Shared::default(), Shared::default());
    let mut plain = fixed(CrosstermBackend::new(plain_out.clone()), w, h);
    let lean_backend = LeanBackend::new(lean_out.clone());
    lean_backend.assume_width(w);
    let mut lean = fixed(lean_backend, w, h);
    let n = |v| std::num::NonZeroU16::new(v).unwrap();
    let (mut plain_screen, mut lean_screen) = (
        vt100::Parser::new(n(h), n(w), 0),
        vt100::Parser::new(n(h), n(w), 0),
    );
    // The ledger moved through (past a page), the other tabs, the filter line with its
    // cursor, a task's meeting and back.
    let script = "2jjjjjjjjjjkkk<PgDn>jjj<PgUp>1345672/河道<Esc><Enter><Bksp>jj";
    let (mut plain_bytes, mut lean_bytes) = (0, 0);
    let mut shown = false;
    let keys = std::iter::once(None).chain(
        crate::tui::harness::parse_script(script)
            .into_iter()
            .map(Some),
    );
    for key in keys {
        if let Some(k) = key {
            app.key(k);
        }
        plain.draw(|f| views::render(&app.model, f)).unwrap();
        draw(&mut lean, |f| views::render(&app.model, f)).unwrap();
        let (p, l) = (plain_out.take(), lean_out.take());
        plain_screen.process(&p);
        lean_screen.process(&l);
        let (a, b) = (screen(&lean_screen, w, h), screen(&plain_screen, w, h));
        let differ: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).take(5).collect();
        assert!(differ.is_empty(), "after {key:?}: {differ:?}");
        assert_eq!(
            lean_screen.screen().cursor_position(),
            plain_screen.screen().cursor_position(),
            "cursor after {key:?}"
        );
        assert_eq!(
            lean_screen.screen().hide_cursor(),
            plain_screen.screen().hide_cursor()
        );
        shown |= !plain_screen.screen().hide_cursor();
        plain_bytes += p.len();
        lean_bytes += l.len();
    }
    assert!(
        lean_bytes * 2 < plain_bytes,
        "lean {lean_bytes} bytes, ratatui's backend {plain_bytes}"
    );
    assert!(shown, "the filter line shows the cursor");
}

#[test]
fn moves_by_the_shortest_sequence() {
    let moved = |from: Option<(u16, u16)>, to: (u16, u16)| {
        let mut out = Vec::new();
        move_to(&mut out, from.map(Position::from), Position::from(to));
        String::from_utf8_lossy(&out).replace('\x1b', "ESC")
    };
    assert_eq!(moved(None, (100, 4)), "ESC[5;101H");
    assert_eq!(moved(None, (0, 4)), "ESC[5H");
    assert_eq!(moved(Some((10, 4)), (11, 4)), "ESC[C");
    assert_eq!(moved(Some((10, 4)), (40, 4)), "ESC[30C");
    assert_eq!(moved(Some((140, 4)), (100, 5)), "ESC[6;101H");
    assert_eq!(moved(Some((140, 4)), (138, 5)), "ESC[BESC[2D");
    assert_eq!(moved(Some((10, 4)), (100, 30)), "ESC[31;101H");
}

#[test]
fn changes_only_what_changed_of_the_style_in_one_sequence() {
    let pen = |s: Style| {
        let mut c = Cell::default();
        c.set_style(s);
        Pen::of(&c)
    };
    let styled = |from: Style, to: Style| {
        let mut out = Vec::new();
        sgr(&mut out, pen(from), pen(to));
        String::from_utf8_lossy(&out).replace('\x1b', "ESC")
    };
    let red_bold = Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD);
    assert_eq!(styled(Style::new(), red_bold), "ESC[1;91m");
    assert_eq!(styled(red_bold, Style::new()), "ESC[22;39m");
    let bold_dim = Style::new().add_modifier(Modifier::BOLD | Modifier::DIM);
    assert_eq!(
        styled(bold_dim, Style::new().add_modifier(Modifier::DIM)),
        "ESC[22;2m"
    );
    assert_eq!(
        styled(Style::new(), Style::new().add_modifier(Modifier::REVERSED)),
        "ESC[7m"
    );
    assert_eq!(styled(red_bold, red_bold), "");
}

#[test]
fn trusts_the_width_of_cjk_characters_only() {
    let width = |s: &str| {
        let mut c = Cell::default();
        c.set_symbol(s);
        advance(&c)
    };
    assert_eq!(width("a"), Some(1));
    assert_eq!(width("●"), Some(1));
    assert_eq!(width("督"), Some(2));
    assert_eq!(width("："), Some(2));
    assert_eq!(width("😀"), None);
    assert_eq!(width("❤\u{fe0f}"), None);
}

#[test]
fn a_cell_holding_a_control_character_or_a_bidi_override_is_written_as_a_space() {
    let out = Shared::default();
    let backend = LeanBackend::new(out.clone());
    backend.assume_width(20);
    let mut term = fixed(backend, 20, 1);
    // (A lone ASCII control character is refused by ratatui itself: `cell_width` asserts.)
    let nasty = [
        "\u{1b}[2J",
        "\u{1b}]52;c;ZXZpbA==\u{7}",
        "\u{9b}",
        "\u{7}\u{7}",
        "\u{85}",
        "\u{202e}",
        "\u{2066}",
        "a\u{202e}",
    ];
    term.draw(|f| {
        let buf = f.buffer_mut();
        for (x, s) in nasty.iter().enumerate() {
            buf[(x as u16 * 2, 0)].set_symbol(s);
            buf[(x as u16 * 2 + 1, 0)].set_symbol("x");
        }
    })
    .unwrap();
    let bytes = out.take();
    let text = String::from_utf8(bytes.clone()).unwrap();
    for bad in [
        "\u{1b}[2J",
        "\u{1b}]",
        "\u{7}",
        "\u{7f}",
        "\u{9b}",
        "\u{202e}",
        "\u{2066}",
    ] {
        assert!(!text.contains(bad), "{bad:?} written: {text:?}");
    }
    let n = |v| std::num::NonZeroU16::new(v).unwrap();
    let mut screen = vt100::Parser::new(n(1), n(20), 0);
    screen.process(&bytes);
    // Drawn, with spaces for the symbols (where ratatui's diff places the cells after a symbol
    // it measures as wide is its own affair).
    let shown = screen.screen().contents();
    assert!(
        shown.contains('x') && shown.chars().all(|c| c == 'x' || c == ' '),
        "{shown:?}"
    );
}

#[test]
fn with_ascii_a_character_of_ambiguous_width_is_written_as_an_ascii_look_alike() {
    use ratatui::widgets::Paragraph;
    use unicode_width::UnicodeWidthChar;
    let line = "│#40 ● 红灯 · 应通报批评 — “说明” ○…│";
    let draw = |ascii: bool| {
        let out = Shared::default();
        let backend = LeanBackend::new(out.clone()).with_ascii(ascii);
        backend.assume_width(40);
        let mut term = fixed(backend, 40, 1);
        draw(&mut term, |f| {
            f.render_widget(Paragraph::new(line), f.area())
        })
        .unwrap();
        String::from_utf8(out.take()).unwrap()
    };
    let plain = draw(false);
    assert!(plain.contains("· 应通报批评 — “说明”"), "{plain:?}");
    let ascii = draw(true);
    let ambiguous: Vec<char> = ascii
        .chars()
        .filter(|c| c.width() == Some(1) && c.width_cjk() == Some(2))
        .collect();
    assert!(ambiguous.is_empty(), "{ambiguous:?} in {ascii:?}");
    // The Chinese and the digits are written as they are; the symbols by their look-alikes.
    for kept in ["#40", "红灯", "应通报批评", "说明"] {
        assert!(ascii.contains(kept), "{kept}: {ascii:?}");
    }
    assert!(ascii.contains(". 应通报批评 - \"说明\" *."), "{ascii:?}");
    assert!(
        ascii.starts_with('|') || ascii.contains("|#40"),
        "{ascii:?}"
    );
}
