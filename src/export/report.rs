//! The report as an .xlsx workbook: one sheet per table of [`crate::report`] (the same tables
//! `duban report` prints), each with a title row, a line naming the period, the day of the figures
//! and the time of export, a frozen header row, counts as numbers, rates as percentages and dates
//! as dates; each sheet prints on A4 landscape, one page wide, its header on every page.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use unicode_width::UnicodeWidthStr;

use super::print::{
    Look, Value as Cell, fit_titles, lines_in, page_setup, row_height, subtitle, write_titles,
};
use super::{ExportError, write_atomically};
use crate::domain::Report;
use crate::i18n::{Lang, Rep};
use crate::report::{Part, period_line, sheet};
use crate::text::sanitise;

/// Excel's limit on a sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// The sheet name of a part: its title, made unique and short enough for Excel.
fn sheet_name(l: Lang, part: Part, title: &str, used: &mut Vec<String>) -> String {
    let base: String = match part {
        Part::Chairs => format!("{}-{}", title, l.rep(Rep::Chair)),
        Part::Months => format!("{}-{}", title, l.rep(Rep::Month)),
        _ => title.to_string(),
    }
    .chars()
    .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
    .take(SHEET_NAME_MAX)
    .collect();
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name) {
        let suffix = format!(" {n}");
        name = base
            .chars()
            .take(SHEET_NAME_MAX - suffix.len())
            .collect::<String>()
            + &suffix;
        n += 1;
    }
    used.push(name.clone());
    name
}

/// A cell's value: a count as a number, "66.7%" as the fraction 0.667, a date as a date,
/// anything else as text.
#[derive(Debug)]
enum Value {
    Number(f64),
    Decimal(f64),
    Percent(f64),
    Date(NaiveDate),
    Text(String),
}

fn value(cell: &str) -> Value {
    if let Ok(n) = cell.parse::<i64>() {
        return Value::Number(n as f64);
    }
    if let Some(p) = cell.strip_suffix('%').and_then(|p| p.parse::<f64>().ok()) {
        return Value::Percent(p / 100.0);
    }
    if cell.contains('.')
        && let Ok(x) = cell.parse::<f64>()
    {
        return Value::Decimal(x);
    }
    if cell.len() == 10
        && let Ok(d) = cell.parse::<NaiveDate>()
    {
        return Value::Date(d);
    }
    Value::Text(sanitise(cell))
}

/// Writes `report` to `path`, one sheet per table. `exported_at` is an RFC 3339 time.
pub fn report_xlsx(
    path: &Path,
    lang: Lang,
    report: &Report,
    exported_at: &str,
) -> Result<(), ExportError> {
    let mut workbook = Workbook::new();
    let look = Look::new();
    let line = subtitle(
        lang,
        &[period_line(report, lang)],
        report.as_of,
        exported_at,
    );
    let mut used = Vec::new();
    for part in Part::ALL {
        let s = sheet(report, part, lang);
        let ws = workbook.add_worksheet();
        let name = sheet_name(lang, part, &s.title, &mut used);
        ws.set_name(&name)?;
        let cols = s.headers.len().max(1);
        let last_col = cols as u16 - 1;
        let mut widths: Vec<f64> = (0..cols)
            .map(|col| {
                let w = std::iter::once(&s.headers[col])
                    .chain(s.rows.iter().filter_map(|r| r.get(col)))
                    .map(|c| c.width())
                    .max()
                    .unwrap_or(0);
                (w + 3).clamp(10, 40) as f64
            })
            .collect();
        let title = format!("{}：{}", lang.rep(Rep::Title), s.title);
        fit_titles(&mut widths, &title, &line);
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        write_titles(ws, &look, &title, &line, &widths)?;
        ws.set_row_height(2, row_height(2))?;
        for (col, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(2, col as u16, h, &look.header)?;
        }
        ws.set_freeze_panes(3, 0)?;
        for (i, row) in s.rows.iter().enumerate() {
            let r = i as u32 + 3;
            let lines = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| lines_in(&Cell::text(sanitise(c)), *w))
                .max()
                .unwrap_or(1);
            if lines > 1 {
                ws.set_row_height(r, row_height(lines))?;
            }
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match value(cell) {
                    Value::Number(n) => {
                        ws.write_number_with_format(r, c, n, &look.int)?;
                    }
                    Value::Percent(p) => {
                        ws.write_number_with_format(r, c, p, &look.percent)?;
                    }
                    Value::Decimal(x) => {
                        ws.write_number_with_format(r, c, x, &look.decimal)?;
                    }
                    Value::Date(d) => look.write(ws, r, c, &Cell::Date(d), None)?,
                    Value::Text(t) => look.write(ws, r, c, &Cell::text(t), None)?,
                }
            }
        }
        let last_row = s.rows.len() as u32 + 2;
        page_setup(ws, lang, &name, report.as_of, (2, 2), last_row, last_col)?;
        // A short table (概要: some forty lines of one line each) is kept on one page, a little
        // smaller, rather than leaving its last lines to a page of their own.
        if last_row <= SHORT_TABLE {
            ws.set_print_fit_to_pages(1, 1);
        }
    }
    write_atomically(path, |out| Ok(workbook.save_to_writer(out)?))
}

/// The last row (from 0) of the longest report sheet printed on one page.
const SHORT_TABLE: u32 = 45;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_unique_short_and_legal() {
        let mut used = Vec::new();
        let a = sheet_name(
            Lang::En,
            Part::Summary,
            "a/b:c*d?e[f]g\\h and a very long title indeed",
            &mut used,
        );
        assert!(!a.contains(['/', ':', '*', '?', '[', ']', '\\']));
        assert!(a.chars().count() <= SHEET_NAME_MAX);
        let b = sheet_name(
            Lang::En,
            Part::Summary,
            "a/b:c*d?e[f]g\\h and a very long title indeed",
            &mut used,
        );
        assert_ne!(a, b);
        assert!(b.chars().count() <= SHEET_NAME_MAX);
    }

    #[test]
    fn counts_and_rates_become_numbers() {
        assert!(matches!(value("12"), Value::Number(n) if n == 12.0));
        assert!(matches!(value("66.7%"), Value::Percent(p) if (p - 0.667).abs() < 1e-9));
        assert!(matches!(value("—"), Value::Text(_)));
        assert!(matches!(value("2026-11-25"), Value::Date(_)));
        assert!(matches!(value("上塘镇\u{1b}[2J"), Value::Text(t) if t == "上塘镇[2J"));
    }
}
