//! Plain data of the statement store: articles, actors, statements, their enums and newtype ids.

use crate::date::DateSpec;
pub use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);

        impl $name {
            /// The index this id stands for in its store vector.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// An actor's position in [`crate::Store::actors`].
    ActorId
);
id_type!(
    /// An article's position in [`crate::Store::articles`].
    ArticleId
);
id_type!(
    /// A statement's position in the store's chronological order.
    StatementId
);
id_type!(
    /// A topic's position in [`crate::Store::topics`].
    TopicId
);

/// Generates `ALL`, `as_str` and `parse` for a closed enum of lowercase names.
macro_rules! named_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in files, filters and exports.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the file/filter name (case-insensitive).
            pub fn parse(text: &str) -> Option<Self> {
                $(if text.eq_ignore_ascii_case($text) { return Some($name::$variant); })+
                None
            }

            /// The accepted names joined for an error message.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// How the article renders the statement.
    Mode {
        Direct => "direct",
        Indirect => "indirect",
        Mixed => "mixed",
        Paraphrase => "paraphrase",
    }
);

named_enum!(
    /// A statement's position on one of its topics.
    Stance {
        Supports => "supports",
        Opposes => "opposes",
        Neutral => "neutral",
    }
);

named_enum!(
    /// What sort of actor speaks.
    ActorKind {
        Person => "person",
        Government => "government",
        Ministry => "ministry",
        Organisation => "organisation",
        Media => "media",
        Group => "group",
        Other => "other",
    }
);

/// One annotated news article; its text is shared by all its statements.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<DateSpec>,
    pub language: Option<String>,
    /// Most of a snapshot's bytes: decoded with SIMD UTF-8 validation.
    #[serde(deserialize_with = "crate::cache::fast_text")]
    pub text: String,
    /// The file (and line, for JSON Lines) the article came from.
    pub source: String,
}

impl Article {
    /// Title when known, else the id: what lists show.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// An article as the store keeps it: every field borrowed from the store's buffers.
/// Serialized exactly like [`Article`] (the same fields in the same order).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ArticleView<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<DateSpec>,
    pub language: Option<&'a str>,
    pub text: &'a str,
    /// The file (and line, for JSON Lines) the article came from.
    pub source: &'a str,
}

impl ArticleView<'_> {
    /// Title when known, else the id: what lists show.
    pub fn label(&self) -> &str {
        self.title.unwrap_or(self.id)
    }

    /// The article as a record of its own.
    pub fn to_article(&self) -> Article {
        let owned = |s: Option<&str>| s.map(str::to_string);
        Article {
            id: self.id.to_string(),
            title: owned(self.title),
            outlet: owned(self.outlet),
            author: owned(self.author),
            url: owned(self.url),
            published: self.published,
            language: owned(self.language),
            text: self.text.to_string(),
            source: self.source.to_string(),
        }
    }
}

/// A person, government, ministry, organisation, outlet or group that speaks or is addressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub country: Option<String>,
}

impl Actor {
    /// The display name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A topic with the statement's stance on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicStance {
    pub topic: TopicId,
    pub stance: Stance,
}

/// A half-open range `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// The pieces of a discontinuous statement (a span such as `256 377;463 616` in brat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discontinuous {
    /// Each piece in Unicode characters into the article text, in the order `text`
    /// joins them, not overlapping. That is text order, except where the annotation
    /// lists its pieces otherwise (brat keeps the order they were selected in):
    /// exports write this order back, highlighting uses [`Discontinuous::in_text_order`].
    pub chars: Box<[Span]>,
    /// The same pieces in bytes.
    pub bytes: Box<[Span]>,
    /// The pieces' text joined by one space: what [`crate::Store::text`] returns.
    pub text: Box<str>,
}

impl Discontinuous {
    /// The pieces' byte ranges as they lie in the article, first to last.
    pub fn in_text_order(&self) -> Vec<Span> {
        let mut pieces = self.bytes.to_vec();
        pieces.sort_unstable_by_key(|b| b.start);
        pieces
    }
}

/// One attributed statement. Its text is a slice of its article's text, never a copy
/// (except for a discontinuous statement, whose joined pieces are kept in `discontinuous`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The id as written in the file, unique within its article. Ids, cues and places
    /// are short: up to 24 bytes they are kept inline, not in an allocation of their own.
    pub key: CompactString,
    pub article: ArticleId,
    pub speaker: ActorId,
    pub on_behalf_of: Option<ActorId>,
    pub mode: Mode,
    /// Offsets in Unicode characters into the article text (for a discontinuous
    /// statement, from its first character to its last in text order).
    pub chars: Span,
    /// The same range in bytes, for slicing.
    pub bytes: Span,
    /// The pieces, when the statement's text is not one contiguous passage.
    pub discontinuous: Option<Box<Discontinuous>>,
    pub cue: Option<CompactString>,
    pub date: Option<DateSpec>,
    pub place: Option<CompactString>,
    pub addressees: Box<[ActorId]>,
    pub topics: Box<[TopicStance]>,
    pub translation: Option<Box<str>>,
    pub notes: Option<Box<str>>,
    /// Who annotated the statement, where one text has several annotation sets.
    pub annotator: Option<Box<str>>,
    /// How it came to be, when the file says: found by a machine (with its rule and
    /// confidence) or reviewed by a person. Absent means coded by hand.
    pub origin: Option<Box<Origin>>,
}

/// Who or what made a statement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provenance {
    /// Found by `demarche extract` (or another tool) and not reviewed.
    Auto,
    /// Found by a machine, then confirmed by a person.
    Reviewed,
    /// Coded by a person.
    #[default]
    Manual,
}

impl Provenance {
    pub const ALL: &[Provenance] = &[Provenance::Auto, Provenance::Reviewed, Provenance::Manual];

    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Auto => "auto",
            Provenance::Reviewed => "reviewed",
            Provenance::Manual => "manual",
        }
    }
}

/// A statement's provenance, with the rule that found it and how sure it was.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    pub provenance: Provenance,
    /// 0 to 1.
    pub confidence: Option<f32>,
    pub rule: Option<CompactString>,
    /// When a person last edited or reviewed it (RFC 3339, UTC), with the coder in the
    /// statement's `annotator`.
    pub edited: Option<Box<str>>,
}

impl Statement {
    /// Whether `actor` made the statement or it was made on their behalf.
    pub fn involves(&self, actor: ActorId) -> bool {
        self.speaker == actor || self.on_behalf_of == Some(actor)
    }
}
