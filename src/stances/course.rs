//! One actor's positions over time: each topic's statements in date order, with where the stance changed.

use super::matrix::By;
use crate::model::{ActorId, Stance, StatementId, TopicId};
use crate::store::Store;

/// One statement of the actor on a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub id: StatementId,
    pub stance: Stance,
    /// The stance differs from the one the actor took before on this topic.
    pub changed: bool,
    /// With `changed`: the two statements' possible dates overlap, so which came
    /// first is not known.
    pub order_uncertain: bool,
}

/// A topic with the actor's statements on it, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Course {
    pub topic: TopicId,
    pub steps: Vec<Step>,
}

/// The positions `actor` takes among `ids` (ascending; counted `by` principal or
/// speaker), topics with the most statements first, then by name; statements in
/// store (date) order. Neutral statements are kept and count as a stance. Costs the
/// actor's statements, not all of `ids`: it runs on a keystroke.
pub fn course(store: &Store, ids: &[StatementId], actor: ActorId, by: By) -> Vec<Course> {
    let mut topics: Vec<Course> = Vec::new();
    let theirs = store
        .involving(actor)
        .into_iter()
        .filter(|id| ids.binary_search(id).is_ok() && by.actor(store, *id) == actor);
    for id in theirs {
        for t in store.topics_of(id) {
            let i = match topics.iter().position(|c| c.topic == t.topic) {
                Some(i) => i,
                None => {
                    topics.push(Course {
                        topic: t.topic,
                        steps: Vec::new(),
                    });
                    topics.len() - 1
                }
            };
            let before = topics[i].steps.last().copied();
            let changed = before.is_some_and(|b| b.stance != t.stance);
            let order_uncertain = changed
                && before
                    .is_some_and(|b| store.day_range(b.id).latest >= store.day_range(id).earliest);
            topics[i].steps.push(Step {
                id,
                stance: t.stance,
                changed,
                order_uncertain,
            });
        }
    }
    topics.sort_by(|a, b| {
        b.steps
            .len()
            .cmp(&a.steps.len())
            .then_with(|| store.topic(a.topic).cmp(store.topic(b.topic)))
    });
    topics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_stance_is_marked_on_the_later_statement() {
        let loaded = crate::bundled::load();
        let store = &loaded.store;
        let ids: Vec<_> = store.all_ids().collect();
        let putin = store.actor_by_key("putin").expect("putin in the seed");
        let topics = course(store, &ids, putin, By::Principal);
        assert!(!topics.is_empty());
        for c in &topics {
            assert!(c.steps.windows(2).all(|w| w[0].id < w[1].id));
            assert!(!c.steps[0].changed);
            for w in c.steps.windows(2) {
                assert_eq!(w[1].changed, w[0].stance != w[1].stance);
            }
        }
        let lens: Vec<usize> = topics.iter().map(|c| c.steps.len()).collect();
        assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{lens:?}");
    }
}
