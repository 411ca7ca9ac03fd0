//! A record sheet as a table: its header found by the columns' names in either language under
//! its title rows, and each row read cell by cell, every bad cell a problem of its row.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Problem, RowError, Sheet, cells};
use crate::exchange::{Sheet as SheetKind, is_yes};
use crate::i18n::{Lang, Xch};

/// A sheet's rows under its header, with the header's columns.
pub(super) struct Table<'s> {
    kind: SheetKind,
    cols: HashMap<Xch, usize>,
    rows: Vec<&'s (usize, Vec<String>)>,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

impl<'s> Table<'s> {
    /// The table of `sheet`: its header is the first row naming enough of `kind`'s columns.
    pub(super) fn of(kind: SheetKind, sheet: &'s Sheet) -> Option<Table<'s>> {
        for (i, (_, cells)) in sheet.rows.iter().enumerate() {
            let mut cols = HashMap::new();
            for (c, cell) in cells.iter().enumerate() {
                let h = norm(cell);
                if let Some(x) = kind.columns().iter().find(|x| {
                    !cols.contains_key(*x)
                        && (norm(Lang::Zh.xch(**x)) == h || norm(Lang::En.xch(**x)) == h)
                }) {
                    cols.insert(*x, c);
                }
            }
            let required = kind.columns()[..kind.required()]
                .iter()
                .all(|x| cols.contains_key(x));
            if required {
                return Some(Table {
                    kind,
                    cols,
                    rows: sheet.rows[i + 1..].iter().collect(),
                });
            }
        }
        None
    }
}

/// One row being read: its cells by column, and the problems found.
pub(super) struct Row<'t> {
    table: &'t Table<'t>,
    cells: &'t [String],
    today: NaiveDate,
    pub(super) problems: Vec<Problem>,
}

impl Row<'_> {
    pub(super) fn raw(&self, x: Xch) -> &str {
        self.table
            .cols
            .get(&x)
            .and_then(|&i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    pub(super) fn bad(&mut self, x: Xch) {
        let value = cells::text(self.raw(x));
        self.problems.push(Problem::BadCell { column: x, value });
    }

    /// Whether the sheet has column `x` at all (an empty cell says "none", a missing column
    /// says nothing).
    pub(super) fn has(&self, x: Xch) -> bool {
        self.table.cols.contains_key(&x)
    }

    /// A name or a short text, on one line.
    pub(super) fn text(&self, x: Xch) -> Option<String> {
        Some(cells::text(self.raw(x))).filter(|s| !s.is_empty())
    }

    /// A text that may hold several lines.
    pub(super) fn lines(&self, x: Xch) -> Option<String> {
        Some(cells::text_lines(self.raw(x))).filter(|s| !s.is_empty())
    }

    pub(super) fn required(&mut self, x: Xch) -> String {
        let s = cells::text(self.raw(x));
        if s.is_empty() {
            self.problems.push(Problem::EmptyCell(x));
        }
        s
    }

    pub(super) fn date(&mut self, x: Xch) -> Option<NaiveDate> {
        let s = self.raw(x);
        if s.is_empty() {
            return None;
        }
        let d = cells::date(s, self.today).ok();
        if d.is_none() {
            self.bad(x);
        }
        d
    }

    pub(super) fn required_date(&mut self, x: Xch) -> NaiveDate {
        if self.raw(x).is_empty() {
            self.problems.push(Problem::EmptyCell(x));
        }
        self.date(x).unwrap_or_default()
    }

    pub(super) fn id(&mut self, x: Xch) -> i64 {
        match self.raw(x).parse::<i64>() {
            Ok(n) if n > 0 => n,
            _ if self.raw(x).is_empty() => {
                self.problems.push(Problem::EmptyCell(x));
                0
            }
            _ => {
                self.bad(x);
                0
            }
        }
    }

    pub(super) fn flag(&self, x: Xch) -> bool {
        is_yes(self.raw(x))
    }

    pub(super) fn parsed<T>(&mut self, x: Xch, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.raw(x);
        if s.is_empty() {
            return None;
        }
        let v = parse(s);
        if v.is_none() {
            self.bad(x);
        }
        v
    }
}

/// Reads every row of `table` with `read`; a row with problems is left out and reported.
pub(super) fn each_row<T>(
    table: &Table<'_>,
    today: NaiveDate,
    errors: &mut Vec<RowError>,
    mut read: impl FnMut(&mut Row<'_>) -> T,
) -> Vec<(usize, T)> {
    let mut out = Vec::new();
    for (n, cells) in &table.rows {
        if super::is_totals(cells) {
            continue;
        }
        let mut row = Row {
            table,
            cells,
            today,
            problems: Vec::new(),
        };
        let value = read(&mut row);
        if row.problems.is_empty() {
            out.push((*n, value));
        } else {
            errors.extend(row.problems.into_iter().map(|problem| RowError {
                row: *n,
                problem,
                sheet: Some(table.kind),
            }));
        }
    }
    out
}
