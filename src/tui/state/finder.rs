//! The two finders: fuzzy actor search over names and aliases, and word search in statement text and translation.

use super::input::Input;
use crate::fold::fold;
use crate::model::StatementId;
use crate::search::{ActorMatch, rank_actors};
use crate::store::Store;

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

/// `s`: visible statements whose text or translation contains the words typed.
#[derive(Clone, Debug, Default)]
pub struct TextFinder {
    pub input: Input,
    pub hits: Vec<StatementId>,
    pub cursor: usize,
    pub offset: usize,
}

impl TextFinder {
    pub fn open(&mut self) {
        *self = TextFinder::default();
    }

    /// Searches `visible` (chronological) with one scan of the store's folded text.
    pub fn refresh(&mut self, store: &Store, visible: &[StatementId]) {
        let needle = fold(self.input.text().trim());
        self.hits = if needle.is_empty() {
            Vec::new()
        } else {
            store
                .containing(&needle)
                .into_iter()
                .filter(|id| visible.binary_search(id).is_ok())
                .collect()
        };
        self.cursor = 0;
        self.offset = 0;
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
