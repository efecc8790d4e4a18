//! The statement store: chronological statements, actors, articles and the indices over them.

use crate::fold::fold_into;
use crate::model::{Actor, ActorId, Article, ArticleId, Statement, StatementId, TopicId};
use memchr::memmem;
use rayon::prelude::*;
use std::collections::HashMap;

/// Separates a statement's folded text from its folded translation in the search buffer.
const FIELD_SEP: char = '\u{1}';
/// Ends a statement's region in the search buffer.
const RECORD_SEP: char = '\n';

/// Everything loaded, read-only once built.
#[derive(Debug, Default)]
pub struct Store {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    /// In chronological order; `StatementId(i)` is `statements[i]`.
    pub statements: Vec<Statement>,
    pub topics: Vec<String>,
    actor_ids: HashMap<String, ActorId>,
    article_ids: HashMap<String, ArticleId>,
    topic_ids: HashMap<String, TopicId>,
    by_speaker: Vec<Vec<StatementId>>,
    by_principal: Vec<Vec<StatementId>>,
    by_article: Vec<Vec<StatementId>>,
    by_topic: Vec<Vec<StatementId>>,
    /// Folded text and translation of every statement, one region each.
    folded: String,
    /// `folded[folded_starts[i]..folded_starts[i + 1]]` is statement i's region.
    folded_starts: Vec<usize>,
    /// Each actor's names, aliases and id folded for lookup.
    actor_keys: Vec<Vec<String>>,
    /// Each statement's possible days (its date, else its article's), for `since:`/`until:`.
    day_ranges: Vec<DayRange>,
}

/// The first and last day (as [`crate::date::day_number`]) a statement could have been
/// made on; `i32::MIN`/`i32::MAX` where unbounded, [`DayRange::UNDATED`] when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub earliest: i32,
    pub latest: i32,
}

impl DayRange {
    /// Neither the statement nor its article has a date.
    pub const UNDATED: DayRange = DayRange {
        earliest: i32::MAX,
        latest: i32::MIN,
    };

    fn of(date: Option<crate::date::DateSpec>) -> DayRange {
        use crate::date::day_number;
        match date {
            None => DayRange::UNDATED,
            Some(d) => DayRange {
                earliest: d.earliest().map_or(i32::MIN, day_number),
                latest: d.latest().map_or(i32::MAX, day_number),
            },
        }
    }

    /// Whether the range overlaps `[since, until]` (day numbers, either bound open),
    /// exactly as [`crate::date::DateSpec::overlaps`]; an undated range never does.
    pub fn overlaps(self, since: Option<i32>, until: Option<i32>) -> bool {
        self != DayRange::UNDATED
            && since.is_none_or(|s| self.latest >= s)
            && until.is_none_or(|u| self.earliest <= u)
    }
}

