//! Results of loads put into the model. A result that no longer matches the selection (the user
//! moved on meanwhile) is dropped.

use super::super::action::Loaded;
use super::super::command::Command;
use super::super::model::{Model, Pending, Tab};
use super::lists::{detail_for_selection, place, refilter_units, visible};
use super::{error, jump};
use crate::i18n::Ui;

pub(super) fn apply(m: &mut Model, loaded: Loaded) -> Vec<Command> {
    let v = visible(m);
    match loaded {
        Loaded::UndoPeek(p) => super::undo::peeked(m, p),
        Loaded::Overview(o) => {
            m.overview = Some(o);
            Vec::new()
        }
        Loaded::Report(r, at) => {
            super::reports::loaded(m, *r, at);
            Vec::new()
        }
        Loaded::ReportMeetings(period, class, ids) => {
            super::reports::meetings_loaded(m, period, class, ids)
        }
        Loaded::Exported(path, count) => {
            match count {
                1 => super::info(m, Ui::Exported, &[&path.display()]),
                n => super::info(m, Ui::ExportedMany, &[&n, &path.display()]),
            }
            Vec::new()
        }
        Loaded::People(p) => {
            m.people = p;
            Vec::new()
        }
        // Applied by `forms::saved` before it gets here.
        Loaded::Saved(_) => Vec::new(),
        Loaded::Tasks {
            filter,
            more,
            offset,
            total,
            cursor,
            rows,
        } => {
            m.tasks_filter = Some(*filter);
            let before = m.tasks.selected;
            place(&mut m.tasks, (offset, total, cursor), rows, v);
            m.tasks.more = more;
            if let Some(Pending::Task(id)) = m.pending {
                m.pending = None;
                if m.tasks.selected != Some(id) {
                    error(m, Ui::NoSuchTask, &[&id]);
                }
            }
            let stale = m.task_detail.as_ref().map(|d| d.row.id) != m.tasks.selected;
            if m.tab == Tab::Tasks && (stale || m.tasks.selected != before) {
                return detail_for_selection(m);
            }
            Vec::new()
        }
        Loaded::Marked(rows, kind) => {
            m.marked_rows = rows;
            super::forms::open_loaded(m, kind)
        }
        Loaded::TaskDetail(d) => {
            if Some(d.row.id) == m.tasks.selected {
                m.task_detail = Some(*d);
            }
            Vec::new()
        }
        Loaded::Meetings {
            filter,
            offset,
            total,
            cursor,
            rows,
        } => {
            m.meetings_filter = Some(*filter);
            let before = m.meetings.selected;
            place(&mut m.meetings, (offset, total, cursor), rows, v);
            if let Some(Pending::Meeting(id)) = m.pending {
                m.pending = None;
                if m.meetings.selected != Some(id) {
                    error(m, Ui::NoSuchMeeting, &[&id]);
                }
            }
            let stale = m.meeting_detail.as_ref().map(|d| d.row.id) != m.meetings.selected;
            if m.tab == Tab::Meetings && (stale || m.meetings.selected != before) {
                return detail_for_selection(m);
            }
            Vec::new()
        }
        Loaded::MeetingDetail(d) => {
            if Some(d.row.id) == m.meetings.selected {
                m.meeting_detail = Some(*d);
            }
            Vec::new()
        }
        Loaded::Units(rows) => {
            m.all_units = rows;
            m.units.loaded = true;
            m.unit_detail = None;
            if let Some(Pending::Unit(name)) = m.pending.take() {
                return jump::select_unit(m, &name);
            }
            refilter_units(m)
        }
        Loaded::UnitDetail(d) => {
            if Some(d.row.id) == m.units.selected {
                m.unit_detail = Some(*d);
            }
            Vec::new()
        }
        Loaded::Month(month) => {
            m.month = Some(month);
            Vec::new()
        }
        Loaded::Audit {
            offset,
            total,
            cursor,
            rows,
        } => {
            place(&mut m.audit, (offset, total, cursor), rows, v);
            Vec::new()
        }
    }
}
