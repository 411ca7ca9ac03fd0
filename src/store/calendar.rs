//! The user's calendar: single-day overrides and imported years, over the built-in data.

use crate::domain::Role;
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

use super::{Entity, Invalid, Result, Store};
use crate::calendar::{Calendar, DayEntry, DayOff, builtin};

pub(super) fn load(conn: &Connection) -> Result<Calendar> {
    let mut stmt = conn.prepare("SELECT date, off, name FROM calendar_day ORDER BY date")?;
    let overrides = stmt
        .query_map([], |r| {
            let off: bool = r.get(1)?;
            Ok(DayEntry {
                date: r.get(0)?,
                off: if off { DayOff::Off } else { DayOff::Work },
                name: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare("SELECT year FROM calendar_year")?;
    let years = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<BTreeSet<i32>>>()?;
    Ok(Calendar::new(builtin::builtin(), &overrides, &years))
}

/// Parses a calendar CSV: `date,is_off_day,name` (a header line is optional).
pub fn parse_calendar_csv(text: &str) -> Result<Vec<DayEntry>, Invalid> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || (i == 0 && line.starts_with("date")) {
            continue;
        }
        let bad = || Invalid::CalendarLine {
            line: i + 1,
            text: line.chars().take(80).collect(),
        };
        let mut f = line.splitn(3, ',');
        let date = f
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
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
        out.push(DayEntry { date, off, name });
    }
    Ok(out)
}

impl Store {
    /// Writes overrides (they win over the built-in data) and, for an import, marks the years the file
    /// covers as known; then recomputes every task's derived deadline under the new calendar.
    pub fn set_calendar_days(&mut self, days: &[DayEntry], cover_years: bool) -> Result<usize> {
        let years: BTreeSet<i32> = if cover_years {
            // A notice year is the year most of its days fall in (元旦 make-up days may fall in December before).
            days.iter()
                .map(|d| {
                    if d.date.month() == 12 && d.date.day() > 25 {
                        d.date.year() + 1
                    } else {
                        d.date.year()
                    }
                })
                .collect()
        } else {
            BTreeSet::new()
        };
        let cal = self.write(Role::Admin, |tx| {
            let mut put = tx.prepare_cached(
                "INSERT INTO calendar_day (date, off, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (date) DO UPDATE SET off = excluded.off, name = excluded.name",
            )?;
            for d in days {
                put.execute(params![d.date, d.off == DayOff::Off, d.name])?;
            }
            for y in &years {
                tx.execute(
                    "INSERT OR IGNORE INTO calendar_year (year, source) VALUES (?1, 'import')",
                    [y],
                )?;
            }
            let after = serde_json::json!({ "days": days, "years": years });
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
            Ok(cal)
        })?;
        self.cal = cal;
        Ok(days.len())
    }
}
