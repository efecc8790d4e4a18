//! Moving whatever has the keyboard: pane cursors, finder selections, overlay scrolling, timeline periods and zoom.

use super::{Focus, Overlay, State, Zoom, actors::step};
use crate::tui::action::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout;

impl State<'_> {
    pub(super) fn zoom(&mut self, zoom: Zoom) -> Option<Effect> {
        self.timeline.zoom = zoom;
        self.timeline.rebuild(self.store, &self.list.ids);
        self.say(format!("Timeline by {}", zoom.label()), false);
        None
    }

    pub(super) fn jump_period(&mut self, forward: bool) -> Option<Effect> {
        self.list.cursor =
            self.timeline
                .step_period(self.store, &self.list.ids, self.list.cursor, forward);
        None
    }

    pub(super) fn half_page(&self) -> isize {
        let a = layout::areas(self.size);
        let rows = match (self.overlay, self.focus) {
            (Overlay::None, Focus::Actors) => layout::inner(a.actors).height / 2,
            (Overlay::None, Focus::Quotes) => layout::inner(a.quotes).height / 6,
            (Overlay::None, Focus::Timeline) => {
                layout::timeline_parts(layout::inner(a.timeline))
                    .list
                    .height
                    / 2
            }
            _ => self.size.height / 2,
        };
        rows.max(1) as isize
    }

    /// Moves whatever has the keyboard by `delta` rows.
    pub(super) fn step(&mut self, delta: isize) -> Option<Effect> {
        match self.overlay {
            Overlay::None => match self.focus {
                Focus::Actors => {
                    self.actors.cursor = step(self.actors.cursor, delta, self.actors.len());
                    self.renarrow();
                }
                Focus::Quotes | Focus::Timeline => {
                    self.list.cursor = step(self.list.cursor, delta, self.list.len());
                }
            },
            Overlay::Detail => {
                if delta.abs() == 1 {
                    self.list.cursor = step(self.list.cursor, delta, self.list.len());
                    self.pages.detail = 0;
                } else {
                    let by = delta.clamp(-1000, 1000) as i32;
                    self.pages.detail = (i32::from(self.pages.detail) + by).clamp(0, 1000) as u16;
                }
            }
            Overlay::ActorSearch => {
                let n = self.actor_finder.matches.len();
                self.actor_finder.cursor = step(self.actor_finder.cursor, delta, n);
            }
            Overlay::TextSearch => {
                let n = self.text_finder.hits.len();
                self.text_finder.cursor = step(self.text_finder.cursor, delta, n);
            }
            Overlay::Help => {
                // At most one line per binding plus a title and a gap per context.
                let lines = crate::tui::keymap::BINDINGS.len() + 3 * Context::ALL.len();
                self.pages.help = step(self.pages.help, delta, lines);
            }
            Overlay::Diagnostics => {
                let n = self.diagnostics.len();
                self.pages.diagnostics = step(self.pages.diagnostics, delta, n);
            }
            Overlay::Filter | Overlay::Export => {}
        }
        None
    }
}
