//! What every sheet of duban's workbooks shares so that it prints as a document: A4 landscape,
//! one page wide, the column headers repeated on every page, a footer naming the sheet, the page
//! and the day of the data; a title row that says what the sheet holds, the day of the data and
//! the time of export; dates as date cells (yyyy-mm-dd) and counts as numbers.

use chrono::{Datelike, NaiveDate, Timelike};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use super::ExportError;
use crate::i18n::{Exp, Lang, Xch};

/// Excel's paper size code of A4.
const A4: u8 = 9;

/// A value for one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(NaiveDate),
    /// A date resting on a year without holiday data (shown with `*`).
    Provisional(NaiveDate),
    Int(i64),
    /// A count of working days over a year without holiday data (shown with `*`).
    ProvisionalInt(i64),
    Empty,
}

impl Value {
    /// Text, or nothing when blank.
    pub fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }

    pub fn date(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Empty, Value::Date)
    }

    /// As a .csv writes it: a date `2026-11-25` (`2026-11-25*` when provisional).
    pub fn csv(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Date(d) => d.to_string(),
            Value::Provisional(d) => format!("{d}*"),
            Value::Int(n) => n.to_string(),
            Value::ProvisionalInt(n) => format!("{n}*"),
            Value::Empty => String::new(),
        }
    }

    /// Its width on screen, in Excel's character units (a Chinese character counts two).
    pub fn width(&self) -> usize {
        use unicode_width::UnicodeWidthStr;
        match self {
            Value::Text(s) => s.lines().map(|l| l.width()).max().unwrap_or(0),
            Value::Date(_) => 10,
            Value::Provisional(_) => 11,
            Value::Int(n) => n.to_string().len(),
            Value::ProvisionalInt(n) => n.to_string().len() + 1,
            Value::Empty => 0,
        }
    }
}

/// The height of one line of text in points: 11-point type, Chinese glyphs included. Excel's row
/// for 11-point 宋体 is 14.25 points, but LibreOffice draws Chinese in Noto CJK, whose lines are
/// 1.45 em (about 16 points): at 14.5 a wrapped cell's last line hung below its row when printed.
pub const LINE: f64 = 16.0;

/// How many lines `value` takes in a wrapped column `width` units wide.
pub fn lines_in(value: &Value, width: f64) -> usize {
    use unicode_width::UnicodeWidthStr;
    let Value::Text(s) = value else {
        return 1;
    };
    // A Chinese character takes about two of Excel's units (1.8 in LibreOffice, 2.1 in Excel
    // with 宋体): a little more room than LibreOffice needs, so that no line is cut off.
    let per_line = (width - 0.3).max(2.0);
    s.lines()
        .map(|l| ((l.width() as f64 * 0.97) / per_line).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

/// The height of a row whose tallest cell takes `lines` lines: spreadsheets do not all fit a
/// row to wrapped text when they open a file, so it is written.
pub fn row_height(lines: usize) -> f64 {
    LINE * lines.max(1) as f64 + 2.0
}

/// Widens the first of `widths` so that a sheet's title (14-point bold) fits on one line across
/// the table and the line under it on at most two: a merged title cell cuts off what does not
/// fit.
pub fn fit_titles(widths: &mut [f64], title: &str, line: &str) {
    use unicode_width::UnicodeWidthStr;
    let need = (title.width() as f64 * 1.4 + 2.0).max(line.width() as f64 / 2.0 + 4.0);
    let have: f64 = widths.iter().sum();
    if let Some(first) = widths.first_mut()
        && have < need
    {
        *first += need - have;
    }
}

/// Writes a sheet's two title rows across columns `0..=last_col` (`widths` their widths): the
/// title, and `line` under it, as tall as it needs.
pub fn write_titles(
    ws: &mut Worksheet,
    look: &Look,
    title: &str,
    line: &str,
    widths: &[f64],
) -> Result<(), XlsxError> {
    let last_col = widths.len().max(1) as u16 - 1;
    let wrapped = look.subtitle.clone().set_text_wrap();
    if last_col > 0 {
        ws.merge_range(0, 0, 0, last_col, title, &look.title)?;
        ws.merge_range(1, 0, 1, last_col, line, &wrapped)?;
    } else {
        ws.write_string_with_format(0, 0, title, &look.title)?;
        ws.write_string_with_format(1, 0, line, &wrapped)?;
    }
    ws.set_row_height(0, 22)?;
    let span: f64 = widths.iter().sum();
    ws.set_row_height(1, row_height(lines_in(&Value::text(line), span)))?;
    Ok(())
}

/// The formats of a workbook's cells.
pub struct Look {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    /// A header of a column kept for an import rather than for reading.
    pub data_header: Format,
    pub text: Format,
    pub date: Format,
    pub provisional: Format,
    pub int: Format,
    /// A count resting on a year without holiday data: a number shown `12*`.
    pub provisional_int: Format,
    pub decimal: Format,
    pub percent: Format,
}

impl Look {
    pub fn new() -> Look {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDD_EB_F7))
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        Look {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new(),
            data_header: header.clone().set_background_color(Color::RGB(0xEE_EE_EE)),
            header,
            text: cell.clone().set_text_wrap(),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            provisional: cell.clone().set_num_format("yyyy-mm-dd\"*\""),
            int: cell.clone().set_num_format("0"),
            provisional_int: cell.clone().set_num_format("0\"*\""),
            decimal: cell.clone().set_num_format("0.0"),
            percent: cell.set_num_format("0.0%"),
        }
    }

    /// Writes `value` at (`row`, `col`) in its format; `text` overrides the format of text.
    pub fn write(
        &self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        value: &Value,
        text: Option<&Format>,
    ) -> Result<(), XlsxError> {
        match value {
            Value::Text(s) => ws
                .write_string_with_format(row, col, s, text.unwrap_or(&self.text))
                .map(drop),
            Value::Date(d) => ws
                .write_date_with_format(row, col, excel_date(*d)?, &self.date)
                .map(drop),
            Value::Provisional(d) => ws
                .write_date_with_format(row, col, excel_date(*d)?, &self.provisional)
                .map(drop),
            Value::Int(n) => ws
                .write_number_with_format(row, col, *n as f64, &self.int)
                .map(drop),
            Value::ProvisionalInt(n) => ws
                .write_number_with_format(row, col, *n as f64, &self.provisional_int)
                .map(drop),
            Value::Empty => ws.write_blank(row, col, &self.text).map(drop),
        }
    }
}

