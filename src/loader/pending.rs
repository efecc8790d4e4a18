//! Articles checked on their own, with actor and topic references still local to their file.

use super::raw::RawStatement;
use crate::date::DateSpec;
use crate::diagnostic::Diagnostic;
use crate::model::{
    Actor, ActorId, Article, Discontinuous, Mode, Span, Stance, Statement, TopicId, TopicStance,
};
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Where in a file a document starts, to place diagnostics.
pub struct Position<'a> {
    pub file: &'a str,
    /// The line and byte column the current document starts at.
    pub line: usize,
    pub column: usize,
    /// The current document's bytes, to locate nested values.
    base: &'a [u8],
    /// The line diagnostics about items report, if known.
    report_line: Option<usize>,
    jsonl: bool,
}

impl<'a> Position<'a> {
    pub fn new(file: &'a str, line: usize, base: &'a [u8], jsonl: bool) -> Self {
        Position {
            file,
            line,
            column: 1,
            base,
            report_line: jsonl.then_some(line),
            jsonl,
        }
    }

    /// `file` or `file:line` for JSON Lines: where the article came from.
    pub fn label(&self) -> String {
        if self.jsonl {
            format!("{}:{}", self.file, self.line)
        } else {
            self.file.to_string()
        }
    }

    /// The position of a value nested in the current document.
    pub fn nested(&self, raw: &'a RawValue) -> Position<'a> {
        let (line, column) = self.locate_raw(raw);
        Position {
            file: self.file,
            line,
            column,
            base: raw.get().as_bytes(),
            report_line: Some(line),
            jsonl: self.jsonl,
        }
    }

    /// The same position, reporting `line` for items when known (and the
    /// document's line only in JSON Lines, where it is the item's line too).
    pub fn maybe_line(&self, line: Option<usize>) -> Position<'a> {
        Position {
            report_line: line.or(if self.jsonl { Some(self.line) } else { None }),
            ..*self
        }
    }

    /// The line and column where `raw` starts.
    pub fn locate_raw(&self, raw: &RawValue) -> (usize, usize) {
        let offset = (raw.get().as_ptr() as usize).wrapping_sub(self.base.as_ptr() as usize);
        let Some(before) = self.base.get(..offset) else {
            return (self.line, self.column);
        };
        let newlines = memchr::memchr_iter(b'\n', before).count();
        match memchr::memrchr(b'\n', before) {
            None => (self.line, self.column + before.len()),
            Some(last) => (self.line + newlines, before.len() - last),
        }
    }

    /// The line item diagnostics report, if any.
    pub fn line_reported(&self) -> Option<usize> {
        self.report_line
    }

    /// An error at this position.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.report_line, None, message)
    }

    /// A serde error inside a value that starts at `line`:`column`, with what was skipped.
    pub fn serde_error(
        &self,
        e: &serde_json::Error,
        line: usize,
        column: usize,
        skipped: &str,
    ) -> Diagnostic {
        let (l, c) = if e.line() <= 1 {
            (line, column + e.column().saturating_sub(1))
        } else {
            (line + e.line() - 1, e.column())
        };
        let text = e.to_string();
        let message = text.find(" at line ").map_or(text.as_str(), |i| &text[..i]);
        let kind = match e.classify() {
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "wrong type",
            serde_json::error::Category::Eof => "unexpected end of input",
            serde_json::error::Category::Io => "read error",
        };
        Diagnostic::at(
            self.file,
            Some(l),
            Some(c),
            format!("{kind}: {message}; {skipped} skipped"),
        )
    }
}

