//! Tabular output as an aligned table (display cells, so Chinese lines up), CSV or JSON; and the
//! one way the command line writes to its standard output and error ([`out`], [`err`], through the
//! `outln!`/`out!`/`errln!` macros), which keeps control characters and bidirectional overrides of
//! stored or typed text off the terminal (see [`crate::text::is_unsafe`]).

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

pub use super::json::json_text;
pub use crate::text::{clean, clean_lines, truncate};

/// A table of text cells with a header row.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The widest a column may be in table form (cells are cut with ⋯).
    pub max_width: Vec<usize>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            max_width: vec![40; headers.len()],
        }
    }

    pub fn widths(mut self, w: &[usize]) -> Self {
        self.max_width = w.to_vec();
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.iter().map(|c| clean(c)).collect());
    }

    pub fn render(&self) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| truncate(c, self.max_width.get(i).copied().unwrap_or(40)))
                    .collect()
            })
            .collect();
        let n = self.headers.len();
        let width: Vec<usize> = (0..n)
            .map(|i| {
                cells
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| c.width()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for r in &cells {
            let line: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c}{}", " ".repeat(width[i] - c.width())))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    pub fn csv(&self) -> String {
        let field = |s: &str| {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| field(c)).collect::<Vec<_>>().join(",") + "\n")
            .collect()
    }
}

/// Prints `table` as a table or CSV, or `json` as JSON.
pub fn print(format: Format, table: &Table, json: &impl Serialize) {
    match format {
        Format::Table => out(&table.render()),
        Format::Csv => out(&table.csv()),
        Format::Json => out(&(json_text(json, true) + "\n")),
    }
}

/// Writes `text` to standard output, each unsafe character a space (line breaks kept). A closed
/// pipe ends the process (SIGPIPE, see `main`), as `print!` would.
pub fn out(text: &str) {
    let _ = std::io::stdout()
        .lock()
        .write_all(clean_lines(text).as_bytes());
}

/// [`out`], flushed at once, saying whether it was written: for lines a parent process acts on
/// (the stress writer's acknowledgements).
pub fn out_now(text: &str) -> std::io::Result<()> {
    let mut o = std::io::stdout().lock();
    o.write_all(clean_lines(text).as_bytes())?;
    o.flush()
}

/// [`err`], flushed at once: a question asked on the terminal before reading the answer.
pub fn err_now(text: &str) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(clean_lines(text).as_bytes());
    let _ = e.flush();
}

/// A progress line on standard error when it is a terminal (nothing otherwise): `text` written
/// over the line before; `None` clears the line.
pub fn err_progress(text: Option<&str>) {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return;
    }
    let mut e = std::io::stderr().lock();
    let line = text.map(crate::text::clean).unwrap_or_default();
    let _ = write!(e, "\r{line}\x1b[K");
    let _ = e.flush();
}

/// Writes `text` to standard error as [`out`] writes to standard output.
pub fn err(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(clean_lines(text).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_columns_align_by_display_cells() {
        let mut t = Table::new(&["单位", "n"]);
        t.row(vec!["上塘镇".into(), "1".into()]);
        t.row(vec!["ab".into(), "2".into()]);
        let out = t.render();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "上塘镇  1");
        assert_eq!(lines[2], "ab      2");
    }

    #[test]
    fn truncation_never_splits_a_character() {
        assert_eq!(truncate("瓯江引水工程推进", 7), "瓯江引⋯");
        assert_eq!(truncate("瓯江引水工程推进", 8), "瓯江引⋯");
        assert_eq!(truncate("短", 8), "短");
        assert!(truncate("瓯江引水工程推进", 9).width() <= 9);
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(clean("a\u{1b}[2Jb\u{9b}c\u{202e}d"), "a [2Jb c d");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x,y".into(), "say \"hi\"".into()]);
        assert_eq!(t.csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
    }
}
