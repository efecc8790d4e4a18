//! Label Studio JSON exports: a list of tasks, each annotation (annotator) its own set of statements.

mod offsets;

pub use offsets::char_range;

use super::attribution::{Attribution, Builder, Mention};
use super::folder::Folder;
use super::mapping::{Mapping, Role};
use super::pending::{Pending, PendingDoc};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::path::Path;

/// Whether a `.json` file is a Label Studio export: an array of objects at the top
/// level (our own format always has an object there).
pub fn is_export(bytes: &[u8]) -> bool {
    let mut rest = bytes.iter().filter(|b| !b.is_ascii_whitespace());
    rest.next() == Some(&b'[') && rest.next() == Some(&b'{')
}

#[derive(Deserialize)]
struct Task<'a> {
    id: Option<Value>,
    data: Option<serde_json::Map<String, Value>>,
    #[serde(borrow)]
    annotations: Option<Vec<Annotation<'a>>>,
}

#[derive(Deserialize)]
struct Annotation<'a> {
    id: Option<Value>,
    completed_by: Option<Value>,
    #[serde(default)]
    was_cancelled: bool,
    #[serde(borrow)]
    result: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
struct Item {
    id: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from_name: Option<String>,
    value: Option<serde_json::Map<String, Value>>,
    from_id: Option<Value>,
    to_id: Option<Value>,
    labels: Option<Vec<String>>,
}

/// A labelled span of one annotation, offsets already in characters.
struct Region {
    role: Option<Role>,
    pieces: (usize, usize),
    text: String,
    line: usize,
}

