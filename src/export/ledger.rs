//! The ledger (台账) as a spreadsheet: .xlsx (`super::ledger_xlsx`: streamed in constant memory,
//! printable, with a sheet for every kind of record) or .csv (UTF-8 with a byte-order mark, so
//! Excel reads the Chinese, with every record in its task's row). The columns are
//! [`crate::exchange::Col`]'s, in the user's language. The rows come through [`LedgerRows`]: a
//! slice in memory, or [`LedgerQuery`], which reads them from the store one at a time.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

pub use super::csv::{csv_field, csv_record};
use super::print::Value;
use super::records::{RecordSource, StoreRecords};
use super::{ExportError, cell, write_atomically};
use crate::domain::Light;
use crate::exchange::{Col, lines};
use crate::i18n::Lang;
use crate::store::{LedgerEntry, Snapshot, Store, StoreError, TaskFilter};

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

/// What a workbook's title rows say: the ledger's scope (the filter in words), the day of the
/// data and the time of export (RFC 3339, written in the user's form).
#[derive(Debug, Clone, Copy)]
pub struct Heading<'a> {
    pub scope: &'a str,
    pub today: NaiveDate,
    pub exported_at: &'a str,
}

/// The header row of `cols`.
pub fn ledger_headers(lang: Lang, cols: &[Col]) -> Vec<&'static str> {
    cols.iter().map(|c| c.header(lang)).collect()
}

/// The light as symbol and word, so it never rests on colour alone.
pub fn light_text(lang: Lang, light: Light) -> String {
    format!(
        "{} {}",
        crate::text::light_symbol(light, false),
        lang.light(light)
    )
}

/// One value of a task's row.
pub fn ledger_value(lang: Lang, e: &LedgerEntry, col: Col) -> Value {
    let r = &e.row;
    let join = |v: Vec<String>| Value::text(v.join("\n"));
    match col {
        Col::Id => Value::Int(r.id),
        Col::Light => Value::Text(light_text(lang, r.light)),
        Col::Left => match (r.light, r.working_days_left) {
            (Light::Done | Light::Exempt, _) | (_, None) => Value::Empty,
            (_, Some(n)) if r.working_days_left_provisional => Value::ProvisionalInt(n),
            (_, Some(n)) => Value::Int(n),
        },
        Col::Task => Value::text(cell(&r.text)),
        Col::Lead => Value::text(cell(&r.lead_unit)),
        Col::Co => Value::text(cell(&crate::i18n::join(lang, &r.co_units))),
        Col::MeetingDate => Value::Date(r.meeting_date),
        Col::Topics => Value::text(
            e.topics
                .iter()
                .map(|t| cell(t))
                .collect::<Vec<_>>()
                .join("；"),
        ),
        Col::Leader => Value::text(cell(r.leader.as_deref().unwrap_or(""))),
        Col::LimitKind => Value::Text(lang.limit_kind(r.limit)),
        Col::Due => match r.due {
            Some(d) if r.provisional => Value::Provisional(d),
            d => Value::date(d),
        },
        Col::State => Value::Text(lang.state(r.state).to_string()),
        Col::Promised => Value::date(r.promised_on),
        Col::Completed => Value::date(r.completed_on),
        Col::MeetingId => Value::Int(r.meeting_id),
        Col::Issued => Value::date(e.issued_on),
        Col::LeaderTitle => e
            .leader_title
            .map_or(Value::Empty, |t| Value::Text(lang.leader_title(t).into())),
        Col::LeadKind => Value::Text(lang.unit_kind(e.lead_kind).to_string()),
        Col::Note => Value::text(cell(e.completion_note.as_deref().unwrap_or(""))),
        Col::Progress => join(
            e.progress
                .iter()
                .map(|p| lines::progress(p.reported_on, &p.text))
                .collect(),
        ),
        Col::Explanations => join(
            e.explanations
                .iter()
                .map(|x| lines::explanation(lang, x.submitted_on, x.promised_on, x.text.as_deref()))
                .collect(),
        ),
        Col::Criticisms => join(
            e.criticisms
                .iter()
                .map(|c| lines::criticism(c.date, c.doc_no.as_deref(), c.reason.as_deref()))
                .collect(),
        ),
        Col::Waivers => join(
            e.waivers
                .iter()
                .map(|w| lines::waiver(w.date, &w.reason))
                .collect(),
        ),
    }
}

