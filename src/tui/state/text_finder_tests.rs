//! The text finder's search outlives it: `n`/`N` step through its matches once closed.

use crate::tui::action::Action;
use crate::tui::state::Focus;
use crate::tui::test_support::{corpus, state, type_text};

#[test]
fn n_and_shift_n_step_through_the_last_search_after_it_closed_and_wrap() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::NextMatch);
    assert!(
        s.status
            .as_ref()
            .is_some_and(|m| m.text.contains("No search yet"))
    );
    s.update(Action::OpenTextSearch);
    type_text(&mut s, "ukraine");
    let mut found = s.text_finder.exact.clone();
    assert!(found.len() >= 3, "{} statements mention it", found.len());
    found.sort_unstable();
    // Jump to the first match in time, then walk forward through the rest.
    while s.text_finder.selected() != Some(found[0]) {
        s.update(Action::Down);
    }
    s.update(Action::Accept);
    assert_eq!(s.list.current(), Some(found[0]));
    for &next in &found[1..] {
        s.update(Action::NextMatch);
        assert_eq!(s.list.current(), Some(next));
    }
    s.update(Action::NextMatch);
    assert_eq!(s.list.current(), Some(found[0]), "wraps to the first");
    let text = s.status.clone().expect("a message").text;
    assert!(text.contains("wrapped to the first"), "{text}");
    s.update(Action::PrevMatch);
    assert_eq!(
        s.list.current(),
        found.last().copied(),
        "N wraps to the last"
    );
    let text = s.status.clone().expect("a message").text;
    assert!(
        text.starts_with(&format!("Match {} of {}", found.len(), found.len())),
        "{text}"
    );
    // From the actors pane, n brings the match into the quotes pane.
    s.update(Action::FocusActors);
    s.update(Action::NextMatch);
    assert_eq!(s.focus, Focus::Quotes);
}

#[test]
fn a_filter_that_hides_every_match_says_so() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    type_text(&mut s, "Minsker");
    s.update(Action::Accept);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    s.update(Action::Accept);
    s.update(Action::NextMatch);
    let text = s.status.clone().expect("a message").text;
    assert!(text.contains("No match for `Minsker` is shown"), "{text}");
}
