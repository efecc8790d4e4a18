//! brat as real projects write it: pieces out of order, attributes, relations, notes,
//! normalisations and equivalences, CRLF, a byte-order mark, configuration files and a
//! text nobody annotated (fixtures in `tests/fixtures/brat/real/`).

mod common;

use common::{load, record_in as record};
use demarche::Loaded;

fn real() -> Loaded {
    load(&["brat/real"])
}

#[test]
fn pieces_listed_out_of_order_keep_the_surface_text_and_their_order() {
    let loaded = real();
    let r = record(&loaded, "unordered", "E1");
    assert_eq!(
        r.text,
        "The cranes arrive in May, and the quay will be ready. Not one more delay,"
    );
    assert_eq!(r.pieces, Some(vec![[59, 112], [1, 20]]));
    assert_eq!(r.span, [1, 112], "first character to last, in text order");
    assert_eq!(r.mode, "direct", "quotation marks around the whole");
    let three = record(&loaded, "unordered", "E2");
    assert_eq!(
        three.text,
        "the vote “was never in doubt.” the budget was settled the tender had closed"
    );
    assert_eq!(three.pieces, Some(vec![[222, 252], [162, 184], [191, 212]]));
    assert_eq!(three.span, [162, 252]);
}

#[test]
fn several_content_spans_are_taken_in_text_order() {
    let loaded = real();
    let r = record(&loaded, "unordered", "E3");
    assert_eq!(r.text, "Not one more delay was never in doubt.");
    assert_eq!(r.pieces, Some(vec![[1, 19], [232, 251]]));
}

#[test]
fn the_diagnostics_are_an_overlap_and_a_text_without_annotations() {
    let loaded = real();
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    let expected = [
        "lonely.txt: warning: 1 text(s) without a .ann file: lonely.txt; not loaded",
        "unordered.ann:12: error: T9: pieces 191 212 and 195 201 overlap",
        "unordered.ann:13: error: E4: Content:T9 is the span on line 12, which is not trusted",
    ];
    assert_eq!(shown.len(), expected.len(), "{shown:#?}");
    for (d, e) in shown.iter().zip(expected) {
        assert!(d.contains(e), "{d}\n  expected: {e}");
    }
    // Nothing about annotation.conf, visual.conf or tools.conf, nor about `*` lines.
    assert!(!shown.iter().any(|d| d.contains(".conf")), "{shown:#?}");
    assert_eq!(loaded.store.article_count(), 4);
    assert_eq!(loaded.store.len(), 11);
}

#[test]
fn mode_and_polarity_attributes_are_mapped_and_the_rest_kept_in_notes() {
    let loaded = real();
    let e1 = record(&loaded, "attributes", "E1");
    assert_eq!(e1.mode, "indirect", "Mode Reported");
    assert_eq!(
        e1.notes,
        Some(
            "First claim in the piece.\nCertainty: high\nNegated\n\
             Elaborates: \"funding was secure\"\nstance: supports (no topic given)"
        ),
        "annotator note, unused attributes on the event and its content, an unused \
         relation, and the Polarity with no topic to carry it"
    );
    let e3 = record(&loaded, "attributes", "E3");
    assert_eq!(e3.mode, "direct", "Mode Quote");
    assert_eq!(e3.notes, Some("stance: opposes (no topic given)"));
    let e4 = record(&loaded, "attributes", "E4");
    assert_eq!(
        e4.notes,
        Some("Hedged: might.\nSpeculation"),
        "a note on the content span, a binary M attribute"
    );
}

#[test]
fn an_attribute_on_a_source_span_is_not_a_note_of_its_statements() {
    let loaded = real();
    let e1 = record(&loaded, "attributes", "E1");
    assert!(!e1.notes.unwrap_or_default().contains("PersonType"));
}

#[test]
fn relations_give_addressees_and_principals_and_coreference_is_ignored() {
    let loaded = real();
    let e2 = record(&loaded, "attributes", "E2");
    assert_eq!(e2.addressees_joined(), "the trustees");
    assert_eq!(
        e2.notes,
        Some("Elaborates: \"the observatory would stay open\"")
    );
    let e3 = record(&loaded, "attributes", "E3");
    assert_eq!(e3.on_behalf_of.map(|a| a.id), Some("the-foundation"));
    assert_eq!(e3.speaker.id, "the-trustees");
}

