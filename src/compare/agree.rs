//! How far the annotators of a corpus agree: for every article coded by two or more of them, each pair of annotators compared as `eval` compares two codings (F1 of spans, exactly and by overlap; speaker agreement), with Krippendorff's alpha for mode and stance over the matched statements; and all pairs together.

use super::matching::{Matched, sets};
use super::{Counts, Options, Tally, alpha};
use crate::model::{ArticleId, StatementId};
use crate::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;

/// The name statements without an annotator are compared under.
pub const UNNAMED: &str = "(none)";

/// Two annotators of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// Statements each of them coded in the article.
    pub statements_a: usize,
    pub statements_b: usize,
    /// Matched by overlap, one to one.
    pub matched: usize,
    pub f1_exact: f64,
    pub f1_overlap: f64,
    /// Of the matched: the share with the same speaker (`None` when none matched).
    pub speaker_agreement: Option<f64>,
    /// Krippendorff's alpha (nominal) of mode, and of stance on the topics both gave
    /// a matched statement; `None` where undefined (nothing matched, no variation).
    pub mode_alpha: Option<f64>,
    pub stance_alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleAgreement {
    pub article: String,
    pub annotators: Vec<String>,
    pub pairs: Vec<Pair>,
}

/// All pairs of all articles together: counts summed, then scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overall {
    pub articles: usize,
    pub pairs: usize,
    pub matched: usize,
    pub f1_exact: f64,
    pub f1_overlap: f64,
    pub speaker_agreement: Option<f64>,
    pub mode_alpha: Option<f64>,
    pub stance_alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    pub overlap_threshold: f64,
    pub articles: Vec<ArticleAgreement>,
    pub overall: Overall,
    /// Articles with statements of one annotator only: nothing to compare.
    pub single: usize,
}

/// Units for alpha: (mode pairs, stance pairs) of matched statements.
#[derive(Default)]
struct Units {
    modes: Vec<Vec<&'static str>>,
    stances: Vec<Vec<&'static str>>,
}

impl Units {
    fn of(store: &Store, pairs: &[(StatementId, StatementId)]) -> Units {
        let mut u = Units::default();
        for &(x, y) in pairs {
            u.modes
                .push(vec![store.mode(x).as_str(), store.mode(y).as_str()]);
            for t in store.topics_of(x) {
                if let Some(o) = store.topics_of(y).iter().find(|o| o.topic == t.topic) {
                    u.stances.push(vec![t.stance.as_str(), o.stance.as_str()]);
                }
            }
        }
        u
    }

    fn extend(&mut self, other: Units) {
        self.modes.extend(other.modes);
        self.stances.extend(other.stances);
    }
}

/// An article's statements by annotator (statements without one under [`UNNAMED`]).
fn by_annotator(store: &Store, article: ArticleId) -> BTreeMap<String, Vec<StatementId>> {
    let mut sets: BTreeMap<String, Vec<StatementId>> = BTreeMap::new();
    for &id in store.in_article(article) {
        sets.entry(coder_of(store, id)).or_default().push(id);
    }
    sets
}

/// Who coded statement `id`: its annotator; else, for a machine's, `auto:RULE`;
/// else [`UNNAMED`].
fn coder_of(store: &Store, id: StatementId) -> String {
    if let Some(a) = store.annotator(id) {
        return a.to_string();
    }
    match store.origin(id) {
        Some(o) if o.provenance == crate::model::Provenance::Auto => {
            format!("auto:{}", o.rule.as_deref().unwrap_or("machine"))
        }
        _ => UNNAMED.to_string(),
    }
}

/// Compares every pair of annotators of every article of `store`.
pub fn agree(store: &Store, opts: Options) -> Agreement {
    let mut articles = Vec::new();
    let (mut counts, mut units, mut single, mut pair_count) =
        (Counts::default(), Units::default(), 0, 0);
    for a in (0..store.article_count() as u32).map(ArticleId) {
        let coded = by_annotator(store, a);
        if coded.len() < 2 {
            single += usize::from(!coded.is_empty());
            continue;
        }
        let names: Vec<&String> = coded.keys().collect();
        let mut pairs = Vec::new();
        for (i, x) in names.iter().enumerate() {
            for y in &names[i + 1..] {
                let m: Matched = sets(store, &coded[*x], store, &coded[*y], opts);
                let found = Units::of(store, &m.pairs);
                pairs.push(pair(x, y, &m.tally, &found));
                counts = counts.add(Counts::of(&m.tally));
                units.extend(found);
                pair_count += 1;
            }
        }
        articles.push(ArticleAgreement {
            article: store.article(a).id.to_string(),
            annotators: names.into_iter().cloned().collect(),
            pairs,
        });
    }
    let all = Tally::new(counts);
    Agreement {
        overlap_threshold: opts.overlap,
        overall: Overall {
            articles: articles.len(),
            pairs: pair_count,
            matched: all.overlap.matched,
            f1_exact: all.exact.f1,
            f1_overlap: all.overlap.f1,
            speaker_agreement: all.speaker_accuracy,
            mode_alpha: alpha::nominal(&units.modes),
            stance_alpha: alpha::nominal(&units.stances),
        },
        articles,
        single,
    }
}

