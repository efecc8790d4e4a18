//! The quotes pane's scrolling: the cursor's card and as many others as fit stay on screen.

use crate::tui::action::Action;
use crate::tui::test_support::{corpus, state, type_text};

#[test]
fn a_filter_that_shortens_the_list_scrolls_its_first_results_back_into_view() {
    let loaded = corpus();
    let mut s = state(&loaded);
    // Far down the list, so the pane has scrolled.
    for _ in 0..12 {
        s.update(Action::Down);
    }
    assert!(s.quotes.offset > 0, "the pane scrolled");
    s.update(Action::EditFilter);
    type_text(&mut s, "topic:eu-participation");
    s.update(Action::Accept);
    let shown = s.list.len();
    assert!(shown >= 2, "{shown} statements match");
    assert_eq!(
        s.quotes.offset, 0,
        "every result fits, so none is above the screen"
    );
}

#[test]
fn the_last_cards_fill_the_pane_when_stepping_up_from_the_end() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::Bottom);
    let at_bottom = s.quotes.offset;
    s.update(Action::Up);
    assert_eq!(s.quotes.offset, at_bottom, "one step up does not scroll");
}

#[test]
fn a_spokesperson_named_after_the_principal_is_not_said_twice() {
    use crate::loader::{Source, SourceFormat, load_sources};
    use crate::tui::state::quotes::speaker_label;
    let doc = r#"{"format": "demarche", "version": 1,
      "article": {"id": "a", "text": "Wir warten. Wir gehen."},
      "actors": [{"id": "k", "name": "Kreml", "kind": "government"},
                 {"id": "ks", "name": "Sprecher des Kreml", "kind": "person"},
                 {"id": "p", "name": "Dmitri Peskow", "kind": "person"}],
      "statements": [
        {"id": "s1", "speaker": "ks", "on_behalf_of": "k", "mode": "direct", "text": "Wir warten", "span": [0, 10]},
        {"id": "s2", "speaker": "p", "on_behalf_of": "k", "mode": "direct", "text": "Wir gehen", "span": [12, 21]}]}"#;
    let loaded = load_sources(vec![Source {
        name: "a.json".into(),
        bytes: doc.as_bytes().to_vec(),
        format: SourceFormat::Json,
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let labels: Vec<String> = loaded
        .store
        .all_ids()
        .map(|id| speaker_label(&loaded.store, id))
        .collect();
    assert_eq!(labels, ["Sprecher des Kreml", "Dmitri Peskow for Kreml"]);
}

#[test]
fn a_direct_quote_whose_span_holds_its_marks_is_not_quoted_twice() {
    use crate::tui::state::quotes::card_text;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/brat/election");
    let loaded = crate::loader::load_paths(&[path]);
    let store = &loaded.store;
    let texts: Vec<String> = store.all_ids().map(|id| card_text(store, id)).collect();
    assert!(
        texts.contains(&"„Nothing is cancelled.“".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"“Nothing is cancelled.”".to_string()),
        "{texts:?}"
    );
}
