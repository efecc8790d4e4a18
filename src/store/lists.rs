//! Statement lists by actor, article or topic, all in one buffer (no vector, and no spare capacity, per list), and the five indices built from the rows.

use super::rows::Rows;
use crate::model::StatementId;

/// Group `g`'s statements are `items[starts[g]..starts[g + 1]]`, ascending.
#[derive(Debug, Default)]
pub struct Lists {
    starts: Vec<u32>,
    items: Vec<StatementId>,
}

impl Lists {
    /// The lists of `groups` groups over statements `0..n`: `groups_of(i, emit)` emits
    /// the groups statement `i` belongs to, each once.
    pub fn build(
        groups: usize,
        n: usize,
        groups_of: impl Fn(usize, &mut dyn FnMut(usize)),
    ) -> Lists {
        let mut starts = vec![0u32; groups + 1];
        for i in 0..n {
            groups_of(i, &mut |g| starts[g + 1] += 1);
        }
        for g in 0..groups {
            starts[g + 1] += starts[g];
        }
        let mut next = starts.clone();
        let mut items = vec![StatementId(0); starts[groups] as usize];
        for i in 0..n {
            groups_of(i, &mut |g| {
                items[next[g] as usize] = StatementId(i as u32);
                next[g] += 1;
            });
        }
        Lists { starts, items }
    }

    /// Group `g`'s statements, ascending.
    pub fn get(&self, g: usize) -> &[StatementId] {
        &self.items[self.starts[g] as usize..self.starts[g + 1] as usize]
    }
}

/// The per-speaker, per-principal, per-article, per-topic and per-addressee lists.
pub(super) fn index_statements(
    rows: &Rows,
    actors: usize,
    articles: usize,
    topics: usize,
) -> (Lists, Lists, Lists, Lists, Lists) {
    let n = rows.len();
    let ((by_speaker, by_principal), (by_article, (by_topic, by_addressee))) = rayon::join(
        || {
            rayon::join(
                || Lists::build(actors, n, |i, emit| emit(rows.parties[i][0] as usize)),
                || {
                    Lists::build(actors, n, |i, emit| {
                        let principal = rows.parties[i][1];
                        if principal != u32::MAX {
                            emit(principal as usize);
                        }
                    })
                },
            )
        },
        || {
            rayon::join(
                || Lists::build(articles, n, |i, emit| emit(rows.articles[i].index())),
                || {
                    rayon::join(
                        || {
                            Lists::build(topics, n, |i, emit| {
                                let list = rows.topics(StatementId(i as u32));
                                for (k, t) in list.iter().enumerate() {
                                    if !list[..k].iter().any(|u| u.topic == t.topic) {
                                        emit(t.topic.index());
                                    }
                                }
                            })
                        },
                        || {
                            Lists::build(actors, n, |i, emit| {
                                let list = rows.addressees(StatementId(i as u32));
                                for (k, a) in list.iter().enumerate() {
                                    if !list[..k].contains(a) {
                                        emit(a.index());
                                    }
                                }
                            })
                        },
                    )
                },
            )
        },
    );
    (by_speaker, by_principal, by_article, by_topic, by_addressee)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_lists_its_statements_in_order() {
        let speakers = [2, 0, 2, 2, 1];
        let lists = Lists::build(4, speakers.len(), |i, emit| emit(speakers[i]));
        let ids = |v: &[u32]| v.iter().map(|&i| StatementId(i)).collect::<Vec<_>>();
        assert_eq!(lists.get(0), ids(&[1]));
        assert_eq!(lists.get(1), ids(&[4]));
        assert_eq!(lists.get(2), ids(&[0, 2, 3]));
        assert!(lists.get(3).is_empty());
    }
}
