//! Links between screens (task → meeting → its tasks, task → unit, overview figure → its list), the
//! way back, and the `:` command line.

use super::super::command::Command;
use super::super::model::{
    Figure, Light, MeetingQuery, MeetingScope, Mode, Model, Pending, Tab, TaskQuery, TaskState,
    UnitQuery,
};
use super::lists::{refilter_units, unit_matches};
use super::{error, info, switch};
use crate::i18n::Ui;

/// Shows the ledger with a new query, from the top.
pub(super) fn show_tasks(m: &mut Model, query: TaskQuery) -> Vec<Command> {
    m.task_query = TaskQuery {
        sort: m.task_query.sort,
        ..query
    };
    m.tasks.loaded = false;
    m.tasks.cursor = 0;
    m.tasks.top = 0;
    m.tasks.selected = None;
    switch(m, Tab::Tasks)
}

pub(super) fn show_meetings(
    m: &mut Model,
    query: MeetingQuery,
    select: Option<i64>,
) -> Vec<Command> {
    m.meeting_query = query;
    m.meetings.loaded = false;
    m.meetings.cursor = 0;
    m.meetings.top = 0;
    m.meetings.selected = select;
    switch(m, Tab::Meetings)
}

pub(super) fn show_unit(m: &mut Model, id: i64) -> Vec<Command> {
    m.unit_query = UnitQuery::default();
    m.units.selected = Some(id);
    let mut cmds = switch(m, Tab::Units);
    if m.units.loaded {
        cmds.extend(refilter_units(m));
    }
    cmds
}

/// Enter: follow the selection's main link.
pub(super) fn open(m: &mut Model) -> Vec<Command> {
    match m.tab {
        Tab::Reports => super::reports::open(m),
        Tab::Overview => {
            let Some(figure) = Figure::ALL.get(m.overview_cursor).copied() else {
                return Vec::new();
            };
            m.back.push(m.location());
            let week_end = m.overview.as_ref().map(|o| o.week_end);
            let tasks = |light, state| TaskQuery {
                light,
                state,
                ..TaskQuery::default()
            };
            match figure {
                Figure::Red => show_tasks(m, tasks(Some(Light::Red), None)),
                Figure::Yellow => show_tasks(m, tasks(Some(Light::Yellow), None)),
                Figure::ExplanationsDue => {
                    show_tasks(m, tasks(None, Some(TaskState::ExplanationDue)))
                }
                Figure::CriticismsDue => show_tasks(m, tasks(None, Some(TaskState::CriticismDue))),
                Figure::PromisesDue => show_tasks(
                    m,
                    TaskQuery {
                        promised_until: week_end,
                        ..TaskQuery::default()
                    },
                ),
                Figure::MinutesOverdue => show_meetings(
                    m,
                    MeetingQuery {
                        scope: MeetingScope::MinutesOverdue,
                        ..MeetingQuery::default()
                    },
                    None,
                ),
                Figure::FeedbackWaiting => show_meetings(
                    m,
                    MeetingQuery {
                        scope: MeetingScope::FeedbackWaiting,
                        ..MeetingQuery::default()
                    },
                    None,
                ),
                Figure::ReferralsDue => {
                    m.unit_query = UnitQuery {
                        text: String::new(),
                        referral_due: true,
                    };
                    m.units.cursor = 0;
                    m.units.selected = None;
                    let mut cmds = switch(m, Tab::Units);
                    if m.units.loaded {
                        cmds.extend(refilter_units(m));
                    }
                    cmds
                }
            }
        }
        Tab::Tasks => {
            let Some(meeting) = m.tasks.current().map(|t| t.meeting_id) else {
                return Vec::new();
            };
            m.back.push(m.location());
            show_meetings(m, MeetingQuery::default(), Some(meeting))
        }
        Tab::Meetings => {
            let Some(meeting) = m.meetings.selected else {
                return Vec::new();
            };
            m.back.push(m.location());
            show_tasks(
                m,
                TaskQuery {
                    meeting: Some(meeting),
                    ..TaskQuery::default()
                },
            )
        }
        Tab::Units => {
            let Some(unit) = m.units.current().map(|u| (u.id, u.name.clone())) else {
                return Vec::new();
            };
            m.back.push(m.location());
            show_tasks(
                m,
                TaskQuery {
                    unit: Some(unit),
                    ..TaskQuery::default()
                },
            )
        }
        _ => Vec::new(),
    }
}

/// `u`: the selected task's lead unit.
pub(super) fn open_unit(m: &mut Model) -> Vec<Command> {
    let unit = match m.tab {
        Tab::Tasks => m.tasks.current().map(|t| t.lead_unit_id),
        _ => None,
    };
    let Some(unit) = unit else {
        return Vec::new();
    };
    m.back.push(m.location());
    show_unit(m, unit)
}

