//! GEPADE (SpkAtt-2023) speeches in both layouts: articles from tokens and file names, statements from annotations with a Message.

mod common;

use common::{fixture, listed, load};
use demarche::Loaded;
use demarche::record::Record;

fn record<'a>(loaded: &'a Loaded, article: &str, key: &str) -> Record<'a> {
    let store = &loaded.store;
    let id = store
        .all_ids()
        .find(|&id| &*store.statement(id).key == key && Record::of(store, id).article.id == article)
        .unwrap_or_else(|| panic!("statement {article}/{key} loaded"));
    Record::of(store, id)
}

/// Both clean fixtures, one speech per layout; only the two message-less
/// annotations are reported.
fn speeches() -> Loaded {
    let loaded = load(&["gepade/sentences", "gepade/keyed"]);
    let messages: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(
        loaded.diagnostics.iter().all(|d| !d.is_error()),
        "{messages:#?}"
    );
    loaded
}

const SPEECH: &str = "ID20000100";

#[test]
fn each_speech_is_an_article_with_its_text_from_the_tokens_and_its_metadata_from_the_name() {
    let loaded = speeches();
    assert_eq!(loaded.store.article_count(), 2);
    let a = record(&loaded, SPEECH, "a1").article;
    assert_eq!(a.title, Some("Sitzung 20001, Tagesordnungspunkt 4"));
    assert_eq!(a.author, Some("Beispiel (SPD)"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05"));
    assert_eq!(a.language, Some("de"));
    let article = loaded
        .store
        .articles()
        .find(|a| a.id == SPEECH)
        .expect("article");
    assert!(
        article.text.starts_with(
            "Frau Präsidentin! Ich sage Ihnen: „Wir halten Wort.“ Die Bundesregierung legt die Regeln im Entwurf fest. Wir fordern,"
        ),
        "{}",
        article.text
    );
}

#[test]
fn annotations_with_a_message_are_statements_and_the_others_are_counted() {
    let loaded = speeches();
    assert_eq!(loaded.store.len(), 7 + 3);
    let counted: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        counted[0].starts_with("1 of 8 annotation(s) have no Message"),
        "{counted:?}"
    );
    assert!(
        counted[1].starts_with("1 of 4 annotation(s) have no Message"),
        "{counted:?}"
    );
    assert!(loaded.diagnostics.iter().all(|d| d.line.is_some()));
}

#[test]
fn first_person_is_the_member_of_parliament_and_wir_speaks_for_their_group() {
    let loaded = speeches();
    let ich = record(&loaded, SPEECH, "a1");
    assert_eq!(ich.speaker.id, "mdb:spd-beispiel");
    assert_eq!(ich.speaker.name, "Beispiel");
    assert_eq!(ich.speaker.kind, "person");
    let actor = loaded
        .store
        .actor_by_key("mdb:spd-beispiel")
        .expect("actor");
    assert_eq!(
        loaded.store.actor(actor).affiliation.as_deref(),
        Some("SPD")
    );
    assert!(loaded.store.actor(actor).aliases.is_empty());
    let wir = record(&loaded, SPEECH, "a3");
    assert_eq!(wir.speaker.id, "mdb:spd-beispiel");
    assert_eq!(wir.on_behalf_of.map(|p| p.id), Some("party:spd"));
    let meiner = record(&loaded, "ID20000200", "a2");
    assert_eq!(meiner.speaker.id, "mdb:gruene-muster");
    let wir_grune = record(&loaded, "ID20000200", "a3");
    assert_eq!(
        wir_grune.on_behalf_of.map(|p| p.name),
        Some("BÜNDNIS 90/DIE GRÜNEN")
    );
}

#[test]
fn a_named_source_is_one_actor_across_speeches_and_a_pronoun_stays_unresolved() {
    let loaded = speeches();
    let die = record(&loaded, SPEECH, "a2");
    let der = record(&loaded, "ID20000200", "a1");
    assert_eq!(die.speaker.id, "bundesregierung");
    assert_eq!(die.speaker, der.speaker);
    assert_eq!(record(&loaded, SPEECH, "a8").speaker.name, "Frau Merkel");
    let sie = record(&loaded, SPEECH, "a4");
    assert_eq!(sie.speaker.id, "unresolved:ID20000100:sie");
    assert_eq!(sie.speaker.name, "Sie (unresolved)");
    assert_eq!(sie.speaker.kind, "other");
    let nobody = record(&loaded, SPEECH, "a5");
    assert_eq!(nobody.speaker.id, "unknown-source");
}

#[test]
fn unresolved_speakers_are_found_by_the_filter_language() {
    let all = listed(&fixture("gepade/sentences"), "speaker:unresolved");
    let ids: Vec<&str> = all.iter().map(|s| s["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["a4"]);
}

#[test]
fn cue_particle_pieces_addressees_topic_medium_and_evidence_are_kept() {
    let loaded = speeches();
    let legt = record(&loaded, SPEECH, "a2");
    assert_eq!(legt.cue, Some("legt … fest"));
    assert_eq!(legt.notes, Some("Medium: im Entwurf"));
    let gap = record(&loaded, SPEECH, "a5");
    assert_eq!(gap.text, "Das Gutachten sei falsch");
    assert_eq!(gap.pieces.as_ref().map(Vec::len), Some(2));
    assert_eq!(gap.notes, Some("Evidence: Das Gutachten"));
    let across = record(&loaded, SPEECH, "a7");
    assert_eq!(across.text, "Das reicht nicht. Es muss mehr kommen.");
    assert_eq!(
        across.pieces.as_ref().map(Vec::len),
        Some(2),
        "one piece per sentence"
    );
    let told = record(&loaded, SPEECH, "a1");
    assert_eq!(told.addressees_joined(), "Ihnen (unresolved)");
    assert_eq!(
        record(&loaded, SPEECH, "a3").topics_joined(),
        "die mieten:neutral"
    );
}

#[test]
fn the_mode_is_inferred_from_quotation_marks() {
    let loaded = speeches();
    assert_eq!(record(&loaded, SPEECH, "a1").mode, "direct");
    assert_eq!(record(&loaded, SPEECH, "a4").mode, "mixed");
    assert_eq!(record(&loaded, SPEECH, "a3").mode, "indirect");
}

#[test]
fn both_layouts_of_one_speech_load_the_same_statements() {
    let a = load(&["gepade/sentences"]);
    let b = load(&["gepade/same-speech-keyed"]);
    let all = |l: &Loaded| -> Vec<String> {
        l.store
            .all_ids()
            .map(|id| serde_json::to_string(&Record::of(&l.store, id)).expect("json"))
            .collect()
    };
    assert_eq!(all(&a), all(&b));
    assert_eq!(all(&a).len(), 7);
}

#[test]
fn bad_references_shapes_and_names_are_reported_and_the_rest_loads() {
    let loaded = load(&["gepade/broken"]);
    let found: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    let has = |what: &str| {
        assert!(
            found.iter().any(|d| d.contains(what)),
            "{what:?} in {found:#?}"
        );
    };
    has("annotation a1, field `roles`: Message reference \"9:0\" names no sentence");
    has("annotation a2, field `roles`: Message reference \"0:99\" is past the end of its sentence");
    has("annotation a3, field `roles`: Source reference \"x\" has no `:`");
    has("annotation a4, field `roles`: invalid type");
    has("key \"eins\" is not a sentence number");
    has("ID20000500_05.03.2024.json:4: error: not a GEPADE speech");
    has("rede.json: warning: file name is not <session>");
    // The good annotation of the first file, and the speech with an unknown name.
    assert_eq!(loaded.store.len(), 2);
    let rede = record(&loaded, "rede", "a1");
    assert_eq!(rede.speaker.id, "unresolved:rede:ich");
    assert!(found.iter().all(|d| d.contains(".json")), "{found:#?}");
}