#[test]
fn normalisations_to_a_knowledge_base_are_actor_ids() {
    let loaded = real();
    for key in ["E1", "E2", "E4"] {
        let r = record(&loaded, "attributes", key);
        assert_eq!(r.speaker.id, "wikidata:q42", "{key}");
        assert_eq!(r.speaker.name, "Amara Voss", "{key}");
    }
    let actor = loaded
        .store
        .actors
        .iter()
        .find(|a| a.id == "wikidata:q42")
        .expect("actor");
    for alias in ["Professor Amara Voss", "She", "Voss"] {
        assert!(actor.aliases.iter().any(|a| a == alias), "{alias}");
    }
}

#[test]
fn crlf_line_ends_load_and_a_quote_across_a_line_keeps_its_break() {
    let loaded = real();
    let e1 = record(&loaded, "crlf", "E1");
    assert_eq!(e1.text, "crossings would resume");
    assert_eq!(e1.speaker.name, "The ferry operator");
    let e2 = record(&loaded, "crlf", "E2");
    assert_eq!(e2.text, "the crews\r\nhad not been consulted");
    assert_eq!(e2.notes, Some("The quote crosses a line break."));
    assert_eq!(e2.speaker.name, "A union spokesman");
}

#[test]
fn a_byte_order_mark_is_stripped_and_offsets_count_it_or_not() {
    let loaded = real();
    let brat = record(&loaded, "bom", "E1");
    let stripped = record(&loaded, "bom", "stripped/E1");
    for r in [&brat, &stripped] {
        assert_eq!(r.text, "the tram line would open in spring");
        assert_eq!(r.span, [15, 49]);
        assert_eq!(r.speaker.name, "The mayor");
    }
    assert_eq!(stripped.annotator, Some("stripped"));
    assert!(brat.article.id == "bom");
    let store = &loaded.store;
    let article = store.articles().find(|a| a.id == "bom").expect("article");
    assert!(article.text.starts_with("The mayor"), "{:?}", article.text);
}

#[test]
fn round_trip_through_native_keeps_pieces_out_of_order() {
    let loaded = real();
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("out.json");
    let mut bytes = Vec::new();
    let ids: Vec<_> = loaded.store.all_ids().collect();
    demarche::export::write(
        &loaded.store,
        &ids,
        demarche::export::Format::Json,
        demarche::export::Options::default(),
        &mut bytes,
    )
    .expect("export");
    std::fs::write(&json, &bytes).expect("write");
    let again = demarche::load_paths(&[json]);
    let r = record(&again, "unordered", "E1");
    assert_eq!(
        r.text,
        "The cranes arrive in May, and the quay will be ready. Not one more delay,"
    );
    assert_eq!(r.pieces, Some(vec![[59, 112], [1, 20]]));
}

#[test]
fn round_trip_through_brat_keeps_pieces_out_of_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brat");
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["convert", "--to", "brat", "-o"])
        .arg(&out)
        .arg(common::fixture("brat/real/unordered.ann"))
        .assert()
        .success();
    let ann = std::fs::read_to_string(out.join("unordered.ann")).expect("ann written");
    assert!(ann.contains("Content 59 112;1 20\t"), "{ann}");
    let again = demarche::load_paths(&[out]);
    assert!(again.diagnostics.is_empty(), "{:#?}", again.diagnostics);
    let r = record(&again, "unordered", "E1");
    assert_eq!(r.pieces, Some(vec![[59, 112], [1, 20]]));
    assert_eq!(
        r.text,
        "The cranes arrive in May, and the quay will be ready. Not one more delay,"
    );
}

#[test]
fn import_quality_against_the_gold_coding_is_as_documented() {
    use demarche::compare::{Options, compare};
    for (gold, pred, expected, loaded, exact) in [
        ("eval/real/brat", "brat/real", 12, 11, 11),
        (
            "eval/real/label-studio",
            "label-studio/real-projects.json",
            10,
            10,
            10,
        ),
    ] {
        let report = compare(
            &load(&[gold]).store,
            &load(&[pred]).store,
            Options::default(),
        );
        let all = &report.overall;
        assert_eq!((all.gold, all.pred), (expected, loaded), "{pred}");
        assert_eq!(all.exact.matched, exact, "{pred}");
        assert_eq!(all.speaker_accuracy, Some(1.0), "{pred}");
        assert_eq!(all.mode_accuracy, Some(1.0), "{pred}");
        assert!(report.gold_only.is_empty() && report.pred_only.is_empty());
    }
}