/// Parses one export file; `dir` is its folder (mapping, metadata, actors).
pub fn parse(file: &str, bytes: &[u8], dir: Option<&Path>) -> Pending {
    // Diagnostics go to `pending` (returned as is when the file is not an export),
    // documents to `parsed`.
    let mut pending = Pending::default();
    let mut parsed = Pending::default();
    let out = &mut pending.diagnostics;
    let folder = match dir {
        Some(d) => Folder::read(d, out),
        None => Folder::default(),
    };
    let tasks: Vec<&RawValue> = match serde_json::from_slice(bytes) {
        Ok(t) => t,
        Err(e) => {
            out.push(Diagnostic::at(
                file,
                Some(e.line()),
                Some(e.column()),
                format!("not a Label Studio export (a JSON list of tasks): {e}; file skipped"),
            ));
            return pending;
        }
    };
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("label-studio")
        .to_string();
    let line_of = |raw: &RawValue| {
        let offset = (raw.get().as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
        1 + bytes
            .get(..offset)
            .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
    };
    for (n, raw) in tasks.into_iter().enumerate() {
        let line = line_of(raw);
        let err = |line: usize, message: String| Diagnostic::at(file, Some(line), None, message);
        let task: Task = match serde_json::from_str(raw.get()) {
            Ok(t) => t,
            Err(e) => {
                let e = e.to_string();
                let e = e.find(" at line ").map_or(e.as_str(), |i| &e[..i]);
                out.push(err(line, format!("task #{}: {e}; task skipped", n + 1)));
                continue;
            }
        };
        let data = task.data.unwrap_or_default();
        let Some(text) = data.get("text").and_then(Value::as_str).map(String::from) else {
            out.push(err(
                line,
                format!(
                    "task #{}: no `data.text`: expected the article text (export from Label Studio as JSON, not JSON-MIN); task skipped",
                    n + 1
                ),
            ));
            continue;
        };
        let task_id = task
            .id
            .as_ref()
            .map(scalar)
            .unwrap_or_else(|| (n + 1).to_string());
        let field = |names: &[&str]| {
            names
                .iter()
                .find_map(|k| data.get(*k).map(scalar))
                .filter(|v| !v.trim().is_empty())
        };
        let id =
            field(&["article_id", "id", "doc_id"]).unwrap_or_else(|| format!("{stem}-{task_id}"));
        let mut article = folder.article(&id, text, format!("{file}:{line}"));
        article.title = field(&["title", "headline"]).or(article.title);
        article.outlet = field(&["outlet", "publisher", "source"]).or(article.outlet);
        article.author = field(&["author", "authors"]).or(article.author);
        article.url = field(&["url", "link"]).or(article.url);
        article.language = field(&["language", "lang"]).or(article.language);
        if let Some(date) = field(&["publication_date", "published", "date"]) {
            match crate::date::DateSpec::parse(&date).ok().or_else(|| {
                date.get(..10)
                    .and_then(|d| crate::date::DateSpec::parse(d).ok())
            }) {
                Some(d) => article.published = Some(d),
                None => out.push(
                    err(
                        line,
                        format!(
                            "task #{}: date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD; ignored",
                            n + 1
                        ),
                    )
                    .warning(),
                ),
            }
        }
        let chars: Vec<char> = article.text.chars().collect();
        let mut builder = Builder::new(PendingDoc::new(article, file, Some(line)), &folder);
        for (k, annotation) in task.annotations.unwrap_or_default().into_iter().enumerate() {
            if annotation.was_cancelled {
                continue;
            }
            let annotator = annotation
                .completed_by
                .as_ref()
                .map(annotator_name)
                .or_else(|| {
                    annotation
                        .id
                        .as_ref()
                        .map(|i| format!("annotation-{}", scalar(i)))
                })
                .unwrap_or_else(|| format!("annotation-{}", k + 1));
            let items: Vec<(usize, Item)> = annotation
                .result
                .unwrap_or_default()
                .into_iter()
                .filter_map(|raw| {
                    let line = line_of(raw);
                    match serde_json::from_str::<Item>(raw.get()) {
                        Ok(item) => Some((line, item)),
                        Err(e) => {
                            out.push(err(line, format!("result: {e}; skipped")));
                            None
                        }
                    }
                })
                .collect();
            for a in attributions(file, &items, &chars, &folder.mapping, &annotator, out) {
                builder.add(file, a, out);
            }
        }
        parsed.push(builder.doc);
    }
    parsed.diagnostics = pending.diagnostics;
    parsed
}

/// A JSON scalar as text (ids may be numbers or strings).
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `completed_by`: a user id, or an object with an email.
fn annotator_name(v: &Value) -> String {
    match v {
        Value::Object(o) => o
            .get("email")
            .or_else(|| o.get("id"))
            .map(scalar)
            .unwrap_or_else(|| "unknown".into()),
        other => scalar(other),
    }
}

/// The statements of one annotation: each Content region, with what relations link to it.
fn attributions(
    file: &str,
    items: &[(usize, Item)],
    chars: &[char],
    mapping: &Mapping,
    annotator: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<Attribution> {
    let err = |line: usize, message: String| Diagnostic::at(file, Some(line), None, message);
    let mut regions: HashMap<String, Region> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (line, item) in items {
        let Some(value) = &item.value else { continue };
        let labels: Vec<&str> = value
            .iter()
            .filter(|(k, _)| k.ends_with("labels"))
            .filter_map(|(_, v)| v.as_array())
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if labels.is_empty() || item.kind.as_deref() == Some("relation") {
            continue;
        }
        let id = item.id.as_ref().map(scalar).unwrap_or_default();
        let number = |k: &str| value.get(k).and_then(Value::as_u64).map(|n| n as usize);
        let (Some(start), Some(end)) = (number("start"), number("end")) else {
            out.push(err(
                *line,
                format!(
                    "region {id:?}: expected numeric value.start and value.end; region skipped"
                ),
            ));
            continue;
        };
        let text = value.get("text").and_then(Value::as_str);
        match char_range(chars, start, end, text) {
            Ok(pieces) => {
                let role = labels.iter().find_map(|l| mapping.role(l));
                order.push(id.clone());
                regions.insert(
                    id,
                    Region {
                        role,
                        pieces,
                        text: chars[pieces.0..pieces.1].iter().collect(),
                        line: *line,
                    },
                );
            }
            Err(message) => out.push(err(
                *line,
                format!("region {id:?}: {message}; span not trusted"),
            )),
        }
    }
    let mut found: HashMap<&str, Attribution> = HashMap::new();
    for id in &order {
        let r = &regions[id];
        if r.role == Some(Role::Content) {
            found.insert(
                id,
                Attribution {
                    key: format!("{annotator}/{id}"),
                    line: Some(r.line),
                    content: vec![r.pieces],
                    text: r.text.clone(),
                    annotator: Some(annotator.to_string()),
                    ..Attribution::default()
                },
            );
        }
    }
    for (line, item) in items {
        let id = item.id.as_ref().map(scalar).unwrap_or_default();
        match item.kind.as_deref() {
            Some("relation") => {
                let (Some(from), Some(to)) = (
                    item.from_id.as_ref().map(scalar),
                    item.to_id.as_ref().map(scalar),
                ) else {
                    out.push(err(
                        *line,
                        "relation without from_id and to_id; skipped".into(),
                    ));
                    continue;
                };
                let missing = [&from, &to]
                    .into_iter()
                    .find(|e| !regions.contains_key(e.as_str()));
                if let Some(m) = missing {
                    out.push(err(*line, format!("relation {from} -> {to}: no labelled region {m:?} in this annotation; skipped")));
                    continue;
                }
                let (content, other) = if found.contains_key(from.as_str()) {
                    (from, to)
                } else if found.contains_key(to.as_str()) {
                    (to, from)
                } else {
                    continue;
                };
                let labelled = item.labels.iter().flatten().find_map(|l| mapping.role(l));
                let o = &regions[&other];
                let Some(s) = found.get_mut(content.as_str()) else {
                    continue;
                };
                match labelled.or(o.role) {
                    Some(Role::Source) if s.speaker.is_none() => {
                        s.speaker = Some(Mention::text(&o.text))
                    }
                    Some(Role::Cue) => s.cue = Some(o.text.clone()),
                    Some(Role::Addressee) => s.addressees.push(Mention::text(&o.text)),
                    Some(Role::OnBehalfOf) => s.on_behalf_of = Some(Mention::text(&o.text)),
                    _ => {}
                }
            }
            Some("choices") | Some("textarea") | Some("taxonomy") => {
                let Some(s) = found.get_mut(id.as_str()) else {
                    continue;
                };
                let name = item.from_name.as_deref().unwrap_or_default();
                let values: Vec<&str> = item
                    .value
                    .iter()
                    .flat_map(|v| v.values())
                    .filter_map(Value::as_array)
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let is = |n: &str| name.eq_ignore_ascii_case(n);
                for v in values {
                    if is(&mapping.mode) {
                        match mapping.mode(v) {
                            Some(m) => s.mode = Some(m),
                            None => out.push(err(*line, format!("unknown mode {v:?}: expected one of {}; the mode is inferred instead", crate::model::Mode::expected())).warning()),
                        }
                    } else if is(&mapping.topic) {
                        s.topics.push((v.to_string(), None));
                    } else if is(&mapping.stance) {
                        s.stance = mapping.stance(v).or(s.stance);
                    } else if is("notes") || is("annotatornotes") {
                        s.notes = Some(v.to_string());
                    } else if is("translation") {
                        s.translation = Some(v.to_string());
                    } else if is("place") {
                        s.place = Some(v.to_string());
                    } else if is("date") {
                        s.date = Some(v.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    let mut result: Vec<Attribution> = Vec::new();
    for id in &order {
        if let Some(a) = found.remove(id.as_str()) {
            result.push(a);
        }
    }
    result
}
