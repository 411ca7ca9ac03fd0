//! The date parser: any string is a date or an error; every date duban keeps reads back from
//! every form it accepts.

use chrono::{Datelike, NaiveDate};
use duban::domain::parse_date;
use proptest::prelude::*;

use crate::pipeline::{date, today};

/// Days of the years duban keeps (1970–2199).
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let days = (NaiveDate::from_ymd_opt(2199, 12, 31).unwrap() - first).num_days();
    (0..=days).prop_map(move |n| first + chrono::Duration::days(n))
}

/// Strings near a date: digits, separators, the Chinese units, white space and stray characters.
fn near_date() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[ \\t]?[0-9０-９+-]{0,9}[-/.年]?[0-9]{0,3}[-/.月]?[0-9]{0,3}[日号]?( [0-9:.]{0,8})?[ \\n]?",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(crate::config(512))]

    #[test]
    fn any_text_is_a_date_or_an_error(s in any::<String>(), t in any_day()) {
        date(&s, t);
    }

    #[test]
    fn text_near_a_date_is_a_date_or_an_error(s in near_date(), t in any_day()) {
        date(&s, t);
    }

    #[test]
    fn every_accepted_form_reads_back(d in any_day(), pad in "[ \\t]{0,2}") {
        let (y, m, day) = (d.year(), d.month(), d.day());
        for s in [
            d.to_string(),
            format!("{y}/{m}/{day}"),
            format!("{y}/{m:02}/{day:02}"),
            format!("{y}-{m}-{day}"),
            d.format("%Y%m%d").to_string(),
            format!("{y}年{m}月{day}日"),
            format!("{pad}{d}{pad}"),
        ] {
            prop_assert_eq!(parse_date(&s, today()), Ok(d), "{}", s);
        }
        // Month and day alone are of today's year.
        let this_year = today().with_month(m).and_then(|x| x.with_day(day));
        if let Some(x) = this_year {
            prop_assert_eq!(parse_date(&format!("{m}月{day}日"), today()), Ok(x));
        }
    }
}
