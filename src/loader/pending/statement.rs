//! Checking one raw statement against its article, step by step, and keeping it.

use super::lookup::{find, index_beyond_few};
use super::span::Located;
use super::{PendingDoc, Position};
use crate::date::DateSpec;
use crate::diagnostic::Diagnostic;
use crate::loader::raw::{RawStatement, RawTopic};
use crate::model::{ActorId, Mode, Stance, Statement, TopicStance};
use std::borrow::Cow;

/// Why a statement is skipped: the field at fault and what is wrong with it.
pub(super) type Rejection = (&'static str, String);

/// The fields of a statement that passed every check it can be skipped for.
struct Checked<'r> {
    speaker: &'r str,
    mode: Mode,
    located: Located,
    date: Option<DateSpec>,
    topics: Vec<TopicStance>,
    origin: Option<Box<crate::model::Origin>>,
}

impl PendingDoc {
    /// Checks one statement and keeps it, or reports why it is skipped.
    pub fn add_statement(&mut self, at: &Position, raw: RawStatement, out: &mut Vec<Diagnostic>) {
        let Some(key) = raw.id.as_deref().filter(|k| !k.trim().is_empty()) else {
            out.push(at.error(format!(
                "statement #{} of article {:?} has no `id`: expected a string unique in the article; statement skipped",
                self.statements.len() + 1,
                self.article.id
            )));
            return;
        };
        let checked = match self.check(key, &raw) {
            Ok(checked) => checked,
            Err((field, message)) => {
                out.push(
                    at.error(format!("{message}; statement skipped"))
                        .in_item(&item(key), field),
                );
                return;
            }
        };
        let Checked {
            speaker,
            mode,
            located,
            date,
            topics,
            origin,
        } = checked;
        let (speaker, on_behalf_of, addressees) = self.parties(at, key, speaker, &raw, out);
        self.statements.push(Statement {
            key: key.into(),
            article: crate::model::ArticleId(0),
            speaker,
            on_behalf_of,
            mode,
            chars: located.chars,
            bytes: located.bytes,
            discontinuous: located.discontinuous,
            cue: short_text(raw.cue),
            date,
            place: short_text(raw.place),
            addressees,
            topics: topics.into(),
            translation: long_text(raw.translation),
            notes: long_text(raw.notes),
            annotator: long_text(raw.annotator),
            origin,
        });
        index_beyond_few(&mut self.keys, self.statements.iter().map(|s| &*s.key));
    }

    /// Every check a statement can be skipped for, in the order they are reported.
    /// Topics are numbered as they pass, so one before a bad topic stays numbered.
    fn check<'r>(&mut self, key: &str, raw: &'r RawStatement) -> Result<Checked<'r>, Rejection> {
        if find(&self.keys, self.statements.iter().map(|s| &*s.key), key).is_some() {
            return Err((
                "id",
                format!(
                    "duplicate id in article {:?}: ids must be unique within an article",
                    self.article.id
                ),
            ));
        }
        let speaker = raw
            .speaker
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .ok_or_else(|| ("speaker", "missing: expected an actor id".into()))?;
        let mode = mode(raw.mode.as_deref())?;
        let text = raw.text.as_deref().ok_or_else(|| {
            (
                "text",
                "missing: expected the statement text as it stands in the article".into(),
            )
        })?;
        let located = match &raw.span {
            Some(span) => self.locate_pieces(&span.pieces(), text)?,
            None => self.locate_text(text)?,
        };
        let date = raw
            .date
            .as_deref()
            .map(DateSpec::parse)
            .transpose()
            .map_err(|e| ("date", e.to_string()))?;
        let topics = self.topic_stances(raw.topics.as_deref().unwrap_or_default())?;
        let origin = origin(raw)?;
        Ok(Checked {
            speaker,
            mode,
            located,
            date,
            topics,
            origin,
        })
    }

    /// Each topic named (lowercased) and numbered, with its stance.
    fn topic_stances(&mut self, topics: &[RawTopic]) -> Result<Vec<TopicStance>, Rejection> {
        let mut checked = Vec::new();
        for t in topics {
            let Some(name) = t.topic.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
                return Err(("topics", "a topic without a `topic` name".into()));
            };
            let stance = stance(name, t.stance.as_deref())?;
            checked.push(TopicStance {
                topic: self.topic_ref(&lowercase(name)),
                stance,
            });
        }
        Ok(checked)
    }

    /// The speaker, principal and addressees as local references, in that order; a
    /// principal who is the speaker is dropped with a warning.
    fn parties(
        &mut self,
        at: &Position,
        key: &str,
        speaker: &str,
        raw: &RawStatement,
        out: &mut Vec<Diagnostic>,
    ) -> (ActorId, Option<ActorId>, Box<[ActorId]>) {
        let speaker = self.actor_ref(speaker);
        let mut on_behalf_of = raw
            .on_behalf_of
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .map(|k| self.actor_ref(k));
        if on_behalf_of == Some(speaker) {
            out.push(
                at.error("same as the speaker; ignored")
                    .in_item(&item(key), "on_behalf_of")
                    .warning(),
            );
            on_behalf_of = None;
        }
        let addressees: Vec<ActorId> = raw
            .addressees
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|k| self.actor_ref(k))
            .collect();
        (speaker, on_behalf_of, addressees.into())
    }
}

