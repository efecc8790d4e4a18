//! Merging checked articles into one store: global actor and topic ids, cross-file checks.

mod actors;

use super::pending::PendingDoc;
use crate::diagnostic::Diagnostic;
use crate::model::{ActorId, ArticleId, Statement, TopicId};
use crate::store::Store;
use actors::{Registry, address};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

/// Resolves every local reference against the whole corpus and builds the store.
/// `buffers` hold each document's statements one document after another (a
/// document's all in one buffer).
#[expect(
    clippy::vec_box,
    reason = "the documents as the parse boxed them (see `Pending`)"
)]
pub fn merge(
    docs: Vec<Box<PendingDoc>>,
    mut buffers: Vec<Vec<Statement>>,
) -> (Store, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut registry = Registry::new();
    let keep = admit(&docs, &mut registry, &mut diagnostics);
    let (actors, actor_ids, first_by_address) = registry.into_actors();
    let Split {
        kept,
        slices,
        starts,
        mut removed,
    } = split(docs, &keep, &mut buffers);
    let (topics, topic_maps) = number_topics(&kept);
    let results: Vec<ResolvedArticle> = kept
        .into_par_iter()
        .zip(slices)
        .zip(topic_maps)
        .enumerate()
        .map(|(i, ((doc, slice), topic_map))| {
            resolve(
                doc,
                slice,
                ArticleId(i as u32),
                &actor_ids,
                &first_by_address,
                &topic_map,
            )
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut firsts = Vec::with_capacity(results.len());
    for (i, ((article, skipped, diags, first), start)) in
        results.into_iter().zip(starts).enumerate()
    {
        articles.push(article);
        if let Some(key) = first {
            firsts.push((key, ArticleId(i as u32)));
        }
        removed.extend(skipped.into_iter().map(|i| start + i));
        diagnostics.extend(diags);
    }
    let placement = crate::store::placement(firsts);
    let store = Store::build_with(articles, &placement, actors, topics, || {
        join(buffers, removed)
    });
    (store, diagnostics)
}

/// Admits each document's actors into `registry`, in order; returns which
/// documents are kept (not a second article of an id already loaded).
fn admit(
    docs: &[Box<PendingDoc>],
    registry: &mut Registry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    // Where each article id was first loaded: (id, source) borrowed from `docs`.
    let mut article_origin: HashMap<&str, &str> = HashMap::with_capacity(docs.len());
    let mut keep = vec![true; docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        let here = doc.article.source.as_str();
        if let Some(first) = article_origin.get(doc.article.id.as_str()) {
            diagnostics.push(
                Diagnostic::at(&doc.file, doc.line, None, format!(
                    "article id {:?} was already loaded from {first}: article ids must be unique; this article skipped",
                    doc.article.id
                )),
            );
            keep[i] = false;
            continue;
        }
        article_origin.insert(&doc.article.id, here);
        registry.admit(doc, here, diagnostics);
    }
    keep
}

/// The kept documents, each with its statements as a slice of the buffers and
/// where they start, and the positions of the skipped documents' statements.
#[expect(
    clippy::vec_box,
    reason = "the documents as the parse boxed them (see `Pending`)"
)]
struct Split<'b> {
    kept: Vec<Box<PendingDoc>>,
    slices: Vec<&'b mut [Statement]>,
    starts: Vec<usize>,
    removed: Vec<usize>,
}

#[expect(
    clippy::vec_box,
    reason = "the documents as the parse boxed them (see `Pending`)"
)]
fn split<'b>(
    docs: Vec<Box<PendingDoc>>,
    keep: &[bool],
    buffers: &'b mut [Vec<Statement>],
) -> Split<'b> {
    let mut out = Split {
        kept: Vec::with_capacity(docs.len()),
        slices: Vec::with_capacity(docs.len()),
        starts: Vec::with_capacity(docs.len()),
        removed: Vec::new(),
    };
    let mut later = buffers.iter_mut().map(Vec::as_mut_slice);
    let mut rest: &mut [Statement] = &mut [];
    let mut start = 0;
    for (doc, &keep) in docs.into_iter().zip(keep) {
        let count = doc.statement_count;
        while rest.len() < count {
            debug_assert!(rest.is_empty(), "a document's statements span two buffers");
            match later.next() {
                Some(next) => rest = next,
                None => break,
            }
        }
        let count = count.min(rest.len());
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(count);
        rest = tail;
        if keep {
            out.kept.push(doc);
            out.slices.push(head);
            out.starts.push(start);
        } else {
            out.removed.extend(start..start + count);
        }
        start += count;
    }
    out
}

/// One move of every statement not `removed` into a vector of the final size (none
/// when the parse left them in one buffer and none is removed).
fn join(mut buffers: Vec<Vec<Statement>>, mut removed: Vec<usize>) -> Vec<Statement> {
    if buffers.len() == 1 && removed.is_empty() {
        return buffers.pop().unwrap_or_default();
    }
    removed.sort_unstable();
    let total: usize = buffers.iter().map(Vec::len).sum();
    let mut statements = Vec::with_capacity(total - removed.len());
    let mut next = removed.iter().peekable();
    let mut index = 0;
    for mut buffer in buffers {
        if next.peek().is_none_or(|&&r| r >= index + buffer.len()) {
            index += buffer.len();
            statements.append(&mut buffer);
            continue;
        }
        for s in buffer {
            if next.next_if_eq(&&index).is_none() {
                statements.push(s);
            }
            index += 1;
        }
    }
    statements
}

