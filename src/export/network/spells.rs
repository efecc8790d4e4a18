//! When each actor spoke on each topic: the days their dated statements can stand for, overlapping ones merged, as GEXF spells.

use crate::model::{ActorId, StatementId, TopicId};
use crate::stances::By;
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A date's days: `None` is unbounded on that side.
pub type Spell = (Option<NaiveDate>, Option<NaiveDate>);

/// Each actor and topic's spells, apart and in order.
pub struct Spells(BTreeMap<(ActorId, TopicId), Vec<Spell>>);

impl Spells {
    pub fn get(&self, actor: ActorId, topic: TopicId) -> &[Spell] {
        self.0.get(&(actor, topic)).map_or(&[], Vec::as_slice)
    }
}

/// The spells of `ids`, each statement counted `by` principal or speaker.
pub fn of(store: &Store, ids: &[StatementId], by: By) -> Spells {
    let mut all: BTreeMap<(ActorId, TopicId), Vec<Spell>> = BTreeMap::new();
    for &id in ids {
        let Some(date) = store.date_or_published(id) else {
            continue;
        };
        let actor = by.actor(store, id);
        for t in store.topics_of(id) {
            all.entry((actor, t.topic))
                .or_default()
                .push((date.earliest(), date.latest()));
        }
    }
    for list in all.values_mut() {
        *list = merged(std::mem::take(list));
    }
    Spells(all)
}

/// Spells sorted by start, overlapping or touching ones joined.
pub fn merged(mut list: Vec<Spell>) -> Vec<Spell> {
    list.sort();
    let mut out: Vec<Spell> = Vec::with_capacity(list.len());
    for (start, end) in list {
        match out.last_mut() {
            Some(last)
                if last.1.is_none()
                    || start
                        .is_none_or(|s| last.1.is_some_and(|e| s <= e.succ_opt().unwrap_or(e))) =>
            {
                last.1 = match (last.1, end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push((start, end)),
        }
    }
    out
}
