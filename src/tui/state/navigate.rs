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

    /// `n`/`N`: the next (previous) statement the last text search found, as in a pager.
    pub(super) fn step_match(&mut self, forward: bool) -> Option<Effect> {
        let Some(last) = &self.text_finder.last else {
            self.say("No search yet: s finds statements by words".into(), true);
            return None;
        };
        let query = crate::tui::text::clean(&last.query);
        match last.step(self.list.current(), &self.list.ids, forward) {
            Some((id, wrapped, place, of)) => {
                self.list.select(id);
                self.focus = if self.focus == Focus::Actors {
                    Focus::Quotes
                } else {
                    self.focus
                };
                let wrapped = match (wrapped, forward) {
                    (true, true) => " · wrapped to the first",
                    (true, false) => " · wrapped to the last",
                    (false, _) => "",
                };
                self.say(
                    format!("Match {place} of {of} for `{query}`{wrapped}"),
                    false,
                );
            }
            None => self.say(format!("No match for `{query}` is shown now"), true),
        }
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
                    // Scrolls the text, never past its last row.
                    let inner = layout::inner(layout::detail(self.size));
                    let rows = self
                        .list
                        .current()
                        .map_or(0, |id| super::detail::rows(self.store, id, inner.width));
                    let max = rows.saturating_sub(inner.height as usize);
                    let at = step(self.pages.detail as usize, delta, max + 1);
                    self.pages.detail = u16::try_from(at).unwrap_or(u16::MAX);
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
                let context = self.pages.help_for.unwrap_or(Context::Quotes);
                let lines = crate::tui::help_text::lines(context).len();
                let shown = layout::inner(layout::help(self.size)).height as usize;
                self.pages.help = step(self.pages.help, delta, lines.saturating_sub(shown) + 1);
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

#[cfg(test)]
#[path = "navigate_tests.rs"]
mod tests;
