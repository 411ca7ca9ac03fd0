//! A meeting before and at the table: the plan (R2.1), its notice (R2.2), the attendees confirmed
//! beforehand (R2.3), and attendance as it happened (R3).

use super::{FormKind, leader_name, leader_options, opt, opt_date, unit_options};
use crate::domain::meeting::{NoticeStatus, notice_deadline, notice_status};
use crate::i18n::{Frm, Ui};
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Hint, Values};
use crate::tui::model::{AttendanceOutcome, Light, MeetingDetail, Model, NewMeeting};

/// The meeting's detail when it is the one loaded.
fn detail(m: &Model, id: i64) -> Option<&MeetingDetail> {
    m.meeting_detail.as_ref().filter(|d| d.meeting.id == id)
}

pub fn plan(m: &Model, kind: &FormKind) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = match kind {
        FormKind::EditMeeting(id) => Some(detail(m, *id)?),
        _ => None,
    };
    let meeting = d.map(|d| &d.meeting);
    let units: Vec<&str> = d
        .map(|d| d.attendance.iter().map(|(n, _)| n.as_str()).collect())
        .unwrap_or_default();
    let fields = vec![
        Field::long("topics", l(Ui::FTopics))
            .value(meeting.map(|x| x.topics.join("\n")).unwrap_or_default())
            .required(),
        Field::text("number", l(Ui::FNumber))
            .value(meeting.map(|x| opt(&x.number)).unwrap_or_default()),
        Field::pick("chair", l(Ui::FChair), leader_options(m), false).value(
            meeting
                .map(|x| leader_name(m, x.chair_id))
                .unwrap_or_default(),
        ),
        Field::pick("liaison", l(Ui::FLiaison), leader_options(m), false).value(
            meeting
                .map(|x| leader_name(m, x.liaison_id))
                .unwrap_or_default(),
        ),
        Field::date("date", l(Ui::FMeetingDate))
            .value(meeting.map(|x| x.date.to_string()).unwrap_or_default())
            .required(),
        Field::new("time", l(Ui::FTime), crate::tui::form::FieldKind::Time).value(
            meeting
                .and_then(|x| x.time)
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        Field::text("place", l(Ui::FPlace))
            .value(meeting.map(|x| opt(&x.place)).unwrap_or_default()),
        Field::pick("units", l(Ui::FUnits), unit_options(m), true).value(if units.is_empty() {
            String::new()
        } else {
            format!("{}、", units.join("、"))
        }),
        Field::date("notice_date", l(Ui::FNoticeDate))
            .value(meeting.map(|x| opt_date(x.notice_date)).unwrap_or_default()),
        Field::check(
            "emergency",
            l(Ui::FEmergency),
            meeting.is_some_and(|x| x.emergency),
        ),
        // The county leader who approves the plan: completed from the leaders, any name kept.
        Field::pick(
            "plan_approved_by",
            l(Ui::FApprovedBy),
            leader_options(m),
            false,
        )
        .value(
            meeting
                .map(|x| opt(&x.plan_approved_by))
                .unwrap_or_default(),
        ),
        Field::date("plan_approved_on", l(Ui::FApprovedOn)).value(
            meeting
                .map(|x| opt_date(x.plan_approved_on))
                .unwrap_or_default(),
        ),
    ];
    let title = l(if meeting.is_some() {
        Ui::StepPlan
    } else {
        Ui::StepNewMeeting
    });
    let form = Form::new(kind.clone(), title, fields);
    Some(match meeting {
        Some(x) => form.with_version(x.version),
        None => form,
    })
}

/// The liaison director comes with the chair (each county leader has one): filled in while the
/// field is empty or still holds what the form filled, said beside it.
fn liaison_from_chair(m: &Model, form: &mut Form) {
    let chair = form
        .field("chair")
        .map(|f| f.text_value().trim().to_string());
    let liaison = chair
        .and_then(|c| m.people.leaders.iter().find(|l| l.name == c))
        .map(|c| (c.name.clone(), leader_name(m, c.liaison_id)))
        .filter(|(_, l)| !l.is_empty());
    let Some(f) = form.field_mut("liaison") else {
        return;
    };
    let ours = f.text_value().trim().is_empty() || f.filled.as_deref() == Some(f.text_value());
    if !ours {
        f.filled = None;
        f.hint = None;
        return;
    }
    match liaison {
        Some((chair, name)) => {
            if f.text_value() != name {
                f.input = name.clone().into();
                f.selected = false;
            }
            f.filled = Some(name);
            f.hint = Some(Hint {
                text: m.lang.frm_fill(Frm::FilledFromChair, &[&chair]),
                light: None,
            });
        }
        None => {
            if f.filled.take().is_some() {
                f.input.reset();
            }
            f.hint = None;
        }
    }
}

