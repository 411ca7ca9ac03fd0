//! The schema, as migrations from an empty file. Never edit a released migration: add one.

use rusqlite_migration::{M, Migrations};

/// The schema version this binary writes. A database with a higher `user_version` was written by a
/// newer duban and is refused.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

pub(super) const MIGRATIONS: &[&str] = &[
    // 1: the regulation's records (units, leaders, meetings, minutes, tasks and their chain), the
    // calendar and the append-only audit log.
    include_str!("schema/01_core.sql"),
    // 2: pinyin initials (`crate::text::initials`) of unit names, topics and task text, for search.
    // Derived data: every write sets them; opening the store fills rows where they are NULL (rows
    // written before this migration). The partial indexes hold only such rows, so asking whether
    // any are left costs nothing on a normal open.
    include_str!("schema/02_initials.sql"),
    // 3: undo. An undo is a new, audited change: its row names the row it reverts in `undoes`
    // (NULL for every other change). A change is undone at most once; the user's own changes are
    // looked up newest first. The append-only triggers of migration 1 still guard the table.
    include_str!("schema/03_undo.sql"),
    // 4: reports. Each figure over a period is answered by an index: tasks by the date of their
    // limit (with what the figures need, so the index covers them), exempt tasks, and explanations
    // by the day they were submitted and the day they promised.
    include_str!("schema/04_reports.sql"),
    // 5: the ledger's order in an index. `sort_key` puts open tasks before done ones, then orders
    // by the working-day ordinal of the limit, tasks without one last: the order of
    // `TaskSort::WorkdaysLeft` whenever no task is recorded as completed after the day viewed.
    // A virtual column, so every write keeps it right; windows seek on it (keyset), never skip.
    include_str!("schema/05_ledger_order.sql"),
    // 6: search. Task text and meeting topics, with their pinyin initials, in full-text indexes
    // whose tokens are single characters of the text (`duban_chars`) and pairs of letters of the
    // initials (`duban_pairs`), both registered by `Store::open` (see `store::search`): a query
    // of any length is a phrase the index answers. The indexes only narrow: the ledger still
    // checks each candidate for the exact substring. Triggers keep them in the writes'
    // transactions. A meeting's topics are one document, a topic apart from the next by a token
    // no query holds (U+E000).
    include_str!("schema/06_search.sql"),
    // 7: the units' and the overview's figures from what the writes keep. `unit_count` counts each
    // unit's tasks, those completed, completed on time and completed with a limit, kept by
    // triggers in the writes' transactions (done tasks are most of an archive and their figures do
    // not change with the day). The open tasks, whose lights do change with the day, are few: one
    // index holds every column their lights and states are computed from.
    include_str!("schema/07_figures.sql"),
    include_str!("schema/08_accounts.sql"),
    include_str!("schema/09_meeting_months.sql"),
    include_str!("schema/10_ids_kept.sql"),
    include_str!("schema/11_audit_count.sql"),
    include_str!("schema/12_chain.sql"),
    include_str!("schema/13_whole_notices.sql"),
    include_str!("schema/14_procedure_unknown.sql"),
    include_str!("schema/15_unit_aliases.sql"),
];

/// The migrations from an empty file to [`SCHEMA_VERSION`].
pub fn migrations() -> Migrations<'static> {
    Migrations::from_iter(MIGRATIONS.iter().map(|sql| M::up(sql)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_apply_to_an_empty_file_given_the_search_function() {
        // Migration 6 calls `duban_chars`, which every connection of the store registers.
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::search::register(&conn).unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, super::SCHEMA_VERSION as i64);
    }

    #[test]
    fn r18_5_migration_15_gives_every_existing_unit_its_short_forms() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::search::register(&conn).unwrap();
        let before = rusqlite_migration::Migrations::from_iter(
            super::MIGRATIONS[..14].iter().map(|sql| super::M::up(sql)),
        );
        before.to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO unit (id, name, kind) VALUES (1, '县住房和城乡建设局', 'department'),
                                                      (2, '上塘镇', 'township')",
        )
        .unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let mut stmt = conn
            .prepare("SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, alias")
            .unwrap();
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(rows.contains(&(1, "住建".to_string())));
        assert!(rows.contains(&(1, "住建局".to_string())));
        assert!(rows.iter().all(|(u, _)| *u == 1), "a township has none");
    }
}
