//! A statement or actor record of our format read through the loader itself (so an edit is checked exactly as a file is), its ids mapped into the corpus being edited.

use super::EditError;
use super::parts::Parts;
use crate::loader::{Loaded, Source, SourceFormat, load_sources};
use crate::model::{Actor, ArticleId, Statement, StatementId};
use serde_json::{Value, json};

/// Loads a one-article document; its first error is the edit's.
fn load(doc: &Value) -> Result<Loaded, EditError> {
    let loaded = load_sources(vec![Source {
        name: "edit".into(),
        bytes: doc.to_string().into_bytes(),
        format: SourceFormat::Json,
    }]);
    match loaded.diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => Err(EditError::Invalid(d.message.clone())),
        None => Ok(loaded),
    }
}

/// Statement `record` of the article `id` with `text`, loaded with the definitions
/// of the actors it names: the loader's first error, or what it loaded.
pub fn loads(
    id: &str,
    text: &str,
    actors: Vec<Value>,
    record: &Value,
) -> Result<Loaded, EditError> {
    let doc = json!({
        "format": "demarche", "version": 1,
        "article": {"id": id, "text": text},
        "actors": actors,
        "statements": [record],
    });
    load(&doc)
}

/// The actor ids a statement record names (speaker, principal, addressees).
pub fn named(record: &Value) -> Vec<&str> {
    let mut ids: Vec<&str> = ["speaker", "on_behalf_of"]
        .iter()
        .filter_map(|k| record.get(*k).and_then(Value::as_str))
        .collect();
    if let Some(list) = record.get("addressees").and_then(Value::as_array) {
        ids.extend(list.iter().filter_map(Value::as_str));
    }
    ids
}

/// Statement `record` of article `article`, checked against the article's text and
/// the corpus's actors (each must exist: put a new actor first).
pub fn statement(
    parts: &mut Parts,
    article: ArticleId,
    record: &Value,
) -> Result<Statement, EditError> {
    let a = &parts.articles[article.index()];
    let mut actors = Vec::new();
    let mut ids = named(record);
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let i = parts
            .actor(id)
            .ok_or_else(|| EditError::NoActor(id.to_string()))?;
        actors.push(crate::export::actor_value(&parts.actors[i.index()]));
    }
    let loaded = loads(&a.id, &a.text, actors, record)?;
    let store = &loaded.store;
    if store.is_empty() {
        return Err(EditError::Invalid("the statement was not loaded".into()));
    }
    let mut s = store.statement(StatementId(0));
    let map =
        |parts: &Parts, id: crate::model::ActorId| parts.actor(&store.actor(id).id).unwrap_or(id);
    s.article = article;
    s.speaker = map(parts, s.speaker);
    s.on_behalf_of = s.on_behalf_of.map(|p| map(parts, p));
    s.addressees = s.addressees.iter().map(|&x| map(parts, x)).collect();
    let topics: Vec<_> = s
        .topics
        .iter()
        .map(|t| crate::model::TopicStance {
            topic: parts.topic(store.topic(t.topic)),
            stance: t.stance,
        })
        .collect();
    s.topics = topics.into_boxed_slice();
    Ok(s)
}

/// Actor `record`, checked as the loader checks one.
pub fn actor(record: &Value) -> Result<Actor, EditError> {
    let doc = json!({
        "format": "demarche", "version": 1,
        "article": {"id": "edit", "text": ""},
        "actors": [record],
        "statements": [],
    });
    let loaded = load(&doc)?;
    loaded
        .store
        .actors
        .first()
        .cloned()
        .ok_or_else(|| EditError::Invalid("the actor was not loaded".into()))
}
