//! The network both graph exports write, as plain nodes and edges with typed attributes and date spells: actor-topic (two-mode) or actor-actor (congruence and conflict).

mod pairs;
mod spells;

pub use spells::Spell;

use crate::model::{Actor, ActorId, StatementId, TopicId};
use crate::stances::{By, Cell, cells};
use crate::store::Store;
use std::collections::BTreeMap;

/// Which network a graph export writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Kind {
    /// Actors and topics as nodes; an edge per actor and topic with the stance counts.
    #[default]
    ActorTopic,
    /// Actors as nodes; two are linked by the topics they agree on (congruence) and
    /// take opposite stances on (conflict).
    ActorActor,
}

/// The network to build: which, and whose position a statement counts for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    pub kind: Kind,
    pub by: By,
}

/// An attribute's type, as the formats declare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Text,
    Int,
}

/// Declared attributes: name and type.
pub type Keys = &'static [(&'static str, Type)];

pub struct Node {
    pub id: String,
    pub label: String,
    pub values: Vec<(&'static str, String)>,
}

pub struct Edge {
    pub source: String,
    pub target: String,
    pub weight: u32,
    pub values: Vec<(&'static str, String)>,
    /// The days its statements can stand for, apart and in order.
    pub spells: Vec<Spell>,
}

/// A network ready to write: every attribute declared, then nodes and edges.
pub struct Graph {
    pub node_keys: Keys,
    pub edge_keys: Keys,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

pub const NODE_KEYS: Keys = &[
    ("node_kind", Type::Text),
    ("actor_id", Type::Text),
    ("actor_kind", Type::Text),
    ("role", Type::Text),
    ("affiliation", Type::Text),
    ("country", Type::Text),
    ("node_statements", Type::Int),
];

const TOPIC_EDGE_KEYS: Keys = &[
    ("supports", Type::Int),
    ("opposes", Type::Int),
    ("neutral", Type::Int),
    ("edge_statements", Type::Int),
    ("stance", Type::Text),
];

impl Graph {
    /// The network `spec` asks for over `ids`.
    pub fn of(store: &Store, ids: &[StatementId], spec: Spec) -> Graph {
        let found = cells(store, ids, spec.by);
        let spells = spells::of(store, ids, spec.by);
        match spec.kind {
            Kind::ActorTopic => actor_topic(store, &found, &spells),
            Kind::ActorActor => pairs::actor_actor(store, &found, &spells),
        }
    }
}

/// Statements per actor and per topic, over the cells.
fn totals(found: &[Cell]) -> (BTreeMap<ActorId, u32>, BTreeMap<TopicId, u32>) {
    let mut actors: BTreeMap<ActorId, u32> = BTreeMap::new();
    let mut topics: BTreeMap<TopicId, u32> = BTreeMap::new();
    for c in found {
        *actors.entry(c.actor).or_default() += c.total();
        *topics.entry(c.topic).or_default() += c.total();
    }
    (actors, topics)
}

fn actor_topic(store: &Store, found: &[Cell], spells: &spells::Spells) -> Graph {
    let (actors, topics) = totals(found);
    let mut nodes: Vec<Node> = actors
        .iter()
        .map(|(&a, &n)| actor_node(store, a, n))
        .collect();
    nodes.extend(topics.iter().map(|(&t, &n)| Node {
        id: topic_id(store, t),
        label: store.topic(t).to_string(),
        values: vec![
            ("node_kind", "topic".into()),
            ("node_statements", n.to_string()),
        ],
    }));
    let edges = found
        .iter()
        .map(|c| Edge {
            source: actor_id(store, c.actor),
            target: topic_id(store, c.topic),
            weight: c.total(),
            values: vec![
                ("supports", c.counts[0].to_string()),
                ("opposes", c.counts[1].to_string()),
                ("neutral", c.counts[2].to_string()),
                ("edge_statements", c.total().to_string()),
                ("stance", combined(c.counts).into()),
            ],
            spells: spells.get(c.actor, c.topic).to_vec(),
        })
        .collect();
    Graph {
        node_keys: NODE_KEYS,
        edge_keys: TOPIC_EDGE_KEYS,
        nodes,
        edges,
    }
}

pub fn actor_id(store: &Store, a: ActorId) -> String {
    format!("actor:{}", store.actor(a).id)
}

pub fn topic_id(store: &Store, t: TopicId) -> String {
    format!("topic:{}", store.topic(t))
}

/// An actor's node: its attributes (those it has) and statement count.
fn actor_node(store: &Store, a: ActorId, statements: u32) -> Node {
    let actor: &Actor = store.actor(a);
    let mut values = vec![
        ("node_kind", "actor".to_string()),
        ("actor_id", actor.id.clone()),
        ("actor_kind", actor.kind.as_str().to_string()),
    ];
    for (key, value) in [
        ("role", &actor.role),
        ("affiliation", &actor.affiliation),
        ("country", &actor.country),
    ] {
        if let Some(v) = value {
            values.push((key, v.clone()));
        }
    }
    values.push(("node_statements", statements.to_string()));
    Node {
        id: actor_id(store, a),
        label: actor.name.clone(),
        values,
    }
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
