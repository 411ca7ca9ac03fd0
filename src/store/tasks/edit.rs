//! Adding tasks (one, or a batch all-or-nothing) and editing them (R4.1, R5.1–R5.2).

use crate::domain::Role;
use rusqlite::{OptionalExtension, params};

use super::{NewTask, check_text, limit_columns, read_task, task_times};
use crate::domain::order;
use crate::domain::{Limit, Task};
use crate::store::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::text::initials;

/// An error of the `line`-th item of a batch (1-based). Only the input's faults are tagged; a
/// failure of the database stays what it is.
fn at_line(line: usize, e: StoreError) -> StoreError {
    if e.is_bad_input() {
        Invalid::Line {
            line,
            error: Box::new(e),
        }
        .into()
    } else {
        e
    }
}

/// R5.6: refuses to move task `id`, led by unit `lead`, to another lead unit once a criticism
/// names it: the criticism was of its lead unit, and stays so.
pub(in crate::store) fn criticised_lead_fixed(
    conn: &rusqlite::Connection,
    id: i64,
    lead: i64,
) -> Result<()> {
    let criticised: Option<String> = conn
        .query_row(
            "SELECT u.name FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
             JOIN unit u ON u.id = c.unit_id WHERE ct.task_id = ?1 AND c.unit_id = ?2 LIMIT 1",
            params![id, lead],
            |r| r.get(0),
        )
        .optional()?;
    match criticised {
        Some(unit) => Err(Invalid::CriticisedLeadFixed { task: id, unit }.into()),
        None => Ok(()),
    }
}

impl Tx<'_> {
    /// Inserts a checked task with its audit row.
    pub(in crate::store) fn create_task(&self, task: Task) -> Result<i64> {
        let id = self.insert_task(&task)?;
        let after = read_task(self, id)?;
        self.audit("create", Entity::Task, id, None::<&()>, Some(&after))?;
        Ok(id)
    }

    /// Writes every stored field of task `t.id` but its meeting (the version moves on by one),
    /// its co-units, and the derived columns that follow from them, as [`Tx::insert_task`] does.
    pub(in crate::store) fn put_task(&self, t: &Task) -> Result<()> {
        check_text(&t.text)?;
        let times = task_times(self, t.id)?;
        if let Limit::Date(due) = t.limit {
            order::limit(times.meeting, due)?;
        }
        if let Some(done) = t.completed_on {
            order::completion(&times, done)?;
        }
        let (date, category) = limit_columns(t.limit);
        self.prepare_cached(
            "UPDATE task SET text = ?2, lead_unit_id = ?3, responsible_leader_id = ?4, limit_kind = ?5, limit_date = ?6,
             exempt_category = ?7, completed_on = ?8, completion_note = ?9, initials = ?10, version = version + 1
             WHERE id = ?1",
        )?
        .execute(params![
            t.id,
            t.text.trim(),
            t.lead_unit_id,
            t.responsible_leader_id,
            t.limit.code(),
            date,
            category,
            t.completed_on,
            t.completion_note,
            initials(t.text.trim())
        ])?;
        self.prepare_cached("DELETE FROM task_co_unit WHERE task_id = ?1")?
            .execute([t.id])?;
        let mut co = self.prepare_cached(
            "INSERT OR IGNORE INTO task_co_unit (task_id, unit_id) VALUES (?1, ?2)",
        )?;
        for unit in &t.co_unit_ids {
            co.execute(params![t.id, unit])?;
        }
        self.refresh_due("t.id = ?1", t.id)?;
        // A completion written or taken back (an undo) moves the chain's missed promises.
        self.refresh_chain(t.id)
    }
}

