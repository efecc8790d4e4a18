//! Reading a term's value: a name of a closed set typed in part, a comparison with a number, and the example an error gives for each key.

use super::Term;

/// How `confidence:` compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Less,
    AtMost,
    More,
    AtLeast,
    Equal,
}

impl Cmp {
    pub fn holds(self, a: f32, b: f32) -> bool {
        match self {
            Cmp::Less => a < b,
            Cmp::AtMost => a <= b,
            Cmp::More => a > b,
            Cmp::AtLeast => a >= b,
            Cmp::Equal => (a - b).abs() < 1e-6,
        }
    }
}

/// The value called `value`, or the only one whose name starts with it (`mode:dir`,
/// `stance:opp`), ignoring case: a term is valid before it is typed out.
pub(super) fn named<T: Copy>(all: &[T], name: fn(T) -> &'static str, value: &str) -> Option<T> {
    if let Some(&exact) = all.iter().find(|&&v| name(v).eq_ignore_ascii_case(value)) {
        return Some(exact);
    }
    let value = value.to_ascii_lowercase();
    let mut starting = all.iter().filter(|&&v| name(v).starts_with(&value));
    match (starting.next(), starting.next()) {
        (Some(&only), None) if !value.is_empty() => Some(only),
        _ => None,
    }
}

/// `confidence:<0.6`, `>=0.8`, `0.5` (equal): a comparison with a number from 0 to 1.
pub(super) fn confidence(value: &str) -> Result<Term, String> {
    let (cmp, rest) = [
        ("<=", Cmp::AtMost),
        (">=", Cmp::AtLeast),
        ("<", Cmp::Less),
        (">", Cmp::More),
        ("=", Cmp::Equal),
    ]
    .into_iter()
    .find_map(|(op, cmp)| value.strip_prefix(op).map(|rest| (cmp, rest)))
    .unwrap_or((Cmp::Equal, value));
    let n: f32 = rest
        .trim()
        .parse()
        .ok()
        .filter(|n: &f32| (0.0..=1.0).contains(n))
        .ok_or_else(|| format!("`confidence:{value}` is not a comparison with a number from 0 to 1, e.g. confidence:<0.6"))?;
    Ok(Term::Confidence(cmp, n))
}

pub(super) fn example(key: &str) -> &'static str {
    match key {
        "mode" => "mode:direct",
        "stance" => "stance:opposes",
        "since" | "until" => "since:2025-02-01",
        "dates" => "dates:possible",
        "precision" => "precision:day",
        "kind" => "kind:ministry",
        "lang" => "lang:de",
        "topic" => "topic:negotiations",
        "confidence" => "confidence:<0.6",
        "provenance" => "provenance:auto",
        "agreement" => "agreement:partial",
        _ => "actor:peskov",
    }
}
