//! The working-day calendar: issue 7's target is 1,000,000 working-day additions in ≤ 50 ms.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::calendar::Calendar;
use std::hint::black_box;

fn calendar(c: &mut Criterion) {
    let cal = Calendar::builtin();
    let start = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap_or_default();
    // Days and offsets spread over the calendar's years, fixed so every run does the same work.
    let days: Vec<(NaiveDate, i64)> = (0..1_000_000u64)
        .map(|i| (start + Days::new(i * 7919 % 6500), (i % 61) as i64 - 15))
        .collect();
    let mut g = c.benchmark_group("calendar");
    g.sample_size(20);
    g.bench_function("1M add_workdays", |b| {
        b.iter(|| {
            let mut last = start;
            for &(d, n) in &days {
                last = cal.add_workdays(black_box(d), black_box(n));
            }
            last
        })
    });
    g.bench_function("1M workdays_between", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for &(d, n) in &days {
                sum +=
                    cal.workdays_between(black_box(d), black_box(d + Days::new(n.unsigned_abs())));
            }
            sum
        })
    });
    g.finish();
}

criterion_group!(benches, calendar);
criterion_main!(benches);
