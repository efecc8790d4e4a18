//! Merging checked articles into one store: global actor and topic ids, cross-file checks.

use super::pending::PendingDoc;
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorId, ArticleId, Statement, TopicId};
use crate::store::Store;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Resolves every local reference against the whole corpus and builds the store.
pub fn merge(docs: Vec<PendingDoc>) -> (Store, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Where each article id was first loaded: (id, source) borrowed from `docs`.
    let mut article_origin: HashMap<&str, &str> = HashMap::with_capacity(docs.len());
    let mut shared: Vec<Arc<Actor>> = Vec::new();
    let mut actor_ids: HashMap<String, ActorId> = HashMap::new();
    // The first definitions by address: most articles share them (see `native`), and
    // a shared one is known without reading (or hashing) its id.
    let mut first_by_address: HashMap<usize, ActorId> = HashMap::new();
    let mut actor_origin: Vec<String> = Vec::new();
    // Whether each actor so far was only inferred by an importer from a name.
    let mut inferred: Vec<bool> = Vec::new();
    let mut topics: Vec<String> = Vec::new();
    let mut topic_ids: HashMap<String, TopicId> = HashMap::new();
    let mut keep = vec![true; docs.len()];

    for (i, doc) in docs.iter().enumerate() {
        let here = doc.article.source.as_str();
        if let Some(first) = article_origin.get(doc.article.id.as_str()) {
            diagnostics.push(
                Diagnostic::at(&doc.file, doc.line, None, format!(
                    "article id {:?} was already loaded from {first}: article ids must be unique; this article skipped",
                    doc.article.id
                )),
            );
            keep[i] = false;
            continue;
        }
        article_origin.insert(&doc.article.id, here);
        for actor in &doc.actors {
            if first_by_address.contains_key(&address(actor)) {
                continue;
            }
            match actor_ids.get(&actor.id) {
                Some(&existing) if doc.inferred.contains(&actor.id) => {
                    add_names(Arc::make_mut(&mut shared[existing.index()]), actor);
                }
                Some(&existing) if inferred[existing.index()] => {
                    let mut defined = Actor::clone(actor);
                    add_names(&mut defined, &shared[existing.index()]);
                    shared[existing.index()] = Arc::new(defined);
                    inferred[existing.index()] = false;
                }
                Some(&existing) => {
                    let first = &shared[existing.index()];
                    // Identical definitions are usually one shared allocation.
                    if Arc::ptr_eq(first, actor) {
                        continue;
                    }
                    let differing = differences(first, actor);
                    if !differing.is_empty() {
                        diagnostics.push(
                            Diagnostic::at(&doc.file, doc.line, None, format!(
                                "defined differently in {} ({} differ); the first definition is kept",
                                actor_origin[existing.index()],
                                differing.join(", ")
                            ))
                            .in_item(&format!("actor {}", actor.id), "id")
                            .warning(),
                        );
                    }
                }
                None => {
                    actor_ids.insert(actor.id.clone(), ActorId(shared.len() as u32));
                    first_by_address.insert(address(actor), ActorId(shared.len() as u32));
                    actor_origin.push(here.to_string());
                    shared.push(Arc::clone(actor));
                    inferred.push(doc.inferred.contains(&actor.id));
                }
            }
        }
    }
    drop(article_origin);
    let kept: Vec<PendingDoc> = docs
        .into_iter()
        .zip(keep)
        .filter_map(|(doc, keep)| keep.then_some(doc))
        .collect();
    let actors: Vec<Actor> = shared.into_iter().map(Arc::unwrap_or_clone).collect();

    let topic_maps: Vec<Vec<TopicId>> = kept
        .iter()
        .map(|doc| {
            doc.topics
                .iter()
                .map(|t| match topic_ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = TopicId(topics.len() as u32);
                        topic_ids.insert(t.clone(), id);
                        topics.push(t.clone());
                        id
                    }
                })
                .collect()
        })
        .collect();

    let results: Vec<(PendingArticle, Vec<Diagnostic>)> = kept
        .into_par_iter()
        .zip(topic_maps)
        .enumerate()
        .map(|(i, (doc, topic_map))| {
            resolve(
                doc,
                ArticleId(i as u32),
                &actor_ids,
                &first_by_address,
                &topic_map,
            )
        })
        .collect();
    // Flattened on the worker threads, which also free the per-article vectors.
    let (parts, diags): (Vec<PendingArticle>, Vec<Vec<Diagnostic>>) =
        results.into_par_iter().unzip();
    diagnostics.extend(diags.into_iter().flatten());
    let (articles, statements): (Vec<_>, Vec<Vec<Statement>>) = parts.into_par_iter().unzip();
    let statements: Vec<Statement> = statements.into_par_iter().flatten().collect();
    (
        Store::build(articles, actors, topics, statements),
        diagnostics,
    )
}

