//! Loading a whole dataset (the demo county, benchmark data) in one transaction, through the same
//! insert functions as single writes, with one audit row for the load.

use crate::domain::Role;
use serde_json::json;

use super::{Entity, Invalid, Result, Store, Tx};
use crate::domain::{
    Attendance, Criticism, Explanation, Feedback, Leader, Meeting, Minutes, ProgressReport,
    Referral, Task, Unit, Waiver,
};

/// Records with their ids already assigned (ids must be positive and unique per kind).
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub units: Vec<Unit>,
    pub leaders: Vec<Leader>,
    pub meetings: Vec<Meeting>,
    pub attendance: Vec<Attendance>,
    pub minutes: Vec<Minutes>,
    pub feedback: Vec<Feedback>,
    pub tasks: Vec<Task>,
    pub progress: Vec<ProgressReport>,
    pub explanations: Vec<Explanation>,
    pub criticisms: Vec<Criticism>,
    pub referrals: Vec<Referral>,
    pub waivers: Vec<Waiver>,
}

impl Store {
    /// Loads `data` into an empty database; refuses one that already holds data.
    pub fn load_dataset(&mut self, data: &Dataset, label: &str) -> Result<()> {
        // Say "not allowed" before "not empty" (the write checks the role again).
        self.may(Role::Admin)?;
        if !self.is_empty()? {
            return Err(Invalid::NotEmpty.into());
        }
        // The file is empty, so a rollback journal holds next to nothing (pages past the file's
        // end are not journalled) while WAL would write every page twice, once to the log and
        // once at the checkpoint. A crash still leaves the empty database. Another connection
        // open on the file keeps it in WAL, which is only slower.
        let journal = self.leave_wal()?;
        let loaded = self.write(Role::Admin, |tx| load(tx, data, label));
        if journal {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        loaded
    }

    /// Switches an empty database out of WAL for a bulk load; whether it did.
    pub(super) fn leave_wal(&self) -> Result<bool> {
        let mode = |r: &rusqlite::Row| r.get::<_, String>(0);
        if !self
            .conn
            .query_row("PRAGMA journal_mode", [], mode)?
            .eq_ignore_ascii_case("wal")
        {
            return Ok(false);
        }
        match self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], mode)
        {
            Ok(now) => Ok(now.eq_ignore_ascii_case("delete")),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

/// Indexes and triggers set aside for a bulk load: (type, name, definition).
pub(super) struct SetAside(Vec<(String, String, String)>);

/// Sets aside, inside `tx`, every index (but the audit log's) and the triggers that keep the
/// search indexes, the kept counts and the highest ids (migrations 6, 7, 9 and 10): an index is
/// built far faster from the whole table than row by row. While they are aside, new rows must be
/// given their ids; [`restore`] builds everything back, and recounts the chain of promises (the
/// promise in force, criticised, the unanswered promise) for every task once the indexes are back.
pub(super) fn set_aside(tx: &Tx<'_>) -> Result<SetAside> {
    let aside: Vec<(String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
                     AND ((type = 'index' AND tbl_name <> 'audit')
                       OR (type = 'trigger' AND tbl_name IN ('task', 'meeting', 'meeting_topic', 'minutes', 'unit',
                           'leader', 'progress_report', 'explanation', 'criticism', 'referral', 'waiver')))",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (kind, name, _) in &aside {
        let kind = if kind == "index" { "INDEX" } else { "TRIGGER" };
        tx.execute_batch(&format!("DROP {kind} \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(SetAside(aside))
}

/// Builds back what [`set_aside`] set aside: the search indexes, the kept counts and the highest
/// ids from the whole tables, then each index and trigger from its own definition, then every
/// task's chain of promises.
pub(super) fn restore(tx: &Tx<'_>, aside: SetAside) -> Result<()> {
    tx.execute_batch(REBUILD_KEPT)?;
    for table in super::ID_TABLES {
        tx.execute_batch(&format!(
            "UPDATE id_used SET last = max(last, coalesce((SELECT max(id) FROM {table}), 0))
             WHERE tbl = '{table}'"
        ))?;
    }
    // The sorter behind CREATE INDEX may use a second core.
    tx.execute_batch("PRAGMA threads = 2")?;
    let built = aside
        .0
        .iter()
        .try_for_each(|(_, _, sql)| tx.execute_batch(sql));
    tx.execute_batch("PRAGMA threads = 0")?;
    built?;
    Ok(tx.execute_batch(super::promises::REBUILD_CHAIN)?)
}

/// The load itself, inside the write's transaction.
fn load(tx: &Tx<'_>, data: &Dataset, label: &str) -> Result<()> {
    let aside = set_aside(tx)?;
    for u in &data.units {
        tx.insert_unit(u)?;
    }
    // Liaison directors first: heads refer to them.
    for l in data
        .leaders
        .iter()
        .filter(|l| l.liaison_id.is_none())
        .chain(data.leaders.iter().filter(|l| l.liaison_id.is_some()))
    {
        tx.insert_leader(l)?;
    }
    for m in &data.meetings {
        tx.insert_meeting(m)?;
    }
    for a in &data.attendance {
        tx.insert_attendance(a)?;
    }
    for m in &data.minutes {
        tx.put_minutes(m)?;
    }
    for f in &data.feedback {
        tx.insert_feedback(f)?;
    }
    for t in &data.tasks {
        tx.insert_task(t)?;
    }
    for p in &data.progress {
        tx.insert_progress(p)?;
    }
    for e in &data.explanations {
        tx.insert_explanation_row(e)?;
    }
    for c in &data.criticisms {
        tx.insert_criticism_rows(c)?;
    }
    for w in &data.waivers {
        tx.insert_waiver_row(w)?;
    }
    for r in &data.referrals {
        tx.insert_referral(r)?;
    }
    restore(tx, aside)?;
    let summary = json!({
        "label": label,
        "units": data.units.len(),
        "leaders": data.leaders.len(),
        "meetings": data.meetings.len(),
        "tasks": data.tasks.len(),
        "criticisms": data.criticisms.len(),
    });
    tx.audit(
        "create",
        Entity::Database,
        label,
        None::<&()>,
        Some(&summary),
    )
}

/// Builds whole what the triggers of migrations 6, 7 and 9 keep row by row: the search indexes, the
/// units' task counts, the meetings' minutes issue days and the meetings counted by month (the
/// highest id each table has held, migration 10, is built after it, table by table). The task index is written as segments
/// and merged once at the end (one segment, as `optimize` leaves it), not merged as it grows; then
/// FTS5's default merging is back for the writes to come. For a bulk load, which sets the
/// triggers aside and loads every row first.
const REBUILD_KEPT: &str = "
DELETE FROM task_fts;
INSERT INTO task_fts (task_fts, rank) VALUES ('automerge', 0);
INSERT INTO task_fts (rowid, text, initials) SELECT id, duban_chars(text), duban_pairs(initials) FROM task;
INSERT INTO task_fts (task_fts) VALUES ('optimize');
INSERT INTO task_fts (task_fts, rank) VALUES ('automerge', 4);
DELETE FROM topic_fts;
INSERT INTO topic_fts (rowid, text, initials) SELECT * FROM topic_document;
DELETE FROM unit_count;
INSERT INTO unit_count (unit_id, tasks, done, on_time, with_limit)
    SELECT unit_id, sum(tasks), sum(done), sum(on_time), sum(with_limit)
    FROM task_count_terms GROUP BY unit_id;
DELETE FROM meeting_month;
INSERT INTO meeting_month (month, n) SELECT substr(date, 1, 7), count(*) FROM meeting GROUP BY 1;
UPDATE meeting SET minutes_issued_on = (SELECT issued_on FROM minutes WHERE meeting_id = meeting.id);
";
