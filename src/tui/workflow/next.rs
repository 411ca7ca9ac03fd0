//! The step the rules ask for next on the selection, which `m` opens on: for a meeting, the plan
//! until it is approved and noticed (R2.1–R2.2), the attendees before it (R2.3), attendance after it
//! (R3), then the minutes (R4), the feedback answers while a round is out (R4.3), and the tasks
//! decided (R4.1); for a task, what its state asks (R5.3–R5.6); for a unit due, its referral (R5.7).

use super::FormKind;
use crate::domain::FeedbackStatus;
use crate::tui::model::{Model, Tab, TaskState};

/// The next step for the selection on the current tab, if the rules ask for one.
pub fn next_step(m: &Model) -> Option<FormKind> {
    match m.tab {
        Tab::Meetings => meeting(m),
        Tab::Tasks => task(m),
        Tab::Units => {
            let u = m.units.current()?;
            u.referral_due.then_some(FormKind::Referral(u.id))
        }
        _ => None,
    }
}

fn meeting(m: &Model) -> Option<FormKind> {
    let id = m.meetings.selected?;
    let d = m.meeting_detail.as_ref().filter(|d| d.meeting.id == id)?;
    let x = &d.meeting;
    let held = x.date <= m.today;
    if !held {
        let planned = x.plan_approved_on.is_some() && x.notice_date.is_some();
        return Some(if !planned {
            FormKind::EditMeeting(id)
        } else if d.attendance.iter().any(|(_, a)| !a.confirmed) {
            FormKind::Confirm(id)
        } else {
            FormKind::EditMeeting(id)
        });
    }
    if d.attendance.iter().any(|(_, a)| a.outcome.is_none()) {
        return Some(FormKind::Attendance(id));
    }
    let minutes = d.minutes_record.as_ref();
    let round_out = minutes.is_some_and(|r| r.feedback_sent_on.is_some());
    let waiting = d
        .feedback
        .iter()
        .any(|f| matches!(f.status, FeedbackStatus::Waiting { .. }));
    if minutes.and_then(|r| r.issued_on).is_none() {
        if round_out && waiting {
            return Some(FormKind::Feedback(id));
        }
        return Some(FormKind::Minutes(id));
    }
    if d.row.tasks == 0 {
        return Some(FormKind::NewTasks(id));
    }
    let archived = minutes.is_some_and(|r| {
        r.copied_to_supervision && r.archived_sign_in && r.archived_record && r.archived_feedback
    });
    (!archived).then_some(FormKind::Minutes(id))
}

fn task(m: &Model) -> Option<FormKind> {
    let ids = super::triage_targets(m);
    let r = m.tasks.current()?;
    Some(match r.state {
        TaskState::Done => return None,
        TaskState::ExplanationDue => FormKind::Explain(ids),
        TaskState::CriticismDue => FormKind::Criticise(ids),
        _ => FormKind::Progress(ids),
    })
}