/// Documents and diagnostics from one or more files, not yet merged into a store.
#[derive(Default)]
pub struct Pending {
    /// Boxed: a document is ~600 bytes, and joining results and the merge move the
    /// list (250k documents at 1M) several times.
    #[expect(
        clippy::vec_box,
        reason = "moving 8-byte boxes, not 616-byte documents"
    )]
    pub docs: Vec<Box<PendingDoc>>,
    /// Every document's statements, one document after another, in a few large
    /// buffers (a document never spans two) instead of one small vector per article:
    /// small vectors freed after the merge left holes between the article texts that
    /// stayed resident (~300 MB at 1M). Joining results moves buffers, not statements.
    pub statements: Vec<Vec<Statement>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Pending {
    /// Adds a checked document, moving its statements to the end of the last buffer.
    pub fn push(&mut self, mut doc: PendingDoc) {
        doc.statement_count = doc.statements.len();
        match self.statements.last_mut() {
            Some(last) => last.append(&mut doc.statements),
            None => self.statements.push(std::mem::take(&mut doc.statements)),
        }
        // Freed now, so that the next document built on this thread reuses it.
        doc.statements = Vec::new();
        self.docs.push(Box::new(doc));
    }

    /// Adds everything `other` holds after what this one holds.
    pub fn append(&mut self, mut other: Pending) {
        self.docs.append(&mut other.docs);
        self.statements.append(&mut other.statements);
        self.diagnostics.append(&mut other.diagnostics);
    }

    /// Concatenates many results, keeping order, moving each document once.
    pub fn concat(parts: Vec<Pending>) -> Pending {
        let mut all = Pending {
            docs: Vec::with_capacity(parts.iter().map(|p| p.docs.len()).sum()),
            statements: Vec::with_capacity(parts.iter().map(|p| p.statements.len()).sum()),
            diagnostics: Vec::new(),
        };
        for part in parts {
            all.append(part);
        }
        all
    }
}

/// One checked article whose statements refer to actors and topics by local index:
/// actor `i < actors.len()` is `actors[i]`, beyond that `foreign[i - actors.len()]`.
pub struct PendingDoc {
    pub article: Article,
    /// The file, and the line in JSON Lines, for diagnostics found when merging.
    pub file: String,
    pub line: Option<usize>,
    /// Shared: identical definitions in many articles are one allocation.
    pub actors: Vec<Arc<Actor>>,
    pub foreign: Vec<String>,
    pub topics: Vec<String>,
    /// The statements while the document is checked; [`Pending::push`] moves them out.
    statements: Vec<Statement>,
    /// How many statements [`Pending::push`] moved to [`Pending::statements`].
    pub statement_count: usize,
    /// Ids of actors an importer made up from a name (not defined by a person):
    /// merged quietly with other definitions of the same id.
    pub inferred: HashSet<String>,
    /// Positions in `actors`, `foreign`, `topics` and `statements` by name, kept only
    /// once a list outgrows [`FEW`] (a short list is scanned instead).
    actor_index: HashMap<String, u32>,
    foreign_index: HashMap<String, u32>,
    topic_index: HashMap<String, u32>,
    keys: HashMap<String, u32>,
    /// Whether the article text is ASCII (character offsets are byte offsets).
    ascii: bool,
    /// The last character offset resolved to bytes, and its byte offset: spans come
    /// in text order, so each is found by walking on from the previous one.
    cursor: (usize, usize),
}

impl PendingDoc {
    pub fn new(article: Article, file: &str, line: Option<usize>) -> Self {
        PendingDoc {
            ascii: article.text.is_ascii(),
            article,
            file: file.to_string(),
            line,
            actors: Vec::new(),
            foreign: Vec::new(),
            topics: Vec::new(),
            statements: Vec::new(),
            statement_count: 0,
            inferred: HashSet::new(),
            actor_index: HashMap::new(),
            foreign_index: HashMap::new(),
            topic_index: HashMap::new(),
            keys: HashMap::new(),
            cursor: (0, 0),
        }
    }

    /// Drops what only checking needed, once every statement is added.
    pub fn finish(&mut self) {
        self.actor_index = HashMap::new();
        self.foreign_index = HashMap::new();
        self.topic_index = HashMap::new();
        self.keys = HashMap::new();
    }

