//! The self-contained view of one statement that `list --format jsonl`, CSV and Markdown share.

use crate::model::{ActorId, StatementId};
use crate::store::Store;
use serde::Serialize;

/// An actor as a statement names it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ActorRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub role: Option<&'a str>,
}

impl<'a> ActorRef<'a> {
    pub fn of(store: &'a Store, id: ActorId) -> Self {
        let a = store.actor(id);
        ActorRef {
            id: &a.id,
            name: &a.name,
            kind: a.kind.as_str(),
            role: a.role.as_deref(),
        }
    }
}

/// A topic with the statement's stance.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TopicRef<'a> {
    pub topic: &'a str,
    pub stance: &'static str,
}

/// The article a statement comes from.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ArticleRef<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub published: Option<String>,
    pub language: Option<&'a str>,
    pub url: Option<&'a str>,
}

impl<'a> ArticleRef<'a> {
    pub fn of(store: &'a Store, id: crate::model::ArticleId) -> Self {
        let article = store.article(id);
        ArticleRef {
            id: article.id,
            title: article.title,
            outlet: article.outlet,
            author: article.author,
            published: article.published.map(|d| d.to_string()),
            language: article.language,
            url: article.url,
        }
    }
}

/// One statement with everything needed to cite it, borrowed from the store.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Record<'a> {
    pub id: &'a str,
    pub speaker: ActorRef<'a>,
    pub on_behalf_of: Option<ActorRef<'a>>,
    pub mode: &'static str,
    pub text: &'a str,
    pub translation: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub date: Option<String>,
    /// `day`, `month`, `year`, `before`, `after`, or `unknown`.
    pub date_precision: &'static str,
    pub place: Option<&'a str>,
    pub addressees: Vec<ActorRef<'a>>,
    pub topics: Vec<TopicRef<'a>>,
    /// Offsets in Unicode characters into the article text, end exclusive.
    pub span: [u32; 2],
    /// The pieces of a discontinuous statement (`text` is them joined by one space).
    pub pieces: Option<Vec<[u32; 2]>>,
    pub notes: Option<&'a str>,
    /// Who annotated the statement, where a text has several annotation sets.
    pub annotator: Option<&'a str>,
    /// `auto`, `reviewed` or `manual`, with the rule and confidence, when the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'a str>,
    /// When a person last edited or reviewed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited: Option<&'a str>,
    pub article: ArticleRef<'a>,
}

impl<'a> Record<'a> {
    pub fn of(store: &'a Store, id: StatementId) -> Self {
        let (speaker, principal) = store.parties_of(id);
        let date = store.date(id);
        let chars = store.chars(id);
        Record {
            id: store.key(id),
            speaker: ActorRef::of(store, speaker),
            on_behalf_of: principal.map(|p| ActorRef::of(store, p)),
            mode: store.mode(id).as_str(),
            text: store.text(id),
            translation: store.translation(id),
            cue: store.cue(id),
            date: date.map(|d| d.to_string()),
            date_precision: date.map_or("unknown", |d| d.precision()),
            place: store.place(id),
            addressees: store
                .addressees_of(id)
                .iter()
                .map(|&a| ActorRef::of(store, a))
                .collect(),
            topics: store
                .topics_of(id)
                .iter()
                .map(|t| TopicRef {
                    topic: store.topic(t.topic),
                    stance: t.stance.as_str(),
                })
                .collect(),
            span: [chars.start, chars.end],
            pieces: store
                .pieces(id)
                .map(|d| d.chars.iter().map(|p| [p.start, p.end]).collect()),
            notes: store.notes(id),
            annotator: store.annotator(id),
            provenance: store.origin(id).map(|o| o.provenance.as_str()),
            confidence: store.origin(id).and_then(|o| o.confidence),
            rule: store.origin(id).and_then(|o| o.rule.as_deref()),
            edited: store.origin(id).and_then(|o| o.edited.as_deref()),
            article: ArticleRef::of(store, store.article_of(id)),
        }
    }

    /// The statement with what a report needs to cite it: the quoted text, who said it
    /// (role, on whose behalf), how, where it was published, when, and the URL.
    pub fn citation(&self) -> String {
        let mut who = self.speaker.name.to_string();
        if let Some(role) = self.speaker.role {
            who.push_str(&format!(" ({role})"));
        }
        if let Some(p) = &self.on_behalf_of
            && !self.speaker.name.ends_with(p.name)
        {
            who.push_str(&format!(" for {}", p.name));
        }
        let source = self
            .article
            .outlet
            .or(self.article.title)
            .unwrap_or(self.article.id);
        let date = self.date.as_deref().or(self.article.published.as_deref());
        let mut out = format!("“{}” — {who}, {}; {source}", self.text, self.mode);
        if let Some(d) = date {
            out.push_str(&format!(", {d}"));
        }
        match self.article.url {
            Some(url) => out.push_str(&format!(". {url}")),
            None => out.push_str(". (no URL)"),
        }
        out
    }

    /// `topic:stance` pairs joined by `; `.
    pub fn topics_joined(&self) -> String {
        self.topics
            .iter()
            .map(|t| format!("{}:{}", t.topic, t.stance))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Discontinuous pieces as `start-end` joined by `; `, or empty.
    pub fn pieces_joined(&self) -> String {
        self.pieces
            .iter()
            .flatten()
            .map(|[s, e]| format!("{s}-{e}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Addressee names joined by `; `.
    pub fn addressees_joined(&self) -> String {
        self.addressees
            .iter()
            .map(|a| a.name)
            .collect::<Vec<_>>()
            .join("; ")
    }
}
