//! The filter language over the bundled corpus: each key, negation, phrases, fuzzy actors, errors.

use demarche::filter::{Filter, select};
use demarche::model::StatementId;
use demarche::{Loaded, Store};
use std::sync::OnceLock;

fn corpus() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(demarche::bundled::load)
}

fn ids(expr: &str) -> Vec<StatementId> {
    select(&corpus().store, expr).unwrap_or_else(|e| panic!("{expr}: {e}"))
}

fn speakers(expr: &str) -> Vec<String> {
    let store: &Store = &corpus().store;
    let mut names: Vec<String> = ids(expr)
        .iter()
        .map(|&id| store.actor(store.statement(id).speaker).id.clone())
        .collect();
    names.dedup();
    names
}

/// Brute force: every statement the compiled matcher accepts, one by one.
fn brute(expr: &str) -> Vec<StatementId> {
    let store = &corpus().store;
    let matcher = Filter::parse(expr).expect("valid").compile(store);
    store
        .all_ids()
        .filter(|&id| matcher.matches(store, id))
        .collect()
}

#[test]
fn actor_matches_spellings_and_misspellings() {
    for expr in [
        "actor:selensky",
        "actor:zelensk",
        "actor:Selenskij",
        "actor:зеленськ",
    ] {
        assert_eq!(speakers(expr), ["zelensky"], "{expr}");
    }
    assert_eq!(speakers("actor:pskow"), ["peskov"]);
}

#[test]
fn actor_covers_statements_made_on_the_actors_behalf() {
    let putin = ids("actor:putin");
    let peskov = ids("speaker:peskov");
    assert!(
        peskov.iter().all(|id| putin.contains(id)),
        "Peskov spoke for Putin"
    );
    assert_eq!(ids("for:putin"), peskov);
    assert_eq!(putin.len(), peskov.len() + ids("speaker:putin").len());
}

#[test]
fn mode_topic_and_stance_bind_together() {
    let store = &corpus().store;
    for id in ids("mode:direct") {
        assert_eq!(store.statement(id).mode, demarche::model::Mode::Direct);
    }
    let opposing = ids("topic:eu-participation stance:opposes");
    assert!(!opposing.is_empty());
    for id in &opposing {
        let s = store.statement(*id);
        assert!(
            s.topics
                .iter()
                .any(|t| store.topic(t.topic) == "eu-participation"
                    && t.stance == demarche::model::Stance::Opposes)
        );
    }
}

#[test]
fn dates_match_statements_certainly_in_the_range_unless_asked_for_possible_ones() {
    let store = &corpus().store;
    let precision = |ids: &[StatementId]| -> Vec<&str> {
        let mut p: Vec<&str> = ids.iter().map(|&id| store.precision(id)).collect();
        p.dedup();
        p
    };
    // The bundled article reports 2025-02-13: seven statements are dated to that day,
    // one "before 2025-02-14" and thirteen "2025-02" may have been made on it too.
    let certain = ids("since:2025-02-13 until:2025-02-13");
    assert_eq!(certain.len(), 7);
    assert_eq!(precision(&certain), ["day"]);
    let possible = ids("since:2025-02-13 until:2025-02-13 dates:possible");
    assert_eq!(possible.len(), 21);
    assert!(certain.iter().all(|id| possible.contains(id)));
    let filter = Filter::parse("since:2025-02-13 until:2025-02-13").expect("valid");
    let more = demarche::filter::possible_more(store, &filter, &certain, &|| false);
    assert_eq!(more, Some(Some(14)));
    let asked = Filter::parse("since:2025-02-13 dates:possible").expect("valid");
    assert_eq!(
        demarche::filter::possible_more(store, &asked, &[], &|| false),
        Some(None)
    );
    // A "before" date is open below: certainly until its bound, never certainly since a day.
    let before = ids("until:2025-02-13");
    assert_eq!(precision(&before), ["before", "day"]);
    assert!(
        ids("until:2025-01").is_empty(),
        "nothing is certainly in January"
    );
    assert_eq!(precision(&ids("until:2025-01 dates:possible")), ["before"]);
    assert!(ids("since:2026").is_empty());
}

#[test]
fn precision_filters_on_how_a_statement_is_dated() {
    assert_eq!(ids("precision:day").len(), 7);
    assert_eq!(ids("precision:month").len(), 13);
    assert_eq!(ids("precision:before").len(), 2);
    assert!(ids("precision:undated").is_empty());
    assert_eq!(ids("-precision:day").len(), 15);
    assert_eq!(ids("precision:day"), brute("precision:day"));
}

#[test]
fn negation_kind_lang_and_text() {
    let all = ids("");
    assert_eq!(all.len(), corpus().store.len());
    let direct = ids("mode:direct");
    let not_direct = ids("-mode:direct");
    assert_eq!(direct.len() + not_direct.len(), all.len());
    assert_eq!(speakers("kind:ministry"), ["china-foreign-ministry"]);
    assert_eq!(ids("lang:de").len(), all.len());
    assert!(ids("lang:fr").is_empty());
    assert_eq!(speakers("\"Frieden durch Schwäche\""), ["lecornu"]);
    assert_eq!(
        speakers("frieden schwache"),
        ["lecornu"],
        "words AND together, accents folded"
    );
    assert_eq!(
        speakers("regrettable"),
        ["pistorius"],
        "the translation is searched too"
    );
    assert!(ids("outlet:reuters").is_empty(), "the seed names no outlet");
}

#[test]
fn indexed_results_equal_brute_force() {
    for expr in [
        "actor:putin",
        "actor:pskow mode:direct",
        "-actor:rutte ukraine",
        "speaker:peskov",
        "for:putin",
        "to:us-government",
        "topic:negotiations stance:supports",
        "\"die EU\" -mode:indirect",
        "place:brüssel",
        "article:nato",
    ] {
        assert_eq!(ids(expr), brute(expr), "{expr}");
    }
}

#[test]
fn errors_point_at_the_offending_term() {
    let err = Filter::parse("actor:peskov mood:angry").expect_err("unknown key");
    assert_eq!(&"actor:peskov mood:angry"[err.start..err.end], "mood:");
    assert!(
        err.message
            .contains("valid keys: actor: speaker: for: to: holder: mode:"),
        "{}",
        err.message
    );
    let err = Filter::parse("mode:shouted").expect_err("bad mode");
    assert!(
        err.message
            .contains("expected one of direct, indirect, mixed, paraphrase")
    );
    let err = Filter::parse("since:yesterday").expect_err("bad date");
    assert!(err.message.contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
    let err = Filter::parse("actor: peskov").expect_err("empty value");
    assert!(err.message.contains("needs a value"));
    let err = Filter::parse("\"unclosed").expect_err("quote");
    assert_eq!(err.pointed("\"unclosed").lines().nth(1), Some("^^^^^^^^^"));
}

#[test]
fn a_short_query_that_matches_no_name_matches_no_actor() {
    assert!(
        ids("actor:eu").is_empty(),
        "no actor is called EU here; fuzzy letters in order are too loose"
    );
    assert_eq!(speakers("actor:london"), ["uk-government"], "aliases count");
}
