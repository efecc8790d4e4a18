//! The native demarche format: parses `.json` / `.jsonl` bytes and checks each article on its own.

mod actor;
mod shape;

pub use actor::forget_checked_actors;

use super::pending::{Pending, PendingDoc, Position};
use super::raw::{Doc, LooseDoc, RawActor, RawArticle, RawDoc, RawStatement};
use crate::date::DateSpec;
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, Article};
use rayon::prelude::*;
use serde_json::value::RawValue;
use std::sync::Arc;

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "demarche";
/// The only format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Parses a `.json` file: one article document or one corpus document.
pub fn parse_json(file: &str, bytes: &[u8]) -> Pending {
    let mut pending = Pending::default();
    parse_doc(file, bytes, 1, false, &mut pending);
    pending
}

/// Parses `.jsonl` bytes whose first line is line `first_line` of `file`: one
/// article document per line, lines in parallel.
pub fn parse_jsonl(file: &str, bytes: &[u8], first_line: usize) -> Pending {
    parse_lines(file, bytes, first_line).0
}

/// [`parse_jsonl`], also returning how many line ends the bytes hold (found while
/// splitting them, so that a caller does not count them again).
pub fn parse_lines(file: &str, bytes: &[u8], first_line: usize) -> (Pending, usize) {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if start <= end {
            lines.push((first_line + lines.len(), &bytes[start..end]));
        }
        start = end + 1;
    }
    // Every line end closes one entry, and the last entry follows the last end.
    let ends = lines.len() - 1;
    let parsed: Vec<Pending> = lines
        .into_par_iter()
        .filter(|(_, line)| line.iter().any(|b| !b.is_ascii_whitespace()))
        .fold(Pending::default, |mut pending, (number, line)| {
            parse_doc(file, line, number, true, &mut pending);
            pending
        })
        .collect();
    (Pending::concat(parsed), ends)
}

/// Parses one document that starts on `first_line` of `file`.
fn parse_doc(file: &str, bytes: &[u8], first_line: usize, jsonl: bool, out: &mut Pending) {
    let at = Position::new(file, first_line, bytes, jsonl);
    if let Some(d) = shape::not_an_object(&at, bytes) {
        out.diagnostics.push(d);
        return;
    }
    parse_value(&at, bytes, false, out);
}

/// Parses one document whole (fast path) or, if that fails, value by value.
fn parse_value(at: &Position, bytes: &[u8], nested: bool, out: &mut Pending) {
    let nests = |articles: bool| nested && articles;
    // Checking UTF-8 once up front (with SIMD, several times faster than the standard
    // library on non-English text) spares serde checking every string again; the same
    // errors are reported either way.
    let parsed = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<RawDoc>(text),
        Err(_) => serde_json::from_slice::<RawDoc>(bytes),
    };
    let fast_err = match parsed {
        Ok(doc) if nests(doc.articles.is_some()) => {
            out.diagnostics.push(shape::nesting_error(at));
            return;
        }
        Ok(doc) => match check_doc(at, doc, out) {
            Checked::Done => return,
            Checked::BrokenActor => None,
        },
        Err(e) => Some(e),
    };
    match serde_json::from_slice::<LooseDoc>(bytes) {
        Ok(loose) if nests(loose.articles.is_some()) => {
            out.diagnostics.push(shape::nesting_error(at))
        }
        Ok(loose) => check_loose(at, loose, out),
        Err(loose_err) => out
            .diagnostics
            .push(shape::not_utf8(at, bytes).unwrap_or_else(|| {
                at.serde_error(
                    fast_err.as_ref().unwrap_or(&loose_err),
                    at.line,
                    at.column,
                    "document",
                )
            })),
    }
}

/// Whether [`check_doc`] took the document, or left it to the slow path to name an
/// actor of the wrong shape.
enum Checked {
    Done,
    BrokenActor,
}

/// An actor definition as the document gives it: fields parsed, already known from an
/// identical definition, or parsed from JSON that later identical ones can be known by.
enum ActorInput<'a> {
    Parsed(RawActor<'a>),
    Known(Arc<Actor>),
    Json(RawActor<'a>, &'a RawValue),
}

fn check_header(
    at: &Position,
    format: Option<&str>,
    version: Option<&serde_json::Number>,
) -> Result<(), Box<Diagnostic>> {
    match format {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(Box::new(at.error(format!(
                "unknown `format` {other:?}: expected \"{FORMAT_NAME}\"; document skipped"
            ))));
        }
        None => {
            return Err(Box::new(at.error(format!(
                "missing `format`: expected \"format\": \"{FORMAT_NAME}\" (is this a demarche article?); document skipped"
            ))));
        }
    }
    match version.and_then(serde_json::Number::as_u64) {
        Some(FORMAT_VERSION) => Ok(()),
        Some(v) => Err(Box::new(at.error(format!(
            "unsupported `version` {v}: this build reads version {FORMAT_VERSION}; document skipped"
        )))),
        None => Err(Box::new(at.error(format!(
            "missing or non-integer `version`: expected {FORMAT_VERSION}; document skipped"
        )))),
    }
}

/// An article document's article and statements, once its header checks out. A
/// corpus document's nested articles are loaded here, and `None` returned for it,
/// as for a bad header or a missing article (both reported).
fn article_part<'a, A, S>(
    at: &Position,
    doc: Doc<'a, A, S>,
    out: &mut Pending,
) -> Option<(A, Vec<S>)> {
    if let Err(d) = check_header(at, doc.format.as_deref(), doc.version.as_ref()) {
        out.diagnostics.push(*d);
        return None;
    }
    if let Some(articles) = doc.articles {
        for raw in articles {
            parse_value(&at.nested(raw), raw.get().as_bytes(), true, out);
        }
        return None;
    }
    let Some(article) = doc.article else {
        out.diagnostics
            .push(at.error("missing `article` object (or `articles` list); document skipped"));
        return None;
    };
    Some((article, doc.statements.unwrap_or_default()))
}

