//! The ledger as an .xlsx workbook: the ledger sheet first, printable (its print area is the
//! columns a reader needs, [`Col::PRINTED`]; the columns after it are for an import), then, when
//! the rows come from the store, one sheet for every kind of record (`super::records`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet};

use super::ledger::{Heading, LedgerRows, ledger_headers, ledger_value};
use super::print::{
    Look, Value, fit_titles, lines_in, page_setup, row_height, subtitle, write_titles,
};
use super::records::{Kept, RecordSource};
use super::{ExportError, cell, write_atomically};
use crate::domain::Light;
use crate::exchange::{Col, Sheet};
use crate::i18n::{Exp, Lang, Xch};

/// The widest a column is made, in Excel's character units; text wraps within it. The printed
/// columns add up to about 170 units, which A4 landscape prints at about 90 %.
fn max_width(col: Col) -> usize {
    match col {
        Col::Task => 30,
        Col::Co | Col::Note => 16,
        Col::Topics => 16,
        Col::Lead => 14,
        Col::Light | Col::Leader | Col::LimitKind => 9,
        Col::Id | Col::Left => 7,
        _ => 11,
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

/// Each column's width: the widest cell's display width (a Chinese character counts 2) plus a
/// margin, within the column's bounds; and how many rows there are. One walk over the rows,
/// none of them kept.
fn measure(
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    cols: &[Col],
) -> Result<(Vec<usize>, usize), ExportError> {
    use unicode_width::UnicodeWidthStr;
    // A header wraps onto two lines at most.
    let mut widths: Vec<usize> = ledger_headers(lang, cols)
        .iter()
        .map(|h| (h.width() / 2).max(4) + 2)
        .collect();
    let mut count = 0;
    rows.each_row_bare(&mut |e| {
        for (w, &c) in widths.iter_mut().zip(cols) {
            *w = (*w).max(ledger_value(lang, e, c).width() + 2);
        }
        count += 1;
        Ok(())
    })?;
    let widths = widths
        .into_iter()
        .zip(cols)
        .map(|(w, &c)| w.min(max_width(c)))
        .collect();
    Ok((widths, count))
}

/// The ledger as .xlsx: two title rows (what was selected, the day of the data and the time of
/// export), a frozen header row with an autofilter, then one row per task; then the record
/// sheets. How many tasks. The title and the autofilter need the row count and the columns their
/// widths before the first row is written, so the rows are walked twice: measured, then written,
/// in constant-memory mode (each row goes to a temporary file as it is written). Memory does not
/// grow with the ledger unless `rows` is in memory.
pub fn ledger_xlsx(
    path: &Path,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    heading: &Heading<'_>,
) -> Result<usize, ExportError> {
    let cols = Col::xlsx();
    let (widths, count) = measure(lang, rows, &cols)?;
    let mut workbook = Workbook::new();
    let look = Look::new();
    let name = lang.exp(Exp::LedgerTitle);
    let mut kept = Kept {
        whole: rows.records().is_some_and(|r| r.whole()),
        tasks: HashSet::new(),
        meetings: HashSet::new(),
    };
    {
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        for (col, w) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *w as f64)?;
        }
        let written = write_ledger_sheet(
            sheet, lang, rows, heading, &cols, &widths, count, &look, &mut kept,
        )?;
        if written != count {
            return Err(ExportError::LedgerChanged {
                measured: count,
                written,
            });
        }
    }
    if let Some(records) = rows.records() {
        write_record_sheets(&mut workbook, lang, records, &kept, heading, &look)?;
    }
    // Faster than the default level (6) for a file a few percent larger.
    workbook.set_zip_compression_level(2);
    write_atomically(path, |out| Ok(workbook.save_to_writer(out)?))?;
    Ok(count)
}

