//! Any text through the extractor: no panic, every span inside the text and equal to its statement's text, and the document it makes loads with no diagnostic.

use demarche::extract::input::{Overrides, article};
use demarche::extract::lexicon::Lexicon;
use demarche::extract::{Actors, document, find};
use proptest::prelude::*;

/// Pieces that make the rules fire and misfire: cues, names, quotes, punctuation.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "sagte",
        "said",
        "fügte",
        "hinzu",
        "erklärte",
        ",",
        ".",
        ";",
        ":",
        " ",
        "\n",
        "\n\n",
        "»",
        "«",
        "„",
        "“",
        "”",
        "\"",
        "'",
        "‚",
        "‘",
        "Peskow",
        "Mark Rutte",
        "he",
        "er",
        "dass",
        "that",
        "sei",
        "werde",
        "warnte vor",
        "according to",
        "Sprecher",
        "sein",
        "the plan",
        "die Lage",
        "–",
        "é",
        "习近平",
        "Ankündigung von",
        "A spokesman for",
        "Kritisiert wurde",
        "hatte",
        "erklärt",
        "2025-02-13",
        "Dr.",
        "13.",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn any_text_gives_spans_inside_it_and_a_loadable_document(parts in prop::collection::vec(piece(), 0..60), en in any::<bool>()) {
        let text: String = parts.concat();
        let lexicon = Lexicon::builtin(if en { "en" } else { "de" });
        let found = find(&text, &lexicon);
        for f in &found {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            prop_assert!((0.0..=1.0).contains(&f.confidence));
        }
        let raw = article(std::path::Path::new("prop.txt"), &text, &Overrides::default());
        let found = find(&raw.text, &lexicon);
        let doc = document(&raw, &found, &mut Actors::default());
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("prop.json");
        std::fs::write(&path, serde_json::to_string(&doc).expect("json")).expect("write");
        let loaded = demarche::load_paths(&[&path]);
        // An article with no text at all is refused as empty; every other one loads whole.
        if !raw.text.trim().is_empty() {
            prop_assert!(loaded.diagnostics.is_empty(), "{:?}\n{text:?}", loaded.diagnostics);
            prop_assert_eq!(loaded.store.len(), found.len());
        }
    }
}

/// A case proptest found: a participle cue before a comma that ends the clause.
#[test]
fn a_participle_cue_at_the_end_of_a_clause_finds_nothing_and_does_not_panic() {
    let text = "Peskow:sagte,»erklärt,";
    let found = find(text, &Lexicon::builtin("de"));
    assert!(
        found
            .iter()
            .all(|f| f.span.start <= f.span.end && f.span.end <= text.len())
    );
}