impl Store {
    /// The co-units' ids, each once, by id; none may be the lead unit.
    fn co_unit_ids(&self, lead: i64, names: &[String]) -> Result<Vec<i64>> {
        let mut ids = Vec::new();
        for name in names {
            let unit = self.unit_by_name(name)?;
            if unit.id == lead {
                return Err(Invalid::LeadIsCoUnit(unit.name).into());
            }
            ids.push(unit.id);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// A new task checked against the data: its meeting exists, the text is not blank, the lead
    /// unit is active and not also a co-unit, the units and the leader exist.
    fn prepare_task(&self, new: NewTask) -> Result<Task> {
        let meeting = self.meeting(new.meeting_id)?;
        check_text(&new.text)?;
        if let Limit::Date(due) = new.limit {
            order::limit(meeting.date, due)?;
        }
        let lead = self.unit_by_name(&new.lead_unit)?;
        if !lead.active {
            return Err(Invalid::InactiveUnit(lead.name).into());
        }
        let co_unit_ids = self.co_unit_ids(lead.id, &new.co_units)?;
        let leader = new
            .leader
            .as_deref()
            .map(|n| self.leader_by_name(n))
            .transpose()?;
        Ok(Task {
            id: 0,
            meeting_id: new.meeting_id,
            text: new.text.trim().to_string(),
            lead_unit_id: lead.id,
            co_unit_ids,
            responsible_leader_id: leader.map(|l| l.id),
            limit: new.limit,
            completed_on: None,
            completion_note: None,
            version: 1,
        })
    }

    /// Adds a task decided at a meeting (R4.1, R5.1–R5.2).
    pub fn add_task(&mut self, new: NewTask) -> Result<i64> {
        let task = self.prepare_task(new)?;
        self.write(Role::Editor, |tx| tx.create_task(task))
    }

    /// Adds several tasks (of one meeting or more) in one transaction, one audit row each. All are
    /// checked first as [`Store::add_task`] checks one; if any is refused nothing is written, and
    /// the error is [`Invalid::Line`] naming the first refused task (1-based) and why.
    pub fn add_tasks(&mut self, new: Vec<NewTask>) -> Result<Vec<i64>> {
        let tasks = new
            .into_iter()
            .enumerate()
            .map(|(i, n)| self.prepare_task(n).map_err(|e| at_line(i + 1, e)))
            .collect::<Result<Vec<_>>>()?;
        if tasks.is_empty() {
            return Ok(Vec::new());
        }
        self.write(Role::Editor, |tx| {
            tasks
                .into_iter()
                .enumerate()
                .map(|(i, t)| tx.create_task(t).map_err(|e| at_line(i + 1, e)))
                .collect()
        })
    }

    /// Edits a task's text, lead unit, co-units, responsible leader and limit, refusing a stale
    /// `expected` version. The task stays with its meeting (`edit.meeting_id` must be it). A new
    /// lead unit must be active; the current one may have been deactivated since and is kept.
    /// The derived deadline columns follow the new limit.
    pub fn update_task(&mut self, id: i64, expected: i64, edit: NewTask) -> Result<()> {
        let current = self.task(id)?;
        if edit.meeting_id != current.meeting_id {
            return Err(Invalid::TaskMeetingFixed {
                task: id,
                meeting: current.meeting_id,
            }
            .into());
        }
        check_text(&edit.text)?;
        let lead = self.unit_by_name(&edit.lead_unit)?;
        if !lead.active && lead.id != current.lead_unit_id {
            return Err(Invalid::InactiveUnit(lead.name).into());
        }
        if lead.id != current.lead_unit_id {
            criticised_lead_fixed(&self.conn, id, current.lead_unit_id)?;
        }
        let co_unit_ids = self.co_unit_ids(lead.id, &edit.co_units)?;
        let leader = edit
            .leader
            .as_deref()
            .map(|n| self.leader_by_name(n))
            .transpose()?;
        self.write(Role::Editor, |tx| {
            tx.check_version(
                Entity::Task,
                "task",
                "id = ?1",
                &id,
                &id.to_string(),
                expected,
            )?;
            let before = read_task(tx, id)?;
            tx.put_task(&Task {
                text: edit.text.trim().to_string(),
                lead_unit_id: lead.id,
                co_unit_ids,
                responsible_leader_id: leader.map(|l| l.id),
                limit: edit.limit,
                ..before.clone()
            })?;
            let after = read_task(tx, id)?;
            tx.audit("update", Entity::Task, id, Some(&before), Some(&after))
        })
    }
}
