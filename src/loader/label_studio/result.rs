//! One annotation's results: labelled regions, the relations linking them and the choices made on them, as attributions.

use super::char_range;
use super::scalar;
use crate::diagnostic::Diagnostic;
use crate::loader::attribution::{Attribution, Mention};
use crate::loader::mapping::{Mapping, Role};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// One result of an annotation: a labelled region, a relation or a choice.
#[derive(Deserialize)]
pub(super) struct Item {
    id: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from_name: Option<String>,
    value: Option<serde_json::Map<String, Value>>,
    from_id: Option<Value>,
    to_id: Option<Value>,
    labels: Option<Vec<String>>,
    /// A prediction's confidence in this region.
    score: Option<f64>,
}

/// A labelled span of one annotation, offsets already in characters.
struct Region {
    role: Option<Role>,
    pieces: (usize, usize),
    text: String,
    line: usize,
    score: Option<f64>,
}

/// What one annotation's results are read against, and where problems go.
struct Reading<'a> {
    file: &'a str,
    mapping: &'a Mapping,
    out: &'a mut Vec<Diagnostic>,
}

impl Reading<'_> {
    fn err(&mut self, line: usize, message: String) {
        self.out
            .push(Diagnostic::at(self.file, Some(line), None, message));
    }
}

/// The statements of one annotation: each Content region, with what relations link to it.
pub(super) fn attributions(
    file: &str,
    items: &[(usize, Item)],
    chars: &[char],
    mapping: &Mapping,
    annotator: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<Attribution> {
    let mut reading = Reading { file, mapping, out };
    let (regions, order) = regions(&mut reading, items, chars);
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
                    confidence: r.score,
                    ..Attribution::default()
                },
            );
        }
    }
    for (line, item) in items {
        match item.kind.as_deref() {
            Some("relation") => relate(&mut reading, *line, item, &regions, &mut found),
            Some("choices") | Some("textarea") | Some("taxonomy") => {
                let id = item.id.as_ref().map(scalar).unwrap_or_default();
                if let Some(s) = found.get_mut(id.as_str()) {
                    choose(&mut reading, *line, item, s);
                }
            }
            _ => {}
        }
    }
    order
        .iter()
        .filter_map(|id| found.remove(id.as_str()))
        .collect()
}

/// The labelled regions by id, and their ids in order.
fn regions(
    reading: &mut Reading,
    items: &[(usize, Item)],
    chars: &[char],
) -> (HashMap<String, Region>, Vec<String>) {
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
            reading.err(
                *line,
                format!(
                    "region {id:?}: expected numeric value.start and value.end; region skipped"
                ),
            );
            continue;
        };
        let text = value.get("text").and_then(Value::as_str);
        match char_range(chars, start, end, text) {
            Ok(pieces) => {
                let role = labels.iter().find_map(|l| reading.mapping.role(l));
                order.push(id.clone());
                regions.insert(
                    id,
                    Region {
                        role,
                        pieces,
                        text: chars[pieces.0..pieces.1].iter().collect(),
                        line: *line,
                        score: item.score,
                    },
                );
            }
            Err(message) => {
                reading.err(*line, format!("region {id:?}: {message}; span not trusted"))
            }
        }
    }
    (regions, order)
}

/// A relation: the region linked to a Content region fills its speaker, cue,
/// addressees or principal, by the relation's label or else the region's.
fn relate(
    reading: &mut Reading,
    line: usize,
    item: &Item,
    regions: &HashMap<String, Region>,
    found: &mut HashMap<&str, Attribution>,
) {
    let (Some(from), Some(to)) = (
        item.from_id.as_ref().map(scalar),
        item.to_id.as_ref().map(scalar),
    ) else {
        reading.err(line, "relation without from_id and to_id; skipped".into());
        return;
    };
    let missing = [&from, &to]
        .into_iter()
        .find(|e| !regions.contains_key(e.as_str()));
    if let Some(m) = missing {
        reading.err(
            line,
            format!(
                "relation {from} -> {to}: no labelled region {m:?} in this annotation; skipped"
            ),
        );
        return;
    }
    let (content, other) = if found.contains_key(from.as_str()) {
        (from, to)
    } else if found.contains_key(to.as_str()) {
        (to, from)
    } else {
        return;
    };
    let labelled = item
        .labels
        .iter()
        .flatten()
        .find_map(|l| reading.mapping.role(l));
    let o = &regions[&other];
    let Some(s) = found.get_mut(content.as_str()) else {
        return;
    };
    match labelled.or(o.role) {
        Some(Role::Source) if s.speaker.is_none() => s.speaker = Some(Mention::text(&o.text)),
        Some(Role::Cue) => s.cue = Some(o.text.clone()),
        Some(Role::Addressee) => s.addressees.push(Mention::text(&o.text)),
        Some(Role::OnBehalfOf) => s.on_behalf_of = Some(Mention::text(&o.text)),
        _ => {}
    }
}

/// A choice, text area or taxonomy on a Content region: its mode, topics, stance,
/// notes, translation, place or date, by the control's name.
fn choose(reading: &mut Reading, line: usize, item: &Item, s: &mut Attribution) {
    let mapping = reading.mapping;
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
                None => reading.out.push(
                    Diagnostic::at(
                        reading.file,
                        Some(line),
                        None,
                        format!(
                            "unknown mode {v:?}: expected one of {}; the mode is inferred instead",
                            crate::model::Mode::expected()
                        ),
                    )
                    .warning(),
                ),
            }
        } else if is(&mapping.topic) {
            s.topics.push((v.to_string(), None));
        } else if mapping.is_stance_attribute(name) {
            s.stance = mapping.stance(v).or(s.stance);
        } else if is("notes") || is("annotatornotes") {
            s.add_note(v);
        } else if is("translation") {
            s.translation = Some(v.to_string());
        } else if is("place") {
            s.place = Some(v.to_string());
        } else if is("date") {
            s.date = Some(v.to_string());
        } else {
            // A control demarche does not use: kept in the notes as `NAME: VALUE`.
            s.add_note(&format!("{name}: {v}"));
        }
    }
}
