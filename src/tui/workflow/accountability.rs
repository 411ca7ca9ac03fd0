//! R5.6 on the ledger: `c` a notified criticism covering the tasks whose promise was missed, and
//! the decision not to issue one for a task's missed promise (不予通报批评, a waiver). A task not
//! due for a criticism is named only when the editor insists and gives the reason.

use chrono::NaiveDate;

use super::FormKind;
use super::triage::{form, rows};
use crate::i18n::{Chn, Ui};
use crate::text::truncate;
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Values};
use crate::tui::model::{Model, NewCriticism, TaskRow, TaskState};

/// Puts a message of the chain beside field `key`.
fn refuse(v: &mut Values, key: &str, text: String) {
    if let Some(f) = v.form.field_mut(key) {
        f.error.get_or_insert(text);
    }
}

/// R5.6: the tasks a criticism may cover: those asked for, and the unit's other tasks in the
/// ledger whose promise was missed.
fn covered<'m>(m: &'m Model, ids: &[i64]) -> Vec<(&'m TaskRow, bool)> {
    let asked = rows(m, ids);
    let Some(unit) = asked.first().map(|r| r.lead_unit_id) else {
        return Vec::new();
    };
    let mut out: Vec<(&TaskRow, bool)> = asked.iter().map(|r| (*r, true)).collect();
    for r in &m.tasks.rows {
        if r.lead_unit_id == unit && r.state == TaskState::CriticismDue && !ids.contains(&r.id) {
            out.push((r, false));
        }
    }
    out
}

pub fn criticise(m: &Model, ids: &[i64]) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let cover = covered(m, ids);
    let unit = cover.first()?.0.lead_unit.clone();
    let mut fields = vec![
        Field::date("date", l(Ui::FDate))
            .value(m.today.to_string())
            .required(),
        Field::text("doc_no", l(Ui::FDocNo)).required(),
        Field::long("reason", l(Ui::FReason)),
        Field::check("insist", m.lang.chn(Chn::FInsist), false),
    ];
    for (i, (r, on)) in cover.iter().enumerate() {
        let mut f = Field::check(format!("task#{}", r.id), format!("#{}", r.id), *on);
        f.hint = Some(crate::tui::form::Hint {
            text: format!("{} · {}", truncate(&r.text, 60), m.lang.state(r.state)),
            light: None,
        });
        if i == 0 {
            f = f.heading(l(Ui::FCovers));
        }
        fields.push(f);
    }
    let mut form = form(
        m,
        FormKind::Criticise(ids.to_vec()),
        Ui::StepCriticise,
        ids,
        fields,
    )?;
    form.title = format!("{} · {unit}", m.lang.ui(Ui::StepCriticise));
    if rows(m, ids).iter().any(|r| r.lead_unit != unit) {
        form.error = Some(l(Ui::ErrMixedUnits));
    }
    Some(form)
}

/// R5.6: why task `r` may not be named by a criticism (or waived) dated `on`, as far as its row
/// tells; `None` when it is due. The store checks again, with every explanation and answer.
fn not_due(m: &Model, r: &TaskRow, on: NaiveDate) -> Option<String> {
    let l = m.lang;
    let task = format!("#{}", r.id);
    if r.unanswered_promise.is_some_and(|p| p < on) {
        return None;
    }
    if r.due.is_none_or(|due| on <= due) {
        return Some(l.chn_fill(Chn::ErrNotOverdue, &[&task, &on]));
    }
    Some(match r.promised_on {
        None => l.chn_fill(Chn::ErrNoPromise, &[&task, &on]),
        Some(p) if p >= on => l.chn_fill(Chn::ErrPromiseAhead, &[&task, &on, &p]),
        Some(_) => l.ui_fill(Ui::ErrNoMissedPromise, &[&r.id]),
    })
}

pub fn save_criticise(m: &Model, ids: &[i64], v: &mut Values) -> Option<Write> {
    let date = v.must_fact_date("date");
    let doc_no = v.text("doc_no");
    let reason = v.text("reason");
    let insist = v.checked("insist");
    let cover = covered(m, ids);
    let unit = cover.first()?.0.lead_unit.clone();
    if rows(m, ids).iter().any(|r| r.lead_unit != unit) {
        v.refuse("date", Ui::ErrMixedUnits, &[]);
    }
    let task_ids: Vec<i64> = cover
        .iter()
        .map(|(r, _)| r.id)
        .filter(|id| v.checked(&format!("task#{id}")))
        .collect();
    if task_ids.is_empty() {
        let first = format!("task#{}", cover.first()?.0.id);
        refuse(
            v,
            &first,
            m.lang.chn(Chn::ErrCriticismNeedsTask).to_string(),
        );
    }
    let mut insisted = false;
    for (r, _) in cover.iter().filter(|(r, _)| task_ids.contains(&r.id)) {
        let Some(why) = not_due(m, r, date) else {
            continue;
        };
        let overdue = r.due.is_some_and(|due| date > due);
        if insist && overdue {
            insisted = true;
        } else {
            let hint = if overdue {
                m.lang.chn(Chn::HintInsist)
            } else {
                ""
            };
            refuse(v, &format!("task#{}", r.id), format!("{why}{hint}"));
        }
    }
    if insisted && reason.is_none() {
        refuse(
            v,
            "reason",
            m.lang.chn(Chn::ErrInsistNeedsReason).to_string(),
        );
    }
    Some(Write::Criticise(NewCriticism {
        unit,
        date,
        doc_no,
        reason,
        task_ids,
        force: insisted,
    }))
}

/// The selected task, when it is due for a criticism today: what the waiver step acts on.
pub fn waivable(m: &Model) -> Option<i64> {
    let id = m.tasks.selected?;
    rows(m, &[id])
        .first()
        .filter(|r| r.state == TaskState::CriticismDue)
        .map(|r| r.id)
}

pub fn waive(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let fields = vec![
        Field::date("date", l(Ui::FDate))
            .value(m.today.to_string())
            .required(),
        Field::long("reason", m.lang.chn(Chn::FWaiverReason)).required(),
    ];
    let mut form = form(m, FormKind::Waive(id), Ui::StepCriticise, &[id], fields)?;
    let r = rows(m, &[id]).first().copied()?;
    form.title = format!(
        "{} · #{} {}",
        m.lang.chn(Chn::StepWaive),
        r.id,
        truncate(&r.text, 40)
    );
    Some(form)
}

pub fn save_waive(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let date = v.must_fact_date("date");
    let reason = v.must_text("reason");
    let r = rows(m, &[id]).first().copied()?;
    // Time runs one way: not before the meeting, nor before the promise it answers.
    v.order(
        Some("date"),
        crate::domain::order::waiver(r.meeting_date, r.unanswered_promise, date),
    );
    if let Some(why) = not_due(m, r, date) {
        refuse(v, "date", why);
    }
    Some(Write::Waive {
        task: id,
        date,
        reason,
    })
}
