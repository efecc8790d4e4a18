//! Articles checked on their own, with actor and topic references still local to their file.

mod lookup;
mod position;
mod span;
mod statement;

pub use position::Position;

use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorId, Article, Statement, TopicId};
use lookup::{find, index_beyond_few};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Documents and diagnostics from one or more files, not yet merged into a store.
#[derive(Default)]
pub struct Pending {
    /// Boxed: a document is large, and joining results and the merge move the list
    /// several times (BENCHMARKS.md).
    #[expect(clippy::vec_box, reason = "moving boxes, not whole documents")]
    pub docs: Vec<Box<PendingDoc>>,
    /// Every document's statements, one document after another, in a few large
    /// buffers (a document never spans two) instead of one small vector per article:
    /// small vectors freed after the merge would leave holes between the article texts
    /// that stay resident (BENCHMARKS.md). Joining results moves buffers, not statements.
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
    /// once a list outgrows a few names (a short list is scanned instead, see [`lookup`]).
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
}
