//! Tasks (议定事项): the ledger query, and progress, completion and explanations (R5.1–R5.5).

mod batch;
mod count;
mod derived;
pub(super) mod edit;
mod order;
pub(crate) mod query;
pub(crate) mod rules_sql;
pub(crate) mod text;
mod times;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::calendar::Calendar;
use crate::domain::order::{self as time_order, TaskTimes};
use crate::domain::{Criticism, ExemptCategory, Explanation, Limit, ProgressReport, Task, Waiver};
use crate::text::initials;
use derived::Derived;
pub(super) use times::{check_text, task_times};

pub use query::{Anchor, TaskFilter, TaskRow, TaskSort};

/// A task to add to a meeting's minutes (R4.1).
#[derive(Debug, Clone)]
pub struct NewTask {
    pub meeting_id: i64,
    pub text: String,
    pub lead_unit: String,
    pub co_units: Vec<String>,
    pub leader: Option<String>,
    pub limit: Limit,
}

/// One task with everything behind it.
#[derive(Debug, Clone, Serialize)]
pub struct TaskDetail {
    #[serde(flatten)]
    pub row: TaskRow,
    pub completion_note: Option<String>,
    pub meeting_topics: Vec<String>,
    pub progress: Vec<ProgressReport>,
    pub explanations: Vec<Explanation>,
    pub criticisms: Vec<Criticism>,
    /// R5.6: decisions not to criticise the task's missed promise.
    pub waivers: Vec<Waiver>,
}

pub(super) fn limit_from(kind: &str, date: Option<NaiveDate>, category: Option<&str>) -> Limit {
    match (kind, date, category.and_then(ExemptCategory::parse)) {
        ("date", Some(d), _) => Limit::Date(d),
        ("exempt", _, Some(c)) => Limit::Exempt(c),
        _ => Limit::Default,
    }
}

/// The limit's columns: `limit_date` and `exempt_category`.
fn limit_columns(limit: Limit) -> (Option<NaiveDate>, Option<&'static str>) {
    match limit {
        Limit::Date(d) => (Some(d), None),
        Limit::Default => (None, None),
        Limit::Exempt(c) => (None, Some(c.code())),
    }
}

