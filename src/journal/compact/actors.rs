//! Actor definitions in the compacted files brought up to the edited store: changed ones replaced, merged or deleted ones removed, new ones added where they are named.

use super::{File, documents};
use crate::store::Store;
use serde_json::Value;
use std::collections::{BTreeSet, HashSet};

/// Brings the actor definitions of every document up to the edited store: a changed
/// actor's definition replaced, a merged or deleted one removed, an actor the store has
/// that no file defines added where it is named (else to the first document).
pub(super) fn sync_actors(files: &mut [File], store: &Store) -> Vec<bool> {
    let mut changed = vec![false; files.len()];
    let mut defined: HashSet<String> = HashSet::new();
    for (f, file) in files.iter_mut().enumerate() {
        for v in &mut file.values {
            for doc in documents(v) {
                let Some(list) = doc.get_mut("actors").and_then(Value::as_array_mut) else {
                    continue;
                };
                let before = list.clone();
                list.retain_mut(|a| {
                    let id = a
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string();
                    match store.actor_by_key(&id) {
                        Some(k) => {
                            let now = crate::export::actor_value(store.actor(k));
                            if !same_actor(a, &now) {
                                *a = now;
                            }
                            defined.insert(id);
                            true
                        }
                        None => false,
                    }
                });
                changed[f] |= *list != before;
            }
        }
    }
    let missing: BTreeSet<&str> = store
        .actors
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| !defined.contains(*id))
        .collect();
    for id in missing {
        let value =
            crate::export::actor_value(store.actor(store.actor_by_key(id).expect("listed")));
        let named = |doc: &Value| {
            doc.get("statements")
                .and_then(Value::as_array)
                .is_some_and(|l| l.iter().any(|s| crate::edit::actors_named(s).contains(&id)))
        };
        let mut placed = false;
        'files: for (f, file) in files.iter_mut().enumerate() {
            for v in &mut file.values {
                for doc in documents(v) {
                    if named(doc) {
                        push_actor(doc, &value);
                        changed[f] = true;
                        placed = true;
                        break 'files;
                    }
                }
            }
        }
        if !placed
            && let Some(file) = files.first_mut()
            && let Some(v) = file.values.first_mut()
            && let Some(doc) = documents(v).into_iter().next()
        {
            push_actor(doc, &value);
            changed[0] = true;
        }
    }
    changed
}

/// Whether a definition as written says what the store's does (fields the writer leaves
/// empty may be missing).
fn same_actor(written: &Value, now: &Value) -> bool {
    let Some(now) = now.as_object() else {
        return false;
    };
    now.iter().all(|(k, v)| {
        let w = written.get(k).unwrap_or(&Value::Null);
        w == v
            || (v.is_null() || v.as_array().is_some_and(Vec::is_empty))
                && (w.is_null() || w.as_array().is_some_and(Vec::is_empty))
    })
}

fn push_actor(doc: &mut Value, actor: &Value) {
    if doc.get("actors").and_then(Value::as_array).is_none() {
        doc["actors"] = Value::Array(Vec::new());
    }
    if let Some(list) = doc["actors"].as_array_mut() {
        list.push(actor.clone());
    }
}
