//! Resolving one `.ann` file: attribution events become [`Attribution`]s, then
//! attribute, relation and note lines fill them in.

mod fill;

use super::ann::{self, Annotations, Item};
use crate::diagnostic::Diagnostic;
use crate::loader::attribution::{Attribution, Mention, reference_id};
use crate::loader::mapping::{Mapping, Role};
use std::collections::HashMap;

/// What an annotation id names, for messages about references.
enum Target<'a> {
    Span(&'a ann::TextBound),
    Untrusted(usize),
    Event(usize),
    Missing,
}

/// The attributions of one file, as they are being resolved.
struct Resolver<'a> {
    file: &'a str,
    anns: &'a Annotations,
    mapping: &'a Mapping,
    events: HashMap<&'a str, usize>,
    /// Normalisations by target: spans get a reference, events a speaker.
    references: HashMap<&'a str, (String, Option<String>)>,
    /// Which events a span stands for (as Content, Source or trigger), for A/R/# lines.
    by_span: HashMap<&'a str, Vec<usize>>,
    /// Which events a span is the Content of: attributes and relations demarche does not
    /// use are kept in the notes of these (and of the event they name) only.
    contents: HashMap<&'a str, Vec<usize>>,
    /// One entry per event: `None` when it is not (or not a valid) attribution.
    results: Vec<Option<Attribution>>,
    out: &'a mut Vec<Diagnostic>,
}

/// An event's text spans by role.
struct Args<'a> {
    content: Vec<&'a ann::TextBound>,
    cues: Vec<&'a ann::TextBound>,
    source: Option<(&'a ann::TextBound, &'a str)>,
}

