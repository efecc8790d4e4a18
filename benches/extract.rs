//! Extraction speed: the rules over the seed article and the English fixtures as articles, repeated to 1 MB and 8 MB of text, plus one 1 MB text as a single article (`cargo bench --bench extract`); throughput in MB/s, and whether time grows linearly.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use demarche::extract::find;
use demarche::extract::lexicon::Lexicon;
use std::hint::black_box;
use std::time::Duration;

/// German or English articles, `size` bytes of text or a little more.
fn corpus(size: usize, english: bool) -> Vec<String> {
    let source = if english {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract/en");
        let mut text = String::new();
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let content = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            let body = content
                .split("\n---\n")
                .nth(1)
                .unwrap_or(&content)
                .to_string();
            text.push_str(&body);
            text.push_str("\n\n");
        }
        text
    } else {
        let loaded = demarche::bundled::load();
        format!(
            "{}\n\n",
            loaded.store.article(demarche::model::ArticleId(0)).text
        )
    };
    let articles: Vec<String> = source.split("\n\n\n").map(str::to_string).collect();
    let mut out = Vec::new();
    let mut total = 0;
    while total < size {
        for a in &articles {
            total += a.len();
            out.push(a.clone());
        }
    }
    out
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    for (language, english) in [("de", false), ("en", true)] {
        let lexicon = Lexicon::builtin(language);
        for mb in [1, 8] {
            let articles = corpus(mb << 20, english);
            let bytes: usize = articles.iter().map(String::len).sum();
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(
                BenchmarkId::new(language, format!("{mb}MB")),
                &articles,
                |b, articles| {
                    b.iter(|| {
                        black_box(
                            articles
                                .iter()
                                .map(|a| find(a, &lexicon).len())
                                .sum::<usize>(),
                        )
                    })
                },
            );
        }
        // As `demarche extract` runs: the articles found on both cores.
        let articles = corpus(8 << 20, english);
        let bytes: usize = articles.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::new(language, "8MB-parallel"),
            &articles,
            |b, articles| {
                use rayon::prelude::*;
                b.iter(|| {
                    black_box(
                        articles
                            .par_iter()
                            .map(|a| find(a, &lexicon).len())
                            .sum::<usize>(),
                    )
                })
            },
        );
        // One long text: what a whole book or a pasted dump costs.
        let one = corpus(1 << 20, english).join("\n\n");
        group.throughput(Throughput::Bytes(one.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(language, "1MB-one-text"),
            &one,
            |b, text| b.iter(|| black_box(find(text, &lexicon).len())),
        );
    }
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
