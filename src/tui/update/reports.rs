//! The reports tab and presentation mode: the period, the cursor over the figures, opening the
//! list behind a figure, and the slides.

use super::super::action::Action;
use super::super::command::Command;
use super::super::export::ExportWhat;
use super::super::model::{
    Drill, MeetingClass, MeetingQuery, Menu, Mode, Model, Period, Report, Slide, Tab, TaskQuery,
    lines,
};
use super::super::workflow::MenuItem;
use super::jump::{show_meetings, show_tasks, show_unit};
use crate::i18n::Ui;

/// The period the tab shows.
pub(super) fn period(m: &Model) -> Period {
    m.reports
        .custom
        .unwrap_or_else(|| m.reports.kind.around(m.today))
}

/// Loads the report when it is missing or of another period.
pub(super) fn ensure_loaded(m: &mut Model) -> Vec<Command> {
    let want = period(m);
    match &m.reports.report {
        Some(r) if r.period == want => Vec::new(),
        _ => vec![Command::LoadReport(want)],
    }
}

pub(super) fn loaded(m: &mut Model, report: Report, taken_at: String) {
    if report.period == period(m) {
        m.reports.report = Some(report);
        m.reports.taken_at = taken_at;
        fix_cursor(m, 0);
    }
}

/// The drillable lines (figures, not headings) of the loaded report.
fn figure_lines(m: &Model) -> Vec<usize> {
    m.reports.report.as_ref().map_or_else(Vec::new, |r| {
        lines(r, m.lang)
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.heading)
            .map(|(i, _)| i)
            .collect()
    })
}

/// Keeps the cursor on a figure: the nearest one at or after `cursor` (or before, at the end).
fn fix_cursor(m: &mut Model, dir: isize) {
    let figures = figure_lines(m);
    let c = m.reports.cursor;
    m.reports.cursor = match dir {
        d if d < 0 => figures
            .iter()
            .rev()
            .find(|&&i| i < c)
            .or(figures.first())
            .copied(),
        d if d > 0 => figures.iter().find(|&&i| i > c).or(figures.last()).copied(),
        _ => figures
            .iter()
            .find(|&&i| i >= c)
            .or(figures.last())
            .copied(),
    }
    .unwrap_or(0);
}

pub(super) fn navigate(m: &mut Model, action: &Action) -> Vec<Command> {
    match action {
        Action::Up | Action::Left => fix_cursor(m, -1),
        Action::Down | Action::Right => fix_cursor(m, 1),
        Action::PageUp => {
            for _ in 0..10 {
                fix_cursor(m, -1);
            }
        }
        Action::PageDown => {
            for _ in 0..10 {
                fix_cursor(m, 1);
            }
        }
        Action::Top => {
            m.reports.cursor = 0;
            fix_cursor(m, 0);
        }
        Action::Bottom => {
            m.reports.cursor = usize::MAX;
            fix_cursor(m, 0);
        }
        _ => {}
    }
    Vec::new()
}

/// `s` on the reports tab: month → quarter → year.
pub(super) fn cycle_period(m: &mut Model) -> Vec<Command> {
    m.reports.kind = match m.reports.custom.take() {
        Some(_) => m.reports.kind,
        None => m.reports.kind.next(),
    };
    m.reports.cursor = 0;
    ensure_loaded(m)
}

/// Enter: the list behind the figure under the cursor.
pub(super) fn open(m: &mut Model) -> Vec<Command> {
    let Some(r) = &m.reports.report else {
        return Vec::new();
    };
    let period = r.period;
    let Some(drill) = lines(r, m.lang)
        .into_iter()
        .nth(m.reports.cursor)
        .and_then(|l| l.drill)
    else {
        return Vec::new();
    };
    m.back.push(m.location());
    match drill {
        Drill::Tasks { slice, light, unit } => show_tasks(
            m,
            TaskQuery {
                slice,
                light,
                unit,
                ..TaskQuery::default()
            },
        ),
        Drill::Meetings(class) => vec![Command::LoadReportMeetings(period, class)],
        Drill::Unit(id) => show_unit(m, id),
    }
}

