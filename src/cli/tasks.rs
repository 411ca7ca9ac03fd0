//! `duban task …`: the ledger and the task's steps (R5).

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::choice::choice;
use super::output::Table;
use super::{CliResult, Ctx};
use crate::domain::{ExemptCategory, Light, Limit, Period, TaskClass, TaskSlice, TaskState};
use crate::i18n::{Exp, Lang, Msg};
use crate::store::{NewTask, Store, TaskFilter, TaskRow, TaskSort};

/// The ledger's filters, shared by `task list` and `export ledger`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// 红灯 / 黄灯 / 绿灯 / 已办结 / 不设默认时限 (red, yellow, green, done, exempt).
    #[arg(long, value_parser = choice::<Light>())]
    pub light: Option<Light>,
    /// Tasks this unit leads.
    #[arg(long, value_parser = super::line)]
    pub unit: Option<String>,
    /// 办理中 / 待纪要印发 / 时限未定 / 待书面说明 / 已承诺时限 / 应通报批评 / 已通报批评 / 已办结
    /// (open, pending, limit-unknown, explanation-due, promised, criticism-due, criticised, done).
    #[arg(long, value_parser = choice::<TaskState>())]
    pub state: Option<TaskState>,
    /// A substring of the task, its lead unit or its meeting's topics.
    #[arg(long, value_parser = super::line)]
    pub text: Option<String>,
    /// Only tasks whose limit falls on or after this day (with --due-to: a period).
    #[arg(long)]
    pub due_from: Option<String>,
    /// Only tasks whose limit falls on or before this day.
    #[arg(long)]
    pub due_to: Option<String>,
    /// The order: workdays-left (the most urgent first), unit (by lead unit), meeting-date
    /// (newest meeting first).
    #[arg(long, value_parser = choice::<TaskSort>(), default_value = "workdays-left")]
    pub sort: TaskSort,
}

impl ListArgs {
    /// The store's filter; an unknown unit or state is bad input.
    pub fn filter(&self, ctx: &Ctx, store: &Store) -> CliResult<TaskFilter> {
        let unit_id = self
            .unit
            .as_deref()
            .map(|u| store.unit_by_name(u).map(|u| u.id))
            .transpose()
            .map_err(|e| ctx.store(e))?;
        Ok(TaskFilter {
            light: self.light,
            state: self.state,
            unit_id,
            text: self.text.clone(),
            slice: self.due_period(ctx)?.map(|period| TaskSlice {
                period,
                class: TaskClass::Due,
            }),
            sort: self.sort,
            ..TaskFilter::default()
        })
    }

    /// The period of `--due-from`/`--due-to` (either may be left open), if given.
    fn due_period(&self, ctx: &Ctx) -> CliResult<Option<Period>> {
        if self.due_from.is_none() && self.due_to.is_none() {
            return Ok(None);
        }
        // Open ends as the widest dates that still compare as text in SQL (`NaiveDate::MAX`
        // would be written with a leading `+`).
        let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
        let from = ctx.opt_date(self.due_from.as_deref())?.unwrap_or(first);
        let to = ctx.opt_date(self.due_to.as_deref())?.unwrap_or(last);
        Period::new(from, to)
            .map(Some)
            .ok_or_else(|| ctx.bad(Msg::ErrPeriod, &[&from, &to]))
    }

