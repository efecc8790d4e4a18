//! Fuzzy search: actor lookup by name (exact, word-prefix, substring, then fuzzy-matcher) with match positions here; ranked statement text in `text`.

pub mod text;

use crate::model::ActorId;
use crate::store::Store;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// How an actor matched a query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The query is a whole name, alias or id.
    Exact,
    /// The query starts a word of a name, alias or id.
    WordPrefix,
    /// The query occurs inside a name, alias or id.
    Substring,
    /// The query's letters occur in order (a misspelling, an abbreviation).
    Fuzzy,
}

/// One actor found for a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub actor: ActorId,
    pub tier: Tier,
    pub score: i64,
    /// Which name matched: 0 is the display name, then aliases in order, then the id.
    pub name: usize,
    /// Character positions of the matched letters in that name.
    pub positions: Vec<usize>,
}

/// Folds one character to one character: lowercase, without its accent.
pub fn fold_char(c: char) -> char {
    let mut out = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if out == c {
            out = d;
        }
    });
    match out {
        'ß' | 'ẞ' => 's',
        'ł' | 'Ł' => 'l',
        'ø' | 'Ø' => 'o',
        'đ' | 'Đ' => 'd',
        'æ' | 'Æ' => 'a',
        'ı' => 'i',
        other => other.to_lowercase().next().unwrap_or(other),
    }
}

/// A name folded character by character, so positions map back to the original.
pub fn fold_name(name: &str) -> String {
    name.chars().map(fold_char).collect()
}

/// The folded names of one actor: display name, aliases, id.
pub fn actor_keys(actor: &crate::model::Actor) -> Vec<String> {
    actor
        .names()
        .chain(std::iter::once(actor.id.as_str()))
        .map(fold_name)
        .collect()
}

/// Scores `query` (already folded) against one folded name.
fn score_name(
    matcher: &SkimMatcherV2,
    name: &str,
    query: &str,
    want_positions: bool,
) -> Option<(Tier, i64, Vec<usize>)> {
    if let Some(byte) = name.find(query) {
        let start = name[..byte].chars().count();
        let len = query.chars().count();
        let positions = if want_positions {
            (start..start + len).collect()
        } else {
            Vec::new()
        };
        if name == query {
            return Some((Tier::Exact, i64::MAX, positions));
        }
        let word_start = name.match_indices(query).any(|(i, _)| {
            name[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        });
        let tier = if word_start {
            Tier::WordPrefix
        } else {
            Tier::Substring
        };
        return Some((tier, -(name.chars().count() as i64), positions));
    }
    if want_positions {
        matcher
            .fuzzy_indices(name, query)
            .map(|(score, positions)| (Tier::Fuzzy, score, positions))
    } else {
        matcher
            .fuzzy_match(name, query)
            .map(|score| (Tier::Fuzzy, score, Vec::new()))
    }
}

/// Every actor matching `query`, best first (tier, then score, then name).
pub fn rank_actors(store: &Store, query: &str) -> Vec<ActorMatch> {
    let query = fold_name(query.trim());
    let matcher = SkimMatcherV2::default();
    let mut found: Vec<ActorMatch> = Vec::new();
    if query.is_empty() {
        return found;
    }
    for (i, names) in store.actor_keys().iter().enumerate() {
        let best = names
            .iter()
            .enumerate()
            .filter_map(|(n, name)| {
                score_name(&matcher, name, &query, true)
                    .map(|(tier, score, pos)| (tier, -score, n, pos))
            })
            .min_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        if let Some((tier, neg_score, name, positions)) = best {
            found.push(ActorMatch {
                actor: ActorId(i as u32),
                tier,
                score: -neg_score,
                name,
                positions,
            });
        }
    }
    found.sort_by(|a, b| {
        (a.tier, std::cmp::Reverse(a.score))
            .cmp(&(b.tier, std::cmp::Reverse(b.score)))
            .then_with(|| store.actor(a.actor).name.cmp(&store.actor(b.actor).name))
    });
    found
}

/// The actors an `actor:` filter term means: those of the best tier found; for
/// fuzzy matches (only for queries of four letters or more), those scoring at
/// least 70% of the best.
pub fn match_actors(store: &Store, query: &str) -> Vec<ActorId> {
    let ranked = rank_actors(store, query);
    let Some(first) = ranked.first() else {
        return Vec::new();
    };
    let (tier, best) = (first.tier, first.score);
    if tier == Tier::Fuzzy && fold_name(query.trim()).chars().count() < 4 {
        // Two or three letters in order match almost any name: too loose for a filter.
        return Vec::new();
    }
    let mut ids: Vec<ActorId> = ranked
        .iter()
        .take_while(|m| m.tier == tier)
        .filter(|m| tier != Tier::Fuzzy || m.score * 10 >= best * 7)
        .map(|m| m.actor)
        .collect();
    ids.sort();
    ids
}
