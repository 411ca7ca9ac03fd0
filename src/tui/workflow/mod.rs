//! The regulation as steps: which forms there are, what they are filled with from the model, the
//! notes shown beside their fields, and what a valid form writes. Pure, like `update`: forms are
//! built from what the model has loaded, and a save becomes a [`Write`] for the command loop.
//!
//! Each step names the rule it serves (`docs/rules.md`).

mod accountability;
mod aliases;
mod meeting;
mod minutes;
mod next;
mod tasks;
mod triage;
mod units;

pub use next::next_step;

use super::command::Write;
use super::form::{Candidate, FieldKind, Form, Values};
use super::model::{Model, Tab};
use crate::domain::TextField;
use crate::i18n::{Chn, Ui};

/// What a form saves, and the record it was filled from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    NewUnit,
    EditUnit(i64),
    NewLeader,
    EditLeader(i64),
    /// R2.1–R2.2: a meeting plan.
    NewMeeting,
    EditMeeting(i64),
    /// R2.3: confirming each unit's attendee before the meeting.
    Confirm(i64),
    /// R3: attendance after the meeting, one row per unit.
    Attendance(i64),
    /// R4.1–R4.5: the minutes of a meeting.
    Minutes(i64),
    /// R4.3: one unit's answer to the feedback form.
    Feedback(i64),
    /// R4.1, R5.1–R5.2: tasks decided at a meeting, several at once.
    NewTasks(i64),
    EditTask(i64),
    /// R5.3, 办结, R5.5, R5.6 on the selected or marked tasks.
    Progress(Vec<i64>),
    Done(Vec<i64>),
    Explain(Vec<i64>),
    Criticise(Vec<i64>),
    /// R5.6: no criticism for a task's missed promise (不予通报批评).
    Waive(i64),
    /// R5.7: the next step of a unit's referral.
    Referral(i64),
    /// Issue 18 point 5: a unit's short forms (简称).
    Aliases(i64),
}

/// An entry of the steps menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuItem {
    Open(FormKind),
    /// Choose a leader to edit.
    Leaders,
    /// `x` where a tab offers more than one file: write this one.
    Export(super::export::ExportWhat),
}

/// The form for `kind`, filled from the model; `None` when what it needs is not loaded.
pub fn open(m: &Model, kind: FormKind) -> Option<Form> {
    let form = match &kind {
        FormKind::NewUnit | FormKind::EditUnit(_) => units::unit(m, &kind)?,
        FormKind::NewLeader | FormKind::EditLeader(_) => units::leader(m, &kind)?,
        FormKind::Referral(unit) => units::referral(m, *unit)?,
        FormKind::Aliases(unit) => aliases::form(m, *unit)?,
        FormKind::NewMeeting | FormKind::EditMeeting(_) => meeting::plan(m, &kind)?,
        FormKind::Confirm(id) => meeting::confirm(m, *id)?,
        FormKind::Attendance(id) => meeting::attendance(m, *id)?,
        FormKind::Minutes(id) => minutes::minutes(m, *id)?,
        FormKind::Feedback(id) => minutes::feedback(m, *id)?,
        FormKind::NewTasks(meeting) => tasks::new_tasks(m, *meeting)?,
        FormKind::EditTask(id) => tasks::edit(m, *id)?,
        FormKind::Progress(ids) => triage::progress(m, ids)?,
        FormKind::Done(ids) => triage::done(m, ids)?,
        FormKind::Explain(ids) => triage::explain(m, ids)?,
        FormKind::Criticise(ids) => accountability::criticise(m, ids)?,
        FormKind::Waive(id) => accountability::waive(m, *id)?,
    };
    let mut form = form;
    limits(&mut form);
    hints(m, &mut form);
    Some(form)
}

/// The length the store allows each text field of a form ([`TextField`]), so that the form says
/// so beside the field, before the store would refuse it.
fn limits(form: &mut Form) {
    for f in &mut form.fields {
        // A picker whose value is read as text (签发人, 方案审批人) is held to the same limit.
        let free_pick = matches!(f.kind, FieldKind::Pick { multi: false, .. })
            && matches!(f.key.as_str(), "signed_by" | "plan_approved_by");
        if !matches!(f.kind, FieldKind::Text | FieldKind::LongText) && !free_pick {
            continue;
        }
        let key = f.key.split('#').next().unwrap_or_default();
        f.limit = match key {
            "lines" => Some(TextField::TaskText),
            "text" => Some(match form.kind {
                FormKind::Progress(_) => TextField::Progress,
                FormKind::Explain(_) => TextField::Note,
                _ => TextField::TaskText,
            }),
            "topics" => Some(TextField::Topic),
            "alias" => Some(TextField::UnitName),
            "name" => Some(match form.kind {
                FormKind::NewLeader | FormKind::EditLeader(_) => TextField::LeaderName,
                _ => TextField::UnitName,
            }),
            "main_leader" | "attendee" | "drafter" | "reviewer" | "signed_by" | "signer"
            | "plan_approved_by" => Some(TextField::Person),
            "role" | "signer_post" => Some(TextField::Post),
            "contact" | "drafter_phone" | "drafter_fax" | "drafter_email" => {
                Some(TextField::Contact)
            }
            "place" => Some(TextField::Place),
            "number" | "doc_no" => Some(TextField::Number),
            "note" | "opinion" | "reason" | "outcome" => Some(TextField::Note),
            _ => None,
        };
    }
}

