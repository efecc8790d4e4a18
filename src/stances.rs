//! Who supports, opposes or is neutral on what: each topic's sides (`demarche topics`), the stance matrix (`stances`), the shifts (`shifts`) and one actor's course.

mod course;
mod grid;
mod matrix;
mod shifts;

pub use course::{Course, Step, course};
pub use grid::{Band, ColOrder, Grid, RowOrder};
pub use matrix::{By, Cell, Counts, cells, side};
pub use shifts::{Shift, shifts};

use crate::model::{ActorId, Stance, StatementId, TopicId};
use crate::store::Store;
use std::collections::BTreeMap;

/// One topic with the actors on each side and how many statements put them there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicSides {
    pub topic: TopicId,
    pub statements: usize,
    /// Indexed like [`Stance::ALL`]: supports, opposes, neutral; most statements first.
    pub sides: [Vec<(ActorId, usize)>; 3],
}

/// Sides per topic over `ids`, topics with the most statements first.
pub fn sides(store: &Store, ids: &[StatementId]) -> Vec<TopicSides> {
    let mut tally: BTreeMap<TopicId, (usize, [BTreeMap<ActorId, usize>; 3])> = BTreeMap::new();
    for &id in ids {
        let who = By::Principal.actor(store, id);
        for t in store.topics_of(id) {
            let entry = tally.entry(t.topic).or_default();
            entry.0 += 1;
            let side = Stance::ALL.iter().position(|s| *s == t.stance).unwrap_or(2);
            *entry.1[side].entry(who).or_default() += 1;
        }
    }
    let mut rows: Vec<TopicSides> = tally
        .into_iter()
        .map(|(topic, (statements, sides))| TopicSides {
            topic,
            statements,
            sides: sides.map(|side| {
                let mut v: Vec<(ActorId, usize)> = side.into_iter().collect();
                v.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| store.actor(a.0).name.cmp(&store.actor(b.0).name))
                });
                v
            }),
        })
        .collect();
    rows.sort_by(|a, b| {
        b.statements
            .cmp(&a.statements)
            .then_with(|| store.topic(a.topic).cmp(store.topic(b.topic)))
    });
    rows
}

/// An actor found on both sides of one topic, with its statements on each and the
/// balance (supports minus opposes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mixed {
    pub actor: ActorId,
    pub supports: usize,
    pub opposes: usize,
}

impl Mixed {
    /// Supports minus opposes: positive leans for, negative against.
    pub fn net(&self) -> i64 {
        self.supports as i64 - self.opposes as i64
    }
}

impl TopicSides {
    /// The actors who both support and oppose this topic, most statements first.
    pub fn mixed(&self) -> Vec<Mixed> {
        let mut out: Vec<Mixed> = self.sides[0]
            .iter()
            .filter_map(|&(actor, supports)| {
                let opposes = self.sides[1].iter().find(|(a, _)| *a == actor)?.1;
                Some(Mixed {
                    actor,
                    supports,
                    opposes,
                })
            })
            .collect();
        out.sort_by_key(|m| std::cmp::Reverse(m.supports + m.opposes));
        out
    }

    /// Statements on this topic by `actor` with each stance, indexed like [`Stance::ALL`].
    pub fn counts_of(&self, actor: ActorId) -> [usize; 3] {
        self.sides
            .each_ref()
            .map(|side| side.iter().find(|(a, _)| *a == actor).map_or(0, |p| p.1))
    }
}
