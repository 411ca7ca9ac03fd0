//! Importing units, leaders and a task ledger (台账) from a CSV or .xlsx file.
//!
//! Pure reading and checking, no SQL: [`read`] turns a file into rows of text with their row
//! numbers, [`header`] finds the columns by name (Chinese or English; a title row above the
//! header is passed over), [`cells`] reads one cell, and [`plan`] / [`ledger`] check every row
//! against the file and a snapshot of the database ([`Existing`]), giving the good rows as records
//! for the store and the bad rows with their problems. The store writes the good rows in one
//! transaction (`Store::import_units`, `import_leaders`, `import_ledger`). Every record is held
//! to the rules the store writes by ([`rules`]: time order and text limits), so a bad record is
//! a bad row, named, before anything is written.
//!
//! A unit (leader) whose name is already in the database is *unchanged* when the file says
//! nothing different about it (same kind; main leader and contact blank or equal — for a leader:
//! same title, liaison blank or equal), and is then passed over; otherwise the row is an error.

pub mod assemble;
pub mod cells;
pub mod header;
mod infer;
pub mod ledger;
pub mod plan;
pub mod read;
pub mod records;
pub mod rules;
mod table;

use chrono::NaiveDate;

use crate::domain::{Leader, Unit};
use crate::i18n::Xch;
use crate::store::{Result as StoreResult, Store};
pub use header::{Field, Kind};
pub use infer::{kind_of_name, title_of_name};
pub use read::{Book, ReadError, Sheet, read_book, read_sheet};

/// What is wrong with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required cell is blank.
    Empty(Field),
    /// A date cell that is not a date (or outside 1970–2199).
    BadDate {
        field: Field,
        value: String,
    },
    UnknownKind(String),
    UnknownTitle(String),
    /// Neither a date, blank, nor an exempt category.
    BadLimit(String),
    /// The same record as the row given, earlier in the file.
    DuplicateOf(usize),
    /// A unit of this name is in the database with other details.
    UnitExists(String),
    /// A leader of this name is in the database with another title or liaison director.
    LeaderExists(String),
    /// The liaison director is neither in the database nor among the imported leaders.
    UnknownLiaison(String),
    OwnLiaison(String),
    /// The lead unit is also named as a co-unit.
    LeadIsCo(String),
    /// The lead unit is deactivated and takes no new tasks.
    InactiveUnit(String),
    CompletedAfterToday,
    /// A date on the wrong side of another (`crate::domain::order`): a limit, a completion, a
    /// progress report or an explanation before the meeting, a promise before its explanation …
    OutOfOrder(crate::domain::OutOfOrder),
    /// A text longer than its field allows (`crate::domain::fields`).
    TooLong(crate::domain::TooLong),
    /// The task (same text and lead unit) is already recorded for that meeting.
    TaskExists(i64),
    /// A line of a record cell (progress, explanation, criticism) that cannot be read.
    BadRecord {
        field: Field,
        line: String,
    },
    /// An id cell that is not a whole number.
    BadNumber {
        field: Field,
        value: String,
    },
    /// Rows of one meeting (by its id) give it another date, topics or minutes' issue date than
    /// the row given.
    MeetingDiffers(usize),
    /// A cell of a record sheet that cannot be read (its column and value).
    BadCell {
        column: Xch,
        value: String,
    },
    /// A required cell of a record sheet is blank.
    EmptyCell(Xch),
    /// A record names a task id the ledger does not hold.
    UnknownTask(i64),
    /// A record names a meeting id the meetings sheet does not hold.
    UnknownMeeting(i64),
}

/// A problem of the row with this file row number (in a record sheet, when `sheet` is given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub problem: Problem,
    pub sheet: Option<crate::exchange::Sheet>,
}

/// The rows of a file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T> {
    /// Records to create, with their row numbers.
    pub good: Vec<(usize, T)>,
    /// Every problem found, by row.
    pub bad: Vec<RowError>,
    /// Rows naming a record already in the database with the same details.
    pub unchanged: Vec<usize>,
    /// Totals rows (合计, 总计 …) under or between the data, passed over.
    pub totals: Vec<usize>,
}

impl<T> Default for Checked<T> {
    fn default() -> Self {
        Checked {
            good: Vec::new(),
            bad: Vec::new(),
            unchanged: Vec::new(),
            totals: Vec::new(),
        }
    }
}

