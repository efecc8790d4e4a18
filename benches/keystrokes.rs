//! Per-keystroke latency percentiles in the TUI: realistic queries typed and erased one character at a time, each keystroke timed on its own (update, deferred work, one 200x60 frame).
//!
//! `cargo bench --features bench --bench keystrokes` (add `DEMARCHE_BENCH_1M=1` for the 1M corpus). The
//! criterion bench `tui` gives medians of a repeated keystroke; this one gives the
//! distribution over many different keystrokes, for the "16 ms at the 95th percentile"
//! target. The word index is built first, as the browser does in the background. The
//! filter bar is timed twice: until the result is on screen (the filter run included,
//! wherever it runs), and until the keystroke's frame (over 100k statements the browser
//! runs the filter in the background and draws the frame at once).

mod common;

use demarche::tui::bench::{Edit, Field, Session};
use std::time::{Duration, Instant};

/// The filter bar's queries.
const FILTERS: &[&str] = &[
    "grenze",
    "actor:peskov mode:direct",
    "topic:sanctions stance:opposes",
    "since:2020-01-01 until:2020-06-30",
    "ultimatum -actor:putin",
    "\"nuclear deterrence\"",
];

/// Each field, whether a keystroke is timed until its result is on screen (`true`) or
/// until its frame (`false`: over 100k statements the browser filters in the background),
/// and the queries typed into it, one character at a time, then erased.
const QUERIES: &[(&str, Field, bool, &[&str])] = &[
    ("filter bar", Field::Filter, true, FILTERS),
    ("filter frame", Field::Filter, false, FILTERS),
    (
        "actor finder",
        Field::ActorFinder,
        true,
        &["peskov", "pskow", "macron", "nato", "ministry of defence"],
    ),
    (
        "text finder",
        Field::TextFinder,
        true,
        &[
            "ultimatum",
            "frontière",
            "sicherheit",
            "grenze",
            "nuclear deterrence",
        ],
    ),
];

/// The `p`-th percentile (0..=100) of sorted latencies, nearest rank.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "{:<6} {:<13} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "size", "field", "keystrokes", "p50", "p95", "p99", "max"
    );
    for n in common::sizes() {
        let loaded = demarche::load_paths(&[common::corpus(n)]);
        loaded.store.prepare_search();
        for (name, field, wait, queries) in QUERIES {
            let mut times = Vec::new();
            for _round in 0..3 {
                for query in *queries {
                    let mut session = Session::new(&loaded.store, &loaded.diagnostics, 200, 60);
                    session.open(*field, "");
                    let chars: Vec<char> = query.chars().collect();
                    let edits = chars
                        .iter()
                        .map(|&c| Edit::Insert(c))
                        .chain(chars.iter().map(|_| Edit::Backspace));
                    for edit in edits {
                        let started = Instant::now();
                        if *wait {
                            session.key(edit);
                        } else {
                            session.key_frame(edit);
                        }
                        times.push(started.elapsed());
                    }
                }
            }
            times.sort();
            println!(
                "{:<6} {:<13} {:>10} {:>10} {:>10} {:>10} {:>10}",
                common::label(n),
                name,
                times.len(),
                ms(percentile(&times, 50.0)),
                ms(percentile(&times, 95.0)),
                ms(percentile(&times, 99.0)),
                ms(*times.last().expect("keystrokes were timed")),
            );
        }
        std::mem::forget(loaded);
    }
}
