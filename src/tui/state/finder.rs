//! The two finders: fuzzy actor search over names and aliases, and word search in statement text and translation with ranked fuzzy matches from a background search.

use super::input::Input;
use crate::fold::fold;
use crate::model::StatementId;
use crate::search::text::{Progress, TextMatch};
use crate::search::{ActorMatch, rank_actors};
use crate::store::Store;
use crate::tui::action::RankRequest;
use std::collections::HashSet;

/// `/`: actors ranked by how well a name or alias matches.
#[derive(Clone, Debug, Default)]
pub struct ActorFinder {
    pub input: Input,
    pub matches: Vec<ActorMatch>,
    pub cursor: usize,
}

impl ActorFinder {
    pub fn open(&mut self) {
        *self = ActorFinder::default();
    }

    pub fn refresh(&mut self, store: &Store) {
        self.matches = rank_actors(store, self.input.text());
        self.cursor = 0;
    }

    pub fn selected(&self) -> Option<&ActorMatch> {
        self.matches.get(self.cursor)
    }

    /// The first match shown in a list `height` rows tall (the cursor stays in view).
    pub fn window_start(&self, height: usize) -> usize {
        self.cursor.saturating_sub(height.saturating_sub(1))
    }
}

/// `s`: visible statements whose text or translation contains the words typed
/// (found at once), then ranked fuzzy matches as a background search reports them.
#[derive(Clone, Debug, Default)]
pub struct TextFinder {
    pub input: Input,
    /// The rows shown: ranked matches best first, then the other exact hits in order.
    pub hits: Vec<StatementId>,
    /// Statements containing the words typed, chronologically.
    pub exact: Vec<StatementId>,
    /// The best fuzzy matches reported so far, best first.
    pub ranked: Vec<TextMatch>,
    /// How far the ranking of the current query has got; `None` before its first report.
    pub ranking: Option<Ranking>,
    /// The current query's search; later reports of older ones are ignored.
    pub generation: u64,
    pub cursor: usize,
    pub offset: usize,
    /// The search last jumped from, for `n`/`N` once the finder is closed.
    pub last: Option<LastSearch>,
}

/// A finished search: its words and the statements it found, chronologically.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LastSearch {
    pub query: String,
    pub ids: Vec<StatementId>,
}

impl LastSearch {
    /// The match after (or before) `current` among `shown` (both chronological),
    /// wrapping around; with whether it wrapped and its place (1-based) among the shown matches.
    pub fn step(
        &self,
        current: Option<StatementId>,
        shown: &[StatementId],
        forward: bool,
    ) -> Option<(StatementId, bool, usize, usize)> {
        let visible = crate::store::intersect_sorted(&self.ids, shown);
        let (first, last) = (*visible.first()?, *visible.last()?);
        let found = match (current, forward) {
            (Some(c), true) => visible.iter().find(|&&id| id > c).copied(),
            (Some(c), false) => visible.iter().rev().find(|&&id| id < c).copied(),
            (None, _) => None,
        };
        let (id, wrapped) = match found {
            Some(id) => (id, false),
            None if forward => (first, current.is_some()),
            None => (last, current.is_some()),
        };
        let place = visible.partition_point(|&x| x < id) + 1;
        Some((id, wrapped, place, visible.len()))
    }
}

/// Progress of the background ranking, as last reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranking {
    pub done: usize,
    pub total: usize,
    pub matched: usize,
}

impl Ranking {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }

    /// Whole percent scored.
    pub fn percent(&self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }
}

impl TextFinder {
    /// Clears the finder for a new search; the generation and the last search are kept.
    pub fn open(&mut self) {
        let (generation, last) = (self.generation, self.last.take());
        *self = TextFinder {
            generation,
            last,
            ..TextFinder::default()
        };
    }

    /// Remembers this search for `n`/`N`: the statements containing its words, or,
    /// when none does, the fuzzy matches shown.
    pub fn remember(&mut self) {
        let mut ids = if self.exact.is_empty() {
            self.hits.clone()
        } else {
            self.exact.clone()
        };
        ids.sort_unstable();
        self.last = Some(LastSearch {
            query: self.input.text().trim().to_string(),
            ids,
        });
    }

    /// Searches `visible` (chronological) with one scan of the store's folded text,
    /// drops the previous ranking and asks for a new one.
    pub fn refresh(&mut self, store: &Store, visible: &[StatementId]) -> RankRequest {
        let needle = fold(self.input.text().trim());
        self.exact = if needle.is_empty() {
            Vec::new()
        } else {
            let found = store.containing(&needle);
            if visible.len() == store.len() {
                found
            } else {
                crate::store::intersect_sorted(&found, visible)
            }
        };
        self.hits = self.exact.clone();
        self.ranked.clear();
        self.ranking = None;
        self.cursor = 0;
        self.offset = 0;
        self.generation += 1;
        RankRequest {
            generation: self.generation,
            query: needle.clone(),
            candidates: if needle.is_empty() {
                Vec::new()
            } else {
                visible.to_vec()
            },
        }
    }

    /// Stops the current ranking (the finder closes) and forgets the query.
    pub fn cancel(&mut self) -> RankRequest {
        self.input = Input::default();
        self.generation += 1;
        RankRequest {
            generation: self.generation,
            query: String::new(),
            candidates: Vec::new(),
        }
    }

    /// Takes a report of the background ranking, if it is of the current query:
    /// the ranked matches go first, the cursor stays on its statement.
    pub fn ranked(&mut self, progress: Progress) {
        if progress.generation != self.generation {
            return;
        }
        let selected = self.selected();
        self.ranking = Some(Ranking {
            done: progress.done,
            total: progress.total,
            matched: progress.matched,
        });
        self.ranked = progress.top;
        let mut seen: HashSet<StatementId> = HashSet::with_capacity(self.ranked.len());
        self.hits = Vec::with_capacity(self.ranked.len() + self.exact.len());
        for m in &self.ranked {
            if seen.insert(m.id) {
                self.hits.push(m.id);
            }
        }
        self.hits
            .extend(self.exact.iter().filter(|id| !seen.contains(id)).copied());
        self.cursor = selected
            .and_then(|id| self.hits.iter().position(|&h| h == id))
            .unwrap_or(0);
    }

    /// Whether a ranking is asked for and not finished.
    pub fn ranking_pending(&self) -> bool {
        !self.input.text().trim().is_empty() && !self.ranking.is_some_and(|r| r.finished())
    }

    pub fn selected(&self) -> Option<StatementId> {
        self.hits.get(self.cursor).copied()
    }
}

/// Character positions in `text` where the folded `query` occurs (first occurrence),
/// for highlighting; empty when folding changes the length (e.g. `ß`).
pub fn highlight_positions(text: &str, query: &str) -> Vec<usize> {
    let folded: Vec<char> = text.chars().map(crate::search::fold_char).collect();
    let q: Vec<char> = query.trim().chars().map(crate::search::fold_char).collect();
    if q.is_empty() || q.len() > folded.len() {
        return Vec::new();
    }
    (0..=folded.len() - q.len())
        .find(|&i| folded[i..i + q.len()] == q[..])
        .map(|i| (i..i + q.len()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "finder_tests.rs"]
mod tests;
