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

/// One article document, or a corpus document holding several under `articles`.
#[derive(Deserialize)]
pub struct RawDoc<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub format: Option<Cow<'a, str>>,
    pub version: Option<serde_json::Number>,
    #[serde(borrow)]
    pub article: Option<RawArticle<'a>>,
    #[serde(borrow)]
    pub actors: Option<Vec<RawActor<'a>>>,
    #[serde(borrow)]
    pub statements: Option<Vec<RawStatement<'a>>>,
    #[serde(borrow)]
    pub articles: Option<Vec<&'a RawValue>>,
}

/// The same document with actors and statements left unparsed, to find which one is broken.
#[derive(Deserialize)]
pub struct LooseDoc<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub format: Option<Cow<'a, str>>,
    pub version: Option<serde_json::Number>,
    #[serde(borrow)]
    pub article: Option<&'a RawValue>,
    #[serde(borrow)]
    pub actors: Option<Vec<&'a RawValue>>,
    #[serde(borrow)]
    pub statements: Option<Vec<&'a RawValue>>,
    #[serde(borrow)]
    pub articles: Option<Vec<&'a RawValue>>,
}

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
    pub span: Option<(i64, i64)>,
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
}

#[derive(Deserialize)]
pub struct RawTopic<'a> {
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub topic: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "opt_str")]
    pub stance: Option<Cow<'a, str>>,
}
