//! `duban minutes …`: drafting, the feedback round, sign-off, issue and archive (R4).

use clap::Subcommand;

use super::{CliResult, Ctx};
use crate::i18n::Msg;
use crate::store::{FeedbackAnswer, MinutesSave};

#[derive(Debug, Subcommand)]
pub enum MinutesCmd {
    /// The drafter and reviewer (R4.1–R4.2).
    Draft {
        /// The meeting's id.
        meeting: i64,
        /// Who drafted the minutes (拟稿人).
        #[arg(long, value_parser = super::line)]
        drafter: Option<String>,
        /// The drafter's telephone.
        #[arg(long, value_parser = super::line)]
        phone: Option<String>,
        /// The drafter's fax.
        #[arg(long, value_parser = super::line)]
        fax: Option<String>,
        /// The drafter's e-mail.
        #[arg(long, value_parser = super::line)]
        email: Option<String>,
        /// The director or deputy director who reviewed the draft (R4.2).
        #[arg(long, value_parser = super::line)]
        reviewer: Option<String>,
        /// The day of the review.
        #[arg(long)]
        reviewed_on: Option<String>,
    },
    /// Send the draft with the feedback form to the participating units (R4.2).
    Send {
        /// The meeting's id.
        meeting: i64,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a unit's answer to the feedback form (R4.3).
    Feedback {
        /// The meeting's id.
        meeting: i64,
        /// The answering unit's name.
        #[arg(value_parser = super::line)]
        unit: String,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// The unit's opinion, as written on the form (none: agreed).
        #[arg(long, value_parser = super::lines)]
        opinion: Option<String>,
        /// Who signed the form: the unit's main leader or leader in charge (R4.3).
        #[arg(long, value_parser = super::line)]
        signer: Option<String>,
        /// The signer's post.
        #[arg(long, value_parser = super::line)]
        post: Option<String>,
        /// The form carries the unit's seal (R4.3).
        #[arg(long)]
        sealed: bool,
    },
    /// Leaders' sign-off (R4.4).
    Sign {
        /// The meeting's id.
        meeting: i64,
        /// The leader who signed off.
        #[arg(long, value_parser = super::line)]
        by: String,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Issue the minutes to the units (R4.4); copied to the supervision office (R4.1). Refused
    /// while units' answers to the feedback form are awaited or before sign-off, unless --force.
    Issue {
        /// The meeting's id.
        meeting: i64,
        /// The day it happened (default: today; never after today).
        #[arg(long)]
        date: Option<String>,
        /// Issue even though the feedback round is open or the minutes are not signed off.
        #[arg(long)]
        force: bool,
    },
    /// Tick the archive checklist (R4.5).
    Archive {
        /// The meeting's id.
        meeting: i64,
        /// The sign-in sheet is archived.
        #[arg(long)]
        sign_in: bool,
        /// The meeting record is archived.
        #[arg(long)]
        record: bool,
        /// The units' feedback forms are archived.
        #[arg(long)]
        feedback: bool,
    },
}

pub fn minutes(ctx: &Ctx, c: MinutesCmd) -> CliResult {
    let mut store = ctx.open()?;
    let l = ctx.lang;
    let save = |force| MinutesSave {
        expected: None,
        today: ctx.today,
        force,
    };
    let saved = |id: i64| {
        outln!(
            "{}",
            l.fill(Msg::Saved, &[&l.t(Msg::EntMinutes), &format!("#{id}")])
        )
    };
    match c {
        MinutesCmd::Draft {
            meeting,
            drafter,
            phone,
            fax,
            email,
            reviewer,
            reviewed_on,
        } => {
            let reviewed_on = ctx.opt_date(reviewed_on.as_deref())?;
            store
                .save_minutes(meeting, save(false), |m| {
                    m.drafter = drafter.or(m.drafter.take());
                    m.drafter_phone = phone.or(m.drafter_phone.take());
                    m.drafter_fax = fax.or(m.drafter_fax.take());
                    m.drafter_email = email.or(m.drafter_email.take());
                    m.reviewer = reviewer.or(m.reviewer.take());
                    m.reviewed_on = reviewed_on.or(m.reviewed_on);
                })
                .map_err(|e| ctx.store(e))?;
            saved(meeting);
        }
        MinutesCmd::Send { meeting, date } => {
            let date = ctx.fact_date(date.as_deref())?;
            store
                .save_minutes(meeting, save(false), |m| m.feedback_sent_on = Some(date))
                .map_err(|e| ctx.store(e))?;
            saved(meeting);
        }
        MinutesCmd::Feedback {
            meeting,
            unit,
            date,
            opinion,
            signer,
            post,
            sealed,
        } => {
            let received_on = Some(ctx.fact_date(date.as_deref())?);
            let answer = FeedbackAnswer {
                received_on,
                opinion,
                signer,
                signer_post: post,
                sealed,
            };
            store
                .record_feedback(meeting, &unit, answer)
                .map_err(|e| ctx.store(e))?;
            outln!("{}", l.fill(Msg::Saved, &[&l.t(Msg::EntFeedback), &unit]));
        }
        MinutesCmd::Sign { meeting, by, date } => {
            let date = ctx.fact_date(date.as_deref())?;
            store
                .save_minutes(meeting, save(false), |m| {
                    m.signed_by = Some(by);
                    m.signed_on = Some(date);
                })
                .map_err(|e| ctx.store(e))?;
            saved(meeting);
        }
        MinutesCmd::Issue {
            meeting,
            date,
            force,
        } => {
            let date = ctx.fact_date(date.as_deref())?;
            store
                .save_minutes(meeting, save(force), |m| {
                    m.issued_on = Some(date);
                    m.copied_to_supervision = true;
                })
                .map_err(|e| ctx.store(e))?;
            saved(meeting);
        }
        MinutesCmd::Archive {
            meeting,
            sign_in,
            record,
            feedback,
        } => {
            store
                .save_minutes(meeting, save(false), |m| {
                    m.archived_sign_in |= sign_in;
                    m.archived_record |= record;
                    m.archived_feedback |= feedback;
                })
                .map_err(|e| ctx.store(e))?;
            saved(meeting);
        }
    }
    Ok(())
}
