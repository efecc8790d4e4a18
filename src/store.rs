//! The statement store: chronological statements, actors, articles and the indices over them.

mod articles;
mod days;
mod lists;
mod order;
mod rows;
mod search;
mod sets;
mod words;

pub use days::DayRange;
pub use rows::NONE;
pub use sets::{bitmap, has_bit, intersect_sorted, merge_sorted, set_bits, union_sorted};

use order::sort_key;
pub(crate) use order::{SortKey, order_key, placement};

use crate::model::{
    Actor, ActorId, Article, ArticleId, ArticleView, Discontinuous, Mode, Span, Statement,
    StatementId, TopicId, TopicStance,
};
use rayon::prelude::*;
use std::collections::HashMap;

/// Everything loaded, read-only once built.
#[derive(Debug, Default)]
pub struct Store {
    articles: articles::Articles,
    pub actors: Vec<Actor>,
    /// The statements in chronological order, a column per field.
    rows: rows::Rows,
    pub topics: Vec<String>,
    actor_ids: HashMap<String, ActorId>,
    topic_ids: HashMap<String, TopicId>,
    by_speaker: Lists,
    by_principal: Lists,
    by_article: Lists,
    by_topic: Lists,
    by_addressee: Lists,
    /// Built by [`Store::prepare_search`].
    word_index: std::sync::OnceLock<words::WordIndex>,
    /// Each actor's names, aliases and id folded for lookup.
    actor_keys: Vec<Vec<String>>,
    /// Each statement's possible days (see [`DayRange::of`]), for `since:`/`until:`.
    day_ranges: Vec<DayRange>,
}

impl Store {
    /// Sorts `statements` chronologically and builds every index.
    pub fn build(
        articles: Vec<Article>,
        actors: Vec<Actor>,
        topics: Vec<String>,
        statements: Vec<Statement>,
    ) -> Store {
        let mut firsts: Vec<Option<SortKey>> = vec![None; articles.len()];
        for s in &statements {
            let key = order_key(articles[s.article.index()].published, s);
            let first = &mut firsts[s.article.index()];
            if first.is_none_or(|f| key < f) {
                *first = Some(key);
            }
        }
        let placement = placement(
            firsts
                .into_iter()
                .enumerate()
                .filter_map(|(i, key)| Some((key?, ArticleId(i as u32))))
                .collect(),
        );
        Store::build_with(articles, &placement, actors, topics, || statements)
    }

