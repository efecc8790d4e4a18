//! Leaving with edits the journal has not taken: the first quit warns (W writes them again), a quit as the very next key goes without them; and the keys that write them again (W) or read the corpus again from disk (Ctrl-l).

use super::State;
use crate::tui::action::{Action, EditRequest, Effect};

/// What quitting must know: the edits not yet saved, and whether the last key was a
/// quit that warned of them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Leaving {
    pub unsaved: usize,
    warned: bool,
}

impl State<'_> {
    /// `q`: quits, unless edits are unsaved and this is not the quit right after the
    /// warning.
    pub(super) fn quit(&mut self) -> Option<Effect> {
        let n = self.leaving.unsaved;
        if n == 0 || self.leaving.warned {
            return Some(Effect::Quit);
        }
        self.leaving.warned = true;
        self.say(
            format!("{n} edit(s) not saved: W tries again; q again quits without them"),
            true,
        );
        None
    }

    /// The user's action: anything but another quit takes the warning back.
    pub(super) fn unwarn(&mut self, action: &Action) {
        self.leaving.warned &= *action == Action::Quit;
    }

    /// How many edits the journal does not have, as the session says after each save.
    pub(super) fn set_unsaved(&mut self, n: usize) -> Option<Effect> {
        self.leaving.unsaved = n;
        None
    }

    /// `W`: the unsaved edits written again.
    pub(super) fn retry_save(&mut self) -> Option<Effect> {
        Some(Effect::Edit(EditRequest::Retry))
    }

    /// Ctrl-l: the corpus read again from disk.
    pub(super) fn reload(&mut self) -> Option<Effect> {
        Some(Effect::Reload)
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::{Action, EditRequest, Effect};
    use crate::tui::state::State;

    fn state(store: &crate::store::Store) -> State<'_> {
        State::new(store, &[], || "20260101-000000".into())
    }

    #[test]
    fn with_unsaved_edits_the_first_quit_warns_and_the_next_one_quits() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::Unsaved(2));
        assert_eq!(s.update(Action::Quit), None, "warned, not quit");
        let said = s.status.clone().expect("a warning");
        assert!(said.error);
        assert_eq!(
            said.text,
            "2 edit(s) not saved: W tries again; q again quits without them"
        );
        assert_eq!(s.update(Action::Quit), Some(Effect::Quit));
    }

    #[test]
    fn another_key_after_the_warning_takes_it_back() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::Unsaved(1));
        assert_eq!(s.update(Action::Quit), None);
        s.update(Action::Down);
        assert_eq!(s.update(Action::Quit), None, "warned again");
        assert_eq!(s.update(Action::Quit), Some(Effect::Quit));
    }

    #[test]
    fn once_saved_quit_goes_at_once_and_w_asks_to_write_again() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::Unsaved(1));
        assert_eq!(
            s.update(Action::RetrySave),
            Some(Effect::Edit(EditRequest::Retry))
        );
        s.update(Action::Unsaved(0));
        assert_eq!(s.update(Action::Quit), Some(Effect::Quit));
    }
}
