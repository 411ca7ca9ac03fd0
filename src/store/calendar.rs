//! The user's calendar: single-day overrides and imported years, over the built-in data.

use crate::domain::Role;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

use super::{Entity, Invalid, Result, Store};
use crate::calendar::notice::{Missing, notice_year, notice_years};
use crate::calendar::{Calendar, DayEntry, DayOff, FIRST_INPUT_YEAR, LAST_INPUT_YEAR, builtin};

/// The user's single-day overrides, by date.
fn overrides(conn: &Connection) -> Result<Vec<DayEntry>> {
    let mut stmt = conn.prepare("SELECT date, off, name FROM calendar_day ORDER BY date")?;
    let days = stmt
        .query_map([], |r| {
            let off: bool = r.get(1)?;
            Ok(DayEntry {
                date: r.get(0)?,
                off: if off { DayOff::Off } else { DayOff::Work },
                name: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(days)
}

/// The calendar: built-in data, the user's overrides, and the years whose whole notice was
/// imported (a year recorded as imported whose days are not a whole notice, as an older duban
/// could record one, does not count).
pub(super) fn load(conn: &Connection) -> Result<Calendar> {
    let overrides = overrides(conn)?;
    let whole = notice_years(&overrides);
    let mut stmt = conn.prepare("SELECT year FROM calendar_year")?;
    let years = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<BTreeSet<i32>>>()?
        .into_iter()
        .filter(|y| whole.get(y).is_some_and(|m| m.nothing()))
        .collect();
    Ok(Calendar::new(builtin::builtin(), &overrides, &years))
}

/// Parses a calendar CSV: `date,is_off_day,name` (a header line is optional). A file with no
/// day, or the same date on two rows (which would contradict or repeat each other), is refused.
pub fn parse_calendar_csv(text: &str) -> Result<Vec<DayEntry>, Invalid> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || (i == 0 && line.starts_with("date")) {
            continue;
        }
        let bad = || Invalid::CalendarLine {
            line: i + 1,
            text: line.chars().take(40).collect(),
        };
        let mut f = line.splitn(3, ',');
        let date = f
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
            .filter(|d| (FIRST_INPUT_YEAR..=LAST_INPUT_YEAR).contains(&d.year()))
            .ok_or_else(bad)?;
        let off = match f.next().map(str::trim) {
            Some("1") => DayOff::Off,
            Some("0") => DayOff::Work,
            _ => return Err(bad()),
        };
        let name = f
            .next()
            .map(|n| n.trim().trim_matches('"').to_string())
            .unwrap_or_default();
        if let Some(&first) = seen.get(&date) {
            return Err(Invalid::CalendarTwice {
                date,
                first,
                again: i + 1,
            });
        }
        seen.insert(date, i + 1);
        out.push(DayEntry { date, off, name });
    }
    if out.is_empty() {
        return Err(Invalid::CalendarEmpty);
    }
    Ok(out)
}

/// What writing calendar days did: how many were written, and for each year an import touched,
/// what it still lacks to count as known (nothing: its whole notice is in).
#[derive(Debug, Clone, Default)]
pub struct CalendarWrite {
    pub days: usize,
    pub years: BTreeMap<i32, Missing>,
}

impl Store {
    /// Writes overrides (they win over the built-in data); for an import, each year the file
    /// touches counts as known once the days listed for it (from this file and earlier ones) hold
    /// its whole notice ([`notice_years`]), never from a stray day. Then recomputes every task's
    /// derived deadline under the new calendar.
    pub fn set_calendar_days(
        &mut self,
        days: &[DayEntry],
        cover_years: bool,
    ) -> Result<CalendarWrite> {
        let touched: BTreeSet<i32> = match cover_years {
            true => days.iter().map(|d| notice_year(d.date)).collect(),
            false => BTreeSet::new(),
        };
        let (cal, years) = self.write(Role::Admin, |tx| {
            let mut put = tx.prepare_cached(
                "INSERT INTO calendar_day (date, off, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (date) DO UPDATE SET off = excluded.off, name = excluded.name",
            )?;
            for d in days {
                put.execute(params![d.date, d.off == DayOff::Off, d.name])?;
            }
            // Whole notices among the years touched, judged on every day now listed.
            let listed = overrides(tx)?;
            let years: BTreeMap<i32, Missing> = notice_years(&listed)
                .into_iter()
                .filter(|(y, _)| touched.contains(y))
                .collect();
            let known: Vec<i32> = years
                .iter()
                .filter(|(_, m)| m.nothing())
                .map(|(y, _)| *y)
                .collect();
            for y in &known {
                tx.execute(
                    "INSERT OR IGNORE INTO calendar_year (year, source) VALUES (?1, 'import')",
                    [y],
                )?;
            }
            let after = serde_json::json!({ "days": days, "years": known });
            tx.audit(
                "update",
                Entity::Calendar,
                if cover_years { "import" } else { "set" },
                None::<&()>,
                Some(&after),
            )?;
            // Deadlines move with the calendar: recompute them in the same transaction.
            let cal = load(tx)?;
            tx.refresh_due_with(&cal, "1 = ?1", 1)?;
            Ok((cal, years))
        })?;
        self.cal = cal;
        Ok(CalendarWrite {
            days: days.len(),
            years,
        })
    }
}