    /// Adds an actor definition; a second definition of the same id in one file is an error.
    pub fn define_actor(&mut self, actor: Arc<Actor>, at: &Position, out: &mut Vec<Diagnostic>) {
        if self.local_actor(&actor.id).is_some() {
            out.push(
                at.error("defined twice in this article; second definition skipped")
                    .in_item(&format!("actor {}", actor.id), "id"),
            );
            return;
        }
        self.actors.push(actor);
        index_beyond_few(
            &mut self.actor_index,
            self.actors.iter().map(|a| a.id.as_str()),
        );
    }

    fn local_actor(&self, key: &str) -> Option<u32> {
        find(
            &self.actor_index,
            self.actors.iter().map(|a| a.id.as_str()),
            key,
        )
    }

    fn actor_ref(&mut self, key: &str) -> ActorId {
        if let Some(i) = self.local_actor(key) {
            return ActorId(i);
        }
        let i = match find(
            &self.foreign_index,
            self.foreign.iter().map(String::as_str),
            key,
        ) {
            Some(i) => i,
            None => {
                self.foreign.push(key.to_string());
                index_beyond_few(
                    &mut self.foreign_index,
                    self.foreign.iter().map(String::as_str),
                );
                self.foreign.len() as u32 - 1
            }
        };
        ActorId(self.actors.len() as u32 + i)
    }

    fn topic_ref(&mut self, topic: &str) -> TopicId {
        if let Some(i) = find(
            &self.topic_index,
            self.topics.iter().map(String::as_str),
            topic,
        ) {
            return TopicId(i);
        }
        self.topics.push(topic.to_string());
        index_beyond_few(
            &mut self.topic_index,
            self.topics.iter().map(String::as_str),
        );
        TopicId(self.topics.len() as u32 - 1)
    }

    /// The byte offset of character `index`, or `None` past the end.
    fn byte_of(&mut self, index: usize) -> Option<usize> {
        let text = &self.article.text;
        if self.ascii {
            return (index <= text.len()).then_some(index);
        }
        let from = if index >= self.cursor.0 {
            self.cursor
        } else {
            (0, 0)
        };
        let (c, b) = super::chars::walk(text.as_bytes(), from, index)?;
        self.cursor = (c, b);
        Some(b)
    }

