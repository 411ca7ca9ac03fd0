//! init, demo, check, audit, and `duban` / `duban --demo` without a subcommand.

use clap::Args;

use super::output::Table;
use super::{CliResult, Ctx, Failure};
use crate::demo::{self, DemoOptions};
use crate::i18n::{Msg, audit};
use crate::store::{AuditChain, AuditQuery, ChainBreak};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Generate N tasks with proportional meetings (benchmarks) instead of the demo county.
    #[arg(long)]
    pub scale: Option<usize>,
    /// The random seed (the same seed gives the same county).
    #[arg(long, default_value_t = 2011)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only this kind of record (task, unit, meeting, minutes, …).
    #[arg(long, value_parser = super::line)]
    pub entity: Option<String>,
    /// Only this record id.
    #[arg(long)]
    pub id: Option<String>,
    /// Only changes made by this account.
    #[arg(long)]
    pub user: Option<String>,
    /// Only changes from this day on (China Standard Time).
    #[arg(long)]
    pub since: Option<String>,
    /// How many rows, newest first.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

pub fn init(ctx: &Ctx) -> CliResult {
    ctx.create()?;
    outln!("{}", ctx.lang.fill(Msg::InitDone, &[&ctx.db.display()]));
    Ok(())
}

pub fn demo(ctx: &Ctx, a: DemoArgs) -> CliResult {
    let mut store = ctx.create()?;
    let s = demo::build(
        &mut store,
        DemoOptions {
            today: ctx.today,
            scale: a.scale,
            seed: a.seed,
        },
    )
    .map_err(|e| ctx.store(e))?;
    outln!("{}", ctx.lang.fill(Msg::DemoCreated, &[&ctx.db.display()]));
    outln!(
        "{}",
        ctx.lang.fill(
            Msg::DemoSummary,
            &[&s.units, &s.meetings, &s.tasks, &ctx.today]
        )
    );
    Ok(())
}

/// `duban --demo`: a fresh demo database in a temporary directory, named on screen.
pub fn open_demo(ctx: &mut Ctx) -> CliResult {
    let dir = std::env::temp_dir().join(format!("duban-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| ctx.file_failure(&dir, &e))?;
    ctx.db = dir.join("demo.db");
    let _ = std::fs::remove_file(&ctx.db);
    demo(
        ctx,
        DemoArgs {
            scale: None,
            seed: 2011,
        },
    )?;
    outln!();
    check(ctx)?;
    let db = ctx.db.display();
    outln!("\n{}", ctx.lang.t(Msg::DemoTry));
    outln!("  export DUBAN_DB={db} DUBAN_TODAY={}", ctx.today);
    // The binary as the user can run it now (after `cargo run` it is not on PATH).
    let exe = std::env::current_exe().ok();
    let cwd = std::env::current_dir().ok();
    let bin = match (&exe, &cwd) {
        (Some(e), Some(c)) => e
            .strip_prefix(c)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| e.display().to_string()),
        _ => "duban".to_string(),
    };
    for args in [
        "task list --light red",
        "unit show 上塘镇",
        "meeting list",
        "--help",
    ] {
        outln!("  {bin} {args}");
    }
    Ok(())
}

pub fn check(ctx: &Ctx) -> CliResult {
    let store = ctx.open()?;
    let r = store.check(ctx.today).map_err(|e| ctx.store(e))?;
    let ok = r.integrity == "ok" && r.counts_kept == "ok" && r.audit_chain.is_ok();
    let rows: Vec<(Msg, String)> = vec![
        (Msg::ChkDatabase, ctx.db.display().to_string()),
        (Msg::ChkIntegrity, r.integrity.clone()),
        (Msg::ChkSchema, r.schema_version.to_string()),
        (Msg::ChkTasks, r.tasks.to_string()),
        (Msg::ChkRed, r.red.to_string()),
        (Msg::ChkYellow, r.yellow.to_string()),
        (Msg::ChkExplanationDue, r.explanation_due.to_string()),
        (Msg::ChkCriticismDue, r.criticism_due.to_string()),
        (Msg::ChkNotice, r.notice_violations.to_string()),
        (Msg::ChkMinutesLate, r.minutes_late.to_string()),
        (Msg::ChkFeedbackWaiting, r.feedback_waiting.to_string()),
        (
            Msg::ChkReferralDue,
            crate::i18n::join(ctx.lang, &r.referral_due),
        ),
        (Msg::ChkProvisional, r.provisional_tasks.to_string()),
        (Msg::ChkCountsKept, r.counts_kept.clone()),
        (Msg::ChkAuditChain, chain_text(ctx.lang, &r.audit_chain)),
        (
            Msg::ChkWal,
            ctx.lang.fill(
                Msg::ChkWalValue,
                &[&r.wal.bytes, &r.wal.frames, &r.wal.checkpointed],
            ),
        ),
    ];
    let mut t =
        Table::new(&[ctx.lang.t(Msg::ChkItem), ctx.lang.t(Msg::ChkValue)]).widths(&[30, 200]);
    for (m, v) in rows {
        t.row(vec![ctx.lang.t(m).to_string(), v]);
    }
    ctx.print(&t, &r);
    if ok {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: ctx.lang.t(Msg::ErrIntegrity).to_string(),
        })
    }
}

/// The audit chain for `duban check`: whole with its head, or where it breaks.
fn chain_text(l: crate::i18n::Lang, c: &AuditChain) -> String {
    if c.is_ok() {
        return match &c.head {
            Some((id, hash)) => l.fill(Msg::ChainOk, &[&c.rows, id, hash]),
            None => l.fill(Msg::ChainOk, &[&0, &0, &"-"]),
        };
    }
    let breaks: Vec<String> = c
        .breaks
        .iter()
        .map(|b| match b {
            ChainBreak::Altered { id } => l.fill(Msg::ChainAltered, &[id]),
            ChainBreak::Gap { after, next } => l.fill(Msg::ChainGap, &[after, next]),
            ChainBreak::Unhashed { id } => l.fill(Msg::ChainUnhashed, &[id]),
        })
        .collect();
    l.fill(Msg::ChainBroken, &[&breaks.join("；")])
}

pub fn audit(ctx: &Ctx, a: AuditArgs) -> CliResult {
    let since = ctx.opt_date(a.since.as_deref())?;
    let store = ctx.open()?;
    let rows = store
        .audit_search(&AuditQuery {
            entity: a.entity,
            entity_id: a.id,
            user: a.user,
            since,
            limit: a.limit,
        })
        .map_err(|e| ctx.store(e))?;
    let l = ctx.lang;
    let mut t = Table::new(&[
        l.t(Msg::ColDate),
        l.t(Msg::ColWho),
        l.t(Msg::ColAction),
        l.t(Msg::ColEntity),
        l.aud(crate::i18n::Aud::ColChange),
    ])
    .widths(&[25, 16, 8, 20, 60]);
    let sep = match l {
        crate::i18n::Lang::Zh => "；",
        crate::i18n::Lang::En => "; ",
    };
    for r in &rows {
        t.row(vec![
            r.at.clone(),
            r.user.clone(),
            audit::action(l, &r.action),
            audit::record(l, &r.entity, &r.entity_id),
            audit::changes(l, r.before.as_ref(), r.after.as_ref()).join(sep),
        ]);
    }
    ctx.print(&t, &rows);
    Ok(())
}
