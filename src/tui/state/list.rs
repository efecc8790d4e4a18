//! The statements on screen: the filter's result, narrowed to the selected actor, and the shared cursor (with the cursor arithmetic every list uses).

use super::State;
use crate::model::{ActorId, StatementId};
use crate::store::Store;
use crate::tui::action::Effect;

#[derive(Clone, Debug, Default)]
pub struct StatementList {
    /// The active filter's result, chronological.
    pub filtered: Vec<StatementId>,
    /// `filtered` narrowed to the selected actor: what the panes show.
    pub ids: Vec<StatementId>,
    /// Index into `ids`.
    pub cursor: usize,
    /// Counts the changes of `ids`: views counted over them compare it to know
    /// whether they are up to date.
    pub revision: u64,
}

impl StatementList {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The statement under the cursor.
    pub fn current(&self) -> Option<StatementId> {
        self.ids.get(self.cursor).copied()
    }

    /// Narrows `filtered` to `actor` (as speaker or principal), keeping the
    /// cursor on the same statement or the nearest one after it.
    pub fn narrow(&mut self, store: &Store, actor: Option<ActorId>) {
        let before = self.current();
        self.revision += 1;
        self.ids = match actor {
            None => self.filtered.clone(),
            Some(a) => store
                .involving(a)
                .into_iter()
                .filter(|id| self.filtered.binary_search(id).is_ok())
                .collect(),
        };
        self.cursor = match before {
            Some(id) => self.position_near(id),
            None => 0,
        };
    }

    /// The index of `id`, or of the first statement after it (ids are chronological).
    pub fn position_near(&self, id: StatementId) -> usize {
        self.ids
            .partition_point(|&x| x < id)
            .min(self.ids.len().saturating_sub(1))
    }

    /// Moves the cursor by `delta` statements, staying on the list.
    pub fn step(&mut self, delta: isize) {
        self.cursor = step(self.cursor, delta, self.len());
    }

    /// Moves the cursor onto `id` if it is listed; returns whether it was.
    pub fn select(&mut self, id: StatementId) -> bool {
        match self.ids.binary_search(&id) {
            Ok(i) => {
                self.cursor = i;
                true
            }
            Err(_) => false,
        }
    }
}

impl State<'_> {
    /// Moves the statement cursor the quotes and timeline panes share.
    pub(super) fn step_statements(&mut self, delta: isize) -> Option<Effect> {
        self.list.step(delta);
        None
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
