//! Dates as people type them. Output is always `YYYY-MM-DD`.

use chrono::{Datelike, NaiveDate};

/// The years a typed date may fall in (the calendar index reaches a little further both ways).
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 2199;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not a date in any accepted form.
    #[error("unrecognised date {0:?}")]
    Unrecognised(String),
    /// A well-formed date outside 1970–2199.
    #[error("date {0:?} is outside {FIRST_YEAR}-{LAST_YEAR}")]
    OutOfRange(String),
    /// A recorded fact dated after today.
    #[error("{date} is after today ({today})")]
    AfterToday { date: NaiveDate, today: NaiveDate },
}

/// A date of something that happened (a report, a completion, a criticism) may not be in the future.
pub fn not_after_today(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if date > today {
        Err(DateError::AfterToday { date, today })
    } else {
        Ok(date)
    }
}

/// Parses `2026-11-25`, `2026/11/25`, `2024/5/1`, `20261125`, `2024年5月1日`, and `11月25日` (in
/// `today`'s year). Surrounding white space is ignored; anything else is refused.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    let bad = || DateError::Unrecognised(input.to_string());
    let num = |t: &str| -> Result<u32, DateError> {
        if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        t.parse().map_err(|_| bad())
    };
    let (y, m, d) = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (num(&s[..4])?, num(&s[4..6])?, num(&s[6..])?)
    } else if let Some(rest) = s.strip_suffix('日') {
        let (y, md) = match rest.split_once('年') {
            Some((y, md)) => (num(y)?, md),
            None => (today.year() as u32, rest),
        };
        let (m, d) = md.split_once('月').ok_or_else(bad)?;
        (y, num(m)?, num(d)?)
    } else {
        let sep = if s.contains('-') { '-' } else { '/' };
        let mut parts = s.split(sep);
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return Err(bad());
        }
        (num(y)?, num(m)?, num(d)?)
    };
    let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(DateError::OutOfRange(input.to_string()));
    }
    Ok(date)
}

/// What a date field accepts: every form of [`parse_date`], `11/30` or `11-30` (today's year),
/// and `+N`, the N-th working day after
/// `today` (N up to 999), on `cal`. The forms take the same words in every field.
pub fn parse_date_input(
    input: &str,
    today: NaiveDate,
    cal: &impl crate::domain::WorkCalendar,
) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if let Some(n) = s.strip_prefix('+') {
        if n.is_empty() || n.len() > 3 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Unrecognised(input.to_string()));
        }
        let n: i64 = n
            .parse()
            .map_err(|_| DateError::Unrecognised(input.to_string()))?;
        let date = cal.add_workdays(today, n);
        // Nothing outside the years a date may be typed in is produced either.
        if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            return Err(DateError::OutOfRange(input.to_string()));
        }
        return Ok(date);
    }
    // `11/30` or `11-30`: a month and day in today's year, as `11月30日` is.
    if let Some((m, d)) = s.split_once(['/', '-'])
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit())
    {
        return parse_date(&format!("{m}月{d}日"), today);
    }
    parse_date(s, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testcal::d;

    #[test]
    fn accepted_forms() {
        let today = d("2026-11-25");
        for s in [
            "2024-05-01",
            "2024/5/1",
            "2024/05/01",
            "20240501",
            "2024年5月1日",
            " 2024-5-1 ",
        ] {
            assert_eq!(parse_date(s, today), Ok(d("2024-05-01")), "{s}");
        }
        assert_eq!(parse_date("11月25日", today), Ok(d("2026-11-25")));
        assert_eq!(parse_date("2月29日", d("2028-01-10")), Ok(d("2028-02-29")));
    }

    #[test]
    fn plus_n_counts_working_days_from_today() {
        let cal = crate::domain::testcal::monfri();
        // 2026-11-25 is a Wednesday: +3 working days is Monday 30 November.
        let today = d("2026-11-25");
        assert_eq!(parse_date_input("+3", today, &cal), Ok(d("2026-11-30")));
        assert_eq!(parse_date_input(" +0 ", today, &cal), Ok(today));
        assert_eq!(
            parse_date_input("2026/12/1", today, &cal),
            Ok(d("2026-12-01"))
        );
        // A month and day alone fall in today's year, in any field a date is typed into.
        assert_eq!(parse_date_input("11/30", today, &cal), Ok(d("2026-11-30")));
        assert_eq!(parse_date_input("1-5", today, &cal), Ok(d("2026-01-05")));
        assert!(parse_date_input("2/30", today, &cal).is_err());
        assert!(parse_date_input("11/30/2026", today, &cal).is_err());
        for bad in ["+", "+-1", "+1000", "+x", "++1", "+ 1"] {
            assert!(parse_date_input(bad, today, &cal).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn facts_cannot_be_dated_in_the_future() {
        let today = d("2026-11-25");
        assert_eq!(not_after_today(today, today), Ok(today));
        assert!(not_after_today(d("2026-11-26"), today).is_err());
    }

    #[test]
    fn refused_forms() {
        let today = d("2026-11-25");
        for s in [
            "",
            "2024-13-01",
            "2024-02-30",
            "2024-5",
            "2024-05-01-1",
            "24-05-01",
            "2024.05.01",
            "yesterday",
            "2024/05/01x",
            "2024-+5-01",
            "202405011",
            "2月30日",
            "年月日",
            "2024-05/01",
            "１２３",
            "2024-005-01",
        ] {
            assert!(
                matches!(parse_date(s, today), Err(DateError::Unrecognised(_))),
                "{s:?}"
            );
        }
        assert_eq!(
            parse_date("1900-01-01", today),
            Err(DateError::OutOfRange("1900-01-01".into()))
        );
    }
}
