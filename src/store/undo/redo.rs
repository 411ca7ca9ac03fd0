//! Redo, and what an undo would do before it is done.
//!
//! A redo reverts the user's last undo: the record comes back as the undo found it. It is a new,
//! audited change with the action `redo`, `undoes` naming the undo row. What can be redone is the
//! user's newest undo that is not redone yet, made after the user's last change of their own
//! (anything but an undo or a redo): a new change ends what can be redone, as in any editor. A
//! redo is itself a change `u` undoes again. A record changed by someone since the undo is
//! refused as a conflict; a removed record whose parent is gone since is refused with
//! [`Invalid::CannotRedo`] naming the parent.

use rusqlite::{OptionalExtension, params};
use serde_json::Value;

use super::{Change, json};
use crate::domain::{
    Criticism, Explanation, Leader, Minutes, ProgressReport, Referral, Role, Task, Unit, Waiver,
};
use crate::store::meetings::{AttendanceRecord, MeetingRecord};
use crate::store::{Entity, Invalid, Result, Store, StoreError, Tx};

/// The change [`Store::undo_last`] would revert now, for asking the user first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoPeek {
    pub audit_id: i64,
    pub entity: Entity,
    pub entity_id: String,
    /// Undoing it removes the record (it was created by the change).
    pub removes: bool,
    /// A few words naming the record (a task's text, a unit's name), when it has them.
    pub label: Option<String>,
}

/// The undo [`Store::redo_last`] reverted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedoneChange {
    /// The undo's audit row.
    pub audit_id: i64,
    pub entity: Entity,
    pub entity_id: String,
}

/// A few words naming the record of an audit row's JSON.
pub(super) fn label_of(v: &Value) -> Option<String> {
    let pick = |v: &Value| {
        ["text", "name", "doc_no", "reason", "unit", "opinion"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str).map(str::to_string))
            .or_else(|| {
                v.get("topics")
                    .and_then(|t| t.get(0))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
    };
    pick(v)
        .map(|s| s.trim().replace('\n', " "))
        .filter(|s| !s.is_empty())
}

fn change_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        id: r.get(0)?,
        action: r.get(1)?,
        entity: r.get(2)?,
        entity_id: r.get(3)?,
        before: r.get(4)?,
        after: r.get(5)?,
    })
}

