//! The native format as serde sees it: every field optional and borrowed, checked later.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// A string that borrows from the input when it has no escapes. serde's own
/// `Cow<str>` inside an `Option` or a `Vec` always allocates a copy.
struct Borrowed<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Borrowed<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        deserializer.deserialize_str(Visit).map(Borrowed)
    }
}

fn opt_str<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'a, str>>, D::Error> {
    Ok(Option::<Borrowed<'a>>::deserialize(d)?.map(|b| b.0))
}

fn opt_str_list<'de: 'a, 'a, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<Cow<'a, str>>>, D::Error> {
    Ok(Option::<Vec<Borrowed<'a>>>::deserialize(d)?.map(|v| v.into_iter().map(|b| b.0).collect()))
}

/// One article document, or a corpus document holding several under `articles`,
/// with its article and statements parsed as `A` and `S`.
#[derive(Deserialize)]
#[serde(bound(deserialize = "A: Deserialize<'de>, S: Deserialize<'de>"))]
pub struct Doc<'a, A, S> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub format: Option<Cow<'a, str>>,
    pub version: Option<serde_json::Number>,
    pub article: Option<A>,
    /// Left unparsed: most are the same definition, byte for byte, as in an article
    /// before, and are recognised without parsing their fields (see `native`).
    #[serde(borrow)]
    pub actors: Option<Vec<&'a RawValue>>,
    pub statements: Option<Vec<S>>,
    #[serde(borrow)]
    pub articles: Option<Vec<&'a RawValue>>,
}

/// A document parsed whole.
pub type RawDoc<'a> = Doc<'a, RawArticle<'a>, RawStatement<'a>>;

/// The same document with its article and statements left unparsed, to find which one is broken.
pub type LooseDoc<'a> = Doc<'a, &'a RawValue, &'a RawValue>;

#[derive(Deserialize)]
pub struct RawArticle<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub outlet: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub author: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub published: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub language: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub text: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawActor<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str_list")]
    pub aliases: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub role: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub affiliation: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub country: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawStatement<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub speaker: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub on_behalf_of: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub mode: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub text: Option<Cow<'a, str>>,
    pub span: Option<RawSpan>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub cue: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub date: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub place: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str_list")]
    pub addressees: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    pub topics: Option<Vec<RawTopic<'a>>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub translation: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub notes: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub annotator: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub provenance: Option<Cow<'a, str>>,
    #[serde(default)]
    pub confidence: Option<f64>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub rule: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub edited: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawTopic<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub topic: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub stance: Option<Cow<'a, str>>,
}

/// A statement's `span`: `[start, end]`, or the pieces `[[s1, e1], [s2, e2], ...]` of a
/// discontinuous statement. Deserialized by hand: `#[serde(untagged)]` buffers and is slow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawSpan {
    Range(i64, i64),
    Pieces(Vec<(i64, i64)>),
}

impl RawSpan {
    /// The pieces in order (one for a plain range).
    pub fn pieces(&self) -> Vec<(i64, i64)> {
        match self {
            RawSpan::Range(s, e) => vec![(*s, *e)],
            RawSpan::Pieces(p) => p.clone(),
        }
    }
}

const SPAN_EXPECTED: &str = "[start, end] or a list of pieces [[start, end], ...]";

/// One element of a span list: a number, or a `[start, end]` piece.
enum SpanItem {
    Number(i64),
    Piece(i64, i64),
}

impl<'de> serde::Deserialize<'de> for SpanItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SpanItemVisitor)
    }
}

struct SpanItemVisitor;

impl<'de> serde::de::Visitor<'de> for SpanItemVisitor {
    type Value = SpanItem;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an integer offset or a [start, end] piece")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<SpanItem, E> {
        Ok(SpanItem::Number(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<SpanItem, E> {
        i64::try_from(v)
            .map(SpanItem::Number)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SpanItem, A::Error> {
        let start: Option<i64> = seq.next_element()?;
        let end: Option<i64> = seq.next_element()?;
        let more: Option<serde::de::IgnoredAny> = seq.next_element()?;
        match (start, end, more) {
            (Some(s), Some(e), None) => Ok(SpanItem::Piece(s, e)),
            _ => Err(serde::de::Error::custom(
                "a span piece must be [start, end]: two integers",
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for RawSpan {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(RawSpanVisitor)
    }
}

struct RawSpanVisitor;

impl<'de> serde::de::Visitor<'de> for RawSpanVisitor {
    type Value = RawSpan;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(SPAN_EXPECTED)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawSpan, A::Error> {
        let mut numbers = Vec::new();
        let mut pieces = Vec::new();
        while let Some(item) = seq.next_element::<SpanItem>()? {
            match item {
                SpanItem::Number(n) => numbers.push(n),
                SpanItem::Piece(s, e) => pieces.push((s, e)),
            }
        }
        match (numbers.as_slice(), pieces.is_empty()) {
            ([s, e], true) => Ok(RawSpan::Range(*s, *e)),
            ([], false) => Ok(RawSpan::Pieces(pieces)),
            _ => Err(serde::de::Error::custom(format!(
                "expected {SPAN_EXPECTED}"
            ))),
        }
    }
}
