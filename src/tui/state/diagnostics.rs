//! The load problems overlay: which problem is at its top.

use super::list::step;
use super::{Overlay, State};
use crate::tui::action::Effect;

/// The diagnostics overlay's own state: the first problem shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DiagnosticsPage {
    pub scroll: usize,
}

impl State<'_> {
    /// `!`: every problem the load met, from the first.
    pub(super) fn open_diagnostics(&mut self) -> Option<Effect> {
        self.overlay = Some(Overlay::Diagnostics(DiagnosticsPage::default()));
        None
    }

    pub(super) fn step_diagnostics(
        &mut self,
        page: DiagnosticsPage,
        delta: isize,
    ) -> Option<Effect> {
        let scroll = step(page.scroll, delta, self.diagnostics.len());
        self.overlay = Some(Overlay::Diagnostics(DiagnosticsPage { scroll }));
        None
    }
}
