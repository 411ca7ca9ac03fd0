//! Calendar files: a day twice or no day is refused; a year known only from its whole notice,
//! also in a database an older duban wrote.

use super::*;

#[test]
fn a_calendar_file_with_a_day_twice_or_no_day_is_refused() {
    let twice = "date,is_off_day,name\n2027-02-06,0,春节\n2027-02-08,1,春节\n2027-02-06,1,春节\n";
    assert!(matches!(
        parse_calendar_csv(twice),
        Err(Invalid::CalendarTwice {
            first: 2,
            again: 4,
            ..
        })
    ));
    for empty in ["", "date,is_off_day,name\n", "\u{feff}\n\n"] {
        assert!(matches!(
            parse_calendar_csv(empty),
            Err(Invalid::CalendarEmpty)
        ));
    }
    assert!(matches!(
        parse_calendar_csv("2200-01-01,1,x\n"),
        Err(Invalid::CalendarLine { line: 1, .. })
    ));
}

#[test]
fn migration_13_forgets_a_year_known_from_a_stray_row_and_recomputes_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path, Thresholds::default()).unwrap();
        let m = county(&mut s);
        task(&mut s, m, Limit::Date(d("2027-03-01")));
        // As an older duban recorded it: 2027 known from one row, the deadline not provisional.
        s.conn
            .execute_batch(
                "INSERT INTO calendar_day VALUES ('2027-01-01', 1, '元旦');
                 INSERT INTO calendar_year VALUES (2027, 'import');
                 UPDATE task SET provisional = 0;
                 PRAGMA user_version = 12;",
            )
            .unwrap();
    }
    // Without what migration 14 adds, which runs again after 13.
    let old = rusqlite::Connection::open(&path).unwrap();
    super::ids::forget_migration_14(&old);
    drop(old);
    let s = Store::open(&path, Thresholds::default()).unwrap();
    assert!(!s.calendar().is_year_covered(2027));
    let years: i64 = s
        .conn
        .query_row("SELECT count(*) FROM calendar_year", [], |r| r.get(0))
        .unwrap();
    assert_eq!(years, 0);
    let row = &s.tasks(&TaskFilter::default(), d("2026-11-25")).unwrap()[0];
    assert!(row.provisional, "recomputed on open");
}
