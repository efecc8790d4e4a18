//! Where the keyboard is: the focused pane, the overlay drawn over the panes, where Esc goes back to; and the status line's message.

use super::{DetailPage, DiagnosticsPage, ExportStep, HelpPage};
use crate::tui::keymap::Context;

/// The pane that has the keyboard when no overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Actors,
    Quotes,
    Timeline,
}

impl Focus {
    /// The next pane, as Tab goes (left to right, then round).
    pub(super) fn next(self) -> Focus {
        match self {
            Focus::Actors => Focus::Quotes,
            Focus::Quotes => Focus::Timeline,
            Focus::Timeline => Focus::Actors,
        }
    }

    pub(super) fn prev(self) -> Focus {
        match self {
            Focus::Actors => Focus::Timeline,
            Focus::Quotes => Focus::Actors,
            Focus::Timeline => Focus::Quotes,
        }
    }

    /// The keymap context of the pane.
    pub(super) fn context(self) -> Context {
        match self {
            Focus::Actors => Context::Actors,
            Focus::Quotes => Context::Quotes,
            Focus::Timeline => Context::Timeline,
        }
    }
}

/// What is drawn over the panes and takes the keys, with the state only it has; the
/// state that outlives it (the typed filter, the last search, the export format)
/// stays in its pane of `State`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Filter,
    ActorSearch,
    TextSearch,
    Detail(DetailPage),
    Export(ExportStep),
    Help(HelpPage),
    Diagnostics(DiagnosticsPage),
    /// The stance matrix.
    Positions,
    Shifts,
    /// One actor's positions over time.
    Course,
    /// The review queue.
    Review,
    /// The statement form (its state is `State::form`).
    Form,
    /// The actor form (`State::actor_form`).
    ActorForm,
    /// A cursor and selection in the article text (`State::selection`).
    Select,
    /// Where to copy a corpus that is not ours before its first edit.
    Copy,
}

impl Overlay {
    /// Whether it is a view of its own (positions, shifts, an actor's course) that
    /// the detail or help opened from it returns to.
    pub fn is_view(&self) -> bool {
        matches!(
            self,
            Overlay::Positions | Overlay::Shifts | Overlay::Course | Overlay::Review
        )
    }
}

/// Where Esc in the panes goes back to after a view sent the user there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Back {
    /// The matrix, with the filter in force before Enter on a cell.
    Positions { filter: String },
}

/// The status line's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}
