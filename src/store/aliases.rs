//! A unit's short forms (简称) for search (migration 15, `domain::alias`): listed, added and
//! removed here; a new unit starts with its default aliases. An edit is audited with the whole
//! list before and after, and undone by putting the list back.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::Role;
use crate::domain::alias::default_aliases;
use crate::domain::fields::{self, TextField};

/// The aliases of unit `id`, in order.
pub(super) fn read_aliases(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT alias FROM unit_alias WHERE unit_id = ?1 ORDER BY alias")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Tx<'_> {
    /// Gives unit `id` exactly `aliases` (each trimmed; empty ones dropped).
    pub(super) fn set_aliases(&self, id: i64, aliases: &[String]) -> Result<()> {
        self.prepare_cached("DELETE FROM unit_alias WHERE unit_id = ?1")?
            .execute([id])?;
        let mut insert = self
            .prepare_cached("INSERT OR IGNORE INTO unit_alias (unit_id, alias) VALUES (?1, ?2)")?;
        for a in aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
            insert.execute(params![id, a])?;
        }
        Ok(())
    }

    /// The unit other than `id` that `alias` already names (its name or one of its aliases).
    fn alias_owner(&self, id: i64, alias: &str) -> Result<Option<String>> {
        Ok(self
            .prepare_cached(
                "SELECT name FROM unit WHERE id IS NOT ?1 AND (name = ?2 OR id IN
                 (SELECT unit_id FROM unit_alias WHERE alias = ?2)) ORDER BY id LIMIT 1",
            )?
            .query_row(params![id, alias], |r| r.get(0))
            .optional()?)
    }

    /// Gives unit `id` exactly `aliases`, refusing one that already names another unit (its name
    /// or one of its aliases): a short form finds one unit.
    pub(super) fn set_own_aliases(&self, id: i64, aliases: &[String]) -> Result<()> {
        for a in aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
            fields::fits(TextField::UnitName, a)?;
            if let Some(unit) = self.alias_owner(id, a)? {
                return Err(Invalid::AliasTaken {
                    alias: a.to_string(),
                    unit,
                }
                .into());
            }
        }
        self.set_aliases(id, aliases)
    }

    /// A new unit's aliases: those derived from its name that name no other unit already.
    pub(super) fn default_unit_aliases(&self, id: i64, name: &str) -> Result<()> {
        let mut free = Vec::new();
        for a in default_aliases(name) {
            if self.alias_owner(id, &a)?.is_none() {
                free.push(a);
            }
        }
        self.set_aliases(id, &free)
    }

    /// Puts back the aliases an edit changed (the audit's `before`).
    pub(super) fn undo_unit_aliases(&self, id: i64, before: &[String]) -> Result<()> {
        super::units::read_unit(self, id)?;
        self.set_aliases(id, before)
    }
}

impl Store {
    /// The aliases of the unit named `unit`, in order.
    pub fn unit_aliases(&self, unit: &str) -> Result<Vec<String>> {
        read_aliases(&self.conn, self.unit_by_name(unit)?.id)
    }

    /// Every unit's aliases, by unit id (units without any are absent).
    pub fn all_unit_aliases(&self) -> Result<BTreeMap<i64, Vec<String>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, alias")?;
        let mut out: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, alias) = row?;
            out.entry(id).or_default().push(alias);
        }
        Ok(out)
    }

    /// Adds `alias` to the unit named `unit` (nothing to do when it has it already); returns the
    /// unit's aliases after.
    pub fn add_unit_alias(&mut self, unit: &str, alias: &str) -> Result<Vec<String>> {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(Invalid::Empty(TextField::UnitName).into());
        }
        fields::fits(TextField::UnitName, alias)?;
        self.edit_aliases(unit, |list| {
            if !list.iter().any(|a| a == alias) {
                list.push(alias.to_string());
            }
            Ok(())
        })
    }

    /// Removes `alias` from the unit named `unit`, refusing one it does not have; returns the
    /// unit's aliases after.
    pub fn remove_unit_alias(&mut self, unit: &str, alias: &str) -> Result<Vec<String>> {
        let alias = alias.trim();
        self.edit_aliases(unit, |list| {
            let before = list.len();
            list.retain(|a| a != alias);
            if list.len() == before {
                return Err(StoreError::not_found(Entity::Unit, alias));
            }
            Ok(())
        })
    }

    /// Gives the unit named `unit` exactly `aliases` (the TUI's alias form), in one audited,
    /// undoable change; refuses an alias that names another unit. Returns the aliases after.
    pub fn set_unit_aliases(&mut self, unit: &str, aliases: &[String]) -> Result<Vec<String>> {
        let aliases: Vec<String> = aliases
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        self.edit_aliases(unit, |list| {
            list.clear();
            for a in aliases {
                if !list.contains(&a) {
                    list.push(a);
                }
            }
            Ok(())
        })
    }

    fn edit_aliases(
        &mut self,
        unit: &str,
        edit: impl FnOnce(&mut Vec<String>) -> Result<()>,
    ) -> Result<Vec<String>> {
        let id = self.unit_by_name(unit)?.id;
        let before = read_aliases(&self.conn, id)?;
        let mut after = before.clone();
        edit(&mut after)?;
        after.sort();
        if after != before {
            self.write(Role::Admin, |tx| {
                tx.set_own_aliases(id, &after)?;
                tx.audit("aliases", Entity::Unit, id, Some(&before), Some(&after))
            })?;
        }
        read_aliases(&self.conn, id)
    }
}
