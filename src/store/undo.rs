//! Undo: reverts the user's own last change through a new, audited change.
//!
//! The change to revert is this store's user's newest audit row that is neither an undo nor
//! undone already. It is reverted in one write transaction, which appends an audit row with the
//! action `undo`, the record as it was (`before`) and as restored (`after`, `None` when the undo
//! removed it), and `undoes` naming the reverted row. A record changed since (its version moved)
//! is refused with [`StoreError::Conflict`] naming who changed it; a created record that others
//! now depend on is refused with [`Invalid::HasDependants`].

mod batch;
mod meetings;
mod records;
mod redo;

pub use redo::{RedoneChange, UndoPeek};

use crate::domain::Role;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::audit::to_sql_err;
use super::{Entity, Invalid, Result, Store, StoreError, Tx};

/// The change [`Store::undo_last`] reverted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoneChange {
    /// The audit row of the reverted change (the undo's own row names it in `undoes`).
    pub audit_id: i64,
    /// What the reverted change did (`create`, `update`).
    pub action: String,
    pub entity: Entity,
    /// Which record: its id, or a composite key such as `meeting/unit`.
    pub entity_id: String,
    /// The undo removed the record (it undid its creation).
    pub removed: bool,
}

/// An audit row to revert, its JSON not yet read.
#[derive(Clone)]
struct Change {
    id: i64,
    action: String,
    entity: String,
    entity_id: String,
    before: Option<String>,
    after: Option<String>,
}

/// The record before the undo, and as restored (`None`: the undo removed it).
type Reverted = (Value, Option<Value>);

fn json(v: &impl Serialize) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| StoreError::Sqlite(to_sql_err(e)))
}

impl Change {
    /// The refusal for a row this version of duban cannot read back into a record.
    fn cannot(&self) -> StoreError {
        Invalid::CannotUndo(self.entity.clone()).into()
    }

    fn parse<T: DeserializeOwned>(&self, text: Option<&str>) -> Result<Option<T>> {
        text.map(|s| serde_json::from_str(s).map_err(|_| self.cannot()))
            .transpose()
    }

    /// The record before the change (`None` for a creation).
    fn before<T: DeserializeOwned>(&self) -> Result<Option<T>> {
        self.parse(self.before.as_deref())
    }

    /// The record after the change.
    fn after<T: DeserializeOwned>(&self) -> Result<T> {
        self.parse(self.after.as_deref())?
            .ok_or_else(|| self.cannot())
    }

    /// The record before and after an update.
    fn before_after<T: DeserializeOwned>(&self) -> Result<(T, T)> {
        let before = self.before()?.ok_or_else(|| self.cannot())?;
        Ok((before, self.after()?))
    }

    /// Whether the change is of a unit's aliases: its record is a list, not a unit.
    fn is_alias_list(&self) -> bool {
        self.action == "aliases"
            || self
                .after
                .as_deref()
                .is_some_and(|a| a.trim_start().starts_with('['))
    }

    fn id(&self) -> Result<i64> {
        self.entity_id.parse().map_err(|_| self.cannot())
    }

    /// A `meeting/unit` key.
    fn pair(&self) -> Result<(i64, i64)> {
        let (a, b) = self
            .entity_id
            .split_once('/')
            .ok_or_else(|| self.cannot())?;
        match (a.parse(), b.parse()) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            _ => Err(self.cannot()),
        }
    }

    /// The refusal to remove this created record: `dependant` records refer to it now.
    fn has(&self, entity: Entity, dependant: Entity) -> StoreError {
        Invalid::HasDependants {
            entity,
            id: self.entity_id.clone(),
            dependant,
        }
        .into()
    }
}

/// `user`'s newest change that is neither an undo nor undone.
fn last_undoable(conn: &rusqlite::Connection, user: &str) -> Result<Option<Change>> {
    Ok(conn
        .query_row(
            "SELECT id, action, entity, entity_id, before, after FROM audit a
             WHERE user = ?1 AND action <> 'undo' AND (undoes IS NULL OR action = 'redo') AND entity <> 'account'
             AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id)
             ORDER BY id DESC LIMIT 1",
            params![user],
            |r| {
                Ok(Change {
                    id: r.get(0)?,
                    action: r.get(1)?,
                    entity: r.get(2)?,
                    entity_id: r.get(3)?,
                    before: r.get(4)?,
                    after: r.get(5)?,
                })
            },
        )
        .optional()?)
}

