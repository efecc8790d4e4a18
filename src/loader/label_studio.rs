//! Label Studio JSON exports: a list of tasks, each annotation (annotator) and each prediction its own set of statements.

mod offsets;
mod result;

pub use offsets::char_range;

use super::attribution::Builder;
use super::folder::Folder;
use super::pending::{Pending, PendingDoc};
use crate::diagnostic::Diagnostic;
use result::{Item, attributions};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
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
    /// Model output: each prediction is a set of statements with `provenance: auto`.
    #[serde(borrow)]
    predictions: Option<Vec<Prediction<'a>>>,
    /// Work saved but never submitted: not loaded, only counted in a warning.
    drafts: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
struct Prediction<'a> {
    id: Option<Value>,
    model_version: Option<Value>,
    score: Option<f64>,
    #[serde(borrow)]
    result: Option<Vec<&'a RawValue>>,
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

/// Parses one export file; `dir` is its folder (mapping, metadata, actors).
pub fn parse(file: &str, bytes: &[u8], dir: Option<&Path>) -> Pending {
    // Diagnostics go to `diagnostics`, documents to `parsed`.
    let mut parsed = Pending::default();
    let mut diagnostics = Vec::new();
    let out = &mut diagnostics;
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
            parsed.diagnostics = diagnostics;
            return parsed;
        }
    };
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("label-studio")
        .to_string();
    let export = Export {
        file,
        bytes,
        folder,
        stem,
    };
    for (n, raw) in tasks.into_iter().enumerate() {
        if let Some(doc) = export.task(n + 1, raw, out) {
            parsed.push(doc);
        }
    }
    parsed.diagnostics = diagnostics;
    parsed
}

/// One export file being read: its name, bytes (for line numbers) and folder.
struct Export<'a> {
    file: &'a str,
    bytes: &'a [u8],
    folder: Folder,
    /// The file's stem: articles without an id are `<stem>-<task id>`.
    stem: String,
}