    /// Checks one statement and keeps it, or reports why it is skipped.
    pub fn add_statement(&mut self, at: &Position, raw: RawStatement, out: &mut Vec<Diagnostic>) {
        let Some(key) = raw.id.as_deref().filter(|k| !k.trim().is_empty()) else {
            out.push(at.error(format!(
                "statement #{} of article {:?} has no `id`: expected a string unique in the article; statement skipped",
                self.statements.len() + 1,
                self.article.id
            )));
            return;
        };
        let item = || format!("statement {key}");
        let fail = |field: &str, message: String| {
            at.error(format!("{message}; statement skipped"))
                .in_item(&item(), field)
        };
        if find(&self.keys, self.statements.iter().map(|s| &*s.key), key).is_some() {
            out.push(fail(
                "id",
                format!(
                    "duplicate id in article {:?}: ids must be unique within an article",
                    self.article.id
                ),
            ));
            return;
        }
        let Some(speaker_key) = raw.speaker.as_deref().filter(|k| !k.trim().is_empty()) else {
            out.push(fail("speaker", "missing: expected an actor id".into()));
            return;
        };
        let mode = match raw.mode.as_deref() {
            Some(m) => match Mode::parse(m) {
                Some(mode) => mode,
                None => {
                    out.push(fail(
                        "mode",
                        format!("unknown mode {m:?}: expected one of {}", Mode::expected()),
                    ));
                    return;
                }
            },
            None => {
                out.push(fail(
                    "mode",
                    format!("missing: expected one of {}", Mode::expected()),
                ));
                return;
            }
        };
        let Some(text) = raw.text.as_deref() else {
            out.push(fail(
                "text",
                "missing: expected the statement text as it stands in the article".into(),
            ));
            return;
        };
        let mut discontinuous = None;
        let (chars, bytes) = match raw.span.as_ref().map(|s| s.pieces()) {
            Some(pieces) => {
                let mut found_pieces: Vec<(Span, Span)> = Vec::with_capacity(pieces.len());
                for &(start, end) in &pieces {
                    let after_previous = found_pieces
                        .last()
                        .is_none_or(|(c, _)| start >= i64::from(c.end));
                    let range = (start >= 0 && end >= start && after_previous)
                        .then(|| Some((self.byte_of(start as usize)?, self.byte_of(end as usize)?)))
                        .flatten();
                    let Some((b0, b1)) = range else {
                        let len = self.article.text.chars().count();
                        let what = if after_previous {
                            ""
                        } else {
                            " after the previous piece"
                        };
                        out.push(fail("span", format!("[{start}, {end}] is not a range inside the article text (0..{len} characters){what}")));
                        return;
                    };
                    found_pieces.push((
                        Span {
                            start: start as u32,
                            end: end as u32,
                        },
                        Span {
                            start: b0 as u32,
                            end: b1 as u32,
                        },
                    ));
                }
                let Some((&(first_c, first_b), &(last_c, last_b))) =
                    found_pieces.first().zip(found_pieces.last())
                else {
                    out.push(fail("span", "an empty list of pieces".into()));
                    return;
                };
                // One piece is compared in place; only several are joined.
                let joined: std::borrow::Cow<'_, str> = match found_pieces.as_slice() {
                    [(_, b)] => self.article.text[b.start as usize..b.end as usize].into(),
                    _ => found_pieces
                        .iter()
                        .map(|(_, b)| &self.article.text[b.start as usize..b.end as usize])
                        .collect::<Vec<_>>()
                        .join(" ")
                        .into(),
                };
                if joined != text {
                    let shown = pieces
                        .iter()
                        .map(|(s, e)| format!("[{s}, {e}]"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let joined_note = if pieces.len() > 1 {
                        " (pieces joined by one space)"
                    } else {
                        ""
                    };
                    out.push(fail("span", format!(
                        "{shown} holds {:?}{joined_note} but `text` is {:?}: span and text must agree (offsets count Unicode characters)",
                        preview(&joined),
                        preview(text)
                    )));
                    return;
                }
                if found_pieces.len() > 1 {
                    discontinuous = Some(Box::new(Discontinuous {
                        chars: found_pieces.iter().map(|(c, _)| *c).collect(),
                        bytes: found_pieces.iter().map(|(_, b)| *b).collect(),
                        text: joined.into_owned().into_boxed_str(),
                    }));
                }
                (
                    Span {
                        start: first_c.start,
                        end: last_c.end,
                    },
                    Span {
                        start: first_b.start,
                        end: last_b.end,
                    },
                )
            }
            None => {
                if text.is_empty() {
                    out.push(fail("text", "empty text without a span".into()));
                    return;
                }
                let mut hits = self.article.text.match_indices(text);
                let first = hits.next();
                let more = hits.count();
                match first {
                    None => {
                        out.push(fail(
                            "text",
                            format!("{:?} does not occur in the article text", preview(text)),
                        ));
                        return;
                    }
                    Some(_) if more > 0 => {
                        out.push(fail(
                            "span",
                            format!(
                                "missing, and the text occurs {} times in the article: give a span",
                                more + 1
                            ),
                        ));
                        return;
                    }
                    Some((b0, _)) => {
                        let c0 = self.article.text[..b0].chars().count();
                        let c1 = c0 + text.chars().count();
                        (
                            Span {
                                start: c0 as u32,
                                end: c1 as u32,
                            },
                            Span {
                                start: b0 as u32,
                                end: (b0 + text.len()) as u32,
                            },
                        )
                    }
                }
            }
        };
        let date = match raw.date.as_deref().map(DateSpec::parse) {
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                out.push(fail("date", e.to_string()));
                return;
            }
            None => None,
        };
        let mut topics = Vec::new();
        for t in raw.topics.unwrap_or_default() {
            let Some(name) = t.topic.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
                out.push(fail("topics", "a topic without a `topic` name".into()));
                return;
            };
            let stance = match t.stance.as_deref() {
                Some(s) => match Stance::parse(s) {
                    Some(stance) => stance,
                    None => {
                        out.push(fail(
                            "topics",
                            format!(
                                "topic {name:?} has unknown stance {s:?}: expected one of {}",
                                Stance::expected()
                            ),
                        ));
                        return;
                    }
                },
                None => {
                    out.push(fail(
                        "topics",
                        format!(
                            "topic {name:?} has no stance: expected one of {}",
                            Stance::expected()
                        ),
                    ));
                    return;
                }
            };
            let name: std::borrow::Cow<'_, str> = if name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
            {
                name.into()
            } else {
                name.to_lowercase().into()
            };
            topics.push(TopicStance {
                topic: self.topic_ref(&name),
                stance,
            });
        }
        let speaker = self.actor_ref(speaker_key);
        let mut on_behalf_of = raw
            .on_behalf_of
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .map(|k| self.actor_ref(k));
        if on_behalf_of == Some(speaker) {
            out.push(
                at.error("same as the speaker; ignored")
                    .in_item(&item(), "on_behalf_of")
                    .warning(),
            );
            on_behalf_of = None;
        }
        let addressees: Vec<ActorId> = raw
            .addressees
            .unwrap_or_default()
            .iter()
            .map(|k| self.actor_ref(k))
            .collect();
        let text_of = |v: Option<std::borrow::Cow<'_, str>>| {
            v.filter(|t| !t.trim().is_empty())
                .map(|t| t.into_owned().into_boxed_str())
        };
        self.statements.push(Statement {
            key: key.into(),
            article: crate::model::ArticleId(0),
            speaker,
            on_behalf_of,
            mode,
            chars,
            bytes,
            discontinuous,
            cue: short_text(raw.cue),
            date,
            place: short_text(raw.place),
            addressees: addressees.into(),
            topics: topics.into(),
            translation: text_of(raw.translation),
            notes: text_of(raw.notes),
            annotator: text_of(raw.annotator),
        });
        index_beyond_few(&mut self.keys, self.statements.iter().map(|s| &*s.key));
    }
}

