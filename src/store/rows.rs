//! The statements of a store, one column per field: ~100 bytes a statement instead of a 208-byte record and its allocations.

use crate::date::DateSpec;
use crate::model::{
    ActorId, ArticleId, CompactString, Discontinuous, Mode, Origin, Span, Statement, StatementId,
    TopicStance,
};
use std::collections::HashMap;

/// Row `i` of every column is statement `StatementId(i)`.
#[derive(Debug, Default)]
pub struct Rows {
    keys: Strings,
    pub articles: Vec<ArticleId>,
    /// Speaker and principal (`u32::MAX` when none), packed.
    pub parties: Vec<[u32; 2]>,
    pub modes: Vec<Mode>,
    chars: Vec<Span>,
    pub bytes: Vec<Span>,
    pub dates: Vec<Option<DateSpec>>,
    /// Cue, place and annotator as symbols of `symbols` ([`NONE`] when absent).
    cues: Vec<u32>,
    pub places: Vec<u32>,
    pub annotators: Vec<u32>,
    /// The distinct cues, places and annotators.
    pub symbols: Vec<Box<str>>,
    /// Statement `i`'s topics are `topic_items[topic_starts[i]..topic_starts[i + 1]]`.
    pub topic_starts: Vec<u32>,
    pub topic_items: Vec<TopicStance>,
    /// The same for addressees.
    addressee_starts: Vec<u32>,
    addressee_items: Vec<ActorId>,
    translations: Strings,
    /// Which statements have a translation (one bit each).
    translated: Vec<u64>,
    /// The rare fields, for the few statements that have them, by ascending id
    /// (notes copied into one buffer: kept as the loader allocated them, among its
    /// temporaries, they would keep partly empty pages resident).
    noted: Vec<StatementId>,
    notes: Strings,
    pub discontinuous: Vec<(StatementId, Box<Discontinuous>)>,
    /// Provenance, rule and confidence of the statements whose file gives them.
    pub origins: Vec<(StatementId, Box<Origin>)>,
}

/// No cue, place or annotator.
pub const NONE: u32 = u32::MAX;

/// Strings one after another in one buffer.
#[derive(Debug, Default)]
pub struct Strings {
    text: String,
    /// `text[ends[i - 1]..ends[i]]` is string `i` (from 0 for the first).
    ends: Vec<u64>,
}

impl Strings {
    /// Room for `count` strings of `bytes` in all.
    pub fn with_capacity(count: usize, bytes: usize) -> Strings {
        Strings {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u64);
    }

    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

/// Numbers distinct strings, so each is kept once however many statements share it.
#[derive(Default)]
struct Interner<'a> {
    ids: HashMap<&'a str, u32, foldhash::fast::RandomState>,
    strings: Vec<Box<str>>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: Option<&'a str>) -> u32 {
        let Some(s) = s else { return NONE };
        *self.ids.entry(s).or_insert_with(|| {
            self.strings.push(s.into());
            (self.strings.len() - 1) as u32
        })
    }
}

/// The string columns, built on one thread while [`Rows::numbers`] runs on another.
struct Texts {
    keys: Strings,
    translations: Strings,
    translated: Vec<u64>,
    noted: Vec<StatementId>,
    notes: Strings,
    discontinuous: Vec<(StatementId, Box<Discontinuous>)>,
}

impl Texts {
    fn of(statements: &[Statement]) -> Texts {
        let n = statements.len();
        let with = |bytes: usize| Strings::with_capacity(n, bytes);
        let mut t = Texts {
            keys: with(statements.iter().map(|s| s.key.len()).sum()),
            translations: with(
                statements
                    .iter()
                    .map(|s| s.translation.as_deref().map_or(0, str::len))
                    .sum(),
            ),
            translated: vec![0; n.div_ceil(64)],
            noted: Vec::new(),
            notes: Strings::default(),
            discontinuous: Vec::new(),
        };
        for (i, s) in statements.iter().enumerate() {
            let id = StatementId(i as u32);
            t.keys.push(&s.key);
            t.translations.push(s.translation.as_deref().unwrap_or(""));
            if s.translation.is_some() {
                t.translated[i / 64] |= 1 << (i % 64);
            }
            if let Some(notes) = &s.notes {
                t.noted.push(id);
                t.notes.push(notes);
            }
            if let Some(pieces) = &s.discontinuous {
                t.discontinuous.push((id, pieces.clone()));
            }
        }
        t.noted.shrink_to_fit();
        t.notes.text.shrink_to_fit();
        t.notes.ends.shrink_to_fit();
        t.discontinuous.shrink_to_fit();
        t
    }
}