/// Reads the form; the write it asks for and the message for when it is done, or `None` with the
/// reasons next to the fields.
pub fn save(m: &Model, form: &mut Form) -> Option<(Write, String)> {
    let kind = form.kind.clone();
    let mut v = Values::new(form, m.lang, m.today, &m.calendar);
    let write = match &kind {
        FormKind::NewUnit | FormKind::EditUnit(_) => units::save_unit(m, &kind, &mut v),
        FormKind::NewLeader | FormKind::EditLeader(_) => units::save_leader(m, &kind, &mut v),
        FormKind::Referral(unit) => units::save_referral(m, *unit, &mut v),
        FormKind::Aliases(unit) => aliases::save(m, *unit, &mut v),
        FormKind::NewMeeting | FormKind::EditMeeting(_) => meeting::save_plan(&kind, &mut v),
        FormKind::Confirm(id) => meeting::save_confirm(m, *id, &mut v),
        FormKind::Attendance(id) => meeting::save_attendance(m, *id, &mut v),
        FormKind::Minutes(id) => minutes::save_minutes(m, *id, &mut v),
        FormKind::Feedback(id) => minutes::save_feedback(m, *id, &mut v),
        FormKind::NewTasks(meeting) => tasks::save_new(*meeting, m, &mut v),
        FormKind::EditTask(id) => tasks::save_edit(m, *id, &mut v),
        FormKind::Progress(ids) => triage::save_progress(m, ids, &mut v),
        FormKind::Done(ids) => triage::save_done(m, ids, &mut v),
        FormKind::Explain(ids) => triage::save_explain(m, ids, &mut v),
        FormKind::Criticise(ids) => accountability::save_criticise(m, ids, &mut v),
        FormKind::Waive(id) => accountability::save_waive(m, *id, &mut v),
    };
    if !v.ok() {
        return None;
    }
    let write = write?;
    Some((write, m.lang.ui(Ui::SavedForm).to_string()))
}

/// The notes beside fields, computed again after each change: dates typed as `+N`, clocks, the
/// notice rule.
pub fn hints(m: &Model, form: &mut Form) {
    for f in &mut form.fields {
        if f.kind == super::form::FieldKind::Date {
            f.hint = date_hint(m, f.text_value());
        }
        // Past the length the store allows: said beside the field as it is typed.
        if f.limit.is_some() {
            f.hint = super::form::too_long(f).map(|e| super::form::Hint {
                text: m.lang.too_long(&e),
                light: Some(crate::domain::Light::Red),
            });
        }
    }
    match form.kind.clone() {
        FormKind::NewMeeting | FormKind::EditMeeting(_) => meeting::hints(m, form),
        FormKind::Minutes(id) => minutes::hints(m, id, form),
        FormKind::NewTasks(meeting) => tasks::hints(m, Some(meeting), form),
        FormKind::EditTask(_) => tasks::hints(m, None, form),
        FormKind::Referral(unit) => units::referral_hints(m, unit, form),
        _ => {}
    }
}

/// The date a field's text stands for, when it was not typed as one (`+3`, `11月25日`).
fn date_hint(m: &Model, text: &str) -> Option<super::form::Hint> {
    let t = text.trim();
    let d = crate::domain::parse_date_input(t, m.today, m.calendar.as_ref()).ok()?;
    // Only `+N` is counted in working days.
    let from = t.starts_with('+').then_some(m.today);
    (d.to_string() != t).then(|| super::form::Hint {
        text: format!(
            "= {}",
            m.lang
                .ui_fill(Ui::DateWeekday, &[&shown_date(m, d, from), &weekday(m, d)])
        ),
        light: None,
    })
}

