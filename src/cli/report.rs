//! `duban report`: the figures of R1–R5 over a period, as a table, CSV or JSON.

use clap::Args;

use super::choice::choice;
use super::output::{Format, Table};
use super::{CliResult, Ctx};
use crate::domain::{Period, PeriodKind, Report};
use crate::i18n::{Msg, Rep};
use crate::report::{Part, period_line, sheet};

/// The period options shared by `report`, `present` and `export report`.
#[derive(Debug, Clone, Args)]
pub struct PeriodArgs {
    /// The month, quarter or year holding today (default: year).
    #[arg(long, value_parser = choice::<PeriodKind>(), conflicts_with_all = ["from", "to"])]
    pub period: Option<PeriodKind>,
    /// The first day (default: 1 January of today's year).
    #[arg(long)]
    pub from: Option<String>,
    /// The last day (default: today).
    #[arg(long)]
    pub to: Option<String>,
}

impl PeriodArgs {
    pub fn resolve(&self, ctx: &Ctx) -> CliResult<Period> {
        if self.from.is_none() && self.to.is_none() {
            return Ok(self.period.unwrap_or(PeriodKind::Year).around(ctx.today));
        }
        let from = match &self.from {
            Some(s) => ctx.date(s)?,
            None => PeriodKind::Year.around(ctx.today).from,
        };
        let to = match &self.to {
            Some(s) => ctx.date(s)?,
            None => ctx.today,
        };
        Period::new(from, to).ok_or_else(|| ctx.bad(Msg::ErrPeriod, &[&from, &to]))
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which table (default: summary). JSON output always holds the whole report.
    #[arg(value_parser = choice::<Part>())]
    pub part: Option<Part>,
    /// Every table, one after another.
    #[arg(long, conflicts_with = "part")]
    pub all: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
}

pub fn report(ctx: &Ctx, a: ReportArgs) -> CliResult {
    let period = a.period.resolve(ctx)?;
    let store = ctx.open()?;
    let report = store.report(period, ctx.today).map_err(|e| ctx.store(e))?;
    if ctx.format == Format::Json {
        outln!("{}", super::output::json_text(&report, true));
        return Ok(());
    }
    let parts: Vec<Part> = if a.all {
        Part::ALL.to_vec()
    } else {
        vec![a.part.unwrap_or(Part::Summary)]
    };
    out!("{}", render(ctx, &report, &parts));
    Ok(())
}

/// The tables of `parts` as text (or CSV), each under its title, the period and the day of the
/// figures above them all.
fn render(ctx: &Ctx, report: &Report, parts: &[Part]) -> String {
    let l = ctx.lang;
    let mut out = String::new();
    if ctx.format == Format::Table {
        out.push_str(&format!(
            "{}\n{}  {}\n",
            l.rep(Rep::Title),
            period_line(report, l),
            crate::report::fill(l, Rep::AsOf, &[&report.as_of])
        ));
    }
    for (i, part) in parts.iter().enumerate() {
        let s = sheet(report, *part, l);
        let headers: Vec<&str> = s.headers.iter().map(String::as_str).collect();
        let mut t = Table::new(&headers);
        for row in s.rows {
            t.row(row);
        }
        match ctx.format {
            Format::Csv => {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&t.csv());
            }
            _ => {
                out.push_str(&format!("\n{}\n", s.title));
                out.push_str(&t.render());
            }
        }
    }
    out
}
