//! One term of an expression resolved against a store (`Test`), and how a statement is tested against it.

use super::{DateMode, Role, Term};
use crate::date::day_number;
use crate::fold::fold;
use crate::model::{ActorId, StatementId};
use crate::search::match_actors;
use crate::store::{Store, bitmap, has_bit, set_bits};

/// Whether topic `name` is one a `topic:` value (folded) names: `=x` that topic
/// exactly, else any whose name contains it.
pub(super) fn topic_matches(value: &str, name: &str) -> bool {
    let name = fold(name);
    match value.strip_prefix('=') {
        Some(exact) => name == exact,
        None => name.contains(value),
    }
}

/// A term resolved against a store.
#[derive(Clone, Debug)]
pub(super) enum Test {
    Actors(Role, Vec<bool>, Vec<ActorId>),
    Mode(crate::model::Mode),
    Topics(Vec<bool>),
    Stance(crate::model::Stance, Option<Vec<bool>>),
    /// Day numbers (see [`crate::date::day_number`]), and how to read imprecise dates.
    Range(Option<i32>, Option<i32>, DateMode),
    /// A precision of [`PRECISIONS`].
    Precision(&'static str),
    /// Every statement (a `dates:` term only changes how the others read).
    Always,
    Articles(Vec<bool>),
    Kind(crate::model::ActorKind),
    Provenance(crate::model::Provenance),
    Confidence(super::Cmp, f32),
    /// The symbols (see [`Store::symbols`]) of matching places or annotators.
    Place(Vec<bool>),
    Annotator(Vec<bool>),
    /// Whether each statement is marked by every annotator of its article, and which
    /// answer passes.
    Agreement(Vec<bool>, bool),
    /// A needle the word index cannot answer, tested statement by statement.
    Text(String),
    /// A needle answered by the word index: the statements holding it, as a list
    /// (ascending) and as a bitmap (left empty when the term is the whole filter).
    TextSet(Vec<StatementId>, Vec<u64>),
}

/// `alone`: the term is the whole filter, so its statements are the result as they
/// are and a per-statement test is rarely needed.
pub(super) fn compile_term(
    store: &Store,
    term: &Term,
    topic_scope: Option<&[bool]>,
    alone: bool,
) -> Test {
    let articles_where = |f: &dyn Fn(&crate::model::ArticleView) -> bool| {
        Test::Articles(store.articles().map(|a| f(&a)).collect())
    };
    match term {
        Term::Actor(role, name) => {
            let ids = match store.actor_by_key(name) {
                Some(id) => vec![id],
                None => match_actors(store, name),
            };
            let mut set = vec![false; store.actors.len()];
            for id in &ids {
                set[id.index()] = true;
            }
            Test::Actors(*role, set, ids)
        }
        Term::Mode(m) => Test::Mode(*m),
        Term::Topic(t) => Test::Topics(
            store
                .topics
                .iter()
                .map(|name| topic_matches(t, name))
                .collect(),
        ),
        Term::Stance(s) => Test::Stance(*s, topic_scope.map(<[bool]>::to_vec)),
        Term::Since(d) => Test::Range(Some(day_number(*d)), None, DateMode::Certain),
        Term::Until(d) => Test::Range(None, Some(day_number(*d)), DateMode::Certain),
        // Read by `Filter::compile`, never tested one statement at a time.
        Term::Dates(_) => Test::Always,
        Term::Precision(p) => Test::Precision(p),
        Term::Outlet(o) => {
            articles_where(&|a| a.outlet.is_some_and(|x| fold(x).contains(o.as_str())))
        }
        Term::Lang(l) => articles_where(&|a| a.language.is_some_and(|x| x.eq_ignore_ascii_case(l))),
        Term::Article(t) => articles_where(&|a| {
            fold(a.id).contains(t.as_str()) || a.title.is_some_and(|x| fold(x).contains(t.as_str()))
        }),
        Term::Kind(k) => Test::Kind(*k),
        Term::Provenance(p) => Test::Provenance(*p),
        Term::Confidence(cmp, n) => Test::Confidence(*cmp, *n),
        Term::Place(p) => Test::Place(symbols_where(store, |x| x.contains(p.as_str()))),
        Term::Annotator(a) => Test::Annotator(symbols_where(store, |x| x == a)),
        Term::Agreement(full) => Test::Agreement(
            crate::compare::agree::agreed(store, crate::compare::Options::default()),
            *full,
        ),
        Term::Text(t) => match store.indexed_containing(t) {
            Some(list) if alone => Test::TextSet(list, Vec::new()),
            Some(list) => {
                let mut bits = bitmap(store.len());
                set_bits(&mut bits, &list);
                Test::TextSet(list, bits)
            }
            None => Test::Text(t.clone()),
        },
    }
}

/// Whether statement `id` passes `test`. Actors, modes, topics, stances, dates and
/// words come from the store's columns (one field each, read without the rest);
/// places and annotators are compared as symbols, each distinct one folded once.
pub(super) fn test_one(store: &Store, id: StatementId, test: &Test) -> bool {
    match test {
        Test::Actors(role, set, _) => {
            let (speaker, principal) = store.parties_of(id);
            match role {
                Role::Any => set[speaker.index()] || principal.is_some_and(|p| set[p.index()]),
                Role::Speaker => set[speaker.index()],
                Role::Principal => principal.is_some_and(|p| set[p.index()]),
                Role::Holder => set[principal.unwrap_or(speaker).index()],
                Role::Addressee => store.addressees_of(id).iter().any(|a| set[a.index()]),
            }
        }
        Test::Mode(m) => store.mode(id) == *m,
        Test::Topics(set) => store.topics_of(id).iter().any(|t| set[t.topic.index()]),
        Test::Stance(stance, scope) => store
            .topics_of(id)
            .iter()
            .any(|t| t.stance == *stance && scope.as_ref().is_none_or(|set| set[t.topic.index()])),
        Test::Range(since, until, DateMode::Certain) => store.day_range(id).within(*since, *until),
        Test::Range(since, until, DateMode::Possible) => {
            store.day_range(id).overlaps(*since, *until)
        }
        Test::Precision(p) => store.precision(id) == *p,
        Test::Always => true,
        Test::Articles(set) => set[store.article_of(id).index()],
        Test::Provenance(p) => store.provenance(id) == *p,
        // A statement without a confidence (coded by hand) never passes a comparison.
        Test::Confidence(cmp, n) => store
            .origin(id)
            .and_then(|o| o.confidence)
            .is_some_and(|c| cmp.holds(c, *n)),
        Test::Kind(k) => {
            let (speaker, principal) = store.parties_of(id);
            store.actor(speaker).kind == *k || principal.is_some_and(|p| store.actor(p).kind == *k)
        }
        Test::Place(set) => symbol_in(set, store.place_symbol(id)),
        Test::Annotator(set) => symbol_in(set, store.annotator_symbol(id)),
        Test::Agreement(agreed, full) => agreed[id.index()] == *full,
        Test::Text(needle) => {
            store.with_folded_bytes(id, |f| memchr::memmem::find(f, needle.as_bytes()).is_some())
        }
        Test::TextSet(list, bits) if bits.is_empty() => list.binary_search(&id).is_ok(),
        Test::TextSet(_, bits) => has_bit(bits, id),
    }
}

/// Which of the store's symbols (cues, places, annotators) pass `test`, folded.
fn symbols_where(store: &Store, test: impl Fn(&str) -> bool) -> Vec<bool> {
    store.symbols().iter().map(|s| test(&fold(s))).collect()
}

fn symbol_in(set: &[bool], symbol: u32) -> bool {
    symbol != crate::store::NONE && set[symbol as usize]
}