impl<T> Checked<T> {
    /// The rows of the ledger (or the only sheet) with a problem, each once, in file order.
    pub fn bad_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .bad
            .iter()
            .filter(|e| e.sheet.is_none())
            .map(|e| e.row)
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Every row with a problem, each once: the ledger's rows first, then those of each record
    /// sheet.
    pub fn bad_sheet_rows(&self) -> Vec<(Option<crate::exchange::Sheet>, usize)> {
        let order = |s: Option<crate::exchange::Sheet>| {
            s.map_or(0, |s| {
                1 + crate::exchange::Sheet::ALL
                    .iter()
                    .position(|x| *x == s)
                    .unwrap_or(0)
            })
        };
        let mut rows: Vec<(Option<crate::exchange::Sheet>, usize)> =
            self.bad.iter().map(|e| (e.sheet, e.row)).collect();
        rows.sort_by_key(|(s, r)| (order(*s), *r));
        rows.dedup();
        rows
    }

    fn reject(&mut self, row: usize, problems: Vec<Problem>) {
        self.bad
            .extend(problems.into_iter().map(|problem| RowError {
                row,
                problem,
                sheet: None,
            }));
    }

    /// The good records without their row numbers.
    pub fn records(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.good.iter().map(|(_, t)| t.clone()).collect()
    }
}

/// A file that cannot be checked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Read(ReadError),
    /// No row holds these required columns.
    MissingColumns(Vec<Field>),
}

impl From<ReadError> for FileError {
    fn from(e: ReadError) -> Self {
        FileError::Read(e)
    }
}

/// An existing meeting as the ledger matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingMeeting {
    pub id: i64,
    pub date: NaiveDate,
    pub topics: Vec<String>,
}

/// An existing task as the ledger matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingTask {
    pub meeting_id: i64,
    pub text: String,
    pub lead_unit: String,
}

/// What the database holds that an import is checked against.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    pub units: Vec<Unit>,
    pub leaders: Vec<Leader>,
    pub meetings: Vec<ExistingMeeting>,
    pub tasks: Vec<ExistingTask>,
    /// Criticisms by unit name, date and document number (an import does not repeat them).
    pub criticisms: Vec<(String, NaiveDate, Option<String>)>,
    /// Referrals by unit name and the day they were proposed.
    pub referrals: Vec<(String, NaiveDate)>,
}

impl Existing {
    /// Reads the snapshot from `store`.
    pub fn load(store: &Store, today: NaiveDate) -> StoreResult<Existing> {
        let meetings = store
            .meetings(today)?
            .into_iter()
            .map(|m| ExistingMeeting {
                id: m.id,
                date: m.date,
                topics: m.topics,
            })
            .collect();
        let tasks = store
            .task_keys()?
            .into_iter()
            .map(|(meeting_id, text, lead_unit)| ExistingTask {
                meeting_id,
                text,
                lead_unit,
            })
            .collect();
        let units = store.units()?;
        let unit_name = |id: i64| {
            units
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name.clone())
                .unwrap_or_default()
        };
        let criticisms = store
            .criticisms(None)?
            .into_iter()
            .map(|c| (c.unit, c.criticism.date, c.criticism.doc_no))
            .collect();
        let referrals = store
            .referrals(None)?
            .into_iter()
            .map(|r| (unit_name(r.unit_id), r.proposed_on))
            .collect();
        Ok(Existing {
            leaders: store.leaders()?,
            meetings,
            tasks,
            criticisms,
            referrals,
            units,
        })
    }

    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    pub fn leader(&self, name: &str) -> Option<&Leader> {
        self.leaders.iter().find(|l| l.name == name)
    }

    /// The meeting held on `date` whose first topic is `topic`.
    pub fn meeting(&self, date: NaiveDate, topic: &str) -> Option<&ExistingMeeting> {
        self.meetings
            .iter()
            .find(|m| m.date == date && m.topics.first().is_some_and(|t| t == topic))
    }
}

/// A row of a file: its 1-based row number and its cells.
pub type Row = (usize, Vec<String>);

/// Whether `cells` is a totals row, as spreadsheets kept by hand often end with: its first
/// filled cell says 合计, 总计, 小计 or 共计 (or "Total"), spaces and a colon aside.
pub fn is_totals(cells: &[String]) -> bool {
    let Some(first) = cells.iter().find(|c| !c.trim().is_empty()) else {
        return false;
    };
    let word: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let word = word.trim_end_matches([':', '：']).to_lowercase();
    matches!(
        word.as_str(),
        "合计"
            | "总计"
            | "小计"
            | "共计"
            | "总合计"
            | "total"
            | "totals"
            | "subtotal"
            | "grandtotal"
    )
}

/// The data rows of `sheet` below its header for `kind`, with the columns.
pub fn data_rows(sheet: &Sheet, kind: Kind) -> Result<(header::Columns, Vec<&Row>), FileError> {
    let cols = header::find_header(sheet, kind).map_err(FileError::MissingColumns)?;
    let rows = sheet
        .rows
        .iter()
        .filter(|(n, _)| *n > cols.header_row)
        .collect();
    Ok((cols, rows))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_rules;
