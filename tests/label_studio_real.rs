//! Label Studio exports as real projects write them: several annotators per task,
//! predictions (model output), drafts and cancelled annotations
//! (`tests/fixtures/label-studio/real-projects.json`).

mod common;

use common::{load, record_in as record};
use demarche::Loaded;

fn real() -> Loaded {
    load(&["label-studio/real-projects.json"])
}

fn keys(loaded: &Loaded, article: &str) -> Vec<String> {
    let store = &loaded.store;
    let mut keys: Vec<String> = store
        .all_ids()
        .filter(|&id| store.article(store.statement(id).article).id == article)
        .map(|id| store.statement(id).key.to_string())
        .collect();
    keys.sort();
    keys
}

#[test]
fn each_annotator_keeps_their_own_statements() {
    let loaded = real();
    assert_eq!(
        keys(&loaded, "real-projects-21"),
        [
            "5/q1",
            "5/q2",
            "prediction-88/p1",
            "prediction-88/p3",
            "ravi@example.org/q1",
            "ravi@example.org/q3",
        ]
    );
    let a = record(&loaded, "real-projects-21", "5/q1");
    let b = record(&loaded, "real-projects-21", "ravi@example.org/q1");
    assert_eq!(a.annotator, Some("5"));
    assert_eq!(b.annotator, Some("ravi@example.org"));
    assert_eq!(a.text, b.text, "the same passage, coded twice");
    assert_eq!(a.cue, Some("said"));
    assert_eq!(b.cue, None, "each set has only what its annotator marked");
    for r in [&a, &b] {
        assert_eq!(r.speaker.name, "Jonas Ekberg", "the title comes off");
        assert_eq!(r.provenance, None, "coded by hand");
    }
    let ids = demarche::filter::select(&loaded.store, "annotator:5").expect("filter");
    assert_eq!(ids.len(), 2);
}

#[test]
fn choices_give_mode_polarity_and_notes() {
    let loaded = real();
    let q1 = record(&loaded, "real-projects-21", "5/q1");
    assert_eq!(q1.mode, "indirect");
    let q2 = record(&loaded, "real-projects-21", "5/q2");
    assert_eq!(q2.topics_joined(), "border:opposes", "Polarity negative");
    assert_eq!(q2.notes, Some("Certainty: high"), "an unused control");
    assert_eq!(q2.mode, "mixed");
    let q3 = record(&loaded, "real-projects-21", "ravi@example.org/q3");
    assert_eq!(q3.notes, Some("Said to journalists, not in parliament."));
    assert_eq!(
        q3.speaker.name, "Jonas Ekberg",
        "the one full name ending in it"
    );
}

#[test]
fn predictions_load_as_machine_output_with_model_and_score() {
    let loaded = real();
    let p1 = record(&loaded, "real-projects-21", "prediction-88/p1");
    assert_eq!(p1.provenance, Some("auto"));
    assert_eq!(p1.rule, Some("quote-finder-0.3"));
    assert_eq!(p1.confidence, Some(0.91), "the region's own score");
    assert_eq!(p1.annotator, None);
    assert_eq!(p1.speaker.name, "Jonas Ekberg");
    let p3 = record(&loaded, "real-projects-21", "prediction-88/p3");
    assert_eq!(p3.confidence, Some(0.82), "the prediction's score");
    assert_eq!(p3.speaker.id, "unknown-source");
    let unscored = record(&loaded, "real-projects-22", "prediction-89/p1");
    assert_eq!(unscored.provenance, Some("auto"));
    assert_eq!(unscored.confidence, None);
    assert_eq!(unscored.speaker.name, "A spokeswoman");
    let out_of_range = record(&loaded, "real-projects-22", "prediction-90/p1");
    assert_eq!(out_of_range.rule, Some("legacy-scorer"));
    assert_eq!(out_of_range.confidence, None, "87 is not a confidence");
    let auto = demarche::filter::select(&loaded.store, "provenance:auto").expect("filter");
    assert_eq!(auto.len(), 4);
}

#[test]
fn cancelled_annotations_drafts_and_bad_scores_are_warnings() {
    let loaded = real();
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    let expected = [
        "warning: task #1: the annotation by 7 was cancelled (was_cancelled); skipped",
        "warning: task #1: 1 draft(s), never submitted; not loaded",
        "warning: task #2, prediction-90: score 87 is not from 0 to 1",
        "warning: task #2: 2 draft(s), never submitted; not loaded",
    ];
    assert_eq!(shown.len(), expected.len(), "{shown:#?}");
    for (d, e) in shown.iter().zip(expected) {
        assert!(d.contains(e), "{d}\n  expected: {e}");
    }
    assert!(loaded.diagnostics.iter().all(|d| d.line.is_some()));
    assert_eq!(loaded.store.len(), 10);
    let cancelled = demarche::filter::select(&loaded.store, "annotator:7").expect("filter");
    assert!(cancelled.is_empty());
}

#[test]
fn a_second_annotation_by_the_same_annotator_is_a_set_of_its_own() {
    let loaded = real();
    assert_eq!(
        keys(&loaded, "real-projects-22"),
        ["6#2/q1", "6/q1", "prediction-89/p1", "prediction-90/p1"]
    );
    for key in ["6/q1", "6#2/q1"] {
        let r = record(&loaded, "real-projects-22", key);
        assert_eq!(r.annotator, Some("6"), "{key}");
        assert_eq!(r.text, "dredging would start in June");
    }
    let ids = demarche::filter::select(&loaded.store, "annotator:6").expect("filter");
    assert_eq!(ids.len(), 2);
}
