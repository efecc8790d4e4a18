//! Per-keystroke benchmark: parse, compile and run a filter expression, and rank actors for a misspelt name.

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use demarche::Filter;
use std::hint::black_box;
use std::time::Duration;

/// Typical expressions, as a user would have typed them by the end of a keystroke.
pub const EXPRESSIONS: &[(&str, &str)] = &[
    ("actor", "actor:peskov"),
    ("word", "grenze"),
    ("rare_word", "ultimatum"),
    (
        "mode_topic_stance",
        "mode:direct topic:sanctions stance:opposes",
    ),
    ("date_range", "since:2020-01-01 until:2020-06-30"),
    ("actor_fuzzy", "actor:pskow"),
    // One structured term alone, no index to start from: a scan of the columns.
    ("mode", "mode:direct"),
    ("stance", "stance:opposes"),
    ("kind", "kind:person"),
    ("addressee", "to:putin"),
    ("phrase", "\"die gespräche\""),
    ("phrase_short", "\"le c\""),
];

fn filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        let store = &loaded.store;
        // As the TUI does after loading: single-word searches use the word index.
        store.prepare_search();
        let label = common::label(n);
        group.sample_size(if n >= 1_000_000 { 20 } else { 50 });
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
        for (name, expr) in EXPRESSIONS {
            group.bench_with_input(BenchmarkId::new(*name, &label), expr, |b, expr| {
                b.iter(|| {
                    let ids = Filter::parse(expr)
                        .expect("valid expression")
                        .compile(store)
                        .run(store);
                    black_box(ids)
                })
            });
        }
        // What a single-word search costs without the word index (a one-shot CLI run).
        group.bench_with_input(BenchmarkId::new("word_scan", &label), "grenze", |b, w| {
            b.iter(|| black_box(store.scan_containing(w)))
        });
        group.bench_with_input(BenchmarkId::new("rank_actors", &label), "pskow", |b, q| {
            b.iter(|| black_box(demarche::search::rank_actors(store, q)))
        });
    }
    group.finish();
}

criterion_group!(benches, filter);
criterion_main!(benches);
