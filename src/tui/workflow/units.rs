//! Units and county leaders (added, edited, deactivated — never deleted once they have history),
//! and the referral steps of R5.7.

use super::{FormKind, leader_name, leader_options, opt};
use chrono::NaiveDate;

use crate::domain::criticism::unit_criticisms;
use crate::i18n::{Chn, Ui};
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Values};
use crate::tui::model::{
    Leader, LeaderTitle, Model, NewUnit, ReferralStatus, ReferralStep, Unit, UnitKind,
};

pub fn unit(m: &Model, kind: &FormKind) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let kinds = UnitKind::ALL
        .iter()
        .map(|k| m.lang.unit_kind(*k).to_string())
        .collect();
    let existing = match kind {
        FormKind::EditUnit(id) => Some(m.people.units.iter().find(|u| u.id == *id)?.clone()),
        _ => None,
    };
    let u = existing.clone().unwrap_or(Unit {
        id: 0,
        name: String::new(),
        kind: UnitKind::Township,
        main_leader: None,
        contact: None,
        active: true,
        version: 0,
    });
    let chosen = UnitKind::ALL.iter().position(|k| *k == u.kind).unwrap_or(0);
    let mut fields = vec![
        Field::text("name", l(Ui::FName)).value(&u.name).required(),
        Field::choice("kind", l(Ui::FKind), kinds, chosen),
        Field::text("main_leader", l(Ui::FMainLeader)).value(opt(&u.main_leader)),
        Field::text("contact", l(Ui::FContact)).value(opt(&u.contact)),
    ];
    if existing.is_some() {
        fields.push(Field::check("active", l(Ui::FActive), u.active));
    }
    let title = l(if existing.is_some() {
        Ui::StepEditUnit
    } else {
        Ui::StepNewUnit
    });
    let form = Form::new(kind.clone(), title, fields);
    Some(match existing {
        Some(u) => form.with_version(u.version),
        None => form,
    })
}

pub fn save_unit(m: &Model, kind: &FormKind, v: &mut Values) -> Option<Write> {
    let name = v.must_text("name");
    let unit_kind = UnitKind::ALL[v.choice("kind").min(UnitKind::ALL.len() - 1)];
    let main_leader = v.text("main_leader");
    let contact = v.text("contact");
    match kind {
        FormKind::EditUnit(id) => {
            let before = m.people.units.iter().find(|u| u.id == *id)?;
            Some(Write::UpdateUnit(Unit {
                id: *id,
                name,
                kind: unit_kind,
                main_leader,
                contact,
                active: v.checked("active"),
                version: v.form.version.unwrap_or(before.version),
            }))
        }
        _ => Some(Write::AddUnit(NewUnit {
            name,
            kind: unit_kind,
            main_leader,
            contact,
        })),
    }
}

pub fn leader(m: &Model, kind: &FormKind) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let titles = LeaderTitle::ALL
        .iter()
        .map(|t| m.lang.leader_title(*t).to_string())
        .collect();
    let existing = match kind {
        FormKind::EditLeader(id) => Some(m.people.leaders.iter().find(|x| x.id == *id)?.clone()),
        _ => None,
    };
    let (name, title, liaison, active) = match &existing {
        Some(x) => (
            x.name.clone(),
            x.title,
            leader_name(m, x.liaison_id),
            x.active,
        ),
        None => (String::new(), LeaderTitle::DeputyHead, String::new(), true),
    };
    let chosen = LeaderTitle::ALL
        .iter()
        .position(|t| *t == title)
        .unwrap_or(0);
    let mut fields = vec![
        Field::text("name", l(Ui::FName)).value(name).required(),
        Field::choice("title", l(Ui::FTitle), titles, chosen),
        Field::pick("liaison", l(Ui::FLiaison), leader_options(m), false).value(liaison),
    ];
    if existing.is_some() {
        fields.push(Field::check("active", l(Ui::FActive), active));
    }
    let heading = l(if existing.is_some() {
        Ui::StepEditLeader
    } else {
        Ui::StepNewLeader
    });
    let form = Form::new(kind.clone(), heading, fields);
    Some(match existing {
        Some(x) => form.with_version(x.version),
        None => form,
    })
}

pub fn save_leader(m: &Model, kind: &FormKind, v: &mut Values) -> Option<Write> {
    let name = v.must_text("name");
    let title = LeaderTitle::ALL[v.choice("title").min(LeaderTitle::ALL.len() - 1)];
    let liaison = v.name("liaison");
    match kind {
        FormKind::EditLeader(id) => {
            let before = m.people.leaders.iter().find(|x| x.id == *id)?;
            let liaison_id = liaison
                .as_ref()
                .and_then(|n| m.people.leaders.iter().find(|x| &x.name == n))
                .map(|x| x.id);
            if liaison_id == Some(*id) {
                v.refuse("liaison", Ui::ErrSelfLiaison, &[]);
            }
            Some(Write::UpdateLeader(Leader {
                id: *id,
                name,
                title,
                liaison_id,
                active: v.checked("active"),
                version: v.form.version.unwrap_or(before.version),
            }))
        }
        _ => Some(Write::AddLeader {
            name,
            title,
            liaison,
        }),
    }
}

