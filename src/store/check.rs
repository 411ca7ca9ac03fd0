//! `duban check`: database integrity and a summary of rule violations on `today`.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Result, Store, TaskFilter, WalStatus};
use crate::domain::{Light, TaskState};

/// What `duban check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// `ok`, or SQLite's list of problems.
    pub integrity: String,
    pub schema_version: i64,
    pub tasks: i64,
    pub red: i64,
    pub yellow: i64,
    pub explanation_due: i64,
    pub criticism_due: i64,
    /// R2.2: meetings whose notice was late or missing.
    pub notice_violations: usize,
    /// R4.4: minutes issued late or overdue.
    pub minutes_late: usize,
    /// R4.3: feedback rounds with units still to answer.
    pub feedback_waiting: usize,
    /// R5.7: units due for referral.
    pub referral_due: Vec<String>,
    /// Open tasks whose deadline rests on a year without a holiday notice.
    pub provisional_tasks: i64,
    /// `ok` when the counts the writes keep (`unit_count`, migration 7; `meeting_month`, migration
    /// 9; the audit log's length, migration 11; the tasks' chain of promises, migration 12) equal
    /// a recount, else the ids of the units, the months (`YYYY-MM`) whose counts differ, `audit`,
    /// and `task N` for each task whose chain columns differ.
    pub counts_kept: String,
    /// The audit log's hash chain: its length, head and first breaks.
    pub audit_chain: super::AuditChain,
    /// The write-ahead log after a passive checkpoint: its size and the frames still in it.
    pub wal: WalStatus,
}

impl Store {
    pub fn check(&self, today: NaiveDate) -> Result<CheckReport> {
        let integrity: Vec<String> = {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let schema_version = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let all = TaskFilter::default();
        let lights = self.task_light_counts(&all, today)?;
        let light = |l: Light| lights.iter().find(|(x, _)| *x == l).map_or(0, |(_, n)| *n);
        let in_state = |s: TaskState| -> Result<i64> {
            let f = TaskFilter {
                state: Some(s),
                ..TaskFilter::default()
            };
            Ok(self
                .task_light_counts(&f, today)?
                .iter()
                .map(|(_, n)| n)
                .sum())
        };
        let meetings = self.meetings(today)?;
        let provisional_tasks = self.conn.query_row(
            "SELECT count(*) FROM task WHERE provisional AND (completed_on IS NULL OR completed_on > ?1)",
            [today],
            |r| r.get(0),
        )?;
        Ok(CheckReport {
            integrity: integrity.join("; "),
            schema_version,
            tasks: lights.iter().map(|(_, n)| n).sum(),
            red: light(Light::Red),
            yellow: light(Light::Yellow),
            explanation_due: in_state(TaskState::ExplanationDue)?,
            criticism_due: in_state(TaskState::CriticismDue)?,
            notice_violations: meetings.iter().filter(|m| m.notice_late).count(),
            minutes_late: meetings.iter().filter(|m| m.minutes.is_late()).count(),
            feedback_waiting: self.feedback_rounds_waiting(today)?,
            referral_due: self
                .unit_rows(today)?
                .into_iter()
                .filter(|u| u.referral_due)
                .map(|u| u.name)
                .collect(),
            provisional_tasks,
            counts_kept: {
                let mut differ: Vec<String> = self
                    .kept_counts_differ()?
                    .iter()
                    .map(i64::to_string)
                    .collect();
                differ.extend(self.meeting_months_differ()?);
                if self.audit_length_differs()? {
                    differ.push("audit".to_string());
                }
                // R5.6: the chain's derived columns (missed promises) against a recount.
                differ.extend(self.chain_differs()?.iter().map(|id| format!("task {id}")));
                if differ.is_empty() {
                    "ok".to_string()
                } else {
                    differ.join(", ")
                }
            },
            audit_chain: self.audit_chain()?,
            wal: self.checkpoint()?,
        })
    }

    /// The units whose kept counts (`unit_count`) differ from a recount of their tasks.
    pub(crate) fn kept_counts_differ(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "WITH recount AS (
                 SELECT unit_id, sum(tasks) AS tasks, sum(done) AS done, sum(on_time) AS on_time,
                        sum(with_limit) AS with_limit
                 FROM task_count_terms GROUP BY unit_id)
             SELECT u.id FROM unit u
             LEFT JOIN recount r ON r.unit_id = u.id LEFT JOIN unit_count k ON k.unit_id = u.id
             WHERE coalesce(r.tasks, 0) <> coalesce(k.tasks, 0)
                OR coalesce(r.done, 0) <> coalesce(k.done, 0)
                OR coalesce(r.on_time, 0) <> coalesce(k.on_time, 0)
                OR coalesce(r.with_limit, 0) <> coalesce(k.with_limit, 0)
             ORDER BY u.id",
        )?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// The months (`YYYY-MM`) whose kept meeting count (`meeting_month`) differs from a recount.
    pub(crate) fn meeting_months_differ(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "WITH recount AS (SELECT substr(date, 1, 7) AS month, count(*) AS n FROM meeting GROUP BY 1)
             SELECT month FROM recount r LEFT JOIN meeting_month k USING (month)
             WHERE k.n IS NOT r.n
             UNION
             SELECT month FROM meeting_month k LEFT JOIN recount r USING (month)
             WHERE k.n <> 0 AND r.n IS NULL
             ORDER BY 1",
        )?;
        let months = stmt.query_map([], |r| r.get(0))?;
        Ok(months.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the database holds no units, leaders or meetings yet.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM unit) AND NOT EXISTS (SELECT 1 FROM leader) AND NOT EXISTS (SELECT 1 FROM meeting)",
            [],
            |r| r.get(0),
        )?)
    }
}
