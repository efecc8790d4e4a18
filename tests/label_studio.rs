//! Label Studio exports: UTF-16 offsets, one statement set per annotation, relations and choices.

mod common;

use common::{load, record_in as record};
use demarche::Loaded;

fn export() -> Loaded {
    load(&["label-studio/export.json"])
}

#[test]
fn utf16_offsets_after_an_emoji_and_low_quotes_line_up() {
    let loaded = export();
    let r = record(&loaded, "export-7", "3/q1");
    assert_eq!(r.text, "Wir verhandeln nicht über Grenzen.");
    assert_eq!(r.span, [54, 88]);
    assert_eq!(r.mode, "direct");
}

#[test]
fn code_point_offsets_are_accepted_when_they_hold_the_text() {
    let loaded = export();
    let r = record(&loaded, "export-8", "3/q1");
    assert_eq!(r.text, "man prüfe „alle Optionen“ 😀 sorgfältig");
    assert_eq!(r.mode, "mixed");
}

#[test]
fn each_annotation_is_its_own_set_and_cancelled_ones_are_skipped() {
    let loaded = export();
    let lea = record(&loaded, "export-7", "lea@example.org/q1");
    assert_eq!(lea.annotator, Some("lea@example.org"));
    assert_eq!(lea.text, "„Wir verhandeln nicht über Grenzen.“");
    let ids = demarche::filter::select(&loaded.store, "annotator:3").expect("filter");
    assert_eq!(ids.len(), 5);
    assert_eq!(loaded.store.len(), 7);
}

#[test]
fn relations_in_either_direction_link_source_cue_addressee_and_principal() {
    let loaded = export();
    let q1 = record(&loaded, "export-7", "3/q1");
    assert_eq!(
        q1.speaker.name, "Marta Vogel",
        "the title comes off the name"
    );
    assert_eq!(q1.cue, Some("sagte"));
    let q2 = record(&loaded, "export-7", "3/q2");
    assert_eq!(q2.speaker.name, "Die Opposition");
    assert_eq!(q2.cue, Some("erklärte"));
    assert_eq!(
        q2.addressees_joined(),
        "Marta Vogel",
        "the same actor as the speaker"
    );
    assert_eq!(q2.topics_joined(), "angebot:opposes");
    let q3 = record(&loaded, "export-7", "3/q3");
    assert_eq!(q3.on_behalf_of.map(|p| p.name), Some("die Partei"));
    let q4 = record(&loaded, "export-7", "3/q4");
    assert_eq!(
        q4.speaker, q1.speaker,
        "one source region serves two statements"
    );
    assert_eq!(q4.cue, Some("fügte hinzu"));
    let q9 = record(&loaded, "export-7", "lea@example.org/q9");
    assert_eq!(q9.speaker.id, "unknown-source");
}

#[test]
fn task_data_gives_the_article_metadata() {
    let loaded = export();
    let a = record(&loaded, "export-7", "3/q1").article;
    assert_eq!(a.title, Some("Vogel lehnt Grenzgespräche ab"));
    assert_eq!(a.published.as_deref(), Some("2024-05-06"));
    assert_eq!(a.outlet, Some("Tagesbote"));
    let b = record(&loaded, "export-8", "3/q1").article;
    assert_eq!(b.published.as_deref(), Some("2024-05-07"));
}

#[test]
fn malformed_tasks_and_results_are_reported_with_their_line() {
    let loaded = export();
    let expected = [
        "task #1: the annotation by 5 was cancelled (was_cancelled); skipped",
        "region \"q2\": start/end 3..9 hold \" Sprec\" counted in UTF-16 units and \" Sprec\" counted in characters, but value.text is \"sorgfältig\"",
        "region \"q3\": expected numeric value.start and value.end",
        "relation q1 -> zz: no labelled region \"zz\"",
        "task #3: no `data.text`",
        "task #4: invalid type: string \"not a task\"",
    ];
    assert_eq!(
        loaded.diagnostics.len(),
        expected.len(),
        "{:#?}",
        loaded.diagnostics
    );
    for (d, message) in loaded.diagnostics.iter().zip(expected) {
        assert!(d.line.is_some(), "{d}");
        assert!(d.message.contains(message), "{d}\n  expected: {message}");
    }
}
