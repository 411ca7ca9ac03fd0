//! Tasks decided at a meeting (R4.1): several typed at once, one per line, then for each its lead
//! unit, co-units, responsible leader and limit (R5.1 a date, R5.2 the default or an exemption).

use super::{FormKind, leader_options, unit_options};
use crate::domain::Deadline;
use crate::i18n::Ui;
use crate::tui::command::Write;
use crate::tui::form::{Field, Form, Hint, Values};
use crate::tui::model::{ExemptCategory, Limit, Model, NewTask};

/// The fields of one task after the lines field: lead, co-units, leader, limit.
const GROUP: usize = 4;

/// A limit as typed: blank or 默认/default, a date, or an exemption category.
pub fn parse_limit(m: &Model, s: &str) -> Option<Limit> {
    let t = s.trim();
    if t.is_empty() || t == "默认" || t.eq_ignore_ascii_case("default") {
        return Some(Limit::Default);
    }
    if let Ok(d) = crate::domain::parse_date_input(t, m.today, m.calendar.as_ref()) {
        return Some(Limit::Date(d));
    }
    let t = t
        .strip_prefix("exempt:")
        .or_else(|| t.strip_prefix("不设:"))
        .unwrap_or(t);
    ExemptCategory::parse(t)
        .or_else(|| {
            ExemptCategory::ALL
                .into_iter()
                .find(|c| !t.is_empty() && (c.zh().starts_with(t) || c.code().starts_with(t)))
        })
        .map(Limit::Exempt)
}

/// What a typed limit means, beside the field: the computed date of the default (R5.2).
fn limit_hint(m: &Model, text: &str, issued: Option<chrono::NaiveDate>) -> Option<Hint> {
    let limit = parse_limit(m, text)?;
    let t = &m.thresholds;
    let text = match limit {
        Limit::Default => match issued {
            Some(on) => {
                let due =
                    Deadline::workdays_after(m.calendar.as_ref(), on, t.default_limit_workdays);
                m.lang.ui_fill(
                    Ui::LimitDefaultHint,
                    &[&t.default_limit_workdays, &m.lang.deadline(due)],
                )
            }
            None => m
                .lang
                .ui_fill(Ui::LimitDefaultPending, &[&t.default_limit_workdays]),
        },
        Limit::Date(d) => format!(
            "= {}",
            m.lang.ui_fill(
                Ui::DateWeekday,
                &[&super::shown_date(m, d, Some(d)), &super::weekday(m, d)]
            )
        ),
        Limit::Exempt(c) => m
            .lang
            .ui_fill(Ui::LimitExemptHint, &[&m.lang.exempt_category(c)]),
    };
    Some(Hint { text, light: None })
}

fn issued_on(m: &Model, meeting: i64) -> Option<chrono::NaiveDate> {
    m.meeting_detail
        .as_ref()
        .filter(|d| d.meeting.id == meeting)
        .and_then(|d| d.minutes_record.as_ref())
        .and_then(|x| x.issued_on)
}

fn group(m: &Model, i: usize, text: &str) -> Vec<Field> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    vec![
        Field::pick(format!("lead#{i}"), l(Ui::FLead), unit_options(m), false)
            .required()
            .heading(format!("{}. {}", i + 1, text)),
        Field::pick(format!("co#{i}"), l(Ui::FCoUnits), unit_options(m), true),
        Field::pick(
            format!("leader#{i}"),
            l(Ui::FLeader),
            leader_options(m),
            false,
        ),
        Field::text(format!("limit#{i}"), l(Ui::FLimit)),
    ]
}

