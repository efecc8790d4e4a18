//! Memory report (not a timing): peak RSS while loading and bytes per statement at rest, for demarche and the serde baseline.
//!
//! Each measurement runs in a fresh child process so that peaks do not mix:
//! `cargo bench --bench memory` (add `DEMARCHE_BENCH_1M=1` for the 1M corpus).

mod common;

use std::path::Path;
use std::process::Command;

/// What one child process measured.
struct Figures {
    statements: usize,
    /// Bytes of article text, and of translations.
    text: usize,
    translations: usize,
    before: u64,
    peak: u64,
    /// RSS right after loading, and at rest: after [`SETTLE`] idle, once the allocator has
    /// returned what the load freed (jemalloc purges freed pages after a delay).
    at_once: u64,
    after: u64,
    /// Seconds to build the word index (first single-word search), and RSS at rest after it.
    index_secs: f64,
    after_index: u64,
}

/// How long the child idles after loading before "at rest" is measured.
const SETTLE: std::time::Duration = std::time::Duration::from_secs(3);

fn measure(mode: &str, dir: &Path) -> Figures {
    let (_, before) = common::rss();
    if mode == "demarche" {
        let loaded = demarche::load_paths(&[dir]);
        assert!(loaded.diagnostics.is_empty(), "corpus has diagnostics");
        let store = &loaded.store;
        let text = store.articles().map(|a| a.text.len()).sum();
        let translations = store
            .all_ids()
            .filter_map(|id| store.translation(id))
            .map(str::len)
            .sum();
        let (peak, at_once) = common::rss();
        std::thread::sleep(SETTLE);
        let (_, after) = common::rss();
        let started = std::time::Instant::now();
        store.prepare_search();
        let index_secs = started.elapsed().as_secs_f64();
        std::thread::sleep(SETTLE);
        let (_, after_index) = common::rss();
        let figures = Figures {
            statements: store.len(),
            text,
            translations,
            before,
            peak,
            at_once,
            after,
            index_secs,
            after_index,
        };
        std::mem::forget(loaded);
        figures
    } else {
        let docs = common::baseline_parse(dir);
        let text = docs.iter().flatten().map(|d| d.article.text.len()).sum();
        let translations = docs
            .iter()
            .flatten()
            .flat_map(|d| &d.statements)
            .filter_map(|s| s.translation.as_deref())
            .map(str::len)
            .sum();
        let (peak, at_once) = common::rss();
        std::thread::sleep(SETTLE);
        let (_, after) = common::rss();
        let figures = Figures {
            statements: common::baseline_statements(&docs),
            text,
            translations,
            before,
            peak,
            at_once,
            after,
            index_secs: 0.0,
            after_index: after,
        };
        std::mem::forget(docs);
        figures
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let (mode, dir) = (&args[i + 1], Path::new(&args[i + 2]));
        let f = measure(mode, dir);
        println!(
            "{} {} {} {} {} {} {} {} {}",
            f.statements,
            f.text,
            f.translations,
            f.before,
            f.peak,
            f.at_once,
            f.after,
            f.index_secs,
            f.after_index
        );
        return;
    }
    if args.iter().any(|a| a == "--list") {
        return;
    }
    let me = std::env::current_exe().expect("own path");
    println!(
        "{:<6} {:<15} {:>13} {:>10} {:>10} {:>10} {:>7} {:>10} {:>14} {:>20} {:>9} {:>9}",
        "size",
        "loader",
        "on disk",
        "peak RSS",
        "RSS at once",
        "RSS at rest",
        "peak/disk",
        "text+transl",
        "B/stmt beyond text",
        "B/stmt beyond text+transl",
        "index s",
        "index B/stmt"
    );
    for n in common::sizes() {
        let dir = common::corpus(n);
        let disk = common::bytes_on_disk(&dir);
        for mode in ["demarche", "serde_baseline"] {
            let out = Command::new(&me)
                .arg("--child")
                .arg(mode)
                .arg(&dir)
                .output()
                .expect("run child");
            assert!(out.status.success(), "child failed: {out:?}");
            let v: Vec<f64> = String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .map(|x| x.parse().expect("number"))
                .collect();
            let [
                statements,
                text,
                translations,
                before,
                peak,
                at_once,
                after,
                index_secs,
                after_index,
            ] = v[..]
            else {
                panic!("bad child output")
            };
            let [
                statements,
                text,
                translations,
                before,
                peak,
                at_once,
                after,
                after_index,
            ] = [
                statements,
                text,
                translations,
                before,
                peak,
                at_once,
                after,
                after_index,
            ]
            .map(|x| x as u64);
            let resident = after.saturating_sub(before);
            let per = |beyond: u64| (resident as f64 - beyond as f64) / statements as f64;
            let index = after_index.saturating_sub(after) as f64 / statements as f64;
            println!(
                "{:<6} {:<15} {:>13} {:>10} {:>10} {:>10} {:>7.2} {:>10} {:>14.0} {:>20.0} {:>9.2} {:>9.0}",
                common::label(n),
                mode,
                disk,
                mib(peak),
                mib(at_once),
                mib(after),
                peak as f64 / disk as f64,
                mib(text + translations),
                per(text),
                per(text + translations),
                index_secs,
                index,
            );
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}
