//! `duban meeting …` and `duban minutes …` (R1–R4).

use clap::Subcommand;
use serde::Serialize;

use super::choice::choice;
use super::output::{Table, clean};
use super::tasks::task_table;
use super::{CliResult, Ctx};
use crate::domain::AttendanceOutcome;
use crate::i18n::{Msg, provisional_date};
use crate::store::{MeetingRow, NewMeeting};

#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Plan a meeting (R2.1); repeat --topic to merge related topics (R1.3).
    Add {
        /// A topic (议题); repeat for several.
        #[arg(long = "topic", required = true, value_parser = super::line)]
        topics: Vec<String>,
        /// The chair: a county leader's name (主持人).
        #[arg(long, value_parser = super::line)]
        chair: String,
        /// The meeting's date, e.g. 2026-11-25.
        #[arg(long)]
        date: String,
        /// The day the written notice went out (R2.2).
        #[arg(long)]
        notice_date: Option<String>,
        /// An emergency meeting: no notice period (R2.2).
        #[arg(long)]
        emergency: bool,
        /// A participating unit; repeat for several.
        #[arg(long = "unit", value_parser = super::line)]
        units: Vec<String>,
        /// The liaison director who approved the plan (工作联系主任).
        #[arg(long, value_parser = super::line)]
        liaison: Option<String>,
        /// Where it is held.
        #[arg(long, value_parser = super::line)]
        place: Option<String>,
        /// The meeting's number, e.g. 第12次.
        #[arg(long, value_parser = super::line)]
        number: Option<String>,
    },
    /// Every meeting, newest first.
    List,
    /// One meeting: attendance, the feedback round, the minutes and its tasks.
    Show {
        /// The meeting's id.
        id: i64,
    },
    /// Move a meeting to another day. Refused when the day contradicts a recorded step: its
    /// notice or plan approval after it; its minutes' dates, its tasks' limits, progress reports,
    /// explanations, completions, waivers or criticisms before it; attendance on record and the
    /// day after today. The notice and minutes deadlines (R2.2, R4.4) move with it.
    Move {
        /// The meeting's id.
        id: i64,
        /// The new day, e.g. 2026-11-27.
        #[arg(long)]
        date: String,
    },
    /// Record how a unit attended (R3).
    Attend {
        /// The meeting's id.
        id: i64,
        /// The participating unit's name.
        #[arg(value_parser = super::line)]
        unit: String,
        /// 领导参会 / 请假并授权代表 / 无故缺会 / 擅自替会 (leader-attended,
        /// authorised-representative, absent, unauthorised-substitute).
        #[arg(long, value_parser = choice::<AttendanceOutcome>())]
        outcome: AttendanceOutcome,
        /// Who attended for the unit.
        #[arg(long, value_parser = super::line)]
        attendee: Option<String>,
        /// The attendee's post, e.g. 副镇长.
        #[arg(long, value_parser = super::line)]
        role: Option<String>,
    },
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: i64,
    date: chrono::NaiveDate,
    topics: &'a [String],
    chair: Option<&'a str>,
    notice_date: Option<chrono::NaiveDate>,
    notice: crate::domain::NoticeStatus,
    notice_late: bool,
    notice_provisional: bool,
    emergency: bool,
    minutes_due: Option<chrono::NaiveDate>,
    minutes_due_provisional: bool,
    minutes_issued: Option<chrono::NaiveDate>,
    minutes: crate::domain::MinutesStatus,
    tasks: i64,
}

fn json(r: &MeetingRow) -> MeetingJson<'_> {
    MeetingJson {
        id: r.id,
        date: r.date,
        topics: &r.topics,
        chair: r.chair.as_deref(),
        notice_date: r.notice_date,
        notice: r.notice,
        notice_late: r.notice_late,
        notice_provisional: r.notice_provisional,
        emergency: r.emergency,
        minutes_due: r.minutes_due,
        minutes_due_provisional: r.minutes_due_provisional,
        minutes_issued: r.minutes_issued,
        minutes: r.minutes,
        tasks: r.tasks,
    }
}

fn meeting_table(ctx: &Ctx, rows: &[MeetingRow]) -> Table {
    let l = ctx.lang;
    let mut t = Table::new(&[
        l.t(Msg::ColId),
        l.t(Msg::ColDate),
        l.t(Msg::ColChair),
        l.t(Msg::ColTopics),
        l.t(Msg::ColNotice),
        l.t(Msg::ColMinutesDue),
        l.t(Msg::ColMinutes),
    ])
    .widths(&[5, 10, 8, 36, 10, 11, 28]);
    for r in rows {
        t.row(vec![
            r.id.to_string(),
            r.date.to_string(),
            r.chair.clone().unwrap_or_default(),
            crate::i18n::join(l, &r.topics),
            l.notice(r.notice, r.notice_provisional),
            r.minutes_due.map_or_else(
                || "—".to_string(),
                |d| provisional_date(d, r.minutes_due_provisional),
            ),
            l.minutes(r.minutes),
        ]);
    }
    t
}

