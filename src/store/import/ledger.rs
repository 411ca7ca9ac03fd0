//! Loading a ledger plan: one transaction, prepared statements, each record written once with
//! its derived columns (the same insert functions as single writes), ids given in order from
//! those the tables have held (migration 10), and one audit row for the import naming the file
//! and the ids created. An import as large as the ledger already there sets the indexes and the
//! kept counts aside and builds them whole at the end, as the demo's bulk load does. Every record
//! is held to the rules every write obeys (`domain::order`, `domain::fields`), whoever made the
//! plan: an import's check (`crate::import::rules`) names the rows that break them first.

use serde_json::json;

use super::super::bulk;
use super::load::Load;
use super::{LedgerPlan, at_row};
use crate::domain::fields::{self, TextField};
use crate::domain::order;
use crate::domain::{Criticism, Referral, Role};
use crate::store::{Entity, Result, Store, Tx};

/// An import of at least this many tasks, and as many as the ledger holds, is loaded in bulk.
const BULK: usize = 1_000;

/// How many tasks are written between two calls of the progress callback.
const STEP: usize = 1_000;

impl Store {
    /// Carries out a ledger plan in one transaction (all or none): creates its units, leaders and
    /// meetings, its tasks with their progress reports, explanations and waivers (completed ones
    /// with their completion), then its criticisms and referrals, and counts each task's chain of
    /// promises once all are in. `progress` is told now and then how many of the tasks are
    /// written. Returns the tasks' ids, in the plan's order.
    pub fn import_ledger(
        &mut self,
        plan: &LedgerPlan,
        label: &str,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<i64>> {
        // New units and leaders are the reference lists: an editor's ledger may only name those
        // already there.
        let need = if plan.units.is_empty() && plan.leaders.is_empty() {
            Role::Editor
        } else {
            Role::Admin
        };
        self.may(need)?;
        let held: i64 = self
            .conn
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))?;
        let bulk = plan.tasks.len() >= BULK && plan.tasks.len() as i64 >= held;
        // Into an empty file, as the demo's load: every page written once (see `leave_wal`).
        let journal = bulk && self.is_empty()? && self.leave_wal()?;
        let loaded = self.write(need, |tx| load(tx, plan, label, bulk, progress));
        if journal {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        loaded
    }
}

fn load(
    tx: &Tx<'_>,
    plan: &LedgerPlan,
    label: &str,
    bulk: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<i64>> {
    let aside = if bulk {
        Some(bulk::set_aside(tx)?)
    } else {
        None
    };
    let mut load = Load::new(tx)?;
    load.units_and_leaders(plan)?;
    let mut meetings = Vec::with_capacity(plan.meetings.len());
    for m in &plan.meetings {
        meetings.push(load.meeting(m)?);
    }
    let total = plan.tasks.len();
    let mut tasks = Vec::with_capacity(total);
    for (n, t) in plan.tasks.iter().enumerate() {
        if n % STEP == 0 {
            progress(n, total);
        }
        tasks.push(load.task(t, &meetings).map_err(|e| at_row(t.row, e))?);
    }
    for c in &plan.criticisms {
        let id = load.id("criticism");
        let mut task_ids: Vec<i64> = c
            .tasks
            .iter()
            .filter_map(|i| tasks.get(*i).copied())
            .collect();
        task_ids.sort_unstable();
        task_ids.dedup();
        fields::fits_opt(TextField::Number, c.doc_no.as_deref())?;
        fields::fits_opt(TextField::Note, c.reason.as_deref())?;
        load.chained.extend(&task_ids);
        tx.insert_criticism_rows(&Criticism {
            id,
            unit_id: load.unit(&c.unit)?,
            date: c.date,
            doc_no: c.doc_no.clone(),
            reason: c.reason.clone(),
            task_ids,
            version: 1,
        })?;
    }
    for r in &plan.referrals {
        let x = &r.referral;
        order::referral(x)?;
        for text in [
            &x.proposal_reason,
            &x.approval,
            &x.decision,
            &x.outcome,
            &x.reason,
        ] {
            fields::fits_opt(TextField::Note, text.as_deref())?;
        }
        let id = load.id("referral");
        tx.insert_referral(&Referral {
            id,
            unit_id: load.unit(&r.unit)?,
            version: 1,
            ..r.referral.clone()
        })?;
    }
    progress(total, total);
    // The chain of promises (the promise in force, criticised, the unanswered promise) once every
    // explanation, waiver and criticism is in: a bulk load recounts every task's.
    if let Some(aside) = aside {
        bulk::restore(tx, aside)?;
    } else {
        load.chained.sort_unstable();
        load.chained.dedup();
        for &id in &load.chained {
            tx.refresh_chain(id)?;
        }
    }
    let ids: serde_json::Map<String, serde_json::Value> = load
        .given
        .into_iter()
        .map(|(table, (first, last))| (table.to_string(), json!([first, last])))
        .collect();
    let summary = json!({
        "import": "ledger",
        "file": label,
        "created": {
            "units": plan.units.len(),
            "leaders": plan.leaders.len(),
            "meetings": plan.meetings.len(),
            "tasks": plan.tasks.len(),
            "progress_reports": plan.progress_count(),
            "explanations": plan.explanation_count(),
            "waivers": plan.waiver_count(),
            "criticisms": plan.criticisms.len(),
            "referrals": plan.referrals.len(),
        },
        "ids": ids,
    });
    tx.audit(
        "import",
        Entity::Database,
        label,
        None::<&()>,
        Some(&summary),
    )?;
    Ok(tasks)
}
