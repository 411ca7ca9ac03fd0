//! What each fuzz target runs on one input, and what it must hold: no panic, an error that is an
//! error (never a crash), row numbers that name rows of the file, messages without control
//! characters, and a store import that writes all or nothing.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use duban::calendar::Calendar;
use duban::domain::{LeaderTitle, Limit, parse_date, parse_date_input};
use duban::i18n::Lang;
use duban::import::ledger::{check_ledger, plan};
use duban::import::plan::{check_leaders, check_units};
use duban::import::{Checked, Existing, FileError, read_sheet};
use duban::store::{NewMeeting, NewTask, Store, TaskFilter};

use crate::support::fixtures::townships;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A character no message may hold.
fn forbidden(c: char) -> bool {
    let n = c as u32;
    n < 0x20
        || (0x7f..=0x9f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
}

fn assert_message(what: &str, m: &str) {
    assert!(!m.chars().any(forbidden), "{what}: {m:?}");
}

/// The built-in calendar, read once.
fn calendar() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::builtin)
}

/// What [`county`] holds, as an import checks against it; read once.
fn existing() -> &'static Existing {
    static DB: std::sync::OnceLock<Existing> = std::sync::OnceLock::new();
    DB.get_or_init(|| Existing::load(&county(), today()).unwrap())
}

/// The date parser on `s`: Ok or Err; an accepted date is within the years duban keeps and reads
/// back the same from its ISO form. The `+N` form and the importer's reader are no more fragile.
pub fn date(s: &str, today: NaiveDate) {
    match parse_date(s, today) {
        Ok(d) => {
            assert!((1970..=2199).contains(&d.year()), "{s:?} gave {d}");
            assert_eq!(parse_date(&d.to_string(), today), Ok(d), "{s:?} gave {d}");
        }
        Err(e) => assert_message(
            &format!("{s:?}"),
            &Lang::En.fill(duban::i18n::Msg::ErrDate, &[&e]),
        ),
    }
    let _ = parse_date_input(s, today, calendar());
    let _ = duban::import::cells::date(s, today);
    let _ = duban::import::cells::limit(s, today);
}

/// The three kinds of import.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Units,
    Leaders,
    Ledger,
}

pub const KINDS: [Kind; 3] = [Kind::Units, Kind::Leaders, Kind::Ledger];

impl Kind {
    /// The importer's own name of the kind (its header).
    pub fn of(self) -> duban::import::Kind {
        match self {
            Kind::Units => duban::import::Kind::Units,
            Kind::Leaders => duban::import::Kind::Leaders,
            Kind::Ledger => duban::import::Kind::Ledger,
        }
    }

    /// The word of `duban import`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Units => "units",
            Kind::Leaders => "leaders",
            Kind::Ledger => "ledger",
        }
    }
}

/// A small county for imports to meet: two units, a leader, a meeting with a task.
pub fn county() -> Store {
    let mut s = townships(&["上塘镇", "县财政局"]);
    s.add_leader("李副县长", LeaderTitle::DeputyHead, None)
        .unwrap();
    let m = s
        .add_meeting(NewMeeting {
            topics: vec!["瓯江引水".into()],
            chair: Some("李副县长".into()),
            date: NaiveDate::from_ymd_opt(2026, 11, 2),
            units: vec!["上塘镇".into(), "县财政局".into()],
            ..NewMeeting::default()
        })
        .unwrap();
    s.add_task(NewTask {
        meeting_id: m,
        text: "完成管网改造".into(),
        lead_unit: "上塘镇".into(),
        co_units: vec![],
        leader: None,
        limit: Limit::Default,
    })
    .unwrap();
    s
}

/// What the store holds, counted.
fn counts(s: &Store) -> [usize; 5] {
    [
        s.units().unwrap().len(),
        s.leaders().unwrap().len(),
        s.meetings(today()).unwrap().len(),
        s.tasks(&TaskFilter::default(), today()).unwrap().len(),
        s.audit_log(None, None, 1_000_000).unwrap().len(),
    ]
}

