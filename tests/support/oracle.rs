//! `../shared/data/cn-holidays.csv`, the oracle of the PRC calendar for 2007–2026: official days
//! off and weekend make-up working days. Read from the file, never copied; `None` (with a notice)
//! where `../shared` is not beside the checkout.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, Weekday};

/// The listed days, in the file's order: (date, whether it is a day off).
pub fn rows() -> Option<Vec<(NaiveDate, bool)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/cn-holidays.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "NOTICE: {} not found; calendar oracle check skipped",
            path.display()
        );
        return None;
    };
    let rows = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split(',');
            let date = NaiveDate::parse_from_str(f.next().unwrap(), "%Y-%m-%d").unwrap();
            let off = f.next().unwrap() == "1";
            (date, off)
        })
        .collect();
    Some(rows)
}

/// Whether `day` is a working day by the oracle: a listed day as listed, else Monday to Friday.
pub fn is_workday(listed: &HashMap<NaiveDate, bool>, day: NaiveDate) -> bool {
    match listed.get(&day) {
        Some(off) => !off,
        None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
    }
}

/// The `n`th working day after `from` (`n` ≥ 1), counted day by day over the oracle.
pub fn workdays_after(from: NaiveDate, n: usize) -> Option<NaiveDate> {
    let listed: HashMap<NaiveDate, bool> = rows()?.into_iter().collect();
    from.iter_days()
        .skip(1)
        .filter(|d| is_workday(&listed, *d))
        .nth(n - 1)
}
