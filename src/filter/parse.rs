//! The filter expression's syntax: terms, negation, quoted phrases, and errors that point at a term.

use crate::date::DateSpec;
use crate::fold::fold;
use crate::model::{ActorKind, Mode, Provenance, Stance};
use chrono::NaiveDate;
use std::fmt;
pub use values::Cmp;
use values::{confidence, example, named};

#[path = "values.rs"]
mod values;

/// Every key the language knows, with what it matches, for help and error messages.
pub const KEYS: &[(&str, &str)] = &[
    (
        "actor",
        "speaker or principal, fuzzy over names and aliases",
    ),
    ("speaker", "the speaker only"),
    ("for", "the principal only (on whose behalf)"),
    ("to", "an addressee"),
    (
        "holder",
        "whose position it states: the principal, else the speaker (as `stances` counts)",
    ),
    ("mode", "direct | indirect | mixed | paraphrase"),
    (
        "topic",
        "a topic whose name contains the value (=name: that topic only)",
    ),
    (
        "stance",
        "supports | opposes | neutral (on the topics named by topic:, else any)",
    ),
    (
        "since",
        "made on or after YYYY[-MM[-DD]] (certainly, unless dates:possible)",
    ),
    (
        "until",
        "made on or before YYYY[-MM[-DD]] (certainly, unless dates:possible)",
    ),
    (
        "dates",
        "certain (default: dated wholly inside since:/until:) | possible (dated so it may fall inside)",
    ),
    (
        "precision",
        "how the statement (else its article) is dated: day | month | year | before | after | undated",
    ),
    ("outlet", "the article's outlet contains the value"),
    ("lang", "the article's language code"),
    (
        "kind",
        "speaker or principal kind: person | government | ministry | organisation | media | group | other",
    ),
    ("place", "where it was said contains the value"),
    ("article", "the article's id or title contains the value"),
    (
        "provenance",
        "auto (not reviewed) | reviewed | manual (none given)",
    ),
    (
        "confidence",
        "<0.6 | >=0.8 | …: an automatic statement's confidence",
    ),
    (
        "annotator",
        "who annotated it (brat NAME_<annotator>.ann, Label Studio annotator)",
    ),
    (
        "agreement",
        "full (every annotator of its article marked it, by overlap) | partial (some did not)",
    ),
];

/// Who an actor term looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Any,
    Speaker,
    Principal,
    /// The principal, else the speaker: whose position the statement states.
    Holder,
    Addressee,
}

/// One condition of the expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Actor(Role, String),
    Mode(Mode),
    Topic(String),
    Stance(Stance),
    Since(NaiveDate),
    Until(NaiveDate),
    /// How `since:` and `until:` read the whole expression's imprecise dates.
    Dates(DateMode),
    /// A date precision ([`PRECISIONS`]).
    Precision(&'static str),
    Outlet(String),
    Lang(String),
    Kind(ActorKind),
    Place(String),
    Article(String),
    Annotator(String),
    /// Marked by every annotator of its article (`true`: `agreement:full`) or not.
    Agreement(bool),
    Provenance(Provenance),
    /// A comparison with the statement's confidence (`<`, `<=`, `>`, `>=`, `=`).
    Confidence(Cmp, f32),
    /// A word or phrase, folded, to find in text or translation.
    Text(String),
}

/// Whether `since:`/`until:` keep a statement whose date range lies wholly inside
/// them (certainly made then) or any whose range overlaps them (possibly made then).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateMode {
    #[default]
    Certain,
    Possible,
}

impl DateMode {
    pub const ALL: &[DateMode] = &[DateMode::Certain, DateMode::Possible];

    pub fn as_str(self) -> &'static str {
        match self {
            DateMode::Certain => "certain",
            DateMode::Possible => "possible",
        }
    }
}

/// The values of `precision:`: [`crate::date::DateSpec::precision`]'s, and `undated`.
pub const PRECISIONS: &[&str] = &["day", "month", "year", "before", "after", "undated"];

