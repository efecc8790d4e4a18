//! Shifts: one actor's consecutive statements on one topic whose stances differ, with whether their order is certain.

use super::matrix::By;
use crate::model::{ActorId, Stance, StatementId, TopicId};
use crate::store::{DayRange, Store};
use foldhash::{HashMap, HashMapExt};

/// One change of position: `earlier`, then `later`, by `actor` on `topic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub actor: ActorId,
    pub topic: TopicId,
    pub earlier: (StatementId, Stance),
    pub later: (StatementId, Stance),
    /// False when the two statements' possible dates overlap: which came first is
    /// then not known, only the order the store sorted them in.
    pub order_certain: bool,
}

/// The shifts among `ids`, each actor counted `by` principal or speaker; with
/// `include_neutral`, changes to and from neutral too (otherwise neutral statements
/// are passed over). Undated statements are left out: they cannot be ordered.
/// Newest first: by the latest possible day of the later statement, then actor
/// name, topic name and ids.
pub fn shifts(store: &Store, ids: &[StatementId], by: By, include_neutral: bool) -> Vec<Shift> {
    let mut sorted;
    let ids = if ids.is_sorted() {
        ids
    } else {
        sorted = ids.to_vec();
        sorted.sort_unstable();
        &sorted
    };
    // Each actor and topic's last statement so far, in store (date) order.
    let mut last: HashMap<(ActorId, TopicId), (StatementId, Stance)> = HashMap::new();
    let mut out = Vec::new();
    for &id in ids {
        if store.day_range(id) == DayRange::UNDATED {
            continue;
        }
        let actor = by.actor(store, id);
        for t in store.topics_of(id) {
            if t.stance == Stance::Neutral && !include_neutral {
                continue;
            }
            let now = (id, t.stance);
            match last.insert((actor, t.topic), now) {
                Some(before) if before.1 != t.stance && before.0 != id => out.push(Shift {
                    actor,
                    topic: t.topic,
                    earlier: before,
                    later: now,
                    order_certain: store.day_range(before.0).latest < store.day_range(id).earliest,
                }),
                _ => {}
            }
        }
    }
    out.sort_by(|a, b| {
        let latest = |s: &Shift| store.day_range(s.later.0).latest;
        let name = |s: &Shift| store.actor(s.actor).name.as_str();
        latest(b)
            .cmp(&latest(a))
            .then_with(|| name(a).cmp(name(b)))
            .then_with(|| a.actor.cmp(&b.actor))
            .then_with(|| store.topic(a.topic).cmp(store.topic(b.topic)))
            .then_with(|| a.later.0.cmp(&b.later.0))
    });
    out
}
