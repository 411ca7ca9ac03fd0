//! The ledger (台账) as a spreadsheet: .xlsx (streamed in constant memory, the light a coloured
//! cell with its word) or .csv (UTF-8 with a byte-order mark, so Excel reads the Chinese). The
//! columns are the screen's ledger's, in the user's language. The rows come through [`LedgerRows`]:
//! a slice in memory, or [`LedgerQuery`], which reads them from the store one at a time.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};
use unicode_width::UnicodeWidthStr;

use super::{ExportError, cell, opt_date, write_atomically};
use crate::domain::Light;
use crate::i18n::{Exp, Lang, Msg};
use crate::store::{Snapshot, Store, StoreError, TaskFilter, TaskRow};

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

/// The rows of a ledger export, walked once for a .csv and twice for a .xlsx (its column widths
/// and row count come before its rows): every walk must give the same rows in the same order.
pub trait LedgerRows {
    /// Calls `each` with every row, in order; an error from `each` stops the walk and is returned.
    fn each_row(
        &self,
        each: &mut dyn FnMut(&TaskRow) -> Result<(), ExportError>,
    ) -> Result<(), ExportError>;
}

impl LedgerRows for [TaskRow] {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&TaskRow) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.iter().try_for_each(each)
    }
}

impl LedgerRows for Vec<TaskRow> {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&TaskRow) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.as_slice().each_row(each)
    }
}

/// The ledger a filter selects on a day, read from the store one row at a time
/// ([`Store::for_each_task`]), so an export's memory does not grow with the ledger. It holds a
/// [`Snapshot`] of the store: every walk finds the same rows, whatever other users write meanwhile.
pub struct LedgerQuery<'a> {
    store: &'a Store,
    filter: &'a TaskFilter,
    today: NaiveDate,
    _snapshot: Snapshot<'a>,
}

impl<'a> LedgerQuery<'a> {
    /// The tasks `filter` selects on `today` (its limit and offset apply), as the database holds
    /// them at the first walk: the snapshot lasts as long as the query.
    pub fn new(
        store: &'a Store,
        filter: &'a TaskFilter,
        today: NaiveDate,
    ) -> Result<LedgerQuery<'a>, StoreError> {
        Ok(LedgerQuery {
            store,
            filter,
            today,
            _snapshot: store.snapshot()?,
        })
    }
}

impl LedgerRows for LedgerQuery<'_> {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&TaskRow) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.store
            .for_each_task(self.filter, self.today, |row| each(&row))
    }
}

/// Writes the ledger in `format` (see [`ledger_xlsx`] and [`ledger_csv`]); how many tasks it holds.
pub fn write_ledger(
    path: &Path,
    format: LedgerFormat,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    scope: &str,
    exported_at: &str,
) -> Result<usize, ExportError> {
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
/// counts 2), plus a margin, capped at [`MAX_WIDTH`]; and how many rows there are. One walk over
/// the rows, none of them kept.
fn measure(
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
) -> Result<([usize; COLUMNS], usize), ExportError> {
    let mut widths = ledger_headers(lang).map(|h| h.width() + 4);
    let mut count = 0;
    rows.each_row(&mut |r| {
        for (w, c) in widths.iter_mut().zip(ledger_row(lang, r)) {
            *w = (*w).max(c.width() + 2);
        }
        count += 1;
        Ok(())
    })?;
    Ok((widths.map(|w| w.min(MAX_WIDTH)), count))
}

/// The ledger as .xlsx: a title row (what was selected and when it was exported), a frozen header
/// row with an autofilter, then one row per task; how many tasks. The title and the autofilter
/// need the row count and the columns their widths before the first row is written, so the rows
/// are walked twice: measured, then written, in constant-memory mode (each row goes to a temporary
/// file as it is written). Memory does not grow with the ledger unless `rows` is in memory.
pub fn ledger_xlsx(
    path: &Path,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    scope: &str,
    exported_at: &str,
) -> Result<usize, ExportError> {
    let (widths, count) = measure(lang, rows)?;
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
        lang.exp_fill(Exp::LedgerRows, &[&count]),
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
    let last = count as u32 + 1;
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
    let mut written = 0;
    rows.each_row(&mut |r| {
        let row = written as u32 + 2;
        written += 1;
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
        Ok(())
    })?;
    if written != count {
        return Err(ExportError::LedgerChanged {
            measured: count,
            written,
        });
    }
    write_atomically(path, |out| Ok(workbook.save_to_writer(out)?))?;
    Ok(count)
}

/// The ledger as .csv: UTF-8 with a byte-order mark, the header row, one row per task, CRLF line
/// ends (RFC 4180); how many tasks. No title row, so the file stays a plain table for other
/// programs. One walk, each row written as it comes.
pub fn ledger_csv(
    path: &Path,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
) -> Result<usize, ExportError> {
    let mut count = 0;
    write_atomically(path, |out| {
        out.write_all("\u{feff}".as_bytes())?;
        csv_record(out, ledger_headers(lang))?;
        rows.each_row(&mut |r| {
            count += 1;
            Ok(csv_record(out, ledger_row(lang, r))?)
        })
    })?;
    Ok(count)
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