pub fn new_tasks(m: &Model, meeting: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let topic = m
        .meeting_detail
        .as_ref()
        .filter(|d| d.meeting.id == meeting)
        .map(|d| {
            format!(
                "{} {}",
                d.meeting.date,
                d.meeting.topics.first().cloned().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| format!("#{meeting}"));
    let fields = vec![Field::long("lines", l(Ui::FTaskLines)).required()];
    Some(Form::new(
        FormKind::NewTasks(meeting),
        format!("{} · {topic}", l(Ui::StepTasks)),
        fields,
    ))
}

fn lines(form: &Form) -> Vec<String> {
    form.fields[0]
        .text_value()
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Keeps one group of fields per typed line (values kept by position), and the limits' notes.
pub fn hints(m: &Model, meeting: Option<i64>, form: &mut Form) {
    if let FormKind::NewTasks(_) = form.kind {
        let lines = lines(form);
        let have = (form.fields.len() - 1) / GROUP;
        if have != lines.len() {
            let mut fields = vec![form.fields[0].clone()];
            for (i, text) in lines.iter().enumerate() {
                let mut g = group(m, i, text);
                if i < have {
                    for (j, f) in g.iter_mut().enumerate() {
                        f.input = form.fields[1 + i * GROUP + j].input.clone();
                    }
                }
                fields.extend(g);
            }
            form.fields = fields;
            form.focus = form.focus.min(form.fields.len() - 1);
        }
        for (i, text) in lines.iter().enumerate() {
            form.fields[1 + i * GROUP].heading = Some(format!("{}. {}", i + 1, text));
        }
    }
    let meeting = meeting.or_else(|| match form.kind {
        FormKind::EditTask(id) => m
            .task_detail
            .as_ref()
            .filter(|d| d.row.id == id)
            .map(|d| d.row.meeting_id),
        _ => None,
    });
    let issued = meeting.and_then(|id| issued_on(m, id));
    for f in form
        .fields
        .iter_mut()
        .filter(|f| f.key.starts_with("limit"))
    {
        f.hint = limit_hint(m, f.text_value(), issued);
    }
}

/// Reads one task's fields (`sfx` is `#i` in a batch, empty when editing one task).
fn read_task(m: &Model, v: &mut Values, meeting: i64, text: String, sfx: &str) -> NewTask {
    let lead = v.name(&format!("lead{sfx}")).unwrap_or_default();
    let co_units = v.names(&format!("co{sfx}"));
    if co_units.contains(&lead) {
        v.refuse(&format!("co{sfx}"), Ui::ErrLeadIsCo, &[&lead]);
    }
    let leader = v.name(&format!("leader{sfx}"));
    let key = format!("limit{sfx}");
    let typed = v
        .form
        .field(&key)
        .map(|f| f.text_value().to_string())
        .unwrap_or_default();
    let limit = parse_limit(m, &typed).unwrap_or_else(|| {
        v.refuse(&key, Ui::ErrLimit, &[&typed]);
        Limit::Default
    });
    NewTask {
        meeting_id: meeting,
        text,
        lead_unit: lead,
        co_units,
        leader,
        limit,
    }
}

pub fn save_new(meeting: i64, m: &Model, v: &mut Values) -> Option<Write> {
    v.within_limit("lines");
    let lines = lines(v.form);
    if lines.is_empty() {
        v.refuse("lines", Ui::ErrRequired, &[]);
        return None;
    }
    let tasks = lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| read_task(m, v, meeting, text, &format!("#{i}")))
        .collect();
    Some(Write::AddTasks(tasks))
}

pub fn edit(m: &Model, id: i64) -> Option<Form> {
    let l = |u: Ui| m.lang.ui(u).to_string();
    let d = m.task_detail.as_ref().filter(|d| d.row.id == id)?;
    let r = &d.row;
    let limit = match r.limit {
        Limit::Default => String::new(),
        Limit::Date(d) => d.to_string(),
        Limit::Exempt(c) => m.lang.exempt_category(c).to_string(),
    };
    let co = if r.co_units.is_empty() {
        String::new()
    } else {
        format!("{}、", r.co_units.join("、"))
    };
    let fields = vec![
        Field::long("text", l(Ui::FTaskText))
            .value(&r.text)
            .required(),
        Field::pick("lead", l(Ui::FLead), unit_options(m), false)
            .value(&r.lead_unit)
            .required(),
        Field::pick("co", l(Ui::FCoUnits), unit_options(m), true).value(co),
        Field::pick("leader", l(Ui::FLeader), leader_options(m), false)
            .value(r.leader.clone().unwrap_or_default()),
        Field::text("limit", l(Ui::FLimit)).value(limit),
    ];
    let title = format!("{} #{id}", l(Ui::StepEditTask));
    Some(Form::new(FormKind::EditTask(id), title, fields).with_version(r.version))
}

pub fn save_edit(m: &Model, id: i64, v: &mut Values) -> Option<Write> {
    let meeting = m
        .task_detail
        .as_ref()
        .filter(|d| d.row.id == id)?
        .row
        .meeting_id;
    let text = v.must_text("text");
    let edit = read_task(
        m,
        v,
        meeting,
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        "",
    );
    Some(Write::UpdateTask {
        id,
        expected: v.form.version.unwrap_or(0),
        edit,
    })
}
