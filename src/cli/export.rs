//! `duban export …`: files for people outside duban — the ledger as .xlsx or .csv, the feedback
//! form of a meeting's minutes for one unit (R4.2), the draft notice of a criticism (R5.6) and the
//! draft status bulletin of a period (R5.4), as .docx. Prints the path written.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::tasks::ListArgs;
use super::{CliResult, Ctx, Failure};
use crate::export::{self, ExportError, LedgerFormat};
use crate::i18n::Exp;

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// The ledger (台账) with the filters of `task list`; every task without filters. The format
    /// follows the extension of --out: .xlsx or .csv.
    Ledger(LedgerArgs),
    /// The feedback form on a meeting's minutes (反馈单), pre-filled for one participating unit.
    FeedbackForm(FeedbackFormArgs),
    /// The draft notice of a criticism (通报批评).
    Criticism(CriticismArgs),
    /// The report of a period (R1–R5) as .xlsx, one sheet per table of `duban report`.
    Report(ReportExportArgs),
    /// The draft status bulletin of a period (督查情况通报, R5.4) as .docx: the figures of
    /// `duban report` for the same period, the units, the red tasks, missed promises, criticisms
    /// and referrals.
    Bulletin(BulletinArgs),
}

#[derive(Debug, Args)]
pub struct BulletinArgs {
    #[command(flatten)]
    pub period: super::report::PeriodArgs,
    /// The file to write: FILE.docx.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReportExportArgs {
    #[command(flatten)]
    pub period: super::report::PeriodArgs,
    /// The file to write: FILE.xlsx.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub filter: ListArgs,
    /// The file to write: FILE.xlsx or FILE.csv.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct FeedbackFormArgs {
    /// The meeting's id.
    #[arg(long)]
    pub meeting: i64,
    /// A participating unit's name.
    #[arg(long, value_parser = super::line)]
    pub unit: String,
    /// The file to write: FILE.docx.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct CriticismArgs {
    /// The criticism's id (see `duban criticisms`).
    pub id: i64,
    /// The file to write: FILE.docx.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn export(ctx: &Ctx, c: ExportCmd) -> CliResult {
    let l = ctx.lang;
    let out = match c {
        ExportCmd::Ledger(a) => {
            let format = LedgerFormat::from_path(&a.out)
                .ok_or_else(|| bad_extension(ctx, &a.out, Exp::ErrExtension))?;
            let store = ctx.open()?;
            let filter = a.filter.filter(ctx, &store)?;
            let rows =
                export::LedgerQuery::new(&store, &filter, ctx.today).map_err(|e| ctx.store(e))?;
            let scope = a.filter.describe(l);
            let now = crate::os::now_cst_string();
            let heading = export::Heading {
                scope: &scope,
                today: ctx.today,
                exported_at: &now,
            };
            export::write_ledger(&a.out, format, l, &rows, &heading)
                .map_err(|e| failure(ctx, &a.out, e))?;
            a.out
        }
        ExportCmd::FeedbackForm(a) => {
            docx_path(ctx, &a.out)?;
            let store = ctx.open()?;
            store.unit_by_name(&a.unit).map_err(|e| ctx.store(e))?;
            let detail = store
                .meeting_detail(a.meeting, ctx.today)
                .map_err(|e| ctx.store(e))?;
            export::feedback_form(&a.out, l, &detail, &a.unit, &doc_meta(ctx, &store))
                .map_err(|e| failure(ctx, &a.out, e))?;
            a.out
        }
        ExportCmd::Criticism(a) => {
            docx_path(ctx, &a.out)?;
            let store = ctx.open()?;
            let c = store.criticism(a.id).map_err(|e| ctx.store(e))?;
            let (tasks, facts) = store.notice_tasks(&c.criticism).map_err(|e| ctx.store(e))?;
            export::criticism_notice(&a.out, l, &c, &tasks, &facts, &doc_meta(ctx, &store))
                .map_err(|e| failure(ctx, &a.out, e))?;
            a.out
        }
        ExportCmd::Bulletin(a) => {
            docx_path(ctx, &a.out)?;
            let period = a.period.resolve(ctx)?;
            let store = ctx.open()?;
            let b = store
                .bulletin(period, ctx.today)
                .map_err(|e| ctx.store(e))?;
            export::bulletin(&a.out, l, &b, &doc_meta(ctx, &store))
                .map_err(|e| failure(ctx, &a.out, e))?;
            a.out
        }
        ExportCmd::Report(a) => {
            let xlsx = a
                .out
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            if !xlsx {
                return Err(bad_extension(ctx, &a.out, Exp::ErrXlsxExtension));
            }
            let period = a.period.resolve(ctx)?;
            let store = ctx.open()?;
            let report = store.report(period, ctx.today).map_err(|e| ctx.store(e))?;
            let now = crate::os::now_cst_string();
            export::report_xlsx(&a.out, l, &report, &now).map_err(|e| failure(ctx, &a.out, e))?;
            a.out
        }
    };
    outln!("{}", l.exp_fill(Exp::Written, &[&out.display()]));
    Ok(())
}

/// A document's properties: made now by this account for the supervision office.
fn doc_meta(ctx: &Ctx, store: &crate::store::Store) -> export::DocMeta {
    export::DocMeta::now(store.account(), ctx.lang.exp(Exp::NoticeIssuer))
        .with_referral_body(ctx.config.referral_body.clone())
}

fn bad_extension(ctx: &Ctx, path: &Path, m: Exp) -> Failure {
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    Failure {
        code: 2,
        message: ctx.lang.exp_fill(m, &[&ext]),
    }
}

fn docx_path(ctx: &Ctx, path: &Path) -> CliResult {
    let ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if ok {
        Ok(())
    } else {
        Err(bad_extension(ctx, path, Exp::ErrDocxExtension))
    }
}

/// An export's error: bad input (exit 2) in its own words, else the file's failure (exit 1).
fn failure(ctx: &Ctx, path: &Path, e: ExportError) -> Failure {
    Failure {
        code: if e.is_bad_input() { 2 } else { 1 },
        message: e.message(ctx.lang, path),
    }
}
