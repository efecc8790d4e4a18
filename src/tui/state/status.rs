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
