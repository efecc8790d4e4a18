//! The actors pane: every actor with its count under the filter, sorted by count or name (row 0 is "all actors"); its keys and clicks.

use super::State;
use super::list::{scroll_offset, step};
use crate::model::{ActorId, StatementId};
use crate::store::Store;
use crate::tui::action::Effect;
use ratatui::layout::{Position, Rect};

/// How the actor rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorSort {
    Count,
    Name,
}

/// One actor row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorRow {
    pub actor: ActorId,
    /// Statements under the active filter that the actor made or that were made for them.
    pub count: usize,
}

#[derive(Clone, Debug)]
pub struct ActorsPane {
    pub rows: Vec<ActorRow>,
    pub sort: ActorSort,
    /// 0 is "all actors"; row `i` is `rows[i - 1]`.
    pub cursor: usize,
    pub offset: usize,
    /// Each actor's place in name order (lowercased), found once: re-sorting on every
    /// keystroke then compares numbers instead of lowercasing thousands of names.
    name_rank: Vec<u32>,
    /// Speakers an importer could not resolve (a pronoun with no name before it).
    pub unresolved: usize,
}

impl ActorsPane {
    pub fn new(store: &Store) -> ActorsPane {
        let mut by_name: Vec<(String, usize)> = store
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.to_lowercase(), i))
            .collect();
        by_name.sort();
        let mut name_rank = vec![0; by_name.len()];
        for (rank, (_, i)) in by_name.into_iter().enumerate() {
            name_rank[i] = rank as u32;
        }
        let unresolved = (store.actors.iter())
            .filter(|a| a.id.starts_with(crate::loader::speakers::UNRESOLVED))
            .count();
        let mut pane = ActorsPane {
            unresolved,
            rows: Vec::new(),
            sort: ActorSort::Count,
            cursor: 0,
            offset: 0,
            name_rank,
        };
        pane.recount(store, None);
        pane
    }

    /// The number of rows including "all actors".
    pub fn len(&self) -> usize {
        self.rows.len() + 1
    }

    /// The actor under the cursor; `None` on "all actors".
    pub fn selected(&self) -> Option<ActorId> {
        self.cursor.checked_sub(1).map(|i| self.rows[i].actor)
    }

    /// Recounts under `filtered` (`None`: no filter) and re-sorts, keeping the cursor's
    /// actor. Under a filter, actors with no statement in it are left out (the pane reads
    /// as who speaks in the selection), except the one under the cursor.
    pub fn recount(&mut self, store: &Store, filtered: Option<&[StatementId]>) {
        let selected = self.selected();
        let counts: Vec<usize> = match filtered {
            None => (0..store.actors.len())
                .map(|i| store.count_for(ActorId(i as u32)))
                .collect(),
            Some(ids) => store.count_by_actor(ids),
        };
        self.rows = counts
            .into_iter()
            .enumerate()
            .map(|(i, count)| ActorRow {
                actor: ActorId(i as u32),
                count,
            })
            .filter(|r| filtered.is_none() || r.count > 0 || Some(r.actor) == selected)
            .collect();
        self.sort_rows();
        self.cursor = selected.map_or(0, |a| self.row_of(a));
    }

    fn sort_rows(&mut self) {
        let rank = |r: &ActorRow| self.name_rank[r.actor.index()];
        match self.sort {
            ActorSort::Count => self
                .rows
                .sort_unstable_by_key(|r| (std::cmp::Reverse(r.count), rank(r))),
            ActorSort::Name => self.rows.sort_unstable_by_key(rank),
        }
    }

    /// Switches between count and name order, keeping the cursor's actor.
    pub fn toggle_sort(&mut self) {
        let selected = self.selected();
        self.sort = match self.sort {
            ActorSort::Count => ActorSort::Name,
            ActorSort::Name => ActorSort::Count,
        };
        self.sort_rows();
        self.cursor = selected.map_or(0, |a| self.row_of(a));
    }

    /// The row showing `actor` (0 when absent).
    pub fn row_of(&self, actor: ActorId) -> usize {
        self.rows
            .iter()
            .position(|r| r.actor == actor)
            .map_or(0, |i| i + 1)
    }

    /// Keeps the cursor inside a window of `height` rows.
    pub fn scroll(&mut self, height: usize) {
        self.offset = scroll_offset(self.offset, self.cursor, height);
    }
}

impl State<'_> {
    /// Moves the actor cursor; the other panes follow the actor under it.
    pub(super) fn step_actors(&mut self, delta: isize) -> Option<Effect> {
        self.actors.cursor = step(self.actors.cursor, delta, self.actors.len());
        self.renarrow();
        None
    }

    /// A click on a row selects its actor (`inner`: the pane inside its border).
    pub(super) fn click_actors(&mut self, inner: Rect, at: Position) -> Option<Effect> {
        let target = self.actors.offset + (at.y - inner.y) as usize;
        if target < self.actors.len() {
            self.actors.cursor = target;
            self.renarrow();
        }
        None
    }

    /// Back to the "all actors" row.
    pub(super) fn show_all_actors(&mut self) -> Option<Effect> {
        self.actors.cursor = 0;
        self.renarrow();
        self.say(format!("All actors: {} statements", self.list.len()), false);
        None
    }

    pub(super) fn sort_actors(&mut self) -> Option<Effect> {
        self.actors.toggle_sort();
        None
    }
}
