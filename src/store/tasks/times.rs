//! What a task's records are checked against: its text's limits, and the dates its new
//! records may not precede (`crate::domain::order`).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::fields::{self, TextField};
use crate::domain::order::TaskTimes;
use crate::store::{Entity, Invalid, Result, StoreError};

/// A task's text: not blank, not longer than [`TextField::TaskText`] allows.
pub(in crate::store) fn check_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Invalid::Empty(TextField::TaskText).into());
    }
    Ok(fields::fits(TextField::TaskText, text.trim())?)
}

/// The dates task `id`'s records are checked against ([`order`]): its meeting's, its completion,
/// its latest progress report and explanation.
pub(in crate::store) fn task_times(conn: &Connection, id: i64) -> Result<TaskTimes> {
    conn.prepare_cached(
        "SELECT m.date, t.completed_on, (SELECT max(reported_on) FROM progress_report WHERE task_id = t.id),
         (SELECT max(submitted_on) FROM explanation WHERE task_id = t.id)
         FROM task t JOIN meeting m ON m.id = t.meeting_id WHERE t.id = ?1",
    )?
    .query_row([id], |r| {
        Ok(TaskTimes {
            meeting: r.get(0)?,
            completed_on: r.get(1)?,
            last_progress: r.get(2)?,
            last_explanation: r.get(3)?,
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Task, id))
}