/// The rows' numbers and messages make sense; `rows` are the file's row numbers.
fn check_rows<T>(what: &str, checked: &Checked<T>, rows: &[usize]) {
    for e in &checked.bad {
        assert!(
            rows.contains(&e.row),
            "{what}: a problem on row {} of {rows:?}",
            e.row
        );
        for lang in [Lang::Zh, Lang::En] {
            let m = duban::cli::import::problem_message(lang, &e.problem, today());
            assert_message(what, &m);
        }
    }
    for (n, _) in &checked.good {
        assert!(rows.contains(n), "{what}: a good row {n} of {rows:?}");
        assert!(
            !checked.bad.iter().any(|e| e.row == *n),
            "{what}: row {n} good and bad"
        );
    }
}

/// Reads `path` and imports it as `kind` the way `duban import` does (a file with a bad row
/// imports nothing); whatever the store refuses leaves it as it was.
pub fn import(path: &Path, kind: Kind) {
    let what = format!("{kind:?} {}", path.display());
    let sheet = match read_sheet(path) {
        Ok(s) => s,
        Err(_) => return,
    };
    let rows: Vec<usize> = sheet.rows.iter().map(|(n, _)| *n).collect();
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "{what}: rows {rows:?}"
    );
    let db = existing();
    // The store is opened only for a file the command line would import (a fresh county each
    // time): opening one is most of the cost of a case.
    let written = match kind {
        Kind::Units => match check_units(&sheet, db) {
            Ok(c) => {
                check_rows(&what, &c, &rows);
                (c.bad.is_empty() && !c.good.is_empty())
                    .then(|| write(|s| s.import_units(c.records(), "fuzz").map(|v| v.len())))
            }
            Err(e) => return missing(&what, e),
        },
        Kind::Leaders => match check_leaders(&sheet, db) {
            Ok(c) => {
                check_rows(&what, &c, &rows);
                (c.bad.is_empty() && !c.good.is_empty())
                    .then(|| write(|s| s.import_leaders(c.records(), "fuzz").map(|v| v.len())))
            }
            Err(e) => return missing(&what, e),
        },
        Kind::Ledger => match check_ledger(&sheet, db, today()) {
            Ok(c) => {
                check_rows(&what, &c, &rows);
                let p = plan(&c.good, db);
                (c.bad.is_empty() && !p.tasks.is_empty()).then(|| {
                    write(|s| s.import_ledger(&p, "fuzz", &mut |_, _| {}).map(|v| v.len()))
                })
            }
            Err(e) => return missing(&what, e),
        },
    };
    if let Some((result, before, after)) = written {
        match result {
            Ok(n) => assert!(
                n > 0 && after != before,
                "{what}: imported {n}, {before:?} → {after:?}"
            ),
            Err(_) => assert_eq!(after, before, "{what}: refused, so nothing written"),
        }
    }
}

/// Runs an import on a fresh county: its result and the counts before and after.
fn write(
    import: impl FnOnce(&mut Store) -> duban::store::Result<usize>,
) -> (duban::store::Result<usize>, [usize; 5], [usize; 5]) {
    let mut store = county();
    let before = counts(&store);
    let result = import(&mut store);
    (result, before, counts(&store))
}

fn missing(what: &str, e: FileError) {
    match e {
        FileError::MissingColumns(f) => assert!(!f.is_empty(), "{what}"),
        FileError::Read(r) => panic!("{what}: read twice differently: {r:?}"),
    }
}

/// The configuration loader on `text`: Ok or an error, never a panic; a message without control
/// characters once filled in.
pub fn config(text: &str) {
    match duban::config::Config::parse(text) {
        Ok(c) => {
            assert!(c.thresholds.validate().is_ok());
        }
        Err(e) => {
            let m = Lang::En.fill(duban::i18n::Msg::ErrConfig, &[&"config.toml", &e]);
            assert_message(&format!("{text:?}"), &m);
        }
    }
}
