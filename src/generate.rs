//! `demarche generate`: a deterministic synthetic corpus in the native format, as JSON Lines, for tests and benchmarks.

mod actors;
mod article;
mod words;

use article::{Pools, Zipf};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How large a corpus to make, and from which seed.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Statements in the whole corpus (exactly).
    pub statements: usize,
    pub seed: u64,
    /// Distinct actors (fewer if the corpus is tiny does not matter: unused ones are not written).
    pub actors: usize,
    /// Statements per `.jsonl` file (about a quarter as many articles).
    pub statements_per_file: usize,
}

impl Options {
    pub fn new(statements: usize, seed: u64) -> Options {
        Options {
            statements,
            seed,
            actors: 5_000,
            statements_per_file: 40_000,
        }
    }
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: Vec<PathBuf>,
    pub articles: usize,
    pub statements: usize,
    pub bytes: u64,
}

/// Why nothing (or not everything) was written.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{0} is not empty (use --force to write into it anyway)")]
    NotEmpty(PathBuf),
    #[error("cannot write {0}: {1}")]
    Io(PathBuf, io::Error),
}

/// The name of the `i`th file of a generated corpus.
fn part_name(i: usize) -> String {
    format!("part-{i:04}.jsonl")
}

/// Writes the corpus into `dir` (created if missing). A non-empty `dir` is refused
/// unless `force`, in which case earlier `part-*.jsonl` files are removed first.
pub fn generate(dir: &Path, options: &Options, force: bool) -> Result<Summary, GenerateError> {
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |e| GenerateError::Io(path, e)
    };
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    let existing: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    if !existing.is_empty() {
        if !force {
            return Err(GenerateError::NotEmpty(dir.to_path_buf()));
        }
        for path in existing {
            let ours = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("part-") && n.ends_with(".jsonl"));
            if ours {
                std::fs::remove_file(&path).map_err(io_err(&path))?;
            }
        }
    }

    let mut rng = fastrand::Rng::with_seed(options.seed);
    let actors = actors::population(options.actors.max(1), &mut rng);
    let first_day = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    // The well-known voices lead; everyone else's activity rank is shuffled.
    let mut ranking: Vec<usize> = (0..actors.len()).collect();
    let famous = actors::FAMOUS.min(ranking.len());
    rng.shuffle(&mut ranking[famous..]);
    let pools = Pools {
        ranking,
        activity: Zipf::new(actors.len(), 1.0),
        words: Zipf::new(64, 0.8),
        english_words: Zipf::new(words::vocabulary("en").len(), 0.8),
        actors: &actors,
        first_day,
        days: 3653,
    };
    let per_file = options.statements_per_file.max(1);
    let files = options.statements.div_ceil(per_file);
    let results: Vec<Result<(PathBuf, usize, u64), GenerateError>> = (0..files)
        .into_par_iter()
        .map(|i| {
            let count = per_file.min(options.statements - i * per_file);
            write_part(dir, &pools, options.seed, i, count)
        })
        .collect();
    let mut summary = Summary {
        statements: options.statements,
        ..Summary::default()
    };
    for result in results {
        let (path, articles, bytes) = result?;
        summary.files.push(path);
        summary.articles += articles;
        summary.bytes += bytes;
    }
    Ok(summary)
}

/// Writes file `i` with `count` statements; returns its path, article count and size.
fn write_part(
    dir: &Path,
    pools: &Pools<'_>,
    seed: u64,
    i: usize,
    count: usize,
) -> Result<(PathBuf, usize, u64), GenerateError> {
    let path = dir.join(part_name(i));
    let io_err = |e| GenerateError::Io(path.clone(), e);
    let mut rng =
        fastrand::Rng::with_seed(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let tmp_path = dir.join(format!(".{}.tmp", part_name(i)));
    let tmp = std::fs::File::create(&tmp_path).map_err(io_err)?;
    let mut out = BufWriter::with_capacity(1 << 20, tmp);
    let mut left = count;
    let mut articles = 0;
    while left > 0 {
        let n = rng.usize(1..=7).min(left);
        let doc = article::build(pools, &mut rng, seed, i * 100_000 + articles, n);
        serde_json::to_writer(&mut out, &doc).map_err(|e| io_err(e.into()))?;
        out.write_all(b"\n").map_err(io_err)?;
        left -= n;
        articles += 1;
    }
    let tmp = out.into_inner().map_err(|e| io_err(e.into_error()))?;
    let bytes = tmp.metadata().map_err(io_err)?.len();
    drop(tmp);
    std::fs::rename(&tmp_path, &path).map_err(io_err)?;
    Ok((path, articles, bytes))
}

/// `demarche generate`: writes the corpus and reports what it wrote on stderr.
pub fn run(dir: &Path, options: &Options, force: bool) -> std::process::ExitCode {
    match generate(dir, options, force) {
        Ok(summary) => {
            eprintln!(
                "demarche: wrote {} statement(s) in {} article(s) to {} file(s) in {} ({} bytes)",
                summary.statements,
                summary.articles,
                summary.files.len(),
                dir.display(),
                summary.bytes
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("demarche: {e}");
            std::process::ExitCode::from(3)
        }
    }
}