impl Tx<'_> {
    /// This user's newest change that is neither an undo nor undone.
    fn last_undoable(&self) -> Result<Option<Change>> {
        last_undoable(self, self.user)
    }

    /// Refuses to revert change `c` of a record changed since: by a change not undone since (its
    /// author and time are named), or to a version other than the one the last audit row of the
    /// record left (`found` is the record's current version, `None` if it is gone; `after` the
    /// version change `c` left). Changes since that were all undone leave the record as `c` left
    /// it, and do not stand in the way.
    fn expect_unchanged(
        &self,
        c: &Change,
        entity: Entity,
        found: Option<i64>,
        after: i64,
    ) -> Result<()> {
        let live: Option<(String, String)> = self
            .query_row(
                "SELECT user, at FROM audit a WHERE entity = ?1 AND entity_id = ?2 AND id > ?3 AND action <> 'undo'
                 AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id) ORDER BY id DESC LIMIT 1",
                params![c.entity, c.entity_id, c.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((by, at)) = live {
            return Err(StoreError::Conflict {
                entity,
                id: c.entity_id.clone(),
                by,
                at,
            });
        }
        // The last undo since restored the record with a version of its own.
        let restored: Option<Option<String>> = self
            .query_row(
                "SELECT after FROM audit WHERE entity = ?1 AND entity_id = ?2 AND id > ?3 ORDER BY id DESC LIMIT 1",
                params![c.entity, c.entity_id, c.id],
                |r| r.get(0),
            )
            .optional()?;
        let expected = restored
            .flatten()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .and_then(|v| v["version"].as_i64())
            .unwrap_or(after);
        self.expect_version(entity, &c.entity_id, found, expected)
    }

    /// Refuses to remove created record `c` of `entity` while any of `checks` finds a record
    /// depending on it: each is a `SELECT` with `?1` the record's id.
    fn refuse_dependants(
        &self,
        c: &Change,
        entity: Entity,
        checks: &[(Entity, &str)],
    ) -> Result<()> {
        let id = c.id()?;
        for (dependant, sql) in checks {
            let found: bool =
                self.query_row(&format!("SELECT EXISTS ({sql})"), [id], |r| r.get(0))?;
            if found {
                return Err(c.has(entity, *dependant));
            }
        }
        Ok(())
    }

    fn revert(&self, c: &Change, entity: Entity) -> Result<Reverted> {
        // A redo made a record again (it had none before) or changed it back.
        let action = match c.action.as_str() {
            "redo" if c.before.is_none() => "create",
            "redo" => "update",
            a => a,
        };
        match (entity, action) {
            // A unit's aliases (`store::aliases`) are audited as lists, under their own action;
            // an undo or redo of their change is an update whose record is a list.
            (Entity::Unit, _) if c.is_alias_list() => {
                let (before, _): (Vec<String>, Vec<String>) = c.before_after()?;
                let id = c.id()?;
                let current = super::aliases::read_aliases(self, id)?;
                self.undo_unit_aliases(id, &before)?;
                Ok((json(&current)?, Some(json(&before)?)))
            }
            (Entity::Unit, "create") => self.undo_create_unit(c),
            (Entity::Unit, "update") => self.undo_update_unit(c),
            (Entity::Leader, "create") => self.undo_create_leader(c),
            (Entity::Leader, "update") => self.undo_update_leader(c),
            (Entity::Meeting, "create") => self.undo_create_meeting(c),
            (Entity::Meeting, "update") => self.undo_update_meeting(c),
            (Entity::Attendance, "update" | "create") => self.undo_attendance(c),
            (Entity::Minutes, "create" | "update") => self.undo_minutes(c),
            (Entity::Feedback, "update" | "create") => self.undo_feedback(c),
            (Entity::Task, "create") => self.undo_create_task(c),
            (Entity::Task, "update") => self.undo_update_task(c),
            (Entity::Progress, "create") => self.undo_progress(c),
            (Entity::Explanation, "create") => self.undo_explanation(c),
            (Entity::Criticism, "create") => self.undo_criticism(c),
            (Entity::Waiver, "create") => self.undo_waiver(c),
            (Entity::Referral, "create") => self.undo_create_referral(c),
            (Entity::Referral, "update") => self.undo_update_referral(c),
            _ => Err(c.cannot()),
        }
    }
}

impl Store {
    /// Reverts this store's user's last change that is not undone yet, through a new change
    /// audited as `undo` (a second call reverts the change before, and so on). Another user's
    /// changes are never reverted. Refused with [`Invalid::NothingToUndo`] when there is none,
    /// [`Invalid::CannotUndo`] for a kind of change that cannot be reverted (calendar, database),
    /// [`StoreError::Conflict`] when the record was changed since, and
    /// [`Invalid::HasDependants`] when a created record has gained dependants since.
    pub fn undo_last(&mut self) -> Result<UndoneChange> {
        self.undo_expecting(None)
    }

    /// As [`Store::undo_last`]; with `expect`, refused with [`Invalid::UndoMoved`] unless the
    /// change to revert is that audit row (the one the user was asked about).
    pub fn undo_expecting(&mut self, expect: Option<i64>) -> Result<UndoneChange> {
        self.write(Role::Editor, |tx| tx.undo_one(expect))
    }
}

impl Tx<'_> {
    /// Reverts this user's last change (audit row `expect`, when given) inside the transaction.
    pub(super) fn undo_one(&self, expect: Option<i64>) -> Result<UndoneChange> {
        let change = self.last_undoable()?.ok_or(Invalid::NothingToUndo)?;
        if expect.is_some_and(|id| id != change.id) {
            return Err(Invalid::UndoMoved.into());
        }
        let entity = Entity::from_code(&change.entity).ok_or_else(|| change.cannot())?;
        // Reverting a change of the reference lists takes the role that made it.
        if matches!(entity, Entity::Unit | Entity::Leader | Entity::Calendar) {
            self.require(Role::Admin)?;
        }
        let (before, after) = self.revert(&change, entity)?;
        self.audit_undo(
            entity,
            &change.entity_id,
            Some(&before),
            after.as_ref(),
            change.id,
        )?;
        Ok(UndoneChange {
            audit_id: change.id,
            action: change.action,
            entity,
            entity_id: change.entity_id,
            removed: after.is_none(),
        })
    }
}
