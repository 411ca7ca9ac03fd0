//! The audit log: one row per change, in the transaction of the change.

use rusqlite::params;
use serde::Serialize;

use super::window::{Side, around, nearer_than_either_end};
use super::{Entity, Result, Store, StoreError, Tx};

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Increasing with every change: the newest row has the largest id.
    pub id: i64,
    /// When, in China Standard Time (`…+08:00`).
    pub at: String,
    /// The operating-system user who made the change.
    pub user: String,
    /// What was done (`create`, `update`, …).
    pub action: String,
    /// The kind of record changed ([`Entity::code`]).
    pub entity: String,
    /// Which record: its id, or a composite key such as `meeting/unit`.
    pub entity_id: String,
    /// The record before the change; `None` for a creation.
    pub before: Option<serde_json::Value>,
    /// The record after the change; `None` for a removal.
    pub after: Option<serde_json::Value>,
    /// For an `undo` (or a `redo`, which reverts an undo): the id of the row it reverts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undoes: Option<i64>,
}

/// Which audit rows to read ([`Store::audit_search`]); `None` matches any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// The account that made the change.
    pub user: Option<String>,
    /// From this day on (China Standard Time).
    pub since: Option<chrono::NaiveDate>,
    pub limit: usize,
}

impl Tx<'_> {
    /// Appends an audit row. `before` is `None` for a creation, `after` for a removal.
    pub(super) fn audit<B: Serialize, A: Serialize>(
        &self,
        action: &str,
        entity: Entity,
        id: impl ToString,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        self.audit_row(action, entity, &id.to_string(), before, after, None)
            .map(drop)
    }

    /// Appends the audit row of an undo: `before` is the record as it was, `after` as restored
    /// (`None` when the undo removed it), `undoes` the id of the row it reverts.
    pub(super) fn audit_undo<B: Serialize, A: Serialize>(
        &self,
        entity: Entity,
        id: &str,
        before: Option<&B>,
        after: Option<&A>,
        undoes: i64,
    ) -> Result<i64> {
        self.audit_row("undo", entity, id, before, after, Some(undoes))
    }

    /// Appends the audit row of a redo: the record as the undo left it (`None` when the undo
    /// removed it) and as made again; `undoes` the id of the undo it reverts.
    pub(super) fn audit_redo<B: Serialize, A: Serialize>(
        &self,
        entity: Entity,
        id: &str,
        before: Option<&B>,
        after: Option<&A>,
        undoes: i64,
    ) -> Result<i64> {
        self.audit_row("redo", entity, id, before, after, Some(undoes))
    }

    fn audit_row<B: Serialize, A: Serialize>(
        &self,
        action: &str,
        entity: Entity,
        id: &str,
        before: Option<&B>,
        after: Option<&A>,
        undoes: Option<i64>,
    ) -> Result<i64> {
        let before = before
            .map(serde_json::to_string)
            .transpose()
            .map_err(to_sql_err)?;
        let after = after
            .map(serde_json::to_string)
            .transpose()
            .map_err(to_sql_err)?;
        // The write transaction holds the database's write lock, so the tip cannot move under us.
        let (tip, prev) = self.chain_tip()?;
        let row = tip + 1;
        let hash = super::chain::Link {
            id: row,
            at: &self.at,
            user: self.user,
            action,
            entity: entity.code(),
            entity_id: id,
            before: before.as_deref(),
            after: after.as_deref(),
            undoes,
        }
        .hash(&prev);
        self.prepare_cached(
            "INSERT INTO audit (id, at, user, action, entity, entity_id, before, after, undoes, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![row, self.at, self.user, action, entity.code(), id, before, after, undoes, hash])?;
        Ok(row)
    }

    /// Refuses an update of a record whose version moved since the caller read it, naming the last
    /// person who changed it.
    pub(super) fn check_version(
        &self,
        entity: Entity,
        table: &str,
        key_sql: &str,
        key: &dyn rusqlite::ToSql,
        id: &str,
        expected: i64,
    ) -> Result<()> {
        let found: Option<i64> = self
            .query_row(
                &format!("SELECT version FROM {table} WHERE {key_sql}"),
                [key],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| {
                if e == rusqlite::Error::QueryReturnedNoRows {
                    Ok(None)
                } else {
                    Err(e)
                }
            })?;
        self.expect_version(entity, id, found, expected)
    }

    /// Refuses to change a record whose current version `found` is not `expected` (`None`: the
    /// record is gone), naming the last person who changed it and when.
    pub(super) fn expect_version(
        &self,
        entity: Entity,
        id: &str,
        found: Option<i64>,
        expected: i64,
    ) -> Result<()> {
        match found {
            None => Err(StoreError::not_found(entity, id)),
            Some(v) if v == expected => Ok(()),
            Some(_) => {
                let (by, at) = self
                    .query_row(
                        "SELECT user, at FROM audit WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT 1",
                        params![entity.code(), id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap_or_else(|_| ("?".to_string(), "?".to_string()));
                Err(StoreError::Conflict {
                    entity,
                    id: id.to_string(),
                    by,
                    at,
                })
            }
        }
    }
}

const AUDIT_COLS: &str = "id, at, user, action, entity, entity_id, before, after, undoes";

/// An [`AuditEntry`] from a row of [`AUDIT_COLS`]; JSON that does not parse reads as `None`.
fn entry_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        user: r.get(2)?,
        action: r.get(3)?,
        entity: r.get(4)?,
        entity_id: r.get(5)?,
        before: parse(r.get(6)?),
        after: parse(r.get(7)?),
        undoes: r.get(8)?,
    })
}

