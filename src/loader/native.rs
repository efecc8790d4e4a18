//! The native demarche format: parses `.json` / `.jsonl` bytes and checks each article on its own.

use super::pending::{Pending, PendingDoc, Position};
use super::raw::{LooseDoc, RawActor, RawArticle, RawDoc, RawStatement};
use crate::date::DateSpec;
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorKind, Article};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use serde_json::value::RawValue;
use std::cell::RefCell;
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
    if let Some(d) = not_an_object(&at, bytes) {
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
            out.diagnostics.push(nesting_error(at));
            return;
        }
        Ok(doc) => match check_doc(at, doc, out) {
            Checked::Done => return,
            Checked::BrokenActor => None,
        },
        Err(e) => Some(e),
    };
    match serde_json::from_slice::<LooseDoc>(bytes) {
        Ok(loose) if nests(loose.articles.is_some()) => out.diagnostics.push(nesting_error(at)),
        Ok(loose) => check_loose(at, loose, out),
        Err(loose_err) => out.diagnostics.push(not_utf8(at, bytes).unwrap_or_else(|| {
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

fn nesting_error(at: &Position) -> Diagnostic {
    at.error("a corpus document cannot nest another `articles` list; skipped")
}

/// The 1-based line and column of byte `offset` in a document starting at `at`.
fn line_column(at: &Position, bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = at.line + memchr::memchr_iter(b'\n', before).count();
    let column = 1 + offset - memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    (line, column)
}

/// A document must be a JSON object; name what was found instead.
fn not_an_object(at: &Position, bytes: &[u8]) -> Option<Diagnostic> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let found = match bytes[first] {
        b'{' => return None,
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'-' | b'0'..=b'9' => "a number",
        0xEF if bytes[first..].starts_with(&[0xEF, 0xBB, 0xBF]) => {
            "a byte order mark (save the file as UTF-8 without BOM)"
        }
        _ => "something that is not JSON",
    };
    let (line, column) = line_column(at, bytes, first);
    Some(Diagnostic::at(
        at.file,
        Some(line),
        Some(column),
        format!(
            "expected a JSON object {{\"format\": \"demarche\", ...}} at the top level, found {found}; document skipped"
        ),
    ))
}

/// Names the first byte that is not UTF-8, if any.
fn not_utf8(at: &Position, bytes: &[u8]) -> Option<Diagnostic> {
    let e = std::str::from_utf8(bytes).err()?;
    let offset = e.valid_up_to();
    let (line, column) = line_column(at, bytes, offset);
    Some(Diagnostic::at(
        at.file,
        Some(line),
        Some(column),
        format!(
            "not valid UTF-8 (byte 0x{:02X} at offset {offset}): save the file as UTF-8; document skipped",
            bytes[offset]
        ),
    ))
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

/// Checks the header and loads a corpus document's nested articles; returns
/// whether the caller still has an article document to check.
fn is_article_doc(
    at: &Position,
    format: Option<&str>,
    version: Option<&serde_json::Number>,
    articles: Option<Vec<&RawValue>>,
    out: &mut Pending,
) -> bool {
    if let Err(d) = check_header(at, format, version) {
        out.diagnostics.push(*d);
        return false;
    }
    let Some(articles) = articles else {
        return true;
    };
    for raw in articles {
        parse_value(&at.nested(raw), raw.get().as_bytes(), true, out);
    }
    false
}

/// The document's `article`, or a diagnostic saying it is missing.
fn present<T>(at: &Position, article: Option<T>, out: &mut Pending) -> Option<T> {
    if article.is_none() {
        out.diagnostics
            .push(at.error("missing `article` object (or `articles` list); document skipped"));
    }
    article
}

fn check_doc(at: &Position, doc: RawDoc, out: &mut Pending) -> Checked {
    // Actors first, before anything is reported: one of the wrong shape sends the whole
    // document down the slow path, which names it as it always did.
    let mut actors = Vec::new();
    for json in doc.actors.unwrap_or_default() {
        match KNOWN.with(|known| known.borrow().get(json.get()).cloned()) {
            Some(actor) => actors.push((ActorInput::Known(actor), None)),
            None => match object::<RawActor>(json) {
                Ok(raw) => actors.push((ActorInput::Json(raw, json), None)),
                Err(_) => return Checked::BrokenActor,
            },
        }
    }
    if !is_article_doc(
        at,
        doc.format.as_deref(),
        doc.version.as_ref(),
        doc.articles,
        out,
    ) {
        return Checked::Done;
    }
    let Some(article) = present(at, doc.article, out) else {
        return Checked::Done;
    };
    let statements = doc.statements.unwrap_or_default();
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
fn check_loose(at: &Position, doc: LooseDoc, out: &mut Pending) {
    if !is_article_doc(
        at,
        doc.format.as_deref(),
        doc.version.as_ref(),
        doc.articles,
        out,
    ) {
        return;
    }
    let Some(article_raw) = present(at, doc.article, out) else {
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
    for raw in doc.actors.unwrap_or_default() {
        let (line, column) = at.locate_raw(raw);
        match object::<RawActor>(raw) {
            Ok(a) => actors.push((ActorInput::Parsed(a), Some(line))),
            Err(e) => out
                .diagnostics
                .push(at.serde_error(&e, line, column, "actor")),
        }
    }
    let mut statements = Vec::new();
    for raw in doc.statements.unwrap_or_default() {
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

fn owned(value: Option<std::borrow::Cow<'_, str>>) -> Option<String> {
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
            ActorInput::Parsed(raw) => shared_actor(&at, raw, out),
            ActorInput::Known(actor) => Some(actor),
            ActorInput::Json(raw, json) => {
                let actor = shared_actor(&at, raw, out);
                if let Some(actor) = &actor {
                    remember(json, actor);
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

thread_local! {
    /// Actors already checked on this thread, by id. Actor definitions are copied into
    /// every article that uses them, so most are seen many times: an identical one
    /// shares the earlier allocation instead of being checked and built again.
    static CHECKED: RefCell<HashMap<String, Arc<Actor>>> = RefCell::new(HashMap::new());
}

/// Bounds [`CHECKED`] within one load (both caches are emptied when a load's parse ends,
/// see [`forget_checked_actors`]).
const CHECKED_LIMIT: usize = 100_000;

thread_local! {
    /// Actors already checked on this thread, by the exact JSON of their definition:
    /// a definition seen before is known from its bytes, without parsing its fields
    /// (actor definitions are a quarter of a typical corpus).
    static KNOWN: RefCell<HashMap<Box<str>, Arc<Actor>>> = RefCell::new(HashMap::new());
}

/// Bounds [`KNOWN`], whose keys are whole definitions.
const KNOWN_LIMIT: usize = 20_000;

/// Empties this thread's [`CHECKED`] and [`KNOWN`]: they serve one load, and a
/// browser's threads would otherwise keep them after it.
pub fn forget_checked_actors() {
    CHECKED.with(|checked| *checked.borrow_mut() = HashMap::new());
    KNOWN.with(|known| *known.borrow_mut() = HashMap::new());
}

/// Lets later definitions written exactly like `json` be known as `actor`.
fn remember(json: &RawValue, actor: &Arc<Actor>) {
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if known.len() >= KNOWN_LIMIT {
            known.clear();
        }
        known.insert(json.get().into(), Arc::clone(actor));
    });
}

/// Checks an actor definition, or reuses an identical one checked before.
fn shared_actor(at: &Position, raw: RawActor, out: &mut Pending) -> Option<Arc<Actor>> {
    let seen = CHECKED.with(|cache| {
        let cache = cache.borrow();
        let cached = cache.get(raw.id.as_deref()?)?;
        same_actor(&raw, cached).then(|| Arc::clone(cached))
    });
    if seen.is_some() {
        return seen;
    }
    let actor = Arc::new(check_actor(at, raw, out)?);
    CHECKED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CHECKED_LIMIT {
            cache.clear();
        }
        cache.insert(actor.id.clone(), Arc::clone(&actor));
    });
    Some(actor)
}

/// Whether `raw` would check into exactly `actor` (see [`check_actor`]).
fn same_actor(raw: &RawActor, actor: &Actor) -> bool {
    fn text<'s>(value: &'s Option<std::borrow::Cow<'_, str>>) -> Option<&'s str> {
        value.as_deref().filter(|v| !v.trim().is_empty())
    }
    let aliases = raw.aliases.as_deref().unwrap_or_default();
    text(&raw.id) == Some(actor.id.as_str())
        && text(&raw.name) == Some(actor.name.as_str())
        && raw.kind.as_deref().and_then(ActorKind::parse) == Some(actor.kind)
        && text(&raw.role) == actor.role.as_deref()
        && text(&raw.affiliation) == actor.affiliation.as_deref()
        && text(&raw.country) == actor.country.as_deref()
        && aliases
            .iter()
            .map(|a| a.as_ref())
            .filter(|a: &&str| !a.trim().is_empty())
            .eq(actor.aliases.iter().map(String::as_str))
}

fn check_actor(at: &Position, raw: RawActor, out: &mut Pending) -> Option<Actor> {
    let Some(id) = owned(raw.id) else {
        out.diagnostics
            .push(at.error("actor without `id`: expected a non-empty string; actor skipped"));
        return None;
    };
    let item = format!("actor {id}");
    let Some(name) = owned(raw.name) else {
        out.diagnostics.push(
            at.error("missing: expected the display name; actor skipped")
                .in_item(&item, "name"),
        );
        return None;
    };
    let kind = match raw.kind.as_deref().map(|k| (k, ActorKind::parse(k))) {
        Some((_, Some(kind))) => kind,
        Some((other, None)) => {
            out.diagnostics.push(
                at.error(format!(
                    "unknown kind {other:?}: expected one of {}; actor skipped",
                    ActorKind::expected()
                ))
                .in_item(&item, "kind"),
            );
            return None;
        }
        None => {
            out.diagnostics.push(
                at.error(format!(
                    "missing: expected one of {}; actor skipped",
                    ActorKind::expected()
                ))
                .in_item(&item, "kind"),
            );
            return None;
        }
    };
    Some(Actor {
        id,
        name,
        aliases: raw
            .aliases
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.into_owned())
            .filter(|a| !a.trim().is_empty())
            .collect(),
        kind,
        role: owned(raw.role),
        affiliation: owned(raw.affiliation),
        country: owned(raw.country),
    })
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
