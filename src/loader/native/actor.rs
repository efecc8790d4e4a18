//! Actor definitions of the native format: checked once per thread, and shared when the same definition comes again.

use super::super::pending::{Pending, Position};
use super::super::raw::RawActor;
use super::owned;
use crate::model::{Actor, ActorKind};
use foldhash::{HashMap, HashMapExt};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// Actors already checked on this thread, by id. Actor definitions are copied into
    /// every article that uses them, so most are seen many times: an identical one
    /// shares the earlier allocation instead of being checked and built again.
    static CHECKED: RefCell<HashMap<String, Arc<Actor>>> = RefCell::new(HashMap::new());
}

/// Bounds [`CHECKED`] within one load (both caches are emptied when a load's parse ends,
/// see [`forget_checked_actors`]).
const CHECKED_LIMIT: usize = 100_000;

thread_local! {
    /// Actors already checked on this thread, by the exact JSON of their definition:
    /// a definition seen before is known from its bytes, without parsing its fields
    /// (actor definitions are a quarter of a typical corpus).
    static KNOWN: RefCell<HashMap<Box<str>, Arc<Actor>>> = RefCell::new(HashMap::new());
}

/// Bounds [`KNOWN`], whose keys are whole definitions.
const KNOWN_LIMIT: usize = 20_000;

/// Empties this thread's [`CHECKED`] and [`KNOWN`]: they serve one load, and a
/// browser's threads would otherwise keep them after it.
pub fn forget_checked_actors() {
    CHECKED.with(|checked| *checked.borrow_mut() = HashMap::new());
    KNOWN.with(|known| *known.borrow_mut() = HashMap::new());
}

/// Lets later definitions written exactly like `json` be known as `actor`.
pub(super) fn remember(json: &RawValue, actor: &Arc<Actor>) {
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if known.len() >= KNOWN_LIMIT {
            known.clear();
        }
        known.insert(json.get().into(), Arc::clone(actor));
    });
}

/// Checks an actor definition, or reuses an identical one checked before.
pub(super) fn shared_actor(at: &Position, raw: RawActor, out: &mut Pending) -> Option<Arc<Actor>> {
    let seen = CHECKED.with(|cache| {
        let cache = cache.borrow();
        let cached = cache.get(raw.id.as_deref()?)?;
        same_actor(&raw, cached).then(|| Arc::clone(cached))
    });
    if seen.is_some() {
        return seen;
    }
    let actor = Arc::new(check_actor(at, raw, out)?);
    CHECKED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CHECKED_LIMIT {
            cache.clear();
        }
        cache.insert(actor.id.clone(), Arc::clone(&actor));
    });
    Some(actor)
}

/// Whether `raw` would check into exactly `actor` (see [`check_actor`]).
fn same_actor(raw: &RawActor, actor: &Actor) -> bool {
    fn text<'s>(value: &'s Option<std::borrow::Cow<'_, str>>) -> Option<&'s str> {
        value.as_deref().filter(|v| !v.trim().is_empty())
    }
    let aliases = raw.aliases.as_deref().unwrap_or_default();
    text(&raw.id) == Some(actor.id.as_str())
        && text(&raw.name) == Some(actor.name.as_str())
        && raw.kind.as_deref().and_then(ActorKind::parse) == Some(actor.kind)
        && text(&raw.role) == actor.role.as_deref()
        && text(&raw.affiliation) == actor.affiliation.as_deref()
        && text(&raw.country) == actor.country.as_deref()
        && aliases
            .iter()
            .map(|a| a.as_ref())
            .filter(|a: &&str| !a.trim().is_empty())
            .eq(actor.aliases.iter().map(String::as_str))
}

fn check_actor(at: &Position, raw: RawActor, out: &mut Pending) -> Option<Actor> {
    let Some(id) = owned(raw.id) else {
        out.diagnostics
            .push(at.error("actor without `id`: expected a non-empty string; actor skipped"));
        return None;
    };
    let item = format!("actor {id}");
    let Some(name) = owned(raw.name) else {
        out.diagnostics.push(
            at.error("missing: expected the display name; actor skipped")
                .in_item(&item, "name"),
        );
        return None;
    };
    let kind = match raw.kind.as_deref().map(|k| (k, ActorKind::parse(k))) {
        Some((_, Some(kind))) => kind,
        Some((other, None)) => {
            out.diagnostics.push(
                at.error(format!(
                    "unknown kind {other:?}: expected one of {}; actor skipped",
                    ActorKind::expected()
                ))
                .in_item(&item, "kind"),
            );
            return None;
        }
        None => {
            out.diagnostics.push(
                at.error(format!(
                    "missing: expected one of {}; actor skipped",
                    ActorKind::expected()
                ))
                .in_item(&item, "kind"),
            );
            return None;
        }
    };
    Some(Actor {
        id,
        name,
        aliases: raw
            .aliases
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.into_owned())
            .filter(|a| !a.trim().is_empty())
            .collect(),
        kind,
        role: owned(raw.role),
        affiliation: owned(raw.affiliation),
        country: owned(raw.country),
    })
}

/// The actor checked before from a definition written exactly like `json`.
pub(super) fn known(json: &RawValue) -> Option<Arc<Actor>> {
    KNOWN.with(|known| known.borrow().get(json.get()).cloned())
}
