//! Undoing changes of units, leaders, tasks and what hangs off tasks (progress, explanations,
//! criticisms) and of referrals.

use rusqlite::{OptionalExtension, params};

use super::{Change, Reverted, json};
use crate::domain::{Criticism, Explanation, Leader, ProgressReport, Referral, Task, Unit, Waiver};
use crate::store::criticisms::read_criticism;
use crate::store::promises::read_waiver;
use crate::store::referrals::read_referral;
use crate::store::tasks::edit::criticised_lead_fixed;
use crate::store::tasks::read_task;
use crate::store::units::{read_leader, read_unit};
use crate::store::{Entity, Result, StoreError, Tx};
use crate::text::initials;

impl Tx<'_> {
    pub(super) fn undo_create_unit(&self, c: &Change) -> Result<Reverted> {
        let created: Unit = c.after()?;
        let current = read_unit(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Unit, Some(current.version), created.version)?;
        self.refuse_dependants(
            c,
            Entity::Unit,
            &[
                (
                    Entity::Attendance,
                    "SELECT 1 FROM attendance WHERE unit_id = ?1",
                ),
                (
                    Entity::Feedback,
                    "SELECT 1 FROM feedback WHERE unit_id = ?1",
                ),
                (Entity::Task, "SELECT 1 FROM task WHERE lead_unit_id = ?1"),
                (
                    Entity::Task,
                    "SELECT 1 FROM task_co_unit WHERE unit_id = ?1",
                ),
                (
                    Entity::Criticism,
                    "SELECT 1 FROM criticism WHERE unit_id = ?1",
                ),
                (
                    Entity::Referral,
                    "SELECT 1 FROM referral WHERE unit_id = ?1",
                ),
            ],
        )?;
        self.execute("DELETE FROM unit WHERE id = ?1", [current.id])?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_update_unit(&self, c: &Change) -> Result<Reverted> {
        let (before, after): (Unit, Unit) = c.before_after()?;
        let id = c.id()?;
        let current = read_unit(self, id)?;
        self.expect_unchanged(c, Entity::Unit, Some(current.version), after.version)?;
        let name = self.free_name("unit", Entity::Unit, &before.name, Some(id))?;
        self.execute(
            "UPDATE unit SET name = ?2, kind = ?3, main_leader = ?4, contact = ?5, active = ?6, initials = ?7,
             version = version + 1 WHERE id = ?1",
            params![id, name, before.kind.code(), before.main_leader, before.contact, before.active, initials(name)],
        )?;
        Ok((json(&current)?, Some(json(&read_unit(self, id)?)?)))
    }

    pub(super) fn undo_create_leader(&self, c: &Change) -> Result<Reverted> {
        let created: Leader = c.after()?;
        let current = read_leader(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Leader, Some(current.version), created.version)?;
        self.refuse_dependants(
            c,
            Entity::Leader,
            &[
                (
                    Entity::Meeting,
                    "SELECT 1 FROM meeting WHERE chair_id = ?1 OR liaison_id = ?1",
                ),
                (
                    Entity::Task,
                    "SELECT 1 FROM task WHERE responsible_leader_id = ?1",
                ),
                (Entity::Leader, "SELECT 1 FROM leader WHERE liaison_id = ?1"),
            ],
        )?;
        self.execute("DELETE FROM leader WHERE id = ?1", [current.id])?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_update_leader(&self, c: &Change) -> Result<Reverted> {
        let (before, after): (Leader, Leader) = c.before_after()?;
        let id = c.id()?;
        let current = read_leader(self, id)?;
        self.expect_unchanged(c, Entity::Leader, Some(current.version), after.version)?;
        let name = self.free_name("leader", Entity::Leader, &before.name, Some(id))?;
        self.execute(
            "UPDATE leader SET name = ?2, title = ?3, liaison_id = ?4, active = ?5, version = version + 1 WHERE id = ?1",
            params![id, name, before.title.code(), before.liaison_id, before.active],
        )?;
        Ok((json(&current)?, Some(json(&read_leader(self, id)?)?)))
    }

    pub(super) fn undo_create_task(&self, c: &Change) -> Result<Reverted> {
        let created: Task = c.after()?;
        let current = read_task(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Task, Some(current.version), created.version)?;
        self.refuse_dependants(
            c,
            Entity::Task,
            &[
                (
                    Entity::Progress,
                    "SELECT 1 FROM progress_report WHERE task_id = ?1",
                ),
                (
                    Entity::Explanation,
                    "SELECT 1 FROM explanation WHERE task_id = ?1",
                ),
                (
                    Entity::Criticism,
                    "SELECT 1 FROM criticism_task WHERE task_id = ?1",
                ),
                (Entity::Waiver, "SELECT 1 FROM waiver WHERE task_id = ?1"),
            ],
        )?;
        // Its co-units go with it (ON DELETE CASCADE).
        self.execute("DELETE FROM task WHERE id = ?1", [current.id])?;
        Ok((json(&current)?, None))
    }

    /// An edit (`update_task`) or a completion (`complete_task`): the stored fields come back and
    /// the derived columns follow them.
    pub(super) fn undo_update_task(&self, c: &Change) -> Result<Reverted> {
        let (before, after): (Task, Task) = c.before_after()?;
        let id = c.id()?;
        let current = read_task(self, id)?;
        self.expect_unchanged(c, Entity::Task, Some(current.version), after.version)?;
        if before.lead_unit_id != current.lead_unit_id {
            criticised_lead_fixed(self, id, current.lead_unit_id)?;
        }
        self.put_task(&Task { id, ..before })?;
        Ok((json(&current)?, Some(json(&read_task(self, id)?)?)))
    }

    pub(super) fn undo_progress(&self, c: &Change) -> Result<Reverted> {
        let id = c.id()?;
        let current = self
            .query_row(
                "SELECT id, task_id, reported_on, text FROM progress_report WHERE id = ?1",
                [id],
                |r| {
                    Ok(ProgressReport {
                        id: r.get(0)?,
                        task_id: r.get(1)?,
                        reported_on: r.get(2)?,
                        text: r.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found(Entity::Progress, id))?;
        self.execute("DELETE FROM progress_report WHERE id = ?1", [id])?;
        self.refresh_last_progress(current.task_id)?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_explanation(&self, c: &Change) -> Result<Reverted> {
        let id = c.id()?;
        let current = self
            .query_row(
                "SELECT id, task_id, submitted_on, text, promised_on FROM explanation WHERE id = ?1",
                [id],
                |r| {
                    Ok(Explanation {
                        id: r.get(0)?,
                        task_id: r.get(1)?,
                        submitted_on: r.get(2)?,
                        text: r.get(3)?,
                        promised_on: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found(Entity::Explanation, id))?;
        self.execute("DELETE FROM explanation WHERE id = ?1", [id])?;
        self.refresh_chain(current.task_id)?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_criticism(&self, c: &Change) -> Result<Reverted> {
        let created: Criticism = c.after()?;
        let current = read_criticism(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Criticism, Some(current.version), created.version)?;
        self.execute(
            "DELETE FROM criticism_task WHERE criticism_id = ?1",
            [current.id],
        )?;
        self.execute("DELETE FROM criticism WHERE id = ?1", [current.id])?;
        for task in &current.task_ids {
            self.refresh_chain(*task)?;
        }
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_waiver(&self, c: &Change) -> Result<Reverted> {
        let created: Waiver = c.after()?;
        let current = read_waiver(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Waiver, Some(current.version), created.version)?;
        self.execute("DELETE FROM waiver WHERE id = ?1", [current.id])?;
        self.refresh_chain(current.task_id)?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_create_referral(&self, c: &Change) -> Result<Reverted> {
        let created: Referral = c.after()?;
        let current = read_referral(self, c.id()?)?;
        self.expect_unchanged(c, Entity::Referral, Some(current.version), created.version)?;
        self.execute("DELETE FROM referral WHERE id = ?1", [current.id])?;
        Ok((json(&current)?, None))
    }

    pub(super) fn undo_update_referral(&self, c: &Change) -> Result<Reverted> {
        let (before, after): (Referral, Referral) = c.before_after()?;
        let id = c.id()?;
        let current = read_referral(self, id)?;
        self.expect_unchanged(c, Entity::Referral, Some(current.version), after.version)?;
        self.put_referral(&Referral { id, ..before })?;
        Ok((json(&current)?, Some(json(&read_referral(self, id)?)?)))
    }
}