/// A term with its sign and where it stands in the expression (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub negated: bool,
    pub term: Term,
    pub start: usize,
    pub end: usize,
}

/// A malformed expression: what is wrong and which bytes of it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct FilterError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl FilterError {
    /// The expression with a caret line under the offending term, for terminals: in
    /// display columns, so that it stands under the term after wide characters (习近平).
    pub fn pointed(&self, expr: &str) -> String {
        use unicode_width::UnicodeWidthStr;
        let pad = expr.get(..self.start).map_or(0, UnicodeWidthStr::width);
        let width = expr
            .get(self.start..self.end)
            .map_or(1, |s| s.width().max(1));
        format!(
            "{expr}\n{}{}\n{}",
            " ".repeat(pad),
            "^".repeat(width),
            self.message
        )
    }
}

/// The key list as one line, for error messages.
pub fn key_list() -> String {
    KEYS.iter()
        .map(|(k, _)| format!("{k}:"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The most terms one expression may hold: each costs a pass over its candidates, and
/// no question an analyst asks needs more.
pub const MAX_TERMS: usize = 64;

/// Splits the expression into clauses.
pub fn parse(expr: &str) -> Result<Vec<Clause>, FilterError> {
    let mut clauses = Vec::new();
    let bytes = expr.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if expr[i..].starts_with(char::is_whitespace) {
            i += expr[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        if bytes[i] == b'-'
            && (i + 1 == bytes.len() || expr[i + 1..].starts_with(char::is_whitespace))
        {
            return Err(FilterError {
                message: "`-` needs a term right after it, e.g. -actor:putin or -\"cease fire\""
                    .into(),
                start,
                end: i + 1,
            });
        }
        let negated = bytes[i] == b'-';
        if negated {
            i += 1;
        }
        let (key, value, end) = read_term(expr, i)?;
        i = end;
        let error = |message: String| FilterError {
            message,
            start,
            end,
        };
        if negated && key.as_deref() == Some("dates") {
            return Err(error(
                "`dates:` says how to read since:/until: and cannot be negated; write dates:certain or dates:possible".into(),
            ));
        }
        let term = match key {
            None => {
                let folded = fold(&value);
                if folded.trim().is_empty() {
                    return Err(error(
                        "empty phrase: write a word between the quotes".into(),
                    ));
                }
                Term::Text(folded)
            }
            Some(key) => {
                if value.trim().is_empty() {
                    return Err(error(format!(
                        "`{key}:` needs a value, e.g. {}",
                        example(&key)
                    )));
                }
                term_for(&key, value.trim()).map_err(error)?
            }
        };
        if clauses.len() == MAX_TERMS {
            return Err(error(format!(
                "too many terms: an expression holds at most {MAX_TERMS}; this is term {}",
                MAX_TERMS + 1
            )));
        }
        clauses.push(Clause {
            negated,
            term,
            start,
            end,
        });
    }
    Ok(clauses)
}

/// Reads `key:value`, `key:"a phrase"`, `word` or `"a phrase"` from `at`.
fn read_term(expr: &str, at: usize) -> Result<(Option<String>, String, usize), FilterError> {
    let rest = &expr[at..];
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    if let Some(colon) = rest[..word_end].find(':') {
        let key = &rest[..colon];
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic()) {
            let key = key.to_ascii_lowercase();
            if !KEYS.iter().any(|(k, _)| *k == key) {
                return Err(FilterError {
                    message: format!("unknown key `{key}:`; valid keys: {}", key_list()),
                    start: at,
                    end: at + colon + 1,
                });
            }
            let (value, end) = read_value(expr, at + colon + 1)?;
            return Ok((Some(key), value, end));
        }
    }
    let (value, end) = read_value(expr, at)?;
    Ok((None, value, end))
}

/// Reads a bare value up to whitespace, or a quoted phrase up to its closing quote.
fn read_value(expr: &str, at: usize) -> Result<(String, usize), FilterError> {
    let rest = &expr[at..];
    if rest.starts_with("=\"") {
        let (value, end) = read_value(expr, at + 1)?;
        return Ok((format!("={value}"), end));
    }
    if let Some(inner) = rest.strip_prefix('"') {
        return match inner.find('"') {
            Some(close) => Ok((inner[..close].to_string(), at + 1 + close + 1)),
            None => Err(FilterError {
                message: "unclosed quote: end the phrase with \"".into(),
                start: at,
                end: expr.len(),
            }),
        };
    }
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Ok((rest[..end].to_string(), at + end))
}

fn term_for(key: &str, value: &str) -> Result<Term, String> {
    let day = |bound_latest: bool| -> Result<NaiveDate, String> {
        let spec = DateSpec::parse(value)
            .ok()
            .filter(|d| {
                matches!(
                    d,
                    DateSpec::Day(_) | DateSpec::Month { .. } | DateSpec::Year(_)
                )
            })
            .ok_or_else(|| {
                format!("`{key}:{value}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
            })?;
        let bound = if bound_latest {
            spec.latest()
        } else {
            spec.earliest()
        };
        bound.ok_or_else(|| format!("`{key}:{value}` is out of range"))
    };
    Ok(match key {
        "actor" => Term::Actor(Role::Any, value.to_string()),
        "speaker" => Term::Actor(Role::Speaker, value.to_string()),
        "for" => Term::Actor(Role::Principal, value.to_string()),
        "holder" => Term::Actor(Role::Holder, value.to_string()),
        "to" => Term::Actor(Role::Addressee, value.to_string()),
        "confidence" => confidence(value)?,
        "provenance" => Term::Provenance(
            named(Provenance::ALL, Provenance::as_str, value).ok_or_else(|| {
                format!("unknown provenance `{value}`: expected auto, reviewed or manual")
            })?,
        ),
        "mode" => Term::Mode(named(Mode::ALL, Mode::as_str, value).ok_or_else(|| {
            format!(
                "unknown mode `{value}`: expected one of {}",
                Mode::expected()
            )
        })?),
        "stance" => Term::Stance(named(Stance::ALL, Stance::as_str, value).ok_or_else(|| {
            format!(
                "unknown stance `{value}`: expected one of {}",
                Stance::expected()
            )
        })?),
        "kind" => Term::Kind(
            named(ActorKind::ALL, ActorKind::as_str, value).ok_or_else(|| {
                format!(
                    "unknown kind `{value}`: expected one of {}",
                    ActorKind::expected()
                )
            })?,
        ),
        "topic" => Term::Topic(fold(value)),
        "since" => Term::Since(day(false)?),
        "until" => Term::Until(day(true)?),
        "dates" => Term::Dates(
            named(DateMode::ALL, DateMode::as_str, value)
                .ok_or_else(|| format!("unknown `dates:{value}`: expected certain or possible"))?,
        ),
        "precision" => Term::Precision(named(PRECISIONS, |p| p, value).ok_or_else(|| {
            format!(
                "unknown precision `{value}`: expected one of {}",
                PRECISIONS.join(", ")
            )
        })?),
        "outlet" => Term::Outlet(fold(value)),
        "lang" => Term::Lang(value.to_ascii_lowercase()),
        "place" => Term::Place(fold(value)),
        "article" => Term::Article(fold(value)),
        "annotator" => Term::Annotator(fold(value)),
        "agreement" => match fold(value).as_str() {
            "full" => Term::Agreement(true),
            "partial" => Term::Agreement(false),
            _ => {
                return Err(format!(
                    "unknown agreement `{value}`: expected full or partial"
                ));
            }
        },
        _ => return Err(format!("unknown key `{key}:`; valid keys: {}", key_list())),
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
