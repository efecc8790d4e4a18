//! The filter language shared by CLI and TUI: parse an expression, resolve it against a store, match.

mod parse;
mod resolve;

use resolve::{Test, compile_term, test_one, topic_matches};

pub use parse::{Clause, Cmp, DateMode, FilterError, KEYS, PRECISIONS, Role, Term, key_list};

use crate::model::{StatementId, TopicId};
use crate::store::{Store, union_sorted};
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
                .map(|t| named.iter().any(|n| topic_matches(n, t)))
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
                Test::Actors(Role::Holder, _, ids) => {
                    // Spoken for themselves, or spoken for by another.
                    let own: Vec<Vec<StatementId>> = ids
                        .iter()
                        .map(|&a| {
                            let alone = |id: &&StatementId| store.parties_of(**id).1.is_none();
                            store.spoken_by(a).iter().filter(alone).copied().collect()
                        })
                        .collect();
                    let lists = own
                        .iter()
                        .map(Vec::as_slice)
                        .chain(ids.iter().map(|&a| store.made_for(a)));
                    let union = union_sorted(lists, store.len());
                    if smaller(&best, union.len()) {
                        best = Some((union, i));
                    }
                }
                Test::Actors(role, _, ids) => {
                    let lists = ids.iter().flat_map(|&a| match role {
                        Role::Speaker => [store.spoken_by(a), &[]],
                        Role::Principal => [store.made_for(a), &[]],
                        Role::Addressee => [store.addressed_to(a), &[]],
                        Role::Any | Role::Holder => [store.spoken_by(a), store.made_for(a)],
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
