//! Load benchmark: `demarche::load_paths` (read, parse, check, merge, index) against a raw serde_json parse of the same bytes.
//!
//! Both results are dropped outside the timed part (a CLI exits without freeing).

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for n in common::sizes() {
        let dir = common::corpus(n);
        let bytes = common::bytes_on_disk(&dir);
        group.throughput(Throughput::Bytes(bytes));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 60 } else { 10 }));
        group.warm_up_time(Duration::from_secs(if n >= 1_000_000 { 1 } else { 3 }));
        let label = common::label(n);
        group.bench_with_input(BenchmarkId::new("demarche", &label), &dir, |b, dir| {
            b.iter_with_large_drop(|| {
                let loaded = demarche::load_paths(&[dir]);
                assert_eq!(loaded.store.len(), n);
                black_box(loaded)
            })
        });
        group.bench_with_input(
            BenchmarkId::new("serde_baseline", &label),
            &dir,
            |b, dir| {
                b.iter_with_large_drop(|| {
                    let docs = common::baseline_parse(dir);
                    assert_eq!(common::baseline_statements(&docs), n);
                    black_box(docs)
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
