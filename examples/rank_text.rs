//! Times one ranked fuzzy search over a corpus, to the first chunk's report and to completion, for each matcher:
//! `cargo run --release --example rank_text -- DIR QUERY [nucleo|skim]...`.

use demarche::model::StatementId;
use demarche::search::text::{Query, Scorer, rank_text};
use std::sync::atomic::AtomicU64;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(text)) = (args.next(), args.next()) else {
        eprintln!("usage: rank_text DIR QUERY [nucleo|skim]...");
        std::process::exit(2);
    };
    let scorers: Vec<String> = args.collect();
    let start = Instant::now();
    let loaded = demarche::load_paths(&[std::path::PathBuf::from(dir)]);
    let store = &loaded.store;
    println!(
        "loaded {} statements in {:.2?}",
        store.len(),
        start.elapsed()
    );
    let start = Instant::now();
    store.prepare_search();
    println!("word index built in {:.2?}", start.elapsed());
    let ids: Vec<StatementId> = store.all_ids().collect();
    for name in if scorers.is_empty() {
        vec!["nucleo".into(), "skim".into()]
    } else {
        scorers
    } {
        let scorer = if name == "skim" {
            Scorer::Skim
        } else {
            Scorer::Nucleo
        };
        let query = Query {
            scorer,
            ..Query::new(&text, &ids)
        };
        let current = AtomicU64::new(1);
        let start = Instant::now();
        let mut first = None;
        let done = rank_text(store, &query, 1, &current, |_| {
            first.get_or_insert_with(|| start.elapsed());
        });
        let all = start.elapsed();
        let (matched, best) = done.map_or((0, 0), |p| {
            (p.matched, p.top.first().map_or(0, |m| m.score))
        });
        println!(
            "{name}: first chunk {first:.2?}, complete {all:.2?}, {matched} matched, best score {best}"
        );
    }
}