/// How diagnostics name the statement with id `key`.
fn item(key: &str) -> String {
    format!("statement {key}")
}

/// The statement's `mode`, which must be given.
fn mode(given: Option<&str>) -> Result<Mode, Rejection> {
    let Some(m) = given else {
        return Err((
            "mode",
            format!("missing: expected one of {}", Mode::expected()),
        ));
    };
    Mode::parse(m).ok_or_else(|| {
        (
            "mode",
            format!("unknown mode {m:?}: expected one of {}", Mode::expected()),
        )
    })
}

/// The stance on topic `name`, which must be given.
fn stance(name: &str, given: Option<&str>) -> Result<Stance, Rejection> {
    let Some(s) = given else {
        return Err((
            "topics",
            format!(
                "topic {name:?} has no stance: expected one of {}",
                Stance::expected()
            ),
        ));
    };
    Stance::parse(s).ok_or_else(|| {
        (
            "topics",
            format!(
                "topic {name:?} has unknown stance {s:?}: expected one of {}",
                Stance::expected()
            ),
        )
    })
}

/// `name` in lowercase, borrowed when it already is.
fn lowercase(name: &str) -> Cow<'_, str> {
    if name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
    {
        name.into()
    } else {
        name.to_lowercase().into()
    }
}

/// A short optional text (cue, place), left out when blank.
fn short_text(v: Option<Cow<'_, str>>) -> Option<crate::model::CompactString> {
    v.filter(|t| !t.trim().is_empty())
        .map(|t| t.as_ref().into())
}

/// `provenance`, `confidence`, `rule` and `edited`, checked: a provenance of the three
/// known, a confidence from 0 to 1 (either alone means the statement was found by a
/// machine), an RFC 3339 time.
fn origin(raw: &RawStatement) -> Result<Option<Box<crate::model::Origin>>, Rejection> {
    use crate::model::{Origin, Provenance};
    let provenance = match raw.provenance.as_deref().map(str::trim) {
        None => None,
        Some(p) => Some(
            Provenance::ALL
                .iter()
                .copied()
                .find(|v| v.as_str().eq_ignore_ascii_case(p))
                .ok_or_else(|| {
                    (
                        "provenance",
                        format!("unknown provenance `{p}`: expected auto, reviewed or manual"),
                    )
                })?,
        ),
    };
    let confidence = match raw.confidence {
        Some(c) if !(0.0..=1.0).contains(&c) => {
            return Err((
                "confidence",
                format!("{c} is not a confidence: expected a number from 0 to 1"),
            ));
        }
        c => c.map(|c| c as f32),
    };
    let rule = short_text(raw.rule.clone());
    let edited = match raw.edited.as_deref().map(str::trim) {
        Some(t) if chrono::DateTime::parse_from_rfc3339(t).is_err() => {
            return Err((
                "edited",
                format!("`{t}` is not a time: expected RFC 3339, as 2025-02-13T09:30:00Z"),
            ));
        }
        t => t.map(Box::from),
    };
    if provenance.is_none() && confidence.is_none() && rule.is_none() && edited.is_none() {
        return Ok(None);
    }
    // Edited by a person and nothing else said: coded by hand.
    let machine = confidence.is_some() || rule.is_some();
    let default = if machine || edited.is_none() {
        Provenance::Auto
    } else {
        Provenance::Manual
    };
    Ok(Some(Box::new(Origin {
        provenance: provenance.unwrap_or(default),
        confidence,
        rule,
        edited,
    })))
}

/// A longer optional text (translation, notes, annotator), left out when blank.
fn long_text(v: Option<Cow<'_, str>>) -> Option<Box<str>> {
    v.filter(|t| !t.trim().is_empty())
        .map(|t| t.into_owned().into_boxed_str())
}
