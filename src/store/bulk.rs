//! Loading a whole dataset (the demo county, benchmark data) in one transaction, through the same
//! insert functions as single writes, with one audit row for the load.

use crate::domain::Role;
use serde_json::json;

use super::{Entity, Invalid, Result, Store};
use crate::domain::{
    Attendance, Criticism, Explanation, Feedback, Leader, Meeting, Minutes, ProgressReport,
    Referral, Task, Unit,
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
}

impl Store {
    /// Loads `data` into an empty database; refuses one that already holds data.
    pub fn load_dataset(&mut self, data: &Dataset, label: &str) -> Result<()> {
        // Say "not allowed" before "not empty" (the write checks the role again).
        self.may(Role::Admin)?;
        if !self.is_empty()? {
            return Err(Invalid::NotEmpty.into());
        }
        self.write(Role::Admin, |tx| {
            // An index is built far faster from the whole table than row by row: set the large
            // tables' indexes aside and build them again, from their own definitions, at the end.
            // So are the search indexes and the kept counts (migrations 6 and 7): their triggers
            // are set aside too, and what they keep is built whole at the end.
            let aside: Vec<(String, String, String)> = {
                let mut stmt = tx.prepare(
                    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
                     AND ((type = 'index'
                           AND tbl_name IN ('task', 'task_co_unit', 'progress_report', 'explanation'))
                       OR (type = 'trigger' AND tbl_name IN ('task', 'meeting_topic', 'minutes')))",
                )?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (kind, name, _) in &aside {
                let kind = if kind == "index" { "INDEX" } else { "TRIGGER" };
                tx.execute_batch(&format!("DROP {kind} \"{}\"", name.replace('"', "\"\"")))?;
            }
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
                tx.insert_explanation(e)?;
            }
            for c in &data.criticisms {
                tx.insert_criticism(c)?;
            }
            for r in &data.referrals {
                tx.insert_referral(r)?;
            }
            tx.execute_batch(REBUILD_KEPT)?;
            for (_, _, sql) in &aside {
                tx.execute_batch(sql)?;
            }
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
        })
    }
}

/// Builds whole what the triggers of migrations 6 and 7 keep row by row: the search indexes, the
/// units' task counts and the meetings' minutes issue days. For a bulk load, which sets the
/// triggers aside and loads every row first.
const REBUILD_KEPT: &str = "
DELETE FROM task_fts;
INSERT INTO task_fts (rowid, text, initials) SELECT id, duban_chars(text), duban_pairs(initials) FROM task;
DELETE FROM topic_fts;
INSERT INTO topic_fts (rowid, text, initials) SELECT * FROM topic_document;
DELETE FROM unit_count;
INSERT INTO unit_count (unit_id, tasks, done, on_time, with_limit)
    SELECT unit_id, sum(tasks), sum(done), sum(on_time), sum(with_limit)
    FROM task_count_terms GROUP BY unit_id;
UPDATE meeting SET minutes_issued_on = (SELECT issued_on FROM minutes WHERE meeting_id = meeting.id);
";
