//! A new statement from a span of article text: its record (a free id, the span, a mode and speaker guessed), and the existing statements it overlaps or repeats, to flag.

use super::{StatementForm, Target, fields};
use crate::model::{ArticleId, Span};
use crate::store::Store;
use serde_json::json;

/// The byte range of the characters `chars` of `text`.
pub fn bytes_of(text: &str, chars: Span) -> (usize, usize) {
    let at = |n: u32| {
        text.char_indices()
            .nth(n as usize)
            .map_or(text.len(), |(i, _)| i)
    };
    (at(chars.start), at(chars.end))
}

/// The first id of the form `sNN` the article does not use.
fn free_key(store: &Store, article: ArticleId) -> String {
    let keys: Vec<&str> = store
        .in_article(article)
        .iter()
        .map(|&id| store.key(id))
        .collect();
    let highest = keys
        .iter()
        .filter_map(|k| k.strip_prefix('s')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1..)
        .map(|n| format!("s{n:02}"))
        .find(|k| !keys.contains(&k.as_str()))
        .unwrap_or_else(|| "s-new".into())
}

/// Whether `text[at..at+len]` stands as a word of its own.
fn word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The actor whose name or alias stands nearest the span in the text, outside it
/// (a name inside a quotation is seldom its speaker).
pub fn nearest_speaker(store: &Store, text: &str, (start, end): (usize, usize)) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for actor in &store.actors {
        for name in actor.names().filter(|n| n.chars().count() >= 3) {
            for (at, _) in text.match_indices(name) {
                let stop = at + name.len();
                if !word_at(text, at, name.len()) || (at < end && stop > start) {
                    continue;
                }
                let distance = if stop <= start {
                    start - stop
                } else {
                    at - end
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, &actor.id));
                }
            }
        }
    }
    best.map(|(_, id)| id.to_string())
}

/// What the user should know about the span: the statements it repeats or overlaps.
pub fn overlaps(store: &Store, article: ArticleId, chars: Span) -> Vec<String> {
    store
        .in_article(article)
        .iter()
        .filter_map(|&id| {
            let other = store.chars(id);
            let speaker = &store.actor(store.parties_of(id).0).name;
            let key = store.key(id);
            if other == chars {
                Some(format!("same span as {key} ({speaker}): a duplicate"))
            } else if other.start < chars.end && chars.start < other.end {
                Some(format!(
                    "overlaps {key} ({speaker}, {}–{})",
                    other.start, other.end
                ))
            } else {
                None
            }
        })
        .collect()
}

impl StatementForm {
    /// The form for a new statement over `chars` of `article`.
    pub fn new_at(
        store: &Store,
        article: ArticleId,
        chars: Span,
        from: Option<super::Overlay>,
    ) -> StatementForm {
        let a = store.article(article);
        let range = bytes_of(a.text, chars);
        let text = &a.text[range.0..range.1];
        let quoted = text.starts_with(['"', '„', '“', '»', '«', '‚', '\'']);
        let mode = if quoted { "direct" } else { "indirect" };
        let speaker = nearest_speaker(store, a.text, range).unwrap_or_default();
        let base = json!({
            "id": free_key(store, article),
            "speaker": speaker,
            "mode": mode,
            "text": text,
            "span": [chars.start, chars.end],
        });
        StatementForm {
            target: Target::New {
                article: a.id.to_string(),
                chars,
            },
            fields: fields::of(&base),
            base,
            cursor: 0,
            error: None,
            warnings: overlaps(store, article, chars),
            fresh: Vec::new(),
            from,
        }
    }
}