pub(super) fn to_sql_err(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

impl Store {
    /// The newest audit rows first, optionally for one entity (and id).
    pub fn audit_log(
        &self,
        entity: Option<&str>,
        entity_id: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        self.audit_search(&AuditQuery {
            entity: entity.map(str::to_string),
            entity_id: entity_id.map(str::to_string),
            limit,
            ..AuditQuery::default()
        })
    }

    /// The newest audit rows first that match `q`.
    pub fn audit_search(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
        // Rows are written in time order, so "since a day" is "from the first row of that day":
        // `at` starts with the date in China Standard Time.
        let since = q.since.map(|d| d.format("%Y-%m-%d").to_string());
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {AUDIT_COLS} FROM audit
             WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)
               AND (?3 IS NULL OR user = ?3) AND (?4 IS NULL OR at >= ?4)
             ORDER BY id DESC LIMIT ?5"
        ))?;
        let limit = i64::try_from(q.limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(
            params![q.entity, q.entity_id, q.user, since, limit],
            entry_from,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A window of the whole audit log, newest first: `limit` rows after skipping `offset`.
    pub fn audit_page(&self, offset: usize, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {AUDIT_COLS} FROM audit ORDER BY id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![limit, offset], entry_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// [`Store::audit_page`] read from the nearest of its start, `anchor` (an entry and its
    /// place, newest first) and the end of a log of `total` rows: a window deep in a long log is
    /// sought by id instead of skipping rows.
    pub fn audit_window(
        &self,
        offset: usize,
        limit: usize,
        total: usize,
        anchor: Option<(i64, usize)>,
    ) -> Result<Vec<AuditEntry>> {
        let from_end = total.saturating_sub(offset);
        // `n` rows after skipping `skip`, of those whose id stands to `id` as `cond` says.
        let read = |cond: &str,
                    id: i64,
                    order: &str,
                    n: usize,
                    skip: usize|
         -> Result<Vec<AuditEntry>> {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {AUDIT_COLS} FROM audit WHERE id {cond} ?1 ORDER BY id {order} LIMIT ?2 OFFSET ?3"
            ))?;
            let (n, skip) = (to_i64(n), to_i64(skip));
            let rows = stmt.query_map(params![id, n, skip], entry_from)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        match anchor {
            Some((id, at)) if nearer_than_either_end(at, offset, total) => {
                // Newer entries come before in the list: read upwards from the anchor.
                around(offset, limit, at, |side, n, skip| match side {
                    Side::Before => read(">", id, "ASC", n, skip),
                    Side::From => read("<=", id, "DESC", n, skip),
                })
            }
            _ if from_end < offset => {
                let end = offset.saturating_add(limit).min(total);
                let mut rows = read("<=", i64::MAX, "ASC", end - offset, total - end)?;
                rows.reverse();
                Ok(rows)
            }
            _ => self.audit_page(offset, limit),
        }
    }

    /// How many rows the audit log holds: the length its inserts keep (migration 11).
    pub fn audit_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT n FROM audit_length")?
            .query_row([], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// Whether the kept length of the audit log differs from a recount (rows removed or slipped
    /// in behind the store's back, triggers and all).
    pub(crate) fn audit_length_differs(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT (SELECT n FROM audit_length) IS NOT (SELECT count(*) FROM audit)",
            [],
            |r| r.get(0),
        )?)
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