/// The meetings behind a figure, loaded: show them.
pub(super) fn meetings_loaded(
    m: &mut Model,
    period: Period,
    class: MeetingClass,
    ids: std::sync::Arc<[i64]>,
) -> Vec<Command> {
    let query = MeetingQuery {
        report: Some((class, period, ids)),
        ..MeetingQuery::default()
    };
    show_meetings(m, query, None)
}

/// `x`: the ledger as filtered, or the report of the period as .xlsx; on the reports tab, a
/// choice of the report or the status bulletin of the period (R5.4).
pub(super) fn export(m: &mut Model) -> Vec<Command> {
    let what = match (m.tab, m.meetings.selected, m.units.selected) {
        (Tab::Tasks, ..) => ExportWhat::Ledger {
            filter: m.task_query.filter(),
            scope: ledger_scope(m),
        },
        (Tab::Reports, ..) => {
            let p = period(m);
            let l = m.lang;
            m.menu = Some(Menu {
                title: l.ui(Ui::ExportMenuTitle).to_string(),
                items: vec![
                    (
                        l.ui(Ui::ExportReportItem).to_string(),
                        MenuItem::Export(ExportWhat::Report(p)),
                    ),
                    (
                        l.ui(Ui::ExportBulletinItem).to_string(),
                        MenuItem::Export(ExportWhat::Bulletin(p)),
                    ),
                ],
                cursor: 0,
            });
            m.mode = Mode::Menu;
            return Vec::new();
        }
        (Tab::Overview, ..) => ExportWhat::Report(period(m)),
        // A meeting: the feedback form of its minutes for each participating unit (R4.2).
        (Tab::Meetings, Some(id), _) => ExportWhat::FeedbackForms(id),
        // A unit: the tasks it leads.
        (Tab::Units, _, Some(id)) => {
            let name = m
                .all_units
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name.clone())
                .unwrap_or_default();
            let query = TaskQuery {
                unit: Some((id, name.clone())),
                ..TaskQuery::default()
            };
            ExportWhat::Ledger {
                filter: query.filter(),
                scope: name,
            }
        }
        _ => {
            super::info(m, Ui::ExportNothing, &[]);
            return Vec::new();
        }
    };
    vec![Command::Export {
        what,
        dir: m.export_dir.clone(),
        referral_body: m.referral_body.clone(),
    }]
}

/// The ledger's filter in words, for the file's title row.
fn ledger_scope(m: &Model) -> String {
    let l = m.lang;
    let parts = m.task_query.describe(l, |x| l.light(x).to_string());
    if parts.is_empty() {
        m.lang.ui(Ui::AllTasks).to_string()
    } else {
        parts.join(" · ")
    }
}

/// `P`: the slides, from the first.
pub(super) fn present(m: &mut Model) -> Vec<Command> {
    m.mode = Mode::Present;
    m.reports.slide = 0;
    ensure_loaded(m)
}

/// Keys while presenting: only moving between slides and leaving; nothing edits.
pub(super) fn presenting(m: &mut Model, action: Action) -> Vec<Command> {
    let last = Slide::ALL.len() - 1;
    let s = &mut m.reports.slide;
    match action {
        Action::Left | Action::Up | Action::PageUp => *s = s.saturating_sub(1),
        Action::Right | Action::Down | Action::PageDown | Action::Open | Action::Mark => {
            *s = (*s + 1).min(last);
        }
        Action::Top => *s = 0,
        Action::Bottom => *s = last,
        Action::Quit | Action::Cancel | Action::Back | Action::Present => {
            if m.reports.present_only {
                m.quit = true;
            }
            m.mode = Mode::Normal;
        }
        Action::Refresh => {
            m.reports.report = None;
            return ensure_loaded(m);
        }
        _ => {}
    }
    Vec::new()
}