impl Tx<'_> {
    /// This user's newest undo not redone yet, made after their last change of their own.
    fn last_redoable(&self) -> Result<Option<Change>> {
        Ok(self
            .query_row(
                "SELECT id, action, entity, entity_id, before, after FROM audit a
                 WHERE user = ?1 AND action = 'undo'
                 AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.undoes = a.id)
                 AND a.id > coalesce((SELECT max(id) FROM audit f WHERE f.user = ?1
                     AND f.action NOT IN ('undo', 'redo') AND f.entity <> 'account'), 0)
                 ORDER BY id DESC LIMIT 1",
                params![self.user],
                change_row,
            )
            .optional()?)
    }

    /// Refuses to put back `entity` `id` while the `parent` it belongs to (row `parent_id` of
    /// `table`) is gone.
    fn expect_parent(
        &self,
        entity: Entity,
        id: &str,
        parent: Entity,
        table: &str,
        parent_id: i64,
    ) -> Result<()> {
        let there: bool = self.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
            [parent_id],
            |r| r.get(0),
        )?;
        if there {
            return Ok(());
        }
        Err(Invalid::CannotRedo {
            entity,
            id: id.to_string(),
            missing: parent,
        }
        .into())
    }

    /// Puts back a record the undo `u` removed, as the undo found it; the record as it is now.
    fn recreate(&self, u: &Change, entity: Entity) -> Result<Value> {
        let id = u.entity_id.as_str();
        let gone = |missing: Entity| -> StoreError {
            Invalid::CannotRedo {
                entity,
                id: id.to_string(),
                missing,
            }
            .into()
        };
        let fk = |e: StoreError, missing: Entity| match e {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY =>
            {
                gone(missing)
            }
            e => e,
        };
        match entity {
            Entity::Unit => {
                let x: Unit = u.before()?.ok_or_else(|| u.cannot())?;
                self.insert_unit(&x)?;
            }
            Entity::Leader => {
                let x: Leader = u.before()?.ok_or_else(|| u.cannot())?;
                if let Some(l) = x.liaison_id {
                    self.expect_parent(entity, id, Entity::Leader, "leader", l)?;
                }
                self.insert_leader(&x).map_err(|e| fk(e, Entity::Leader))?;
            }
            Entity::Meeting => {
                let x: MeetingRecord = u.before()?.ok_or_else(|| u.cannot())?;
                let m = &x.meeting;
                if let Some(chair) = m.chair_id {
                    self.expect_parent(entity, id, Entity::Leader, "leader", chair)?;
                }
                self.insert_meeting(m).map_err(|e| fk(e, Entity::Leader))?;
                for a in &x.attendance {
                    self.expect_parent(entity, id, Entity::Unit, "unit", a.unit_id)?;
                    self.insert_attendance(a)?;
                }
                for f in &x.feedback {
                    self.insert_feedback(f)?;
                }
            }
            Entity::Attendance => {
                let x: AttendanceRecord = u.before()?.ok_or_else(|| u.cannot())?;
                let a = &x.attendance;
                self.expect_parent(entity, id, Entity::Meeting, "meeting", a.meeting_id)?;
                self.expect_parent(entity, id, Entity::Unit, "unit", a.unit_id)?;
                self.insert_attendance(a)?;
                // The unit's feedback row, when the round was sent (the undo removed it unanswered).
                self.execute(
                    "INSERT OR IGNORE INTO feedback (meeting_id, unit_id) SELECT ?1, ?2 FROM minutes
                     WHERE meeting_id = ?1 AND feedback_sent_on IS NOT NULL",
                    [a.meeting_id, a.unit_id],
                )?;
            }
            Entity::Minutes => {
                let x: Minutes = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Meeting, "meeting", x.meeting_id)?;
                self.put_minutes(&x)?;
                self.resend_round(&x)?;
                self.refresh_due("t.meeting_id = ?1", x.meeting_id)?;
            }
            Entity::Task => {
                let x: Task = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Meeting, "meeting", x.meeting_id)?;
                self.expect_parent(entity, id, Entity::Unit, "unit", x.lead_unit_id)?;
                self.insert_task(&x).map_err(|e| fk(e, Entity::Unit))?;
                self.refresh_chain(x.id)?;
            }
            Entity::Progress => {
                let x: ProgressReport = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Task, "task", x.task_id)?;
                self.insert_progress(&x)?;
            }
            Entity::Explanation => {
                let x: Explanation = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Task, "task", x.task_id)?;
                self.insert_explanation(&x)?;
            }
            Entity::Criticism => {
                let x: Criticism = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Unit, "unit", x.unit_id)?;
                for t in &x.task_ids {
                    self.expect_parent(entity, id, Entity::Task, "task", *t)?;
                }
                self.insert_criticism(&x)?;
            }
            Entity::Waiver => {
                let x: Waiver = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Task, "task", x.task_id)?;
                self.insert_waiver(&x)?;
            }
            Entity::Referral => {
                let x: Referral = u.before()?.ok_or_else(|| u.cannot())?;
                self.expect_parent(entity, id, Entity::Unit, "unit", x.unit_id)?;
                self.insert_referral(&x)?;
            }
            _ => return Err(u.cannot()),
        }
        self.read_back(u, entity)
    }

    /// The feedback round's rows again, when minutes put back had sent it (the undo removed the
    /// unanswered ones).
    fn resend_round(&self, m: &Minutes) -> Result<()> {
        if m.feedback_sent_on.is_some() {
            self.execute(
                "INSERT OR IGNORE INTO feedback (meeting_id, unit_id) SELECT meeting_id, unit_id FROM attendance WHERE meeting_id = ?1",
                [m.meeting_id],
            )?;
        }
        Ok(())
    }

    /// The record of `u` as stored now, as its audit rows hold it.
    fn read_back(&self, u: &Change, entity: Entity) -> Result<Value> {
        use crate::store::criticisms::read_criticism;
        use crate::store::meetings::{read_attendance, read_meeting_record};
        use crate::store::minutes::read_minutes;
        use crate::store::promises::read_waiver;
        use crate::store::referrals::read_referral;
        use crate::store::tasks::read_task;
        use crate::store::units::{read_leader, read_unit};
        let missing = || StoreError::not_found(entity, &u.entity_id);
        Ok(match entity {
            Entity::Unit => json(&read_unit(self, u.id()?)?)?,
            Entity::Leader => json(&read_leader(self, u.id()?)?)?,
            Entity::Meeting => json(&read_meeting_record(self, u.id()?)?)?,
            Entity::Attendance => {
                let (m, unit) = u.pair()?;
                let attendance = read_attendance(self, m, unit)?.ok_or_else(missing)?;
                let unit = read_unit(self, unit)?.name;
                json(&AttendanceRecord { unit, attendance })?
            }
            Entity::Minutes => json(&read_minutes(self, u.id()?)?.ok_or_else(missing)?)?,
            Entity::Task => json(&read_task(self, u.id()?)?)?,
            Entity::Criticism => json(&read_criticism(self, u.id()?)?)?,
            Entity::Waiver => json(&read_waiver(self, u.id()?)?)?,
            Entity::Referral => json(&read_referral(self, u.id()?)?)?,
            // Progress reports and explanations do not change once written.
            _ => u
                .before
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok())
                .ok_or_else(|| u.cannot())?,
        })
    }
}

