//! The triage steps on one task or several at once (the ledger's marked tasks): progress (R5.3),
//! 办结, written explanations (R5.5). Every task is checked as a step on it alone would be, then all
//! are written in one transaction: either every task gets its record, or none does. Each record
//! has its own audit row; the rows of one step are undone together ([`Store::undo_batch`]).

use chrono::NaiveDate;
use rusqlite::params;

use super::{Entity, Invalid, Result, Store, Task, task_times};
use crate::domain::fields::{self, TextField};
use crate::domain::order as time_order;
use crate::domain::{Explanation, ProgressReport, Role};

impl Store {
    /// R5.3: the same progress report on each of `ids`, all or none; the new reports' ids.
    pub fn add_progress_to(
        &mut self,
        ids: &[i64],
        reported_on: NaiveDate,
        text: &str,
    ) -> Result<Vec<i64>> {
        let tasks = ids
            .iter()
            .map(|id| self.task(*id))
            .collect::<Result<Vec<Task>>>()?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid::Empty(TextField::Progress).into());
        }
        fields::fits(TextField::Progress, text)?;
        // R5.3: after the meeting, and nothing reported on a task after it was done.
        for t in &tasks {
            time_order::progress(&task_times(&self.conn, t.id)?, reported_on)?;
        }
        self.write(Role::Editor, |tx| {
            let mut made = Vec::with_capacity(tasks.len());
            for t in &tasks {
                let mut p = ProgressReport {
                    id: 0,
                    task_id: t.id,
                    reported_on,
                    text: text.to_string(),
                };
                p.id = tx.insert_progress(&p)?;
                tx.audit("create", Entity::Progress, p.id, None::<&()>, Some(&p))?;
                made.push(p.id);
            }
            Ok(made)
        })
    }

    /// 办结: each of `tasks` done on `date`, all or none; a task's expected version, when given,
    /// refuses a stale one.
    pub fn complete_tasks(
        &mut self,
        tasks: &[(i64, Option<i64>)],
        date: NaiveDate,
        note: Option<String>,
    ) -> Result<()> {
        let mut found = Vec::with_capacity(tasks.len());
        for (id, expected) in tasks {
            let task = self.task(*id)?;
            if task.completed_on.is_some() {
                return Err(Invalid::AlreadyDone(*id).into());
            }
            found.push((task, *expected));
        }
        fields::fits_opt(TextField::Note, note.as_deref())?;
        for (t, _) in &found {
            time_order::completion(&task_times(&self.conn, t.id)?, date)?;
        }
        self.write(Role::Editor, |tx| {
            for (task, expected) in &found {
                let id = task.id;
                let version = expected.unwrap_or(task.version);
                tx.check_version(Entity::Task, "task", "id = ?1", &id, &id.to_string(), version)?;
                tx.execute(
                    "UPDATE task SET completed_on = ?2, completion_note = ?3, version = version + 1 WHERE id = ?1",
                    params![id, date, note],
                )?;
                // R5.6: a completion after a missed promise does not answer it; one on time keeps it.
                tx.refresh_chain(id)?;
                let after = Task {
                    completed_on: Some(date),
                    completion_note: note.clone(),
                    version: version + 1,
                    ..task.clone()
                };
                tx.audit("update", Entity::Task, id, Some(task), Some(&after))?;
            }
            Ok(())
        })
    }

    /// R5.5: the same written explanation and promised date for each of `ids`, all or none; the
    /// new explanations' ids.
    pub fn add_explanations(
        &mut self,
        ids: &[i64],
        submitted_on: NaiveDate,
        promised_on: NaiveDate,
        text: Option<String>,
    ) -> Result<Vec<i64>> {
        let mut tasks = Vec::with_capacity(ids.len());
        for id in ids {
            let task = self.task(*id)?;
            if task.completed_on.is_some() {
                return Err(Invalid::AlreadyDone(*id).into());
            }
            tasks.push(task);
        }
        fields::fits_opt(TextField::Note, text.as_deref())?;
        for t in &tasks {
            time_order::explanation(&task_times(&self.conn, t.id)?, submitted_on, promised_on)?;
            // R5.5: a unit that missed a limit explains; a task not yet past it has nothing to explain.
            let due = self.task_row(t.id, submitted_on)?.due;
            if due.is_none_or(|due| submitted_on <= due) {
                return Err(Invalid::NotOverdue {
                    task: t.id,
                    on: submitted_on,
                }
                .into());
            }
        }
        self.write(Role::Editor, |tx| {
            let mut made = Vec::with_capacity(tasks.len());
            for t in &tasks {
                let mut e = Explanation {
                    id: 0,
                    task_id: t.id,
                    submitted_on,
                    text: text.clone(),
                    promised_on,
                };
                e.id = tx.insert_explanation(&e)?;
                tx.audit("create", Entity::Explanation, e.id, None::<&()>, Some(&e))?;
                made.push(e.id);
            }
            Ok(made)
        })
    }
}
