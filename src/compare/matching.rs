//! Matching two sets of statements over one text: exactly (the same pieces) and by overlap (one to one, the best overlaps first), with how often the matched agree on speaker, mode and date.

use super::{Counts, Options, Tally};
use crate::model::{ActorId, StatementId};
use crate::search::fold_name;
use crate::store::Store;
use std::collections::HashMap;

/// A statement's characters: its pieces, in order.
fn spans(store: &Store, id: StatementId) -> Vec<(u32, u32)> {
    match store.statement(id).discontinuous {
        Some(d) => d.chars.iter().map(|s| (s.start, s.end)).collect(),
        None => {
            let c = store.chars(id);
            vec![(c.start, c.end)]
        }
    }
}

fn length(spans: &[(u32, u32)]) -> u32 {
    spans.iter().map(|(a, b)| b - a).sum()
}

/// Characters two sets of pieces share.
fn shared(a: &[(u32, u32)], b: &[(u32, u32)]) -> u32 {
    let mut n = 0;
    for &(x0, x1) in a {
        for &(y0, y1) in b {
            n += x1.min(y1).saturating_sub(x0.max(y0));
        }
    }
    n
}

/// Whether two actors are the same one: the same id, or a name of one is a name or
/// alias of the other (ids of an extractor's actors are derived, not the gold's).
pub fn same_actor(gold: &Store, g: ActorId, pred: &Store, p: ActorId) -> bool {
    let (a, b) = (gold.actor(g), pred.actor(p));
    if a.id == b.id {
        return true;
    }
    let names = |x: &crate::model::Actor| -> Vec<String> { x.names().map(fold_name).collect() };
    let (na, nb) = (names(a), names(b));
    na.iter().any(|n| nb.contains(n))
}

/// What matching two sets of statements of one text found.
pub struct Matched {
    pub tally: Tally,
    /// Whether each statement of the second set was right (matched, same speaker).
    pub judged: Vec<(StatementId, bool)>,
    /// The pairs matched by overlap: (first set's, second set's).
    pub pairs: Vec<(StatementId, StatementId)>,
}

/// Compares two sets of statements over the same text (`gold_ids` of `gold` and
/// `pred_ids` of `pred`): one-to-one matches, the best overlaps first.
pub fn sets(
    gold: &Store,
    gold_ids: &[StatementId],
    pred: &Store,
    pred_ids: &[StatementId],
    opts: Options,
) -> Matched {
    let gs: Vec<(StatementId, Vec<(u32, u32)>)> =
        gold_ids.iter().map(|&id| (id, spans(gold, id))).collect();
    let ps: Vec<(StatementId, Vec<(u32, u32)>)> =
        pred_ids.iter().map(|&id| (id, spans(pred, id))).collect();
    // Exact: the same pieces, each statement used once.
    let mut exact_pool: HashMap<&[(u32, u32)], usize> = HashMap::new();
    for (_, s) in &gs {
        *exact_pool.entry(s.as_slice()).or_default() += 1;
    }
    let mut exact = 0;
    for (_, s) in &ps {
        if let Some(n) = exact_pool.get_mut(s.as_slice())
            && *n > 0
        {
            *n -= 1;
            exact += 1;
        }
    }
    // Overlap: every pair over the threshold, best first, each statement used once.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (_, a)) in gs.iter().enumerate() {
        for (j, (_, b)) in ps.iter().enumerate() {
            let shorter = length(a).min(length(b));
            let common = shared(a, b);
            if shorter > 0 && common > 0 && f64::from(common) / f64::from(shorter) >= opts.overlap {
                candidates.push((
                    f64::from(common) / f64::from(length(a).max(length(b))),
                    i,
                    j,
                ));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_g, mut used_p) = (vec![false; gs.len()], vec![false; ps.len()]);
    let mut c = Counts {
        gold: gs.len(),
        pred: ps.len(),
        exact,
        ..Counts::default()
    };
    // Whether each predicted statement is right: matched, with the right speaker.
    let mut right = vec![false; ps.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        pairs.push((gs[i].0, ps[j].0));
        c.overlap += 1;
        let (a, b) = (gold.statement(gs[i].0), pred.statement(ps[j].0));
        let speaker = same_actor(gold, a.speaker, pred, b.speaker);
        right[j] = speaker;
        c.speaker += usize::from(speaker);
        c.mode += usize::from(a.mode == b.mode);
        c.date += usize::from(a.date == b.date);
    }
    let judged = ps.iter().zip(right).map(|((id, _), r)| (*id, r)).collect();
    Matched {
        tally: Tally::new(c),
        judged,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_count_by_their_union() {
        // Two pieces of 10 against one span covering the second and 5 more.
        let gold = [(0, 10), (20, 30)];
        let pred = [(20, 35)];
        assert_eq!(shared(&gold, &pred), 10);
        assert_eq!(length(&gold), 20);
        assert_eq!(shared(&pred, &gold), shared(&gold, &pred));
        assert_eq!(
            shared(&[(0, 5)], &[(5, 9)]),
            0,
            "touching is not overlapping"
        );
    }
}
