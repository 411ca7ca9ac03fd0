//! `duban workdays …` and `duban calendar …`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::output::Table;
use super::{CliResult, Ctx};
use crate::calendar::{DayEntry, DayOff, Source};
use crate::domain::dates::{FIRST_YEAR, LAST_YEAR};
use crate::i18n::Msg;
use crate::store::parse_calendar_csv;
use chrono::Datelike;

#[derive(Debug, Subcommand)]
pub enum WorkdaysCmd {
    /// The N-th working day after DATE (before it when N is negative).
    Add {
        /// The day to count from, e.g. 2026-11-25.
        date: String,
        /// How many working days to count (negative: backwards).
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
    /// Working days after FROM up to and including TO (negative if TO is before FROM).
    Between {
        /// The first day (not counted itself).
        from: String,
        /// The last day (counted).
        to: String,
    },
    /// Whether DATE is a working day.
    Is {
        /// The day to look up, e.g. 2026-10-08.
        date: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// Days off and make-up working days of YEAR.
    List {
        /// The year, e.g. 2026.
        year: i32,
    },
    /// Make DATE a day off or a working day (wins over the built-in data).
    Set {
        /// The day, e.g. 2027-02-16.
        date: String,
        /// off (放假) or work (调休上班).
        #[arg(value_parser = super::choice::choice::<DayOff>())]
        kind: DayOff,
        /// The holiday's name, e.g. 春节.
        #[arg(value_parser = super::line)]
        name: Option<String>,
    },
    /// Import a CSV `date,is_off_day,name` (a State Council notice); its years count as known.
    Import {
        /// The CSV file to read.
        file: PathBuf,
    },
}

pub fn workdays(ctx: &Ctx, c: WorkdaysCmd) -> CliResult {
    // Working-day arithmetic needs no database: without one, the built-in calendar answers.
    let store = if ctx.db.exists() {
        Some(ctx.open()?)
    } else {
        None
    };
    let builtin;
    let cal = match &store {
        Some(s) => s.calendar(),
        None => {
            builtin = crate::calendar::Calendar::builtin();
            &builtin
        }
    };
    let provisional_note = |a, b| {
        if cal.is_provisional(a, b) && ctx.format != super::Format::Json {
            errln!("{}", ctx.lang.t(Msg::ProvisionalNote));
        }
    };
    match c {
        WorkdaysCmd::Add { date, n } => {
            let date = ctx.date(&date)?;
            let n: i64 = n
                .trim()
                .parse()
                .map_err(|_| ctx.bad(Msg::ErrNumber, &[&n]))?;
            // Nothing outside the years a date may be typed in is produced either.
            let out = cal
                .checked_add_workdays(date, n)
                .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
                .ok_or_else(|| ctx.bad(Msg::ErrWorkdaysRange, &[&date, &n]))?;
            print_value(
                ctx,
                out.to_string(),
                json!({"date": out, "provisional": cal.is_provisional(date, out)}),
            );
            provisional_note(date, out);
        }
        WorkdaysCmd::Between { from, to } => {
            let (from, to) = (ctx.date(&from)?, ctx.date(&to)?);
            let n = cal.workdays_between(from, to);
            print_value(
                ctx,
                n.to_string(),
                json!({"workdays": n, "provisional": cal.is_provisional(from, to)}),
            );
            provisional_note(from, to);
        }
        WorkdaysCmd::Is { date } => {
            let date = ctx.date(&date)?;
            let work = cal.is_workday(date);
            let word = if work { "workday" } else { "offday" };
            let holiday = cal.entry(date).map(|(e, _)| e.name.clone());
            print_value(
                ctx,
                word.to_string(),
                json!({"date": date, "workday": work, "holiday": holiday, "provisional": cal.is_provisional(date, date)}),
            );
            provisional_note(date, date);
        }
    }
    Ok(())
}

/// One value: bare in table form (scriptable), in a one-row CSV or a JSON object.
fn print_value(ctx: &Ctx, text: String, json: serde_json::Value) {
    match ctx.format {
        super::Format::Json => outln!("{}", super::output::json_text(&json, false)),
        _ => outln!("{text}"),
    }
}

pub fn calendar(ctx: &Ctx, c: CalendarCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    match c {
        CalendarCmd::List { year } => {
            let cal = store.calendar();
            let mut t = Table::new(&[
                l.t(Msg::ColDate),
                l.t(Msg::ColDayKind),
                l.t(Msg::ColHoliday),
                l.t(Msg::ColSource),
            ]);
            let mut rows = Vec::new();
            for (e, src) in cal.entries_in_year(year) {
                let kind = l.t(if e.off == DayOff::Off {
                    Msg::DayOff
                } else {
                    Msg::DayWork
                });
                let source = l.t(if src == Source::Builtin {
                    Msg::SourceBuiltin
                } else {
                    Msg::SourceOverride
                });
                t.row(vec![
                    e.date.to_string(),
                    kind.to_string(),
                    e.name.clone(),
                    source.to_string(),
                ]);
                rows.push(json!({"date": e.date, "off": e.off == DayOff::Off, "name": e.name, "source": src}));
            }
            let covered = cal.is_year_covered(year);
            ctx.print(
                &t,
                &json!({"year": year, "provisional": !covered, "days": rows}),
            );
            if !covered && ctx.format == super::Format::Table {
                outln!("{}", l.fill(Msg::YearProvisional, &[&year]));
            }
        }
        CalendarCmd::Set { date, kind, name } => {
            let date = ctx.date(&date)?;
            let entry = DayEntry {
                date,
                off: kind,
                name: name.unwrap_or_default(),
            };
            let w = store
                .set_calendar_days(&[entry], false)
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::CalendarSaved, &[&w.days]));
        }
        CalendarCmd::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| ctx.file_failure(&file, &e))?;
            let days = parse_calendar_csv(&text).map_err(|i| ctx.store(i.into()))?;
            let w = store
                .set_calendar_days(&days, true)
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::CalendarSaved, &[&w.days]));
            // A year counts as known only from its whole notice: say which did, and what the
            // others still lack.
            for (year, missing) in &w.years {
                if missing.nothing() {
                    outln!("{}", l.fill(Msg::CalendarYearKnown, &[year]));
                    continue;
                }
                let mut lacks = Vec::new();
                if missing.spring_festival {
                    lacks.push(l.t(Msg::NoticeSpringFestival));
                }
                if missing.national_day {
                    lacks.push(l.t(Msg::NoticeNationalDay));
                }
                let sep = if l == crate::i18n::Lang::Zh {
                    "、"
                } else {
                    ", "
                };
                outln!(
                    "{}",
                    l.fill(Msg::CalendarYearPartial, &[year, &lacks.join(sep)])
                );
            }
        }
    }
    Ok(())
}
