//! Files for people outside duban: the ledger (台账) as .xlsx or .csv, the feedback form on a
//! meeting's minutes (R4.2, the attachment of 永政办发〔2011〕62号) and the draft notice of a
//! criticism (R5.6), both as .docx; and the report of a period as .xlsx, one sheet per table.
//!
//! No SQL here: every function takes rows the store has read, the language, and the path to
//! write; the ledger takes them through [`LedgerRows`], from memory or one at a time from the
//! store ([`LedgerQuery`]), so that an export of any size needs little memory. Every text goes
//! through [`crate::text::sanitise`] (or [`crate::text::clean`] where line breaks are meaningful)
//! so control characters never reach a file. A file is written to a temporary file beside its path
//! and renamed onto it only when complete, so a failure never leaves a partial file behind.

pub mod csv;
pub mod docx;
pub mod ledger;
mod ledger_xlsx;
pub mod print;
pub mod records;
pub mod report;

use std::io::{BufWriter, Write};
use std::path::Path;

pub use docx::{DocMeta, bulletin, criticism_notice, feedback_form};
pub use ledger::{
    Heading, LedgerFormat, LedgerQuery, LedgerRows, ledger_csv, ledger_headers, ledger_row,
    ledger_value, write_ledger,
};
pub use ledger_xlsx::ledger_xlsx;
pub use report::report_xlsx;

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file could not be created, written or renamed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The spreadsheet library refused.
    #[error("{0}")]
    Xlsx(String),
    /// The Word document could not be packed.
    #[error("{0}")]
    Docx(String),
    /// The meeting has no minutes, so there is no form to fill (bad input).
    #[error("meeting {meeting} has no minutes")]
    NoMinutes { meeting: i64 },
    /// The unit did not take part in the meeting (bad input).
    #[error("{unit} is not a participant of meeting {meeting}")]
    NotParticipant { unit: String, meeting: i64 },
    /// The rows could not be read from the store while they were written.
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    /// A second walk over the ledger's rows did not give as many as the first (the rows changed
    /// between measuring the columns and writing them).
    #[error(
        "the ledger changed while it was exported: {measured} rows measured, {written} written"
    )]
    LedgerChanged { measured: usize, written: usize },
}

impl ExportError {
    /// The caller asked for something that cannot exist (exit 2), not a failure of the system.
    pub fn is_bad_input(&self) -> bool {
        match self {
            ExportError::NoMinutes { .. } | ExportError::NotParticipant { .. } => true,
            ExportError::Store(e) => e.is_bad_input(),
            _ => false,
        }
    }
}

impl ExportError {
    /// The error in the user's language; `path` is the file that was to be written.
    pub fn message(&self, lang: crate::i18n::Lang, path: &Path) -> String {
        use crate::i18n::{Exp, Msg};
        match self {
            ExportError::NoMinutes { meeting } => lang.exp_fill(Exp::ErrNoMinutes, &[meeting]),
            ExportError::NotParticipant { unit, meeting } => {
                lang.fill(Msg::ErrNotParticipant, &[unit, meeting])
            }
            ExportError::Store(e) => {
                // SQLite's own words, without the store's English prefix.
                let detail: &dyn std::fmt::Display = match e {
                    crate::store::StoreError::Sqlite(s) => s,
                    e => e,
                };
                lang.exp_fill(Exp::ErrStoreRead, &[&path.display(), detail])
            }
            ExportError::LedgerChanged { .. } => {
                lang.exp_fill(Exp::ErrLedgerChanged, &[&path.display()])
            }
            e => lang.fill(Msg::ErrFile, &[&path.display(), e]),
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}

/// Writes `path` through `write`, atomically: into a temporary file in the same directory, renamed
/// onto `path` only when `write` succeeded. On any error the temporary file is removed and `path`
/// is untouched.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&mut std::fs::File>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".duban-export-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As an ordinary new file would be (the umask still applies), not tempfile's 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    // tempfile names its random file in its errors; the user knows only `path` (which the caller
    // names), so ask the system about the directory first and keep only the kind of a later error.
    if !std::fs::metadata(dir)?.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::NotADirectory).into());
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| std::io::Error::from(e.kind()))?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| ExportError::Io(e.error))?;
    Ok(())
}

/// One line of stored text for a cell: control characters gone, line breaks made spaces.
pub(crate) fn cell(s: &str) -> String {
    crate::text::sanitise(s)
}

/// A date as official documents write it: 2026年11月25日 (zh) or 2026-11-25 (en).
pub(crate) fn long_date(lang: crate::i18n::Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        crate::i18n::Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        crate::i18n::Lang::En => d.to_string(),
    }
}

/// A deadline as official documents write it, `*` after it when it rests on a year without a
/// holiday notice (a note under the table says what the mark means); empty when missing.
pub(crate) fn deadline_long_date(
    lang: crate::i18n::Lang,
    d: Option<chrono::NaiveDate>,
    provisional: bool,
) -> String {
    match d {
        Some(d) if provisional => format!("{}*", long_date(lang, d)),
        d => opt_long_date(lang, d),
    }
}

/// An optional date as official documents write it, empty when missing.
pub(crate) fn opt_long_date(lang: crate::i18n::Lang, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| long_date(lang, d)).unwrap_or_default()
}
