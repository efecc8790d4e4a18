//! Edits and their undoing on the bundled corpus: each kind applied, checked, reversed to the corpus it started from.

use super::*;
use crate::export::statement_value;

fn corpus() -> Store {
    crate::bundled::load().store
}

/// The whole corpus as our format writes it, one line per statement and actor, sorted
/// (actor ids are positions: an undone merge puts the actor back at the end).
pub fn dump(store: &Store) -> Vec<String> {
    let mut lines: Vec<String> = store
        .all_ids()
        .map(|id| {
            let article = store.article(store.article_of(id)).id;
            format!("{article} {}", statement_value(store, id))
        })
        .collect();
    lines.extend(store.actors.iter().map(|a| format!("{a:?}")));
    lines.extend(
        store
            .articles()
            .map(|a| format!("{} {} {:?}", a.id, a.text.len(), a.published)),
    );
    lines.sort();
    lines
}

/// The first line where two dumps differ, for a readable failure.
pub fn first_difference(a: &[String], b: &[String]) -> Option<(Option<String>, Option<String>)> {
    (0..a.len().max(b.len()))
        .map(|i| (a.get(i).cloned(), b.get(i).cloned()))
        .find(|(x, y)| x != y)
}

const ARTICLE: &str = "2025-02-nato-brussels";

/// `edits` applied, then undone: the corpus is as before.
fn round_trip(store: &Store, edits: &[Edit]) -> Store {
    let undo = inverse(store, edits).expect("an inverse");
    let edited = apply(store, edits).expect("applied");
    let back = apply(&edited, &undo).expect("undone");
    let diff = first_difference(&dump(&back), &dump(store));
    assert!(diff.is_none(), "undoing {edits:?}: {diff:?}");
    edited
}

fn record(store: &Store, key: &str) -> serde_json::Value {
    statement_value(store, find(store, ARTICLE, key).expect("statement"))
}

#[test]
fn a_statement_put_changes_it_and_its_inverse_restores_it() {
    let store = corpus();
    let mut s = record(&store, "s11");
    s["mode"] = "indirect".into();
    s["provenance"] = "reviewed".into();
    s["annotator"] = "ana".into();
    s["edited"] = "2026-12-07T12:00:00Z".into();
    let edited = round_trip(
        &store,
        &[Edit::Put {
            article: ARTICLE.into(),
            statement: s,
        }],
    );
    let id = find(&edited, ARTICLE, "s11").expect("still there");
    assert_eq!(edited.mode(id), crate::model::Mode::Indirect);
    assert_eq!(edited.provenance(id), crate::model::Provenance::Reviewed);
    assert_eq!(edited.annotator(id), Some("ana"));
    assert_eq!(edited.len(), store.len());
}

#[test]
fn a_deleted_statement_is_gone_and_comes_back() {
    let store = corpus();
    let edited = round_trip(
        &store,
        &[Edit::Delete {
            article: ARTICLE.into(),
            id: "s03".into(),
        }],
    );
    assert_eq!(edited.len(), store.len() - 1);
    assert!(find(&edited, ARTICLE, "s03").is_none());
}

#[test]
fn a_new_statement_is_added_and_undoing_it_deletes_it() {
    let store = corpus();
    let mut s = record(&store, "s03");
    s["id"] = "n1".into();
    s["topics"] = serde_json::json!([{"topic": "a new topic", "stance": "supports"}]);
    let edited = round_trip(
        &store,
        &[Edit::Put {
            article: ARTICLE.into(),
            statement: s,
        }],
    );
    assert_eq!(edited.len(), store.len() + 1);
    let id = find(&edited, ARTICLE, "n1").expect("added");
    assert_eq!(edited.topic(edited.topics_of(id)[0].topic), "a new topic");
}

