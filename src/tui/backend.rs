//! The backend duban draws through: ratatui's crossterm backend, writing the same cells in fewer
//! bytes (issue 7: a cursor move on the ledger wrote about 2.5 KB at 160×48 for about 0.7 KB of
//! changed characters).
//!
//! ratatui's `CrosstermBackend::draw` positions the cursor absolutely (`ESC[row;colH`, 6 to 10
//! bytes) before every cell that does not follow the previous one at column + 1, so after each
//! wide character (a CJK character advances the cursor by two) it moves again to where the cursor
//! already is: two thirds of the bytes of a move. It writes a modifier change and a colour change
//! as separate sequences, the colours always in pairs (`ESC[38;5;8;49m` when only the foreground
//! changed), ends every frame with four resets and hides the hidden cursor again.
//!
//! Here the cursor is tracked across wide characters (only where every terminal agrees on the
//! width) and moved relatively when that is shorter (VT100 CUU/CUD/CUF/CUB); a short run of
//! unchanged cells between two changed ones is written again when that is shorter than moving
//! over it (for which [`draw`] hands the backend the whole frame); a change of style is one SGR
//! sequence with only what changed, and a space keeps the pen when the difference would not show
//! on it; a frame ends with one reset when needed; the cursor is hidden or shown only when it is
//! not already; and a frame goes out in one write. The cells are those ratatui's diff yields, in
//! its order, so the screen is the same (a test compares both backends through a terminal
//! emulator, cell by cell).

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::layout::{Position, Size};
use ratatui::{Frame, Terminal};

mod cells;
mod pen;
use cells::{advance, narrow, symbol};
use pen::{Pen, restyle};

/// A ratatui backend over a writer (the terminal's stdout).
pub struct LeanBackend<W: Write> {
    writer: W,
    /// Where the terminal's cursor is, if known: `None` after a character whose width the
    /// terminal might count differently, at the right margin (a pending wrap) and at the start.
    cursor: Option<Position>,
    /// Whether the cursor is hidden, if known.
    hidden: Option<bool>,
    /// The terminal's width as last asked (the terminal asks before every frame): a character in
    /// the last column leaves the cursor there with a wrap pending.
    width: std::cell::Cell<u16>,
    /// The width the last frame was drawn at.
    drawn_width: u16,
    /// A frame's bytes, reused.
    out: Vec<u8>,
    /// The frame about to be drawn, handed over by [`draw`]: the cells around the changed ones,
    /// which ratatui's diff does not pass to `Backend::draw`. Only the next draw uses it.
    frame: Rc<RefCell<FrameSlot>>,
    /// `--ascii`: a character of ambiguous East Asian width is written as an ASCII look-alike
    /// ([`narrow`]).
    ascii: bool,
}

/// A copy of the frame about to be drawn; `fresh` until a draw has used it.
#[derive(Default)]
struct FrameSlot {
    buffer: Buffer,
    fresh: bool,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            cursor: None,
            hidden: None,
            width: std::cell::Cell::new(0),
            drawn_width: 0,
            out: Vec::new(),
            frame: Rc::default(),
            ascii: false,
        }
    }

    /// Writes characters of ambiguous width as ASCII look-alikes (`--ascii`).
    pub fn with_ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// Sets the width a draw assumes without asking the terminal (tests).
    #[cfg(test)]
    pub fn assume_width(&self, width: u16) {
        self.width.set(width);
    }
}

/// Draws a frame as `Terminal::draw` does, handing the backend a copy of the whole frame first,
/// so that it can write a short run of unchanged cells instead of moving the cursor over them.
pub fn draw<W: Write>(
    term: &mut Terminal<LeanBackend<W>>,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    let slot = Rc::clone(&term.backend().frame);
    let drawn = term.draw(|f| {
        render(f);
        let mut slot = slot.borrow_mut();
        let frame = f.buffer_mut();
        // Cell by cell into the cells of the last copy: no allocation once the size is steady.
        slot.buffer.area = frame.area;
        slot.buffer.content.clone_from(&frame.content);
        slot.fresh = true;
    });
    // Unused if the draw failed before the backend took it: never another frame's.
    slot.borrow_mut().fresh = false;
    drawn.map(|_| ())
}

/// The longest gap [`fill`] writes over: a move never takes more than 10 bytes.
const MAX_FILL: u16 = 10;

/// Writes the cells of `frame` from `from` up to `to` on the same row: they did not change, so
/// the terminal shows them already, and writing them again can be shorter than moving over them.
/// Returns the pen after them, or `None` when the gap holds a cell whose width is not certain, a
/// cell ratatui skips, or a wide character reaching past `to`.
fn fill(
    out: &mut Vec<u8>,
    frame: &Buffer,
    (from, to): (Option<Position>, Position),
    mut pen: Pen,
    ascii: bool,
) -> Option<Pen> {
    let from = from?;
    if from.y != to.y || from.x >= to.x || to.x - from.x > MAX_FILL {
        return None;
    }
    let mut x = from.x;
    while x < to.x {
        let cell = frame.cell(Position { x, y: to.y })?;
        if matches!(cell.diff_option, CellDiffOption::Skip) {
            return None;
        }
        let w = advance(cell)?;
        if x + w > to.x {
            return None;
        }
        restyle(out, &mut pen, cell);
        let s = symbol(cell);
        out.extend_from_slice(if ascii { narrow(s) } else { s }.as_bytes());
        x += w;
    }
    Some(pen)
}

