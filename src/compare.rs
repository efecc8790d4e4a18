//! Two codings of the same articles compared statement by statement: matched by span (exactly, and by overlap), with precision, recall and F1, and how often matched statements agree on speaker and mode. Serves `demarche eval` (gold against an extractor) and, as well, one annotator against another.

pub mod agree;
mod alpha;
pub mod calibration;
mod matching;

use crate::model::{ArticleId, StatementId};
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

/// Compares `pred` against `gold`, article by article and overall.
pub fn compare(gold: &Store, pred: &Store, opts: Options) -> Report {
    let (pairs, gold_only, pred_only) = pair_articles(gold, pred);
    let mut judged: Vec<(StatementId, bool)> = Vec::new();
    let mut articles: Vec<ArticleTally> = Vec::new();
    for &(g, p) in &pairs {
        let m = matching::sets(gold, gold.in_article(g), pred, pred.in_article(p), opts);
        let (tally, right) = (m.tally, m.judged);
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
