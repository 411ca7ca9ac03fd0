//! `duban stress-writer` (hidden): a writer for the concurrency and fault tests and
//! `scripts/kill9.sh`. It loops over real writes through the store, each in its own transaction
//! with its audit row, mixed with the reads a user's screen makes, and prints one line per write
//! the moment it is committed (flushed), so a parent knows exactly what was acknowledged even if
//! the writer is killed right after.
//!
//! Per round `i`: `created ID K I` once task ID (text [`stress_text`]) is committed, then
//! `updated ID K I` once its text got [`UPDATED`] appended with the version check (version 1 →
//! 2). Any error ends the writer with the message on stderr and exit code 1.

use std::time::{Duration, Instant};

use clap::Args;

use super::{CliResult, Ctx, Failure};
use crate::domain::Limit;
use crate::store::{NewTask, Store, TaskFilter};

#[derive(Debug, Args)]
pub struct StressArgs {
    /// This writer's number (in the task texts).
    #[arg(long)]
    pub writer: u32,
    /// Rounds to run (each writes twice).
    #[arg(long)]
    pub writes: usize,
    /// Stop after this many seconds even if rounds are left.
    #[arg(long, default_value_t = 60.0)]
    pub seconds: f64,
    /// The meeting the tasks are added to (prepared beforehand).
    #[arg(long)]
    pub meeting: i64,
    /// The lead unit of the tasks (prepared beforehand).
    #[arg(long)]
    pub unit: String,
}

/// What is appended to a task's text by its update.
pub const UPDATED: &str = "（已核实）";

/// The text of writer `k`'s task of round `i`: long enough to span more than a few bytes of a
/// page, so a torn write would show.
pub fn stress_text(k: u32, i: usize) -> String {
    format!(
        "压力写入 w{k} n{i}：{}",
        "督办事项内容完整性校验".repeat(12)
    )
}

pub fn stress_writer(ctx: &Ctx, a: StressArgs) -> CliResult {
    let mut store = ctx.open()?;
    let deadline = Instant::now() + Duration::from_secs_f64(a.seconds.max(0.0));
    let mut seed = u64::from(a.writer).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in 0..a.writes {
        if Instant::now() >= deadline {
            break;
        }
        let new = |text: String| NewTask {
            meeting_id: a.meeting,
            text,
            lead_unit: a.unit.clone(),
            co_units: Vec::new(),
            leader: None,
            limit: Limit::Default,
        };
        let text = stress_text(a.writer, i);
        let id = store
            .add_task(new(text.clone()))
            .map_err(|e| ctx.store(e))?;
        ack(ctx, "created", id, a.writer, i)?;
        let read = store.task(id).map_err(|e| ctx.store(e))?;
        if read.text != text || read.version != 1 {
            return Err(failure(format!("task {id} read back as {read:?}")));
        }
        store
            .update_task(id, 1, new(format!("{text}{UPDATED}")))
            .map_err(|e| ctx.store(e))?;
        ack(ctx, "updated", id, a.writer, i)?;
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        reads(ctx, &store, seed >> 33, i)?;
    }
    Ok(())
}

/// The reads of a screen: a window of the ledger somewhere in it, and now and then the overview.
fn reads(ctx: &Ctx, store: &Store, r: u64, i: usize) -> CliResult {
    let all = TaskFilter::default();
    let n = store
        .task_count(&all, ctx.today)
        .map_err(|e| ctx.store(e))?;
    let window = TaskFilter {
        limit: Some(40),
        offset: usize::try_from(r).unwrap_or_default() % n.max(1),
        ..TaskFilter::default()
    };
    store.tasks(&window, ctx.today).map_err(|e| ctx.store(e))?;
    if i.is_multiple_of(5) {
        store.overview(ctx.today).map_err(|e| ctx.store(e))?;
    }
    Ok(())
}

fn ack(ctx: &Ctx, what: &str, id: i64, k: u32, i: usize) -> CliResult {
    super::output::out_now(&format!("{what} {id} {k} {i}\n"))
        .map_err(|e| ctx.file_failure(std::path::Path::new("-"), &e))
}

fn failure(message: String) -> Failure {
    Failure { code: 1, message }
}
