//! Start on the bundled corpus to the first frame, and per keystroke in the TUI: `State::update` for one typed character (and its Backspace) plus one frame drawn into a 200x60 `TestBackend`, per text field; and one frame alone.

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use demarche::tui::bench::{Edit, Field, Session};
use std::time::Duration;

/// Each field, what is already typed, and the character typed (then deleted) each iteration.
const FIELDS: &[(&str, Field, &str, char)] = &[
    ("filter", Field::Filter, "grenz", 'e'),
    ("actor_finder", Field::ActorFinder, "pesko", 'v'),
    ("text_finder", Field::TextFinder, "ultimatu", 'm'),
];

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("tui");
    // Start on the bundled corpus: load it, build the state, draw the first frame.
    group.bench_function("start_bundled", |b| {
        b.iter(|| {
            let loaded = demarche::bundled::load();
            // `Session::new` draws the first frame.
            std::hint::black_box(Session::new(&loaded.store, &loaded.diagnostics, 200, 60));
        })
    });
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        // The browser's worker builds the word index right after loading; typing is
        // measured with it, as in the browser once it is ready.
        loaded.store.prepare_search();
        let label = common::label(n);
        group.sample_size(if n >= 1_000_000 { 10 } else { 30 });
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
        // From a loaded store to the first frame of the browser.
        group.bench_function(BenchmarkId::new("first_frame", &label), |b| {
            b.iter(|| {
                std::hint::black_box(Session::new(&loaded.store, &loaded.diagnostics, 200, 60))
            })
        });
        group.bench_function(BenchmarkId::new("render", &label), |b| {
            let mut session = Session::new(&loaded.store, &loaded.diagnostics, 200, 60);
            b.iter(|| session.draw())
        });
        for (name, field, typed, c) in FIELDS {
            // Two keystrokes per iteration (type, delete), each drawn: the state stays the same.
            group.bench_function(
                BenchmarkId::new(format!("{name}_type_and_delete"), &label),
                |b| {
                    let mut session = Session::new(&loaded.store, &loaded.diagnostics, 200, 60);
                    session.open(*field, typed);
                    b.iter(|| {
                        session.key(Edit::Insert(*c));
                        session.key(Edit::Backspace);
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
