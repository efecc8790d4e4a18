//! Ranked fuzzy search over statement text and translation, in cancellable chunks that report progress and the best matches so far.
//!
//! # Which matcher
//! Both `nucleo-matcher` and fuzzy-matcher's `SkimMatcherV2` are available through
//! [`Scorer`]; the TUI uses [`Scorer::Nucleo`]: it ranks faster, shows its first
//! chunk sooner and does its own Unicode normalization (BENCHMARKS.md, "Ranked fuzzy
//! search", has the comparison with skim and fzf). The haystack is folded ([`Store::with_folded`]: lowercase,
//! no accents) and so is the query, so matching ignores case and accents with either.

use crate::fold::fold;
use crate::model::StatementId;
use crate::store::Store;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

/// Statements scored between two progress reports (and cancellation checks).
pub const CHUNK: usize = 16 * 1024;
/// Ranked matches kept and reported.
pub const TOP_K: usize = 200;
/// Statements one rayon task scores with one matcher.
const SLICE: usize = 2048;
/// Separates the folded text from the folded translation in [`Store::folded`].
const FIELD_SEP: char = '\u{1}';

/// The fuzzy matcher that scores a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scorer {
    /// `nucleo-matcher` (fzf's algorithm): the default.
    Nucleo,
    /// fuzzy-matcher's `SkimMatcherV2`, kept for comparison.
    Skim,
}

/// One ranked statement: higher scores are better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextMatch {
    pub id: StatementId,
    pub score: u32,
}

/// What a search has found so far, reported after every chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The search this report belongs to.
    pub generation: u64,
    /// Candidates scored so far, of `total`.
    pub done: usize,
    pub total: usize,
    /// Candidates that matched so far.
    pub matched: usize,
    /// The best matches so far, best first (ties in chronological order).
    pub top: Vec<TextMatch>,
}

impl Progress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// One search: what to look for, where, and how.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    pub text: &'a str,
    pub candidates: &'a [StatementId],
    pub scorer: Scorer,
    pub top_k: usize,
    pub chunk: usize,
}

impl<'a> Query<'a> {
    /// A nucleo search for `text` over `candidates`, with the default chunk and top-K.
    pub fn new(text: &'a str, candidates: &'a [StatementId]) -> Query<'a> {
        Query {
            text,
            candidates,
            scorer: Scorer::Nucleo,
            top_k: TOP_K,
            chunk: CHUNK,
        }
    }
}

/// A compiled query with a matcher per thread.
enum Compiled {
    Nucleo(Pattern),
    Skim(Vec<String>),
}

/// Per-thread scoring scratch space.
enum Scratch {
    Nucleo(Box<Matcher>, Vec<char>),
    Skim(Box<SkimMatcherV2>),
}

impl Compiled {
    fn new(query: &str, scorer: Scorer) -> Compiled {
        let folded = fold(query.trim());
        match scorer {
            Scorer::Nucleo => Compiled::Nucleo(Pattern::parse(
                &folded,
                CaseMatching::Ignore,
                Normalization::Smart,
            )),
            Scorer::Skim => Compiled::Skim(folded.split_whitespace().map(str::to_string).collect()),
        }
    }

    fn scratch(&self) -> Scratch {
        match self {
            Compiled::Nucleo(_) => {
                Scratch::Nucleo(Box::new(Matcher::new(Config::DEFAULT)), Vec::new())
            }
            Compiled::Skim(_) => Scratch::Skim(Box::default()),
        }
    }

    /// The best score of the text or the translation (every word must match one field).
    fn score(&self, scratch: &mut Scratch, folded: &str) -> Option<u32> {
        folded
            .split(FIELD_SEP)
            .filter_map(|field| self.score_field(scratch, field))
            .max()
    }

    fn score_field(&self, scratch: &mut Scratch, field: &str) -> Option<u32> {
        match (self, scratch) {
            (Compiled::Nucleo(pattern), Scratch::Nucleo(matcher, buf)) => {
                pattern.score(Utf32Str::new(field, buf), matcher)
            }
            (Compiled::Skim(words), Scratch::Skim(matcher)) => {
                let mut total: i64 = 0;
                for word in words {
                    total += matcher.fuzzy_match(field, word)?;
                }
                Some(u32::try_from(total.max(0)).unwrap_or(u32::MAX))
            }
            _ => None,
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Compiled::Nucleo(p) => p.atoms.is_empty(),
            Compiled::Skim(words) => words.is_empty(),
        }
    }
}

/// Best first, then chronological.
fn better(a: &TextMatch, b: &TextMatch) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.id.cmp(&b.id))
}

/// Keeps the best `k` of `found` in order.
fn keep_best(found: &mut Vec<TextMatch>, k: usize) {
    if found.len() > k {
        found.select_nth_unstable_by(k, better);
        found.truncate(k);
    }
    found.sort_unstable_by(better);
}

/// Scores one slice of candidates with one matcher: (matched, best `k`).
fn score_slice(
    compiled: &Compiled,
    scratch: &mut Scratch,
    store: &Store,
    ids: &[StatementId],
    k: usize,
) -> (usize, Vec<TextMatch>) {
    let mut found = Vec::new();
    let mut matched = 0;
    for &id in ids {
        if let Some(score) = store.with_folded(id, |f| compiled.score(scratch, f)) {
            matched += 1;
            found.push(TextMatch { id, score });
            if found.len() >= 4 * k.max(64) {
                keep_best(&mut found, k);
            }
        }
    }
    keep_best(&mut found, k);
    (matched, found)
}

