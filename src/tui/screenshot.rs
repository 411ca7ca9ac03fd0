//! Screenshots of the real screens: the ratatui buffer written as SVG (its colours, wide characters
//! two cells wide) and as plain text. `duban screenshot --out screenshots/` renders every screen on
//! the demo county for a fixed `--today`.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::harness::{Harness, buffer_text};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::store::StoreError;

/// One screenshot: a file name, the language, the size and the keys that lead there.
pub struct Shot {
    pub name: &'static str,
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    pub keys: &'static str,
    /// The role the session acts with (a viewer's screens offer no editing).
    pub role: Role,
}

/// The screens in `screenshots/`.
pub fn shots() -> Vec<Shot> {
    let screens: [(&str, &str); 18] = [
        ("overview", ""),
        ("tasks", "2"),
        ("tasks-filter", "2/stz<Enter>r"),
        ("meetings", "3"),
        ("units", "4"),
        ("reports", "5"),
        // Issue 5's presentation mode: the summary slide and the on-time rate by unit.
        ("present-summary", "5P"),
        ("present-units", "5P<Right>"),
        ("calendar", "6<PgUp>"),
        ("audit", "7"),
        ("help", "?"),
        ("task-meeting", "2r<Enter>"),
        // Issue 4's forms: a meeting plan being edited (a notice date typed as +5 working days),
        // a feedback round unit by unit, the explanation form of an overdue task.
        (
            "meeting-form",
            "3E<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>+5",
        ),
        ("feedback-round", "jjjjjj<Enter>JJJJJ"),
        (
            "explain-form",
            "jj<Enter>e<Tab>+10<Tab>因征地补偿未谈妥，已协调县自然资源局，承诺按期完成。",
        ),
        // Issue 18 point 4: the grids of a meeting, with their column headers and keys: the
        // attendees confirmed before the next meeting (a name typed, Space ticking the row), and
        // attendance at a meeting held.
        ("confirm-form", "3m3<Tab> 张明<Tab>"),
        ("attendance-form", "3jjjjm4"),
        // Issue 6: a viewer's ledger, read-only, after pressing p (progress report).
        ("viewer-tasks", "2p"),
    ];
    // Issue 18: marked tasks, a step on several listing them, an undo asking before it removes.
    let marks: [(&str, &str); 3] = [
        ("tasks-marked", "2vvjv"),
        ("bulk-form", "2vvvvvvd"),
        ("undo-ask", "2p<Tab>已开工<C-s>u"),
    ];
    // Issue 18 point 5: a unit's short forms being edited (one unticked to remove it).
    let aliases = [("aliases-form", ALIASES_FORM)];
    let screens: Vec<(&str, &str)> = screens.into_iter().chain(marks).chain(aliases).collect();
    let mut out = Vec::new();
    // Issue 18: an SSH window inside tmux (80×23), one column short (79×24) and the smallest
    // window drawn in (60×20): the main tabs.
    for (w, h) in [(80, 23), (79, 24), (60, 20)] {
        for lang in [Lang::Zh, Lang::En] {
            for (name, keys) in SMALL {
                out.push(Shot {
                    name,
                    lang,
                    width: w,
                    height: h,
                    keys,
                    role: Role::Admin,
                });
            }
        }
    }
    // Issue 18 points 4 and 6: the forms in an SSH window inside tmux, every label whole.
    for lang in [Lang::Zh, Lang::En] {
        for (name, keys) in SMALL_FORMS {
            out.push(Shot {
                name,
                lang,
                width: 80,
                height: 23,
                keys,
                role: Role::Admin,
            });
        }
    }
    for (w, h) in [(80, 24), (160, 48)] {
        for &(name, keys) in &screens {
            out.push(Shot {
                name,
                lang: Lang::Zh,
                width: w,
                height: h,
                keys,
                role: role_of(name),
            });
        }
        for &(name, keys) in &screens {
            out.push(Shot {
                name,
                lang: Lang::En,
                width: w,
                height: h,
                keys,
                role: role_of(name),
            });
        }
    }
    out
}

/// The short forms of 县住房和城乡建设局, the first unticked (issue 18 point 5).
const ALIASES_FORM: &str = "4:unit 县住房和城乡建设局<Enter>A ";

/// The main tabs, shot at the small sizes.
const SMALL: [(&str, &str); 9] = [
    ("overview", ""),
    ("tasks", "2"),
    ("meetings", "3"),
    ("units", "4"),
    ("reports", "5"),
    ("calendar", "6<PgUp>"),
    ("audit", "7"),
    ("help", "?"),
    ("tasks-marked", "2vvjv"),
];

/// The forms drawn at 80×23: a meeting plan with a late notice typed, the two grids of a
/// meeting, the minutes (the longest form, scrolled to its archive checklist).
const SMALL_FORMS: [(&str, &str); 5] = [
    ("aliases-form", ALIASES_FORM),
    (
        "meeting-form",
        "3E<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>+6",
    ),
    ("confirm-form", "3m3<Tab> 张明<Tab>"),
    ("attendance-form", "3jjjjm4"),
    ("minutes-form", "3jjjjm5<BackTab>"),
];

