//! The store's queries at `DUBAN_BENCH_SCALE` tasks: the ledger's window, a filter keystroke
//! (Chinese and pinyin), the overview, the units list, and a year's report.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use duban::domain::PeriodKind;
use duban::store::{TaskFilter, TaskSort};
use std::hint::black_box;

fn store(c: &mut Criterion) {
    let (_dir, path) = common::database();
    let store = common::open(&path);
    let today = common::today();
    let window = |text: Option<&str>, offset: usize| TaskFilter {
        text: text.map(str::to_string),
        sort: TaskSort::WorkdaysLeft,
        limit: Some(46),
        offset,
        ..TaskFilter::default()
    };
    let mut g = c.benchmark_group(format!("store@{}", common::scale()));
    g.sample_size(10);
    g.bench_function("ledger window (first page)", |b| {
        b.iter(|| store.tasks(black_box(&window(None, 0)), today))
    });
    g.bench_function("ledger window (deep page)", |b| {
        b.iter(|| store.tasks(black_box(&window(None, common::scale() / 2)), today))
    });
    g.bench_function("ledger count", |b| {
        b.iter(|| store.task_count(black_box(&window(None, 0)), today))
    });
    g.bench_function("filter 上塘 (Chinese)", |b| {
        b.iter(|| {
            let f = window(Some("上塘"), 0);
            (store.tasks(&f, today), store.task_count(&f, today))
        })
    });
    g.bench_function("filter stz (pinyin initials)", |b| {
        b.iter(|| {
            let f = window(Some("stz"), 0);
            (store.tasks(&f, today), store.task_count(&f, today))
        })
    });
    g.bench_function("overview", |b| b.iter(|| store.overview(today)));
    g.bench_function("units", |b| b.iter(|| store.unit_rows(today)));
    g.bench_function("report (year)", |b| {
        b.iter(|| store.report(PeriodKind::Year.around(today), today))
    });
    g.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