impl Export<'_> {
    /// The line on which `raw`, a slice of the file's bytes, starts.
    fn line_of(&self, raw: &RawValue) -> usize {
        let bytes = self.bytes;
        let offset = (raw.get().as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
        1 + bytes
            .get(..offset)
            .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
    }

    fn err(&self, line: usize, message: String) -> Diagnostic {
        Diagnostic::at(self.file, Some(line), None, message)
    }

    /// Task number `n`: its article with the statements of every annotation not cancelled.
    fn task(&self, n: usize, raw: &RawValue, out: &mut Vec<Diagnostic>) -> Option<PendingDoc> {
        let line = self.line_of(raw);
        let task: Task = match serde_json::from_str(raw.get()) {
            Ok(t) => t,
            Err(e) => {
                let e = e.to_string();
                let e = e.find(" at line ").map_or(e.as_str(), |i| &e[..i]);
                out.push(self.err(line, format!("task #{n}: {e}; task skipped")));
                return None;
            }
        };
        let data = task.data.unwrap_or_default();
        let Some(text) = data.get("text").and_then(Value::as_str).map(String::from) else {
            out.push(self.err(
                line,
                format!(
                    "task #{n}: no `data.text`: expected the article text (export from Label Studio as JSON, not JSON-MIN); task skipped"
                ),
            ));
            return None;
        };
        let task_id = task
            .id
            .as_ref()
            .map(scalar)
            .unwrap_or_else(|| n.to_string());
        let article = self.article(n, line, &task_id, &data, text, out);
        let chars: Vec<char> = article.text.chars().collect();
        let doc = PendingDoc::new(article, self.file, Some(line));
        let mut builder = Builder::new(doc, &self.folder);
        // Annotations per annotator so far: a second one by the same person (Label
        // Studio allows it) is the set `<annotator>#2`, its statements still theirs.
        let mut sets: std::collections::HashMap<String, usize> = Default::default();
        for (k, annotation) in task.annotations.unwrap_or_default().into_iter().enumerate() {
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
            if annotation.was_cancelled {
                out.push(self.err(line, format!(
                    "task #{n}: the annotation by {annotator} was cancelled (was_cancelled); skipped"
                )).warning());
                continue;
            }
            let count = sets.entry(annotator.clone()).or_default();
            *count += 1;
            let set = match *count {
                1 => annotator.clone(),
                c => format!("{annotator}#{c}"),
            };
            let items = self.items(annotation.result.unwrap_or_default(), out);
            let mapping = &self.folder.mapping;
            let mut found = attributions(self.file, &items, &chars, mapping, &set, out);
            super::speakers::resolve(&mut found, &self.folder.known);
            for mut a in found {
                a.confidence = None; // a person's annotation, whatever score it kept
                a.annotator = Some(annotator.clone());
                builder.add(self.file, a, out);
            }
        }
        for (k, prediction) in task.predictions.unwrap_or_default().into_iter().enumerate() {
            self.prediction(n, k, prediction, &chars, &mut builder, out);
        }
        let drafts = task.drafts.map_or(0, |d| d.len());
        if drafts > 0 {
            out.push(self.err(line, format!(
                "task #{n}: {drafts} draft(s), never submitted; not loaded (submit them in Label Studio to load them)"
            )).warning());
        }
        Some(builder.doc)
    }

    /// Prediction `k` of task `n`: its statements, found by a machine, are the set
    /// `prediction-<id>` without an annotator; the model version is their rule, the
    /// region's score (else the prediction's) their confidence.
    fn prediction(
        &self,
        n: usize,
        k: usize,
        prediction: Prediction,
        chars: &[char],
        builder: &mut Builder,
        out: &mut Vec<Diagnostic>,
    ) {
        let set = prediction
            .id
            .as_ref()
            .map_or_else(|| (k + 1).to_string(), scalar);
        let set = format!("prediction-{set}");
        let model = prediction.model_version.as_ref().map(scalar);
        let items = self.items(prediction.result.unwrap_or_default(), out);
        let mapping = &self.folder.mapping;
        let mut found = attributions(self.file, &items, chars, mapping, &set, out);
        super::speakers::resolve(&mut found, &self.folder.known);
        for mut a in found {
            let score = a.confidence.or(prediction.score);
            a.confidence = score.filter(|c| (0.0..=1.0).contains(c));
            if let (Some(c), None) = (score, a.confidence) {
                let line = a.line.unwrap_or(1);
                out.push(self.err(line, format!(
                    "task #{n}, {set}: score {c} is not from 0 to 1; the statement loads without a confidence"
                )).warning());
            }
            a.annotator = None;
            a.machine = true;
            a.rule.clone_from(&model);
            builder.add(self.file, a, out);
        }
    }

    /// The task's article: the folder's metadata for its id, overridden by the task's data.
    fn article(
        &self,
        n: usize,
        line: usize,
        task_id: &str,
        data: &serde_json::Map<String, Value>,
        text: String,
        out: &mut Vec<Diagnostic>,
    ) -> crate::model::Article {
        let field = |names: &[&str]| {
            names
                .iter()
                .find_map(|k| data.get(*k).map(scalar))
                .filter(|v| !v.trim().is_empty())
        };
        let id = field(&["article_id", "id", "doc_id"])
            .unwrap_or_else(|| format!("{}-{task_id}", self.stem));
        let mut article = self
            .folder
            .article(&id, text, format!("{}:{line}", self.file));
        article.title = field(&["title", "headline"]).or(article.title);
        article.outlet = field(&["outlet", "publisher", "source"]).or(article.outlet);
        article.author = field(&["author", "authors"]).or(article.author);
        article.url = field(&["url", "link"]).or(article.url);
        article.language = field(&["language", "lang"]).or(article.language);
        if let Some(date) = field(&["publication_date", "published", "date"]) {
            let parse = crate::date::DateSpec::parse;
            match parse(&date)
                .ok()
                .or_else(|| date.get(..10).and_then(|d| parse(d).ok()))
            {
                Some(d) => article.published = Some(d),
                None => out.push(
                    self.err(
                        line,
                        format!(
                            "task #{n}: date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD; ignored"
                        ),
                    )
                    .warning(),
                ),
            }
        }
        article
    }

    /// An annotation's results that parse, each with its line.
    fn items(&self, results: Vec<&RawValue>, out: &mut Vec<Diagnostic>) -> Vec<(usize, Item)> {
        results
            .into_iter()
            .filter_map(|raw| {
                let line = self.line_of(raw);
                match serde_json::from_str::<Item>(raw.get()) {
                    Ok(item) => Some((line, item)),
                    Err(e) => {
                        out.push(self.err(line, format!("result: {e}; skipped")));
                        None
                    }
                }
            })
            .collect()
    }
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
