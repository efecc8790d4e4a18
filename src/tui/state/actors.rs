//! The actors pane: every actor with its count under the filter, sorted by count or name; row 0 is "all actors".

use crate::model::{ActorId, StatementId};
use crate::store::Store;

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
        let mut pane = ActorsPane {
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

/// The first visible row of a one-line-per-row list so that `cursor` shows in `height` rows.
pub fn scroll_offset(offset: usize, cursor: usize, height: usize) -> usize {
    let height = height.max(1);
    if cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}

/// Moves `cursor` by `delta` within `0..len`.
pub fn step(cursor: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    cursor.saturating_add_signed(delta).min(len - 1)
}
