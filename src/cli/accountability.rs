//! `duban criticize`, `duban criticisms`, `duban referral …` (R5.6–R5.7).

use clap::{Args, Subcommand};

use super::output::Table;
use super::{CliResult, Ctx};
use crate::i18n::{Chn, Msg};
use crate::store::{Invalid, NewCriticism, ReferralStep, Store, StoreError, TaskDetail};

#[derive(Debug, Args)]
pub struct CriticizeArgs {
    /// The criticised unit's name.
    #[arg(value_parser = super::line)]
    pub unit: String,
    /// The day it was decided (default: today; never after today).
    #[arg(long)]
    pub date: Option<String>,
    /// The notice's document number (required).
    #[arg(long, alias = "doc-no", value_parser = super::line)]
    pub doc: Option<String>,
    /// What the notice says; with --force, why tasks not due are named all the same.
    #[arg(long, value_parser = super::lines)]
    pub reason: Option<String>,
    /// A task the criticism covers, whose promise was missed (R5.6); repeat for several.
    #[arg(long = "task")]
    pub tasks: Vec<i64>,
    /// Name tasks that are past their limit but not due for a criticism (no promise, a promise
    /// still ahead, a miss already answered); needs --reason.
    #[arg(long)]
    pub force: bool,
}

/// `duban task waive`: no criticism for a missed promise (不予通报批评, R5.6).
#[derive(Debug, Args)]
pub struct WaiveArgs {
    /// The task's id.
    pub id: i64,
    /// Why no criticism is issued (required).
    #[arg(long, value_parser = super::lines)]
    pub reason: Option<String>,
    /// The day it was decided (default: today; never after today).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct CriticismsArgs {
    /// Only this unit's.
    #[arg(long, value_parser = super::line)]
    pub unit: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ReferralCmd {
    /// Propose referring a unit to the body named by referral_body: only a unit due for referral (two
    /// criticisms within one year, R5.7) with no referral in progress.
    Propose {
        /// The unit's name.
        #[arg(value_parser = super::line)]
        unit: String,
        /// The day of this step (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// Why (optional).
        #[arg(long, value_parser = super::lines)]
        reason: Option<String>,
    },
    /// The county government approved the referral.
    Approve {
        /// The referral's id.
        id: i64,
        /// The day of this step (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// The approval's document number or opinion (required).
        #[arg(long, value_parser = super::lines)]
        approval: Option<String>,
    },
    /// Referred to the body named by referral_body (default 县纪委监委).
    Refer {
        /// The referral's id.
        id: i64,
        /// The day of this step (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// The referral decision: its number or a note (required).
        #[arg(long, value_parser = super::lines)]
        decision: Option<String>,
    },
    /// The bureau concluded the case.
    Conclude {
        /// The referral's id.
        id: i64,
        /// The day of this step (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// The outcome (required).
        #[arg(long, value_parser = super::lines)]
        outcome: Option<String>,
    },
    /// Decided not to refer, with the reason.
    NotRefer {
        /// The referral's id.
        id: i64,
        /// Why not (required).
        #[arg(long, value_parser = super::lines)]
        reason: Option<String>,
        /// The day of this step (default: today; never after today).
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
        force: a.force,
    };
    let id = store.add_criticism(new).map_err(|e| {
        // A task not due may be named all the same: say how.
        let hint = matches!(e, StoreError::Invalid(Invalid::NotCriticismDue { .. }));
        let mut f = ctx.store(e);
        if hint {
            f.message.push_str(ctx.lang.chn(Chn::HintForce));
        }
        f
    })?;
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
        ReferralCmd::Propose { unit, date, reason } => ReferralStep::Propose {
            unit,
            date: ctx.fact_date(date.as_deref())?,
            reason,
        },
        ReferralCmd::Approve { id, date, approval } => ReferralStep::Approve {
            id,
            date: ctx.fact_date(date.as_deref())?,
            approval: approval.unwrap_or_default(),
        },
        ReferralCmd::Refer { id, date, decision } => ReferralStep::Refer {
            id,
            date: ctx.fact_date(date.as_deref())?,
            decision: decision.unwrap_or_default(),
        },
        ReferralCmd::Conclude { id, date, outcome } => ReferralStep::Conclude {
            id,
            date: ctx.fact_date(date.as_deref())?,
            outcome: outcome.unwrap_or_default(),
        },
        ReferralCmd::NotRefer { id, reason, date } => ReferralStep::NotRefer {
            id,
            date: ctx.fact_date(date.as_deref())?,
            reason: reason.unwrap_or_default(),
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

/// `duban task waive`: records that no criticism is issued for the task's missed promise.
pub fn waive(ctx: &Ctx, store: &mut Store, a: WaiveArgs) -> CliResult {
    let date = ctx.fact_date(a.date.as_deref())?;
    let id = store
        .add_waiver(a.id, date, a.reason.as_deref().unwrap_or_default())
        .map_err(|e| ctx.store(e))?;
    let l = ctx.lang;
    outln!(
        "{}",
        l.fill(
            Msg::Saved,
            &[&l.chn(Chn::EntWaiver), &format!("#{id} (#{})", a.id)]
        )
    );
    Ok(())
}

/// The chain's lines of `duban task show`: a missed promise not answered yet, and the waivers.
pub fn show_chain(ctx: &Ctx, d: &TaskDetail) {
    let l = ctx.lang;
    let clean = super::output::clean;
    for w in &d.waivers {
        outln!(
            "{} {}",
            l.chn(Chn::LblWaivers),
            l.chn_fill(Chn::WaiverLine, &[&w.date, &clean(&w.reason)])
        );
    }
    if let Some(p) = d.row.unanswered_promise.filter(|p| *p < ctx.today) {
        outln!("⚠ {}", l.chn_fill(Chn::Unanswered, &[&p]));
    }
}
