//! Merging: definitions of one actor met in several files.

use super::*;
use crate::loader::pending::{Pending, Position};
use crate::model::Actor;
use crate::model::{ActorKind, Article};
use std::sync::Arc;

fn kelm(name: &str) -> Arc<Actor> {
    Arc::new(Actor {
        id: "kelm".into(),
        name: name.into(),
        aliases: Vec::new(),
        kind: ActorKind::Government,
        role: None,
        affiliation: None,
        country: None,
    })
}

fn doc(id: &str, actor: &Arc<Actor>) -> PendingDoc {
    let article = Article {
        id: id.into(),
        title: None,
        outlet: None,
        author: None,
        url: None,
        published: None,
        language: None,
        text: String::new(),
        source: format!("t.jsonl:{id}"),
    };
    let mut doc = PendingDoc::new(article, "t.jsonl", None);
    let at = Position::new("t.jsonl", 1, b"", true);
    doc.define_actor(Arc::clone(actor), &at, &mut Vec::new());
    doc
}

/// Each parsing thread shares its own allocation of a definition: an identical one
/// in another allocation is remembered by address, a differing one warns in every
/// article that carries it, as before.
#[test]
fn other_allocations_of_a_definition_are_quiet_when_identical_and_warn_each_time_when_not() {
    let first = kelm("Government of Kelm");
    let same = kelm("Government of Kelm");
    let renamed = kelm("Kelmish government");
    let mut pending = Pending::default();
    for (id, actor) in [
        ("a", &first),
        ("b", &same),
        ("c", &same),
        ("d", &renamed),
        ("e", &renamed),
    ] {
        pending.push(doc(id, actor));
    }
    let (store, diagnostics) = merge(pending.docs, pending.statements);
    assert_eq!(store.actors.len(), 1);
    assert_eq!(store.actors[0].name, "Government of Kelm");
    let lines: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines.iter().all(|m| m.contains("defined differently")));
    assert_eq!(store.article_count(), 5);
}