    /// [`Store::build`] for a caller that already knows `placement` (see [`placement`])
    /// and still has to gather the statements: the article texts are laid out on one
    /// thread while `statements` gathers them and they are sorted on another.
    pub(crate) fn build_with(
        articles: Vec<Article>,
        placement: &[ArticleId],
        actors: Vec<Actor>,
        topics: Vec<String>,
        statements: impl FnOnce() -> Vec<Statement> + Send,
    ) -> Store {
        let published: Vec<Option<crate::date::DateSpec>> =
            articles.iter().map(|a| a.published).collect();
        let (articles, (statements, rows)) = rayon::join(
            || articles::Articles::of(articles, placement),
            || {
                let mut statements = statements();
                statements.par_sort_by_cached_key(|s| sort_key(&published, s));
                let rows = rows::Rows::of(&statements);
                (statements, rows)
            },
        );
        free_elsewhere(statements);
        let (indices, day_ranges) = rayon::join(
            || lists::index_statements(&rows, actors.len(), articles.len(), topics.len()),
            || {
                (0..rows.len())
                    .into_par_iter()
                    .map(|i| DayRange::of(rows.dates[i], published[rows.articles[i].index()]))
                    .collect()
            },
        );
        let (by_speaker, by_principal, by_article, by_topic, by_addressee) = indices;
        let actor_ids = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), ActorId(i as u32)))
            .collect();
        let topic_ids = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), TopicId(i as u32)))
            .collect();
        let actor_keys = actors.iter().map(crate::search::actor_keys).collect();
        Store {
            articles,
            actors,
            rows,
            topics,
            actor_ids,
            topic_ids,
            by_speaker,
            by_principal,
            by_article,
            by_topic,
            by_addressee,
            word_index: std::sync::OnceLock::new(),
            actor_keys,
            day_ranges,
        }
    }

    /// Statement `id`'s mode (from a column: no record read).
    pub fn mode(&self, id: StatementId) -> Mode {
        self.rows.modes[id.index()]
    }

    /// Statement `id`'s topics with its stances (from a column: no record read).
    pub fn topics_of(&self, id: StatementId) -> &[TopicStance] {
        self.rows.topics(id)
    }

    /// Statement `id`'s speaker and principal (from a column: no record read).
    pub fn parties_of(&self, id: StatementId) -> (ActorId, Option<ActorId>) {
        let [speaker, principal] = self.rows.parties[id.index()];
        (
            ActorId(speaker),
            (principal != u32::MAX).then_some(ActorId(principal)),
        )
    }

    /// Statements per actor among `ids`, as speaker or principal (an actor speaking on
    /// their own behalf counts once), indexed like `actors`.
    pub fn count_by_actor(&self, ids: &[StatementId]) -> Vec<usize> {
        let n = self.actors.len();
        ids.par_chunks(1 << 15)
            .fold(
                || vec![0usize; n],
                |mut counts, chunk| {
                    for id in chunk {
                        let [speaker, principal] = self.rows.parties[id.index()];
                        counts[speaker as usize] += 1;
                        if principal != u32::MAX && principal != speaker {
                            counts[principal as usize] += 1;
                        }
                    }
                    counts
                },
            )
            .reduce_with(|mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            })
            .unwrap_or_else(|| vec![0; n])
    }

    /// The days statement `id` could have been made on (see [`DayRange`]).
    pub fn day_range(&self, id: StatementId) -> DayRange {
        self.day_ranges[id.index()]
    }

    /// Each actor's folded names, aliases and id, indexed like `actors`.
    pub fn actor_keys(&self) -> &[Vec<String>] {
        &self.actor_keys
    }

    /// The number of statements.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no statement loaded.
    pub fn is_empty(&self) -> bool {
        self.rows.len() == 0
    }

    /// Statement `id` as a record of its own, made from the store's columns on each
    /// call: for showing and writing a statement, not for testing many (the accessors
    /// below read one field without building the rest).
    pub fn statement(&self, id: StatementId) -> Statement {
        self.rows.get(id)
    }

    /// Every statement as a record, chronologically (see [`Store::statement`]).
    pub fn statements(&self) -> impl ExactSizeIterator<Item = Statement> + '_ {
        self.all_ids().map(|id| self.statement(id))
    }

    /// The statement's id as written in its file.
    pub fn key(&self, id: StatementId) -> &str {
        self.rows.key(id)
    }

    pub fn article_of(&self, id: StatementId) -> ArticleId {
        self.rows.articles[id.index()]
    }

    pub fn date(&self, id: StatementId) -> Option<crate::date::DateSpec> {
        self.rows.dates[id.index()]
    }

    /// The date statement `id`'s range comes from: its own, else its article's.
    pub fn date_or_published(&self, id: StatementId) -> Option<crate::date::DateSpec> {
        self.date(id)
            .or_else(|| self.articles.published(self.article_of(id)))
    }

    /// How precisely statement `id` is dated (see [`Store::date_or_published`]):
    /// [`crate::date::DateSpec::precision`], or `undated`.
    pub fn precision(&self, id: StatementId) -> &'static str {
        self.date_or_published(id)
            .map_or("undated", crate::date::DateSpec::precision)
    }

    pub fn addressees_of(&self, id: StatementId) -> &[ActorId] {
        self.rows.addressees(id)
    }

    pub fn translation(&self, id: StatementId) -> Option<&str> {
        self.rows.translation(id)
    }

    /// Where the statement lies in its article, in Unicode characters.
    pub fn chars(&self, id: StatementId) -> Span {
        self.rows.chars(id)
    }

    /// The pieces of a discontinuous statement.
    pub fn pieces(&self, id: StatementId) -> Option<&Discontinuous> {
        self.rows.pieces(id)
    }

    pub fn cue(&self, id: StatementId) -> Option<&str> {
        self.rows.cue(id)
    }

    pub fn place(&self, id: StatementId) -> Option<&str> {
        self.rows.place(id)
    }

    pub fn notes(&self, id: StatementId) -> Option<&str> {
        self.rows.notes(id)
    }

    pub fn annotator(&self, id: StatementId) -> Option<&str> {
        self.rows.annotator(id)
    }

    /// How the statement came to be (provenance, rule, confidence), if its file says.
    pub fn origin(&self, id: StatementId) -> Option<&crate::model::Origin> {
        self.rows.origin(id)
    }

    /// The statement's provenance: `manual` when its file gives none.
    pub fn provenance(&self, id: StatementId) -> crate::model::Provenance {
        self.origin(id).map(|o| o.provenance).unwrap_or_default()
    }

    /// The statement's place as a symbol: equal places have equal symbols
    /// ([`NONE`] when it has none); [`Store::symbol`] gives the text.
    pub fn place_symbol(&self, id: StatementId) -> u32 {
        self.rows.places[id.index()]
    }

    /// The statement's annotator as a symbol (see [`Store::place_symbol`]).
    pub fn annotator_symbol(&self, id: StatementId) -> u32 {
        self.rows.annotators[id.index()]
    }

    /// Every cue, place and annotator, once each: `symbols()[s]` is symbol `s`.
    pub fn symbols(&self) -> &[Box<str>] {
        &self.rows.symbols
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    pub fn article(&self, id: ArticleId) -> ArticleView<'_> {
        self.articles.get(id)
    }

    /// Every article, in the order of [`ArticleId`]s.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = ArticleView<'_>> + '_ {
        (0..self.articles.len() as u32).map(|i| self.articles.get(ArticleId(i)))
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    pub fn topic(&self, id: TopicId) -> &str {
        &self.topics[id.index()]
    }

    /// Every statement id in chronological order.
    pub fn all_ids(&self) -> impl DoubleEndedIterator<Item = StatementId> + ExactSizeIterator {
        (0..self.rows.len() as u32).map(StatementId)
    }

    pub fn actor_by_key(&self, key: &str) -> Option<ActorId> {
        self.actor_ids.get(key).copied()
    }

    pub fn article_by_key(&self, key: &str) -> Option<ArticleId> {
        self.articles.by_key(key)
    }

    pub fn topic_by_key(&self, key: &str) -> Option<TopicId> {
        self.topic_ids.get(key).copied()
    }

    /// The statement's text as it stands in its article (a slice, not a copy);
    /// for a discontinuous statement, its pieces joined by one space.
    pub fn text(&self, id: StatementId) -> &str {
        if let Some(d) = self.rows.pieces(id) {
            return &d.text;
        }
        let bytes = self.rows.bytes[id.index()];
        self.articles
            .text(self.article_of(id))
            .get(bytes.start as usize..bytes.end as usize)
            .unwrap_or_default()
    }

    /// Statements the actor made as speaker, chronologically.
    pub fn spoken_by(&self, actor: ActorId) -> &[StatementId] {
        self.by_speaker.get(actor.index())
    }

    /// Statements made on the actor's behalf by someone else, chronologically.
    pub fn made_for(&self, actor: ActorId) -> &[StatementId] {
        self.by_principal.get(actor.index())
    }

    /// Statements the actor made or that were made for them, chronologically.
    pub fn involving(&self, actor: ActorId) -> Vec<StatementId> {
        merge_sorted(self.spoken_by(actor), self.made_for(actor))
    }

    /// How many statements involve the actor, as speaker or principal.
    pub fn count_for(&self, actor: ActorId) -> usize {
        self.spoken_by(actor).len() + self.made_for(actor).len()
    }

    pub fn in_article(&self, article: ArticleId) -> &[StatementId] {
        self.by_article.get(article.index())
    }

    /// Statements addressed to the actor, chronologically.
    pub fn addressed_to(&self, actor: ActorId) -> &[StatementId] {
        self.by_addressee.get(actor.index())
    }

    /// Statements on the topic, chronologically.
    pub fn on_topic(&self, topic: TopicId) -> &[StatementId] {
        self.by_topic.get(topic.index())
    }
}

/// Statement lists by actor, article or topic.
type Lists = lists::Lists;

/// Drops `value` on a thread of its own (or here, if no thread can be started): freeing
/// a million records takes a time the caller need not wait for (BENCHMARKS.md).
fn free_elsewhere<T: Send + 'static>(value: T) {
    // Should no thread start, the closure, and with it `value`, is dropped right here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