/// Back to where the last link was followed from, with its filters and selections.
pub(super) fn back(m: &mut Model) -> Vec<Command> {
    let Some(loc) = m.back.pop() else {
        info(m, Ui::NothingBack, &[]);
        return Vec::new();
    };
    if loc.tasks != m.task_query || loc.task != m.tasks.selected {
        m.task_query = loc.tasks;
        m.tasks.selected = loc.task;
        m.tasks.loaded = false;
    }
    if loc.meetings != m.meeting_query || loc.meeting != m.meetings.selected {
        m.meeting_query = loc.meetings;
        m.meetings.selected = loc.meeting;
        m.meetings.loaded = false;
    }
    let units_changed = loc.units != m.unit_query || loc.unit != m.units.selected;
    m.unit_query = loc.units;
    m.units.selected = loc.unit;
    let mut cmds = switch(m, loc.tab);
    if units_changed && m.units.loaded {
        cmds.extend(refilter_units(m));
    }
    cmds
}

/// Selects the unit `name` names: the exact name, else the one unit whose name or initials hold it.
pub(super) fn select_unit(m: &mut Model, name: &str) -> Vec<Command> {
    let exact = m.all_units.iter().find(|u| u.name == name);
    let found: Vec<_> = match exact {
        Some(u) => vec![u],
        None => m
            .all_units
            .iter()
            .filter(|u| !name.is_empty() && unit_matches(&u.name, name))
            .collect(),
    };
    match found.as_slice() {
        [] => {
            error(m, Ui::NoSuchUnit, &[&name]);
            refilter_units(m)
        }
        [one, rest @ ..] => {
            let id = one.id;
            if !rest.is_empty() {
                let names: Vec<_> = found.iter().take(4).map(|u| u.name.as_str()).collect();
                info(
                    m,
                    Ui::ManyUnits,
                    &[&name, &crate::i18n::join(m.lang, &names)],
                );
            }
            m.units.selected = Some(id);
            refilter_units(m)
        }
    }
}

/// A `:` command's verb and argument: `task 22`, `事项 22`, or `事项22` (a Chinese verb needs no
/// space before its argument).
fn split_command(text: &str) -> (&str, &str) {
    if let Some((v, a)) = text.split_once(char::is_whitespace) {
        return (v, a.trim());
    }
    for verb in ["事项", "会议", "单位"] {
        if let Some(rest) = text.strip_prefix(verb) {
            return (verb, rest.trim());
        }
    }
    (text, "")
}

/// Runs a `:` command: `task N`, `meeting N`, `unit NAME`, `help`, `quit`, or in Chinese
/// `事项 N`, `会议 N`, `单位 名称`, `帮助`, `退出`.
pub(super) fn run_command(m: &mut Model, text: &str) -> Vec<Command> {
    let (verb, arg) = split_command(text.trim());
    match verb.to_ascii_lowercase().as_str() {
        "" => Vec::new(),
        "q" | "quit" | "退出" => {
            m.quit = true;
            Vec::new()
        }
        "help" | "h" | "?" | "帮助" => {
            m.mode = Mode::Help;
            Vec::new()
        }
        "task" | "t" | "事项" => match arg.trim_start_matches('#').parse::<i64>() {
            Ok(id) => {
                m.back.push(m.location());
                m.pending = Some(Pending::Task(id));
                m.task_query = TaskQuery {
                    sort: m.task_query.sort,
                    ..TaskQuery::default()
                };
                m.tasks.selected = Some(id);
                m.tasks.loaded = false;
                switch(m, Tab::Tasks)
            }
            Err(_) => {
                error(m, Ui::BadNumber, &[&arg]);
                Vec::new()
            }
        },
        "meeting" | "m" | "会议" => match arg.trim_start_matches('#').parse::<i64>() {
            Ok(id) => {
                m.back.push(m.location());
                m.pending = Some(Pending::Meeting(id));
                show_meetings(m, MeetingQuery::default(), Some(id))
            }
            Err(_) => {
                error(m, Ui::BadNumber, &[&arg]);
                Vec::new()
            }
        },
        "unit" | "u" | "单位" if !arg.is_empty() => {
            m.back.push(m.location());
            m.unit_query = UnitQuery::default();
            let mut cmds = switch(m, Tab::Units);
            if m.units.loaded {
                cmds.extend(select_unit(m, arg));
            } else {
                m.pending = Some(Pending::Unit(arg.to_string()));
            }
            cmds
        }
        _ => {
            error(m, Ui::UnknownCommand, &[&text]);
            Vec::new()
        }
    }
}