/// The viewer's screens are named for it; every other screen is an admin's.
fn role_of(name: &str) -> Role {
    if name.starts_with("viewer-") {
        Role::Viewer
    } else {
        Role::Admin
    }
}

impl Shot {
    /// The TUI on the demo county as this shot sees it, its keys pressed.
    pub fn harness(&self, today: NaiveDate) -> Result<Harness, StoreError> {
        let mut h = Harness::demo(self.lang, today, self.width, self.height)?;
        // As an account of the shot's role (the demo's own account is its admin).
        h.store.restrict_to(self.role);
        h.model.role = h.store.role();
        h.model.own_role = self.role;
        h.keys(self.keys);
        Ok(h)
    }

    pub fn file_stem(&self) -> String {
        let lang = match self.lang {
            Lang::Zh => "",
            Lang::En => "-en",
        };
        format!("{}-{}x{}{lang}", self.name, self.width, self.height)
    }
}

/// Writes every screenshot into `dir` (`.svg` and `.txt`); returns the file stems.
pub fn write_all(dir: &Path, today: NaiveDate) -> Result<Vec<String>, ScreenshotError> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for shot in shots() {
        let h = shot.harness(today)?;
        let buf = h.render();
        let stem = shot.file_stem();
        std::fs::write(dir.join(format!("{stem}.svg")), svg(&buf))?;
        std::fs::write(dir.join(format!("{stem}.txt")), buffer_text(&buf))?;
        written.push(stem);
    }
    Ok(written)
}

/// Why screenshots could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

const CELL_W: usize = 9;
const CELL_H: usize = 19;
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

/// The 16 ANSI colours as Windows Terminal's Campbell scheme draws them.
fn rgb(c: Color, fg: bool) -> String {
    match c {
        Color::Reset => (if fg { FG } else { BG }).to_string(),
        Color::Black => "#0c0c0c".into(),
        Color::Red => "#c50f1f".into(),
        Color::Green => "#13a10e".into(),
        Color::Yellow => "#c19c00".into(),
        Color::Blue => "#0037da".into(),
        Color::Magenta => "#881798".into(),
        Color::Cyan => "#3a96dd".into(),
        Color::Gray => "#cccccc".into(),
        Color::DarkGray => "#767676".into(),
        Color::LightRed => "#e74856".into(),
        Color::LightGreen => "#16c60c".into(),
        Color::LightYellow => "#f9f1a5".into(),
        Color::LightBlue => "#3b78ff".into(),
        Color::LightMagenta => "#b4009e".into(),
        Color::LightCyan => "#61d6d6".into(),
        Color::White => "#f2f2f2".into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => (if fg { FG } else { BG }).to_string(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as an SVG image: one run of text per stretch of equally styled cells, each run
/// stretched to exactly its cells so columns line up whatever font the viewer has.
pub fn svg(b: &Buffer) -> String {
    let (w, h) = (usize::from(b.area.width), usize::from(b.area.height));
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"'Sarasa Mono SC','Noto Sans Mono CJK SC','DejaVu Sans Mono',monospace\" font-size=\"15\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n",
        w * CELL_W,
        h * CELL_H
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &b[(x as u16, y as u16)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg, true), rgb(cell.bg, false));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            let bold = cell.modifier.contains(Modifier::BOLD);
            // Gather the run of cells with the same look.
            let mut text = String::new();
            let mut cells = 0;
            let mut cx = x;
            while cx < w {
                let c = &b[(cx as u16, y as u16)];
                if c.fg != cell.fg || c.bg != cell.bg || c.modifier != cell.modifier {
                    break;
                }
                let sym = c.symbol();
                let sw = sym.width().max(1);
                text.push_str(sym);
                cells += sw;
                cx += sw;
            }
            if bg != BG {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{bg}\"/>",
                    x * CELL_W,
                    y * CELL_H,
                    cells * CELL_W
                );
            }
            // Each word (a stretch without spaces) is placed at its own cell and stretched to
            // exactly its cells, so columns line up whatever font the viewer has.
            let weight = if bold { " font-weight=\"bold\"" } else { "" };
            let mut col = x;
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    col += 1;
                }
                if word.is_empty() {
                    continue;
                }
                let len = word.width();
                // Full blocks (bars, large figures) are drawn as filled cells: exact in any viewer.
                if word.chars().all(|c| c == '█') {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{CELL_H}\" fill=\"{fg}\"/>",
                        col * CELL_W,
                        y * CELL_H,
                        len * CELL_W
                    );
                    col += len;
                    continue;
                }
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" fill=\"{fg}\"{weight} textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
                    col * CELL_W,
                    y * CELL_H + 14,
                    len * CELL_W,
                    escape(word)
                );
                col += len;
            }
            x = cx.max(x + 1);
        }
    }
    out.push_str("</svg>\n");
    out
}
