//! The store's order: each statement's sort key, and the order the article texts are laid out in.

use crate::date::DateSpec;
use crate::model::{ArticleId, Statement};
use rayon::prelude::*;

pub(super) fn sort_key(published: &[Option<DateSpec>], s: &Statement) -> SortKey {
    order_key(published[s.article.index()], s)
}

/// Where a statement stands in the store's order: its day (see [`crate::date::sort_day`]),
/// its article's day, its article, its place in the article.
pub(crate) type SortKey = (chrono::NaiveDate, chrono::NaiveDate, u32, u32);

/// The [`SortKey`] of statement `s`, whose article was published on `published`.
pub(crate) fn order_key(published_on: Option<DateSpec>, s: &Statement) -> SortKey {
    let published = published_on
        .map(|d| d.sort_day())
        .unwrap_or(chrono::NaiveDate::MAX);
    let day = crate::date::sort_day(s.date, published_on);
    (day, published, s.article.0, s.chars.start)
}

/// The order in which the article texts are laid out: by the first of their statements
/// in the store, so that a scan of the statements reads the texts nearly in order
/// instead of jumping about them. `firsts` holds each article's first
/// statement's key; articles without statements go last.
pub(crate) fn placement(mut firsts: Vec<(SortKey, ArticleId)>) -> Vec<ArticleId> {
    firsts.par_sort_unstable();
    firsts.into_iter().map(|(_, article)| article).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, Mode, Span};

    fn statement(article: u32, start: u32, date: Option<&str>) -> Statement {
        Statement {
            key: format!("s{start}").into(),
            article: ArticleId(article),
            speaker: ActorId(0),
            on_behalf_of: None,
            mode: Mode::Direct,
            chars: Span {
                start,
                end: start + 1,
            },
            bytes: Span {
                start,
                end: start + 1,
            },
            discontinuous: None,
            cue: None,
            date: date.and_then(|d| DateSpec::parse(d).ok()),
            place: None,
            addressees: Box::new([]),
            topics: Box::new([]),
            translation: None,
            notes: None,
            annotator: None,
            origin: None,
        }
    }

    /// Articles ordered by their smallest key are the articles in the order their
    /// statements first appear once all are sorted.
    #[test]
    fn placement_is_the_order_of_first_appearance() {
        let dates = [
            None,
            Some("2024"),
            Some("2024-03"),
            Some("2024-03-05"),
            Some("before 2024-03-01"),
            Some("2023-12-31"),
        ];
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..200 {
            let articles = rng.usize(1..12);
            let published: Vec<Option<DateSpec>> = (0..articles)
                .map(|_| dates[rng.usize(0..dates.len())].and_then(|d| DateSpec::parse(d).ok()))
                .collect();
            let mut statements: Vec<Statement> = (0..rng.usize(0..40))
                .map(|i| {
                    let date = dates[rng.usize(0..dates.len())];
                    statement(rng.u32(0..articles as u32), i as u32, date)
                })
                .collect();
            let mut smallest: Vec<Option<SortKey>> = vec![None; articles];
            for s in &statements {
                let key = order_key(published[s.article.index()], s);
                let slot = &mut smallest[s.article.index()];
                *slot = Some(slot.map_or(key, |k| k.min(key)));
            }
            let firsts = smallest
                .iter()
                .enumerate()
                .filter_map(|(i, k)| Some(((*k)?, ArticleId(i as u32))))
                .collect();
            statements.sort_by_key(|s| sort_key(&published, s));
            let mut seen = vec![false; articles];
            let expected: Vec<ArticleId> = statements
                .iter()
                .map(|s| s.article)
                .filter(|a| !std::mem::replace(&mut seen[a.index()], true))
                .collect();
            assert_eq!(placement(firsts), expected);
        }
    }
}
