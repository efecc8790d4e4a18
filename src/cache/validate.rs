//! Checks a decoded snapshot before it becomes a store: every id in range, every span inside its article's text on character boundaries.

use crate::model::{Actor, Article, Span, Statement};
use rayon::prelude::*;

/// Whether the parts could have come from a load: the store indexes by these ids and
/// slices by these spans, so a damaged or foreign snapshot must fail here, not there.
pub fn check(
    articles: &[Article],
    actors: &[Actor],
    topics: &[String],
    statements: &[Statement],
) -> Result<(), String> {
    let actor_ok = |id: crate::model::ActorId| id.index() < actors.len();
    statements.par_iter().enumerate().try_for_each(|(i, s)| {
        let bad = |what: &str| Err(format!("statement {i}: {what}"));
        let Some(article) = articles.get(s.article.index()) else {
            return bad("unknown article");
        };
        if !actor_ok(s.speaker)
            || !s.on_behalf_of.is_none_or(actor_ok)
            || !s.addressees.iter().copied().all(actor_ok)
        {
            return bad("unknown actor");
        }
        if s.topics.iter().any(|t| t.topic.index() >= topics.len()) {
            return bad("unknown topic");
        }
        let text = article.text.as_str();
        let pieces = s.discontinuous.as_ref().map_or(&[][..], |d| &d.bytes[..]);
        if !std::iter::once(&s.bytes)
            .chain(pieces)
            .all(|span| within(text, *span))
        {
            return bad("span outside its article's text");
        }
        Ok(())
    })
}

fn within(text: &str, span: Span) -> bool {
    span.start <= span.end
        && text.is_char_boundary(span.start as usize)
        && text.is_char_boundary(span.end as usize)
}
