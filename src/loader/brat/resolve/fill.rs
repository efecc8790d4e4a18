//! The lines that fill resolved events in: attributes (mode, stance, ...), relations (on behalf of, addressee) and notes.

use super::{Resolver, Target, note_actor};
use crate::loader::mapping::Role;
use std::collections::HashSet;

impl Resolver<'_> {
    pub(super) fn attributes(&mut self) {
        let (anns, mapping) = (self.anns, self.mapping);
        let is = |name: &str, wanted: &str| name.eq_ignore_ascii_case(wanted);
        for a in &anns.attributes {
            let value = a.value.as_deref().unwrap_or_default();
            let known = [&mapping.mode, &mapping.topic, &mapping.stance]
                .iter()
                .any(|n| is(&a.kind, n))
                || mapping.is_stance_attribute(&a.kind);
            if !known {
                // Kept where a reader of the statement can see it.
                let note = match a.value.as_deref() {
                    Some(v) => format!("{}: {v}", a.kind),
                    None => a.kind.clone(),
                };
                let _ = self.events_of(a, "attribute"); // reports a missing target
                for i in self.noted_events(&a.target) {
                    if let Some(s) = self.results[i].as_mut() {
                        s.add_note(&note);
                    }
                }
                continue;
            }
            for i in self.events_of(a, "attribute") {
                let mut warning = None;
                let Some(s) = self.results[i].as_mut() else {
                    continue;
                };
                if is(&a.kind, &mapping.mode) {
                    match mapping.mode(value) {
                        Some(m) => s.mode = Some(m),
                        None => {
                            warning = Some(format!(
                                "unknown mode {value:?}: expected one of {} (or a name mapped in `modes`); the mode is inferred instead",
                                crate::model::Mode::expected()
                            ))
                        }
                    }
                } else if is(&a.kind, &mapping.topic) {
                    let (topic, stance) = match value.rsplit_once(':') {
                        Some((t, st)) if mapping.stance(st).is_some() => (t, mapping.stance(st)),
                        _ => (value, None),
                    };
                    if topic.is_empty() {
                        warning = Some("a topic attribute without a value; ignored".into());
                    } else {
                        s.topics.push((topic.to_string(), stance));
                    }
                } else {
                    match mapping.stance(value) {
                        Some(st) => s.stance = Some(st),
                        None => {
                            warning = Some(format!(
                                "unknown stance {value:?}: expected one of {} (or a name mapped in `stances`); ignored",
                                crate::model::Stance::expected()
                            ))
                        }
                    }
                }
                if let Some(w) = warning {
                    self.warn(a.line, w);
                }
            }
        }
    }

    pub(super) fn relations(&mut self) {
        let anns = self.anns;
        for r in &anns.relations {
            let role = self.mapping.role(&r.kind);
            if !matches!(role, Some(Role::Addressee | Role::OnBehalfOf)) {
                self.other_relation(r);
                continue;
            }
            let arg2 = r.value.as_deref().unwrap_or_default();
            let actor = match self.target(arg2) {
                Target::Span(t) => self.mention(t, arg2),
                Target::Untrusted(line) => {
                    self.err(r.line, format!(
                        "{}: Arg2:{arg2} is the span on line {line}, which is not trusted; relation skipped",
                        r.kind
                    ));
                    continue;
                }
                Target::Event(_) | Target::Missing => {
                    self.err(
                        r.line,
                        format!(
                            "{}: Arg2:{arg2} names no text span in this file; relation skipped",
                            r.kind
                        ),
                    );
                    continue;
                }
            };
            for i in self.events_of(r, "relation") {
                let Some(s) = self.results[i].as_mut() else {
                    continue;
                };
                match role {
                    Some(Role::Addressee) => s.addressees.push(actor.clone()),
                    _ => s.on_behalf_of = Some(actor.clone()),
                }
            }
        }
    }

    /// A relation demarche does not use: kept in the notes of the statement at either
    /// end (its event or Content span) as `TYPE: the other end's text`.
    fn other_relation(&mut self, r: &super::super::ann::Item) {
        let arg2 = r.value.as_deref().unwrap_or_default();
        for (here, there) in [(r.target.as_str(), arg2), (arg2, r.target.as_str())] {
            let other = match self.target(there) {
                Target::Span(t) => format!("{:?}", t.text),
                _ => there.to_string(),
            };
            let note = format!("{}: {other}", r.kind);
            for i in self.noted_events(here) {
                if let Some(s) = self.results[i].as_mut() {
                    s.add_note(&note);
                }
            }
        }
    }

    /// `#` notes; several notes of one text type on one event are lines of one text.
    pub(super) fn notes(&mut self) {
        let anns = self.anns;
        let mut noted: HashSet<(usize, String)> = HashSet::new();
        for n in &anns.notes {
            let text = n.value.as_deref().unwrap_or_default().to_string();
            let kind = n.kind.to_ascii_lowercase();
            for i in self.events_of(n, "note") {
                let Some(s) = self.results[i].as_mut() else {
                    continue;
                };
                let first = noted.insert((i, kind.clone()));
                let field = match kind.as_str() {
                    "annotatornotes" => {
                        s.add_note(&text);
                        continue;
                    }
                    "translation" => &mut s.translation,
                    "place" => &mut s.place,
                    "date" => &mut s.date,
                    "cue" => &mut s.cue,
                    "key" | "id" => {
                        s.key = text.trim().to_string();
                        continue;
                    }
                    "addressee" => {
                        s.addressees.push(note_actor(text.trim()));
                        continue;
                    }
                    "onbehalfof" => {
                        s.on_behalf_of = Some(note_actor(text.trim()));
                        continue;
                    }
                    _ => continue,
                };
                match field {
                    Some(lines) if !first => {
                        lines.push('\n');
                        lines.push_str(&text);
                    }
                    _ => *field = Some(text.clone()),
                }
            }
        }
    }
}