impl Rows {
    /// The columns of `statements` (in store order): the strings, the fixed-size
    /// fields, and the symbols and lists, side by side.
    pub fn of(statements: &[Statement]) -> Rows {
        let (texts, (mut rows, lists)) = rayon::join(
            || Texts::of(statements),
            || rayon::join(|| Rows::fields(statements), || Lists::of(statements)),
        );
        rows.keys = texts.keys;
        rows.translations = texts.translations;
        rows.translated = texts.translated;
        rows.noted = texts.noted;
        rows.notes = texts.notes;
        rows.discontinuous = texts.discontinuous;
        rows.origins = statements
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((StatementId(i as u32), s.origin.clone()?)))
            .collect();
        rows.cues = lists.cues;
        rows.places = lists.places;
        rows.annotators = lists.annotators;
        rows.symbols = lists.symbols;
        rows.topic_starts = lists.topic_starts;
        rows.topic_items = lists.topic_items;
        rows.addressee_starts = lists.addressee_starts;
        rows.addressee_items = lists.addressee_items;
        rows
    }

    /// The fixed-size columns.
    fn fields(statements: &[Statement]) -> Rows {
        let n = statements.len();
        let mut rows = Rows {
            articles: Vec::with_capacity(n),
            parties: Vec::with_capacity(n),
            modes: Vec::with_capacity(n),
            chars: Vec::with_capacity(n),
            bytes: Vec::with_capacity(n),
            dates: Vec::with_capacity(n),
            ..Rows::default()
        };
        for s in statements {
            rows.articles.push(s.article);
            rows.parties
                .push([s.speaker.0, s.on_behalf_of.map_or(u32::MAX, |p| p.0)]);
            rows.modes.push(s.mode);
            rows.chars.push(s.chars);
            rows.bytes.push(s.bytes);
            rows.dates.push(s.date);
        }
        rows
    }
}

/// The columns of symbols and of lists (topics, addressees), built on one thread
/// while [`Rows::fields`] and [`Texts::of`] run on others.
struct Lists {
    cues: Vec<u32>,
    places: Vec<u32>,
    annotators: Vec<u32>,
    symbols: Vec<Box<str>>,
    topic_starts: Vec<u32>,
    topic_items: Vec<TopicStance>,
    addressee_starts: Vec<u32>,
    addressee_items: Vec<ActorId>,
}

impl Lists {
    fn of(statements: &[Statement]) -> Lists {
        let n = statements.len();
        let topics: usize = statements.iter().map(|s| s.topics.len()).sum();
        let addressees: usize = statements.iter().map(|s| s.addressees.len()).sum();
        let mut lists = Lists {
            cues: Vec::with_capacity(n),
            places: Vec::with_capacity(n),
            annotators: Vec::with_capacity(n),
            symbols: Vec::new(),
            topic_starts: Vec::with_capacity(n + 1),
            topic_items: Vec::with_capacity(topics),
            addressee_starts: Vec::with_capacity(n + 1),
            addressee_items: Vec::with_capacity(addressees),
        };
        let mut symbols = Interner::default();
        for s in statements {
            lists.cues.push(symbols.id(s.cue.as_deref()));
            lists.places.push(symbols.id(s.place.as_deref()));
            lists.annotators.push(symbols.id(s.annotator.as_deref()));
            // Fewer than 4G topic and addressee references: each statement has a handful.
            lists.topic_starts.push(lists.topic_items.len() as u32);
            lists.topic_items.extend_from_slice(&s.topics);
            lists
                .addressee_starts
                .push(lists.addressee_items.len() as u32);
            lists.addressee_items.extend_from_slice(&s.addressees);
        }
        lists.topic_starts.push(lists.topic_items.len() as u32);
        lists
            .addressee_starts
            .push(lists.addressee_items.len() as u32);
        lists.symbols = symbols.strings;
        lists
    }
}

