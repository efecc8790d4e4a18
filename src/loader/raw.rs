//! The native format as serde sees it: every field optional and borrowed, checked later.

use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// One article document, or a corpus document holding several under `articles`.
#[derive(Deserialize)]
pub struct RawDoc<'a> {
    #[serde(borrow)]
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
    #[serde(borrow)]
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
    #[serde(borrow)]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub outlet: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub author: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub language: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawActor<'a> {
    #[serde(borrow)]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub aliases: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub role: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub affiliation: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub country: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawStatement<'a> {
    #[serde(borrow)]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub on_behalf_of: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub mode: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub text: Option<Cow<'a, str>>,
    pub span: Option<(i64, i64)>,
    #[serde(borrow)]
    pub cue: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub place: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub addressees: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    pub topics: Option<Vec<RawTopic<'a>>>,
    #[serde(borrow)]
    pub translation: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub notes: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub struct RawTopic<'a> {
    #[serde(borrow)]
    pub topic: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub stance: Option<Cow<'a, str>>,
}
