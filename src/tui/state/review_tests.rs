//! The review queue's transitions: its order, what y, n, u and Ctrl-r ask of the session, Enter and Esc, what carries over an edit.

use crate::edit::Edit;
use crate::loader::{Loaded, Source, SourceFormat, load_sources};
use crate::tui::action::{Action, EditRequest, Effect};
use crate::tui::keymap::{Context, lookup};
use crate::tui::state::{Overlay, State};
use crate::tui::test_support::{corpus, state};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Three automatic statements (0.9, 0.4, no confidence) and one coded by hand.
fn found() -> Loaded {
    let doc = r#"{"format": "demarche", "version": 1,
      "article": {"id": "a", "text": "One two. Three four. Five six. Seven eight."},
      "actors": [{"id": "p", "name": "Pia Pohl", "kind": "person"}],
      "statements": [
        {"id": "s1", "speaker": "p", "mode": "direct", "text": "One two", "span": [0, 7], "provenance": "auto", "confidence": 0.9, "rule": "r"},
        {"id": "s2", "speaker": "p", "mode": "direct", "text": "Three four", "span": [9, 19], "provenance": "auto", "confidence": 0.4, "rule": "r"},
        {"id": "s3", "speaker": "p", "mode": "direct", "text": "Five six", "span": [21, 29], "provenance": "auto"},
        {"id": "s4", "speaker": "p", "mode": "direct", "text": "Seven eight", "span": [31, 42]}]}"#;
    load_sources(vec![Source {
        name: "a.json".into(),
        bytes: doc.as_bytes().to_vec(),
        format: SourceFormat::Json,
    }])
}

fn keys(s: &State) -> Vec<String> {
    s.review
        .ids
        .iter()
        .map(|&id| s.store.key(id).to_string())
        .collect()
}

#[test]
fn with_nothing_automatic_the_queue_says_so_and_stays_closed() {
    let loaded = corpus();
    let mut s = state(&loaded);
    assert_eq!(s.update(Action::OpenReview), None);
    assert_eq!(s.overlay, None);
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.text.contains("Nothing to review"))
    );
}

#[test]
fn the_queue_holds_the_automatic_statements_lowest_confidence_first() {
    let loaded = found();
    let mut s = state(&loaded);
    s.update(Action::OpenReview);
    assert_eq!(s.overlay, Some(Overlay::Review));
    assert_eq!(s.context(), Context::Review);
    assert_eq!(keys(&s), ["s2", "s1", "s3"], "0.4, 0.9, then none");
}

#[test]
fn y_accepts_n_rejects_and_u_and_ctrl_r_ask_the_session() {
    let loaded = found();
    let mut s = state(&loaded);
    s.update(Action::OpenReview);
    let Some(Effect::Edit(EditRequest::Do(edits, said))) = s.update(Action::ReviewYes) else {
        panic!("y asks for an edit")
    };
    assert_eq!(said, "Accepted");
    let [Edit::Put { article, statement }] = edits.as_slice() else {
        panic!("{edits:?}")
    };
    assert_eq!(
        (article.as_str(), &statement["id"], &statement["provenance"]),
        ("a", &"s2".into(), &"reviewed".into())
    );
    s.update(Action::Down);
    let Some(Effect::Edit(EditRequest::Do(edits, _))) = s.update(Action::ReviewNo) else {
        panic!("n asks for an edit")
    };
    assert_eq!(
        edits,
        [Edit::Delete {
            article: "a".into(),
            id: "s1".into()
        }]
    );
    assert_eq!(
        s.update(Action::Undo),
        Some(Effect::Edit(EditRequest::Undo))
    );
    assert_eq!(
        s.update(Action::Redo),
        Some(Effect::Edit(EditRequest::Redo))
    );
}

#[test]
fn enter_reads_it_in_its_article_and_esc_comes_back_to_the_queue() {
    let loaded = found();
    let mut s = state(&loaded);
    s.update(Action::OpenReview);
    s.update(Action::Accept);
    assert!(matches!(s.overlay, Some(Overlay::Detail(_))));
    assert_eq!(s.list.current(), s.review.current());
    s.update(Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Review));
}

#[test]
fn the_keys_are_those_of_the_table() {
    let key = |c: char, m: KeyModifiers| KeyEvent::new(KeyCode::Char(c), m);
    let plain = KeyModifiers::NONE;
    assert_eq!(
        lookup(Context::Review, key('y', plain)),
        Some(Action::ReviewYes)
    );
    assert_eq!(
        lookup(Context::Review, key('n', plain)),
        Some(Action::ReviewNo)
    );
    assert_eq!(lookup(Context::Review, key('u', plain)), Some(Action::Undo));
    assert_eq!(
        lookup(Context::Review, key('r', KeyModifiers::CONTROL)),
        Some(Action::Redo)
    );
    assert_eq!(
        lookup(Context::Quotes, key('R', KeyModifiers::SHIFT)),
        Some(Action::OpenReview)
    );
    assert_eq!(lookup(Context::Quotes, key('u', plain)), Some(Action::Undo));
    assert_eq!(
        lookup(Context::Quotes, key('U', KeyModifiers::SHIFT)),
        Some(Action::ClearMarks)
    );
}

#[test]
fn what_an_edit_rebuilds_carries_the_filter_the_queue_and_its_place() {
    let loaded = found();
    let mut s = state(&loaded);
    s.filter.applied = "mode:direct".into();
    s.update(Action::OpenReview);
    s.update(Action::Down);
    let carried = s.carried();
    assert_eq!(carried.first(), Some(&Action::EditFilter));
    assert!(carried.ends_with(&[Action::OpenReview]), "{carried:?}");
    // Replayed on a fresh state given the place, the queue is open there.
    let mut again = state(&loaded);
    again.review.cursor = s.review.cursor;
    for a in carried {
        again.update(a);
    }
    assert_eq!(again.overlay, Some(Overlay::Review));
    assert_eq!(again.review.cursor, 1);
}

#[test]
fn the_queue_draws_the_statement_what_the_machine_chose_and_its_paragraph() {
    let loaded = found();
    let mut s = state(&loaded);
    s.update(Action::OpenReview);
    let terminal = crate::tui::test_support::render(&s, 100, 30);
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(100)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    assert!(screen.contains("1 of 3 · 3 left to review"), "{screen}");
    assert!(screen.contains("rule r · confidence 0.40"), "{screen}");
    assert!(screen.contains("Pia Pohl"), "{screen}");
    assert!(screen.contains("One two. Three four."), "{screen}");
    assert!(screen.contains("y accept"), "{screen}");
}
