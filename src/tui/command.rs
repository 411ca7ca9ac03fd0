//! What `update` asks of the database, and the one function that does it. Loads are windows: the
//! rows around the cursor, never the whole list; a load that should keep a record selected finds
//! where that record now stands.

use chrono::{Datelike, NaiveDate};

use super::action::{Action, Loaded, Saved};
use super::export::ExportWhat;
use super::model::{DayCell, MeetingClass, MeetingFilter, MonthView, People, Period, TaskFilter};
use super::write::Note;
use crate::i18n::Lang;
use crate::store::{Anchor, Store, StoreError, nearer_than_either_end};

mod writes;
pub use writes::Write;

/// A side effect for the app loop to run.
#[derive(Debug, Clone)]
pub enum Command {
    LoadOverview,
    /// Writes what a tab shows to a file in `dir` (`x`).
    Export {
        what: ExportWhat,
        dir: std::path::PathBuf,
        /// The body that receives referrals, as the documents name it.
        referral_body: String,
    },
    /// The report of a period (the reports tab, presentation mode).
    LoadReport(Period),
    /// The meetings behind a report's figure.
    LoadReportMeetings(Period, MeetingClass),
    /// The ledger window showing row `cursor` (or the task `keep`, wherever it now is) with
    /// `visible` rows on screen. `anchor`: a task of the window on screen and its row, when the
    /// list has not changed since (scrolling), to read the next window from. A broad search is
    /// counted only to [`COUNT_CAP`] unless `count_all`.
    LoadTasks {
        filter: TaskFilter,
        keep: Option<i64>,
        cursor: usize,
        visible: usize,
        anchor: Option<(i64, usize)>,
        count_all: bool,
    },
    LoadTaskDetail(i64),
    /// The rows of the marked tasks `ids` (wherever the ledger's window is), then the form of
    /// the step `then` on them.
    LoadMarked {
        ids: Vec<i64>,
        then: super::workflow::FormKind,
    },
    /// The meetings window, as [`Command::LoadTasks`] the ledger's.
    LoadMeetings {
        filter: MeetingFilter,
        keep: Option<i64>,
        cursor: usize,
        visible: usize,
        anchor: Option<(i64, usize)>,
    },
    LoadMeetingDetail(i64),
    LoadUnits,
    LoadUnitDetail(String),
    LoadMonth(i32, u32),
    /// The audit log's window, as [`Command::LoadTasks`] the ledger's.
    LoadAudit {
        keep: Option<i64>,
        cursor: usize,
        visible: usize,
        anchor: Option<(i64, usize)>,
    },
    LoadPeople,
    /// What `u` would revert, to ask before removing a record.
    /// `n`: the number of changes the last write made together (a step on several tasks).
    PeekUndo {
        n: usize,
    },
    /// Save a form; `done` is the message to show when it is saved.
    Write {
        write: Box<Write>,
        done: String,
    },
}

impl Command {
    /// Whether this loads a list's window: a later load of the same list replaces what it loads.
    pub fn is_list_load(&self) -> bool {
        matches!(
            self,
            Command::LoadTasks { .. } | Command::LoadMeetings { .. }
        )
    }
}

/// How far a broad search of the ledger is counted while the user types
/// ([`Store::task_count_upto`]).
pub const COUNT_CAP: usize = 1000;

mod failure;
mod window;
use failure::failure;
use window::{Want, window};

/// Runs a command; its result comes back as an action for `update`.
pub fn execute(store: &mut Store, today: NaiveDate, lang: Lang, command: Command) -> Action {
    if let Command::Write { write, done } = command {
        return match super::write::apply(store, today, *write) {
            Ok(outcome) => {
                let (undone, redone) = match &outcome.note {
                    Some(Note::Undone { keys, .. }) => (keys.len(), 0),
                    Some(Note::Redone { keys, .. }) => (0, keys.len()),
                    _ => (0, 0),
                };
                Action::Loaded(Box::new(Loaded::Saved(Saved {
                    message: match outcome.note {
                        Some(note) => note.message(lang, &done),
                        None => done,
                    },
                    created: outcome.created,
                    undone,
                    redone,
                    together: outcome.together,
                })))
            }
            Err(e) => Action::WriteFailed(Box::new(failure(lang, e))),
        };
    }
    if let Command::Export {
        what,
        dir,
        referral_body,
    } = command
    {
        return super::export::run(store, today, lang, what, &dir, &referral_body);
    }
    match run(store, today, command) {
        Ok(loaded) => Action::Loaded(Box::new(loaded)),
        Err(e) => Action::Failed(crate::present::store_message(lang, e)),
    }
}

