//! The status line's messages: replaced by the user's next action, never stale.

use crate::tui::action::Action;
use crate::tui::test_support::{corpus, state, type_text};

fn status(s: &crate::tui::state::State) -> Option<String> {
    s.status.as_ref().map(|m| m.text.clone())
}

#[test]
fn a_message_lasts_until_the_next_key() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    s.update(Action::Close);
    s.update(Action::ToggleTranslation);
    assert_eq!(status(&s).as_deref(), Some("Translations shown"));
    s.update(Action::Down);
    assert_eq!(status(&s), None, "a later key replaces the message");
}

#[test]
fn an_actor_count_does_not_outlive_the_filter_that_changes_it() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenActorSearch);
    type_text(&mut s, "pskow");
    s.update(Action::Accept);
    assert!(status(&s).is_some_and(|t| t.contains("5 statement(s)")));
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    s.update(Action::Accept);
    assert!(
        !status(&s).is_some_and(|t| t.contains("5 statement(s)")),
        "{:?}",
        status(&s)
    );
}

#[test]
fn a_job_finishing_does_not_clear_the_message() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::ToggleTranslation);
    s.update(Action::Filtered(crate::tui::action::FilterResult {
        generation: 0,
        ids: Vec::new(),
        dates: None,
    }));
    s.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(status(&s).as_deref(), Some("Translations shown"));
}

#[test]
fn an_unbound_key_says_so() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::Unbound("x".into()));
    assert_eq!(
        status(&s).as_deref(),
        Some("x does nothing here; ? lists the keys")
    );
    assert_eq!(s.overlay, None);
}

#[test]
fn an_invalid_first_filter_says_none_is_still_shown() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:");
    s.update(Action::Accept);
    let text = status(&s).expect("a message");
    assert!(text.contains("still showing `none`"), "{text}");
}
