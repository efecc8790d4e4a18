//! What an edit costs: journaling one (append and fsync), saving one as the browser does (checked, inverse read, journaled: when it is durable), and applying it to the store (the rebuild the browser shows it after), over whole corpora: `cargo bench --bench journal` (add `DEMARCHE_BENCH_1M=1` for 1M statements).

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use demarche::edit::{Edit, apply};
use demarche::journal::{Entry, Journal};
use std::hint::black_box;
use std::time::Duration;

fn journal(c: &mut Criterion) {
    let mut group = c.benchmark_group("journal");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        let store = &loaded.store;
        let id = store.all_ids().nth(store.len() / 2).expect("a statement");
        let article = store.article(store.article_of(id)).id.to_string();
        let mut record = demarche::export::statement_value(store, id);
        record["provenance"] = "reviewed".into();
        record["annotator"] = "bench".into();
        let edit = Edit::Put {
            article,
            statement: record,
        };
        let label = common::label(n);
        // Durable: one accepted statement appended to a journal on this disk and synced.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
        let mut j = Journal::open(dir.path()).expect("journal");
        group.sample_size(50);
        group.bench_with_input(
            BenchmarkId::new("append_fsync", &label),
            &edit,
            |b, edit| {
                b.iter(|| {
                    j.append(&Entry::now("bench", vec![edit.clone()]))
                        .expect("append")
                })
            },
        );
        // Saved, as the browser saves it: checked against the store, its inverse read,
        // appended and synced (what the status line waits for).
        group.bench_with_input(BenchmarkId::new("save", &label), &edit, |b, edit| {
            b.iter(|| {
                let edits = std::slice::from_ref(edit);
                demarche::edit::check(store, edits).expect("valid");
                black_box(demarche::edit::inverse(store, edits).expect("inverse"));
                j.append(&Entry::now("bench", edits.to_vec()))
                    .expect("append")
            })
        });
        // Shown: the store rebuilt with the edit (on a thread beside the browser).
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::new("apply", &label), &edit, |b, edit| {
            b.iter(|| black_box(apply(store, std::slice::from_ref(edit)).expect("applied")))
        });
    }
    group.finish();
}

criterion_group!(benches, journal);
criterion_main!(benches);