/// The stored task (without computed fields), in a store or inside a write transaction.
pub(super) fn read_task(conn: &Connection, id: i64) -> Result<Task> {
    let task = conn
        .query_row(
            "SELECT id, meeting_id, text, lead_unit_id, responsible_leader_id, limit_kind, limit_date, exempt_category,
             completed_on, completion_note, version FROM task WHERE id = ?1",
            [id],
            |r| {
                let kind: String = r.get(5)?;
                let category: Option<String> = r.get(7)?;
                Ok(Task {
                    id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    text: r.get(2)?,
                    lead_unit_id: r.get(3)?,
                    co_unit_ids: Vec::new(),
                    responsible_leader_id: r.get(4)?,
                    limit: limit_from(&kind, r.get(6)?, category.as_deref()),
                    completed_on: r.get(8)?,
                    completion_note: r.get(9)?,
                    version: r.get(10)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found(Entity::Task, id))?;
    let mut stmt = conn
        .prepare_cached("SELECT unit_id FROM task_co_unit WHERE task_id = ?1 ORDER BY unit_id")?;
    let co = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Task {
        co_unit_ids: co,
        ..task
    })
}

impl Tx<'_> {
    pub(super) fn insert_task(&self, t: &Task) -> Result<i64> {
        check_text(&t.text)?;
        let (date, category) = limit_columns(t.limit);
        // The derived columns are computed here, as `refresh_due` would, so the row is written
        // once (a bulk load inserts hundreds of thousands).
        let (meeting_date, issued): (NaiveDate, Option<NaiveDate>) = self
            .prepare_cached(
                "SELECT m.date, mi.issued_on FROM meeting m LEFT JOIN minutes mi ON mi.meeting_id = m.id
                 WHERE m.id = ?1",
            )?
            .query_row([t.meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: Entity::Meeting,
                key: t.meeting_id.to_string(),
            })?;
        // A new task (an import, a bulk load) is checked against its meeting here, where its date
        // is read anyway; its progress and explanations by the writes that add them.
        if let Limit::Date(due) = t.limit {
            time_order::limit(meeting_date, due)?;
        }
        if let Some(done) = t.completed_on {
            time_order::completion(&TaskTimes::of_meeting(meeting_date), done)?;
        }
        let d = Derived::of(self.cal, self.t, t.limit, issued, meeting_date);
        self.prepare_cached(
            "INSERT INTO task (id, meeting_id, text, lead_unit_id, responsible_leader_id, limit_kind, limit_date,
             exempt_category, completed_on, completion_note, initials, due, due_ord, provisional, assigned_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            self.id_for("task", t.id)?,
            t.meeting_id,
            t.text.trim(),
            t.lead_unit_id,
            t.responsible_leader_id,
            t.limit.code(),
            date,
            category,
            t.completed_on,
            t.completion_note,
            initials(t.text.trim()),
            d.due,
            d.due_ord,
            d.provisional,
            d.assigned_on
        ])?;
        let id = self.last_insert_rowid();
        let mut co = self.prepare_cached(
            "INSERT OR IGNORE INTO task_co_unit (task_id, unit_id) VALUES (?1, ?2)",
        )?;
        for unit in &t.co_unit_ids {
            co.execute(params![id, unit])?;
        }
        Ok(id)
    }

    /// Recomputes the derived deadline columns of the tasks matching `cond` (SQL over `task t`, one
    /// parameter) from their limit, the minutes' issue date and the calendar.
    pub(super) fn refresh_due(&self, cond: &str, param: impl rusqlite::ToSql) -> Result<()> {
        self.refresh_due_with(self.cal, cond, param)
    }

    /// As [`Tx::refresh_due`], under a calendar other than the store's (one being changed).
    pub(super) fn refresh_due_with(
        &self,
        cal: &Calendar,
        cond: &str,
        param: impl rusqlite::ToSql,
    ) -> Result<()> {
        let mut select = self.prepare_cached(&format!(
            "SELECT t.id, t.limit_kind, t.limit_date, t.exempt_category, mi.issued_on, m.date
             FROM task t JOIN meeting m ON m.id = t.meeting_id LEFT JOIN minutes mi ON mi.meeting_id = t.meeting_id
             WHERE {cond}"
        ))?;
        let mut update = self.prepare_cached(
            "UPDATE task SET due = ?2, due_ord = ?3, provisional = ?4, assigned_on = ?5 WHERE id = ?1",
        )?;
        let mut rows = select.query([param])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(1)?;
            let category: Option<String> = r.get(3)?;
            let limit = limit_from(&kind, r.get(2)?, category.as_deref());
            let issued: Option<NaiveDate> = r.get(4)?;
            let meeting_date: NaiveDate = r.get(5)?;
            let d = Derived::of(cal, self.t, limit, issued, meeting_date);
            update.execute(params![id, d.due, d.due_ord, d.provisional, d.assigned_on])?;
        }
        Ok(())
    }

    pub(super) fn insert_progress(&self, p: &ProgressReport) -> Result<i64> {
        self.prepare_cached(
            "INSERT INTO progress_report (id, task_id, reported_on, text) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            self.id_for("progress_report", p.id)?,
            p.task_id,
            p.reported_on,
            p.text.trim()
        ])?;
        self.prepare_cached(
            "UPDATE task SET last_progress_on = ?2 WHERE id = ?1 AND (last_progress_on IS NULL OR last_progress_on < ?2)",
        )?
        .execute(params![p.task_id, p.reported_on])?;
        Ok(self.last_insert_rowid())
    }

    /// Writes an explanation's row (its task's chain not refreshed: a bulk load recounts every
    /// task's at the end).
    pub(super) fn insert_explanation_row(&self, e: &Explanation) -> Result<i64> {
        self.prepare_cached(
            "INSERT INTO explanation (id, task_id, submitted_on, text, promised_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![self.id_for("explanation", e.id)?, e.task_id, e.submitted_on, e.text, e.promised_on])?;
        Ok(self.last_insert_rowid())
    }

    /// Writes an explanation and refreshes its task's chain (the promise in force is the latest
    /// explanation's; an earlier promise missed stays unanswered).
    pub(super) fn insert_explanation(&self, e: &Explanation) -> Result<i64> {
        let id = self.insert_explanation_row(e)?;
        self.refresh_chain(e.task_id)?;
        Ok(id)
    }

    /// Recomputes a task's `last_progress_on` from its progress reports.
    pub(super) fn refresh_last_progress(&self, task_id: i64) -> Result<()> {
        self.prepare_cached(
            "UPDATE task SET last_progress_on = (SELECT max(reported_on) FROM progress_report WHERE task_id = ?1)
             WHERE id = ?1",
        )?
        .execute([task_id])?;
        Ok(())
    }
}

