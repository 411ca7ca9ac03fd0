//! The store's queries at `DUBAN_BENCH_SCALE` tasks: the ledger's window, a filter keystroke
//! (Chinese and pinyin), the overview, the units list, and a year's report.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use duban::domain::PeriodKind;
use duban::store::{Anchor, TaskFilter, TaskSort};
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
    let middle = common::scale() / 2;
    g.bench_function("ledger window (deep page, offset)", |b| {
        b.iter(|| store.tasks(black_box(&window(None, middle)), today))
    });
    // What scrolling does: the next window read from the last row of the one on screen.
    let last = store.tasks(&window(None, middle - 1), today).unwrap()[0].id;
    g.bench_function("ledger window (deep page, from the row before)", |b| {
        let f = TaskFilter {
            anchor: Some(Anchor::Row {
                id: last,
                position: middle - 1,
            }),
            ..window(None, middle)
        };
        b.iter(|| store.tasks(black_box(&f), today))
    });
    g.bench_function("ledger window (last page, from the end)", |b| {
        let total = store.task_count(&TaskFilter::default(), today).unwrap();
        let f = TaskFilter {
            anchor: Some(Anchor::End { total }),
            ..window(None, total - 46)
        };
        b.iter(|| store.tasks(black_box(&f), today))
    });
    g.bench_function("ledger window by meeting date (first page)", |b| {
        let f = TaskFilter {
            sort: TaskSort::MeetingDate,
            ..window(None, 0)
        };
        b.iter(|| store.tasks(black_box(&f), today))
    });
    g.bench_function("position of a task in the middle", |b| {
        b.iter(|| store.task_position(&TaskFilter::default(), black_box(last), today))
    });
    g.bench_function("ledger count", |b| {
        b.iter(|| store.task_count(black_box(&window(None, 0)), today))
    });
    // What a filter keystroke asks of the store: the first window and the count (to 1000, as
    // the TUI counts a broad search while typing).
    for (name, text) in [
        ("filter 上塘 (Chinese, narrow)", "上塘"),
        ("filter stz (pinyin initials)", "stz"),
        ("filter 改造 (Chinese, broad)", "改造"),
        ("filter 镇 (one character)", "镇"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                // A text typed for the first time: its breadth estimated once for both.
                store.forget_search_breadth();
                let f = window(Some(text), 0);
                (
                    store.tasks(&f, today),
                    store.task_count_upto(&f, today, 1000),
                )
            })
        });
    }
    g.bench_function("overview", |b| b.iter(|| store.overview(today)));
    g.bench_function("units", |b| b.iter(|| store.unit_rows(today)));
    g.bench_function("report (year)", |b| {
        b.iter(|| store.report(PeriodKind::Year.around(today), today))
    });
    g.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
