//! Ranked fuzzy search over statement text: time to the first chunk's results and to completion, nucleo against SkimMatcherV2.

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use demarche::model::StatementId;
use demarche::search::text::{Query, Scorer, rank_text};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A word as typed, and a misspelt abbreviation.
pub const QUERIES: &[(&str, &str)] = &[("word", "ultimatum"), ("typo", "ultmtm grnze")];

fn fuzzy(c: &mut Criterion) {
    let mut group = c.benchmark_group("fuzzy");
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        let store = &loaded.store;
        let ids: Vec<StatementId> = store.all_ids().collect();
        let label = common::label(n);
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 20 } else { 5 }));
        for (scorer, name) in [(Scorer::Nucleo, "nucleo"), (Scorer::Skim, "skim")] {
            for (kind, text) in QUERIES {
                let query = Query {
                    scorer,
                    ..Query::new(text, &ids)
                };
                let id = BenchmarkId::new(format!("{name}_{kind}_first"), &label);
                group.bench_function(id, |b| {
                    b.iter_custom(|iters| {
                        let mut total = Duration::ZERO;
                        for _ in 0..iters {
                            // Cancel after the first chunk: the time until its report.
                            let current = AtomicU64::new(1);
                            let start = Instant::now();
                            let mut first = None;
                            rank_text(store, &query, 1, &current, |p| {
                                first.get_or_insert_with(|| start.elapsed());
                                black_box(p.top.len());
                                current.store(2, Ordering::Relaxed);
                            });
                            total += first.unwrap_or_else(|| start.elapsed());
                        }
                        total
                    })
                });
                let id = BenchmarkId::new(format!("{name}_{kind}_all"), &label);
                group.bench_function(id, |b| {
                    b.iter(|| {
                        let current = AtomicU64::new(1);
                        black_box(rank_text(store, &query, 1, &current, |_| {}))
                    })
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, fuzzy);
criterion_main!(benches);
