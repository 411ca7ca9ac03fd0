//! Fuzzing with proptest (issue 6, part C): the date parser, the CSV and .xlsx importers and the
//! configuration loader, on arbitrary input and on near-valid input with mutated parts; and the
//! text search, which must take any text literally. No input may panic; see `pipeline` for what
//! each must hold.
//!
//! A short run is part of the normal suite (a few hundred cases each); `scripts/fuzz.sh [CASES]`
//! runs longer (`PROPTEST_CASES`). The seed corpus in `tests/corpus/<target>/` (tricky real
//! cases) runs every time (`seeds`), and proptest keeps what it finds in
//! `tests/proptest-regressions/<file>.txt`, replayed first on every run (`search.txt` holds the
//! NUL that once ended FTS5's query).

mod config;
mod dates;
mod imports;
mod pipeline;
mod search;
mod seeds;
#[path = "../support/mod.rs"]
mod support;
mod tables;

/// How many cases a property runs: `PROPTEST_CASES`, else `short`.
pub fn cases(short: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(short)
}

/// A proptest configuration of [`cases`] cases.
pub fn config(short: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: cases(short),
        ..proptest::test_runner::Config::default()
    }
}
