//! The ledger's triage keys on the selected task or the marked ones: `p` a progress report (R5.3),
//! `d` done (办结), `e` a written explanation with a promised date (R5.5). The criticism (`c`) and
//! the waiver are in `accountability`.

use super::FormKind;
use crate::domain::order::{self, TaskTimes};
use crate::i18n::Ui;
use crate::text::truncate;
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Values};
use crate::tui::model::{Model, TaskRow};

/// The rows of `ids` as loaded (the ledger's window, or the open detail).
pub(super) fn rows<'m>(m: &'m Model, ids: &[i64]) -> Vec<&'m TaskRow> {
    ids.iter()
        .filter_map(|id| {
            m.tasks
                .rows
                .iter()
                .find(|r| r.id == *id)
                .or_else(|| {
                    m.task_detail
                        .as_ref()
                        .map(|d| &d.row)
                        .filter(|r| r.id == *id)
                })
                .or_else(|| m.marked_rows.iter().find(|r| r.id == *id))
        })
        .collect()
}

/// "#12 text…" for one task, "N tasks" for several.
fn subject(m: &Model, ids: &[i64]) -> String {
    match rows(m, ids).as_slice() {
        [one] => format!("#{} {}", one.id, truncate(&one.text, 40)),
        _ => m.lang.ui_fill(Ui::NTasks, &[&ids.len()]),
    }
}

pub(super) fn form(
    m: &Model,
    kind: FormKind,
    step: Ui,
    ids: &[i64],
    fields: Vec<Field>,
) -> Option<Form> {
    if ids.is_empty() || rows(m, ids).len() != ids.len() {
        return None;
    }
    let title = format!("{} · {}", m.lang.ui(step), subject(m, ids));
    // A step on several tasks lists them (the criticism form has a row for each already).
    let list = ids.len() > 1 && !matches!(kind, FormKind::Criticise(_));
    let mut form = Form::new(kind, title, fields);
    if list {
        form.targets = rows(m, ids)
            .iter()
            .map(|r| format!("#{} {}", r.id, r.text.replace('\n', " ")))
            .collect();
    }
    Some(form)
}

pub fn progress(m: &Model, ids: &[i64]) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let fields = vec![
        Field::date("reported_on", l(Ui::FReportedOn))
            .value(m.today.to_string())
            .required(),
        Field::long("text", l(Ui::FProgressText)).required(),
    ];
    form(
        m,
        FormKind::Progress(ids.to_vec()),
        Ui::StepProgress,
        ids,
        fields,
    )
}

/// The dates a task's new records are checked against, as far as its loaded row knows them.
fn times(r: &TaskRow) -> TaskTimes {
    TaskTimes {
        completed_on: r.completed_on,
        ..TaskTimes::of_meeting(r.meeting_date)
    }
}

pub fn save_progress(m: &Model, ids: &[i64], v: &mut Values) -> Option<Write> {
    let on = v.must_fact_date("reported_on");
    // R5.3: after the meeting, and not on a task already done.
    for r in rows(m, ids) {
        v.order(None, order::progress(&times(r), on));
    }
    Some(Write::Progress {
        tasks: ids.to_vec(),
        on,
        text: v.must_text("text"),
    })
}

pub fn done(m: &Model, ids: &[i64]) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let fields = vec![
        Field::date("completed_on", l(Ui::FCompletedOn))
            .value(m.today.to_string())
            .required(),
        Field::long("note", l(Ui::FNote)),
    ];
    form(m, FormKind::Done(ids.to_vec()), Ui::StepDone, ids, fields)
}

pub fn save_done(m: &Model, ids: &[i64], v: &mut Values) -> Option<Write> {
    let on = v.must_fact_date("completed_on");
    let note = v.text("note");
    let rows = rows(m, ids);
    if let Some(r) = rows.iter().find(|r| r.completed_on.is_some()) {
        v.refuse("completed_on", Ui::ErrAlreadyDone, &[&r.id]);
    }
    for r in &rows {
        v.order(None, order::completion(&times(r), on));
    }
    Some(Write::Complete {
        tasks: rows.iter().map(|r| (r.id, r.version)).collect(),
        on,
        note,
    })
}

pub fn explain(m: &Model, ids: &[i64]) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let fields = vec![
        Field::date("submitted_on", l(Ui::FSubmittedOn))
            .value(m.today.to_string())
            .required(),
        Field::date("promised_on", l(Ui::FPromisedOn)).required(),
        Field::long("text", l(Ui::FExplanation)),
    ];
    form(
        m,
        FormKind::Explain(ids.to_vec()),
        Ui::StepExplain,
        ids,
        fields,
    )
}

pub fn save_explain(m: &Model, ids: &[i64], v: &mut Values) -> Option<Write> {
    let submitted = v.must_fact_date("submitted_on");
    let promised = v.must_date("promised_on");
    let text = v.text("text");
    // R5.5: only a missed limit is explained, after the meeting, the promise not before it.
    for r in rows(m, ids) {
        v.order(None, order::explanation(&times(r), submitted, promised));
        if r.completed_on.is_some() {
            v.refuse("submitted_on", Ui::ErrAlreadyDone, &[&r.id]);
        } else if r.due.is_none_or(|due| submitted <= due) {
            v.refuse("submitted_on", Ui::ErrNotOverdue, &[&r.id, &submitted]);
        }
    }
    Some(Write::Explain {
        tasks: ids.to_vec(),
        submitted,
        promised,
        text,
    })
}