fn run(store: &Store, today: NaiveDate, command: Command) -> Result<Loaded, StoreError> {
    Ok(match command {
        Command::Write { .. } | Command::Export { .. } => {
            unreachable!("writes and exports are applied by execute")
        }
        Command::PeekUndo { n } => Loaded::UndoPeek(store.peek_undo_batch(n)?),
        Command::LoadPeople => Loaded::People(People {
            units: store.units()?,
            leaders: store.leaders()?,
            loaded: true,
        }),
        Command::LoadOverview => Loaded::Overview(store.overview(today)?),
        Command::LoadReport(period) => {
            // The day is `today` (which may be set); the time of day is the clock's.
            let now = store.now_label();
            let at = format!("{today} {}", now.get(11..).unwrap_or_default());
            Loaded::Report(
                Box::new(store.report(period, today)?),
                at.trim_end().to_string(),
            )
        }
        Command::LoadReportMeetings(period, class) => Loaded::ReportMeetings(
            period,
            class,
            store.report_meetings(period, class, today)?.into(),
        ),
        Command::LoadTasks {
            filter,
            keep,
            cursor,
            visible,
            anchor,
            count_all,
        } => {
            let (total, more) = if count_all {
                (store.task_count(&filter, today)?, false)
            } else {
                match store.task_count_upto(&filter, today, COUNT_CAP)? {
                    Some(n) => (n, false),
                    None => (COUNT_CAP, true),
                }
            };
            let (offset, cursor, rows) = window(
                Want {
                    total,
                    keep,
                    cursor,
                    visible,
                    anchor,
                },
                |r: &crate::store::TaskRow| r.id,
                |offset, limit, anchor| {
                    // Read from whichever is nearest: the start, a record whose place is
                    // known, or the end.
                    let from_end = total.saturating_sub(offset);
                    let anchor = match anchor {
                        Some((id, position)) if nearer_than_either_end(position, offset, total) => {
                            Some(Anchor::Row { id, position })
                        }
                        _ if from_end < offset => Some(Anchor::End { total }),
                        _ => None,
                    };
                    let f = TaskFilter {
                        offset,
                        limit: Some(limit),
                        anchor,
                        ..filter.clone()
                    };
                    store.tasks(&f, today)
                },
                |id| store.task_position(&filter, id, today),
            )?;
            Loaded::Tasks {
                filter: Box::new(filter),
                more,
                offset,
                total,
                cursor,
                rows,
            }
        }
        Command::LoadTaskDetail(id) => Loaded::TaskDetail(Box::new(store.task_detail(id, today)?)),
        Command::LoadMarked { ids, then } => {
            let mut rows = Vec::new();
            for id in ids {
                match store.task_row(id, today) {
                    Ok(r) => rows.push(r),
                    // Gone since it was marked (another user's undo): the form opens without it.
                    Err(StoreError::NotFound { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            Loaded::Marked(rows, then)
        }
        Command::LoadMeetings {
            filter,
            keep,
            cursor,
            visible,
            anchor,
        } => {
            let total = store.meeting_count(&filter, today)?;
            let (offset, cursor, rows) = window(
                Want {
                    total,
                    keep,
                    cursor,
                    visible,
                    anchor,
                },
                |r: &crate::store::MeetingRow| r.id,
                |offset, limit, anchor| {
                    // From a meeting whose place is known when it is nearer than either end.
                    let f = MeetingFilter {
                        offset,
                        limit: Some(limit),
                        total: Some(total),
                        anchor: anchor.filter(|(_, p)| nearer_than_either_end(*p, offset, total)),
                        ..filter.clone()
                    };
                    store.meeting_rows(&f, today)
                },
                |id| store.meeting_position(&filter, id, today),
            )?;
            Loaded::Meetings {
                filter: Box::new(filter),
                offset,
                total,
                cursor,
                rows,
            }
        }
        Command::LoadMeetingDetail(id) => {
            Loaded::MeetingDetail(Box::new(store.meeting_detail(id, today)?))
        }
        Command::LoadUnits => Loaded::Units(store.unit_rows(today)?),
        Command::LoadUnitDetail(name) => {
            Loaded::UnitDetail(Box::new(store.unit_detail(&name, today)?))
        }
        Command::LoadMonth(year, month) => Loaded::Month(month_view(store, year, month)),
        Command::LoadAudit {
            keep,
            cursor,
            visible,
            anchor,
        } => {
            let total = store.audit_count()?;
            let (offset, cursor, rows) = window(
                Want {
                    total,
                    keep,
                    cursor,
                    visible,
                    anchor,
                },
                |r: &crate::store::AuditEntry| r.id,
                |offset, limit, anchor| store.audit_window(offset, limit, total, anchor),
                |_| Ok(None),
            )?;
            Loaded::Audit {
                offset,
                total,
                cursor,
                rows,
            }
        }
    })
}

/// The days of a month with the calendar's facts.
fn month_view(store: &Store, year: i32, month: u32) -> MonthView {
    let cal = store.calendar();
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return MonthView::default();
    };
    let days = first
        .iter_days()
        .take_while(|d| d.month() == month)
        .map(|date| DayCell {
            date,
            workday: cal.is_workday(date),
            listed: cal.entry(date).map(|(e, _)| (e.off, e.name.clone())),
        })
        .collect();
    MonthView {
        year,
        month,
        days,
        provisional: !cal.is_year_covered(year),
    }
}