#[test]
fn an_invalid_record_is_refused_with_the_loaders_reason() {
    let store = corpus();
    let mut s = record(&store, "s03");
    s["text"] = "words that are not at that span".into();
    let err = apply(
        &store,
        &[Edit::Put {
            article: ARTICLE.into(),
            statement: s,
        }],
    )
    .expect_err("refused");
    assert!(
        matches!(&err, EditError::Invalid(m) if m.contains("text")),
        "{err}"
    );
    let mut s = record(&store, "s03");
    s["speaker"] = "nobody".into();
    let err = apply(
        &store,
        &[Edit::Put {
            article: ARTICLE.into(),
            statement: s,
        }],
    )
    .expect_err("refused");
    assert_eq!(err, EditError::NoActor("nobody".into()));
    let err = apply(
        &store,
        &[Edit::Delete {
            article: "nowhere".into(),
            id: "s1".into(),
        }],
    )
    .expect_err("refused");
    assert_eq!(err, EditError::NoArticle("nowhere".into()));
}

#[test]
fn merging_moves_every_statement_and_keeps_the_names_as_aliases() {
    let store = corpus();
    let (from, into) = ("peskov", "putin");
    let from_id = store.actor_by_key(from).expect("peskov");
    let mut both = store.involving(from_id);
    both.extend(store.involving(store.actor_by_key(into).expect("putin")));
    both.sort_unstable();
    both.dedup();
    let edited = round_trip(
        &store,
        &[Edit::Merge {
            from: from.into(),
            into: into.into(),
        }],
    );
    assert!(edited.actor_by_key(from).is_none());
    let merged = edited.actor_by_key(into).expect("putin");
    assert_eq!(
        edited.involving(merged).len(),
        both.len(),
        "every statement follows"
    );
    let name = &store.actor(from_id).name;
    assert!(
        edited.actor(merged).aliases.contains(name),
        "{:?}",
        edited.actor(merged)
    );
}

#[test]
fn an_actor_is_added_renamed_and_deleted_only_when_unused() {
    let store = corpus();
    let new = serde_json::json!({"id": "x", "name": "Xenia X", "kind": "person", "aliases": ["X"]});
    let edited = round_trip(&store, &[Edit::PutActor { actor: new }]);
    assert_eq!(
        edited.actor(edited.actor_by_key("x").expect("x")).name,
        "Xenia X"
    );
    let mut putin =
        crate::export::actor_value(store.actor(store.actor_by_key("putin").expect("putin")));
    putin["name"] = "Vladimir Putin".into();
    let edited = round_trip(&store, &[Edit::PutActor { actor: putin }]);
    assert_eq!(
        edited
            .actor(edited.actor_by_key("putin").expect("putin"))
            .name,
        "Vladimir Putin"
    );
    let err = apply(&store, &[Edit::DeleteActor { id: "putin".into() }]).expect_err("used");
    assert!(matches!(err, EditError::ActorUsed { .. }), "{err}");
}

#[test]
fn a_check_without_rebuilding_refuses_what_apply_refuses_and_passes_the_rest() {
    let store = corpus();
    let mut bad_text = record(&store, "s03");
    bad_text["text"] = "words that are not at that span".into();
    let mut nobody = record(&store, "s03");
    nobody["speaker"] = "nobody".into();
    let refused = [
        vec![Edit::Put {
            article: ARTICLE.into(),
            statement: bad_text,
        }],
        vec![Edit::Put {
            article: ARTICLE.into(),
            statement: nobody,
        }],
        vec![Edit::Delete {
            article: "nowhere".into(),
            id: "s1".into(),
        }],
        vec![Edit::Delete {
            article: ARTICLE.into(),
            id: "s99".into(),
        }],
        vec![Edit::DeleteActor { id: "putin".into() }],
        vec![Edit::Merge {
            from: "putin".into(),
            into: "putin".into(),
        }],
    ];
    for edits in &refused {
        assert_eq!(
            check(&store, edits).err(),
            apply(&store, edits).err(),
            "{edits:?}"
        );
        assert!(check(&store, edits).is_err(), "{edits:?}");
    }
    let new_actor = serde_json::json!({"id": "x", "name": "Xenia X", "kind": "person"});
    let mut by_x = record(&store, "s03");
    by_x["speaker"] = "x".into();
    let fine = vec![
        Edit::PutActor { actor: new_actor },
        Edit::Put {
            article: ARTICLE.into(),
            statement: by_x,
        },
        Edit::Delete {
            article: ARTICLE.into(),
            id: "s04".into(),
        },
    ];
    assert_eq!(check(&store, &fine), Ok(()));
    assert!(apply(&store, &fine).is_ok());
}