impl Default for Look {
    fn default() -> Self {
        Look::new()
    }
}

/// A date as Excel stores it.
pub fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    // The year, month and day of a NaiveDate are in range by construction.
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The time of an export as people write it: `2026年12月4日 14:05` (zh) or `2026-12-04 14:05`,
/// from an RFC 3339 time (`2026-12-04T14:05:33+08:00`); any other text as it is.
pub fn export_time(lang: Lang, at: &str) -> String {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(at.trim()) else {
        return crate::text::sanitise(at);
    };
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日 {:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        ),
        Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// The line under a sheet's title: the day of the data and the time of export, after `first`
/// (what the sheet holds) when given.
pub fn subtitle(lang: Lang, first: &[String], today: NaiveDate, exported_at: &str) -> String {
    let mut parts: Vec<String> = first.iter().filter(|s| !s.is_empty()).cloned().collect();
    parts.push(lang.xch_fill(Xch::AsOf, &[&super::long_date(lang, today)]));
    parts.push(lang.exp_fill(Exp::LedgerExportedAt, &[&export_time(lang, exported_at)]));
    parts.join("　")
}

/// A text for a header or footer, where `&` starts a code.
fn footer_text(s: &str) -> String {
    crate::text::sanitise(s).replace('&', "&&")
}

/// Sets `ws` up to print: A4 landscape, one page wide and as many tall as it takes, rows
/// `repeat` (first, last) on every page, columns up to `last_col` and rows up to `last_row`
/// printed, and a footer with `name` on the left, the page and the page count in the middle and
/// the day of the data on the right.
pub fn page_setup(
    ws: &mut Worksheet,
    lang: Lang,
    name: &str,
    today: NaiveDate,
    repeat: (u32, u32),
    last_row: u32,
    last_col: u16,
) -> Result<(), ExportError> {
    ws.set_landscape();
    ws.set_paper_size(A4);
    // A row of one line is not given a height of its own (see `row_height`); the sheet's default
    // (15 points) would cut off the foot of a Chinese line in LibreOffice.
    ws.set_default_row_height(row_height(1));
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    // Narrow margins (inches): the widest ledger prints larger.
    ws.set_margins(0.4, 0.4, 0.5, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(repeat.0, repeat.1)?;
    ws.set_print_area(0, 0, last_row.max(repeat.1), last_col)?;
    let as_of = lang.xch_fill(Xch::AsOf, &[&super::long_date(lang, today)]);
    ws.set_footer(format!(
        "&L{}&C{}&R{}",
        footer_text(name),
        lang.xch(Xch::Page),
        footer_text(&as_of)
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_time_in_chinese_form() {
        let at = "2026-12-04T14:05:33+08:00";
        assert_eq!(export_time(Lang::Zh, at), "2026年12月4日 14:05");
        assert_eq!(export_time(Lang::En, at), "2026-12-04 14:05");
        assert_eq!(export_time(Lang::Zh, "now\n"), "now ");
        assert_eq!(footer_text("A&B"), "A&&B");
    }

    #[test]
    fn wrapped_text_takes_as_many_lines_as_its_width_needs() {
        assert_eq!(lines_in(&Value::text("上塘镇"), 12.0), 1);
        assert_eq!(lines_in(&Value::text("一二三四五六七八九十"), 12.0), 2);
        assert_eq!(lines_in(&Value::text("a\nb"), 12.0), 2);
        assert_eq!(lines_in(&Value::Int(5), 3.0), 1);
        assert_eq!(row_height(2), 34.0);
    }

    #[test]
    fn values_as_a_csv_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        assert_eq!(Value::Provisional(d).csv(), "2026-12-10*");
        assert_eq!(Value::Int(-3).csv(), "-3");
        assert_eq!(Value::text(""), Value::Empty);
        assert_eq!(Value::text("上塘镇").width(), 6);
    }
}