/// Moves the cursor from `from` (if known) to `to` by the shortest of an absolute position and
/// relative moves.
fn move_to(out: &mut Vec<u8>, from: Option<Position>, to: Position) {
    let mut absolute = String::new();
    if to.x == 0 {
        let _ = write!(absolute, "\x1b[{}H", to.y + 1);
    } else {
        let _ = write!(absolute, "\x1b[{};{}H", to.y + 1, to.x + 1);
    }
    let Some(from) = from else {
        out.extend_from_slice(absolute.as_bytes());
        return;
    };
    let mut relative = String::new();
    let step = |s: &mut String, n: u16, code: char| {
        if n == 1 {
            let _ = write!(s, "\x1b[{code}");
        } else if n > 1 {
            let _ = write!(s, "\x1b[{n}{code}");
        }
    };
    if to.y > from.y {
        step(&mut relative, to.y - from.y, 'B');
    } else {
        step(&mut relative, from.y - to.y, 'A');
    }
    if to.x > from.x {
        step(&mut relative, to.x - from.x, 'C');
    } else {
        step(&mut relative, from.x - to.x, 'D');
    }
    let shorter = if relative.len() < absolute.len() {
        relative
    } else {
        absolute
    };
    out.extend_from_slice(shorter.as_bytes());
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        let mut pen = Pen::RESET;
        let width = self.width.get();
        if width != self.drawn_width {
            // The terminal was resized: it may have moved the cursor.
            self.cursor = None;
            self.drawn_width = width;
        }
        // The whole frame, when the caller handed it over for this draw (see `draw`).
        let slot = Rc::clone(&self.frame);
        let mut slot = slot.borrow_mut();
        let mut frame = std::mem::take(&mut slot.fresh).then_some(&slot.buffer);
        let (mut moved, mut filled) = (Vec::new(), Vec::new());
        // Whether the cursor stands where a cell of this frame ended, so that a fill starts at a
        // cell of its own (after a previous frame's cursor it could start inside a wide one).
        let mut fillable = false;
        for (x, y, cell) in content {
            let at = Position { x, y };
            // A frame that does not hold the cells drawn is not this draw's: fill nothing.
            if frame.is_some_and(|f| f.cell(at) != Some(cell)) {
                frame = None;
            }
            if self.cursor != Some(at) {
                moved.clear();
                move_to(&mut moved, self.cursor, at);
                let mut moved_pen = pen;
                restyle(&mut moved, &mut moved_pen, cell);
                filled.clear();
                let fill_pen = frame
                    .filter(|_| fillable)
                    .and_then(|f| fill(&mut filled, f, (self.cursor, at), pen, self.ascii))
                    .map(|mut p| {
                        restyle(&mut filled, &mut p, cell);
                        p
                    });
                match fill_pen {
                    Some(p) if filled.len() < moved.len() => {
                        out.extend_from_slice(&filled);
                        pen = p;
                    }
                    _ => {
                        out.extend_from_slice(&moved);
                        pen = moved_pen;
                    }
                }
            } else {
                restyle(&mut out, &mut pen, cell);
            }
            let written = symbol(cell);
            let written = if self.ascii { narrow(written) } else { written };
            out.extend_from_slice(written.as_bytes());
            self.cursor = advance(cell)
                .map(|w| x.saturating_add(w))
                .filter(|&next| next < width)
                .map(|next| Position { x: next, y });
            fillable = self.cursor.is_some();
        }
        if pen != Pen::RESET {
            out.extend_from_slice(b"\x1b[0m");
        }
        let written = self.writer.write_all(&out);
        self.out = out;
        written
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden == Some(true) {
            return Ok(());
        }
        self.hidden = Some(true);
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden == Some(false) {
            return Ok(());
        }
        self.hidden = Some(false);
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position()
            .map(|(x, y)| Position { x, y })
            .map_err(io::Error::other)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let at = position.into();
        if self.cursor == Some(at) {
            return Ok(());
        }
        self.cursor = Some(at);
        execute!(self.writer, MoveTo(at.x, at.y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // A clear comes with a resize, which may have moved the cursor.
        self.cursor = None;
        execute!(
            self.writer,
            Clear(match clear_type {
                ClearType::All => terminal::ClearType::All,
                ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
                ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
                ClearType::CurrentLine => terminal::ClearType::CurrentLine,
                ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
            })
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.cursor = None;
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        self.width.set(width);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests;