/// An article, the positions (in its document) of the statements skipped, and why,
/// and the key of its first statement kept (see [`crate::store::placement`]).
type ResolvedArticle = (
    crate::model::Article,
    Vec<usize>,
    Vec<Diagnostic>,
    Option<crate::store::SortKey>,
);

/// Maps one article's local actor and topic indices to global ids, marking
/// statements that name an actor no loaded file defines as skipped.
fn resolve(
    doc: Box<PendingDoc>,
    statements: &mut [Statement],
    article: ArticleId,
    actor_ids: &HashMap<String, ActorId>,
    first_by_address: &HashMap<usize, ActorId>,
    topic_map: &[TopicId],
) -> ResolvedArticle {
    let mut diagnostics = Vec::new();
    let mut skipped = Vec::new();
    let by_key = |key: &'_ str| actor_ids.get(key).copied();
    let local: Vec<Result<ActorId, &str>> = doc
        .actors
        .iter()
        .map(|a| {
            first_by_address
                .get(&address(a))
                .copied()
                .or_else(|| by_key(&a.id))
                .ok_or(a.id.as_str())
        })
        .chain(
            doc.foreign
                .iter()
                .map(|key| by_key(key).ok_or(key.as_str())),
        )
        .collect();
    for (i, s) in statements.iter_mut().enumerate() {
        if let Err((field, key)) = resolve_statement(s, &local, topic_map, article) {
            diagnostics.push(
                Diagnostic::at(&doc.file, doc.line, None, format!(
                    "unknown actor id {key:?}: define it in the `actors` list of this or another loaded file; statement skipped"
                ))
                .in_item(&format!("statement {}", s.key), field),
            );
            skipped.push(i);
        }
    }
    let mut skips = skipped.iter().peekable();
    let first = statements
        .iter()
        .enumerate()
        .filter(|&(i, _)| skips.next_if_eq(&&i).is_none())
        .map(|(_, s)| crate::store::order_key(doc.article.published, s))
        .min();
    (doc.article, skipped, diagnostics, first)
}

/// Gives one statement its global actor, topic and article ids; or the field and
/// key of the first actor no loaded file defines.
fn resolve_statement<'k>(
    s: &mut Statement,
    local: &[Result<ActorId, &'k str>],
    topic_map: &[TopicId],
    article: ArticleId,
) -> Result<(), (&'static str, &'k str)> {
    s.speaker = local[s.speaker.index()].map_err(|key| ("speaker", key))?;
    if let Some(p) = s.on_behalf_of {
        s.on_behalf_of = Some(local[p.index()].map_err(|key| ("on_behalf_of", key))?);
    }
    for a in s.addressees.iter_mut() {
        *a = local[a.index()].map_err(|key| ("addressees", key))?;
    }
    for t in s.topics.iter_mut() {
        t.topic = topic_map[t.topic.index()];
    }
    s.article = article;
    Ok(())
}

/// Numbers the topics in order of first appearance, and maps each article's local
/// topic indices to those numbers. Runs on chunks of articles in parallel; only the
/// chunks' (few) distinct topics are numbered one after another.
fn number_topics(docs: &[Box<PendingDoc>]) -> (Vec<String>, Vec<Vec<TopicId>>) {
    let local: Vec<(Vec<&str>, Vec<Vec<u32>>)> = docs
        .par_chunks(1024)
        .map(|chunk| {
            let mut seen: HashMap<&str, u32> = HashMap::new();
            let mut distinct: Vec<&str> = Vec::new();
            let mut per_doc = Vec::with_capacity(chunk.len());
            for doc in chunk {
                let mut ids = Vec::with_capacity(doc.topics.len());
                for t in &doc.topics {
                    let next = distinct.len() as u32;
                    let id = *seen.entry(t.as_str()).or_insert(next);
                    if id == next {
                        distinct.push(t.as_str());
                    }
                    ids.push(id);
                }
                per_doc.push(ids);
            }
            (distinct, per_doc)
        })
        .collect();
    let mut topics: Vec<String> = Vec::new();
    let mut numbers: HashMap<&str, TopicId> = HashMap::new();
    let global: Vec<Vec<TopicId>> = local
        .iter()
        .map(|(distinct, _)| {
            distinct
                .iter()
                .map(|&t| {
                    *numbers.entry(t).or_insert_with(|| {
                        topics.push(t.to_string());
                        TopicId(topics.len() as u32 - 1)
                    })
                })
                .collect()
        })
        .collect();
    let maps = local
        .into_par_iter()
        .zip(global)
        .flat_map_iter(|((_, per_doc), global)| {
            per_doc
                .into_iter()
                .map(move |ids| ids.into_iter().map(|i| global[i as usize]).collect())
        })
        .collect();
    (topics, maps)
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
