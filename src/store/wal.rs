//! The write-ahead log: its size, and checkpoints that copy it back into the database file.
//!
//! A connection between statements holds no read transaction, so an idle duban never keeps a
//! checkpoint from finishing; the TUI runs a passive checkpoint when the user has been idle for a
//! while, and `duban check` shows what is left in the log.

use std::path::PathBuf;

use serde::Serialize;

use super::{Result, Store};

/// The write-ahead log after a passive checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WalStatus {
    /// The size of the `-wal` file beside the database (0 when there is none, or in memory).
    pub bytes: u64,
    /// Frames (changed pages) in the log.
    pub frames: i64,
    /// Of those, frames copied back into the database file.
    pub checkpointed: i64,
    /// Whether the checkpoint could not finish because another connection was reading or writing.
    pub busy: bool,
}

impl Store {
    /// The `-wal` file beside the database.
    fn wal_file(&self) -> Option<PathBuf> {
        let db = self.conn.path().filter(|p| !p.is_empty())?;
        Some(PathBuf::from(format!("{db}-wal")))
    }

    /// A passive checkpoint: copies into the database file as much of the log as no reader still
    /// needs, without waiting for any lock and without blocking anyone, and tells how much is left.
    pub fn checkpoint(&self) -> Result<WalStatus> {
        let (busy, frames, checkpointed): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        let bytes = self
            .wal_file()
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len());
        Ok(WalStatus {
            bytes,
            frames: frames.max(0),
            checkpointed: checkpointed.max(0),
            busy: busy != 0,
        })
    }
}