pub fn meeting(ctx: &Ctx, c: MeetingCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    match c {
        MeetingCmd::Add {
            topics,
            chair,
            date,
            notice_date,
            emergency,
            units,
            liaison,
            place,
            number,
        } => {
            let new = NewMeeting {
                number,
                topics,
                chair: Some(chair),
                liaison,
                date: Some(ctx.date(&date)?),
                time: None,
                place,
                notice_date: ctx.opt_date(notice_date.as_deref())?,
                emergency,
                plan_approved_by: None,
                plan_approved_on: None,
                units,
            };
            let id = store.add_meeting(new).map_err(|e| ctx.store(e))?;
            let row = store.meeting_row(id, ctx.today).map_err(|e| ctx.store(e))?;
            ctx.print(&meeting_table(ctx, std::slice::from_ref(&row)), &json(&row));
        }
        MeetingCmd::Move { id, date } => {
            let date = ctx.date(&date)?;
            let was = store
                .move_meeting(id, date, ctx.today)
                .map_err(|e| ctx.store(e))?;
            let row = store.meeting_row(id, ctx.today).map_err(|e| ctx.store(e))?;
            if ctx.format == super::Format::Table {
                outln!("{}", l.fill(Msg::MeetingMoved, &[&id, &was, &date]));
            }
            ctx.print(&meeting_table(ctx, std::slice::from_ref(&row)), &json(&row));
            ctx.provisional_note(row.minutes_due_provisional || row.notice_provisional);
        }
        MeetingCmd::List => {
            let rows = store.meetings(ctx.today).map_err(|e| ctx.store(e))?;
            let js: Vec<_> = rows.iter().map(json).collect();
            ctx.print(&meeting_table(ctx, &rows), &js);
            ctx.provisional_note(
                rows.iter()
                    .any(|r| r.minutes_due_provisional || r.notice_provisional),
            );
        }
        MeetingCmd::Show { id } => {
            let d = store
                .meeting_detail(id, ctx.today)
                .map_err(|e| ctx.store(e))?;
            if ctx.format == super::Format::Json {
                outln!("{}", super::output::json_text(&d, true));
                return Ok(());
            }
            out!(
                "{}",
                meeting_table(ctx, std::slice::from_ref(&d.row)).render()
            );
            outln!();
            let mut t = Table::new(&[
                l.t(Msg::ColUnit),
                l.t(Msg::ColAttendee),
                l.t(Msg::ColOutcome),
            ]);
            for (unit, a) in &d.attendance {
                let mark = a.outcome.map(|o| {
                    format!(
                        "{} {}",
                        if o.complies() { "✓" } else { "✗" },
                        l.attendance(o)
                    )
                });
                t.row(vec![
                    unit.clone(),
                    a.attendee.clone().unwrap_or_default(),
                    mark.unwrap_or_default(),
                ]);
            }
            out!("{}", t.render());
            if !d.feedback.is_empty() {
                outln!();
                let mut t =
                    Table::new(&[l.t(Msg::ColUnit), l.t(Msg::ColFeedback), l.t(Msg::ColDate)]);
                for f in &d.feedback {
                    let on = f
                        .feedback
                        .received_on
                        .map(|x| x.to_string())
                        .unwrap_or_default();
                    let answered = f.feedback.received_on.is_some();
                    let flag = if answered && !f.signed_and_sealed {
                        l.t(Msg::FeedbackUnsigned)
                    } else {
                        ""
                    };
                    t.row(vec![
                        f.unit.clone(),
                        format!("{}{flag}", l.feedback(f.status, f.deadline_provisional)),
                        on,
                    ]);
                }
                out!("{}", t.render());
            }
            if let Some(m) = &d.minutes_record {
                outln!();
                let tick = |b: bool| if b { "✓" } else { "✗" };
                outln!(
                    "{}：{} {}  {}：{}",
                    l.t(Msg::EntMinutes),
                    clean(m.drafter.as_deref().unwrap_or("")),
                    clean(m.drafter_phone.as_deref().unwrap_or("")),
                    l.t(Msg::LblCopied),
                    tick(m.copied_to_supervision)
                );
                outln!(
                    "{}：{} {} {}",
                    l.t(Msg::LblArchive),
                    tick(m.archived_sign_in),
                    tick(m.archived_record),
                    tick(m.archived_feedback)
                );
            }
            outln!();
            out!("{}", task_table(ctx, &d.task_rows).render());
            let r = &d.row;
            ctx.provisional_note(
                r.minutes_due_provisional
                    || r.notice_provisional
                    || d.feedback.iter().any(|f| f.deadline_provisional)
                    || d.task_rows.iter().any(|t| t.provisional),
            );
        }
        MeetingCmd::Attend {
            id,
            unit,
            outcome,
            attendee,
            role,
        } => {
            store
                .record_attendance(id, &unit, outcome, attendee, role, ctx.today)
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::Saved, &[&l.t(Msg::EntAttendance), &unit]));
        }
    }
    Ok(())
}
