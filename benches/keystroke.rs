//! One keystroke of the TUI, whole: update, the queries it asks for, and drawing the frame at
//! 160×48 (the app on ratatui's TestBackend against a generated database of
//! `DUBAN_BENCH_SCALE` tasks).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use duban::i18n::Lang;
use duban::tui::harness::Harness;

fn keystroke(c: &mut Criterion) {
    let (_dir, path) = common::database();
    let mut h = Harness::on(
        common::open(&path),
        Lang::Zh,
        common::today(),
        160,
        48,
        "bench.db",
    );
    h.keys("2");
    let mut g = c.benchmark_group(format!("keystroke@{}", common::scale()));
    g.sample_size(20);
    // j then k: the cursor moves and comes back, so every iteration does the same work.
    g.bench_function("j/k on the ledger", |b| {
        b.iter(|| {
            h.keys("jk");
            h.render()
        })
    });
    g.bench_function("open and close a task's meeting", |b| {
        b.iter(|| {
            h.keys("<Enter><Bksp>");
            h.render()
        })
    });
    g.bench_function("tab switch (tasks → meetings → tasks)", |b| {
        b.iter(|| {
            h.keys("32");
            h.render()
        })
    });
    // Two filter keystrokes: 上 → 上塘 → 上 again, each with its window, count and frame.
    h.keys("/上");
    g.bench_function(
        "filter: type 塘 after 上 and take it back (two keys)",
        |b| {
            b.iter(|| {
                // Each text as if typed for the first time (the store remembers the breadth of
                // the last few texts searched: backspacing is cheaper than this).
                h.store.forget_search_breadth();
                h.keys("塘");
                h.render();
                h.store.forget_search_breadth();
                h.keys("<Bksp>");
                h.render()
            })
        },
    );
    h.keys("<Esc>C");
    g.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