/// R2.2 beside the notice date: the last day it may go out, and whether this one is late.
pub fn hints(m: &Model, form: &mut Form) {
    liaison_from_chair(m, form);
    let read = |key: &str| {
        form.field(key).and_then(|f| {
            crate::domain::parse_date_input(f.text_value(), m.today, m.calendar.as_ref()).ok()
        })
    };
    let (Some(date), notice) = (read("date"), read("notice_date")) else {
        return;
    };
    let emergency = form.field("emergency").is_some_and(|f| f.checked());
    let deadline = notice_deadline(m.calendar.as_ref(), &m.thresholds, date);
    let status = notice_status(
        m.calendar.as_ref(),
        &m.thresholds,
        date,
        notice,
        emergency,
        m.today,
    );
    let hint = match status {
        NoticeStatus::Late | NoticeStatus::Missing => Hint {
            text: m
                .lang
                .ui_fill(Ui::NoticeLateHint, &[&m.lang.deadline(deadline)]),
            light: Some(Light::Red),
        },
        _ => Hint {
            text: m
                .lang
                .ui_fill(Ui::NoticeByHint, &[&m.lang.deadline(deadline)]),
            light: None,
        },
    };
    if let Some(f) = form.field_mut("notice_date") {
        // After the date a `+N` stands for, if any.
        f.hint = Some(match f.hint.take() {
            Some(date) => Hint {
                text: format!("{} · {}", date.text, hint.text),
                light: hint.light,
            },
            None => hint,
        });
    }
}

pub fn save_plan(kind: &FormKind, v: &mut Values) -> Option<Write> {
    let topics: Vec<String> = v
        .must_text("topics")
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let plan = NewMeeting {
        number: v.text("number"),
        topics,
        chair: v.name("chair"),
        liaison: v.name("liaison"),
        date: Some(v.must_date("date")),
        time: v.time("time"),
        place: v.text("place"),
        notice_date: v.date("notice_date"),
        emergency: v.checked("emergency"),
        units: v.names("units"),
        plan_approved_by: v.text("plan_approved_by"),
        plan_approved_on: v.date("plan_approved_on"),
    };
    // R2.1/R2.2: the notice and the plan's approval on or before the meeting, as the store holds.
    if let Some(date) = plan.date {
        v.order(
            None,
            crate::domain::order::plan(date, plan.notice_date, plan.plan_approved_on),
        );
    }
    Some(match kind {
        FormKind::EditMeeting(id) => Write::UpdateMeeting {
            id: *id,
            expected: v.form.version.unwrap_or(0),
            plan,
        },
        _ => Write::AddMeeting(plan),
    })
}

/// R2.3: one line per participating unit: attendee, role, confirmed.
pub fn confirm(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = detail(m, id)?;
    let mut fields = Vec::new();
    for (unit, a) in &d.attendance {
        fields.push(Field::check("confirmed", unit.clone(), a.confirmed));
        fields.push(
            Field::text("attendee", l(Ui::FAttendee))
                .value(opt(&a.attendee))
                .column(14),
        );
        fields.push(
            Field::text("role", l(Ui::FRole))
                .value(opt(&a.role))
                .column(16),
        );
    }
    let title = format!("{} · {}", l(Ui::StepConfirm), d.meeting.date);
    let mut form = Form::new(FormKind::Confirm(id), title, fields);
    form.columns = [
        Frm::ColUnit,
        Frm::ColConfirmed,
        Frm::ColAttendee,
        Frm::ColRole,
    ]
    .map(|c| m.lang.frm(c).to_string())
    .to_vec();
    Some(form)
}

