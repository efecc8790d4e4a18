//! brat standoff folders: events become statements, offsets count characters, every malformed line is reported.

mod common;

use common::{fixture, load};
use demarche::Loaded;
use demarche::record::Record;

fn record<'a>(loaded: &'a Loaded, key: &str) -> Record<'a> {
    let store = &loaded.store;
    let id = store
        .all_ids()
        .find(|&id| &*store.statement(id).key == key)
        .unwrap_or_else(|| panic!("statement {key} loaded"));
    Record::of(store, id)
}

fn election() -> Loaded {
    let loaded = load(&["brat/election"]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    loaded
}

#[test]
fn every_event_of_a_clean_folder_is_a_statement() {
    let loaded = election();
    assert_eq!(loaded.store.article_count(), 2);
    assert_eq!(loaded.store.len(), 10);
}

#[test]
fn offsets_count_characters_past_curly_quotes_greek_and_a_flag() {
    let loaded = election();
    let r = record(&loaded, "E5");
    assert_eq!(r.text, "Athens welcomed the plan");
    assert_eq!(r.span, [322, 346]);
    // The title comes off the name (the span as written stays an alias).
    assert_eq!(r.speaker.name, "Ελένη Παππά");
    assert_eq!(r.speaker.id, "ελένη-παππά");
    let actor = loaded.store.actor_by_key("ελένη-παππά").expect("actor");
    assert!(
        loaded
            .store
            .actor(actor)
            .aliases
            .contains(&"Minister Ελένη Παππά".to_string())
    );
}

#[test]
fn a_discontinuous_content_is_its_pieces_joined_by_one_space() {
    let loaded = election();
    let r = record(&loaded, "E3");
    assert_eq!(r.text, "We are not done, not by a long way.");
    assert_eq!(r.pieces, Some(vec![[167, 183], [195, 213]]));
    assert_eq!(r.span, [167, 213]);
}

#[test]
fn an_event_without_source_is_said_by_the_unknown_source() {
    let loaded = election();
    let r = record(&loaded, "E4");
    assert_eq!(r.speaker.id, "unknown-source");
    assert_eq!(r.speaker.name, "Unknown source");
    assert_eq!(r.cue, Some("according to"));
}

#[test]
fn one_source_span_serves_several_events_and_a_normalisation_names_it() {
    let loaded = election();
    let (e1, e2) = (record(&loaded, "E1"), record(&loaded, "E2"));
    assert_eq!(e1.speaker.id, "wikidata:q4242");
    assert_eq!(e1.speaker, e2.speaker);
    assert_eq!(e1.speaker.name, "Dana Whitlock");
    let actor = loaded.store.actor_by_key("wikidata:q4242").expect("actor");
    // "Whitlock" later in the article is the same person: merged, and an alias.
    assert_eq!(
        loaded.store.actor(actor).aliases,
        vec!["Senator Dana Whitlock", "Whitlock"]
    );
    assert_eq!(record(&loaded, "E6").speaker.id, "wikidata:q4242");
}

#[test]
fn a_pronoun_speaker_is_the_nearest_named_source_before_it_else_unresolved() {
    let loaded = election();
    let r = record(&loaded, "E3");
    assert_eq!(r.speaker.id, "wikidata:q4242");
    let dir = folder(&[
        ("a.txt", "He said no. Then Flynn said yes."),
        (
            "a.ann",
            "T1\tSource 0 2\tHe\nT2\tContent 8 10\tno\nE1\tAttribution:T2 Source:T1 Content:T2\n",
        ),
    ]);
    let loaded = demarche::load_paths(&[dir.path()]);
    let r = record(&loaded, "E1");
    assert_eq!(r.speaker.id, "unresolved:a:he", "nothing named before it");
    assert_eq!(r.speaker.name, "He (unresolved)");
    assert_eq!(r.speaker.kind, "other");
}

#[test]
fn attributes_relations_and_notes_fill_the_statement() {
    let loaded = election();
    let e2 = record(&loaded, "E2");
    assert_eq!(e2.mode, "indirect");
    assert_eq!(e2.topics_joined(), "visa-programme:opposes");
    let e5 = record(&loaded, "E5");
    assert_eq!(e5.topics_joined(), "visa-programme:supports");
    let e6 = record(&loaded, "E6");
    assert_eq!(e6.addressees_joined(), "the governor");
    assert_eq!(e6.on_behalf_of.map(|p| p.name), Some("the caucus"));
    assert_eq!(e6.place, Some("Capitol"));
    let e3 = record(&loaded, "E3");
    // The annotator's note stays, after the pronoun the speaker was resolved from.
    assert_eq!(
        e3.notes,
        Some("source as written: “he”; The pronoun refers back to Whitlock.")
    );
    assert_eq!(e3.speaker.name, "Dana Whitlock");
}

#[test]
fn the_mode_is_inferred_from_quotation_marks_unless_an_attribute_gives_it() {
    let loaded = election();
    assert_eq!(record(&loaded, "E1").mode, "direct");
    assert_eq!(record(&loaded, "E5").mode, "indirect");
    assert_eq!(record(&loaded, "anna/E1").mode, "indirect");
    assert_eq!(record(&loaded, "ben/E1").mode, "paraphrase");
    assert_eq!(record(&loaded, "anna/E2").mode, "direct");
    assert_eq!(record(&loaded, "ben/E2").mode, "direct");
}

#[test]
fn each_annotator_file_is_its_own_set_of_one_article() {
    let loaded = election();
    let anna = record(&loaded, "anna/E2");
    let ben = record(&loaded, "ben/E2");
    assert_eq!(anna.annotator, Some("anna"));
    assert_eq!(ben.annotator, Some("ben"));
    assert_eq!(anna.article.id, "herald_2016-09-12_debate");
    assert_eq!(anna.text, "Nothing is cancelled.");
    assert_eq!(ben.text, "„Nothing is cancelled.“");
    let ids = demarche::filter::select(&loaded.store, "annotator:ben").expect("filter");
    assert_eq!(ids.len(), 2);
}

#[test]
fn metadata_comes_from_the_tsv_or_else_from_a_date_in_the_file_name() {
    let loaded = election();
    let visa = record(&loaded, "E1").article;
    assert_eq!(visa.title, Some("Senator vows to block visa renewal"));
    assert_eq!(visa.published.as_deref(), Some("2016-09-14"));
    assert_eq!(visa.outlet, Some("The Courier"));
    assert_eq!(visa.author, Some("Jo Park"));
    assert_eq!(visa.url, Some("https://example.org/courier/visa"));
    let debate = record(&loaded, "anna/E1").article;
    assert_eq!(debate.title, None);
    assert_eq!(debate.published.as_deref(), Some("2016-09-12"));
}

#[test]
fn every_malformed_line_is_reported_with_file_and_line_and_the_rest_loads() {
    let loaded = load(&["brat/malformed"]);
    let expected: &[(Option<usize>, &str)] = &[
        (None, "orphan.ann: error: no text beside it"),
        (Some(5), "unknown annotation line \"X1\""),
        (Some(6), "T4: no tab after the id"),
        (Some(7), "T5: bad offsets \"ten 20\""),
        (
            Some(8),
            "T6: offsets 50 500 are not a range inside the text (0..60 characters)",
        ),
        (
            Some(9),
            "T7: offsets 0 5 hold \"Mayor\" in the text but the line says \"Major\"",
        ),
        (Some(10), "T1 is defined twice"),
        (Some(11), "E2: argument \"Source\" is not ROLE:ID"),
        (Some(12), "E3: Content:T99 names no text span"),
        (
            Some(13),
            "E4: Source:T7 is the span on line 9, which is not trusted",
        ),
        (Some(14), "E5: an attribution without content"),
        (Some(15), "A1: expected `A1<TAB>NAME TARGET [VALUE]`"),
        (Some(16), "attribute on E42: no annotation with that id"),
        (Some(17), "unknown mode \"shouting\""),
        (Some(18), "unknown stance \"sideways\""),
        (Some(19), "R1: arguments must be `Arg1:ID Arg2:ID`"),
        (Some(20), "Arg2:T98 names no text span"),
        (
            Some(21),
            "N1: expected `N1<TAB>Reference TARGET NAMESPACE:ID<TAB>NAME`",
        ),
        (Some(22), "normalisation of T97: no annotation with that id"),
        (
            Some(23),
            "#1: expected `#1<TAB>AnnotatorNotes TARGET<TAB>TEXT`",
        ),
    ];
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(loaded.diagnostics.len(), expected.len(), "{shown:#?}");
    for (d, (line, message)) in loaded.diagnostics.iter().zip(expected) {
        assert_eq!(d.line, *line, "{d}");
        assert!(
            d.to_string().contains(message),
            "{d}\n  expected: {message}"
        );
        if line.is_some() {
            assert!(d.file.ends_with("broken.ann"), "{d}");
        }
    }
    let r = record(&loaded, "E1");
    assert_eq!(r.text, "the bridge would reopen");
    assert_eq!(r.mode, "indirect");
    assert_eq!(loaded.store.len(), 1);
}

/// Writes `files` into a fresh directory.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

#[test]
fn the_same_name_in_two_documents_is_the_same_actor() {
    let dir = folder(&[
        ("a.txt", "Flynn said no."),
        (
            "a.ann",
            "T1\tSource 0 5\tFlynn\nT2\tContent 11 13\tno\nE1\tAttribution:T2 Source:T1 Content:T2\n",
        ),
        ("b.txt", "Later, Flynn said yes."),
        (
            "b.ann",
            "T1\tSource 7 12\tFlynn\nT2\tContent 18 21\tyes\nE1\tAttribution:T2 Source:T1 Content:T2\n",
        ),
    ]);
    let loaded = demarche::load_paths(&[dir.path()]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.store.actors.len(), 1);
    assert_eq!(loaded.store.actors[0].id, "flynn");
    assert_eq!(loaded.store.len(), 2);
}

#[test]
fn a_mapping_file_renames_roles_and_attributes() {
    let dir = folder(&[
        ("a.txt", "Flynn said no."),
        (
            "a.ann",
            "T1\tSpeaker 0 5\tFlynn\nT2\tQuote 11 13\tno\nE1\tClaim:T2 Speaker:T1 Quote:T2\nA1\tStyle E1 Wörtlich\n",
        ),
        (
            "demarche-mapping.json",
            r#"{"source": ["Speaker"], "content": ["Quote"], "events": ["Claim"], "mode": "Style", "modes": {"wörtlich": "direct"}}"#,
        ),
    ]);
    let loaded = demarche::load_paths(&[dir.path()]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let r = record(&loaded, "E1");
    assert_eq!((r.speaker.id, r.mode, r.text), ("flynn", "direct", "no"));
}

#[test]
fn one_ann_file_given_on_the_command_line_loads_its_text() {
    let loaded = demarche::load_paths(&[fixture("brat/election/herald_2016-09-12_debate_ben.ann")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.store.len(), 2);
}

#[test]
fn polnear_layout_texts_in_a_sibling_folder_and_metadata_two_levels_up() {
    let loaded = load(&["brat/layout/data"]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(loaded.store.len(), 4);
    let e1 = record(&loaded, "c3d4/E1");
    assert_eq!(
        e1.article.title,
        Some("Rally goes ahead despite objections")
    );
    assert_eq!(e1.article.author, None, "`None` in the table is no value");
    assert_eq!(e1.article.published.as_deref(), Some("2016-10-01"));
    assert_eq!(e1.speaker.name, "Amos Fenwick", "the title comes off");
    let e2 = record(&loaded, "c3d4/E2");
    assert_eq!(e2.mode, "direct");
    assert_eq!(e2.pieces, Some(vec![[98, 120], [146, 177]]));
    // A relative pronoun is the nearest named source before it, as written in notes.
    let e4 = record(&loaded, "c3d4/E4");
    assert_eq!(e4.speaker.name, "Amos Fenwick");
    assert!(
        e4.notes
            .is_some_and(|n| n.starts_with("source as written: “who”")),
        "{:?}",
        e4.notes
    );
}

#[test]
fn metadata_mapping_and_encoding_problems_are_reported_and_the_documents_still_load() {
    let dir = folder(&[
        ("a_2020-01-02.txt", "Flynn said no."),
        (
            "a_2020-01-02.ann",
            "T1\tSource 0 5\tFlynn\nT2\tContent 11 13\tno\nE1\tAttribution:T2 Source:T1 Content:T2\n",
        ),
        ("metadata.tsv", "filename\tdate\na_2020-01-02\tsoon\n"),
        ("demarche-mapping.json", r#"{"sauce": ["Speaker"]}"#),
    ]);
    std::fs::write(dir.path().join("b.txt"), b"caf\xe9").expect("write");
    std::fs::write(dir.path().join("b.ann"), "").expect("write");
    let loaded = demarche::load_paths(&[dir.path()]);
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    let expected = [
        "demarche-mapping.json:1:",
        "unknown field `sauce`",
        "metadata.tsv:2: warning: publication date \"soon\"",
        "b.txt: error: not valid UTF-8",
    ];
    for e in expected {
        assert!(shown.iter().any(|d| d.contains(e)), "{e} not in {shown:#?}");
    }
    assert_eq!(loaded.diagnostics.len(), 3, "{shown:#?}");
    let r = record(&loaded, "E1");
    assert_eq!(r.article.published.as_deref(), Some("2020-01-02"));
}

#[test]
fn a_metadata_table_without_a_file_column_is_reported() {
    let dir = folder(&[
        ("a.txt", "Flynn said no."),
        ("a.ann", ""),
        ("metadata.csv", "title,date\nX,2020\n"),
    ]);
    let loaded = demarche::load_paths(&[dir.path()]);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert!(
        d.to_string()
            .contains("metadata.csv:1: error: no column naming the file"),
        "{d}"
    );
    assert_eq!(loaded.store.article_count(), 1);
}
