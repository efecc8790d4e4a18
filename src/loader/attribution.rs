//! What the annotation-tool importers share: actors from speaker spans, mode inference (`mode`),
//! and turning one attribution into a statement through the native checks.

mod mode;

pub use mode::infer_mode;

use super::folder::Folder;
use super::pending::{PendingDoc, Position};
use super::raw::{RawSpan, RawStatement, RawTopic};
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorKind, Mode, Stance};
use std::borrow::Cow;
use std::collections::HashMap;

/// The actor an attribution without a source is given.
pub const UNKNOWN_SOURCE: &str = "unknown-source";
/// The namespace of normalisations that name our own actor ids verbatim.
pub const OWN_NAMESPACE: &str = "demarche";

/// Speaker spans that are only a pronoun: kept unresolved, never turned into a name.
const PRONOUNS: &[&str] = &[
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "one", "this",
    "that", "these", "those", "who", "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "je",
    "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "yo", "él", "ella", "nosotros",
    "ellos", "ellas", "io", "lui", "lei", "noi", "loro", "я", "ты", "он", "она", "оно", "мы", "вы",
    "они",
];

/// An actor as an annotation names it: the span's text, and a normalisation if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub text: String,
    /// An actor id with an optional display name, from a normalisation.
    pub reference: Option<(String, Option<String>)>,
}

impl Mention {
    pub fn text(text: &str) -> Mention {
        Mention {
            text: text.to_string(),
            reference: None,
        }
    }
}

/// One attribution, format-neutral: what both importers hand to [`Builder::add`].
#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub key: String,
    /// The line diagnostics about the statement report.
    pub line: Option<usize>,
    /// Content pieces in characters, in the order `text` joins them (brat may list a
    /// span's pieces out of text order); never overlapping.
    pub content: Vec<(usize, usize)>,
    /// The content's text (pieces joined by one space, in that order).
    pub text: String,
    pub cue: Option<String>,
    /// `None`: the attribution has no source.
    pub speaker: Option<Mention>,
    pub on_behalf_of: Option<Mention>,
    pub addressees: Vec<Mention>,
    pub mode: Option<Mode>,
    pub topics: Vec<(String, Option<Stance>)>,
    /// A stance for the topics that give none.
    pub stance: Option<Stance>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub translation: Option<String>,
    pub notes: Option<String>,
    pub annotator: Option<String>,
    /// Found by a machine (a Label Studio prediction): `provenance: auto`, with the
    /// model as its rule and its score, when from 0 to 1, as its confidence.
    pub machine: bool,
    pub rule: Option<String>,
    pub confidence: Option<f64>,
}

impl Attribution {
    /// Adds a line to the statement's notes.
    pub fn add_note(&mut self, line: &str) {
        match &mut self.notes {
            Some(notes) => {
                notes.push('\n');
                notes.push_str(line);
            }
            None => self.notes = Some(line.to_string()),
        }
    }
}

/// A normalisation's namespace and id as an actor id: `demarche:x` is `x`,
/// anything else `namespace:id` in lowercase (`wikidata:q123`).
pub fn reference_id(namespace: &str, id: &str) -> String {
    if namespace.eq_ignore_ascii_case(OWN_NAMESPACE) {
        id.to_string()
    } else {
        format!("{}:{}", namespace.to_lowercase(), id.to_lowercase())
    }
}

/// An actor id from a name: lowercase letters and digits (any script), other runs as `-`.
pub fn name_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' && !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// The name in a speaker span: without trailing punctuation, and without an
/// apposition (`Flynn, a top Trump surrogate,` is `Flynn`).
pub fn speaker_name(text: &str) -> &str {
    let text = text
        .trim()
        .trim_end_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–') || c.is_whitespace());
    const APPOSITIONS: &[&str] = &[
        ", a ",
        ", an ",
        ", the ",
        ", who ",
        ", which ",
        ", one of ",
        " — ",
        " – ",
    ];
    let cut = APPOSITIONS
        .iter()
        .filter_map(|a| text.find(a))
        .min()
        .unwrap_or(text.len());
    let name = text[..cut].trim();
    if name.is_empty() { text } else { name }
}

/// Whether a speaker span is only a pronoun.
pub fn is_pronoun(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    PRONOUNS.contains(&t.as_str())
}

/// Defines actors in one document as attributions name them, and adds the statements.
pub struct Builder<'a> {
    pub doc: PendingDoc,
    folder: &'a Folder,
    /// Actor ids defined in `doc`, to their index in `doc.actors`.
    defined: HashMap<String, usize>,
    /// The article text as characters, for mode inference (built on first need).
    chars: Option<Vec<char>>,
}

impl<'a> Builder<'a> {
    pub fn new(doc: PendingDoc, folder: &'a Folder) -> Self {
        Builder {
            doc,
            folder,
            defined: HashMap::new(),
            chars: None,
        }
    }

