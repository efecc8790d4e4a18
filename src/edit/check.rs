//! An edit checked against a store without rebuilding it (what the browser does before it journals one, so that a large corpus is not rebuilt twice): the article, statement and actors it names exist, and a record loads.

use super::{Edit, EditError, find, parse};
use crate::store::Store;
use serde_json::Value;
use std::collections::HashMap;

/// Whether `edits` (one group: each item touched once) apply to `store`.
pub fn check(store: &Store, edits: &[Edit]) -> Result<(), EditError> {
    // Actors the group puts, usable by its statements.
    let mut put: HashMap<String, Value> = HashMap::new();
    for e in edits {
        if let Edit::PutActor { actor } = e {
            parse::actor(actor)?;
            let id = actor.get("id").and_then(Value::as_str).unwrap_or("");
            put.insert(id.to_string(), actor.clone());
        }
    }
    let actor = |id: &str| -> Result<Value, EditError> {
        if let Some(v) = put.get(id) {
            return Ok(v.clone());
        }
        let a = store
            .actor_by_key(id)
            .ok_or_else(|| EditError::NoActor(id.to_string()))?;
        Ok(crate::export::actor_value(store.actor(a)))
    };
    for e in edits {
        match e {
            Edit::Put { article, statement } => {
                let a = store
                    .article_by_key(article)
                    .ok_or_else(|| EditError::NoArticle(article.clone()))?;
                let text = store.article(a).text;
                let mut ids = parse::named(statement);
                ids.sort_unstable();
                ids.dedup();
                let actors = ids.into_iter().map(actor).collect::<Result<Vec<_>, _>>()?;
                parse::loads(article, text, actors, statement)?;
            }
            Edit::Delete { article, id } => {
                store
                    .article_by_key(article)
                    .ok_or_else(|| EditError::NoArticle(article.clone()))?;
                find(store, article, id).ok_or_else(|| EditError::NoStatement {
                    article: article.clone(),
                    id: id.clone(),
                })?;
            }
            Edit::PutActor { .. } => {}
            Edit::DeleteActor { id } => {
                let a = store
                    .actor_by_key(id)
                    .ok_or_else(|| EditError::NoActor(id.clone()))?;
                let count = store.involving(a).len() + store.addressed_to(a).len();
                if count > 0 {
                    return Err(EditError::ActorUsed {
                        id: id.clone(),
                        count,
                    });
                }
            }
            Edit::Merge { from, into } => {
                actor(from)?;
                actor(into)?;
                if from == into {
                    return Err(EditError::Invalid(format!("{from:?} merged into itself")));
                }
            }
        }
    }
    Ok(())
}