impl Store {
    /// The change `u` would revert now, and whether reverting it removes a record; `None` when
    /// there is nothing to undo.
    pub fn peek_undo(&self) -> Result<Option<UndoPeek>> {
        {
            let Some(c) = super::last_undoable(&self.conn, &self.user)? else {
                return Ok(None);
            };
            let entity = Entity::from_code(&c.entity).ok_or_else(|| c.cannot())?;
            let record = c
                .after
                .as_deref()
                .and_then(|s| serde_json::from_str::<Value>(s).ok());
            // A creation (or a redo that made the record again) has nothing before it; a
            // feedback row is answered back to blank, never removed.
            let removes = c.before.is_none() && entity != Entity::Feedback;
            Ok(Some(UndoPeek {
                audit_id: c.id,
                entity,
                entity_id: c.entity_id,
                removes,
                label: record.as_ref().and_then(label_of),
            }))
        }
    }

    /// Reverts this user's last undo (see the module documentation), through a new change
    /// audited as `redo`. Refused with [`Invalid::NothingToRedo`] when there is none,
    /// [`StoreError::Conflict`] when the record was changed since the undo, and
    /// [`Invalid::CannotRedo`] when a removed record's parent is gone.
    pub fn redo_last(&mut self) -> Result<RedoneChange> {
        self.write(Role::Editor, |tx| tx.redo_one())
    }
}

impl Tx<'_> {
    /// Reverts this user's last undo inside the transaction (see [`Store::redo_last`]).
    pub(super) fn redo_one(&self) -> Result<RedoneChange> {
        let u = self.last_redoable()?.ok_or(Invalid::NothingToRedo)?;
        let entity = Entity::from_code(&u.entity).ok_or_else(|| u.cannot())?;
        if matches!(entity, Entity::Unit | Entity::Leader | Entity::Calendar) {
            self.require(Role::Admin)?;
        }
        let (before, after) = if u.after.is_none() {
            (None, self.recreate(&u, entity)?)
        } else {
            // The undo changed the record back: reverting it is an undo of an update.
            let as_update = Change {
                action: "update".to_string(),
                ..u.clone()
            };
            let (before, after) = self.revert(&as_update, entity)?;
            if entity == Entity::Minutes {
                let m: Minutes = u.before()?.ok_or_else(|| u.cannot())?;
                self.resend_round(&m)?;
            }
            (Some(before), after.ok_or_else(|| u.cannot())?)
        };
        self.audit_redo(entity, &u.entity_id, before.as_ref(), Some(&after), u.id)?;
        Ok(RedoneChange {
            audit_id: u.id,
            entity,
            entity_id: u.entity_id,
        })
    }
}
