//! The actor-topic network both graph exports write: its nodes with statement counts, its edges (the stance matrix's cells), and their attribute values.

use crate::model::{Actor, ActorId, StatementId, TopicId};
use crate::stances::{By, Cell, cells};
use crate::store::Store;
use std::collections::BTreeMap;

/// Actors and topics (with their statement counts) and one edge per actor and topic,
/// each statement counted for its principal.
pub struct Network {
    pub edges: Vec<Cell>,
    pub actors: BTreeMap<ActorId, u32>,
    pub topics: BTreeMap<TopicId, u32>,
}

impl Network {
    pub fn of(store: &Store, ids: &[StatementId]) -> Network {
        let edges = cells(store, ids, By::Principal);
        let mut actors: BTreeMap<ActorId, u32> = BTreeMap::new();
        let mut topics: BTreeMap<TopicId, u32> = BTreeMap::new();
        for c in &edges {
            *actors.entry(c.actor).or_default() += c.total();
            *topics.entry(c.topic).or_default() += c.total();
        }
        Network {
            edges,
            actors,
            topics,
        }
    }
}

pub fn actor_node(store: &Store, a: ActorId) -> String {
    format!("actor:{}", store.actor(a).id)
}

pub fn topic_node(store: &Store, t: TopicId) -> String {
    format!("topic:{}", store.topic(t))
}

/// An actor node's attribute values (those it has), without its label and count.
pub fn actor_values(actor: &Actor) -> Vec<(&'static str, &str)> {
    let mut values = vec![
        ("node_kind", "actor"),
        ("actor_id", actor.id.as_str()),
        ("actor_kind", actor.kind.as_str()),
    ];
    for (key, value) in [
        ("role", &actor.role),
        ("affiliation", &actor.affiliation),
        ("country", &actor.country),
    ] {
        if let Some(v) = value {
            values.push((key, v.as_str()));
        }
    }
    values
}

/// An edge's counts as text: supports, opposes, neutral, all statements.
pub fn edge_counts(c: &Cell) -> [String; 4] {
    let [s, o, n] = c.counts.map(|v| v.to_string());
    [s, o, n, c.total().to_string()]
}

/// How an actor's statements on a topic combine (as DNA's `combine` qualifier does):
/// `support`, `oppose`, `mixed` (both), or `neutral` (neither).
pub fn combined(counts: [u32; 3]) -> &'static str {
    match (counts[0] > 0, counts[1] > 0) {
        (true, false) => "support",
        (false, true) => "oppose",
        (true, true) => "mixed",
        (false, false) => "neutral",
    }
}