impl Store {
    /// The stored task (without computed fields).
    pub fn task(&self, id: i64) -> Result<Task> {
        read_task(&self.conn, id)
    }

    /// R5.3: a progress report.
    pub fn add_progress(
        &mut self,
        task_id: i64,
        reported_on: NaiveDate,
        text: &str,
    ) -> Result<i64> {
        let ids = self.add_progress_to(&[task_id], reported_on, text)?;
        ids.first()
            .copied()
            .ok_or_else(|| StoreError::not_found(Entity::Task, task_id))
    }

    /// 办结: marks a task done on `date`, refusing a stale `version` when one is given.
    pub fn complete_task(
        &mut self,
        task_id: i64,
        date: NaiveDate,
        note: Option<String>,
        expected: Option<i64>,
    ) -> Result<()> {
        self.complete_tasks(&[(task_id, expected)], date, note)
    }

    /// R5.5: a written explanation for a missed limit with the promised new date.
    pub fn add_explanation(
        &mut self,
        task_id: i64,
        submitted_on: NaiveDate,
        promised_on: NaiveDate,
        text: Option<String>,
    ) -> Result<i64> {
        let ids = self.add_explanations(&[task_id], submitted_on, promised_on, text)?;
        ids.first()
            .copied()
            .ok_or_else(|| StoreError::not_found(Entity::Task, task_id))
    }

    /// One task with its progress reports, explanations and criticisms.
    pub fn task_detail(&self, id: i64, today: NaiveDate) -> Result<TaskDetail> {
        let row = self.task_row(id, today)?;
        let task = self.task(id)?;
        let meeting = self.meeting(task.meeting_id)?;
        let mut stmt = self.conn.prepare("SELECT id, task_id, reported_on, text FROM progress_report WHERE task_id = ?1 ORDER BY reported_on, id")?;
        let progress = stmt
            .query_map([id], |r| {
                Ok(ProgressReport {
                    id: r.get(0)?,
                    task_id: r.get(1)?,
                    reported_on: r.get(2)?,
                    text: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, task_id, submitted_on, text, promised_on FROM explanation WHERE task_id = ?1 ORDER BY submitted_on, id",
        )?;
        let explanations = stmt
            .query_map([id], |r| {
                Ok(Explanation {
                    id: r.get(0)?,
                    task_id: r.get(1)?,
                    submitted_on: r.get(2)?,
                    text: r.get(3)?,
                    promised_on: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TaskDetail {
            row,
            completion_note: task.completion_note,
            meeting_topics: meeting.topics,
            progress,
            explanations,
            criticisms: self.criticisms_of_task(id)?,
            waivers: self.waivers_of_task(id)?,
        })
    }
}
