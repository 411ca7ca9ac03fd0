//! The columns a task derives from its limit, its minutes and the calendar.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::domain::task::task_deadline;
use crate::domain::{Limit, Thresholds};

/// A task's derived deadline columns (see the schema): written with a new task's row and
/// recomputed by [`Tx::refresh_due`], from this one computation.
pub(super) struct Derived {
    pub(super) due: Option<NaiveDate>,
    /// The calendar's working-day ordinal of `due`.
    pub(super) due_ord: Option<u32>,
    /// `due` rests on a year without holiday data.
    pub(super) provisional: bool,
    /// The day units received the task: the minutes' issue date, else the meeting's date.
    pub(super) assigned_on: NaiveDate,
}

impl Derived {
    pub(super) fn of(
        cal: &Calendar,
        t: &Thresholds,
        limit: Limit,
        issued: Option<NaiveDate>,
        meeting_date: NaiveDate,
    ) -> Derived {
        let due = task_deadline(cal, t, limit, issued);
        Derived {
            due: due.map(|d| d.date),
            due_ord: due.map(|d| cal.ordinal(d.date)),
            provisional: due.is_some_and(|d| d.provisional),
            assigned_on: issued.unwrap_or(meeting_date),
        }
    }
}