/// A task's cells in the columns of a .csv ledger, as the file writes them.
pub fn ledger_row(lang: Lang, e: &LedgerEntry) -> Vec<String> {
    Col::csv()
        .into_iter()
        .map(|c| ledger_value(lang, e, c).csv())
        .collect()
}

/// The rows of a ledger export, walked once for a .csv and twice for a .xlsx (its column widths
/// and row count come before its rows): every walk must give the same rows in the same order.
pub trait LedgerRows {
    /// Calls `each` with every row, in order; an error from `each` stops the walk and is returned.
    fn each_row(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError>;

    /// As [`LedgerRows::each_row`], the rows' records (progress, explanations, criticisms, waivers) left
    /// out where they are costly to read: a workbook has sheets of its own for them.
    fn each_row_bare(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.each_row(each)
    }

    /// The records behind the rows, for the sheets of a full workbook (`None`: rows without
    /// them, as rows built in memory are).
    fn records(&self) -> Option<&dyn RecordSource> {
        None
    }
}

impl LedgerRows for [LedgerEntry] {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.iter().try_for_each(each)
    }
}

impl LedgerRows for Vec<LedgerEntry> {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.as_slice().each_row(each)
    }
}

/// The ledger a filter selects on a day, read from the store one row at a time
/// ([`Store::for_each_ledger_entry`]), so an export's memory does not grow with the ledger. It
/// holds a [`Snapshot`] of the store: every walk finds the same rows, whatever other users write
/// meanwhile.
pub struct LedgerQuery<'a> {
    store: &'a Store,
    filter: &'a TaskFilter,
    today: NaiveDate,
    records: StoreRecords<'a>,
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
        let snapshot = store.snapshot()?;
        Ok(LedgerQuery {
            store,
            filter,
            today,
            records: StoreRecords::new(store, filter.selects_all())?,
            _snapshot: snapshot,
        })
    }
}

impl LedgerRows for LedgerQuery<'_> {
    fn each_row(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.store
            .for_each_ledger_entry(self.filter, self.today, true, |e| each(&e))
    }

    fn each_row_bare(
        &self,
        each: &mut dyn FnMut(&LedgerEntry) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        self.store
            .for_each_ledger_entry(self.filter, self.today, false, |e| each(&e))
    }

    fn records(&self) -> Option<&dyn RecordSource> {
        Some(&self.records)
    }
}

/// Writes the ledger in `format` (see [`super::ledger_xlsx`] and [`ledger_csv`]); how many tasks
/// it holds.
pub fn write_ledger(
    path: &Path,
    format: LedgerFormat,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
    heading: &Heading<'_>,
) -> Result<usize, ExportError> {
    match format {
        LedgerFormat::Xlsx => super::ledger_xlsx(path, lang, rows, heading),
        LedgerFormat::Csv => ledger_csv(path, lang, rows),
    }
}

/// The ledger as .csv: UTF-8 with a byte-order mark, the header row, one row per task with its
/// records, CRLF line ends (RFC 4180); how many tasks. No title row, so the file stays a plain
/// table for other programs. One walk, each row written as it comes.
pub fn ledger_csv(
    path: &Path,
    lang: Lang,
    rows: &(impl LedgerRows + ?Sized),
) -> Result<usize, ExportError> {
    let mut count = 0;
    write_atomically(path, |out| {
        out.write_all("\u{feff}".as_bytes())?;
        csv_record(out, ledger_headers(lang, &Col::csv()))?;
        rows.each_row(&mut |e| {
            count += 1;
            Ok(csv_record(out, ledger_row(lang, e))?)
        })
    })?;
    Ok(count)
}