impl Rows {
    pub fn len(&self) -> usize {
        self.modes.len()
    }

    /// Statement `id` as a record of its own (built on each call).
    pub fn get(&self, id: StatementId) -> Statement {
        let i = id.index();
        let [speaker, principal] = self.parties[i];
        let symbol = |s: u32| (s != NONE).then(|| CompactString::from(&*self.symbols[s as usize]));
        Statement {
            key: self.keys.get(i).into(),
            article: self.articles[i],
            speaker: ActorId(speaker),
            on_behalf_of: (principal != u32::MAX).then_some(ActorId(principal)),
            mode: self.modes[i],
            chars: self.chars[i],
            bytes: self.bytes[i],
            discontinuous: self.pieces(id).cloned().map(Box::new),
            cue: symbol(self.cues[i]),
            date: self.dates[i],
            place: symbol(self.places[i]),
            addressees: self.addressees(id).into(),
            topics: self.topics(id).into(),
            translation: self.translation(id).map(Into::into),
            notes: self.notes(id).map(Into::into),
            annotator: (self.annotators[i] != NONE)
                .then(|| self.symbols[self.annotators[i] as usize].clone()),
            origin: self.origin(id).cloned().map(Box::new),
        }
    }

    pub fn key(&self, id: StatementId) -> &str {
        self.keys.get(id.index())
    }

    pub fn topics(&self, id: StatementId) -> &[TopicStance] {
        let i = id.index();
        &self.topic_items[self.topic_starts[i] as usize..self.topic_starts[i + 1] as usize]
    }

    pub fn addressees(&self, id: StatementId) -> &[ActorId] {
        let i = id.index();
        &self.addressee_items
            [self.addressee_starts[i] as usize..self.addressee_starts[i + 1] as usize]
    }

    pub fn translation(&self, id: StatementId) -> Option<&str> {
        let i = id.index();
        (self.translated[i / 64] & (1 << (i % 64)) != 0).then(|| self.translations.get(i))
    }

    /// The pieces of a discontinuous statement.
    pub fn pieces(&self, id: StatementId) -> Option<&Discontinuous> {
        sparse(&self.discontinuous, id).map(|d| &**d)
    }

    pub fn chars(&self, id: StatementId) -> Span {
        self.chars[id.index()]
    }

    pub fn cue(&self, id: StatementId) -> Option<&str> {
        self.symbol(self.cues[id.index()])
    }

    pub fn place(&self, id: StatementId) -> Option<&str> {
        self.symbol(self.places[id.index()])
    }

    pub fn annotator(&self, id: StatementId) -> Option<&str> {
        self.symbol(self.annotators[id.index()])
    }

    pub fn notes(&self, id: StatementId) -> Option<&str> {
        let k = self.noted.binary_search(&id).ok()?;
        Some(self.notes.get(k))
    }

    /// The text of symbol `s` (a cue, place or annotator), `None` for [`NONE`].
    pub fn symbol(&self, s: u32) -> Option<&str> {
        (s != NONE).then(|| &*self.symbols[s as usize])
    }
}

/// The value of `id` in a list sorted by id, if it has one.
impl Rows {
    /// How statement `id` came to be, if its file says.
    pub fn origin(&self, id: StatementId) -> Option<&Origin> {
        sparse(&self.origins, id).map(|o| &**o)
    }
}

fn sparse<T>(list: &[(StatementId, T)], id: StatementId) -> Option<&T> {
    list.binary_search_by_key(&id, |(i, _)| *i)
        .ok()
        .map(|k| &list[k].1)
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