fn pair(a: &str, b: &str, t: &Tally, units: &Units) -> Pair {
    Pair {
        a: a.to_string(),
        b: b.to_string(),
        statements_a: t.gold,
        statements_b: t.pred,
        matched: t.overlap.matched,
        f1_exact: t.exact.f1,
        f1_overlap: t.overlap.f1,
        speaker_agreement: t.speaker_accuracy,
        mode_alpha: alpha::nominal(&units.modes),
        stance_alpha: alpha::nominal(&units.stances),
    }
}

/// For every statement of `store`: whether every other annotator of its article
/// marked it too (matched by overlap, one to one); statements of an article with one
/// annotator are agreed.
pub fn agreed(store: &Store, opts: Options) -> Vec<bool> {
    let mut agreed = vec![true; store.len()];
    for a in (0..store.article_count() as u32).map(ArticleId) {
        let coded = by_annotator(store, a);
        if coded.len() < 2 {
            continue;
        }
        let mut matched: std::collections::HashMap<StatementId, usize> = Default::default();
        let sets_: Vec<&Vec<StatementId>> = coded.values().collect();
        for (i, x) in sets_.iter().enumerate() {
            for y in &sets_[i + 1..] {
                for (p, q) in sets(store, x, store, y, opts).pairs {
                    *matched.entry(p).or_default() += 1;
                    *matched.entry(q).or_default() += 1;
                }
            }
        }
        for ids in sets_ {
            for &id in ids {
                agreed[id.index()] = matched.get(&id).copied().unwrap_or(0) == coded.len() - 1;
            }
        }
    }
    agreed
}

/// For a statement of an article with two or more annotators: each annotator of the
/// article with the key of the statement of theirs it matches (its own for its own
/// annotator), or `None` where they did not mark it. `None` for one annotator.
pub fn marked_by(
    store: &Store,
    id: StatementId,
    opts: Options,
) -> Option<Vec<(String, Option<String>)>> {
    let coded = by_annotator(store, store.article_of(id));
    if coded.len() < 2 {
        return None;
    }
    let own = coder_of(store, id);
    Some(
        coded
            .iter()
            .map(|(name, ids)| {
                let theirs = if *name == own {
                    Some(id)
                } else {
                    sets(store, &[id], store, ids, opts)
                        .pairs
                        .first()
                        .map(|p| p.1)
                };
                (name.clone(), theirs.map(|t| store.key(t).to_string()))
            })
            .collect(),
    )
}

/// For every statement, the one that stands for it when each statement is shown once:
/// statements of several annotators matched to each other (by overlap, one to one per
/// pair, joined across pairs) stand under the first of them; every other stands for
/// itself. Indexed like the store's statements.
pub fn groups(store: &Store, opts: Options) -> Vec<StatementId> {
    let mut head: Vec<StatementId> = store.all_ids().collect();
    fn root(head: &mut [StatementId], mut x: StatementId) -> StatementId {
        while head[x.index()] != x {
            let up = head[head[x.index()].index()];
            head[x.index()] = up;
            x = up;
        }
        x
    }
    for a in (0..store.article_count() as u32).map(ArticleId) {
        let coded = by_annotator(store, a);
        if coded.len() < 2 {
            continue;
        }
        let sets_: Vec<&Vec<StatementId>> = coded.values().collect();
        for (i, x) in sets_.iter().enumerate() {
            for y in &sets_[i + 1..] {
                for (p, q) in sets(store, x, store, y, opts).pairs {
                    let (rp, rq) = (root(&mut head, p), root(&mut head, q));
                    let (lo, hi) = if rp < rq { (rp, rq) } else { (rq, rp) };
                    head[hi.index()] = lo;
                }
            }
        }
    }
    (0..head.len())
        .map(|i| root(&mut head, StatementId(i as u32)))
        .collect()
}

/// The annotators who marked statement `id` (its own first), when its article has
/// several; else its own annotator, if it has one.
pub fn markers(store: &Store, id: StatementId) -> Vec<String> {
    // Drawn for every card of every frame: an article of one coder (nearly all of a
    // large corpus) is told apart without allocating.
    if !several_coders(store, store.article_of(id)) {
        return store
            .annotator(id)
            .map(str::to_string)
            .into_iter()
            .collect();
    }
    match marked_by(store, id, Options::default()) {
        Some(all) => {
            let own = coder_of(store, id);
            let mut out = vec![own.clone()];
            out.extend(
                all.into_iter()
                    .filter(|(who, key)| key.is_some() && *who != own)
                    .map(|(who, _)| who),
            );
            out
        }
        None => store
            .annotator(id)
            .map(str::to_string)
            .into_iter()
            .collect(),
    }
}

/// Whether `article`'s statements come from more than one coder (annotator, or a
/// machine's rule), compared by symbol and provenance, without allocating.
fn several_coders(store: &Store, article: ArticleId) -> bool {
    let coder = |id: StatementId| {
        let machine = store
            .origin(id)
            .filter(|o| o.provenance == crate::model::Provenance::Auto);
        (
            store.annotator_symbol(id),
            store
                .annotator(id)
                .is_none()
                .then(|| machine.map(|o| o.rule.as_deref())),
        )
    };
    let mut ids = store.in_article(article).iter().map(|&id| coder(id));
    let Some(first) = ids.next() else {
        return false;
    };
    ids.any(|c| c != first)
}