fn check_doc(at: &Position, mut doc: RawDoc, out: &mut Pending) -> Checked {
    // Actors first, before anything is reported: one of the wrong shape sends the whole
    // document down the slow path, which names it as it always did.
    let mut actors = Vec::new();
    for json in doc.actors.take().unwrap_or_default() {
        match actor::known(json) {
            Some(actor) => actors.push((ActorInput::Known(actor), None)),
            None => match object::<RawActor>(json) {
                Ok(raw) => actors.push((ActorInput::Json(raw, json), None)),
                Err(_) => return Checked::BrokenActor,
            },
        }
    }
    let Some((article, statements)) = article_part(at, doc, out) else {
        return Checked::Done;
    };
    if let Some(done) = build_doc(
        at,
        article,
        actors.into_iter(),
        statements.into_iter().map(|s| (s, None)),
        out,
    ) {
        out.push(done);
    }
    Checked::Done
}

/// The slow path for a document that did not parse whole: parse each actor and
/// statement on its own, so one bad value skips only itself.
fn check_loose(at: &Position, mut doc: LooseDoc, out: &mut Pending) {
    let raw_actors = doc.actors.take();
    let Some((article_raw, raw_statements)) = article_part(at, doc, out) else {
        return;
    };
    let article = match object::<RawArticle>(article_raw) {
        Ok(a) => a,
        Err(e) => {
            let (line, column) = at.locate_raw(article_raw);
            out.diagnostics
                .push(at.serde_error(&e, line, column, "article; document"));
            return;
        }
    };
    let mut actors = Vec::new();
    for raw in raw_actors.unwrap_or_default() {
        let (line, column) = at.locate_raw(raw);
        match object::<RawActor>(raw) {
            Ok(a) => actors.push((ActorInput::Parsed(a), Some(line))),
            Err(e) => out
                .diagnostics
                .push(at.serde_error(&e, line, column, "actor")),
        }
    }
    let mut statements = Vec::new();
    for raw in raw_statements {
        let (line, column) = at.locate_raw(raw);
        match object::<RawStatement>(raw) {
            Ok(s) => statements.push((s, Some(line))),
            Err(e) => out
                .diagnostics
                .push(at.serde_error(&e, line, column, "statement")),
        }
    }
    if let Some(done) = build_doc(at, article, actors.into_iter(), statements.into_iter(), out) {
        out.push(done);
    }
}

pub(super) fn owned(value: Option<std::borrow::Cow<'_, str>>) -> Option<String> {
    value
        .map(|v| v.into_owned())
        .filter(|v| !v.trim().is_empty())
}

/// Checks one article with its actors and statements and turns it into owned model data.
fn build_doc<'a>(
    at: &Position,
    raw: RawArticle<'a>,
    actors: impl Iterator<Item = (ActorInput<'a>, Option<usize>)>,
    statements: impl Iterator<Item = (RawStatement<'a>, Option<usize>)>,
    out: &mut Pending,
) -> Option<PendingDoc> {
    let Some(id) = owned(raw.id) else {
        out.diagnostics
            .push(at.error("article has no `id`: expected a non-empty string; document skipped"));
        return None;
    };
    let Some(text) = raw.text.map(|t| t.into_owned()) else {
        out.diagnostics.push(at.error(format!(
            "article {id:?} has no `text`: expected the full article text; document skipped"
        )));
        return None;
    };
    let published = match raw.published.as_deref().map(DateSpec::parse) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            out.diagnostics.push(
                at.error(format!("{e}; publication date ignored"))
                    .in_item(&format!("article {id}"), "published")
                    .warning(),
            );
            None
        }
        None => None,
    };
    let article = Article {
        id,
        title: owned(raw.title),
        outlet: owned(raw.outlet),
        author: owned(raw.author),
        url: owned(raw.url),
        published,
        language: owned(raw.language),
        text,
        source: at.label(),
    };
    let mut doc = PendingDoc::new(article, at.file, at.maybe_line(None).line_reported());
    for (actor, line) in actors {
        let at = at.maybe_line(line);
        let checked = match actor {
            ActorInput::Parsed(raw) => actor::shared_actor(&at, raw, out),
            ActorInput::Known(actor) => Some(actor),
            ActorInput::Json(raw, json) => {
                let actor = actor::shared_actor(&at, raw, out);
                if let Some(actor) = &actor {
                    actor::remember(json, actor);
                }
                actor
            }
        };
        if let Some(actor) = checked {
            doc.define_actor(actor, &at, &mut out.diagnostics);
        }
    }
    for (statement, line) in statements {
        doc.add_statement(&at.maybe_line(line), statement, &mut out.diagnostics);
    }
    doc.finish();
    Some(doc)
}

/// Parses a value that must be a JSON object (serde would also take an array positionally).
fn object<'a, T: serde::Deserialize<'a>>(raw: &'a RawValue) -> Result<T, serde_json::Error> {
    if !raw.get().starts_with('{') {
        return Err(serde::de::Error::custom(format!(
            "expected a JSON object {{...}}, found `{}`",
            raw.get().chars().take(20).collect::<String>()
        )));
    }
    serde_json::from_str(raw.get())
}
