//! Reading a table from a CSV (UTF-8 with or without BOM, or GB18030) or .xlsx file (first sheet) into rows
//! of text cells, each with its 1-based row number in the file as a spreadsheet program shows it.

use std::path::Path;

use calamine::{Data, Reader};

/// The rows of a file: (1-based row number, cells). Blank rows are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The extension is neither .csv nor .xlsx.
    Format(String),
    /// The file cannot be opened or read (the system's message).
    Io(String),
    /// The CSV file is neither UTF-8 nor GB18030.
    Encoding,
    /// A quoted CSV field is never closed (the row where it starts).
    Unclosed(usize),
    /// The workbook cannot be read, or has no sheet.
    Xlsx(String),
}

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// The format named by the file's extension (any case).
pub fn format_of(path: &Path) -> Result<Format, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => Ok(Format::Csv),
        "xlsx" => Ok(Format::Xlsx),
        _ => Err(ReadError::Format(ext)),
    }
}

/// Reads `path` as CSV or .xlsx (its first sheet) by its extension.
pub fn read_sheet(path: &Path) -> Result<Sheet, ReadError> {
    match format_of(path)? {
        Format::Csv => read_csv(path),
        Format::Xlsx => {
            let mut book = open_xlsx(path)?;
            let range = book
                .worksheet_range_at(0)
                .ok_or_else(|| ReadError::Xlsx("no sheet".into()))?
                .map_err(|e| ReadError::Xlsx(e.to_string()))?;
            Ok(sheet_of(&range))
        }
    }
}

/// A ledger file: the ledger (the first sheet of a workbook) and the record sheets of a full
/// workbook, found by name (`crate::exchange::Sheet`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Book {
    pub ledger: Sheet,
    pub records: Vec<(crate::exchange::Sheet, Sheet)>,
}

impl Book {
    /// The record sheet of this kind, if the file has it.
    pub fn record(&self, kind: crate::exchange::Sheet) -> Option<&Sheet> {
        self.records
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, s)| s)
    }
}

/// Reads a ledger file: a CSV is the ledger alone; a workbook's first sheet is the ledger, and
/// its sheets named as a full export names them are its records.
pub fn read_book(path: &Path) -> Result<Book, ReadError> {
    match format_of(path)? {
        Format::Csv => Ok(Book {
            ledger: read_csv(path)?,
            records: Vec::new(),
        }),
        Format::Xlsx => {
            let mut book = open_xlsx(path)?;
            let names = book.sheet_names();
            let mut out = Book::default();
            for (i, name) in names.iter().enumerate() {
                let kind = crate::exchange::Sheet::named(name);
                if i > 0 && kind.is_none() {
                    continue;
                }
                let range = book
                    .worksheet_range(name)
                    .map_err(|e| ReadError::Xlsx(e.to_string()))?;
                match kind {
                    Some(kind) if i > 0 => out.records.push((kind, sheet_of(&range))),
                    _ => out.ledger = sheet_of(&range),
                }
            }
            if names.is_empty() {
                return Err(ReadError::Xlsx("no sheet".into()));
            }
            Ok(out)
        }
    }
}

fn read_csv(path: &Path) -> Result<Sheet, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let mut sheet = parse_csv(&csv_text(bytes)?)?;
    for (_, row) in &mut sheet.rows {
        for cell in row.iter_mut() {
            if let Some(plain) = unguard(cell) {
                *cell = plain;
            }
        }
    }
    Ok(sheet)
}

/// A cell without the `'` a CSV export puts before what a spreadsheet would read as a formula
/// (`'=1+1`, `'+1+1局`: see `crate::export::csv`); `None` when there is none to take off.
pub fn unguard(cell: &str) -> Option<String> {
    let rest = cell.strip_prefix('\'')?;
    crate::export::csv::needs_guard(rest).then(|| rest.to_string())
}

/// The text of a CSV file: UTF-8 or, failing that, GB18030. Excel and WPS on Chinese Windows save
/// "CSV (逗号分隔)" in the system's code page 936 (GBK, a subset of GB18030); only "CSV UTF-8" is
/// UTF-8. A file valid as UTF-8 is read as UTF-8 (GBK text is almost never valid UTF-8).
pub fn csv_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(e.as_bytes())
            .map(std::borrow::Cow::into_owned)
            .ok_or(ReadError::Encoding),
    }
}

/// Parses CSV text (RFC 4180: `,` separated, `"` quoted, `""` inside quotes; CRLF or LF; a
/// leading BOM ignored). A quoted field may hold line breaks; it stays one row.
pub fn parse_csv(text: &str) -> Result<Sheet, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sheet = Sheet::default();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let (mut n, mut start, mut quoted, mut any) = (1usize, 1usize, false, false);
    let mut chars = text.chars().peekable();
    let finish = |sheet: &mut Sheet, row: &mut Vec<String>, n: usize| {
        if row.iter().any(|c: &String| !c.trim().is_empty()) {
            sheet.rows.push((n, std::mem::take(row)));
        }
        row.clear();
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        any = true;
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                start = n;
            }
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                finish(&mut sheet, &mut row, n);
                n += 1;
                any = false;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(ReadError::Unclosed(start));
    }
    if any || !cell.is_empty() {
        row.push(cell);
        finish(&mut sheet, &mut row, n);
    }
    Ok(sheet)
}

fn open_xlsx(
    path: &Path,
) -> Result<calamine::Sheets<std::io::BufReader<std::fs::File>>, ReadError> {
    calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(e) => ReadError::Io(e.to_string()),
        e => ReadError::Xlsx(e.to_string()),
    })
}

/// A sheet's rows. Date cells become `YYYY-MM-DD`; whole numbers lose their `.0`.
fn sheet_of(range: &calamine::Range<Data>) -> Sheet {
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut sheet = Sheet::default();
    for (i, cells) in range.rows().enumerate() {
        let mut row: Vec<String> = vec![String::new(); first_col];
        row.extend(cells.iter().map(cell_text));
        if row.iter().any(|c| !c.trim().is_empty()) {
            sheet.rows.push((first + i + 1, row));
        }
    }
    sheet
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}
