//! Two codings of the same articles compared statement by statement: matched by span (exactly, and by overlap), with precision, recall and F1, and how often matched statements agree on speaker and mode. Serves `demarche eval` (gold against an extractor) and, as well, one annotator against another.

pub mod calibration;

use crate::model::{ActorId, ArticleId, StatementId};
use crate::search::fold_name;
use crate::store::Store;
use serde::Serialize;
use std::collections::HashMap;

/// How statements are matched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Two statements match by overlap when the characters they share are at least
    /// this share of the shorter one (0 to 1).
    pub overlap: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { overlap: 0.5 }
    }
}

/// Precision, recall and F1 of one way of matching.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn of(matched: usize, gold: usize, pred: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(matched, pred), ratio(matched, gold));
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            matched,
            precision,
            recall,
            f1,
        }
    }
}

/// The comparison of one article, or of all of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    pub gold: usize,
    pub pred: usize,
    pub exact: Score,
    pub overlap: Score,
    /// Of the statements matched by overlap: how many have the same speaker, the same
    /// mode and the same date (the share, or `None` when none matched).
    pub speaker_right: usize,
    pub mode_right: usize,
    pub date_right: usize,
    pub speaker_accuracy: Option<f64>,
    pub mode_accuracy: Option<f64>,
    pub date_accuracy: Option<f64>,
}

/// What a tally counts: statements on each side, matches, and agreements of matches.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    gold: usize,
    pred: usize,
    exact: usize,
    overlap: usize,
    speaker: usize,
    mode: usize,
    date: usize,
}

impl Counts {
    fn of(t: &Tally) -> Counts {
        Counts {
            gold: t.gold,
            pred: t.pred,
            exact: t.exact.matched,
            overlap: t.overlap.matched,
            speaker: t.speaker_right,
            mode: t.mode_right,
            date: t.date_right,
        }
    }

    fn add(self, o: Counts) -> Counts {
        Counts {
            gold: self.gold + o.gold,
            pred: self.pred + o.pred,
            exact: self.exact + o.exact,
            overlap: self.overlap + o.overlap,
            speaker: self.speaker + o.speaker,
            mode: self.mode + o.mode,
            date: self.date + o.date,
        }
    }
}

impl Tally {
    fn new(c: Counts) -> Tally {
        let share = |n: usize| (c.overlap > 0).then(|| n as f64 / c.overlap as f64);
        Tally {
            gold: c.gold,
            pred: c.pred,
            exact: Score::of(c.exact, c.gold, c.pred),
            overlap: Score::of(c.overlap, c.gold, c.pred),
            speaker_right: c.speaker,
            mode_right: c.mode,
            date_right: c.date,
            speaker_accuracy: share(c.speaker),
            mode_accuracy: share(c.mode),
            date_accuracy: share(c.date),
        }
    }
}

/// One article's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleTally {
    pub article: String,
    #[serde(flatten)]
    pub tally: Tally,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub overlap_threshold: f64,
    /// Articles in both, by id, else by identical text; in gold's order.
    pub articles: Vec<ArticleTally>,
    pub overall: Tally,
    /// Predicted statements by confidence, and how many of each were right.
    pub calibration: Vec<calibration::Bin>,
    /// Articles of one side with no article of the same text on the other: their
    /// statements count as missed (gold) or as wrong (pred).
    pub gold_only: Vec<String>,
    pub pred_only: Vec<String>,
}

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
fn same_actor(gold: &Store, g: ActorId, pred: &Store, p: ActorId) -> bool {
    let (a, b) = (gold.actor(g), pred.actor(p));
    if a.id == b.id {
        return true;
    }
    let names = |x: &crate::model::Actor| -> Vec<String> { x.names().map(fold_name).collect() };
    let (na, nb) = (names(a), names(b));
    na.iter().any(|n| nb.contains(n))
}

fn article_ids(store: &Store) -> impl Iterator<Item = ArticleId> {
    (0..store.article_count() as u32).map(ArticleId)
}