type PendingArticle = (crate::model::Article, Vec<Statement>);

/// Maps one article's local actor and topic indices to global ids, skipping
/// statements that name an actor no loaded file defines.
fn resolve(
    doc: PendingDoc,
    article: ArticleId,
    actor_ids: &HashMap<String, ActorId>,
    first_by_address: &HashMap<usize, ActorId>,
    topic_map: &[TopicId],
) -> (PendingArticle, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let by_key = |key: &'_ str| actor_ids.get(key).copied();
    let local: Vec<Result<ActorId, &str>> = doc
        .actors
        .iter()
        .map(|a| {
            first_by_address
                .get(&address(a))
                .copied()
                .or_else(|| by_key(&a.id))
                .ok_or(a.id.as_str())
        })
        .chain(
            doc.foreign
                .iter()
                .map(|key| by_key(key).ok_or(key.as_str())),
        )
        .collect();
    let mut statements = Vec::with_capacity(doc.statements.len());
    'statements: for mut s in doc.statements {
        let mut fail = |field: &str, key: &str| {
            diagnostics.push(
                Diagnostic::at(&doc.file, doc.line, None, format!(
                    "unknown actor id {key:?}: define it in the `actors` list of this or another loaded file; statement skipped"
                ))
                .in_item(&format!("statement {}", s.key), field),
            );
        };
        s.speaker = match local[s.speaker.index()] {
            Ok(id) => id,
            Err(key) => {
                fail("speaker", key);
                continue 'statements;
            }
        };
        if let Some(p) = s.on_behalf_of {
            s.on_behalf_of = match local[p.index()] {
                Ok(id) => Some(id),
                Err(key) => {
                    fail("on_behalf_of", key);
                    continue 'statements;
                }
            };
        }
        for a in s.addressees.iter_mut() {
            *a = match local[a.index()] {
                Ok(id) => id,
                Err(key) => {
                    fail("addressees", key);
                    continue 'statements;
                }
            };
        }
        for t in s.topics.iter_mut() {
            t.topic = topic_map[t.topic.index()];
        }
        s.article = article;
        statements.push(s);
    }
    ((doc.article, statements), diagnostics)
}

/// Adds `other`'s name and aliases to `actor`'s aliases where they are new.
fn add_names(actor: &mut Actor, other: &Actor) {
    for name in other.names() {
        if name != actor.name && !actor.aliases.iter().any(|a| a == name) {
            actor.aliases.push(name.to_string());
        }
    }
}

/// Where a shared actor definition lives: the same for every article sharing it.
fn address(actor: &Arc<Actor>) -> usize {
    Arc::as_ptr(actor) as usize
}

/// The names of the fields in which two definitions of one actor differ.
fn differences(a: &Actor, b: &Actor) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.name != b.name {
        out.push("name");
    }
    if a.aliases != b.aliases {
        out.push("aliases");
    }
    if a.kind != b.kind {
        out.push("kind");
    }
    if a.role != b.role {
        out.push("role");
    }
    if a.affiliation != b.affiliation {
        out.push("affiliation");
    }
    if a.country != b.country {
        out.push("country");
    }
    out
}
