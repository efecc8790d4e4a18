//! The statement store: chronological statements, actors, articles and the indices over them.

mod words;

use crate::fold::fold_into;
use crate::model::{
    Actor, ActorId, Article, ArticleId, Mode, Statement, StatementId, TopicId, TopicStance,
};
use memchr::memmem;
use rayon::prelude::*;
use std::collections::HashMap;

/// Separates a statement's folded text from its folded translation in the search buffer.
const FIELD_SEP: char = '\u{1}';
/// Ends a statement's region in the search buffer.
const RECORD_SEP: char = '\n';

/// Statements per chunk of the search buffer.
const FOLD_CHUNK: usize = 4096;

/// The search buffer of up to [`FOLD_CHUNK`] consecutive statements.
#[derive(Debug, Default)]
struct FoldedChunk {
    text: String,
    /// `text[starts[j]..starts[j + 1]]` is the region of the chunk's statement j.
    starts: Vec<u32>,
}

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
    by_addressee: Vec<Vec<StatementId>>,
    /// Folded text and translation of every statement, one region each, in chunks of
    /// [`FOLD_CHUNK`] statements (built and scanned in parallel, never concatenated).
    folded: Vec<FoldedChunk>,
    /// Built from `folded` by [`Store::prepare_search`].
    word_index: std::sync::OnceLock<words::WordIndex>,
    /// Each actor's names, aliases and id folded for lookup.
    actor_keys: Vec<Vec<String>>,
    /// Each statement's possible days (its date, else its article's), for `since:`/`until:`.
    day_ranges: Vec<DayRange>,
    /// Each statement's speaker and principal (`u32::MAX` when none), packed: what
    /// counting a million statements per actor reads instead of the whole statements.
    parties: Vec<[u32; 2]>,
    /// Each statement's mode, one byte each: what `mode:` scans.
    modes: Vec<Mode>,
    /// Every statement's topics and stances one after another, statement `i`'s at
    /// `topic_starts[i]..topic_starts[i + 1]`: what `topic:` and `stance:` test, without
    /// following a pointer per statement.
    topic_starts: Vec<u32>,
    topic_items: Vec<TopicStance>,
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
        // The indices take one pass on one thread while the search buffer is folded
        // on the others.
        let (folded, (indices, columns)) = rayon::join(
            || fold_statements(&articles, &statements),
            || {
                (
                    index_statements(&statements, actors.len(), articles.len(), topics.len()),
                    Columns::of(&statements),
                )
            },
        );
        let (by_speaker, by_principal, by_article, by_topic, by_addressee) = indices;
        let actor_keys = actors.iter().map(crate::search::actor_keys).collect();
        let day_ranges = statements
            .par_iter()
            .map(|s| DayRange::of(s.date.or(articles[s.article.index()].published)))
            .collect();
        let parties = statements
            .par_iter()
            .map(|s| [s.speaker.0, s.on_behalf_of.map_or(u32::MAX, |p| p.0)])
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
            by_addressee,
            folded,
            word_index: std::sync::OnceLock::new(),
            actor_keys,
            day_ranges,
            parties,
            modes: columns.modes,
            topic_starts: columns.topic_starts,
            topic_items: columns.topic_items,
        }
    }

    /// Statement `id`'s mode (from a column: no record read).
    pub fn mode(&self, id: StatementId) -> Mode {
        self.modes[id.index()]
    }

    /// Statement `id`'s topics with its stances (from a column: no record read).
    pub fn topics_of(&self, id: StatementId) -> &[TopicStance] {
        let i = id.index();
        &self.topic_items[self.topic_starts[i] as usize..self.topic_starts[i + 1] as usize]
    }

    /// Statement `id`'s speaker and principal (from a column: no record read).
    pub fn parties_of(&self, id: StatementId) -> (ActorId, Option<ActorId>) {
        let [speaker, principal] = self.parties[id.index()];
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
                        let [speaker, principal] = self.parties[id.index()];
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

    /// The statement's text as it stands in its article (a slice, not a copy);
    /// for a discontinuous statement, its pieces joined by one space.
    pub fn text(&self, id: StatementId) -> &str {
        statement_text(&self.articles, self.statement(id))
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

    /// Statements addressed to the actor, chronologically.
    pub fn addressed_to(&self, actor: ActorId) -> &[StatementId] {
        &self.by_addressee[actor.index()]
    }

    /// Statements on the topic, chronologically.
    pub fn on_topic(&self, topic: TopicId) -> &[StatementId] {
        &self.by_topic[topic.index()]
    }

    /// The statement's folded text and translation, for substring tests.
    pub fn folded(&self, id: StatementId) -> &str {
        let chunk = &self.folded[id.index() / FOLD_CHUNK];
        let j = id.index() % FOLD_CHUNK;
        &chunk.text[chunk.starts[j] as usize..chunk.starts[j + 1] as usize]
    }

    /// Every statement whose folded text or translation contains `needle`
    /// (already folded), chronologically, found by one scan of the search buffer.
    /// Once [`Store::prepare_search`] has run, a needle of letters and digits only is
    /// looked up in the word index instead.
    pub fn containing(&self, needle: &str) -> Vec<StatementId> {
        if needle.is_empty() {
            return self.all_ids().collect();
        }
        self.indexed_containing(needle)
            .unwrap_or_else(|| self.scan_containing(needle))
    }

    /// [`Store::containing`] through the word index, when it is built and `needle` has
    /// a word in it. A needle of several words (`"nuclear d"`) occurs only in statements
    /// that hold each of its words inside one of theirs: those few are checked in full.
    pub fn indexed_containing(&self, needle: &str) -> Option<Vec<StatementId>> {
        let index = self.word_index.get()?;
        if words::is_word(needle) {
            return Some(index.containing(needle));
        }
        let mut lists: Vec<Vec<StatementId>> = needle
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| index.containing(w))
            .collect();
        lists.sort_by_key(Vec::len);
        let mut lists = lists.into_iter();
        let mut candidates = lists.next()?;
        for list in lists {
            candidates = intersect_sorted(&candidates, &list);
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        Some(
            candidates
                .into_par_iter()
                .filter(|&id| finder.find(self.folded(id).as_bytes()).is_some())
                .collect(),
        )
    }

    /// Builds the word index, after which single-word searches no longer scan the
    /// whole search buffer: worth it for interactive use (the TUI can call this in the
    /// background right after loading), not for one search from the command line.
    pub fn prepare_search(&self) {
        self.word_index.get_or_init(|| {
            words::WordIndex::build(&self.folded, FOLD_CHUNK, self.len(), &|| false)
                .unwrap_or_default()
        });
    }

    /// [`Store::prepare_search`] that gives up (leaving the store without a word index)
    /// soon after `cancelled` turns true: a browser quitting does not wait for it.
    pub fn prepare_search_unless(&self, cancelled: &(dyn Fn() -> bool + Sync)) {
        if self.word_index.get().is_some() {
            return;
        }
        if let Some(index) =
            words::WordIndex::build(&self.folded, FOLD_CHUNK, self.len(), cancelled)
        {
            let _ = self.word_index.set(index);
        }
    }

    /// [`Store::containing`] by one scan of the whole search buffer, without the word index.
    pub fn scan_containing(&self, needle: &str) -> Vec<StatementId> {
        if needle.is_empty() {
            return self.all_ids().collect();
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        let found: Vec<Vec<StatementId>> = self
            .folded
            .par_iter()
            .enumerate()
            .map(|(c, chunk)| {
                let mut out: Vec<StatementId> = Vec::new();
                let hay = chunk.text.as_bytes();
                let first = c * FOLD_CHUNK;
                let mut from = 0;
                while let Some(pos) = finder.find(&hay[from..]) {
                    let at = (from + pos) as u32;
                    let j = chunk.starts.partition_point(|&start| start <= at) - 1;
                    out.push(StatementId((first + j) as u32));
                    from = chunk.starts[j + 1] as usize;
                }
                out
            })
            .collect();
        found.concat()
    }
}

/// Statement lists by actor, article or topic.
type Lists = Vec<Vec<StatementId>>;

/// The per-speaker, per-principal, per-article and per-topic statement lists.
/// The statement columns filters scan instead of the 208-byte records.
struct Columns {
    modes: Vec<Mode>,
    topic_starts: Vec<u32>,
    topic_items: Vec<TopicStance>,
}

impl Columns {
    fn of(statements: &[Statement]) -> Columns {
        let modes = statements.iter().map(|s| s.mode).collect();
        let total: usize = statements.iter().map(|s| s.topics.len()).sum();
        let mut topic_starts = Vec::with_capacity(statements.len() + 1);
        let mut topic_items = Vec::with_capacity(total);
        for s in statements {
            // Fewer than 4G topic references: each statement has a handful.
            topic_starts.push(topic_items.len() as u32);
            topic_items.extend_from_slice(&s.topics);
        }
        topic_starts.push(topic_items.len() as u32);
        Columns {
            modes,
            topic_starts,
            topic_items,
        }
    }
}

fn index_statements(
    statements: &[Statement],
    actors: usize,
    articles: usize,
    topics: usize,
) -> (Lists, Lists, Lists, Lists, Lists) {
    let mut by_speaker = vec![Vec::new(); actors];
    let mut by_principal = vec![Vec::new(); actors];
    let mut by_article = vec![Vec::new(); articles];
    let mut by_topic = vec![Vec::new(); topics];
    let mut by_addressee = vec![Vec::new(); actors];
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
        for a in s.addressees.iter() {
            let list: &mut Vec<StatementId> = &mut by_addressee[a.index()];
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
    (by_speaker, by_principal, by_article, by_topic, by_addressee)
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

/// A statement's text: the article slice, or the joined pieces of a discontinuous one.
fn statement_text<'a>(articles: &'a [Article], s: &'a Statement) -> &'a str {
    if let Some(d) = &s.discontinuous {
        return &d.text;
    }
    articles[s.article.index()]
        .text
        .get(s.bytes.start as usize..s.bytes.end as usize)
        .unwrap_or_default()
}

fn fold_statements(articles: &[Article], statements: &[Statement]) -> Vec<FoldedChunk> {
    statements
        .par_chunks(FOLD_CHUNK)
        .map(|chunk| {
            let size: usize = chunk
                .iter()
                .map(|s| {
                    (s.bytes.end - s.bytes.start) as usize
                        + s.translation.as_deref().map_or(0, str::len)
                        + 2
                })
                .sum();
            let mut text = String::with_capacity(size + size / 16);
            let mut starts = Vec::with_capacity(chunk.len() + 1);
            // Offsets fit in u32: statement spans are u32 byte offsets, and a
            // chunk's translations would need to average 1 MB to overflow.
            let offset =
                |text: &String| u32::try_from(text.len()).expect("search chunk under 4 GB");
            for s in chunk {
                starts.push(offset(&text));
                fold_into(statement_text(articles, s), &mut text);
                text.push(FIELD_SEP);
                if let Some(t) = &s.translation {
                    fold_into(t, &mut text);
                }
                text.push(RECORD_SEP);
            }
            starts.push(offset(&text));
            FoldedChunk { text, starts }
        })
        .collect()
}

/// The union of several ascending lists of statements of a store of `len`, ascending:
/// one pass over a bitmap, however many lists (merging them pairwise grows with their
/// number: `actor:p` unites hundreds of actors' lists).
pub fn union_sorted<'a>(
    lists: impl IntoIterator<Item = &'a [StatementId]>,
    len: usize,
) -> Vec<StatementId> {
    let mut lists = lists.into_iter().filter(|l| !l.is_empty());
    let Some(first) = lists.next() else {
        return Vec::new();
    };
    let Some(second) = lists.next() else {
        return first.to_vec();
    };
    let mut bits = bitmap(len);
    for list in [first, second].into_iter().chain(lists) {
        set_bits(&mut bits, list);
    }
    words::collect_bits(&bits)
}

/// A bitmap with one (clear) bit per statement of a store of `len`.
pub fn bitmap(len: usize) -> Vec<u64> {
    vec![0; len.div_ceil(64)]
}

/// Sets the bits of `ids` in a [`bitmap`].
pub fn set_bits(bits: &mut [u64], ids: &[StatementId]) {
    for id in ids {
        bits[id.index() / 64] |= 1 << (id.0 % 64);
    }
}

/// Whether the bit of `id` is set in a [`bitmap`].
pub fn has_bit(bits: &[u64], id: StatementId) -> bool {
    bits[id.index() / 64] & (1 << (id.0 % 64)) != 0
}

/// The ids in both ascending lists, ascending.
pub fn intersect_sorted(a: &[StatementId], b: &[StatementId]) -> Vec<StatementId> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.len().saturating_mul(16) < b.len() {
        return a
            .iter()
            .filter(|id| b.binary_search(id).is_ok())
            .copied()
            .collect();
    }
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
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