    /// What the filters select, in words: "all tasks", or each filter given.
    pub fn describe(&self, l: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(x) = self.light {
            parts.push(l.exp_fill(Exp::ScopeLight, &[&l.light(x)]));
        }
        if let Some(u) = &self.unit {
            parts.push(l.exp_fill(Exp::ScopeUnit, &[u]));
        }
        if let Some(s) = self.state {
            parts.push(l.exp_fill(Exp::ScopeState, &[&l.state(s)]));
        }
        if let Some(t) = self
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            parts.push(l.exp_fill(Exp::ScopeText, &[&t]));
        }
        if self.due_from.is_some() || self.due_to.is_some() {
            let from = self.due_from.as_deref().unwrap_or("…");
            let to = self.due_to.as_deref().unwrap_or("…");
            parts.push(l.exp_fill(Exp::ScopeDue, &[&from, &to]));
        }
        if parts.is_empty() {
            l.exp(Exp::ScopeAll).to_string()
        } else {
            parts.join("；")
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum TaskCmd {
    /// Add a task decided at a meeting. Without --due or --exempt the limit is the default: 15
    /// working days from the minutes' issue date (R5.2).
    Add {
        /// The id of the meeting that decided it.
        #[arg(long)]
        meeting: i64,
        /// The lead unit (主办单位).
        #[arg(long, value_parser = super::line)]
        lead: String,
        /// A co-unit (协办单位); repeat for several.
        #[arg(long = "co", value_parser = super::line)]
        co: Vec<String>,
        /// One line, as in the ledger (a line break becomes a space).
        #[arg(long, value_parser = super::line)]
        text: String,
        /// An explicit limit (R5.1).
        #[arg(long, conflicts_with = "exempt")]
        due: Option<String>,
        /// No default limit (R5.2): 经费/funding, 编制/staffing, 土地/land, 案件处理/case-handling,
        /// 跨度较长/long-span.
        #[arg(long, value_parser = choice::<ExemptCategory>())]
        exempt: Option<ExemptCategory>,
        /// The responsible leader.
        #[arg(long, value_parser = super::line)]
        leader: Option<String>,
    },
    /// The ledger (台账); every task without filters.
    List(ListArgs),
    /// One task with its progress, explanations and criticisms.
    Show {
        /// The task's id.
        id: i64,
    },
    /// A progress report (R5.3).
    Progress {
        /// The task's id.
        id: i64,
        /// What the unit reported.
        #[arg(long, value_parser = super::lines)]
        text: String,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Completion (办结).
    Done {
        /// The task's id.
        id: i64,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// A note on how it was done.
        #[arg(long, value_parser = super::lines)]
        note: Option<String>,
    },
    /// A written explanation with the promised date (R5.5).
    Explain {
        /// The task's id.
        id: i64,
        /// The date the unit promises it done by (承诺完成时限).
        #[arg(long)]
        promise: String,
        /// The written explanation's text.
        #[arg(long, value_parser = super::lines)]
        text: Option<String>,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Decide, with the reason, that no criticism is issued for the task's missed promise
    /// (不予通报批评, R5.6).
    Waive(super::accountability::WaiveArgs),
}

/// The light as symbol and word, so it never relies on colour.
pub fn light_label(l: Lang, light: Light) -> String {
    format!(
        "{} {}",
        crate::text::light_symbol(light, false),
        l.light(light)
    )
}

pub fn task_table(ctx: &Ctx, rows: &[TaskRow]) -> Table {
    let l = ctx.lang;
    let mut t = Table::new(&[
        l.t(Msg::ColId),
        l.t(Msg::ColLight),
        l.t(Msg::ColLeft),
        l.t(Msg::ColTask),
        l.t(Msg::ColLead),
        l.t(Msg::ColDue),
        l.t(Msg::ColState),
    ])
    .widths(&[6, 12, 22, 40, 20, 34, 16]);
    for r in rows {
        t.row(vec![
            r.id.to_string(),
            light_label(l, r.light),
            left(l, r),
            r.text.clone(),
            r.lead_unit.clone(),
            l.limit(r.limit, r.due, r.provisional),
            l.state(r.state).to_string(),
        ]);
    }
    t
}

/// The working days left or overdue, `*` when the count rests on a year without a holiday notice.
fn left(l: Lang, r: &TaskRow) -> String {
    let words = l.workdays_left(r.light, r.working_days_left);
    if r.working_days_left_provisional && !words.is_empty() {
        format!("{words}*")
    } else {
        words
    }
}

pub fn task(ctx: &Ctx, c: TaskCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    match c {
        TaskCmd::Add {
            meeting,
            lead,
            co,
            text,
            due,
            exempt,
            leader,
        } => {
            let limit = match (due, exempt) {
                (Some(d), _) => Limit::Date(ctx.date(&d)?),
                (None, Some(c)) => Limit::Exempt(c),
                (None, None) => Limit::Default,
            };
            let new = NewTask {
                meeting_id: meeting,
                text,
                lead_unit: lead,
                co_units: co,
                leader,
                limit,
            };
            let id = store.add_task(new).map_err(|e| ctx.store(e))?;
            let row = store.task_row(id, ctx.today).map_err(|e| ctx.store(e))?;
            ctx.print(&task_table(ctx, std::slice::from_ref(&row)), &row);
        }
        TaskCmd::List(args) => {
            let filter = args.filter(ctx, &store)?;
            let rows = store.tasks(&filter, ctx.today).map_err(|e| ctx.store(e))?;
            ctx.print(&task_table(ctx, &rows), &rows);
            ctx.provisional_note(
                rows.iter()
                    .any(|r| r.provisional || r.working_days_left_provisional),
            );
        }
        TaskCmd::Show { id } => {
            let d = store.task_detail(id, ctx.today).map_err(|e| ctx.store(e))?;
            if ctx.format == super::Format::Json {
                outln!("{}", super::output::json_text(&d, true));
                return Ok(());
            }
            let r = &d.row;
            let clean = super::output::clean;
            outln!(
                "#{}  {}  {}  {}",
                r.id,
                light_label(l, r.light),
                left(l, r),
                l.state(r.state)
            );
            outln!("{}", clean(&r.text));
            outln!(
                "{}：{}    {}：{}",
                l.t(Msg::ColLead),
                clean(&r.lead_unit),
                l.t(Msg::ColCo),
                clean(&crate::i18n::join(l, &r.co_units))
            );
            outln!(
                "{}：{}    {}：{}",
                l.t(Msg::ColLeader),
                clean(r.leader.as_deref().unwrap_or("—")),
                l.t(Msg::ColDue),
                l.limit(r.limit, r.due, r.provisional)
            );
            outln!(
                "{}：#{} {} {}",
                l.t(Msg::ColMeeting),
                r.meeting_id,
                r.meeting_date,
                clean(&crate::i18n::join(l, &d.meeting_topics))
            );
            if r.state == TaskState::LimitUnknown {
                let days = ctx.config.thresholds.default_limit_workdays;
                outln!(
                    "{}: duban minutes issue {} --date … --force",
                    l.fill(Msg::HintLimitUnknown, &[&days]),
                    r.meeting_id
                );
            }
            if r.provisional || r.working_days_left_provisional {
                outln!("{}", l.t(Msg::ProvisionalNote));
            }
            if let Some(c) = r.completed_on {
                outln!(
                    "{}：{c} {}",
                    l.t(Msg::LblCompleted),
                    clean(d.completion_note.as_deref().unwrap_or(""))
                );
            }
            for p in &d.progress {
                outln!(
                    "{} {} {}",
                    l.t(Msg::LblProgress),
                    p.reported_on,
                    clean(&p.text)
                );
            }
            for e in &d.explanations {
                outln!(
                    "{} {} {}：{} {}",
                    l.t(Msg::LblExplanation),
                    e.submitted_on,
                    l.t(Msg::LblPromise),
                    e.promised_on,
                    clean(e.text.as_deref().unwrap_or(""))
                );
            }
            for c in &d.criticisms {
                outln!(
                    "{} {} {}",
                    l.t(Msg::LblCriticisms),
                    c.date,
                    clean(c.doc_no.as_deref().unwrap_or(""))
                );
            }
            super::accountability::show_chain(ctx, &d);
        }
        TaskCmd::Waive(a) => super::accountability::waive(ctx, &mut store, a)?,
        TaskCmd::Progress { id, text, date } => {
            let date = ctx.fact_date(date.as_deref())?;
            store
                .add_progress(id, date, &text)
                .map_err(|e| ctx.store(e))?;
            outln!(
                "{}",
                l.fill(Msg::Saved, &[&l.t(Msg::EntProgress), &format!("#{id}")])
            );
        }
        TaskCmd::Done { id, date, note } => {
            let date = ctx.fact_date(date.as_deref())?;
            store
                .complete_task(id, date, note, None)
                .map_err(|e| ctx.store(e))?;
            outln!(
                "{}",
                l.fill(Msg::Saved, &[&l.t(Msg::LblCompleted), &format!("#{id}")])
            );
        }
        TaskCmd::Explain {
            id,
            promise,
            text,
            date,
        } => {
            let date = ctx.fact_date(date.as_deref())?;
            let promise = ctx.date(&promise)?;
            store
                .add_explanation(id, date, promise, text)
                .map_err(|e| ctx.store(e))?;
            outln!(
                "{}",
                l.fill(Msg::Saved, &[&l.t(Msg::EntExplanation), &format!("#{id}")])
            );
        }
    }
    Ok(())
}
