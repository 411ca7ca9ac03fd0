//! The regulation's lights and states in SQL (R5.2–R5.6), for filtering, sorting and counting the
//! ledger: each mirrors `domain::task::light` / `state`, and a test holds them to the same answer.

use crate::domain::{Light, TaskState};

use super::query::TaskFilter;

/// The light of `task t` on `:today` (ordinal `:today_ord`), as `domain::task::light` defines it.
pub(crate) const LIGHT_SQL: &str = "(CASE
    WHEN t.completed_on IS NOT NULL AND t.completed_on <= :today THEN 'done'
    WHEN t.limit_kind = 'exempt' THEN
        CASE WHEN date(max(coalesce(t.last_progress_on, ''), coalesce(t.assigned_on, '')), '+' || :stale_days || ' days') < :today
             THEN 'yellow' ELSE 'exempt' END
    WHEN t.due IS NULL THEN 'green'
    WHEN t.due < :today THEN 'red'
    WHEN t.due_ord - :today_ord <= :yellow THEN 'yellow'
    ELSE 'green' END)";

/// The state of `task t` on `:today`, as `domain::task::state` defines it: a missed promise
/// unanswered comes before done (a done task can be criticism-due).
pub(crate) const STATE_SQL: &str = "(CASE
    WHEN t.unanswered_promise < :today THEN 'criticism_due'
    WHEN t.completed_on IS NOT NULL AND t.completed_on <= :today THEN 'done'
    WHEN t.promised_on >= :today THEN 'promised'
    WHEN t.criticised THEN 'criticised'
    WHEN t.due IS NOT NULL AND :today > t.due THEN 'explanation_due'
    WHEN t.due IS NULL AND t.limit_kind <> 'exempt' THEN
        CASE WHEN (SELECT procedure_unknown FROM meeting WHERE id = t.meeting_id)
                  AND NOT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = t.meeting_id)
             THEN 'limit_unknown'
             ELSE 'pending' END
    ELSE 'open' END)";

/// Tasks due for a criticism on `:today` (the first branch of [`STATE_SQL`]), as the
/// `task_unanswered` index answers it.
pub(crate) const CRITICISM_DUE: &str = "t.unanswered_promise < :today";

/// Tasks not done on `:today`: the negation of the first branch of [`LIGHT_SQL`] and
/// [`STATE_SQL`], written so that the `task_open` index answers it (the open tasks are few).
pub(super) const OPEN: &str = "(t.completed_on IS NULL OR t.completed_on > :today)";

/// Tasks done on `:today`, the first branch of [`LIGHT_SQL`] and [`STATE_SQL`].
pub(super) const DONE: &str = "t.completed_on <= :today";

/// [`OPEN`] and [`DONE`] when no task is recorded as completed after `:today` (see
/// [`Store::in_order`]): by `sort_key`, so the ledger's index answers them.
pub(super) const OPEN_IN_ORDER: &str = "t.sort_key < 4294967296";
pub(super) const DONE_IN_ORDER: &str = "t.sort_key >= 4294967296";

/// Whether `filter` selects only tasks not done (any light but done, any state but done or
/// criticism due, which a task done late keeps; or a promise).
pub(super) fn open_only(filter: &TaskFilter) -> bool {
    filter.light.is_some_and(|l| l != Light::Done)
        || filter
            .state
            .is_some_and(|s| !matches!(s, TaskState::Done | TaskState::CriticismDue))
        || filter.promised_until.is_some()
}

/// Whether `filter` selects only tasks done.
pub(super) fn done_only(filter: &TaskFilter) -> bool {
    filter.light == Some(Light::Done) || filter.state == Some(TaskState::Done)
}
