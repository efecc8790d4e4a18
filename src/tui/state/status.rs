//! The status line's message: set by the action that has something to say, cleared by
//! the user's next action.

use super::{State, Status};
use crate::tui::action::Effect;

impl State<'_> {
    /// What an edit did, said once the state is rebuilt.
    pub(super) fn told(&mut self, text: String, error: bool) -> Option<Effect> {
        self.say(text, error);
        None
    }

    /// The first message: what awaits review, and load problems (which win).
    pub(super) fn greet(&mut self) {
        let store = self.store;
        let auto = (store.all_ids())
            .filter(|&id| store.provenance(id) == crate::model::Provenance::Auto)
            .count();
        if auto > 0 {
            let text = format!("{auto} automatic statement(s) not yet reviewed: R reviews them");
            self.say(text, false);
        }
        if !self.diagnostics.is_empty() {
            let n = self.diagnostics.len();
            let text = format!("{n} load problem(s): press ! to see them; the rest loaded");
            self.say(text, true);
        }
    }

    pub(super) fn say(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    /// A key that does nothing where it was pressed says so, briefly.
    pub(super) fn unbound(&mut self, key: &str) -> Option<Effect> {
        let key = crate::tui::text::clean(key);
        self.say(format!("{key} does nothing here; ? lists the keys"), false);
        None
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
