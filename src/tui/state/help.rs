//! The help overlay: the context it was opened from (whose keys it lists first) and its scrolling within the lines the keymap gives it.

use super::list::step;
use super::{Overlay, State};
use crate::tui::action::Effect;
use crate::tui::help_text;
use crate::tui::keymap::Context;
use crate::tui::layout;

/// The help overlay's own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HelpPage {
    /// The first line shown.
    pub scroll: usize,
    /// The context the help was opened from.
    pub from: Context,
}

impl State<'_> {
    /// `?`: the keys of where the user is, then every other.
    pub(super) fn open_help(&mut self) -> Option<Effect> {
        let from = self.context();
        self.return_to = self.overlay.filter(Overlay::is_view);
        self.overlay = Some(Overlay::Help(HelpPage { scroll: 0, from }));
        None
    }

    /// Scrolls, never past the point where the last line is at the bottom.
    pub(super) fn step_help(&mut self, page: HelpPage, delta: isize) -> Option<Effect> {
        let lines = help_text::lines(page.from).len();
        let shown = layout::inner(layout::help(self.size)).height as usize;
        let scroll = step(page.scroll, delta, lines.saturating_sub(shown) + 1);
        self.overlay = Some(Overlay::Help(HelpPage { scroll, ..page }));
        None
    }
}
