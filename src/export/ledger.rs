//! The ledger (台账) as a spreadsheet: .xlsx (streamed in constant memory, the light a coloured
//! cell with its word) or .csv (UTF-8 with a byte-order mark, so Excel reads the Chinese). The
//! columns are the screen's ledger's, in the user's language.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};
use unicode_width::UnicodeWidthStr;

use super::{ExportError, cell, opt_date, write_atomically};
use crate::domain::Light;
use crate::i18n::{Exp, Lang, Msg};
use crate::store::TaskRow;

/// How many columns the ledger has.
pub const COLUMNS: usize = 13;

/// The widest a column is made, in Excel's character units.
const MAX_WIDTH: usize = 60;

/// The file format of a ledger export, chosen by the path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    Xlsx,
    Csv,
}

impl LedgerFormat {
    /// `.xlsx` or `.csv` (in any case); `None` for anything else.
    pub fn from_path(path: &Path) -> Option<LedgerFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(LedgerFormat::Xlsx),
            "csv" => Some(LedgerFormat::Csv),
            _ => None,
        }
    }
}

/// The header row: id, light, working days left, task, lead unit, co-units, meeting date and
/// topic, responsible leader, limit, state, completed on, promised on.
pub fn ledger_headers(lang: Lang) -> [&'static str; COLUMNS] {
    [
        lang.t(Msg::ColId),
        lang.t(Msg::ColLight),
        lang.t(Msg::ColLeft),
        lang.t(Msg::ColTask),
        lang.t(Msg::ColLead),
        lang.t(Msg::ColCo),
        lang.t(Msg::ColMeetingDate),
        lang.t(Msg::ColMeetingTopic),
        lang.t(Msg::ColLeader),
        lang.t(Msg::ColDue),
        lang.t(Msg::ColState),
        lang.t(Msg::ColCompletedOn),
        lang.exp(Exp::ColPromisedOn),
    ]
}

/// The light as symbol and word, so it never rests on colour alone.
pub fn light_text(lang: Lang, light: Light) -> String {
    format!(
        "{} {}",
        crate::text::light_symbol(light, false),
        lang.light(light)
    )
}

/// One task's cells, in the order of [`ledger_headers`], each one line without control characters.
pub fn ledger_row(lang: Lang, r: &TaskRow) -> [String; COLUMNS] {
    [
        r.id.to_string(),
        light_text(lang, r.light),
        lang.workdays_left(r.light, r.working_days_left),
        cell(&r.text),
        cell(&r.lead_unit),
        cell(&r.co_units.join("、")),
        r.meeting_date.to_string(),
        cell(r.meeting_topic.as_deref().unwrap_or("")),
        cell(r.leader.as_deref().unwrap_or("")),
        lang.limit(r.limit, r.due, r.provisional),
        lang.state(r.state).to_string(),
        opt_date(r.completed_on),
        opt_date(r.promised_on),
    ]
}

/// Writes the ledger in `format` (see [`ledger_xlsx`] and [`ledger_csv`]).
pub fn write_ledger(
    path: &Path,
    format: LedgerFormat,
    lang: Lang,
    rows: &[TaskRow],
    scope: &str,
    exported_at: &str,
) -> Result<(), ExportError> {
    match format {
        LedgerFormat::Xlsx => ledger_xlsx(path, lang, rows, scope, exported_at),
        LedgerFormat::Csv => ledger_csv(path, lang, rows),
    }
}

/// The fill of a light's cell: red, yellow, green, or grey for done and exempt.
fn light_fill(light: Light) -> Color {
    Color::RGB(match light {
        Light::Red => 0xF4_8C_8C,
        Light::Yellow => 0xFF_E0_66,
        Light::Green => 0xA9_D6_8F,
        Light::Done | Light::Exempt => 0xD9_D9_D9,
    })
}

/// Each column's width in Excel's units: the widest cell's display width (a Chinese character
/// counts 2), plus a margin, capped at [`MAX_WIDTH`].
fn column_widths(lang: Lang, rows: &[TaskRow]) -> [usize; COLUMNS] {
    let mut widths = ledger_headers(lang).map(|h| h.width() + 4);
    for r in rows {
        for (w, c) in widths.iter_mut().zip(ledger_row(lang, r)) {
            *w = (*w).max(c.width() + 2);
        }
    }
    widths.map(|w| w.min(MAX_WIDTH))
}

/// The ledger as .xlsx: a title row (what was selected and when it was exported), a frozen header
/// row with an autofilter, then one row per task. Rows are streamed in constant-memory mode, so a
/// ledger of 100,000 tasks needs little memory beyond `rows` themselves.
pub fn ledger_xlsx(
    path: &Path,
    lang: Lang,
    rows: &[TaskRow],
    scope: &str,
    exported_at: &str,
) -> Result<(), ExportError> {
    let widths = column_widths(lang, rows);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(lang.exp(Exp::LedgerTitle))?;
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w as f64)?;
    }
    let title = format!(
        "{}　{}　{}　{}",
        lang.exp(Exp::LedgerTitle),
        lang.exp_fill(Exp::LedgerScope, &[&cell(scope)]),
        lang.exp_fill(Exp::LedgerRows, &[&rows.len()]),
        lang.exp_fill(Exp::LedgerExportedAt, &[&cell(exported_at)]),
    );
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, title, &bold.clone().set_font_size(14))?;
    let header = bold
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin);
    for (col, h) in ledger_headers(lang).iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &header)?;
    }
    let last = rows.len() as u32 + 1;
    sheet.set_freeze_panes(2, 0)?;
    sheet.autofilter(1, 0, last, (COLUMNS - 1) as u16)?;
    let fills: Vec<(Light, Format)> = [
        Light::Red,
        Light::Yellow,
        Light::Green,
        Light::Exempt,
        Light::Done,
    ]
    .into_iter()
    .map(|l| (l, Format::new().set_background_color(light_fill(l))))
    .collect();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 2;
        for (col, text) in ledger_row(lang, r).into_iter().enumerate() {
            let col = col as u16;
            match col {
                0 => {
                    sheet.write_number(row, col, r.id as f64)?;
                }
                1 => {
                    let fill = fills.iter().find(|(l, _)| *l == r.light).map(|(_, f)| f);
                    match fill {
                        Some(f) => sheet.write_string_with_format(row, col, text, f)?,
                        None => sheet.write_string(row, col, text)?,
                    };
                }
                _ if text.is_empty() => {}
                _ => {
                    sheet.write_string(row, col, text)?;
                }
            }
        }
    }
    write_atomically(path, |out| Ok(workbook.save_to_writer(out)?))
}

/// The ledger as .csv: UTF-8 with a byte-order mark, the header row, one row per task, CRLF line
/// ends (RFC 4180). No title row, so the file stays a plain table for other programs.
pub fn ledger_csv(path: &Path, lang: Lang, rows: &[TaskRow]) -> Result<(), ExportError> {
    write_atomically(path, |out| {
        out.write_all("\u{feff}".as_bytes())?;
        csv_record(out, ledger_headers(lang))?;
        for r in rows {
            csv_record(out, ledger_row(lang, r))?;
        }
        Ok(())
    })
}

/// One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). A field that
/// a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, tab or CR) gets a
/// leading `'`, so opening the file never runs anything.
pub fn csv_field(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes one CSV record and its CRLF.
pub fn csv_record<W: Write, S: AsRef<str>>(
    out: &mut W,
    fields: impl IntoIterator<Item = S>,
) -> std::io::Result<()> {
    let mut first = true;
    for f in fields {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(csv_field(f.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}
