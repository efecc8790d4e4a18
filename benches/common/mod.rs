//! Shared by the benchmarks: cached synthetic corpora under the target dir, and the raw serde_json baseline.

#![allow(dead_code)]

use rayon::prelude::*;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The seed every benchmark corpus is generated with.
pub const SEED: u64 = 1;

/// Corpus sizes benchmarked: 10k and 100k always, 1M with `DEMARCHE_BENCH_1M=1`.
pub fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("DEMARCHE_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

/// `10k`, `100k`, `1M`.
pub fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The directory holding the `n`-statement corpus, generated on first use and reused after
/// (`demarche generate --statements N --seed 1` writes the same files).
pub fn corpus(n: usize) -> PathBuf {
    let dir = target_dir()
        .join("demarche-corpus")
        .join(format!("{n}-s{SEED}"));
    let done = dir.join(".complete");
    if !done.exists() {
        eprintln!("generating {n} statements into {}", dir.display());
        demarche::generate::generate(&dir, &demarche::generate::Options::new(n, SEED), true)
            .expect("generate corpus");
        std::fs::write(&done, b"").expect("mark corpus complete");
    }
    dir
}

/// The `.jsonl` files of a corpus, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
}

/// Total size of a corpus's files in bytes.
pub fn bytes_on_disk(dir: &Path) -> u64 {
    files(dir)
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum()
}

// The baseline: the same documents parsed by serde_json into plain owned structs,
// with no checks, no merge and no index.

#[derive(Deserialize)]
pub struct PlainDoc {
    pub format: String,
    pub version: u32,
    pub article: PlainArticle,
    #[serde(default)]
    pub actors: Vec<PlainActor>,
    #[serde(default)]
    pub statements: Vec<PlainStatement>,
}

#[derive(Deserialize)]
pub struct PlainArticle {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub text: String,
}

#[derive(Deserialize)]
pub struct PlainActor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
}

#[derive(Deserialize)]
pub struct PlainStatement {
    pub id: String,
    pub speaker: String,
    pub on_behalf_of: Option<String>,
    pub mode: String,
    pub text: String,
    pub span: Option<(u32, u32)>,
    pub cue: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    #[serde(default)]
    pub addressees: Vec<String>,
    #[serde(default)]
    pub topics: Vec<PlainTopic>,
    pub translation: Option<String>,
    pub notes: Option<String>,
}

#[derive(Deserialize)]
pub struct PlainTopic {
    pub topic: String,
    pub stance: String,
}

/// Reads every file and parses every line in parallel (files and lines, like the loader).
pub fn baseline_parse(dir: &Path) -> Vec<Vec<PlainDoc>> {
    files(dir)
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).expect("read corpus file");
            bytes
                .par_split(|&b| b == b'\n')
                .filter(|line| !line.is_empty())
                .map(|line| serde_json::from_slice::<PlainDoc>(line).expect("valid line"))
                .collect()
        })
        .collect()
}

/// Statements in a baseline parse.
pub fn baseline_statements(docs: &[Vec<PlainDoc>]) -> usize {
    docs.iter().flatten().map(|d| d.statements.len()).sum()
}

/// `VmHWM` (peak) and `VmRSS` (now) of this process in bytes, from /proc/self/status.
pub fn rss() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// The allocator the `demarche` binary uses (see `src/main.rs`; `--no-default-features`
/// measures both with the system allocator instead), so that both loaders
/// are measured with what users run.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
