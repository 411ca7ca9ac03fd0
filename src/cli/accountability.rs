//! `duban criticize`, `duban criticisms`, `duban referral …` (R5.6–R5.7).

use clap::{Args, Subcommand};

use super::output::Table;
use super::{CliResult, Ctx};
use crate::i18n::Msg;
use crate::store::{NewCriticism, ReferralStep};

#[derive(Debug, Args)]
pub struct CriticizeArgs {
    #[arg(value_parser = super::line)]
    pub unit: String,
    #[arg(long)]
    pub date: Option<String>,
    /// The notice's document number.
    #[arg(long, value_parser = super::line)]
    pub doc: Option<String>,
    #[arg(long, value_parser = super::lines)]
    pub reason: Option<String>,
    /// A task the criticism covers; repeat for several.
    #[arg(long = "task")]
    pub tasks: Vec<i64>,
}

#[derive(Debug, Args)]
pub struct CriticismsArgs {
    /// Only this unit's.
    #[arg(long, value_parser = super::line)]
    pub unit: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ReferralCmd {
    /// Propose referring a unit to the supervision bureau.
    Propose {
        #[arg(value_parser = super::line)]
        unit: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// The county government approved the referral.
    Approve {
        id: i64,
        #[arg(long)]
        date: Option<String>,
    },
    /// Referred to the supervision bureau.
    Refer {
        id: i64,
        #[arg(long)]
        date: Option<String>,
    },
    /// The bureau concluded the case.
    Conclude {
        id: i64,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_parser = super::lines)]
        outcome: Option<String>,
    },
    /// Decided not to refer, with the reason.
    NotRefer {
        id: i64,
        #[arg(long, value_parser = super::lines)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Every referral.
    List,
}

pub fn criticize(ctx: &Ctx, a: CriticizeArgs) -> CliResult {
    let mut store = ctx.open()?;
    let date = ctx.fact_date(a.date.as_deref())?;
    let new = NewCriticism {
        unit: a.unit.clone(),
        date,
        doc_no: a.doc,
        reason: a.reason,
        task_ids: a.tasks,
    };
    let id = store.add_criticism(new).map_err(|e| ctx.store(e))?;
    outln!(
        "{}",
        ctx.lang.fill(
            Msg::Saved,
            &[&ctx.lang.t(Msg::EntCriticism), &format!("#{id} {}", a.unit)]
        )
    );
    let unit = store
        .unit_rows(ctx.today)
        .map_err(|e| ctx.store(e))?
        .into_iter()
        .find(|u| u.name == a.unit.trim());
    if unit.is_some_and(|u| u.referral_due) {
        outln!("⚠ {}", ctx.lang.t(Msg::ChkReferralDue));
    }
    Ok(())
}

pub fn criticisms(ctx: &Ctx, a: CriticismsArgs) -> CliResult {
    let store = ctx.open()?;
    let unit = a
        .unit
        .map(|u| store.unit_by_name(&u).map(|u| u.id))
        .transpose()
        .map_err(|e| ctx.store(e))?;
    let rows = store.criticisms(unit).map_err(|e| ctx.store(e))?;
    let l = ctx.lang;
    let mut t = Table::new(&[
        l.t(Msg::ColId),
        l.t(Msg::ColDate),
        l.t(Msg::ColUnit),
        l.t(Msg::EntCriticism),
        l.t(Msg::ColTask),
    ]);
    for r in &rows {
        let c = &r.criticism;
        let tasks: Vec<String> = c.task_ids.iter().map(|t| format!("#{t}")).collect();
        t.row(vec![
            c.id.to_string(),
            c.date.to_string(),
            r.unit.clone(),
            c.doc_no.clone().unwrap_or_default(),
            tasks.join(" "),
        ]);
    }
    ctx.print(&t, &rows);
    Ok(())
}

pub fn referral(ctx: &Ctx, c: ReferralCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    let step = match c {
        ReferralCmd::List => {
            let rows = store.referrals(None).map_err(|e| ctx.store(e))?;
            let units = store.units().map_err(|e| ctx.store(e))?;
            let mut t = Table::new(&[
                l.t(Msg::ColId),
                l.t(Msg::ColUnit),
                l.t(Msg::ColDate),
                l.t(Msg::ColState),
            ]);
            for r in &rows {
                let unit = units
                    .iter()
                    .find(|u| u.id == r.unit_id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default();
                t.row(vec![
                    r.id.to_string(),
                    unit,
                    r.proposed_on.to_string(),
                    l.referral(r.status()).to_string(),
                ]);
            }
            ctx.print(&t, &rows);
            return Ok(());
        }
        ReferralCmd::Propose { unit, date } => ReferralStep::Propose {
            unit,
            date: ctx.fact_date(date.as_deref())?,
        },
        ReferralCmd::Approve { id, date } => ReferralStep::Approve {
            id,
            date: ctx.fact_date(date.as_deref())?,
        },
        ReferralCmd::Refer { id, date } => ReferralStep::Refer {
            id,
            date: ctx.fact_date(date.as_deref())?,
        },
        ReferralCmd::Conclude { id, date, outcome } => ReferralStep::Conclude {
            id,
            date: ctx.fact_date(date.as_deref())?,
            outcome,
        },
        ReferralCmd::NotRefer { id, reason, date } => ReferralStep::NotRefer {
            id,
            date: ctx.fact_date(date.as_deref())?,
            reason,
        },
    };
    let id = store.referral_step(step).map_err(|e| ctx.store(e))?;
    let r = store.referral(id).map_err(|e| ctx.store(e))?;
    outln!(
        "{}",
        l.fill(
            Msg::Saved,
            &[
                &l.t(Msg::EntReferral),
                &format!("#{id} {}", l.referral(r.status()))
            ]
        )
    );
    Ok(())
}