impl Store {
    /// Sorts `statements` chronologically and builds every index.
    pub fn build(
        articles: Vec<Article>,
        actors: Vec<Actor>,
        topics: Vec<String>,
        mut statements: Vec<Statement>,
    ) -> Store {
        statements.par_sort_by_cached_key(|s| sort_key(&articles, s));
        let actor_ids = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), ActorId(i as u32)))
            .collect();
        let article_ids = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), ArticleId(i as u32)))
            .collect();
        let topic_ids = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), TopicId(i as u32)))
            .collect();
        let mut by_speaker = vec![Vec::new(); actors.len()];
        let mut by_principal = vec![Vec::new(); actors.len()];
        let mut by_article = vec![Vec::new(); articles.len()];
        let mut by_topic = vec![Vec::new(); topics.len()];
        for (i, s) in statements.iter().enumerate() {
            let id = StatementId(i as u32);
            by_speaker[s.speaker.index()].push(id);
            if let Some(p) = s.on_behalf_of {
                by_principal[p.index()].push(id);
            }
            by_article[s.article.index()].push(id);
            for t in s.topics.iter() {
                let list: &mut Vec<StatementId> = &mut by_topic[t.topic.index()];
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
        let (folded, folded_starts) = fold_statements(&articles, &statements);
        let actor_keys = actors.iter().map(crate::search::actor_keys).collect();
        let day_ranges = statements
            .par_iter()
            .map(|s| DayRange::of(s.date.or(articles[s.article.index()].published)))
            .collect();
        Store {
            articles,
            actors,
            statements,
            topics,
            actor_ids,
            article_ids,
            topic_ids,
            by_speaker,
            by_principal,
            by_article,
            by_topic,
            folded,
            folded_starts,
            actor_keys,
            day_ranges,
        }
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
        self.statements.len()
    }

    /// Whether no statement loaded.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    pub fn statement(&self, id: StatementId) -> &Statement {
        &self.statements[id.index()]
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }

    pub fn topic(&self, id: TopicId) -> &str {
        &self.topics[id.index()]
    }

    /// Every statement id in chronological order.
    pub fn all_ids(&self) -> impl DoubleEndedIterator<Item = StatementId> + ExactSizeIterator {
        (0..self.statements.len() as u32).map(StatementId)
    }

    pub fn actor_by_key(&self, key: &str) -> Option<ActorId> {
        self.actor_ids.get(key).copied()
    }

    pub fn article_by_key(&self, key: &str) -> Option<ArticleId> {
        self.article_ids.get(key).copied()
    }

    pub fn topic_by_key(&self, key: &str) -> Option<TopicId> {
        self.topic_ids.get(key).copied()
    }

    /// The statement's text as it stands in its article (a slice, not a copy).
    pub fn text(&self, id: StatementId) -> &str {
        let s = self.statement(id);
        let text = &self.article(s.article).text;
        text.get(s.bytes.start as usize..s.bytes.end as usize)
            .unwrap_or_default()
    }

    /// Statements the actor made as speaker, chronologically.
    pub fn spoken_by(&self, actor: ActorId) -> &[StatementId] {
        &self.by_speaker[actor.index()]
    }

    /// Statements made on the actor's behalf by someone else, chronologically.
    pub fn made_for(&self, actor: ActorId) -> &[StatementId] {
        &self.by_principal[actor.index()]
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
        &self.by_article[article.index()]
    }

    pub fn on_topic(&self, topic: TopicId) -> &[StatementId] {
        &self.by_topic[topic.index()]
    }

    /// The statement's folded text and translation, for substring tests.
    pub fn folded(&self, id: StatementId) -> &str {
        let i = id.index();
        &self.folded[self.folded_starts[i]..self.folded_starts[i + 1]]
    }

    /// Every statement whose folded text or translation contains `needle`
    /// (already folded), chronologically, found by one scan of the search buffer.
    pub fn containing(&self, needle: &str) -> Vec<StatementId> {
        if needle.is_empty() {
            return self.all_ids().collect();
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        // Scanned in parallel, in chunks of whole statements, each found in order.
        let n = self.statements.len();
        let chunks = if self.folded.len() < (1 << 20) {
            1
        } else {
            rayon::current_num_threads() * 4
        };
        let found: Vec<Vec<StatementId>> = (0..chunks)
            .into_par_iter()
            .map(|c| self.containing_in(&finder, c * n / chunks, (c + 1) * n / chunks))
            .collect();
        found.concat()
    }

    /// Statements `first..end` whose folded region holds `finder`'s needle.
    fn containing_in(&self, finder: &memmem::Finder, first: usize, end: usize) -> Vec<StatementId> {
        let mut out: Vec<StatementId> = Vec::new();
        let starts = &self.folded_starts[first..=end];
        let base = starts[0];
        let hay = &self.folded.as_bytes()[base..starts[starts.len() - 1]];
        let mut from = 0;
        while let Some(pos) = finder.find(&hay[from..]) {
            let at = base + from + pos;
            let i = starts.partition_point(|&start| start <= at) - 1;
            out.push(StatementId((first + i) as u32));
            from = starts[i + 1] - base;
        }
        out
    }
}

fn sort_key(
    articles: &[Article],
    s: &Statement,
) -> (chrono::NaiveDate, chrono::NaiveDate, u32, u32) {
    let article = &articles[s.article.index()];
    let published = article
        .published
        .map(|d| d.sort_day())
        .unwrap_or(chrono::NaiveDate::MAX);
    let day = s.date.map(|d| d.sort_day()).unwrap_or(published);
    (day, published, s.article.0, s.chars.start)
}

fn fold_statements(articles: &[Article], statements: &[Statement]) -> (String, Vec<usize>) {
    let regions: Vec<String> = statements
        .par_chunks(4096)
        .map(|chunk| {
            let mut buf = String::new();
            for s in chunk {
                let text = &articles[s.article.index()].text;
                fold_into(
                    text.get(s.bytes.start as usize..s.bytes.end as usize)
                        .unwrap_or_default(),
                    &mut buf,
                );
                buf.push(FIELD_SEP);
                if let Some(t) = &s.translation {
                    fold_into(t, &mut buf);
                }
                buf.push(RECORD_SEP);
            }
            buf
        })
        .collect();
    let total = regions.iter().map(String::len).sum();
    let mut folded = String::with_capacity(total);
    let mut starts = Vec::with_capacity(statements.len() + 1);
    for region in &regions {
        let base = folded.len();
        starts.extend(region.match_indices(RECORD_SEP).scan(0, |start, (end, _)| {
            let this = *start;
            *start = end + 1;
            Some(base + this)
        }));
        folded.push_str(region);
    }
    starts.push(folded.len());
    (folded, starts)
}

/// Merges two ascending id lists into one ascending list.
pub fn merge_sorted(a: &[StatementId], b: &[StatementId]) -> Vec<StatementId> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            if a[i] == b[j] {
                j += 1;
            }
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
