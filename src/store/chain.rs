//! The audit chain (migration 8): every audit row carries a SHA-256 over its own fields and the
//! hash of the row before it. Editing, removing or slipping in a row breaks the chain from there
//! on, and [`Store::audit_chain`] finds where.
//!
//! The chain shows tampering by anyone who edits the file without recomputing every later hash.
//! Someone able to do that (the file's owner with the sqlite3 shell and patience) can only be
//! caught against a copy of the head kept elsewhere: `duban check` prints it, and the nightly
//! backup keeps one.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Result, Store, Tx};

/// The fields of an audit row that its hash covers, in order.
pub(super) struct Link<'a> {
    pub id: i64,
    pub at: &'a str,
    pub user: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub undoes: Option<i64>,
}

impl Link<'_> {
    /// The row's hash given the previous row's (`""` for the first row): lowercase hex SHA-256
    /// over each field with its length, so no two different rows give the same input.
    pub fn hash(&self, prev: &str) -> String {
        let mut h = Sha256::new();
        let mut field = |v: Option<&str>| match v {
            None => h.update(b"-;"),
            Some(s) => {
                h.update(s.len().to_string().as_bytes());
                h.update(b":");
                h.update(s.as_bytes());
                h.update(b";");
            }
        };
        let id = self.id.to_string();
        let undoes = self.undoes.map(|u| u.to_string());
        field(Some(prev));
        field(Some(&id));
        field(Some(self.at));
        field(Some(self.user));
        field(Some(self.action));
        field(Some(self.entity));
        field(Some(self.entity_id));
        field(self.before);
        field(self.after);
        field(undoes.as_deref());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChainBreak {
    /// The row's fields no longer give its hash (edited), or it links to another row than the
    /// one before it (a row before it was removed or slipped in).
    Altered { id: i64 },
    /// Ids jump: the rows between are missing.
    Gap { after: i64, next: i64 },
    /// A row written after the chain began carries no hash.
    Unhashed { id: i64 },
}

/// The state of the audit chain, for `duban check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditChain {
    pub rows: usize,
    /// The newest row's id and hash: keep a copy elsewhere to catch a rewrite of the whole chain.
    pub head: Option<(i64, String)>,
    /// The first breaks found, oldest first (at most [`AuditChain::SHOWN`]).
    pub breaks: Vec<ChainBreak>,
}

impl AuditChain {
    pub const SHOWN: usize = 10;

    pub fn is_ok(&self) -> bool {
        self.breaks.is_empty()
    }
}

const UNCHAINED: &str = "audit_unchained_upto";

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

fn link(row: &Row) -> Link<'_> {
    Link {
        id: row.0,
        at: &row.1,
        user: &row.2,
        action: &row.3,
        entity: &row.4,
        entity_id: &row.5,
        before: row.6.as_deref(),
        after: row.7.as_deref(),
        undoes: row.8,
    }
}

const ROW_COLS: &str = "id, at, user, action, entity, entity_id, before, after, undoes, hash";

impl Tx<'_> {
    /// The id and hash the next audit row follows: the newest row's, or `(0, "")`.
    pub(super) fn chain_tip(&self) -> Result<(i64, String)> {
        Ok(self
            .prepare_cached("SELECT id, coalesce(hash, '') FROM audit ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or((0, String::new())))
    }
}

impl Store {
    /// Chains the audit rows written before migration 8, once, on the first open after it. The
    /// append-only trigger is set aside for that one transaction, so no other connection ever
    /// sees the log unguarded.
    pub(super) fn chain_old_audit_rows(&mut self) -> Result<()> {
        let upto: Option<i64> = self
            .conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?1",
                [UNCHAINED],
                |r| r.get(0),
            )
            .optional()?;
        let Some(upto) = upto else {
            return Ok(());
        };
        self.system_write(|tx| {
            tx.execute_batch("DROP TRIGGER audit_no_update")?;
            let rows: Vec<Row> = tx
                .prepare(&format!(
                    "SELECT {ROW_COLS} FROM audit WHERE id <= ?1 ORDER BY id"
                ))?
                .query_map([upto], read_row)?
                .collect::<rusqlite::Result<_>>()?;
            let mut prev = String::new();
            let mut set = tx.prepare("UPDATE audit SET hash = ?2 WHERE id = ?1")?;
            for row in &rows {
                prev = link(row).hash(&prev);
                set.execute(params![row.0, prev])?;
            }
            drop(set);
            tx.execute_batch(
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
            )?;
            tx.execute("DELETE FROM setting WHERE key = ?1", [UNCHAINED])?;
            Ok(())
        })
    }

    /// Walks the whole audit log, oldest first, and reports where its chain breaks.
    pub fn audit_chain(&self) -> Result<AuditChain> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {ROW_COLS} FROM audit ORDER BY id"))?;
        let mut rows = stmt.query([])?;
        let mut chain = AuditChain {
            rows: 0,
            head: None,
            breaks: Vec::new(),
        };
        let mut prev: Option<(i64, String)> = None;
        while let Some(r) = rows.next()? {
            let row = read_row(r)?;
            chain.rows += 1;
            let (prev_id, prev_hash) = prev.clone().unwrap_or((0, String::new()));
            let found = if row.0 != prev_id + 1 {
                Some(ChainBreak::Gap {
                    after: prev_id,
                    next: row.0,
                })
            } else {
                match &row.9 {
                    None => Some(ChainBreak::Unhashed { id: row.0 }),
                    Some(h) if *h != link(&row).hash(&prev_hash) => {
                        Some(ChainBreak::Altered { id: row.0 })
                    }
                    Some(_) => None,
                }
            };
            if let Some(b) = found
                && chain.breaks.len() < AuditChain::SHOWN
            {
                chain.breaks.push(b);
            }
            prev = Some((row.0, row.9.clone().unwrap_or_default()));
        }
        chain.head = prev;
        Ok(chain)
    }
}
