//! Mouse input: a click focuses the pane under the pointer and selects the row; the wheel scrolls it.

use super::{Focus, Overlay, State, actors::step};
use crate::tui::action::Effect;
use crate::tui::layout::{self, Areas};
use ratatui::layout::{Position, Rect};

/// Which pane a point is in.
fn pane_at(a: &Areas, column: u16, row: u16) -> Option<(Focus, Rect)> {
    let p = Position::new(column, row);
    [
        (Focus::Actors, a.actors),
        (Focus::Quotes, a.quotes),
        (Focus::Timeline, a.timeline),
    ]
    .into_iter()
    .find(|(_, r)| r.contains(p))
}

impl State<'_> {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        if !layout::fits(self.size) {
            return None;
        }
        match self.overlay {
            Overlay::None => {}
            Overlay::ActorSearch | Overlay::TextSearch => return self.click_finder(column, row),
            Overlay::Filter
            | Overlay::Detail
            | Overlay::Export
            | Overlay::Help
            | Overlay::Diagnostics => return None,
        }
        let a = layout::areas(self.size);
        if a.filter.contains(Position::new(column, row)) {
            self.filter.begin();
            self.overlay = Overlay::Filter;
            return None;
        }
        let (focus, pane) = pane_at(&a, column, row)?;
        self.focus = focus;
        let inner = layout::inner(pane);
        if !inner.contains(Position::new(column, row)) {
            return None;
        }
        let dy = row - inner.y;
        match focus {
            Focus::Actors => {
                let target = self.actors.offset + dy as usize;
                if target < self.actors.len() {
                    self.actors.cursor = target;
                    self.renarrow();
                }
            }
            Focus::Quotes => {
                let hit = self.quotes.hit(
                    self.store,
                    &self.list.ids,
                    dy,
                    inner.width,
                    self.translation,
                );
                if let Some(i) = hit {
                    self.list.cursor = i;
                }
            }
            Focus::Timeline => {
                let parts = layout::timeline_parts(inner);
                let p = Position::new(column, row);
                if parts.list.contains(p) {
                    let target = self.timeline.offset + (row - parts.list.y) as usize;
                    if target < self.list.len() {
                        self.list.cursor = target;
                    }
                } else if parts.bars.contains(p) || parts.axis.contains(p) {
                    let window = self.timeline.window(self.cursor_bin(), parts.bars.width);
                    if let Some(bin) = window.bin_at(column - parts.bars.x) {
                        self.list.cursor =
                            self.timeline.first_in_bin(self.store, &self.list.ids, bin);
                    }
                }
            }
        }
        None
    }

    /// A click on a finder's match chooses it, as Enter would.
    fn click_finder(&mut self, column: u16, row: u16) -> Option<Effect> {
        let list = layout::finder(self.size).list;
        if !list.contains(Position::new(column, row)) {
            return None;
        }
        let dy = (row - list.y) as usize;
        if self.overlay == Overlay::ActorSearch {
            let i = self.actor_finder.window_start(list.height as usize) + dy;
            if i >= self.actor_finder.matches.len() {
                return None;
            }
            self.actor_finder.cursor = i;
        } else {
            let i = self.text_finder.offset + dy;
            if i >= self.text_finder.hits.len() {
                return None;
            }
            self.text_finder.cursor = i;
        }
        self.accept()
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) -> Option<Effect> {
        let delta = if down { 3 } else { -3 };
        if self.overlay != Overlay::None {
            return self.step(delta);
        }
        let a = layout::areas(self.size);
        match pane_at(&a, column, row).map(|(f, _)| f) {
            Some(Focus::Actors) => {
                self.actors.cursor = step(self.actors.cursor, delta, self.actors.len());
                self.renarrow();
            }
            Some(Focus::Quotes) => {
                self.list.cursor = step(self.list.cursor, delta.signum(), self.list.len());
            }
            Some(Focus::Timeline) => {
                self.list.cursor = step(self.list.cursor, delta, self.list.len());
            }
            None => {}
        }
        None
    }
}
