//! CSV as Excel and WPS read it (RFC 4180, CRLF line ends), with the formula guard that an
//! import takes off again (`crate::import::read::unguard`).

use std::io::Write;

/// Whether `s` is a plain number (`-3`, `12`, `2.5`), which a spreadsheet reads as that number and
/// never as a formula.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
}

/// Whether a spreadsheet would read `s` as a formula: it starts with `=`, `+`, `-`, `@`, tab or
/// CR, and is not a plain number.
pub fn needs_guard(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s)
}

/// One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). A field that
/// a spreadsheet would read as a formula gets a leading `'`, so opening the file never runs
/// anything.
pub fn csv_field(s: &str) -> String {
    let guarded;
    let s = if needs_guard(s) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_numbers_are_not() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+1+1局"), "'+1+1局");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("-205"), "-205");
        assert_eq!(csv_field("2.5"), "2.5");
        assert_eq!(csv_field("-"), "'-");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }
}
