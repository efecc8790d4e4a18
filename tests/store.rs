//! The store: chronological order, imprecise dates, indices and counts.

mod common;

use common::{keys, load};
use demarche::model::StatementId;

#[test]
fn statements_are_chronological_by_earliest_possible_day() {
    let loaded = load(&["good/article.json"]);
    // s2 "2025-03" (from 03-01), s1 "2025-03-03", s3 "before 2025-03-04" (03-03, later in the text)
    assert_eq!(keys(&loaded), ["s2", "s1", "s3"]);
    let s2 = &loaded.store.statement(demarche::model::StatementId(0));
    assert!(
        !s2.date.expect("dated").is_precise(),
        "a month stays marked imprecise"
    );
}

#[test]
fn indices_by_speaker_principal_article_and_topic() {
    let loaded = load(&["good"]);
    let store = &loaded.store;
    let berg = store.actor_by_key("berg").expect("berg");
    let norland = store.actor_by_key("norland").expect("norland");
    let mfa = store.actor_by_key("norland-mfa").expect("mfa");
    let spoken: Vec<&str> = store
        .spoken_by(berg)
        .iter()
        .map(|&id| store.key(id))
        .collect();
    assert_eq!(
        spoken.len(),
        5,
        "s1 and s3 in two articles, s1 in the third"
    );
    assert!(
        store.spoken_by(berg).windows(2).all(|w| w[0] < w[1]),
        "ascending"
    );
    assert_eq!(store.made_for(norland).len(), 2);
    assert_eq!(store.spoken_by(mfa).len(), 2);
    assert_eq!(store.involving(norland), store.made_for(norland).to_vec());
    assert_eq!(store.count_for(berg), 5);
    let third = store.article_by_key("fx-third").expect("third");
    assert_eq!(store.in_article(third).len(), 1);
    let negotiations = store.topic_by_key("negotiations").expect("topic");
    assert_eq!(store.on_topic(negotiations).len(), 5);
    for &id in store.on_topic(negotiations) {
        assert!(
            store
                .statement(id)
                .topics
                .iter()
                .any(|t| t.topic == negotiations)
        );
    }
}

#[test]
fn counts_per_actor_match_the_indices_and_a_count_by_hand() {
    let loaded = load(&["good"]);
    let store = &loaded.store;
    let all: Vec<StatementId> = store.all_ids().collect();
    let counts = store.count_by_actor(&all);
    for (i, &count) in counts.iter().enumerate() {
        let actor = demarche::model::ActorId(i as u32);
        assert_eq!(count, store.count_for(actor), "{}", store.actor(actor).id);
    }
    let some: Vec<StatementId> = all.iter().copied().step_by(2).collect();
    let mut by_hand = vec![0; store.actors.len()];
    for &id in &some {
        let s = store.statement(id);
        by_hand[s.speaker.index()] += 1;
        if let Some(p) = s.on_behalf_of.filter(|&p| p != s.speaker) {
            by_hand[p.index()] += 1;
        }
    }
    assert_eq!(store.count_by_actor(&some), by_hand);
    assert!(counts.iter().filter(|&&c| c > 0).count() >= 3);
}

#[test]
fn statement_text_is_a_slice_of_the_article_text() {
    let loaded = load(&["good/article.json"]);
    let store = &loaded.store;
    for (i, s) in store.statements().enumerate() {
        let article = &store.article(s.article).text;
        let text = store.text(StatementId(i as u32));
        assert_eq!(
            text.as_ptr(),
            article[s.bytes.start as usize..].as_ptr(),
            "no copy of the text"
        );
    }
}

#[test]
fn text_search_finds_folded_words_in_text_and_translation() {
    let loaded = demarche::bundled::load();
    let store = &loaded.store;
    let hits = store.containing(&demarche::fold::fold("BRÜSSEL"));
    assert!(
        hits.is_empty(),
        "Brüssel is in the article, not in a statement text"
    );
    let hits = store.containing("garantiemachte");
    assert_eq!(hits.len(), 1, "accent-insensitive: Garantiemächte");
    let hits = store.containing("appeasement");
    assert!(!hits.is_empty());
    let brute: Vec<StatementId> = store
        .all_ids()
        .filter(|&id| store.folded(id).contains("appeasement"))
        .collect();
    assert_eq!(hits, brute);
}

#[test]
fn a_cancelled_word_index_is_not_kept_and_searches_still_answer() {
    // Its own store: the word index, once built, stays.
    let loaded = demarche::bundled::load();
    let store = &loaded.store;
    let scanned = store.containing("appeasement");
    assert!(!scanned.is_empty());
    store.prepare_search_unless(&|| true);
    assert_eq!(
        store.indexed_containing("appeasement"),
        None,
        "cancelled: no index"
    );
    assert_eq!(store.containing("appeasement"), scanned);
    store.prepare_search_unless(&|| false);
    assert_eq!(store.indexed_containing("appeasement"), Some(scanned));
}