/// The ledger sheet's rows; how many tasks were written. Notes the tasks and meetings written in
/// `kept`.
#[allow(clippy::too_many_arguments)]
fn write_ledger_sheet(
    sheet: &mut Worksheet,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    heading: &Heading<'_>,
    cols: &[Col],
    widths: &[usize],
    count: usize,
    look: &Look,
    kept: &mut Kept,
) -> Result<usize, ExportError> {
    let name = lang.exp(Exp::LedgerTitle);
    let printed = Col::PRINTED.len() as u16 - 1;
    let last = count as u32 + 2;
    sheet.merge_range(0, 0, 0, printed, name, &look.title)?;
    let first = [
        lang.exp_fill(Exp::LedgerScope, &[&cell(heading.scope)]),
        lang.exp_fill(Exp::LedgerRows, &[&count]),
    ];
    let line = subtitle(lang, &first, heading.today, heading.exported_at);
    sheet.merge_range(
        1,
        0,
        1,
        printed,
        &line,
        &look.subtitle.clone().set_text_wrap(),
    )?;
    for (col, (h, c)) in ledger_headers(lang, cols).iter().zip(cols).enumerate() {
        let format = if Col::PRINTED.contains(c) {
            &look.header
        } else {
            &look.data_header
        };
        sheet.write_string_with_format(2, col as u16, *h, format)?;
    }
    sheet.set_freeze_panes(3, 0)?;
    sheet.autofilter(2, 0, last, (cols.len() - 1) as u16)?;
    page_setup(sheet, lang, name, heading.today, (2, 2), last, printed)?;
    sheet.set_row_height(1, row_height(1))?;
    sheet.set_row_height(2, row_height(2))?;
    let fills: Vec<(Light, Format)> = Light::ALL
        .into_iter()
        .map(|l| (l, look.text.clone().set_background_color(light_fill(l))))
        .collect();
    let mut written = 0;
    rows.each_row_bare(&mut |e| {
        let row = written as u32 + 3;
        written += 1;
        kept.tasks.insert(e.row.id);
        kept.meetings.insert(e.row.meeting_id);
        let values: Vec<Value> = cols.iter().map(|&c| ledger_value(lang, e, c)).collect();
        let lines = values
            .iter()
            .zip(widths)
            .map(|(v, w)| lines_in(v, *w as f64))
            .max()
            .unwrap_or(1);
        // A row of one line keeps the default height (a height is kept in memory for each row
        // given one).
        if lines > 1 {
            sheet.set_row_height(row, row_height(lines))?;
        }
        for (col, (value, &c)) in values.iter().zip(cols).enumerate() {
            let fill = (c == Col::Light)
                .then(|| fills.iter().find(|(l, _)| *l == e.row.light))
                .flatten()
                .map(|(_, f)| f);
            look.write(sheet, row, col as u16, value, fill)?;
        }
        Ok(())
    })?;
    Ok(written)
}

/// A column's width in a record sheet, by what it holds.
fn width(col: Xch) -> f64 {
    use Xch::*;
    match col {
        MeetingId | Id | Emergency | ProcedureUnknown | Inactive | Confirmed | Sealed | Copied
        | ArchivedSignIn | ArchivedRecord | ArchivedFeedback => 9.0,
        // A progress report or an explanation, and its task, mostly on one line.
        Content | Task => 44.0,
        Topics | Opinion | Reason | WaiverReason | ReferralOutcome | NotReferredReason
        | ProposalReason | Approval | Decision | Contact => 32.0,
        Unit | Name | Number | DocNo | Place | Tasks => 18.0,
        _ => 12.0,
    }
}

/// The sheets of `Sheet::ALL` after the ledger, each with a title row, a frozen header and the
/// records of `kept`, set up to print.
fn write_record_sheets(
    workbook: &mut Workbook,
    lang: Lang,
    src: &dyn RecordSource,
    kept: &Kept,
    heading: &Heading<'_>,
    look: &Look,
) -> Result<(), ExportError> {
    // Sheets are added in order; the four meeting sheets are written in one walk, each row to
    // its own sheet (rows are still written in order within each sheet).
    let first = workbook.worksheets().len();
    let mut next_row: HashMap<Sheet, u32> = HashMap::new();
    for (i, sheet) in Sheet::ALL.iter().enumerate() {
        let ws = workbook.add_worksheet_with_constant_memory()?;
        let name = sheet.name(lang);
        ws.set_name(name)?;
        let cols = sheet.columns();
        let mut widths: Vec<f64> = cols.iter().map(|c| width(*c)).collect();
        let line = subtitle(lang, &[], heading.today, heading.exported_at);
        fit_titles(&mut widths, name, &line);
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        write_titles(ws, look, name, &line, &widths)?;
        for (c, col) in cols.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, lang.xch(*col), &look.header)?;
        }
        ws.set_row_height(2, row_height(2))?;
        ws.set_freeze_panes(3, 0)?;
        next_row.insert(*sheet, 3);
        debug_assert_eq!(workbook.worksheets().len(), first + i + 1);
    }
    let index = |s: Sheet| first + Sheet::ALL.iter().position(|x| *x == s).unwrap_or(0);
    {
        let mut write = |s: Sheet, values: Vec<Value>| -> Result<(), ExportError> {
            let row = next_row.entry(s).or_insert(3);
            let ws = workbook.worksheet_from_index(index(s))?;
            let lines = values
                .iter()
                .zip(s.columns())
                .map(|(v, col)| lines_in(v, width(*col)))
                .max()
                .unwrap_or(1);
            if lines > 1 {
                ws.set_row_height(*row, row_height(lines))?;
            }
            for (c, v) in values.iter().enumerate() {
                look.write(ws, *row, c as u16, v, None)?;
            }
            *row += 1;
            Ok(())
        };
        for sheet in Sheet::ALL {
            if matches!(sheet, Sheet::Minutes | Sheet::Attendance | Sheet::Feedback) {
                continue; // written with the meetings
            }
            src.rows(lang, sheet, kept, &mut write)?;
        }
    }
    for sheet in Sheet::ALL {
        let ws = workbook.worksheet_from_index(index(sheet))?;
        let last = next_row.get(&sheet).copied().unwrap_or(3).saturating_sub(1);
        let last_col = sheet.columns().len() as u16 - 1;
        page_setup(
            ws,
            lang,
            sheet.name(lang),
            heading.today,
            (2, 2),
            last,
            last_col,
        )?;
    }
    Ok(())
}
