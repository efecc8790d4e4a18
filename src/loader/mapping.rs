//! The names the brat and Label Studio importers map: roles, attributes, relations, note types.

use crate::diagnostic::Diagnostic;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The file, in the folder of the annotation files, that renames what the importers look for.
pub const MAPPING_FILE: &str = "demarche-mapping.json";

/// Which annotation names mean what. Every field has a default; the mapping file
/// overrides only the fields it names. Names are compared case-insensitively.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Mapping {
    /// brat event types that are attributions (an event with a content role is one too).
    pub events: Vec<String>,
    /// Roles (brat event arguments, Label Studio span labels) holding the speaker.
    pub source: Vec<String>,
    /// Roles holding the reporting verb.
    pub cue: Vec<String>,
    /// Roles holding what was said: the statement's text and span.
    pub content: Vec<String>,
    /// Attribute (brat `A`, Label Studio choices) giving the mode.
    pub mode: String,
    /// Attribute giving a topic (`topic` or `topic:stance`).
    pub topic: String,
    /// Attribute giving the stance on the topics.
    pub stance: String,
    /// Relations from a statement to an actor it is addressed to.
    pub addressee: Vec<String>,
    /// Relations from a statement to the actor on whose behalf it was made.
    pub on_behalf_of: Vec<String>,
    /// Extra attribute values for modes, e.g. `{"Quote": "direct"}`.
    pub modes: BTreeMap<String, String>,
    /// Extra attribute values for stances, e.g. `{"pro": "supports"}`.
    pub stances: BTreeMap<String, String>,
}

impl Default for Mapping {
    fn default() -> Self {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect();
        Mapping {
            events: names(&["Attribution", "Attribution-no-source"]),
            source: names(&["Source"]),
            cue: names(&["Cue"]),
            content: names(&["Content"]),
            mode: "Mode".into(),
            topic: "Topic".into(),
            stance: "Stance".into(),
            addressee: names(&["Addressee"]),
            on_behalf_of: names(&["OnBehalfOf"]),
            modes: BTreeMap::new(),
            stances: BTreeMap::new(),
        }
    }
}

/// What a role, label or relation name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Source,
    Cue,
    Content,
    Addressee,
    OnBehalfOf,
}

impl Mapping {
    /// Reads `demarche-mapping.json` from `dir`, or the defaults when there is none.
    pub fn in_dir(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Mapping {
        let path = dir.join(MAPPING_FILE);
        let Ok(bytes) = std::fs::read(&path) else {
            return Mapping::default();
        };
        match serde_json::from_slice::<Mapping>(&bytes) {
            Ok(m) => m,
            Err(e) => {
                diagnostics.push(Diagnostic::at(
                    &path.display().to_string(),
                    Some(e.line()),
                    Some(e.column()),
                    format!("{e}; the default names (Source, Cue, Content, ...) are used"),
                ));
                Mapping::default()
            }
        }
    }

    /// What `name` (a brat role without its trailing digits, or a label) stands for.
    pub fn role(&self, name: &str) -> Option<Role> {
        let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
        let is = |list: &[String]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if is(&self.content) {
            Some(Role::Content)
        } else if is(&self.source) {
            Some(Role::Source)
        } else if is(&self.cue) {
            Some(Role::Cue)
        } else if is(&self.addressee) {
            Some(Role::Addressee)
        } else if is(&self.on_behalf_of) {
            Some(Role::OnBehalfOf)
        } else {
            None
        }
    }

    /// Whether a brat event type names an attribution.
    pub fn is_attribution(&self, event_type: &str) -> bool {
        self.events
            .iter()
            .any(|n| n.eq_ignore_ascii_case(event_type))
    }

    /// The mode an attribute value names, through `modes` first, then the usual
    /// names of annotation schemes ([`MODE_NAMES`]).
    pub fn mode(&self, value: &str) -> Option<crate::model::Mode> {
        let mapped = lookup(&self.modes, value)
            .or_else(|| common(MODE_NAMES, value))
            .unwrap_or(value);
        crate::model::Mode::parse(mapped)
    }

    /// The stance an attribute value names, through `stances` first, then the usual
    /// names of annotation schemes ([`STANCE_NAMES`]).
    pub fn stance(&self, value: &str) -> Option<crate::model::Stance> {
        let mapped = lookup(&self.stances, value)
            .or_else(|| common(STANCE_NAMES, value))
            .unwrap_or(value);
        crate::model::Stance::parse(mapped)
    }

    /// Whether an attribute gives the stance: `stance` as mapped, or `Polarity`.
    pub fn is_stance_attribute(&self, name: &str) -> bool {
        name.eq_ignore_ascii_case(&self.stance) || name.eq_ignore_ascii_case("polarity")
    }
}

/// Mode values real annotation schemes use, and the mode each means.
pub const MODE_NAMES: &[(&str, &str)] = &[
    ("quote", "direct"),
    ("quotation", "direct"),
    ("direct-quote", "direct"),
    ("direct_quote", "direct"),
    ("directquote", "direct"),
    ("reported", "indirect"),
    ("reported-speech", "indirect"),
    ("indirect-quote", "indirect"),
    ("indirect_quote", "indirect"),
    ("indirectquote", "indirect"),
    ("partial", "mixed"),
    ("partial-quote", "mixed"),
    ("mixed-quote", "mixed"),
    ("paraphrased", "paraphrase"),
];

/// Stance (polarity) values real annotation schemes use, and the stance each means.
pub const STANCE_NAMES: &[(&str, &str)] = &[
    ("positive", "supports"),
    ("pro", "supports"),
    ("support", "supports"),
    ("favor", "supports"),
    ("favour", "supports"),
    ("negative", "opposes"),
    ("con", "opposes"),
    ("against", "opposes"),
    ("oppose", "opposes"),
    ("none", "neutral"),
];

fn common(names: &[(&str, &'static str)], value: &str) -> Option<&'static str> {
    names
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(value))
        .map(|(_, v)| *v)
}

fn lookup<'a>(map: &'a BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}
