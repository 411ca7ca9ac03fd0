//! The minutes (R4): drafter, review, the feedback round and each unit's answer, sign-off, issue
//! within 10 working days (the clock shown while drafting), copy to the supervision office and the
//! archive checklist.

use super::{FormKind, opt, opt_date};
use crate::domain::minutes::{MinutesStatus, minutes_due, minutes_status};
use crate::i18n::Ui;
use crate::tui::command::Write;
use crate::tui::form::{Candidate, Field, Form, Hint, Values};
use crate::tui::model::{FeedbackAnswer, Light, MeetingDetail, Minutes, Model};

fn detail(m: &Model, id: i64) -> Option<&MeetingDetail> {
    m.meeting_detail.as_ref().filter(|d| d.meeting.id == id)
}

pub fn minutes(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = detail(m, id)?;
    let x = d.minutes_record.clone().unwrap_or_default();
    let fields = vec![
        Field::text("drafter", l(Ui::FDrafter)).value(opt(&x.drafter)),
        Field::text("drafter_phone", l(Ui::FPhone)).value(opt(&x.drafter_phone)),
        Field::text("drafter_fax", l(Ui::FFax)).value(opt(&x.drafter_fax)),
        Field::text("drafter_email", l(Ui::FEmail)).value(opt(&x.drafter_email)),
        Field::text("reviewer", l(Ui::FReviewer)).value(opt(&x.reviewer)),
        Field::date("reviewed_on", l(Ui::FReviewedOn)).value(opt_date(x.reviewed_on)),
        Field::check(
            "feedback_needed",
            l(Ui::FFeedbackNeeded),
            x.feedback_sent_on.is_some(),
        ),
        Field::date("feedback_sent_on", l(Ui::FFeedbackSent)).value(opt_date(x.feedback_sent_on)),
        // The leader who signs the minutes off: completed from the leaders, any name kept.
        Field::pick(
            "signed_by",
            l(Ui::FSignedBy),
            super::leader_options(m),
            false,
        )
        .value(opt(&x.signed_by)),
        Field::date("signed_on", l(Ui::FSignedOn)).value(opt_date(x.signed_on)),
        Field::date("issued_on", l(Ui::FIssuedOn)).value(opt_date(x.issued_on)),
        Field::check("copied", l(Ui::FCopied), x.copied_to_supervision),
        Field::check("archived_sign_in", l(Ui::FArchSignIn), x.archived_sign_in),
        Field::check("archived_record", l(Ui::FArchRecord), x.archived_record),
        Field::check(
            "archived_feedback",
            l(Ui::FArchFeedback),
            x.archived_feedback,
        ),
    ];
    let title = format!(
        "{} · {} {}",
        l(Ui::StepMinutes),
        d.meeting.date,
        d.meeting.topics.first().cloned().unwrap_or_default()
    );
    let form = Form::new(FormKind::Minutes(id), title, fields);
    Some(match &d.minutes_record {
        Some(x) => form.with_version(x.version),
        None => form,
    })
}

/// R4.4: the 10-working-day clock beside the issue date, lit like a task's.
pub fn hints(m: &Model, id: i64, form: &mut Form) {
    let Some(d) = detail(m, id) else { return };
    // A meeting imported with its procedure unknown is not judged under R4.4: no clock.
    if d.meeting.procedure_unknown {
        return;
    }
    let cal = m.calendar.as_ref();
    let issued = form
        .field("issued_on")
        .and_then(|f| crate::domain::parse_date_input(f.text_value(), m.today, cal).ok());
    let due = minutes_due(cal, &m.thresholds, d.meeting.date);
    let status = minutes_status(cal, &m.thresholds, d.meeting.date, issued, m.today);
    let light = match status {
        MinutesStatus::IssuedOnTime { .. } => Light::Done,
        MinutesStatus::Drafting { workdays_left }
            if workdays_left <= m.thresholds.yellow_within_workdays =>
        {
            Light::Yellow
        }
        MinutesStatus::Drafting { .. } => Light::Green,
        _ => Light::Red,
    };
    let text = format!(
        "{} · {}",
        m.lang.ui_fill(Ui::MinutesDueHint, &[&m.lang.deadline(due)]),
        m.lang.minutes(status)
    );
    if let Some(f) = form.field_mut("issued_on") {
        f.hint = Some(Hint {
            text,
            light: Some(light),
        });
    }
}

