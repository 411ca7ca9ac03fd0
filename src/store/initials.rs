//! Pinyin initials (`crate::text::initials`) stored beside unit names, meeting topics and task
//! text, so a search typed as `stz` finds 上塘镇 in SQL.

use rusqlite::params_from_iter;

use super::{Result, Store};
use crate::text::initials;

/// The tables with an `initials` column: table, key columns, the text the initials are of.
const DERIVED: &[(&str, &[&str], &str)] = &[
    ("unit", &["id"], "name"),
    ("meeting_topic", &["meeting_id", "seq"], "topic"),
    ("task", &["id"], "text"),
];

/// What a search query matches against stored initials: the trimmed query in lower case when it
/// is only ASCII letters and digits (what one types for initials), else `None`.
pub(super) fn initials_query(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| t.to_ascii_lowercase())
}

impl Store {
    /// Fills the initials of rows that have none (written before migration 2, or by hand), in one
    /// transaction. Derived data, so no audit row. When every row has them, as on a normal open,
    /// this is one query answered from the (empty) partial indexes.
    pub(super) fn backfill_initials(&mut self) -> Result<()> {
        let missing = DERIVED
            .iter()
            .map(|(table, ..)| format!("EXISTS (SELECT 1 FROM {table} WHERE initials IS NULL)"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let any: bool = self
            .conn
            .query_row(&format!("SELECT {missing}"), [], |r| r.get(0))?;
        if !any {
            return Ok(());
        }
        self.system_write(|tx| {
            for (table, keys, source) in DERIVED {
                let rows: Vec<(Vec<i64>, String)> = {
                    let mut stmt = tx.prepare(&format!(
                        "SELECT {}, {source} FROM {table} WHERE initials IS NULL",
                        keys.join(", ")
                    ))?;
                    let rows = stmt.query_map([], |r| {
                        let key = (0..keys.len())
                            .map(|i| r.get(i))
                            .collect::<rusqlite::Result<_>>()?;
                        Ok((key, r.get(keys.len())?))
                    })?;
                    rows.collect::<rusqlite::Result<_>>()?
                };
                let cond = keys
                    .iter()
                    .enumerate()
                    .map(|(i, k)| format!("{k} = ?{}", i + 2))
                    .collect::<Vec<_>>()
                    .join(" AND ");
                let mut update =
                    tx.prepare(&format!("UPDATE {table} SET initials = ?1 WHERE {cond}"))?;
                for (key, text) in rows {
                    let values = std::iter::once(rusqlite::types::Value::Text(initials(&text)))
                        .chain(key.into_iter().map(rusqlite::types::Value::Integer));
                    update.execute(params_from_iter(values))?;
                }
            }
            Ok(())
        })
    }
}
