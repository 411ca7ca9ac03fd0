//! What a ledger export writes beyond the ledger's rows (see `crate::exchange`): each task's
//! meeting topics, minutes' issue date, leader's title, lead unit's kind, completion note and
//! records; and, for a full workbook, every meeting with its minutes, attendance and feedback,
//! and every progress report, explanation and waiver. Read one at a time, so that an export of any size
//! needs little memory.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::meetings::read_meeting_record;
use super::minutes::read_minutes;
use super::{Result, Store, StoreError, TaskFilter, TaskRow};
use crate::domain::{
    Attendance, Criticism, Explanation, Feedback, LeaderTitle, Meeting, Minutes, ProgressReport,
    UnitKind, Waiver,
};

/// One task as a ledger export writes it: its row and what an import needs to rebuild it.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerEntry {
    pub row: TaskRow,
    /// Every topic of its meeting, in order.
    pub topics: Vec<String>,
    /// The day its meeting's minutes were issued (the start of a default limit).
    pub issued_on: Option<NaiveDate>,
    pub leader_title: Option<LeaderTitle>,
    pub lead_kind: UnitKind,
    pub completion_note: Option<String>,
    /// Oldest first.
    pub progress: Vec<ProgressReport>,
    /// Oldest first.
    pub explanations: Vec<Explanation>,
    /// The criticisms citing it, oldest first.
    pub criticisms: Vec<Criticism>,
    /// The decisions not to criticise it (不予通报批评), oldest first.
    pub waivers: Vec<Waiver>,
}

impl LedgerEntry {
    /// The row alone, with no records (for tests and rows built by hand).
    pub fn bare(row: TaskRow) -> LedgerEntry {
        LedgerEntry {
            topics: row.meeting_topic.clone().into_iter().collect(),
            row,
            issued_on: None,
            leader_title: None,
            lead_kind: UnitKind::Other,
            completion_note: None,
            progress: Vec::new(),
            explanations: Vec::new(),
            criticisms: Vec::new(),
            waivers: Vec::new(),
        }
    }
}

/// A meeting with everything recorded about it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingFull {
    pub meeting: Meeting,
    pub minutes: Option<Minutes>,
    /// The participating units, by unit id.
    pub attendance: Vec<Attendance>,
    pub feedback: Vec<Feedback>,
}

