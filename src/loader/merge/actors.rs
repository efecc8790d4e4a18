//! The corpus's actors as articles are merged: one id per actor, the first definition kept, inferred names folded into it.

use crate::diagnostic::Diagnostic;
use crate::loader::pending::PendingDoc;
use crate::model::{Actor, ActorId};
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

/// Every actor defined so far, numbered in order of first definition.
#[derive(Default)]
pub(super) struct Registry {
    shared: Vec<Arc<Actor>>,
    /// Ids by actor key.
    pub ids: HashMap<String, ActorId>,
    /// The first definitions by address: most articles share them (see `native`), and
    /// a shared one is known without reading (or hashing) its id.
    pub by_address: HashMap<usize, ActorId>,
    /// The source each actor was first defined in.
    origin: Vec<String>,
    /// Whether each actor so far was only inferred by an importer from a name.
    inferred: Vec<bool>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry {
            ids: HashMap::new(),
            by_address: HashMap::new(),
            ..Registry::default()
        }
    }

    /// Adds the actors of `doc` (from source `here`), warning of one defined
    /// differently before.
    pub fn admit(&mut self, doc: &PendingDoc, here: &str, diagnostics: &mut Vec<Diagnostic>) {
        for actor in &doc.actors {
            if self.by_address.contains_key(&address(actor)) {
                continue;
            }
            let Some(&existing) = self.ids.get(&actor.id) else {
                self.first(actor, here, doc.inferred.contains(&actor.id));
                continue;
            };
            let i = existing.index();
            if doc.inferred.contains(&actor.id) {
                add_names(Arc::make_mut(&mut self.shared[i]), actor);
            } else if self.inferred[i] {
                let mut defined = Actor::clone(actor);
                add_names(&mut defined, &self.shared[i]);
                self.shared[i] = Arc::new(defined);
                self.inferred[i] = false;
            } else if !Arc::ptr_eq(&self.shared[i], actor) {
                // Identical definitions are usually one shared allocation; the others
                // are compared once.
                self.compare(existing, actor, doc, diagnostics);
            }
        }
    }

    /// Numbers an actor met for the first time.
    fn first(&mut self, actor: &Arc<Actor>, here: &str, inferred: bool) {
        let id = ActorId(self.shared.len() as u32);
        self.ids.insert(actor.id.clone(), id);
        self.by_address.insert(address(actor), id);
        self.origin.push(here.to_string());
        self.shared.push(Arc::clone(actor));
        self.inferred.push(inferred);
    }

    /// A second definition of `existing`: warned of if it differs.
    fn compare(
        &mut self,
        existing: ActorId,
        actor: &Arc<Actor>,
        doc: &PendingDoc,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let differing = differences(&self.shared[existing.index()], actor);
        if differing.is_empty() {
            // An identical definition in another allocation (each parsing thread shares
            // its own): known by address from now on, instead of being looked up and
            // compared again in every article.
            self.by_address.insert(address(actor), existing);
            return;
        }
        diagnostics.push(
            Diagnostic::at(
                &doc.file,
                doc.line,
                None,
                format!(
                    "defined differently in {} ({} differ); the first definition is kept",
                    self.origin[existing.index()],
                    differing.join(", ")
                ),
            )
            .in_item(&format!("actor {}", actor.id), "id")
            .warning(),
        );
    }

    /// The actors, in id order.
    pub fn into_actors(
        self,
    ) -> (
        Vec<Actor>,
        HashMap<String, ActorId>,
        HashMap<usize, ActorId>,
    ) {
        let actors = self.shared.into_iter().map(Arc::unwrap_or_clone).collect();
        (actors, self.ids, self.by_address)
    }
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
pub(super) fn address(actor: &Arc<Actor>) -> usize {
    Arc::as_ptr(actor) as usize
}

/// The names of the fields in which two definitions of one actor differ.
fn differences(a: &Actor, b: &Actor) -> Vec<&'static str> {
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
