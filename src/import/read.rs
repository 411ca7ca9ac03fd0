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

/// Reads `path` as CSV or .xlsx by its extension.
pub fn read_sheet(path: &Path) -> Result<Sheet, ReadError> {
    match format_of(path)? {
        Format::Csv => {
            let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
            parse_csv(&csv_text(bytes)?)
        }
        Format::Xlsx => read_xlsx(path),
    }
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

/// The first sheet of a workbook. Date cells become `YYYY-MM-DD`; whole numbers lose their `.0`.
fn read_xlsx(path: &Path) -> Result<Sheet, ReadError> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(e) => ReadError::Io(e.to_string()),
        e => ReadError::Xlsx(e.to_string()),
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| ReadError::Xlsx("no sheet".into()))?
        .map_err(|e| ReadError::Xlsx(e.to_string()))?;
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
    Ok(sheet)
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
