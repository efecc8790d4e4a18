//! The stance matrix and the shifts over a whole corpus: `cargo bench --bench stances` (add `DEMARCHE_BENCH_1M=1` for 1M statements).

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use demarche::stances::{By, ColOrder, Grid, RowOrder, cells, course, shifts};
use std::hint::black_box;
use std::time::Duration;

fn stances(c: &mut Criterion) {
    let mut group = c.benchmark_group("stances");
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        let store = &loaded.store;
        let ids: Vec<_> = store.all_ids().collect();
        let label = common::label(n);
        group.sample_size(if n >= 1_000_000 { 20 } else { 50 });
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
        for by in [By::Principal, By::Speaker] {
            group.bench_with_input(
                BenchmarkId::new(format!("matrix_{}", by.label()), &label),
                &ids,
                |b, ids| b.iter(|| black_box(cells(store, ids, by))),
            );
        }
        group.bench_with_input(BenchmarkId::new("shifts", &label), &ids, |b, ids| {
            b.iter(|| black_box(shifts(store, ids, By::Principal, false)))
        });
        // What the positions view waits for: the count, then the rows and columns laid out.
        group.bench_with_input(BenchmarkId::new("view_matrix", &label), &ids, |b, ids| {
            b.iter(|| {
                let found = cells(store, ids, By::Principal);
                black_box(Grid::new(
                    store,
                    &found,
                    By::Principal,
                    RowOrder::Count,
                    ColOrder::Count,
                ))
            })
        });
        // A keystroke in the view: `o` re-sorts the rows.
        let found = cells(store, &ids, By::Principal);
        let mut grid = Grid::new(
            store,
            &found,
            By::Principal,
            RowOrder::Count,
            ColOrder::Count,
        );
        let mut order = RowOrder::Count;
        group.bench_function(BenchmarkId::new("sort_rows", &label), |b| {
            b.iter(|| {
                order = order.next();
                grid.sort(store, order, ColOrder::Count);
            })
        });
        // A keystroke in the actors pane: `p`, the busiest actor's course.
        let busiest = (0..store.actors.len())
            .map(|i| demarche::model::ActorId(i as u32))
            .max_by_key(|&a| store.count_for(a))
            .expect("an actor");
        group.bench_with_input(
            BenchmarkId::new("course_busiest", &label),
            &ids,
            |b, ids| b.iter(|| black_box(course(store, ids, busiest, By::Principal))),
        );
    }
    group.finish();
}

criterion_group!(benches, stances);
criterion_main!(benches);
