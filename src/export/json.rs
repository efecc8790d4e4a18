//! The JSON writer: a corpus document in our own format, one article per source article.

use crate::loader::native::{FORMAT_NAME, FORMAT_VERSION};
use crate::model::{Actor, ActorId, ArticleId, StatementId};
use crate::store::Store;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

#[derive(Serialize)]
struct Corpus<'a> {
    format: &'static str,
    version: u64,
    articles: Vec<Document<'a>>,
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u64,
    article: ArticleOut<'a>,
    actors: Vec<ActorOut<'a>>,
    statements: Vec<StatementOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    language: Option<&'a str>,
    text: &'a str,
}

/// An actor as our format writes it: in a document's `actors`, and in each line of
/// `demarche actors --format jsonl` (there with its counts after it).
#[derive(Serialize)]
pub struct ActorOut<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub kind: &'static str,
    pub role: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub country: Option<&'a str>,
}

impl<'a> ActorOut<'a> {
    pub fn of(actor: &'a Actor) -> Self {
        ActorOut {
            id: &actor.id,
            name: &actor.name,
            aliases: &actor.aliases,
            kind: actor.kind.as_str(),
            role: actor.role.as_deref(),
            affiliation: actor.affiliation.as_deref(),
            country: actor.country.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct TopicOut<'a> {
    topic: &'a str,
    stance: &'static str,
}

#[derive(Serialize)]
struct StatementOut<'a> {
    id: &'a str,
    speaker: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_behalf_of: Option<&'a str>,
    mode: &'static str,
    text: &'a str,
    span: SpanOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    addressees: Vec<&'a str>,
    topics: Vec<TopicOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited: Option<&'a str>,
}

/// `[start, end]`, or the pieces of a discontinuous statement.
#[derive(Serialize)]
#[serde(untagged)]
enum SpanOut {
    Range([u32; 2]),
    Pieces(Vec<[u32; 2]>),
}

impl SpanOut {
    fn of(store: &Store, id: StatementId) -> SpanOut {
        match store.pieces(id) {
            Some(d) => SpanOut::Pieces(d.chars.iter().map(|p| [p.start, p.end]).collect()),
            None => {
                let chars = store.chars(id);
                SpanOut::Range([chars.start, chars.end])
            }
        }
    }
}

/// Writes the selection as a corpus document; each article keeps its full text
/// and the actors its selected statements name.
pub fn write(store: &Store, ids: &[StatementId], out: &mut dyn Write) -> io::Result<()> {
    let mut order: Vec<ArticleId> = Vec::new();
    let mut groups: std::collections::HashMap<ArticleId, Vec<StatementId>> =
        std::collections::HashMap::new();
    for &id in ids {
        let article = store.article_of(id);
        groups
            .entry(article)
            .or_insert_with(|| {
                order.push(article);
                Vec::new()
            })
            .push(id);
    }
    let articles = order
        .iter()
        .map(|a| document(store, *a, &groups[a]))
        .collect();
    let corpus = Corpus {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        articles,
    };
    serde_json::to_writer_pretty(&mut *out, &corpus).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Writes one article document (not a corpus document) holding `ids`, all of `article`.
pub fn write_article(
    store: &Store,
    article: ArticleId,
    ids: &[StatementId],
    out: &mut dyn Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(store, article, ids))
        .map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn document<'a>(store: &'a Store, article_id: ArticleId, ids: &[StatementId]) -> Document<'a> {
    let a = store.article(article_id);
    let mut actors: BTreeSet<ActorId> = BTreeSet::new();
    for &id in ids {
        let (speaker, principal) = store.parties_of(id);
        actors.insert(speaker);
        actors.extend(principal);
        actors.extend(store.addressees_of(id).iter().copied());
    }
    Document {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        article: ArticleOut {
            id: a.id,
            title: a.title,
            outlet: a.outlet,
            author: a.author,
            url: a.url,
            published: a.published.map(|d| d.to_string()),
            language: a.language,
            text: a.text,
        },
        actors: actors
            .into_iter()
            .map(|id| ActorOut::of(store.actor(id)))
            .collect(),
        statements: ids.iter().map(|&id| statement_out(store, id)).collect(),
    }
}

/// Statement `id` as our format writes it.
fn statement_out(store: &Store, id: StatementId) -> StatementOut<'_> {
    let (speaker, principal) = store.parties_of(id);
    StatementOut {
        id: store.key(id),
        speaker: &store.actor(speaker).id,
        on_behalf_of: principal.map(|p| store.actor(p).id.as_str()),
        mode: store.mode(id).as_str(),
        text: store.text(id),
        span: SpanOut::of(store, id),
        cue: store.cue(id),
        date: store.date(id).map(|d| d.to_string()),
        place: store.place(id),
        addressees: store
            .addressees_of(id)
            .iter()
            .map(|&x| store.actor(x).id.as_str())
            .collect(),
        topics: store
            .topics_of(id)
            .iter()
            .map(|t| TopicOut {
                topic: store.topic(t.topic),
                stance: t.stance.as_str(),
            })
            .collect(),
        translation: store.translation(id),
        notes: store.notes(id),
        annotator: store.annotator(id),
        provenance: store.origin(id).map(|o| o.provenance.as_str()),
        confidence: store.origin(id).and_then(|o| o.confidence),
        rule: store.origin(id).and_then(|o| o.rule.as_deref()),
        edited: store.origin(id).and_then(|o| o.edited.as_deref()),
    }
}

/// Statement `id` as a record of our format (for an edit to change and put back).
pub fn statement_value(store: &Store, id: StatementId) -> serde_json::Value {
    serde_json::to_value(statement_out(store, id)).unwrap_or_default()
}

/// An actor as a record of our format.
pub fn actor_value(actor: &Actor) -> serde_json::Value {
    serde_json::to_value(ActorOut::of(actor)).unwrap_or_default()
}
