//! Copying the statement under the cursor with its citation: the text to send, and the status line saying so.

use super::State;
use crate::record::Record;
use crate::tui::action::Effect;

impl State<'_> {
    pub(super) fn copy_citation(&mut self) -> Option<Effect> {
        let Some(id) = self.list.current() else {
            self.say("No statement here to copy".into(), true);
            return None;
        };
        let record = Record::of(self.store, id);
        self.say(
            format!(
                "Copied {} with its citation (sent to the terminal's clipboard, OSC 52)",
                record.id
            ),
            false,
        );
        Some(Effect::Clipboard(record.citation()))
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::{Action, Effect};
    use crate::tui::test_support::{corpus, state, type_text};

    #[test]
    fn y_copies_the_statement_with_who_said_it_where_and_when() {
        let loaded = corpus();
        let mut s = state(&loaded);
        s.update(Action::EditFilter);
        type_text(&mut s, "actor:peskov mode:direct");
        s.update(Action::Accept);
        let Some(Effect::Clipboard(text)) = s.update(Action::CopyCitation) else {
            panic!("no clipboard effect");
        };
        assert!(text.starts_with('“'), "{text}");
        assert!(text.contains("— Dmitri Peskow"), "{text}");
        assert!(text.contains("for Wladimir Putin"), "{text}");
        assert!(text.contains("2025-02"), "{text}");
        assert!(
            text.ends_with("(no URL)"),
            "the bundled article has none: {text}"
        );
        let status = s.status.as_ref().expect("a status line");
        assert!(
            status.text.starts_with("Copied ") && !status.error,
            "{}",
            status.text
        );
    }

    #[test]
    fn nothing_to_copy_in_an_empty_list_says_so() {
        let loaded = corpus();
        let mut s = state(&loaded);
        s.update(Action::EditFilter);
        type_text(&mut s, "actor:nobody-at-all-here");
        s.update(Action::Accept);
        assert_eq!(s.update(Action::CopyCitation), None);
        assert!(s.status.as_ref().is_some_and(|m| m.error));
    }
}
