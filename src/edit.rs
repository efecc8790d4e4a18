//! Edits to a corpus as data (put or delete a statement, put or delete an actor, merge two actors), applied to a store to give the next one: what the journal records, what the browser's undo reverses, what `compact` folds into the files.

mod check;
mod parse;
mod parts;
#[cfg(test)]
mod tests;

use crate::model::{ActorId, ArticleId};
use crate::store::Store;
pub use check::check;
pub use parse::named as actors_named;
use parts::Parts;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One change. Statements are named by their article's id and their own; actors by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Edit {
    /// Adds the statement (a record of our format), or replaces the one of its id.
    Put {
        article: String,
        statement: Value,
    },
    Delete {
        article: String,
        id: String,
    },
    /// Adds the actor (a record of our format), or replaces the one of its id.
    PutActor {
        actor: Value,
    },
    /// Removes an actor no statement names.
    DeleteActor {
        id: String,
    },
    /// Every statement of `from` becomes `into`'s; `from`'s names become aliases of
    /// `into`, and `from` is gone.
    Merge {
        from: String,
        into: String,
    },
}

/// Why an edit cannot be applied; nothing of it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no article {0:?}")]
    NoArticle(String),
    #[error("no statement {id:?} in article {article:?}")]
    NoStatement { article: String, id: String },
    #[error("no actor {0:?}")]
    NoActor(String),
    #[error("actor {id:?} still speaks or is named in {count} statement(s)")]
    ActorUsed { id: String, count: usize },
    #[error("{0}")]
    Invalid(String),
}

/// What an edit changed, for the one who asked: the statement put, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// (article, statement id) of the last statement put.
    pub put: Option<(String, String)>,
}

/// `store` with `edits` applied in order, or the first edit's error (then nothing is
/// applied). One rebuild, however many edits.
pub fn apply(store: &Store, edits: &[Edit]) -> Result<Store, EditError> {
    let mut parts = Parts::of(store);
    for edit in edits {
        parts.apply(edit)?;
    }
    Ok(parts.build())
}

/// Like [`apply`], but an edit that fails is skipped and said (with its index) instead
/// of stopping: replaying a journal over files that changed since.
pub fn apply_each(store: &Store, edits: &[Edit]) -> (Store, Vec<(usize, EditError)>) {
    let mut parts = Parts::of(store);
    let mut failed = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        if let Err(e) = parts.apply(edit) {
            failed.push((i, e));
        }
    }
    (parts.build(), failed)
}

/// The edits that undo `edits` on `store` (which they have not yet changed), in the
/// order to apply them: applying `edits`, then these, gives back `store`'s corpus. Each
/// edit's undoing is read from `store`, so the edits of one group must touch different
/// statements and actors (as one action of the browser does).
pub fn inverse(store: &Store, edits: &[Edit]) -> Result<Vec<Edit>, EditError> {
    let mut undo: Vec<Vec<Edit>> = Vec::new();
    for edit in edits {
        undo.push(inverse_of(store, edit)?);
    }
    Ok(undo.into_iter().rev().flatten().collect())
}

fn inverse_of(store: &Store, edit: &Edit) -> Result<Vec<Edit>, EditError> {
    let put_back = |id| Edit::Put {
        article: store.article(store.article_of(id)).id.to_string(),
        statement: crate::export::statement_value(store, id),
    };
    let actor = |key: &str| {
        store
            .actor_by_key(key)
            .map(|a| store.actor(a))
            .ok_or_else(|| EditError::NoActor(key.to_string()))
    };
    Ok(match edit {
        Edit::Put { article, statement } => {
            let key = statement.get("id").and_then(Value::as_str).unwrap_or("");
            match find(store, article, key) {
                Some(id) => vec![put_back(id)],
                None => vec![Edit::Delete {
                    article: article.clone(),
                    id: key.to_string(),
                }],
            }
        }
        Edit::Delete { article, id } => {
            let found = find(store, article, id).ok_or_else(|| EditError::NoStatement {
                article: article.clone(),
                id: id.clone(),
            })?;
            vec![put_back(found)]
        }
        Edit::PutActor { actor: record } => {
            let key = record.get("id").and_then(Value::as_str).unwrap_or("");
            match store.actor_by_key(key) {
                Some(a) => vec![Edit::PutActor {
                    actor: crate::export::actor_value(store.actor(a)),
                }],
                None => vec![Edit::DeleteActor {
                    id: key.to_string(),
                }],
            }
        }
        Edit::DeleteActor { id } => vec![Edit::PutActor {
            actor: crate::export::actor_value(actor(id)?),
        }],
        Edit::Merge { from, into } => {
            let f = store
                .actor_by_key(from)
                .ok_or_else(|| EditError::NoActor(from.clone()))?;
            let mut out = vec![
                Edit::PutActor {
                    actor: crate::export::actor_value(actor(from)?),
                },
                Edit::PutActor {
                    actor: crate::export::actor_value(actor(into)?),
                },
            ];
            let mut named = store.involving(f);
            named.extend_from_slice(store.addressed_to(f));
            named.sort_unstable();
            named.dedup();
            out.extend(named.into_iter().map(put_back));
            out
        }
    })
}

/// The statement of `article` with id `key`, if the store has it.
pub fn find(store: &Store, article: &str, key: &str) -> Option<crate::model::StatementId> {
    let a = store.article_by_key(article)?;
    store
        .in_article(a)
        .iter()
        .copied()
        .find(|&id| store.key(id) == key)
}

fn article_id(parts: &Parts, key: &str) -> Result<ArticleId, EditError> {
    parts
        .article(key)
        .ok_or_else(|| EditError::NoArticle(key.to_string()))
}

fn actor_id(parts: &Parts, key: &str) -> Result<ActorId, EditError> {
    parts
        .actor(key)
        .ok_or_else(|| EditError::NoActor(key.to_string()))
}
