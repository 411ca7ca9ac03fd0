//! A step on several tasks undone and redone as one: the user's last changes written in one
//! transaction (consecutive audit rows of theirs, of one kind of record and action, at one time)
//! are reverted together, in one transaction, and made again together.

use rusqlite::params;

use super::redo::{RedoneChange, UndoPeek, label_of};
use super::{UndoneChange, last_undoable};
use crate::domain::Role;
use crate::store::{Entity, Result, Store};

impl Store {
    /// The last changes `u` would revert, at most `n`: the newest, and before it those written
    /// with it (consecutive audit rows of this user, the same time, record kind and action, none
    /// undone). Empty when there is nothing to undo.
    pub fn peek_undo_batch(&self, n: usize) -> Result<Vec<UndoPeek>> {
        let Some(first) = last_undoable(&self.conn, &self.user)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, user, at, action, entity, entity_id, before, after,
                    EXISTS (SELECT 1 FROM audit u WHERE u.undoes = a.id)
             FROM audit a WHERE id <= ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        type Row = (
            i64,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            bool,
        );
        let rows: Vec<Row> = stmt
            .query_map(params![first.id, n.max(1) as i64], |r| {
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
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let Some(head) = rows.first().cloned() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (i, (id, user, at, action, entity, entity_id, before, after, undone)) in
            rows.into_iter().enumerate()
        {
            let together = id == first.id - i as i64
                && user == head.1
                && at == head.2
                && action == head.3
                && entity == head.4
                && !undone;
            let Some(kind) = Entity::from_code(&entity).filter(|_| together) else {
                break;
            };
            let record = after
                .as_deref()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok());
            out.push(UndoPeek {
                audit_id: id,
                entity: kind,
                entity_id,
                removes: before.is_none() && kind != Entity::Feedback,
                label: record.as_ref().and_then(label_of),
            });
        }
        Ok(out)
    }

    /// Reverts the changes `expect` (audit rows, newest first, as [`Store::peek_undo_batch`]
    /// gave them) in one transaction: all, or none when any is refused.
    pub fn undo_batch(&mut self, expect: &[i64]) -> Result<Vec<UndoneChange>> {
        self.write(Role::Editor, |tx| {
            expect.iter().map(|id| tx.undo_one(Some(*id))).collect()
        })
    }

    /// Makes again the user's last `n` undos in one transaction: all, or none when any is
    /// refused.
    pub fn redo_batch(&mut self, n: usize) -> Result<Vec<RedoneChange>> {
        self.write(Role::Editor, |tx| {
            (0..n.max(1)).map(|_| tx.redo_one()).collect()
        })
    }
}
