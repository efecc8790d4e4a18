//! The stance matrix: statements per actor and topic by stance, counted for the principal or the speaker.

use crate::model::{ActorId, Stance, StatementId, TopicId};
use crate::store::Store;
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

/// Whose position a statement counts for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum By {
    /// The one spoken for (the president a spokesperson speaks for, the state a
    /// ministry speaks for); the speaker when nobody else is.
    #[default]
    Principal,
    /// The one who spoke.
    Speaker,
}

impl By {
    /// The actor statement `id` counts for.
    pub fn actor(self, store: &Store, id: StatementId) -> ActorId {
        let (speaker, principal) = store.parties_of(id);
        match self {
            By::Principal => principal.unwrap_or(speaker),
            By::Speaker => speaker,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            By::Principal => "principal",
            By::Speaker => "speaker",
        }
    }
}

/// Statements on one topic by one actor, indexed like [`Stance::ALL`]: supports,
/// opposes, neutral.
pub type Counts = [u32; 3];

/// One non-empty cell of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub actor: ActorId,
    pub topic: TopicId,
    pub counts: Counts,
}

impl Cell {
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// Index of `stance` in [`Counts`].
pub fn side(stance: Stance) -> usize {
    match stance {
        Stance::Supports => 0,
        Stance::Opposes => 1,
        Stance::Neutral => 2,
    }
}

/// Statements below this many are counted on one thread.
const PARALLEL_FROM: usize = 50_000;

/// Every actor and topic with at least one statement among `ids`, counted `by`
/// principal or speaker; ordered by actor name, then topic name (then ids, so the
/// order is stable whatever the names).
pub fn cells(store: &Store, ids: &[StatementId], by: By) -> Vec<Cell> {
    let count = |chunk: &[StatementId]| {
        let mut tally: HashMap<(ActorId, TopicId), Counts> = HashMap::new();
        for &id in chunk {
            let actor = by.actor(store, id);
            for t in store.topics_of(id) {
                tally.entry((actor, t.topic)).or_default()[side(t.stance)] += 1;
            }
        }
        tally
    };
    let tally = if ids.len() < PARALLEL_FROM {
        count(ids)
    } else {
        ids.par_chunks(PARALLEL_FROM / 2)
            .map(count)
            .reduce(HashMap::new, |mut a, b| {
                for (key, c) in b {
                    let into = a.entry(key).or_default();
                    for i in 0..3 {
                        into[i] += c[i];
                    }
                }
                a
            })
    };
    let mut cells: Vec<Cell> = tally
        .into_iter()
        .map(|((actor, topic), counts)| Cell {
            actor,
            topic,
            counts,
        })
        .collect();
    cells.sort_unstable_by(|a, b| {
        let name = |c: &Cell| store.actor(c.actor).name.as_str();
        name(a)
            .cmp(name(b))
            .then_with(|| a.actor.cmp(&b.actor))
            .then_with(|| store.topic(a.topic).cmp(store.topic(b.topic)))
            .then_with(|| a.topic.cmp(&b.topic))
    });
    cells
}
