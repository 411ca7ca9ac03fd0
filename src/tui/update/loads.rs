//! The commands that load a list's window: from its start, or (scrolling) from the loaded row
//! nearest the cursor.

use super::super::command::Command;
use super::super::layout;
use super::super::model::Model;

/// List rows on screen now.
pub(super) fn visible(m: &Model) -> usize {
    layout::visible_rows(m.width, m.height)
}

pub(super) fn load_tasks(m: &Model) -> Command {
    load_tasks_from(m, None)
}

/// The ledger window, read from `anchor` (a task of the list as loaded, and its row) when the
/// list has not changed since it was loaded.
fn load_tasks_from(m: &Model, anchor: Option<(i64, usize)>) -> Command {
    let w = &m.tasks;
    Command::LoadTasks {
        filter: m.task_query.filter(),
        keep: w.selected,
        cursor: w.cursor,
        visible: visible(m),
        anchor,
        // At the last counted row of a list counted only so far: count it whole.
        count_all: w.more && w.cursor + 1 >= w.total,
    }
}

/// The next window of the same ledger, as the cursor leaves the loaded one: read from the loaded
/// row nearest the cursor, so the store seeks from it instead of counting rows from the start.
pub(super) fn scroll_tasks(m: &Model) -> Command {
    if m.tasks_filter.as_ref() != Some(&m.task_query.filter()) {
        return load_tasks(m);
    }
    load_tasks_from(m, m.tasks.anchor())
}

pub(super) fn load_meetings(m: &Model) -> Command {
    load_meetings_from(m, None)
}

fn load_meetings_from(m: &Model, anchor: Option<(i64, usize)>) -> Command {
    Command::LoadMeetings {
        filter: m.meeting_query.filter(),
        keep: m.meetings.selected,
        cursor: m.meetings.cursor,
        visible: visible(m),
        anchor,
    }
}

/// The next window of the same meetings list, read from the loaded meeting nearest the cursor
/// (as [`scroll_tasks`]).
pub(super) fn scroll_meetings(m: &Model) -> Command {
    if m.meetings_filter.as_ref() != Some(&m.meeting_query.filter()) {
        return load_meetings(m);
    }
    load_meetings_from(m, m.meetings.anchor())
}

pub(super) fn load_audit(m: &Model) -> Command {
    load_audit_from(m, None)
}

fn load_audit_from(m: &Model, anchor: Option<(i64, usize)>) -> Command {
    Command::LoadAudit {
        keep: m.audit.selected,
        cursor: m.audit.cursor,
        visible: visible(m),
        anchor,
    }
}

/// The next window of the audit log, read from the loaded entry nearest the cursor (as
/// [`scroll_tasks`]; the log has no filter, and a change by anyone reloads it whole).
pub(super) fn scroll_audit(m: &Model) -> Command {
    load_audit_from(m, m.audit.anchor())
}
