//! The report as an .xlsx workbook: one sheet per table of [`crate::report`] (the same tables
//! `duban report` prints), each with a title row naming the period, the day of the figures and the
//! time of export, a frozen header row, counts as numbers and rates as percentages.

use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};
use unicode_width::UnicodeWidthStr;

use super::{ExportError, write_atomically};
use crate::domain::Report;
use crate::i18n::{Lang, Rep};
use crate::report::{Part, fill, period_line, sheet};
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

/// A cell's value: a count as a number, "66.7%" as the fraction 0.667, anything else as text.
enum Value {
    Number(f64),
    Percent(f64),
    Text(String),
}

fn value(cell: &str) -> Value {
    if let Ok(n) = cell.parse::<i64>() {
        return Value::Number(n as f64);
    }
    if let Some(p) = cell.strip_suffix('%').and_then(|p| p.parse::<f64>().ok()) {
        return Value::Percent(p / 100.0);
    }
    Value::Text(sanitise(cell))
}

/// Writes `report` to `path`, one sheet per table.
pub fn report_xlsx(
    path: &Path,
    lang: Lang,
    report: &Report,
    exported_at: &str,
) -> Result<(), ExportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let title_format = bold.clone().set_font_size(14);
    let header = bold
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin);
    let percent = Format::new().set_num_format("0.0%");
    let subtitle = format!(
        "{}　{}　{}",
        period_line(report, lang),
        fill(lang, Rep::AsOf, &[&report.as_of]),
        lang.exp_fill(
            crate::i18n::Exp::LedgerExportedAt,
            &[&sanitise(exported_at)]
        ),
    );
    let mut used = Vec::new();
    for part in Part::ALL {
        let s = sheet(report, part, lang);
        let ws = workbook.add_worksheet();
        ws.set_name(sheet_name(lang, part, &s.title, &mut used))?;
        ws.write_string_with_format(
            0,
            0,
            format!("{}：{}", lang.rep(Rep::Title), s.title),
            &title_format,
        )?;
        ws.write_string(1, 0, &subtitle)?;
        for (col, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(2, col as u16, h, &header)?;
        }
        ws.set_freeze_panes(3, 0)?;
        for (i, row) in s.rows.iter().enumerate() {
            let r = i as u32 + 3;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match value(cell) {
                    Value::Number(n) => ws.write_number(r, c, n)?,
                    Value::Percent(p) => ws.write_number_with_format(r, c, p, &percent)?,
                    Value::Text(t) if t.is_empty() => continue,
                    Value::Text(t) => ws.write_string(r, c, t)?,
                };
            }
        }
        for col in 0..s.headers.len() {
            let w = std::iter::once(&s.headers[col])
                .chain(s.rows.iter().filter_map(|r| r.get(col)))
                .map(|c| c.width())
                .max()
                .unwrap_or(0);
            ws.set_column_width(col as u16, (w + 3).min(50) as f64)?;
        }
    }
    write_atomically(path, |out| Ok(workbook.save_to_writer(out)?))
}

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
        assert!(matches!(value("上塘镇\u{1b}[2J"), Value::Text(t) if t == "上塘镇[2J"));
    }
}