/// The steps a referral in `status` can take next (none: a new proposal).
fn next_steps(status: Option<ReferralStatus>) -> Vec<Ui> {
    match status {
        None | Some(ReferralStatus::Concluded | ReferralStatus::NotReferred) => {
            vec![Ui::RefPropose]
        }
        Some(ReferralStatus::Proposed) => vec![Ui::RefApprove, Ui::RefNotRefer],
        Some(ReferralStatus::Approved) => vec![Ui::RefRefer, Ui::RefNotRefer],
        Some(ReferralStatus::Referred) => vec![Ui::RefConclude],
    }
}

/// The unit's referral still in progress, if any, with its status.
fn open_referral(m: &Model, unit: i64) -> Option<(i64, ReferralStatus)> {
    let d = m.unit_detail.as_ref().filter(|d| d.unit.id == unit)?;
    d.referrals
        .iter()
        .map(|r| (r.id, r.status()))
        .rfind(|(_, s)| !matches!(s, ReferralStatus::Concluded | ReferralStatus::NotReferred))
}

/// What the text of step `step` is: the proposal's reason, the approval, the decision, the
/// outcome or the reason not to refer (all but the proposal's are required).
fn step_text(step: Ui) -> (Chn, bool) {
    match step {
        Ui::RefApprove => (Chn::FApproval, true),
        Ui::RefRefer => (Chn::FDecision, true),
        Ui::RefConclude => (Chn::FOutcome, true),
        Ui::RefNotRefer => (Chn::FNotReferReason, true),
        _ => (Chn::FProposalReason, false),
    }
}

/// R5.7: why the unit may not be proposed for referral on `on`, if it may not.
fn not_due(m: &Model, unit: i64, on: NaiveDate) -> Option<String> {
    let d = m.unit_detail.as_ref().filter(|d| d.unit.id == unit)?;
    let dates: Vec<NaiveDate> = d.criticisms.iter().map(|c| c.criticism.date).collect();
    let c = unit_criticisms(&dates, &d.referrals, on);
    (!c.referral_due).then(|| {
        m.lang.not_referral_due(
            &d.unit.name,
            on,
            c.rolling_year,
            c.calendar_year,
            c.settled_on.map(|s| (s, c.since_settled)),
        )
    })
}

pub fn referral(m: &Model, unit: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui_fill(u, &[&m.referral_body]);
    let detail = m.unit_detail.as_ref().filter(|d| d.unit.id == unit)?;
    let status = open_referral(m, unit).map(|(_, s)| s);
    let steps = next_steps(status).into_iter().map(l).collect();
    let title = format!("{} · {}", l(Ui::StepReferral), detail.unit.name);
    let fields = vec![
        Field::choice("step", l(Ui::FStep), steps, 0),
        Field::date("date", l(Ui::FDate))
            .value(m.today.to_string())
            .required(),
        Field::long("reason", l(Ui::FReasonOutcome)),
    ];
    let mut form = Form::new(FormKind::Referral(unit), title, fields);
    // R5.7: say at once when the unit is not due for a proposal.
    if status.is_none() {
        form.error = not_due(m, unit, m.today);
    }
    Some(form)
}

/// The text field says what the chosen step keeps, and whether it is required.
pub fn referral_hints(m: &Model, unit: i64, form: &mut Form) {
    let steps = next_steps(open_referral(m, unit).map(|(_, s)| s));
    let choice = form.field("step").map_or(0, |f| f.choice);
    let Some(step) = steps.get(choice).copied() else {
        return;
    };
    let (what, required) = step_text(step);
    if let Some(f) = form.field_mut("reason") {
        f.required = required;
        f.hint = Some(crate::tui::form::Hint {
            text: m.lang.chn(what).to_string(),
            light: None,
        });
    }
}

pub fn save_referral(m: &Model, unit: i64, v: &mut Values) -> Option<Write> {
    let date = v.must_fact_date("date");
    let open = open_referral(m, unit);
    let steps = next_steps(open.map(|(_, s)| s));
    let step = *steps.get(v.choice("step"))?;
    let (_, required) = step_text(step);
    let text = v.text("reason");
    if required && text.is_none() {
        v.refuse("reason", Ui::ErrRequired, &[]);
    }
    let name = m.unit_detail.as_ref()?.unit.name.clone();
    let id = open.map(|(id, _)| id).unwrap_or(0);
    let text = text.unwrap_or_default();
    Some(Write::Referral(match step {
        Ui::RefApprove => ReferralStep::Approve {
            id,
            date,
            approval: text,
        },
        Ui::RefRefer => ReferralStep::Refer {
            id,
            date,
            decision: text,
        },
        Ui::RefConclude => ReferralStep::Conclude {
            id,
            date,
            outcome: text,
        },
        Ui::RefNotRefer => ReferralStep::NotRefer {
            id,
            date,
            reason: text,
        },
        _ => {
            if let Some(why) = not_due(m, unit, date)
                && let Some(f) = v.form.field_mut("date")
            {
                f.error.get_or_insert(why);
            }
            ReferralStep::Propose {
                unit: name,
                date,
                reason: (!text.is_empty()).then_some(text),
            }
        }
    }))
}