/// A short optional text (cue, place), left out when blank.
fn short_text(v: Option<std::borrow::Cow<'_, str>>) -> Option<crate::model::CompactString> {
    v.filter(|t| !t.trim().is_empty())
        .map(|t| t.as_ref().into())
}

/// Lists up to this long are searched by a scan rather than a hash map.
const FEW: usize = 16;

/// The position of `key` among `names`: scanned while they are few, else from `index`.
fn find<'n>(
    index: &HashMap<String, u32>,
    mut names: impl Iterator<Item = &'n str>,
    key: &str,
) -> Option<u32> {
    if index.is_empty() {
        names.position(|n| n == key).map(|i| i as u32)
    } else {
        index.get(key).copied()
    }
}

/// Keeps `index` in step with `names` (just appended to) once they outgrow [`FEW`].
fn index_beyond_few<'n>(
    index: &mut HashMap<String, u32>,
    mut names: impl ExactSizeIterator<Item = &'n str> + DoubleEndedIterator,
) {
    let len = names.len();
    if len <= FEW {
        return;
    }
    if index.is_empty() {
        index.extend(names.enumerate().map(|(i, n)| (n.to_string(), i as u32)));
    } else if let Some(last) = names.next_back() {
        index.insert(last.to_string(), len as u32 - 1);
    }
}

/// The first 60 characters of `text`, for messages.
fn preview(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