pub fn save_minutes(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let before = detail(m, id)?.minutes_record.clone();
    let needed = v.checked("feedback_needed");
    let sent = v.fact_date("feedback_sent_on");
    if sent.is_some() && !needed {
        v.refuse("feedback_needed", Ui::ErrFeedbackUnchecked, &[]);
    }
    if before
        .as_ref()
        .is_some_and(|b| b.feedback_sent_on.is_some())
        && sent.is_none()
    {
        v.refuse("feedback_sent_on", Ui::ErrRoundSent, &[]);
    }
    let minutes = Minutes {
        meeting_id: id,
        drafter: v.text("drafter"),
        drafter_phone: v.text("drafter_phone"),
        drafter_fax: v.text("drafter_fax"),
        drafter_email: v.text("drafter_email"),
        reviewer: v.text("reviewer"),
        reviewed_on: v.fact_date("reviewed_on"),
        feedback_sent_on: sent,
        signed_by: v.text("signed_by"),
        signed_on: v.fact_date("signed_on"),
        issued_on: v.fact_date("issued_on"),
        copied_to_supervision: v.checked("copied"),
        archived_sign_in: v.checked("archived_sign_in"),
        archived_record: v.checked("archived_record"),
        archived_feedback: v.checked("archived_feedback"),
        version: 0,
    };
    let meeting_date = detail(m, id)?.meeting.date;
    v.order(None, crate::domain::order::minutes(meeting_date, &minutes));
    if let Some(email) = &minutes.drafter_email
        && !email.contains('@')
    {
        v.refuse("drafter_email", Ui::ErrEmail, &[email]);
    }
    Some(Write::Minutes {
        meeting: id,
        expected: v.form.version,
        minutes: Box::new(minutes),
        force: v.form.confirmed,
    })
}

/// R4.3: a unit's answer to the feedback form. The units still to answer are offered first.
pub fn feedback(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = detail(m, id)?;
    let mut rows: Vec<_> = d.feedback.iter().collect();
    rows.sort_by_key(|r| r.feedback.received_on.is_some());
    let options = rows.iter().map(|r| Candidate::new(&r.unit)).collect();
    let first = rows.first().map(|r| r.unit.clone()).unwrap_or_default();
    let fields = vec![
        Field::pick("unit", l(Ui::FUnit), options, false)
            .value(first)
            .required(),
        Field::date("received_on", l(Ui::FReceivedOn))
            .value(m.today.to_string())
            .required(),
        Field::long("opinion", l(Ui::FOpinion)),
        Field::text("signer", l(Ui::FSigner)),
        Field::text("signer_post", l(Ui::FSignerPost)),
        Field::check("sealed", l(Ui::FSealed), false),
    ];
    let title = format!("{} · {}", l(Ui::StepFeedback), d.meeting.date);
    let mut form = Form::new(FormKind::Feedback(id), title, fields);
    if d.minutes_record
        .as_ref()
        .and_then(|x| x.feedback_sent_on)
        .is_none()
    {
        form.error = Some(l(Ui::ErrNoRound));
    }
    Some(form)
}

pub fn save_feedback(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let unit = v.name("unit");
    let received = v.must_fact_date("received_on");
    // R4.3: an answer comes after the form went out.
    if let Some(sent) = detail(m, id).and_then(|d| d.minutes_record.as_ref()?.feedback_sent_on) {
        v.order(None, crate::domain::order::feedback(sent, received));
    }
    let answer = FeedbackAnswer {
        received_on: Some(received),
        opinion: v.text("opinion"),
        signer: v.text("signer"),
        signer_post: v.text("signer_post"),
        sealed: v.checked("sealed"),
    };
    Some(Write::Feedback {
        meeting: id,
        unit: unit?,
        answer,
    })
}
