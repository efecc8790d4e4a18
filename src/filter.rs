//! The filter language shared by CLI and TUI: parse an expression, resolve it against a store, match.

mod parse;

pub use parse::{Clause, DateMode, FilterError, KEYS, PRECISIONS, Role, Term, key_list};

use crate::date::day_number;
use crate::fold::fold;
use crate::model::{ActorId, StatementId, TopicId};
use crate::search::match_actors;
use crate::store::{Store, bitmap, has_bit, set_bits, union_sorted};
use rayon::prelude::*;

/// Statements matched per chunk of a run, between which it may be cancelled.
const RUN_CHUNK: usize = 1 << 14;

/// A parsed expression, not yet tied to a store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub clauses: Vec<Clause>,
}

impl Filter {
    /// Parses an expression; an empty one matches everything.
    pub fn parse(expr: &str) -> Result<Filter, FilterError> {
        parse::parse(expr).map(|clauses| Filter { clauses })
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The topics the expression's positive `topic:` terms name, as a mask over
    /// `store.topics`; `None` when it names none.
    pub fn named_topics(&self, store: &Store) -> Option<Vec<bool>> {
        let named: Vec<&String> = self
            .clauses
            .iter()
            .filter_map(|c| match (&c.term, c.negated) {
                (Term::Topic(t), false) => Some(t),
                _ => None,
            })
            .collect();
        (!named.is_empty()).then(|| {
            store
                .topics
                .iter()
                .map(|t| {
                    let t = fold(t);
                    named.iter().any(|n| t.contains(n.as_str()))
                })
                .collect()
        })
    }

    /// How `since:`/`until:` read imprecise dates: the last `dates:` term's, else certain.
    pub fn date_mode(&self) -> DateMode {
        self.clauses
            .iter()
            .rev()
            .find_map(|c| match c.term {
                Term::Dates(mode) => Some(mode),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Whether the expression bounds dates (`since:` or `until:`).
    pub fn bounds_dates(&self) -> bool {
        self.clauses
            .iter()
            .any(|c| matches!(c.term, Term::Since(_) | Term::Until(_)))
    }

    /// The expression with its dates read as possible, when they are read as certain:
    /// what it would match if every statement that may fall in its dates did.
    pub fn loosened(&self) -> Option<Filter> {
        (self.bounds_dates() && self.date_mode() == DateMode::Certain).then(|| {
            let mut loose = self.clone();
            loose.clauses.push(Clause {
                negated: false,
                term: Term::Dates(DateMode::Possible),
                start: 0,
                end: 0,
            });
            loose
        })
    }

    /// Resolves actor names, topics and outlets against `store`.
    pub fn compile(&self, store: &Store) -> Matcher {
        let topic_scope = self.named_topics(store);
        let mode = self.date_mode();
        let terms: Vec<&Clause> = self
            .clauses
            .iter()
            .filter(|c| !matches!(c.term, Term::Dates(_)))
            .collect();
        let alone = terms.len() == 1;
        let clauses = terms
            .iter()
            .map(|c| {
                let test = compile_term(store, &c.term, topic_scope.as_deref(), alone);
                let test = match test {
                    Test::Range(since, until, _) => Test::Range(since, until, mode),
                    other => other,
                };
                (c.negated, test)
            })
            .collect();
        Matcher { clauses }
    }
}

/// A term resolved against a store.
#[derive(Clone, Debug)]
enum Test {
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
    /// The symbols (see [`Store::symbols`]) of matching places or annotators.
    Place(Vec<bool>),
    Annotator(Vec<bool>),
    /// A needle the word index cannot answer, tested statement by statement.
    Text(String),
    /// A needle answered by the word index: the statements holding it, as a list
    /// (ascending) and as a bitmap (left empty when the term is the whole filter).
    TextSet(Vec<StatementId>, Vec<u64>),
}

/// `alone`: the term is the whole filter, so its statements are the result as they
/// are and a per-statement test is rarely needed.
fn compile_term(store: &Store, term: &Term, topic_scope: Option<&[bool]>, alone: bool) -> Test {
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
                .map(|name| fold(name).contains(t.as_str()))
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
        Term::Place(p) => Test::Place(symbols_where(store, |x| x.contains(p.as_str()))),
        Term::Annotator(a) => Test::Annotator(symbols_where(store, |x| x == a)),
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

/// A filter bound to one store: answers which statements match.
#[derive(Clone, Debug)]
pub struct Matcher {
    clauses: Vec<(bool, Test)>,
}

impl Matcher {
    /// Whether statement `id` satisfies every clause.
    pub fn matches(&self, store: &Store, id: StatementId) -> bool {
        self.matches_except(store, id, None)
    }

    /// Whether statement `id` satisfies every clause but clause `skip`.
    fn matches_except(&self, store: &Store, id: StatementId, skip: Option<usize>) -> bool {
        self.clauses
            .iter()
            .enumerate()
            .all(|(i, (negated, test))| Some(i) == skip || test_one(store, id, test) != *negated)
    }

    /// Every matching statement, chronologically. Starts from an index where a
    /// positive actor, topic or text clause allows, and scans the rest in parallel.
    pub fn run(&self, store: &Store) -> Vec<StatementId> {
        self.run_unless(store, &|| false).unwrap_or_default()
    }

    /// [`Matcher::run`] that gives up (`None`) soon after `cancelled` turns true: it is
    /// asked between chunks of every scan, so a run overtaken by typing, or one going
    /// when the browser quits, stops within milliseconds.
    pub fn run_unless(
        &self,
        store: &Store,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<StatementId>> {
        let parts: Option<Vec<Vec<StatementId>>> = match self.candidates(store, cancelled)? {
            // The candidates are exactly the statements satisfying clause `exact`.
            Some((list, exact)) if self.clauses.len() == 1 => {
                debug_assert_eq!(exact, 0);
                return Some(list);
            }
            Some((list, exact)) => list
                .par_chunks(RUN_CHUNK)
                .map(|chunk| {
                    (!cancelled()).then(|| {
                        let keep = |&id: &StatementId| self.matches_except(store, id, Some(exact));
                        chunk.iter().copied().filter(keep).collect()
                    })
                })
                .collect(),
            None => (0..store.len().div_ceil(RUN_CHUNK))
                .into_par_iter()
                .map(|c| {
                    (!cancelled()).then(|| {
                        (c * RUN_CHUNK..((c + 1) * RUN_CHUNK).min(store.len()))
                            .map(|i| StatementId(i as u32))
                            .filter(|&id| self.matches(store, id))
                            .collect()
                    })
                })
                .collect(),
        };
        parts.map(|parts| parts.concat())
    }

    /// The smallest index-backed set of statements satisfying one positive clause,
    /// with that clause's position, if any clause has an index (`None` when
    /// `cancelled` stopped the scan it took).
    fn candidates(
        &self,
        store: &Store,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Option<(Vec<StatementId>, usize)>> {
        let mut best: Option<(Vec<StatementId>, usize)> = None;
        let smaller = |best: &Option<(Vec<StatementId>, usize)>, len: usize| {
            best.as_ref().is_none_or(|(b, _)| len < b.len())
        };
        for (i, (negated, test)) in self.clauses.iter().enumerate() {
            if *negated {
                continue;
            }
            match test {
                Test::Actors(role, _, ids) => {
                    let lists = ids.iter().flat_map(|&a| match role {
                        Role::Speaker => [store.spoken_by(a), &[]],
                        Role::Principal => [store.made_for(a), &[]],
                        Role::Addressee => [store.addressed_to(a), &[]],
                        Role::Any => [store.spoken_by(a), store.made_for(a)],
                    });
                    let union = union_sorted(lists, store.len());
                    if smaller(&best, union.len()) {
                        best = Some((union, i));
                    }
                }
                // Copied only when it is the smallest so far.
                Test::TextSet(list, _) if smaller(&best, list.len()) => {
                    best = Some((list.clone(), i));
                }
                Test::Topics(set) => {
                    let lists = set
                        .iter()
                        .enumerate()
                        .filter(|(_, on)| **on)
                        .map(|(t, _)| store.on_topic(TopicId(t as u32)));
                    let union = union_sorted(lists, store.len());
                    if smaller(&best, union.len()) {
                        best = Some((union, i));
                    }
                }
                _ => {}
            }
        }
        // A needle the word index cannot answer costs a scan of the whole search
        // buffer: only worth it when no index narrows the statements first.
        if best.is_none() {
            let first_text = self.clauses.iter().enumerate().find_map(|(i, c)| match c {
                (false, Test::Text(needle)) => Some((i, needle)),
                _ => None,
            });
            if let Some((i, needle)) = first_text {
                best = Some((store.containing_unless(needle, cancelled)?, i));
            }
        }
        Some(best)
    }
}

/// Whether statement `id` passes `test`. Actors, modes, topics, stances, dates and
/// words come from the store's columns (one field each, read without the rest);
/// places and annotators are compared as symbols, each distinct one folded once.
fn test_one(store: &Store, id: StatementId, test: &Test) -> bool {
    match test {
        Test::Actors(role, set, _) => {
            let (speaker, principal) = store.parties_of(id);
            match role {
                Role::Any => set[speaker.index()] || principal.is_some_and(|p| set[p.index()]),
                Role::Speaker => set[speaker.index()],
                Role::Principal => principal.is_some_and(|p| set[p.index()]),
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
        Test::Kind(k) => {
            let (speaker, principal) = store.parties_of(id);
            store.actor(speaker).kind == *k || principal.is_some_and(|p| store.actor(p).kind == *k)
        }
        Test::Place(set) => symbol_in(set, store.place_symbol(id)),
        Test::Annotator(set) => symbol_in(set, store.annotator_symbol(id)),
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

/// How many statements `filter` would match besides `certain` (what it matched) if its
/// dates were read as possible; `None` when they already are, or it bounds no dates.
pub fn possible_more(
    store: &Store,
    filter: &Filter,
    certain: &[StatementId],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Option<usize>> {
    let Some(loose) = filter.loosened() else {
        return Some(None);
    };
    let possible = loose.compile(store).run_unless(store, cancelled)?;
    let more = possible
        .iter()
        .filter(|id| certain.binary_search(id).is_err())
        .count();
    Some(Some(more))
}

/// Parses and runs `expr` over `store` in one call.
pub fn select(store: &Store, expr: &str) -> Result<Vec<StatementId>, FilterError> {
    Ok(Filter::parse(expr)?.compile(store).run(store))
}