/// Resolves every attribution event of one file.
pub fn attributions(
    file: &str,
    anns: &Annotations,
    mapping: &Mapping,
    annotator: Option<&str>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Attribution> {
    let mut r = Resolver {
        file,
        anns,
        mapping,
        events: anns
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect(),
        references: HashMap::new(),
        by_span: HashMap::new(),
        contents: HashMap::new(),
        results: Vec::with_capacity(anns.events.len()),
        out,
    };
    r.normalisations();
    r.events(annotator);
    // Notes first: annotators' notes head a statement's notes, unused attributes and
    // relations follow.
    r.notes();
    r.attributes();
    r.relations();
    r.results.into_iter().flatten().collect()
}

impl<'a> Resolver<'a> {
    fn target(&self, id: &str) -> Target<'a> {
        let anns = self.anns;
        match (
            anns.spans.get(id),
            anns.untrusted.get(id),
            self.events.get(id),
        ) {
            (Some(t), _, _) => Target::Span(t),
            (_, Some(&line), _) => Target::Untrusted(line),
            (_, _, Some(&i)) => Target::Event(i),
            _ => Target::Missing,
        }
    }

    fn err(&mut self, line: usize, message: String) {
        self.out
            .push(Diagnostic::at(self.file, Some(line), None, message));
    }

    fn warn(&mut self, line: usize, message: String) {
        self.out
            .push(Diagnostic::at(self.file, Some(line), None, message).warning());
    }

    fn mention(&self, span: &ann::TextBound, id: &str) -> Mention {
        Mention {
            text: span.text.clone(),
            reference: self.references.get(id).cloned(),
        }
    }

    /// Records that span `id` stands for event `i` (once).
    fn link(&mut self, id: &'a str, i: usize) {
        let list = self.by_span.entry(id).or_default();
        if !list.contains(&i) {
            list.push(i);
        }
    }

    fn normalisations(&mut self) {
        for n in &self.anns.normalizations {
            let Some((namespace, id)) = n.value.as_deref().and_then(|v| v.split_once(':')) else {
                continue;
            };
            match self.target(&n.target) {
                Target::Missing => self.err(
                    n.line,
                    format!(
                        "normalisation of {}: no annotation with that id in this file; skipped",
                        n.target
                    ),
                ),
                _ if id.is_empty() => self.err(
                    n.line,
                    format!(
                        "normalisation of {}: empty id in {:?}; skipped",
                        n.target,
                        n.value.as_deref().unwrap_or_default()
                    ),
                ),
                _ => {
                    self.references
                        .insert(&n.target, (reference_id(namespace, id), n.text.clone()));
                }
            }
        }
    }

    fn events(&mut self, annotator: Option<&str>) {
        let anns = self.anns;
        for (i, e) in anns.events.iter().enumerate() {
            let attribution = self.event(i, e, annotator);
            self.results.push(attribution);
        }
    }

    /// Event `i` as an attribution, if it is one and a valid one.
    fn event(
        &mut self,
        i: usize,
        e: &'a ann::Event,
        annotator: Option<&str>,
    ) -> Option<Attribution> {
        let args = self.arguments(i, e);
        if let Some(trigger) = &e.trigger {
            self.link(trigger, i);
        }
        let Args {
            content,
            cues,
            source,
        } = args?;
        if !self.mapping.is_attribution(&e.kind) && content.is_empty() {
            return None;
        }
        if content.is_empty() {
            self.err(e.line, format!(
                "{}: an attribution without content: expected a {}:T<n> argument; event skipped",
                e.id,
                self.mapping.content.first().map_or("Content", String::as_str)
            ));
            return None;
        }
        let Some((pieces, text)) = content_text(&content) else {
            self.err(
                e.line,
                format!("{}: its content spans overlap; event skipped", e.id),
            );
            return None;
        };
        let speaker = match (source, self.references.get(e.id.as_str())) {
            (_, Some(reference)) => Some(Mention {
                text: source.map_or_else(
                    || reference.1.clone().unwrap_or_else(|| reference.0.clone()),
                    |(s, _)| s.text.clone(),
                ),
                reference: Some(reference.clone()),
            }),
            (Some((span, id)), None) => Some(self.mention(span, id)),
            (None, None) => None,
        };
        let key = match annotator {
            Some(a) => format!("{a}/{}", e.id),
            None => e.id.clone(),
        };
        Some(Attribution {
            key,
            line: Some(e.line),
            content: pieces,
            text,
            cue: (!cues.is_empty()).then(|| {
                cues.iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            speaker,
            annotator: annotator.map(String::from),
            ..Attribution::default()
        })
    }

    /// Event `i`'s arguments by role, linking its spans to it; `None` (each problem
    /// reported) if one names no trusted span.
    fn arguments(&mut self, i: usize, e: &'a ann::Event) -> Option<Args<'a>> {
        let mut args = Args {
            content: Vec::new(),
            cues: Vec::new(),
            source: None,
        };
        let mut broken = false;
        for (role_name, id) in &e.args {
            let role = self.mapping.role(role_name);
            if role.is_some() {
                self.link(id, i);
            }
            let span = match self.target(id) {
                Target::Span(t) => t,
                Target::Untrusted(line) => {
                    self.err(e.line, format!(
                        "{}: {role_name}:{id} is the span on line {line}, which is not trusted; event skipped",
                        e.id
                    ));
                    broken = true;
                    continue;
                }
                Target::Event(_) | Target::Missing => {
                    self.err(
                        e.line,
                        format!(
                            "{}: {role_name}:{id} names no text span in this file; event skipped",
                            e.id
                        ),
                    );
                    broken = true;
                    continue;
                }
            };
            match role {
                Some(Role::Content) => {
                    args.content.push(span);
                    self.contents.entry(id).or_default().push(i);
                }
                Some(Role::Cue) => args.cues.push(span),
                Some(Role::Source) if args.source.is_none() => args.source = Some((span, id)),
                Some(Role::Source) => self.warn(
                    e.line,
                    format!(
                        "{}: a second source {role_name}:{id}; the first is used",
                        e.id
                    ),
                ),
                _ => {}
            }
        }
        (!broken).then_some(args)
    }

    /// The events whose notes keep an attribute or relation on `target` that is not
    /// used otherwise: the event `target` names, or those it is the Content of.
    fn noted_events(&self, target: &str) -> Vec<usize> {
        match self.events.get(target) {
            Some(&i) => vec![i],
            None => self.contents.get(target).cloned().unwrap_or_default(),
        }
    }

    /// The events an A, R or # line's target stands for.
    fn events_of(&mut self, item: &Item, what: &str) -> Vec<usize> {
        match self.target(&item.target) {
            Target::Event(i) => vec![i],
            Target::Span(_) => self
                .by_span
                .get(item.target.as_str())
                .cloned()
                .unwrap_or_default(),
            Target::Untrusted(_) => Vec::new(),
            Target::Missing => {
                self.err(
                    item.line,
                    format!(
                        "{what} on {}: no annotation with that id in this file; skipped",
                        item.target
                    ),
                );
                Vec::new()
            }
        }
    }
}

/// The content's pieces and text (`None` if pieces overlap). One span keeps its pieces
/// in the order its line lists them, its text joined in that order (brat's surface
/// text); several Content spans are taken in text order, each by its first character.
fn content_text(content: &[&ann::TextBound]) -> Option<(Vec<(usize, usize)>, String)> {
    let mut spans: Vec<&ann::TextBound> = content.to_vec();
    spans.sort_by_key(|t| t.pieces.iter().map(|p| p.0).min());
    let pieces: Vec<(usize, usize)> = spans
        .iter()
        .flat_map(|t| t.pieces.iter().copied())
        .collect();
    if ann::overlap(&pieces).is_some() {
        return None;
    }
    let text = spans
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some((pieces, text))
}

/// An actor given in a note: `NAMESPACE:ID Name`, or just a name.
fn note_actor(text: &str) -> Mention {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    match first.split_once(':') {
        Some((namespace, id)) if !namespace.is_empty() && !id.is_empty() => Mention {
            text: rest.trim().to_string(),
            reference: Some((
                reference_id(namespace, id),
                Some(rest.trim().to_string()).filter(|r| !r.is_empty()),
            )),
        },
        _ => Mention::text(text),
    }
}
