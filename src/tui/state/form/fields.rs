//! The statement form's fields: which record key each edits, how its text is read from a record and turned back into the record's value (or the reason it cannot be).

use super::super::input::Input;
use crate::date::DateSpec;
use crate::model::{Mode, Stance};
use crate::search::fold_name;
use crate::store::Store;
use serde_json::Value;

/// What a field holds, which decides how its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One actor (by id, name or alias; Enter picks one with the finder).
    Actor {
        required: bool,
    },
    /// A comma-separated list of actors.
    Actors,
    Mode,
    Date,
    /// `topic:stance, …`; Enter completes a topic name fuzzily.
    Topics,
    Text,
}

/// The fields in the order the form shows them: (label, record key, kind).
pub const FIELDS: &[(&str, &str, Kind)] = &[
    ("Speaker", "speaker", Kind::Actor { required: true }),
    (
        "On behalf of",
        "on_behalf_of",
        Kind::Actor { required: false },
    ),
    ("Mode", "mode", Kind::Mode),
    ("Cue", "cue", Kind::Text),
    ("Date", "date", Kind::Date),
    ("Place", "place", Kind::Text),
    ("Addressees", "addressees", Kind::Actors),
    ("Topics", "topics", Kind::Topics),
    ("Translation", "translation", Kind::Text),
    ("Notes", "notes", Kind::Text),
];

/// One field: its place in [`FIELDS`] and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub key: &'static str,
    pub kind: Kind,
    pub input: Input,
}

impl Kind {
    /// What the form says under the field that has the cursor.
    pub fn hint(self) -> String {
        match self {
            Kind::Actor { .. } => {
                "an actor id, name or alias · Enter finds one (fuzzy) or makes a new one".into()
            }
            Kind::Actors => "actors, separated by commas · Enter adds one with the finder".into(),
            Kind::Mode => format!("one of: {}", Mode::expected()),
            Kind::Date => {
                "2025-02-13 (a day), 2025-02 (a month), 2025, before 2025-02-14, after 2025-02-10; empty: unknown".into()
            }
            Kind::Topics => {
                "topic:supports, topic:opposes or topic:neutral (+ - = for short), by commas · Enter completes a topic".into()
            }
            Kind::Text => "free text; empty leaves it out".into(),
        }
    }

    pub fn is_actor(self) -> bool {
        matches!(self, Kind::Actor { .. } | Kind::Actors)
    }
}

/// The fields filled from `record` (a statement of our format).
pub fn of(record: &Value) -> Vec<Field> {
    FIELDS
        .iter()
        .map(|&(label, key, kind)| Field {
            label,
            key,
            kind,
            input: Input::new(&text_of(record.get(key), kind)),
        })
        .collect()
}

fn text_of(value: Option<&Value>, kind: Kind) -> String {
    let Some(value) = value else {
        return String::new();
    };
    match (kind, value) {
        (_, Value::String(s)) => s.clone(),
        (Kind::Actors, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        (Kind::Topics, Value::Array(items)) => items
            .iter()
            .map(|t| {
                let name = t.get("topic").and_then(Value::as_str).unwrap_or("");
                let stance = t.get("stance").and_then(Value::as_str).unwrap_or("");
                format!("{name}:{stance}")
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// The actor a field's text names: an id, or a name or alias naming one actor
/// (spelling folded); `fresh` are the actors this form makes.
pub fn resolve(store: &Store, fresh: &[Value], text: &str) -> Result<String, String> {
    let text = text.trim();
    let fresh_id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
    if store.actor_by_key(text).is_some() {
        return Ok(text.to_string());
    }
    if let Some(id) = fresh.iter().filter_map(fresh_id).find(|id| id == text) {
        return Ok(id);
    }
    let folded = fold_name(text);
    // The store keeps every actor's names folded (drawn each frame the form is open).
    let mut named: Vec<String> = (store.actor_keys().iter().enumerate())
        .filter(|(_, keys)| keys.contains(&folded))
        .map(|(i, _)| store.actors[i].id.clone())
        .collect();
    named.extend(
        fresh
            .iter()
            .filter(|v| {
                v.get("name").and_then(Value::as_str).map(fold_name) == Some(folded.clone())
            })
            .filter_map(fresh_id),
    );
    match named.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "no actor {text:?}: Enter on the field finds one or makes a new one"
        )),
        _ => Err(format!(
            "{text:?} names {} actors ({}): write the id",
            named.len(),
            named.join(", ")
        )),
    }
}

/// The stance a topic item writes, in full or as `+`, `-`, `=`.
fn stance(text: &str) -> Option<Stance> {
    match text.trim() {
        "+" => Some(Stance::Supports),
        "-" => Some(Stance::Opposes),
        "=" => Some(Stance::Neutral),
        other => Stance::parse(other),
    }
}

/// The items of a comma-separated list, trimmed, empty ones left out.
pub fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// The record's value for `field`, `None` to leave the key out, or why the text
/// cannot be it.
pub fn value(store: &Store, fresh: &[Value], field: &Field) -> Result<Option<Value>, String> {
    let text = field.input.text().trim();
    if text.is_empty() {
        return match field.kind {
            Kind::Actor { required: true } => Err("a statement needs a speaker".into()),
            Kind::Mode => Err(format!("a statement needs a mode: {}", Mode::expected())),
            _ => Ok(None),
        };
    }
    Ok(Some(match field.kind {
        Kind::Actor { .. } => resolve(store, fresh, text)?.into(),
        Kind::Actors => {
            let ids: Result<Vec<String>, String> =
                items(text).map(|t| resolve(store, fresh, t)).collect();
            ids?.into()
        }
        Kind::Mode => Mode::parse(text)
            .ok_or_else(|| format!("no mode {text:?}: one of {}", Mode::expected()))?
            .as_str()
            .into(),
        Kind::Date => DateSpec::parse(text)
            .map_err(|e| e.to_string())?
            .to_string()
            .into(),
        Kind::Topics => {
            let mut out = Vec::new();
            for item in items(text) {
                let (name, said) = item.rsplit_once(':').ok_or_else(|| {
                    format!("topic {item:?} needs a stance: {item}:supports, :opposes or :neutral")
                })?;
                let s = stance(said).ok_or_else(|| {
                    format!(
                        "no stance {:?} for {name:?}: supports, opposes, neutral (+ - =)",
                        said.trim()
                    )
                })?;
                out.push(serde_json::json!({"topic": name.trim(), "stance": s.as_str()}));
            }
            out.into()
        }
        Kind::Text => text.into(),
    }))
}

/// The existing topic names that best match the item being typed (after the last
/// comma, before any colon), best first.
pub fn topic_suggestions(store: &Store, text: &str) -> Vec<String> {
    use fuzzy_matcher::FuzzyMatcher;
    let last = text.rsplit(',').next().unwrap_or("").trim();
    if last.is_empty() || last.contains(':') {
        return Vec::new();
    }
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default();
    let mut scored: Vec<(i64, &String)> = store
        .topics
        .iter()
        .filter_map(|t| matcher.fuzzy_match(t, last).map(|s| (s, t)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(5).map(|(_, t)| t.clone()).collect()
}

/// `text` with its last item replaced by `topic:` (ready for the stance).
pub fn complete_topic(text: &str, topic: &str) -> String {
    match text.rfind(',') {
        Some(i) => format!("{}, {topic}:", text[..i].trim_end()),
        None => format!("{topic}:"),
    }
}
