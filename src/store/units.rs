//! Units and county leaders.

use crate::domain::Role;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Entity, Invalid, Result, Store, StoreError, Tx};
use crate::domain::fields::{self, TextField};
use crate::domain::{Leader, LeaderTitle, Unit, UnitKind};
use crate::text::initials;

/// A unit to add.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub name: String,
    pub kind: UnitKind,
    pub main_leader: Option<String>,
    pub contact: Option<String>,
}

const UNIT_COLS: &str = "id, name, kind, main_leader, contact, active, version";
const LEADER_COLS: &str = "id, name, title, liaison_id, active, version";

fn unit_from(r: &Row<'_>) -> rusqlite::Result<Unit> {
    let kind: String = r.get(2)?;
    Ok(Unit {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: UnitKind::from_code(&kind).unwrap_or(UnitKind::Other),
        main_leader: r.get(3)?,
        contact: r.get(4)?,
        active: r.get(5)?,
        version: r.get(6)?,
    })
}

fn leader_from(r: &Row<'_>) -> rusqlite::Result<Leader> {
    let title: String = r.get(2)?;
    Ok(Leader {
        id: r.get(0)?,
        name: r.get(1)?,
        title: LeaderTitle::from_code(&title).unwrap_or(LeaderTitle::DeputyDirector),
        liaison_id: r.get(3)?,
        active: r.get(4)?,
        version: r.get(5)?,
    })
}

/// The unit with this id (in a store or inside a write transaction).
pub(super) fn read_unit(conn: &Connection, id: i64) -> Result<Unit> {
    conn.query_row(
        &format!("SELECT {UNIT_COLS} FROM unit WHERE id = ?1"),
        [id],
        unit_from,
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Unit, id))
}

/// The leader with this id (in a store or inside a write transaction).
pub(super) fn read_leader(conn: &Connection, id: i64) -> Result<Leader> {
    conn.query_row(
        &format!("SELECT {LEADER_COLS} FROM leader WHERE id = ?1"),
        [id],
        leader_from,
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found(Entity::Leader, id))
}

/// A unit's main leader and contact line fit their fields.
fn unit_texts(u: &Unit) -> Result<()> {
    fields::fits_opt(TextField::Person, u.main_leader.as_deref())?;
    Ok(fields::fits_opt(TextField::Contact, u.contact.as_deref())?)
}

impl Tx<'_> {
    /// A unit's or leader's name, trimmed: not empty, and not taken by another record of `table`
    /// (`except` is the record being renamed).
    pub(super) fn free_name<'n>(
        &self,
        table: &str,
        entity: Entity,
        name: &'n str,
        except: Option<i64>,
    ) -> Result<&'n str> {
        let name = name.trim();
        let field = match entity {
            Entity::Leader => TextField::LeaderName,
            _ => TextField::UnitName,
        };
        if name.is_empty() {
            return Err(Invalid::Empty(field).into());
        }
        fields::fits(field, name)?;
        let taken: bool = self.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE name = ?1 AND id IS NOT ?2)"),
            params![name, except],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::Duplicate {
                entity,
                key: name.to_string(),
            });
        }
        Ok(name)
    }

    pub(super) fn insert_unit(&self, u: &Unit) -> Result<i64> {
        let name = self.free_name("unit", Entity::Unit, &u.name, None)?;
        unit_texts(u)?;
        self.prepare_cached(
            "INSERT INTO unit (id, name, kind, main_leader, contact, active, initials) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            self.id_for("unit", u.id)?,
            name,
            u.kind.code(),
            u.main_leader,
            u.contact,
            u.active,
            initials(name)
        ])?;
        let id = self.last_insert_rowid();
        self.default_unit_aliases(id, name)?;
        Ok(id)
    }

    pub(super) fn insert_leader(&self, l: &Leader) -> Result<i64> {
        let name = self.free_name("leader", Entity::Leader, &l.name, None)?;
        self.prepare_cached(
            "INSERT INTO leader (id, name, title, liaison_id, active) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            self.id_for("leader", l.id)?,
            name,
            l.title.code(),
            l.liaison_id,
            l.active
        ])?;
        Ok(self.last_insert_rowid())
    }
}

impl Store {
    pub fn add_unit(&mut self, new: NewUnit) -> Result<Unit> {
        let id = self.write(Role::Admin, |tx| {
            let unit = Unit {
                id: 0,
                name: new.name.trim().to_string(),
                kind: new.kind,
                main_leader: new.main_leader,
                contact: new.contact,
                active: true,
                version: 1,
            };
            let id = tx.insert_unit(&unit)?;
            tx.audit(
                "create",
                Entity::Unit,
                id,
                None::<&()>,
                Some(&Unit { id, ..unit }),
            )?;
            Ok(id)
        })?;
        self.unit(id)
    }

