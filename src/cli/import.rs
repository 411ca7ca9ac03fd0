//! `duban import units|leaders|ledger FILE [--dry-run] [--skip-bad]`: CSV or .xlsx, all or nothing
//! unless `--skip-bad`, in one transaction.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::output::Table;
use super::{CliResult, Ctx, Failure};
use crate::i18n::{Imp, Lang, Msg};
use crate::import::assemble::assemble;
use crate::import::ledger::check_ledger;
use crate::import::plan::{check_leaders, check_units};
use crate::import::records::check_records;
use crate::import::{Checked, Existing, FileError, Problem, ReadError, read_book, read_sheet};
use crate::store::{LedgerPlan, MeetingRef};

#[derive(Debug, Subcommand)]
pub enum ImportCmd {
    /// Units: 单位, 类型 (乡镇/县直单位/其他), 主要领导, 联系方式.
    Units(ImportArgs),
    /// County leaders: 姓名, 职务 (县长/副县长/办公室主任/办公室副主任), 联系主任.
    Leaders(ImportArgs),
    /// A task ledger (台账): 督办事项, 主办单位, 协办单位, 会议日期, 会议议题, 责任领导, 办理时限, 办结日期,
    /// and whatever else `duban export ledger` writes (a workbook's record sheets too).
    Ledger(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .csv (UTF-8) or .xlsx file (its first sheet).
    pub file: PathBuf,
    /// Check the file and show what would be created; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good rows and list the rows skipped (else a file with a bad row imports nothing).
    #[arg(long)]
    pub skip_bad: bool,
    /// List every meeting and task created (a dry run lists them anyway).
    #[arg(long)]
    pub verbose: bool,
}

/// A row's problem in `lang`.
pub fn problem_message(lang: Lang, p: &Problem, today: NaiveDate) -> String {
    let col = |f: crate::import::Field| f.name(lang);
    match p {
        Problem::Empty(f) => lang.imp_fill(Imp::Empty, &[&col(*f)]),
        Problem::BadDate { field, value } => lang.imp_fill(Imp::BadDate, &[&col(*field), value]),
        Problem::UnknownKind(s) => lang.imp_fill(Imp::UnknownKind, &[s]),
        Problem::UnknownTitle(s) => lang.imp_fill(Imp::UnknownTitle, &[s]),
        Problem::BadLimit(s) => lang.imp_fill(Imp::BadLimit, &[s]),
        Problem::DuplicateOf(r) => lang.imp_fill(Imp::DuplicateOf, &[r]),
        Problem::UnitExists(s) => lang.imp_fill(Imp::UnitExists, &[s]),
        Problem::LeaderExists(s) => lang.imp_fill(Imp::LeaderExists, &[s]),
        Problem::UnknownLiaison(s) => lang.imp_fill(Imp::UnknownLiaison, &[s]),
        Problem::OwnLiaison(s) => lang.imp_fill(Imp::OwnLiaison, &[s]),
        Problem::LeadIsCo(s) => lang.imp_fill(Imp::LeadIsCo, &[s]),
        Problem::InactiveUnit(s) => lang.imp_fill(Imp::Inactive, &[s]),
        Problem::OutOfOrder(o) => lang.out_of_order(o),
        Problem::TooLong(t) => lang.too_long(t),
        Problem::CompletedAfterToday => lang.imp_fill(Imp::CompletedAfterToday, &[&today]),
        Problem::TaskExists(m) => lang.imp_fill(Imp::TaskExists, &[m]),
        Problem::BadRecord { field, line } => lang.imp_fill(Imp::BadRecord, &[&col(*field), line]),
        Problem::BadNumber { field, value } => {
            lang.imp_fill(Imp::BadNumber, &[&col(*field), value])
        }
        Problem::MeetingDiffers(r) => lang.imp_fill(Imp::MeetingDiffers, &[r]),
        Problem::BadCell { column, value } => {
            lang.imp_fill(Imp::BadCell, &[&lang.xch(*column), value])
        }
        Problem::EmptyCell(column) => lang.imp_fill(Imp::Empty, &[&lang.xch(*column)]),
        Problem::UnknownTask(k) => lang.imp_fill(Imp::UnknownTask, &[k]),
        Problem::UnknownMeeting(k) => lang.imp_fill(Imp::UnknownMeeting, &[k]),
    }
}

/// The rows' problems, one line each: `第3行：…` / `row 3: …`.
pub fn problem_lines<T>(lang: Lang, checked: &Checked<T>, today: NaiveDate) -> Vec<String> {
    checked
        .bad
        .iter()
        .map(|e| {
            let msg = super::output::clean(&problem_message(lang, &e.problem, today));
            match e.sheet {
                Some(s) => lang.imp_fill(Imp::SheetRow, &[&s.name(lang), &e.row, &msg]),
                None => lang.imp_fill(Imp::Row, &[&e.row, &msg]),
            }
        })
        .collect()
}

fn file_error(ctx: &Ctx, path: &Path, e: FileError) -> Failure {
    let l = ctx.lang;
    let bad = |message: String| Failure { code: 2, message };
    match e {
        FileError::MissingColumns(fields) => {
            let names: Vec<&str> = fields.iter().map(|f| f.name(l)).collect();
            bad(l.imp_fill(Imp::MissingColumns, &[&crate::i18n::join(l, &names)]))
        }
        FileError::Read(ReadError::Format(ext)) => {
            bad(l.imp_fill(Imp::Format, &[&format!(".{ext}")]))
        }
        FileError::Read(ReadError::Io(e)) => ctx.file_failure(path, &e),
        FileError::Read(ReadError::Encoding) => bad(l.imp(Imp::Encoding).to_string()),
        FileError::Read(ReadError::Unclosed(row)) => bad(l.imp_fill(Imp::Unclosed, &[&row])),
        FileError::Read(ReadError::Xlsx(e)) => bad(l.imp_fill(Imp::Xlsx, &[&e])),
    }
}

/// Reports the bad and unchanged rows; refuses the import (exit 2) when a row is bad and
/// `--skip-bad` was not given.
fn report_rows<T>(ctx: &Ctx, a: &ImportArgs, checked: &Checked<T>) -> CliResult {
    let l = ctx.lang;
    let bad = checked.bad_sheet_rows();
    let lines = problem_lines(l, checked, ctx.today);
    if !bad.is_empty() && !a.skip_bad {
        return Err(Failure {
            code: 2,
            message: format!(
                "{}\n{}",
                l.imp_fill(Imp::Refused, &[&bad.len()]),
                lines.join("\n")
            ),
        });
    }
    if !bad.is_empty() {
        outln!("{}", l.imp_fill(Imp::Skipped, &[&bad.len()]));
        for line in &lines {
            outln!("  {line}");
        }
    }
    if !checked.totals.is_empty() {
        let rows: Vec<String> = checked.totals.iter().map(|r| r.to_string()).collect();
        outln!(
            "{}",
            l.imp_fill(Imp::Totals, &[&rows.len(), &rows.join(", ")])
        );
    }
    if !checked.unchanged.is_empty() {
        let rows: Vec<String> = checked.unchanged.iter().map(|r| r.to_string()).collect();
        outln!(
            "{}",
            l.imp_fill(Imp::Unchanged, &[&rows.len(), &rows.join(", ")])
        );
    }
    Ok(())
}

fn counts(l: Lang, units: usize, leaders: usize, meetings: usize, tasks: usize) -> String {
    l.imp_fill(Imp::Counts, &[&units, &leaders, &meetings, &tasks])
}

/// A ledger of at least this many tasks shows its progress on a terminal while it is written.
const PROGRESS_FROM: usize = 2_000;

pub fn import(ctx: &Ctx, c: ImportCmd) -> CliResult {
    let (ImportCmd::Units(a) | ImportCmd::Leaders(a) | ImportCmd::Ledger(a)) = &c;
    crate::import::read::format_of(&a.file).map_err(|e| file_error(ctx, &a.file, e.into()))?;
    if !a.file.exists() {
        return Err(Failure {
            code: 2,
            message: ctx.lang.imp_fill(Imp::NoFile, &[&a.file.display()]),
        });
    }
    let mut store = ctx.open()?;
    let db = Existing::load(&store, ctx.today).map_err(|e| ctx.store(e))?;
    let label = a
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let l = ctx.lang;
    let head = if a.dry_run {
        Imp::DryRun
    } else {
        Imp::Imported
    };
    match &c {
        ImportCmd::Units(a) => {
            let sheet = read_sheet(&a.file).map_err(|e| file_error(ctx, &a.file, e.into()))?;
            let checked = check_units(&sheet, &db).map_err(|e| file_error(ctx, &a.file, e))?;
            report_rows(ctx, a, &checked)?;
            let units = checked.records();
            if !a.dry_run && !units.is_empty() {
                store
                    .import_units(units.clone(), &label)
                    .map_err(|e| ctx.store(e))?;
            }
            outln!("{}", l.imp_fill(head, &[&counts(l, units.len(), 0, 0, 0)]));
            for u in &units {
                outln!(
                    "  {}  {}",
                    super::output::clean(&u.name),
                    l.unit_kind(u.kind)
                );
            }
        }
        ImportCmd::Leaders(a) => {
            let sheet = read_sheet(&a.file).map_err(|e| file_error(ctx, &a.file, e.into()))?;
            let checked = check_leaders(&sheet, &db).map_err(|e| file_error(ctx, &a.file, e))?;
            report_rows(ctx, a, &checked)?;
            let leaders = checked.records();
            if !a.dry_run && !leaders.is_empty() {
                store
                    .import_leaders(leaders.clone(), &label)
                    .map_err(|e| ctx.store(e))?;
            }
            outln!(
                "{}",
                l.imp_fill(head, &[&counts(l, 0, leaders.len(), 0, 0)])
            );
            for x in &leaders {
                outln!(
                    "  {}  {}",
                    super::output::clean(&x.name),
                    l.leader_title(x.title)
                );
            }
        }
        ImportCmd::Ledger(a) => {
            let book = read_book(&a.file).map_err(|e| file_error(ctx, &a.file, e.into()))?;
            let mut checked = check_ledger(&book.ledger, &db, ctx.today)
                .map_err(|e| file_error(ctx, &a.file, e))?;
            let (records, sheet_errors) = check_records(&book.records, ctx.today);
            let (plan, plan_errors) = assemble(&checked.good, &records, &db);
            checked.bad.extend(sheet_errors);
            checked.bad.extend(plan_errors);
            report_rows(ctx, a, &checked)?;
            if !a.dry_run && !plan.tasks.is_empty() {
                let total = plan.tasks.len();
                let mut shown = false;
                let mut progress = |done: usize, total: usize| {
                    if total >= PROGRESS_FROM && done < total {
                        shown = true;
                        super::output::err_progress(Some(
                            &l.imp_fill(Imp::Progress, &[&done, &total]),
                        ));
                    }
                };
                let written = store.import_ledger(&plan, &label, &mut progress);
                if shown || total >= PROGRESS_FROM {
                    super::output::err_progress(None);
                }
                written.map_err(|e| ctx.store(e))?;
            }
            print_plan(ctx, &plan, head, a.verbose || a.dry_run);
        }
    }
    Ok(())
}

/// The counts, the records and the units and leaders created; with `detail`, each meeting and
/// task.
fn print_plan(ctx: &Ctx, plan: &LedgerPlan, head: Imp, detail: bool) {
    let l = ctx.lang;
    let clean = super::output::clean;
    let p = plan;
    let n = counts(
        l,
        p.units.len(),
        p.leaders.len(),
        p.meetings.len(),
        p.tasks.len(),
    );
    outln!("{}", l.imp_fill(head, &[&n]));
    outln!(
        "  {}",
        l.imp_fill(
            Imp::Records,
            &[
                &p.progress_count(),
                &p.explanation_count(),
                &p.criticisms.len(),
                &p.waiver_count(),
                &p.referrals.len()
            ]
        )
    );
    // A summary names a few; --verbose names every one.
    let names = |all: Vec<&str>| -> String {
        const FEW: usize = 12;
        if detail || all.len() <= FEW {
            crate::i18n::join(l, &all)
        } else {
            l.imp_fill(
                Imp::AndMore,
                &[&crate::i18n::join(l, &all[..FEW]), &(all.len() - FEW)],
            )
        }
    };
    for kind in crate::domain::UnitKind::ALL {
        let list: Vec<&str> = p
            .units
            .iter()
            .filter(|u| u.kind == kind)
            .map(|u| u.name.as_str())
            .collect();
        if !list.is_empty() {
            outln!(
                "  {}",
                clean(&l.imp_fill(Imp::NewUnits, &[&l.unit_kind(kind), &names(list)]))
            );
        }
    }
    for title in crate::domain::LeaderTitle::ALL {
        let list: Vec<&str> = p
            .leaders
            .iter()
            .filter(|x| x.title == title)
            .map(|x| x.name.as_str())
            .collect();
        if !list.is_empty() {
            outln!(
                "  {}",
                clean(&l.imp_fill(Imp::NewLeaders, &[&l.leader_title(title), &names(list)]))
            );
        }
    }
    let unknown = p.meetings.iter().filter(|m| m.procedure_unknown).count();
    if unknown > 0 {
        outln!("  {}", l.imp_fill(Imp::UnknownProcedure, &[&unknown]));
    }
    if !detail {
        if !p.tasks.is_empty() {
            outln!("  {}", l.imp(Imp::Verbose));
        }
        return;
    }
    for m in &p.meetings {
        outln!(
            "  {}",
            clean(&l.imp_fill(Imp::NewMeeting, &[&m.date, &m.topics.join("；")]))
        );
    }
    let mut t = Table::new(&[
        l.imp(Imp::ColRow),
        l.t(Msg::ColTask),
        l.t(Msg::ColLead),
        l.t(Msg::ColCo),
        l.t(Msg::ColMeeting),
        l.t(Msg::ColLeader),
        l.t(Msg::ColDue),
        l.t(Msg::ColCompletedOn),
    ])
    .widths(&[5, 40, 20, 24, 30, 10, 24, 12]);
    for task in &p.tasks {
        let meeting = match task.meeting {
            MeetingRef::Existing(id) => l.imp_fill(Imp::ExistingMeeting, &[&id]),
            MeetingRef::New(i) => p
                .meetings
                .get(i)
                .map(|m| format!("{} {}", m.date, m.topics.first().map_or("", |s| s)))
                .unwrap_or_default(),
        };
        let limit = match task.limit {
            crate::domain::Limit::Date(d) => format!("{d} {}", l.limit_kind(task.limit)),
            other => l.limit_kind(other),
        };
        t.row(vec![
            task.row.to_string(),
            task.text.clone(),
            task.lead_unit.clone(),
            task.co_units.join("、"),
            meeting,
            task.leader.clone().unwrap_or_default(),
            limit,
            task.completed_on.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    if !p.tasks.is_empty() {
        out!("{}", t.render());
    }
}