pub fn save_confirm(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let d = detail(m, id)?;
    let mut rows = Vec::new();
    for (i, (unit, a)) in d.attendance.iter().enumerate() {
        let f = &v.form.fields[i * 3..i * 3 + 3];
        let confirmed = f[0].checked();
        let attendee = Some(f[1].text_value().trim().to_string()).filter(|s| !s.is_empty());
        let role = Some(f[2].text_value().trim().to_string()).filter(|s| !s.is_empty());
        if (confirmed, &attendee, &role) != (a.confirmed, &a.attendee, &a.role) {
            rows.push((unit.clone(), attendee, role, confirmed));
        }
    }
    Some(Write::Confirm { meeting: id, rows })
}

/// The four outcomes of R3, in the order of their keys 1–4.
pub const OUTCOMES: [AttendanceOutcome; 4] = [
    AttendanceOutcome::LeaderAttended,
    AttendanceOutcome::AuthorisedRepresentative,
    AttendanceOutcome::Absent,
    AttendanceOutcome::UnauthorisedSubstitute,
];

/// R3: one line per unit: the outcome (keys 1–4, then the next unit), attendee and role.
pub fn attendance(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = detail(m, id)?;
    let mut options = vec![l(Ui::NotRecorded)];
    options.extend(
        OUTCOMES
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{} {}", i + 1, m.lang.attendance(*o))),
    );
    let mut fields = Vec::new();
    for (unit, a) in &d.attendance {
        let chosen = a
            .outcome
            .and_then(|o| OUTCOMES.iter().position(|x| *x == o))
            .map_or(0, |i| i + 1);
        // Keys 1–4 choose the outcomes themselves; "not recorded" is reached with ←.
        fields.push(Field::choice(
            "outcome",
            unit.clone(),
            options.clone(),
            chosen,
        ));
        fields.push(
            Field::text("attendee", l(Ui::FAttendee))
                .value(opt(&a.attendee))
                .column(12),
        );
        fields.push(
            Field::text("role", l(Ui::FRole))
                .value(opt(&a.role))
                .column(12),
        );
    }
    let title = format!("{} · {}", l(Ui::StepAttendance), d.meeting.date);
    let mut form = Form::new(FormKind::Attendance(id), title, fields);
    form.columns = [
        Frm::ColUnit,
        Frm::ColOutcome,
        Frm::ColAttendee,
        Frm::ColRole,
    ]
    .map(|c| m.lang.frm(c).to_string())
    .to_vec();
    // What 1–4 mean, above the grid.
    let legend = OUTCOMES
        .iter()
        .enumerate()
        .map(|(i, o)| format!("{} {}", i + 1, m.lang.attendance(*o)))
        .collect::<Vec<_>>()
        .join("  ");
    form.notes
        .push(m.lang.frm_fill(Frm::OutcomeLegend, &[&legend]));
    // R3: a meeting not yet held says so on opening, not only when saved.
    if crate::domain::order::attendance(d.meeting.date, m.today).is_err() {
        form.error = Some(m.lang.frm_fill(Frm::NotHeldYet, &[&d.meeting.date]));
    }
    Some(form)
}

pub fn save_attendance(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let d = detail(m, id)?;
    // R3: attendance is recorded once the meeting has been held.
    if let Err(o) = crate::domain::order::attendance(d.meeting.date, m.today) {
        let text = m.lang.out_of_order(&o);
        v.form.error = Some(text);
        v.refuse("outcome", Ui::ErrMeetingNotHeld, &[]);
        return None;
    }
    let mut rows = Vec::new();
    for (i, (unit, a)) in d.attendance.iter().enumerate() {
        let f = &v.form.fields[i * 3..i * 3 + 3];
        let Some(outcome) = f[0].choice.checked_sub(1).map(|c| OUTCOMES[c.min(3)]) else {
            continue;
        };
        let attendee = Some(f[1].text_value().trim().to_string()).filter(|s| !s.is_empty());
        let role = Some(f[2].text_value().trim().to_string()).filter(|s| !s.is_empty());
        if (Some(outcome), &attendee, &role) != (a.outcome, &a.attendee, &a.role) {
            rows.push((unit.clone(), outcome, attendee, role));
        }
    }
    Some(Write::Attendance { meeting: id, rows })
}