    /// Changes a unit's fields (not its id), refusing a stale `version`.
    pub fn update_unit(&mut self, changed: &Unit) -> Result<Unit> {
        let before = self.unit(changed.id)?;
        self.write(Role::Admin, |tx| {
            tx.check_version(Entity::Unit, "unit", "id = ?1", &changed.id, &changed.id.to_string(), changed.version)?;
            let name = tx.free_name("unit", Entity::Unit, &changed.name, Some(changed.id))?;
            unit_texts(changed)?;
            tx.execute(
                "UPDATE unit SET name = ?2, kind = ?3, main_leader = ?4, contact = ?5, active = ?6, initials = ?7,
                 version = version + 1 WHERE id = ?1",
                params![changed.id, name, changed.kind.code(), changed.main_leader, changed.contact, changed.active, initials(name)],
            )?;
            let after = Unit { version: changed.version + 1, name: name.to_string(), ..changed.clone() };
            tx.audit("update", Entity::Unit, changed.id, Some(&before), Some(&after))
        })?;
        self.unit(changed.id)
    }

    pub fn unit(&self, id: i64) -> Result<Unit> {
        read_unit(&self.conn, id)
    }

    /// A unit by its exact name (surrounding white space ignored).
    pub fn unit_by_name(&self, name: &str) -> Result<Unit> {
        self.conn
            .query_row(
                &format!("SELECT {UNIT_COLS} FROM unit WHERE name = ?1"),
                [name.trim()],
                unit_from,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found(Entity::Unit, name.trim()))
    }

    /// Every unit, by kind then name.
    pub fn units(&self) -> Result<Vec<Unit>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {UNIT_COLS} FROM unit ORDER BY CASE kind WHEN 'township' THEN 0 WHEN 'department' THEN 1 ELSE 2 END, id"
        ))?;
        let rows = stmt.query_map([], unit_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_leader(
        &mut self,
        name: &str,
        title: LeaderTitle,
        liaison: Option<&str>,
    ) -> Result<Leader> {
        let liaison_id = liaison
            .map(|n| self.leader_by_name(n).map(|l| l.id))
            .transpose()?;
        let id = self.write(Role::Admin, |tx| {
            let leader = Leader {
                id: 0,
                name: name.trim().to_string(),
                title,
                liaison_id,
                active: true,
                version: 1,
            };
            let id = tx.insert_leader(&leader)?;
            tx.audit(
                "create",
                Entity::Leader,
                id,
                None::<&()>,
                Some(&Leader { id, ..leader }),
            )?;
            Ok(id)
        })?;
        self.leader(id)
    }

    pub fn leader(&self, id: i64) -> Result<Leader> {
        read_leader(&self.conn, id)
    }

    /// Changes a leader's name, title, liaison director and active flag (not the id), refusing a
    /// stale `version`.
    pub fn update_leader(&mut self, changed: &Leader) -> Result<Leader> {
        if changed.liaison_id == Some(changed.id) {
            return Err(Invalid::OwnLiaison(changed.name.trim().to_string()).into());
        }
        if let Some(liaison) = changed.liaison_id {
            self.leader(liaison)?;
        }
        self.write(Role::Admin, |tx| {
            let id = changed.id;
            tx.check_version(Entity::Leader, "leader", "id = ?1", &id, &id.to_string(), changed.version)?;
            let before = read_leader(tx, id)?;
            let name = tx.free_name("leader", Entity::Leader, &changed.name, Some(id))?;
            tx.execute(
                "UPDATE leader SET name = ?2, title = ?3, liaison_id = ?4, active = ?5, version = version + 1 WHERE id = ?1",
                params![id, name, changed.title.code(), changed.liaison_id, changed.active],
            )?;
            let after = Leader { version: changed.version + 1, name: name.to_string(), ..changed.clone() };
            tx.audit("update", Entity::Leader, id, Some(&before), Some(&after))
        })?;
        self.leader(changed.id)
    }

    pub fn leader_by_name(&self, name: &str) -> Result<Leader> {
        self.conn
            .query_row(
                &format!("SELECT {LEADER_COLS} FROM leader WHERE name = ?1"),
                [name.trim()],
                leader_from,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found(Entity::Leader, name.trim()))
    }

    /// Every leader, county head first.
    pub fn leaders(&self) -> Result<Vec<Leader>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {LEADER_COLS} FROM leader ORDER BY CASE title WHEN 'county_head' THEN 0 WHEN 'deputy_head' THEN 1 WHEN 'office_director' THEN 2 ELSE 3 END, id"
        ))?;
        let rows = stmt.query_map([], leader_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