impl Store {
    /// Task `row`'s entry: its meeting's topics and minutes, its leader's title, its lead unit's
    /// kind, its completion note and (with `records`) its progress reports, explanations,
    /// criticisms and waivers.
    pub fn ledger_entry(&self, row: TaskRow, records: bool) -> Result<LedgerEntry> {
        let (topics, issued_on, title, kind, note): (
            Option<String>,
            Option<NaiveDate>,
            Option<String>,
            String,
            Option<String>,
        ) = self
            .conn
            .prepare_cached(
                "SELECT (SELECT group_concat(topic, char(31)) FROM
                            (SELECT topic FROM meeting_topic WHERE meeting_id = t.meeting_id ORDER BY seq)),
                        (SELECT issued_on FROM minutes WHERE meeting_id = t.meeting_id),
                        (SELECT title FROM leader WHERE id = t.responsible_leader_id),
                        (SELECT kind FROM unit WHERE id = t.lead_unit_id),
                        t.completion_note
                 FROM task t WHERE t.id = ?1",
            )?
            .query_row([row.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?
            .ok_or_else(|| StoreError::not_found(super::Entity::Task, row.id))?;
        let progress = if records && row.last_progress_on.is_some() {
            self.conn
                .prepare_cached(
                    "SELECT id, task_id, reported_on, text FROM progress_report
                     WHERE task_id = ?1 ORDER BY reported_on, id",
                )?
                .query_map([row.id], |r| {
                    Ok(ProgressReport {
                        id: r.get(0)?,
                        task_id: r.get(1)?,
                        reported_on: r.get(2)?,
                        text: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        let explanations = if records && row.promised_on.is_some() {
            self.conn
                .prepare_cached(
                    "SELECT id, task_id, submitted_on, text, promised_on FROM explanation
                     WHERE task_id = ?1 ORDER BY submitted_on, id",
                )?
                .query_map([row.id], explanation_from)?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        let criticisms = if records {
            self.task_criticisms(row.id)?
        } else {
            Vec::new()
        };
        // A waiver answers a missed promise: only a task with an explanation has one.
        let waivers = if records && row.promised_on.is_some() {
            self.waivers_of_task(row.id)?
        } else {
            Vec::new()
        };
        Ok(LedgerEntry {
            topics: topics
                .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
            issued_on,
            leader_title: title.as_deref().and_then(LeaderTitle::from_code),
            lead_kind: UnitKind::from_code(&kind).unwrap_or(UnitKind::Other),
            completion_note: note,
            progress,
            explanations,
            criticisms,
            waivers,
            row,
        })
    }

    /// The criticisms citing task `id`, oldest first, each with every task it cites.
    fn task_criticisms(&self, id: i64) -> Result<Vec<Criticism>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.unit_id, c.date, c.doc_no, c.reason, c.version,
                    (SELECT group_concat(task_id) FROM criticism_task WHERE criticism_id = c.id)
             FROM criticism_task ct JOIN criticism c ON c.id = ct.criticism_id
             WHERE ct.task_id = ?1 ORDER BY c.date, c.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            let tasks: Option<String> = r.get(6)?;
            let mut task_ids: Vec<i64> = tasks
                .map(|t| t.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default();
            task_ids.sort_unstable();
            Ok(Criticism {
                id: r.get(0)?,
                unit_id: r.get(1)?,
                date: r.get(2)?,
                doc_no: r.get(3)?,
                reason: r.get(4)?,
                task_ids,
                version: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `each` with the entry of every task `filter` selects on `today` (with its records
    /// when `records`), in the ledger's order, one at a time (see [`Store::for_each_task`]).
    pub fn for_each_ledger_entry<E: From<StoreError>>(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
        records: bool,
        mut each: impl FnMut(LedgerEntry) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.for_each_task(filter, today, |row| each(self.ledger_entry(row, records)?))
    }

    /// The entries of every task `filter` selects on `today`, in the ledger's order.
    pub fn ledger_entries(
        &self,
        filter: &TaskFilter,
        today: NaiveDate,
    ) -> Result<Vec<LedgerEntry>> {
        let mut out = Vec::new();
        self.for_each_ledger_entry(filter, today, true, |e| {
            out.push(e);
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    /// Calls `each` with every meeting (oldest first), its minutes, attendance and feedback.
    pub fn for_each_meeting_full<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(MeetingFull) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM meeting ORDER BY date, id")
                .map_err(StoreError::from)?;
            let rows = stmt.query_map([], |r| r.get(0)).map_err(StoreError::from)?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(StoreError::from)?
        };
        for id in ids {
            let record = read_meeting_record(&self.conn, id)?;
            each(MeetingFull {
                minutes: read_minutes(&self.conn, id)?,
                meeting: record.meeting,
                attendance: record.attendance,
                feedback: record.feedback,
            })?;
        }
        Ok(())
    }

    /// Calls `each` with every progress report and its task's text, by task id, then date.
    pub fn for_each_progress<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(ProgressReport, String) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.id, p.task_id, p.reported_on, p.text, t.text FROM progress_report p
                 JOIN task t ON t.id = p.task_id ORDER BY p.task_id, p.reported_on, p.id",
            )
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let (p, task) = (|| {
                Ok::<_, rusqlite::Error>((
                    ProgressReport {
                        id: r.get(0)?,
                        task_id: r.get(1)?,
                        reported_on: r.get(2)?,
                        text: r.get(3)?,
                    },
                    r.get(4)?,
                ))
            })()
            .map_err(StoreError::from)?;
            each(p, task)?;
        }
        Ok(())
    }

    /// Calls `each` with every written explanation and its task's text, by task id, then date.
    pub fn for_each_explanation<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Explanation, String) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.id, e.task_id, e.submitted_on, e.text, e.promised_on, t.text FROM explanation e
                 JOIN task t ON t.id = e.task_id ORDER BY e.task_id, e.submitted_on, e.id",
            )
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let e = explanation_from(r).map_err(StoreError::from)?;
            let task: String = r.get(5).map_err(StoreError::from)?;
            each(e, task)?;
        }
        Ok(())
    }

    /// Calls `each` with every waiver (不予通报批评) and its task's text, by task id, then date.
    pub fn for_each_waiver<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Waiver, String) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT w.id, w.task_id, w.date, w.reason, w.version, t.text FROM waiver w
                 JOIN task t ON t.id = w.task_id ORDER BY w.task_id, w.date, w.id",
            )
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let (w, task) = (|| {
                Ok::<_, rusqlite::Error>((
                    Waiver {
                        id: r.get(0)?,
                        task_id: r.get(1)?,
                        date: r.get(2)?,
                        reason: r.get(3)?,
                        version: r.get(4)?,
                    },
                    r.get(5)?,
                ))
            })()
            .map_err(StoreError::from)?;
            each(w, task)?;
        }
        Ok(())
    }

    /// The ids of every task, for checking an import against (meeting, text and lead unit).
    pub fn task_keys(&self) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.meeting_id, t.text, u.name FROM task t JOIN unit u ON u.id = t.lead_unit_id",
        )?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn explanation_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Explanation> {
    Ok(Explanation {
        id: r.get(0)?,
        task_id: r.get(1)?,
        submitted_on: r.get(2)?,
        text: r.get(3)?,
        promised_on: r.get(4)?,
    })
}