    /// The actor id a mention stands for, defining the actor on first use.
    pub fn actor(&mut self, mention: Option<&Mention>) -> String {
        let Some(mention) = mention else {
            return self.define(UNKNOWN_SOURCE, "Unknown source", None);
        };
        let text = mention.text.trim();
        if let Some((id, name)) = &mention.reference {
            let name = name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .or(Some(text).filter(|t| !t.is_empty()))
                .unwrap_or(id);
            return self.define(id, name, Some(text));
        }
        let name = speaker_name(text);
        let id = name_id(name);
        if is_pronoun(name) || id.is_empty() {
            let id = format!(
                "{}{}:{}",
                super::speakers::UNRESOLVED,
                self.doc.article.id,
                text.to_lowercase()
            );
            return self.define(&id, &format!("{text} (unresolved)"), None);
        }
        self.define(&id, name, Some(text))
    }

    /// Defines `id` (from the folder's actor table when it is there), adding
    /// `also` as an alias when it differs from the name.
    fn define(&mut self, id: &str, name: &str, also: Option<&str>) -> String {
        let index = match self.defined.get(id) {
            Some(&i) => i,
            None => {
                let (actor, inferred) = match self.folder.actors.get(id) {
                    Some(a) => (a.clone(), false),
                    None => (
                        Actor {
                            id: id.to_string(),
                            name: name.to_string(),
                            aliases: Vec::new(),
                            kind: ActorKind::Other,
                            role: None,
                            affiliation: None,
                            country: None,
                        },
                        true,
                    ),
                };
                if inferred {
                    self.doc.inferred.insert(id.to_string());
                }
                let i = self.doc.actors.len();
                let file = self.doc.file.clone();
                let at = Position::new(&file, 1, &[], false);
                self.doc
                    .define_actor(std::sync::Arc::new(actor), &at, &mut Vec::new());
                self.defined.insert(id.to_string(), i);
                i
            }
        };
        if let Some(also) = also.filter(|a| !a.is_empty()) {
            let actor = std::sync::Arc::make_mut(&mut self.doc.actors[index]);
            if actor.name != also && !actor.aliases.iter().any(|a| a == also) {
                actor.aliases.push(also.to_string());
            }
        }
        id.to_string()
    }

    /// Checks one attribution through the native statement checks and keeps it.
    pub fn add(&mut self, file: &str, mut a: Attribution, out: &mut Vec<Diagnostic>) {
        // A stance with no topic to take it has no field of its own: kept in the notes.
        if let (Some(stance), true) = (a.stance, a.topics.is_empty()) {
            a.add_note(&format!("stance: {stance} (no topic given)"));
        }
        let speaker = self.actor(a.speaker.as_ref());
        let on_behalf_of = a.on_behalf_of.as_ref().map(|m| self.actor(Some(m)));
        let addressees: Vec<Cow<str>> = a
            .addressees
            .iter()
            .map(|m| Cow::Owned(self.actor(Some(m))))
            .collect();
        let mode = a.mode.unwrap_or_else(|| {
            let text = &self.doc.article.text;
            let chars = self.chars.get_or_insert_with(|| text.chars().collect());
            // From the first character of the content to its last, in text order.
            let start = a.content.iter().map(|p| p.0).min().unwrap_or(0);
            let end = a.content.iter().map(|p| p.1).max().unwrap_or(0);
            infer_mode(chars, start, end)
        });
        let span = match a.content.as_slice() {
            [(s, e)] => RawSpan::Range(*s as i64, *e as i64),
            pieces => RawSpan::Pieces(pieces.iter().map(|&(s, e)| (s as i64, e as i64)).collect()),
        };
        let topics = a
            .topics
            .iter()
            .map(|(topic, stance)| RawTopic {
                topic: Some(Cow::Owned(topic.clone())),
                stance: Some(Cow::Borrowed(
                    stance.or(a.stance).unwrap_or(Stance::Neutral).as_str(),
                )),
            })
            .collect();
        let raw = RawStatement {
            id: Some(Cow::Owned(a.key)),
            speaker: Some(Cow::Owned(speaker)),
            on_behalf_of: on_behalf_of.map(Cow::Owned),
            mode: Some(Cow::Borrowed(mode.as_str())),
            text: Some(Cow::Owned(a.text)),
            span: Some(span),
            cue: a.cue.map(Cow::Owned),
            date: a.date.map(Cow::Owned),
            place: a.place.map(Cow::Owned),
            addressees: Some(addressees),
            topics: Some(topics),
            translation: a.translation.map(Cow::Owned),
            notes: a.notes.map(Cow::Owned),
            annotator: a.annotator.map(Cow::Owned),
            provenance: a.machine.then_some(Cow::Borrowed("auto")),
            confidence: a.confidence,
            rule: a.rule.map(Cow::Owned),
            edited: None,
        };
        let at = Position::new(file, a.line.unwrap_or(1), &[], false).maybe_line(a.line);
        self.doc.add_statement(&at, raw, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ids_and_pronouns_stay_unresolved() {
        assert_eq!(
            name_id("Retired Lt. Gen. Michael Flynn"),
            "retired-lt-gen-michael-flynn"
        );
        assert_eq!(name_id("Sébastien Lecornu"), "sébastien-lecornu");
        assert_eq!(name_id("Trump's campaign"), "trumps-campaign");
        assert!(is_pronoun(" He"));
        assert_eq!(speaker_name("Flynn, a top Trump surrogate,"), "Flynn");
        assert_eq!(speaker_name("Robby Mook"), "Robby Mook");
        assert_eq!(
            speaker_name("Clinton, Sanders and Warren"),
            "Clinton, Sanders and Warren"
        );
        assert!(!is_pronoun("Flynn"));
    }
}
