//! Reads that must agree with each other: one read transaction around them.

use super::{Result, Store};

/// A read transaction on the store. While it lives, every query of this store sees the database
/// as it was at the first of them, whatever other connections write meanwhile (in WAL mode they
/// are not blocked, and they do not wait for it). Dropping it ends it; nothing is written through
/// it.
pub struct Snapshot<'a> {
    _tx: Option<rusqlite::Transaction<'a>>,
}

impl Store {
    /// Starts a [`Snapshot`]: for a reader that walks the same query more than once and needs the
    /// same rows each time (a ledger export measures its columns, then writes its rows). Inside a
    /// transaction already, the reads see that transaction's database and nothing more is begun.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        if !self.conn.is_autocommit() {
            return Ok(Snapshot { _tx: None });
        }
        // BEGIN DEFERRED: the snapshot is taken by the first read; dropped, it rolls back.
        let tx = self.conn.unchecked_transaction()?;
        Ok(Snapshot { _tx: Some(tx) })
    }
}
