//! One actor met in several files: where its shared definition lives, how two definitions differ, and their names combined.

use crate::model::Actor;
use std::sync::Arc;

/// Adds `other`'s name and aliases to `actor`'s aliases where they are new.
pub(super) fn add_names(actor: &mut Actor, other: &Actor) {
    for name in other.names() {
        if name != actor.name && !actor.aliases.iter().any(|a| a == name) {
            actor.aliases.push(name.to_string());
        }
    }
}

/// Where a shared actor definition lives: the same for every article sharing it.
pub(super) fn address(actor: &Arc<Actor>) -> usize {
    Arc::as_ptr(actor) as usize
}

/// The names of the fields in which two definitions of one actor differ.
pub(super) fn differences(a: &Actor, b: &Actor) -> Vec<&'static str> {
    [
        ("name", a.name == b.name),
        ("aliases", a.aliases == b.aliases),
        ("kind", a.kind == b.kind),
        ("role", a.role == b.role),
        ("affiliation", a.affiliation == b.affiliation),
        ("country", a.country == b.country),
    ]
    .into_iter()
    .filter_map(|(field, same)| (!same).then_some(field))
    .collect()
}
