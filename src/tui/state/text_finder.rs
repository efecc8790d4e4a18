//! The text finder (`s`): visible statements containing the words typed, then ranked fuzzy matches from a background search; its keys, and `n`/`N` through the last search.

use super::input::Input;
use super::{Focus, Overlay, State};
use crate::fold::fold;
use crate::model::StatementId;
use crate::search::text::{Progress, TextMatch};
use crate::store::Store;
use crate::tui::action::{Edit, Effect, RankRequest};
use ratatui::layout::Position;
use std::collections::HashSet;

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

impl State<'_> {
    pub(super) fn open_text_finder(&mut self) -> Option<Effect> {
        self.text_finder.open();
        self.overlay = Some(Overlay::TextSearch);
        None
    }

    pub(super) fn step_text_finder(&mut self, delta: isize) -> Option<Effect> {
        let finder = &mut self.text_finder;
        finder.cursor = super::list::step(finder.cursor, delta, finder.hits.len());
        None
    }

    /// Typing: finds the words at once and asks for a new ranking.
    pub(super) fn edit_text_finder(&mut self, edit: Edit) -> Option<Effect> {
        if !self.text_finder.input.apply(edit) {
            return None;
        }
        let request = self.text_finder.refresh(self.store, &self.list.ids);
        Some(Effect::RankText(request))
    }

    /// Esc: closes and stops the ranking.
    pub(super) fn close_text_finder(&mut self) -> Option<Effect> {
        self.overlay = None;
        Some(Effect::RankText(self.text_finder.cancel()))
    }

    /// Enter: goes to the statement chosen, remembers the search for `n`/`N`.
    pub(super) fn accept_text_finder(&mut self) -> Option<Effect> {
        let Some(id) = self.text_finder.selected() else {
            self.say("No statement contains that".into(), true);
            return None;
        };
        self.text_finder.remember();
        self.list.select(id);
        self.overlay = None;
        self.focus = Focus::Quotes;
        Some(Effect::RankText(self.text_finder.cancel()))
    }

    /// A click on a match chooses it, as Enter would.
    pub(super) fn click_text_finder(&mut self, at: Position) -> Option<Effect> {
        let (row, _) = self.finder_row(at)?;
        let i = self.text_finder.offset + row;
        if i >= self.text_finder.hits.len() {
            return None;
        }
        self.text_finder.cursor = i;
        self.accept_text_finder()
    }

    /// The background ranking reported.
    pub(super) fn text_ranked(&mut self, progress: Progress) -> Option<Effect> {
        self.text_finder.ranked(progress);
        None
    }

    /// `n`/`N`: the next (previous) statement the last text search found, as in a pager.
    pub(super) fn step_match(&mut self, forward: bool) -> Option<Effect> {
        let Some(last) = &self.text_finder.last else {
            self.say("No search yet: s finds statements by words".into(), true);
            return None;
        };
        let query = crate::tui::text::clean(&last.query);
        let Some((id, wrapped, place, of)) =
            last.step(self.list.current(), &self.list.ids, forward)
        else {
            self.say(format!("No match for `{query}` is shown now"), true);
            return None;
        };
        self.list.select(id);
        if self.focus == Focus::Actors {
            self.focus = Focus::Quotes;
        }
        let wrapped = match (wrapped, forward) {
            (true, true) => " · wrapped to the first",
            (true, false) => " · wrapped to the last",
            (false, _) => "",
        };
        self.say(
            format!("Match {place} of {of} for `{query}`{wrapped}"),
            false,
        );
        None
    }
}

#[cfg(test)]
#[path = "text_finder_tests.rs"]
mod tests;
