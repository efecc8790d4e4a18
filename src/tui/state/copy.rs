//! The copy prompt: a brat or Label Studio corpus is never written, so its first edit asks for the folder to convert it to (filled with `CORPUS-demarche` beside it); Enter converts it there and the edit goes to the copy, Esc cancels the edit.

use super::input::Input;
use super::{Overlay, State};
use crate::tui::action::{Edit, EditRequest, Effect};
use std::path::PathBuf;

/// The folder being typed.
#[derive(Clone, Debug, Default)]
pub struct CopyPrompt {
    pub folder: Input,
}

impl State<'_> {
    /// The session asks where to copy the corpus to, offering `folder`.
    pub(super) fn ask_copy(&mut self, folder: String) -> Option<Effect> {
        self.copy.folder = Input::new(&folder);
        self.overlay = Some(Overlay::Copy);
        None
    }

    /// Enter: convert there (the session refuses a folder that is not empty, and asks
    /// again).
    pub(super) fn accept_copy(&mut self) -> Option<Effect> {
        let folder = self.copy.folder.text().trim();
        if folder.is_empty() {
            self.say("Type the folder the copy goes to".into(), true);
            return None;
        }
        let folder = PathBuf::from(folder);
        self.overlay = None;
        Some(Effect::Edit(EditRequest::Convert(folder)))
    }

    /// Esc: no copy, no edit.
    pub(super) fn close_copy(&mut self) -> Option<Effect> {
        self.overlay = None;
        self.say("Not edited: the corpus is left as it was".into(), false);
        None
    }

    pub(super) fn edit_copy(&mut self, edit: Edit) -> Option<Effect> {
        self.copy.folder.apply(edit);
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::{Action, Edit, EditRequest, Effect};
    use crate::tui::keymap::Context;
    use crate::tui::state::State;
    use std::path::PathBuf;

    fn state(store: &crate::store::Store) -> State<'_> {
        State::new(store, &[], || "20260101-000000".into())
    }

    #[test]
    fn the_prompt_offers_the_folder_and_enter_asks_to_convert_there() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::AskCopy("/data/brat-demarche".into()));
        assert_eq!(s.context(), Context::Copy);
        s.update(Action::Edit(Edit::Backspace));
        s.update(Action::Edit(Edit::Insert('2')));
        assert_eq!(
            s.update(Action::Accept),
            Some(Effect::Edit(EditRequest::Convert(PathBuf::from(
                "/data/brat-demarch2"
            ))))
        );
        assert_eq!(s.overlay, None);
    }

    #[test]
    fn esc_cancels_the_edit_and_says_so() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::AskCopy("x".into()));
        assert_eq!(s.update(Action::Close), None);
        assert_eq!(s.overlay, None);
        let said = s.status.clone().expect("said");
        assert_eq!(said.text, "Not edited: the corpus is left as it was");
    }

    #[test]
    fn an_empty_folder_name_is_not_accepted() {
        let loaded = crate::bundled::load();
        let mut s = state(&loaded.store);
        s.update(Action::AskCopy(String::new()));
        assert_eq!(s.update(Action::Accept), None);
        assert_eq!(s.context(), Context::Copy, "still asking");
    }
}
