//! Reading one cell: dates, unit kinds, leader titles, limits, lists of units, and text made safe.

use chrono::NaiveDate;

use crate::domain::{DateError, ExemptCategory, LeaderTitle, Limit, UnitKind, parse_date};
use crate::i18n::{Lang, Msg};

/// Imported text: control characters and bidirectional overrides removed, line breaks and tabs
/// become spaces, surrounding white space trimmed.
pub fn text(s: &str) -> String {
    crate::text::sanitise(s).trim().to_string()
}

/// Imported text of several lines (a task, a note): each line as [`text`] makes it, line
/// breaks kept, surrounding white space trimmed.
pub fn text_lines(s: &str) -> String {
    crate::text::sanitise_lines(s).trim().to_string()
}

/// A date as people type it (every form of [`parse_date`]), also `2026.11.25` and with a time of
/// day after it (`2026/11/25 0:00:00`, as spreadsheets write dates saved as text).
pub fn date(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let first = s.split_whitespace().next().unwrap_or_default();
    let dotted = |t: &str| {
        let parts: Vec<&str> = t.split('.').collect();
        (parts.len() == 3 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
            .then(|| parts.join("-"))
    };
    let time_after = s[first.len()..]
        .trim()
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    parse_date(s, today)
        .or_else(|e| {
            if first.len() < s.len() && time_after {
                parse_date(first, today)
            } else {
                Err(e)
            }
        })
        .or_else(|e| dotted(first).map_or(Err(e), |d| parse_date(&d, today)))
        .map_err(|e| match e {
            DateError::Unrecognised(_) => DateError::Unrecognised(s.to_string()),
            other => other,
        })
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// 乡镇 / 县直单位 / 其他, their English names or codes, and a few common variants.
pub fn kind(s: &str) -> Option<UnitKind> {
    let s = s.trim();
    UnitKind::ALL
        .into_iter()
        .find(|&k| {
            same(s, k.code()) || same(s, Lang::Zh.unit_kind(k)) || same(s, Lang::En.unit_kind(k))
        })
        .or(match s {
            "乡镇人民政府" | "乡镇政府" | "乡" | "镇" | "街道" => {
                Some(UnitKind::Township)
            }
            "县直部门" | "县直" | "部门" | "department" => Some(UnitKind::Department),
            _ => None,
        })
}

/// 县长 / 副县长 / (县政府)办公室主任 / (县政府)办公室副主任, their English names or codes.
pub fn title(s: &str) -> Option<LeaderTitle> {
    let s = s.trim();
    LeaderTitle::ALL
        .into_iter()
        .find(|&t| {
            same(s, t.code())
                || same(s, Lang::Zh.leader_title(t))
                || same(s, Lang::En.leader_title(t))
        })
        .or(match s {
            "办公室主任" | "县府办主任" | "政府办主任" | "主任" => {
                Some(LeaderTitle::OfficeDirector)
            }
            "办公室副主任" | "县府办副主任" | "政府办副主任" | "副主任" => {
                Some(LeaderTitle::DeputyDirector)
            }
            _ => None,
        })
}

/// The words for a kind of limit, in both languages.
fn is_word(s: &str, m: Msg) -> bool {
    same(s, Lang::Zh.t(m)) || same(s, Lang::En.t(m))
}

/// Whether a limit's kind says "an explicit date" (明确时限).
pub fn is_explicit(s: &str) -> bool {
    is_word(s.trim(), Msg::LimitDate) || same(s, "明确") || same(s, "date")
}

/// An exemption: a category (`土地`, `land`), optionally after "不设默认时限：" / "exempt:".
fn exempt(s: &str) -> Option<ExemptCategory> {
    let s = s.trim();
    if let Some(c) = ExemptCategory::parse(s) {
        return Some(c);
    }
    let (head, rest) = s.split_once(['：', ':'])?;
    is_word(head, Msg::LimitExempt)
        .then(|| ExemptCategory::parse(rest))
        .flatten()
}

/// A limit cell: blank (or "默认时限") for the default limit (R5.2), a date (R5.1), or an exempt
/// category (R5.2). Also reads what the ledger shows: `2026-12-10 明确时限`,
/// `2026-12-10* 默认时限`, `不设默认时限：土地`, in either language.
pub fn limit(s: &str, today: NaiveDate) -> Option<Limit> {
    let s = s.trim();
    if s.is_empty() || is_word(s, Msg::LimitDefault) || same(s, "默认") || same(s, "default") {
        return Some(Limit::Default);
    }
    if let Some(c) = exempt(s) {
        return Some(Limit::Exempt(c));
    }
    if let Ok(d) = date(s, today) {
        return Some(Limit::Date(d));
    }
    let (first, rest) = s.split_once(char::is_whitespace)?;
    let d = date(first.trim_end_matches('*'), today).ok()?;
    let rest = rest.trim();
    if is_word(rest, Msg::LimitDate) {
        Some(Limit::Date(d))
    } else if is_word(rest, Msg::LimitDefault) {
        Some(Limit::Default)
    } else {
        None
    }
}

/// Unit names separated by 、 ， , ； ; or a line break, each cleaned, blanks dropped.
pub fn list(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', '\n', '\r'])
        .map(text)
        .filter(|t| !t.is_empty())
        .collect()
}

/// A meeting's topics in one cell: separated by ； ; or a line break (not 、, which topics use).
pub fn topics(s: &str) -> Vec<String> {
    s.split(['；', ';', '\n', '\r'])
        .map(text)
        .filter(|t| !t.is_empty())
        .collect()
}