/// Pairs each article of `gold` with the article of `pred` of the same id and text,
/// else of the same text.
fn pair_articles(
    gold: &Store,
    pred: &Store,
) -> (Vec<(ArticleId, ArticleId)>, Vec<ArticleId>, Vec<ArticleId>) {
    let mut by_text: HashMap<&str, Vec<ArticleId>> = HashMap::new();
    for a in article_ids(pred) {
        by_text.entry(pred.article(a).text).or_default().push(a);
    }
    let mut taken = vec![false; pred.article_count()];
    let (mut pairs, mut gold_only) = (Vec::new(), Vec::new());
    for g in article_ids(gold) {
        let article = gold.article(g);
        let candidates = by_text.get(article.text).map_or(&[][..], Vec::as_slice);
        let free: Vec<ArticleId> = candidates
            .iter()
            .copied()
            .filter(|p| !taken[p.index()])
            .collect();
        let chosen = free
            .iter()
            .copied()
            .find(|&p| pred.article(p).id == article.id)
            .or_else(|| free.first().copied());
        match chosen {
            Some(p) => {
                taken[p.index()] = true;
                pairs.push((g, p));
            }
            None => gold_only.push(g),
        }
    }
    let pred_only = article_ids(pred).filter(|p| !taken[p.index()]).collect();
    (pairs, gold_only, pred_only)
}

/// Compares one pair of articles: one-to-one matches, the best overlaps first.
/// The tally of one article pair, and whether each predicted statement was right.
fn article(
    gold: &Store,
    g: ArticleId,
    pred: &Store,
    p: ArticleId,
    opts: Options,
) -> (Tally, Vec<(StatementId, bool)>) {
    let gs: Vec<(StatementId, Vec<(u32, u32)>)> = gold
        .in_article(g)
        .iter()
        .map(|&id| (id, spans(gold, id)))
        .collect();
    let ps: Vec<(StatementId, Vec<(u32, u32)>)> = pred
        .in_article(p)
        .iter()
        .map(|&id| (id, spans(pred, id)))
        .collect();
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
    for (_, i, j) in candidates {
        if used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        c.overlap += 1;
        let (a, b) = (gold.statement(gs[i].0), pred.statement(ps[j].0));
        let speaker = same_actor(gold, a.speaker, pred, b.speaker);
        right[j] = speaker;
        c.speaker += usize::from(speaker);
        c.mode += usize::from(a.mode == b.mode);
        c.date += usize::from(a.date == b.date);
    }
    let judged = ps.iter().zip(right).map(|((id, _), r)| (*id, r)).collect();
    (Tally::new(c), judged)
}

/// Compares `pred` against `gold`, article by article and overall.
pub fn compare(gold: &Store, pred: &Store, opts: Options) -> Report {
    let (pairs, gold_only, pred_only) = pair_articles(gold, pred);
    let mut judged: Vec<(StatementId, bool)> = Vec::new();
    let mut articles: Vec<ArticleTally> = Vec::new();
    for &(g, p) in &pairs {
        let (tally, right) = article(gold, g, pred, p, opts);
        judged.extend(right);
        let article = gold.article(g).id.to_string();
        articles.push(ArticleTally { article, tally });
    }
    let missed: usize = gold_only.iter().map(|&g| gold.in_article(g).len()).sum();
    let wrong: Vec<StatementId> = pred_only
        .iter()
        .flat_map(|&p| pred.in_article(p).to_vec())
        .collect();
    judged.extend(wrong.iter().map(|&id| (id, false)));
    let unpaired = Counts {
        gold: missed,
        pred: wrong.len(),
        ..Counts::default()
    };
    let overall = Tally::new(
        articles
            .iter()
            .map(|a| Counts::of(&a.tally))
            .fold(unpaired, Counts::add),
    );
    let confidence = |id| pred.origin(id).and_then(|o| o.confidence);
    let calibration = calibration::bins(judged.iter().map(|&(id, r)| (confidence(id), r)));
    let ids = |store: &Store, list: &[ArticleId]| -> Vec<String> {
        list.iter()
            .map(|&a| store.article(a).id.to_string())
            .collect()
    };
    Report {
        overlap_threshold: opts.overlap,
        articles,
        overall,
        calibration,
        gold_only: ids(gold, &gold_only),
        pred_only: ids(pred, &pred_only),
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

    #[test]
    fn scores_of_nothing_are_defined() {
        let s = Score::of(0, 0, 0);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        let s = Score::of(0, 3, 0);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 0.0, 0.0));
        let s = Score::of(2, 4, 2);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_coding_compared_with_itself_scores_one() {
        let loaded = crate::bundled::load();
        let r = compare(&loaded.store, &loaded.store, Options::default());
        assert_eq!(r.overall.exact.f1, 1.0);
        assert_eq!(r.overall.speaker_accuracy, Some(1.0));
        assert!(r.gold_only.is_empty() && r.pred_only.is_empty());
    }
}