/// Ranks `query.candidates` by how well their text or translation fuzzily matches
/// `query.text`, one chunk at a time (each chunk scored in parallel; the first is a
/// quarter of `query.chunk`). After every
/// chunk, stops if `current` no longer holds `generation` (a newer search was asked
/// for) and otherwise calls `report` with the progress and the best matches so far.
/// Returns the final report, or `None` when cancelled. An empty query matches nothing.
pub fn rank_text(
    store: &Store,
    query: &Query<'_>,
    generation: u64,
    current: &AtomicU64,
    mut report: impl FnMut(&Progress),
) -> Option<Progress> {
    let compiled = Compiled::new(query.text, query.scorer);
    let total = query.candidates.len();
    let mut progress = Progress {
        generation,
        done: 0,
        total,
        matched: 0,
        top: Vec::new(),
    };
    if compiled.is_empty() {
        progress.done = total;
        report(&progress);
        return Some(progress);
    }
    // The first chunk is a quarter of the others, so the first matches show sooner.
    let mut size = (query.chunk / 4).max(1);
    let mut start = 0;
    while start < total {
        let chunk = &query.candidates[start..(start + size).min(total)];
        start += chunk.len();
        size = query.chunk.max(1);
        if current.load(Ordering::Relaxed) != generation {
            return None;
        }
        let (matched, mut found) = chunk
            .par_chunks(SLICE)
            .map_init(
                || compiled.scratch(),
                |scratch, ids| score_slice(&compiled, scratch, store, ids, query.top_k),
            )
            .reduce(
                || (0, Vec::new()),
                |(m1, mut f1), (m2, f2)| {
                    f1.extend(f2);
                    (m1 + m2, f1)
                },
            );
        found.append(&mut progress.top);
        keep_best(&mut found, query.top_k);
        progress.top = found;
        progress.matched += matched;
        progress.done += chunk.len();
        report(&progress);
    }
    Some(progress)
}

/// The same ranking by brute force: one thread, one matcher, no chunks (for tests
/// and benchmarks).
pub fn rank_text_simple(store: &Store, query: &Query<'_>) -> Vec<TextMatch> {
    let compiled = Compiled::new(query.text, query.scorer);
    if compiled.is_empty() {
        return Vec::new();
    }
    let mut scratch = compiled.scratch();
    let mut all: Vec<TextMatch> = query
        .candidates
        .iter()
        .filter_map(|&id| {
            store
                .with_folded(id, |f| compiled.score(&mut scratch, f))
                .map(|score| TextMatch { id, score })
        })
        .collect();
    all.sort_by(better);
    all.truncate(query.top_k);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        crate::bundled::load().store
    }

    fn all(store: &Store) -> Vec<StatementId> {
        store.all_ids().collect()
    }

    #[test]
    fn chunked_parallel_ranking_equals_brute_force() {
        let store = store();
        let ids = all(&store);
        for scorer in [Scorer::Nucleo, Scorer::Skim] {
            for text in ["sanction", "grnze", "the rus", "weapons", "zzzq"] {
                let query = Query {
                    text,
                    candidates: &ids,
                    scorer,
                    top_k: 5,
                    chunk: 3,
                };
                let current = AtomicU64::new(7);
                let done = rank_text(&store, &query, 7, &current, |_| {}).expect("not cancelled");
                assert_eq!(
                    done.top,
                    rank_text_simple(&store, &query),
                    "{scorer:?} {text}"
                );
                assert_eq!(done.done, ids.len());
            }
        }
    }

    #[test]
    fn matching_ignores_case_and_accents() {
        let store = store();
        let ids = all(&store);
        let plain = rank_text_simple(&store, &Query::new("RUSSIA", &ids));
        let accented = rank_text_simple(&store, &Query::new("rüssía", &ids));
        assert!(!plain.is_empty());
        assert_eq!(plain, accented);
    }

    #[test]
    fn progress_is_reported_after_every_chunk_and_grows() {
        let store = store();
        let ids = all(&store);
        let query = Query {
            chunk: 4,
            ..Query::new("e", &ids)
        };
        let current = AtomicU64::new(1);
        let mut seen = Vec::new();
        rank_text(&store, &query, 1, &current, |p| seen.push(p.done));
        assert_eq!(
            seen.len(),
            1 + (ids.len() - 1).div_ceil(4),
            "one, then four at a time"
        );
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(seen.last(), Some(&ids.len()));
    }

    #[test]
    fn a_newer_generation_cancels_between_chunks() {
        let store = store();
        let ids = all(&store);
        let query = Query {
            chunk: 2,
            ..Query::new("e", &ids)
        };
        let current = AtomicU64::new(1);
        let mut reports = 0;
        let result = rank_text(&store, &query, 1, &current, |_| {
            reports += 1;
            current.store(2, Ordering::Relaxed);
        });
        assert_eq!(result, None);
        assert_eq!(reports, 1);
    }

    #[test]
    fn an_empty_query_matches_nothing_and_finishes() {
        let store = store();
        let ids = all(&store);
        let current = AtomicU64::new(0);
        let done =
            rank_text(&store, &Query::new("  ", &ids), 0, &current, |_| {}).expect("finished");
        assert!(done.top.is_empty() && done.finished());
    }
}