/// A date as a hint shows it: `*` when it rests on a year without a holiday notice: the working
/// days from today to it (`+N`), or a limit in such a year (as the ledger marks it).
pub(crate) fn shown_date(
    m: &Model,
    d: chrono::NaiveDate,
    counted_from: Option<chrono::NaiveDate>,
) -> String {
    let provisional = counted_from.is_some_and(|from| m.calendar.is_provisional(from, d));
    crate::i18n::provisional_date(d, provisional)
}

pub(crate) fn weekday(m: &Model, d: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.weekday().num_days_from_monday() as usize;
    match m.lang {
        crate::i18n::Lang::Zh => ZH[i],
        crate::i18n::Lang::En => EN[i],
    }
}

/// Every active unit, for pickers.
fn unit_options(m: &Model) -> Vec<Candidate> {
    m.people
        .units
        .iter()
        .filter(|u| u.active)
        .map(|u| Candidate::new(&u.name))
        .collect()
}

/// Every active leader, for pickers.
fn leader_options(m: &Model) -> Vec<Candidate> {
    m.people
        .leaders
        .iter()
        .filter(|l| l.active)
        .map(|l| Candidate::new(&l.name))
        .collect()
}

fn leader_name(m: &Model, id: Option<i64>) -> String {
    id.and_then(|id| m.people.leaders.iter().find(|l| l.id == id))
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The tasks a triage key acts on: the marked ones, else the selected one.
pub fn triage_targets(m: &Model) -> Vec<i64> {
    if !m.marked.is_empty() {
        return m.marked.iter().copied().collect();
    }
    m.tasks.selected.into_iter().collect()
}

/// The steps offered for the selection on the current tab.
pub fn menu(m: &Model) -> Vec<(String, MenuItem)> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let mut items = Vec::new();
    match m.tab {
        Tab::Meetings => {
            items.push((l(Ui::StepNewMeeting), MenuItem::Open(FormKind::NewMeeting)));
            if let Some(id) = m.meetings.selected {
                items.extend([
                    (l(Ui::StepPlan), MenuItem::Open(FormKind::EditMeeting(id))),
                    (l(Ui::StepConfirm), MenuItem::Open(FormKind::Confirm(id))),
                    (
                        l(Ui::StepAttendance),
                        MenuItem::Open(FormKind::Attendance(id)),
                    ),
                    (l(Ui::StepMinutes), MenuItem::Open(FormKind::Minutes(id))),
                    (l(Ui::StepFeedback), MenuItem::Open(FormKind::Feedback(id))),
                    (l(Ui::StepTasks), MenuItem::Open(FormKind::NewTasks(id))),
                ]);
            }
        }
        Tab::Tasks => {
            let ids = triage_targets(m);
            if let Some(id) = m.tasks.selected {
                items.push((l(Ui::StepEditTask), MenuItem::Open(FormKind::EditTask(id))));
            }
            if !ids.is_empty() {
                items.extend([
                    (
                        l(Ui::StepProgress),
                        MenuItem::Open(FormKind::Progress(ids.clone())),
                    ),
                    (l(Ui::StepDone), MenuItem::Open(FormKind::Done(ids.clone()))),
                    (
                        l(Ui::StepExplain),
                        MenuItem::Open(FormKind::Explain(ids.clone())),
                    ),
                    (
                        l(Ui::StepCriticise),
                        MenuItem::Open(FormKind::Criticise(ids)),
                    ),
                ]);
            }
            if let Some(id) = accountability::waivable(m) {
                items.push((
                    m.lang.chn(Chn::StepWaive).to_string(),
                    MenuItem::Open(FormKind::Waive(id)),
                ));
            }
        }
        Tab::Units => {
            if let Some(id) = m.units.selected {
                items.push((l(Ui::StepEditUnit), MenuItem::Open(FormKind::EditUnit(id))));
                items.push((l(Ui::StepReferral), MenuItem::Open(FormKind::Referral(id))));
                items.push((l(Ui::StepAliases), MenuItem::Open(FormKind::Aliases(id))));
            }
            items.extend([
                (l(Ui::StepNewUnit), MenuItem::Open(FormKind::NewUnit)),
                (l(Ui::StepNewLeader), MenuItem::Open(FormKind::NewLeader)),
                (l(Ui::StepEditLeader), MenuItem::Leaders),
            ]);
        }
        _ => {}
    }
    items
}

/// The leaders to choose one to edit from.
pub fn leaders_menu(m: &Model) -> Vec<(String, MenuItem)> {
    m.people
        .leaders
        .iter()
        .map(|l| {
            let mut label = format!("{} · {}", l.name, m.lang.leader_title(l.title));
            if !l.active {
                label.push_str(&format!(" ({})", m.lang.ui(Ui::Inactive)));
            }
            (label, MenuItem::Open(FormKind::EditLeader(l.id)))
        })
        .collect()
}
