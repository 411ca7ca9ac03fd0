//! Moving through the lists, asking for their windows (`loads`), and the filters.

use chrono::Datelike;

use super::super::action::Action;
use super::super::command::Command;
use super::super::model::{Figure, Keyed, Light, Mode, Model, Tab, TaskSort, Window};
use crate::text::initials;

use super::loads::{load_audit, scroll_audit, scroll_meetings, scroll_tasks};
pub(super) use super::loads::{load_meetings, load_tasks, visible};

/// Loads what the current tab shows if it is missing, or if the window no longer covers the screen.
pub(super) fn ensure_loaded(m: &mut Model) -> Vec<Command> {
    let mut cmds = ensure_tab_loaded(m);
    // The slides show the report whichever tab they were opened from.
    if m.mode == Mode::Present && m.tab != Tab::Reports {
        cmds.extend(super::reports::ensure_loaded(m));
    }
    // Units and leaders for the forms' pickers.
    if !m.people.loaded {
        m.people.loaded = true;
        cmds.push(Command::LoadPeople);
    }
    cmds
}

fn ensure_tab_loaded(m: &mut Model) -> Vec<Command> {
    let v = visible(m);
    match m.tab {
        Tab::Overview if m.overview.is_none() => vec![Command::LoadOverview],
        Tab::Reports => super::reports::ensure_loaded(m),
        Tab::Tasks if !m.tasks.loaded => vec![load_tasks(m)],
        Tab::Tasks => {
            ensure_visible(&mut m.tasks, v);
            covered(&m.tasks, v)
                .then(|| scroll_tasks(m))
                .into_iter()
                .collect()
        }
        Tab::Meetings if !m.meetings.loaded => vec![load_meetings(m)],
        Tab::Meetings => {
            ensure_visible(&mut m.meetings, v);
            covered(&m.meetings, v)
                .then(|| scroll_meetings(m))
                .into_iter()
                .collect()
        }
        Tab::Units if !m.units.loaded => vec![Command::LoadUnits],
        Tab::Units => {
            ensure_visible(&mut m.units, v);
            Vec::new()
        }
        Tab::Calendar => {
            let shown = m.month.as_ref().map(|mv| (mv.year, mv.month));
            let want = (m.calendar_cursor.year(), m.calendar_cursor.month());
            (shown != Some(want))
                .then(|| super::calendar::load_month(m))
                .into_iter()
                .collect()
        }
        Tab::Audit if !m.audit.loaded => vec![load_audit(m)],
        Tab::Audit => {
            ensure_visible(&mut m.audit, v);
            covered(&m.audit, v)
                .then(|| scroll_audit(m))
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// True when the window must be fetched again to show the rows on screen.
fn covered<T: Keyed>(w: &Window<T>, visible: usize) -> bool {
    !w.covers(w.top, w.top + visible)
}

/// Puts newly loaded rows in place; a cursor that lands off screen (a jump, a record that moved)
/// is shown in the middle of the list rather than at its edge.
pub(super) fn place<T: Keyed>(
    w: &mut Window<T>,
    (offset, total, cursor): (usize, usize, usize),
    rows: Vec<T>,
    visible: usize,
) {
    w.fill(offset, total, cursor, rows);
    if w.cursor < w.top || w.cursor >= w.top + visible {
        w.top = w.cursor.saturating_sub(visible / 2);
    }
    ensure_visible(w, visible);
}

/// Scrolls so the cursor is on screen.
pub(super) fn ensure_visible<T>(w: &mut Window<T>, visible: usize) {
    if w.cursor < w.top {
        w.top = w.cursor;
    } else if w.cursor >= w.top + visible {
        w.top = w.cursor + 1 - visible;
    }
    let max_top = w.total.saturating_sub(visible);
    w.top = w.top.min(max_top);
}

/// Everything is stale (another user changed the database, or the user asked): reload what is on
/// screen, keeping every selection by id; the other tabs reload when shown.
pub(super) fn reload_all(m: &mut Model) -> Vec<Command> {
    m.overview = None;
    m.reports.report = None;
    m.tasks.loaded = false;
    m.meetings.loaded = false;
    m.units.loaded = false;
    m.audit.loaded = false;
    m.month = None;
    m.task_detail = None;
    m.meeting_detail = None;
    m.unit_detail = None;
    m.people.loaded = false;
    let mut cmds = ensure_loaded(m);
    if m.tab != Tab::Overview {
        cmds.push(Command::LoadOverview);
    }
    cmds
}

/// The detail to load for the selection of the current tab.
pub(super) fn detail_for_selection(m: &mut Model) -> Vec<Command> {
    m.detail_scroll = 0;
    match m.tab {
        Tab::Tasks => match m.tasks.selected {
            Some(id) => vec![Command::LoadTaskDetail(id)],
            None => {
                m.task_detail = None;
                Vec::new()
            }
        },
        Tab::Meetings => match m.meetings.selected {
            Some(id) => vec![Command::LoadMeetingDetail(id)],
            None => {
                m.meeting_detail = None;
                Vec::new()
            }
        },
        Tab::Units => match m.units.current() {
            Some(u) => vec![Command::LoadUnitDetail(u.name.clone())],
            None => {
                m.unit_detail = None;
                Vec::new()
            }
        },
        _ => Vec::new(),
    }
}

/// Moves a window's cursor. Returns whether the selection changed and whether rows must be loaded.
fn move_in<T: Keyed>(w: &mut Window<T>, action: &Action, visible: usize) -> (bool, bool) {
    if w.total == 0 {
        return (false, false);
    }
    let last = w.total - 1;
    w.cursor = match action {
        Action::Up => w.cursor.saturating_sub(1),
        Action::Down => (w.cursor + 1).min(last),
        Action::PageUp => w.cursor.saturating_sub(visible),
        Action::PageDown => (w.cursor + visible).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => w.cursor,
    };
    // A step past the edge scrolls half a screen, not one row: every scroll redraws each row on
    // screen (the detail pane beside the list rules out the terminal's own scrolling), about
    // 5 KB at 160×48, which over a slow SSH link is felt on every key held at the edge. Half a
    // screen at a time writes it once in half a screen of moves, and the cursor lands mid-list
    // (as mutt pages its index for slow links).
    if matches!(action, Action::Up | Action::Down)
        && (w.cursor < w.top || w.cursor >= w.top + visible)
    {
        w.top = w.cursor.saturating_sub(visible / 2);
    }
    ensure_visible(w, visible);
    let before = w.selected;
    if !w.covers(w.top, w.top + visible) || w.current().is_none() {
        return (false, true);
    }
    w.selected = w.current().map(Keyed::key);
    (w.selected != before, false)
}

/// Moves within the current tab.
pub(super) fn navigate(m: &mut Model, action: &Action) -> Vec<Command> {
    let v = visible(m);
    let (changed, load) = match m.tab {
        Tab::Overview => {
            let last = Figure::ALL.len() - 1;
            m.overview_cursor = match action {
                Action::Up | Action::Left => m.overview_cursor.saturating_sub(1),
                Action::Down | Action::Right => (m.overview_cursor + 1).min(last),
                Action::Top | Action::PageUp => 0,
                Action::Bottom | Action::PageDown => last,
                _ => m.overview_cursor,
            };
            return Vec::new();
        }
        Tab::Calendar => return super::calendar::move_day(m, action),
        Tab::Tasks => {
            let (changed, load) = move_in(&mut m.tasks, action, v);
            // The last counted row of a list counted only so far: count it whole.
            let w = &m.tasks;
            (
                changed,
                load || (changed && w.more && w.cursor + 1 >= w.total),
            )
        }
        Tab::Meetings => move_in(&mut m.meetings, action, v),
        Tab::Units => move_in(&mut m.units, action, v),
        Tab::Audit => move_in(&mut m.audit, action, v),
        Tab::Reports => return super::reports::navigate(m, action),
    };
    if load {
        // The window is fetched around the cursor; the selection follows the cursor.
        let cmd = match m.tab {
            Tab::Tasks => {
                m.tasks.selected = None;
                let mut cmd = scroll_tasks(m);
                // The end of a list counted only so far is the end of the whole list: the load
                // counts it and puts the cursor on its last row.
                if let Command::LoadTasks {
                    cursor, count_all, ..
                } = &mut cmd
                    && *count_all
                    && matches!(action, Action::Bottom)
                {
                    *cursor = usize::MAX;
                }
                cmd
            }
            Tab::Meetings => {
                m.meetings.selected = None;
                scroll_meetings(m)
            }
            _ => {
                m.audit.selected = None;
                scroll_audit(m)
            }
        };
        return vec![cmd];
    }
    if changed {
        return detail_for_selection(m);
    }
    Vec::new()
}

/// The filter text changed (typing or paste): apply it to the current tab's list at once.
pub(super) fn set_filter_text(m: &mut Model) -> Vec<Command> {
    let text = m.input.value().to_string();
    match m.tab {
        Tab::Meetings => {
            m.meeting_query.text = text;
            m.meetings.cursor = 0;
            vec![load_meetings(m)]
        }
        Tab::Units => {
            m.unit_query.text = text;
            m.units.cursor = 0;
            refilter_units(m)
        }
        _ => {
            m.task_query.text = text;
            m.tasks.cursor = 0;
            vec![load_tasks(m)]
        }
    }
}

/// Whether a unit's name matches the filter text: a substring, or (Latin letters) its initials.
pub(super) fn unit_matches(name: &str, text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || name.contains(text) {
        return true;
    }
    text.chars().all(|c| c.is_ascii_alphanumeric())
        && initials(name).contains(&text.to_ascii_lowercase())
}

/// Applies the unit filter to the loaded units, keeping the selection by id.
pub(super) fn refilter_units(m: &mut Model) -> Vec<Command> {
    let q = &m.unit_query;
    let rows: Vec<_> = m
        .all_units
        .iter()
        .filter(|u| unit_matches(&u.name, &q.text) && (!q.referral_due || u.referral_due))
        .cloned()
        .collect();
    let before = m.units.selected;
    let cursor = before
        .and_then(|id| rows.iter().position(|u| u.id == id))
        .unwrap_or(m.units.cursor.min(rows.len().saturating_sub(1)));
    let total = rows.len();
    m.units.fill(0, total, cursor, rows);
    let v = visible(m);
    ensure_visible(&mut m.units, v);
    // A jump (`:unit`, a task's unit) sets the selection before the list is filled: the detail
    // loaded is then another unit's.
    let shown = m.unit_detail.as_ref().map(|d| d.row.id);
    if m.units.selected != before || shown.is_none() || shown != m.units.selected {
        return detail_for_selection(m);
    }
    Vec::new()
}

/// `r`, `y`, `g`: show the tasks of that light. On the units or meetings tab, the selected unit's
/// or meeting's tasks; on the ledger, a second press lifts the light filter.
pub(super) fn toggle_light(m: &mut Model, light: Light) -> Vec<Command> {
    let sort = m.task_query.sort;
    match m.tab {
        Tab::Tasks => {
            m.task_query.light = (m.task_query.light != Some(light)).then_some(light);
            m.tasks.cursor = 0;
            return vec![load_tasks(m)];
        }
        Tab::Units if m.units.current().is_some() => {
            let unit = m.units.current().map(|u| (u.id, u.name.clone()));
            m.back.push(m.location());
            m.task_query = super::super::model::TaskQuery {
                unit,
                light: Some(light),
                sort,
                ..Default::default()
            };
        }
        Tab::Meetings if m.meetings.selected.is_some() => {
            m.back.push(m.location());
            m.task_query = super::super::model::TaskQuery {
                meeting: m.meetings.selected,
                light: Some(light),
                sort,
                ..Default::default()
            };
        }
        _ => m.task_query.light = Some(light),
    }
    m.tasks.loaded = false;
    m.tasks.cursor = 0;
    super::switch(m, Tab::Tasks)
}

/// Clears the current tab's filter (the ledger keeps its sort).
pub(super) fn clear_filter(m: &mut Model) -> Vec<Command> {
    match m.tab {
        Tab::Meetings => {
            m.meeting_query = Default::default();
            vec![load_meetings(m)]
        }
        Tab::Units => {
            m.unit_query = Default::default();
            refilter_units(m)
        }
        Tab::Tasks => {
            m.task_query = super::super::model::TaskQuery {
                sort: m.task_query.sort,
                ..Default::default()
            };
            vec![load_tasks(m)]
        }
        _ => Vec::new(),
    }
}

/// `s`: working days left → unit → meeting date → working days left.
pub(super) fn cycle_sort(m: &mut Model) -> Vec<Command> {
    if m.tab != Tab::Tasks {
        return Vec::new();
    }
    m.task_query.sort = match m.task_query.sort {
        TaskSort::WorkdaysLeft => TaskSort::Unit,
        TaskSort::Unit => TaskSort::MeetingDate,
        TaskSort::MeetingDate => TaskSort::WorkdaysLeft,
    };
    vec![load_tasks(m)]
}
