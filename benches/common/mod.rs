//! What the benchmarks share: a database of `DUBAN_BENCH_SCALE` tasks (default 10,000), generated
//! once per run into a temporary directory by the same generator as `duban demo --scale N`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::demo::{DemoOptions, build};
use duban::domain::Thresholds;
use duban::store::Store;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

/// The scale from `DUBAN_BENCH_SCALE` (CI runs the benchmarks once at a small scale).
pub fn scale() -> usize {
    std::env::var("DUBAN_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

/// A generated database on disk (as users have it), and the directory that holds it; or, for
/// profiling, the one `DUBAN_BENCH_DB` names, made before by `duban demo --scale N` (the benches
/// only read it).
pub fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    if let Some(path) = std::env::var_os("DUBAN_BENCH_DB") {
        return (dir, PathBuf::from(path));
    }
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path, Thresholds::default()).expect("a new database");
    build(
        &mut store,
        DemoOptions {
            today: today(),
            scale: Some(scale()),
            seed: 2011,
        },
    )
    .expect("the generated county");
    (dir, path)
}

pub fn open(path: &Path) -> Store {
    Store::open(path, Thresholds::default()).expect("the generated database")
}
