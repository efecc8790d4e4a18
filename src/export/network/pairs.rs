//! The actor-actor network: two actors are linked by the topics on which both take the same side (congruence) and those on which they take opposite sides (conflict), as in Discourse Network Analyzer's congruence and conflict networks.

use super::spells::{Spells, merged};
use super::{Edge, Graph, Keys, NODE_KEYS, Type, actor_id, actor_node, totals};
use crate::model::{ActorId, TopicId};
use crate::stances::Cell;
use crate::store::Store;
use std::collections::{BTreeMap, BTreeSet};

const EDGE_KEYS: Keys = &[
    ("congruence", Type::Int),
    ("conflict", Type::Int),
    ("relation", Type::Text),
    ("congruence_topics", Type::Text),
    ("conflict_topics", Type::Text),
];

/// The topics behind one tie: those agreed on, those disagreed on.
type Tie = (BTreeSet<TopicId>, BTreeSet<TopicId>);

/// Every pair in `actors` once, smaller id first.
fn pairs(actors: &[ActorId]) -> impl Iterator<Item = (ActorId, ActorId)> + '_ {
    actors
        .iter()
        .enumerate()
        .flat_map(move |(i, &a)| actors[i + 1..].iter().map(move |&b| ordered(a, b)))
}

fn ordered(a: ActorId, b: ActorId) -> (ActorId, ActorId) {
    if a < b { (a, b) } else { (b, a) }
}

/// Each actor who spoke on a topic is a node, ties or not; an edge per pair of actors
/// with at least one topic in common on a side. Neutral statements make no tie. An
/// actor with both stances on a topic agrees with each side there and conflicts with
/// each side too. Weight: congruence + conflict (topics); spells: when either spoke on
/// a topic behind the tie.
pub fn actor_actor(store: &Store, found: &[Cell], spells: &Spells) -> Graph {
    let (actors, _) = totals(found);
    let nodes = actors
        .iter()
        .map(|(&a, &n)| actor_node(store, a, n))
        .collect();
    let mut sides: BTreeMap<TopicId, [Vec<ActorId>; 2]> = BTreeMap::new();
    for c in found {
        let entry = sides.entry(c.topic).or_default();
        for (side, &count) in entry.iter_mut().zip(&c.counts[..2]) {
            if count > 0 {
                side.push(c.actor);
            }
        }
    }
    let mut ties: BTreeMap<(ActorId, ActorId), Tie> = BTreeMap::new();
    for (&topic, [supporters, opponents]) in &sides {
        for pair in pairs(supporters).chain(pairs(opponents)) {
            ties.entry(pair).or_default().0.insert(topic);
        }
        for &a in supporters {
            for &b in opponents.iter().filter(|&&b| b != a) {
                ties.entry(ordered(a, b)).or_default().1.insert(topic);
            }
        }
    }
    let edges = ties
        .into_iter()
        .map(|((a, b), (agree, disagree))| edge(store, spells, a, b, &agree, &disagree))
        .collect();
    Graph {
        node_keys: NODE_KEYS,
        edge_keys: EDGE_KEYS,
        nodes,
        edges,
    }
}

fn edge(
    store: &Store,
    spells: &Spells,
    a: ActorId,
    b: ActorId,
    agree: &BTreeSet<TopicId>,
    disagree: &BTreeSet<TopicId>,
) -> Edge {
    let names = |set: &BTreeSet<TopicId>| {
        let mut v: Vec<&str> = set.iter().map(|&t| store.topic(t)).collect();
        v.sort_unstable();
        v.join("; ")
    };
    let relation = match (agree.is_empty(), disagree.is_empty()) {
        (false, true) => "congruence",
        (true, false) => "conflict",
        _ => "both",
    };
    let when = agree
        .union(disagree)
        .flat_map(|&t| spells.get(a, t).iter().chain(spells.get(b, t)))
        .copied()
        .collect();
    Edge {
        source: actor_id(store, a),
        target: actor_id(store, b),
        weight: (agree.len() + disagree.len()) as u32,
        values: vec![
            ("congruence", agree.len().to_string()),
            ("conflict", disagree.len().to_string()),
            ("relation", relation.into()),
            ("congruence_topics", names(agree)),
            ("conflict_topics", names(disagree)),
        ],
        spells: merged(when),
    }
}
