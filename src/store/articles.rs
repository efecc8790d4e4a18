//! The store's articles: all texts in one buffer and all titles, outlets, urls and the like in another, instead of eight allocations per article.

use super::rows::Strings;
use crate::date::DateSpec;
use crate::model::{Article, ArticleId, ArticleView};

/// An article's strings other than its text, in this order in `meta`.
const FIELDS: usize = 7;

#[derive(Debug, Default)]
pub struct Articles {
    /// Every article's text, one after another, in the order their statements first
    /// appear in the store: a scan of the statements in order then reads the texts
    /// nearly in order too, instead of jumping about them.
    texts: String,
    /// `texts[text_spans[i].0..text_spans[i].1]` is article `i`'s text.
    text_spans: Vec<(u64, u64)>,
    /// Id, title, outlet, author, url, language and source of every article: article
    /// `i`'s field `k` is string `i * FIELDS + k`.
    meta: Strings,
    /// Which of title, outlet, author, url and language (bits 0 to 4) an article has.
    present: Vec<u8>,
    published: Vec<Option<DateSpec>>,
    /// Article positions in the order of their ids, for lookup by id.
    by_id: Vec<ArticleId>,
}

impl Articles {
    /// Takes `articles` apart into the shared buffers, the texts placed in the order of
    /// `placement` (every article once; any left out go last).
    pub fn of(articles: Vec<Article>, placement: &[ArticleId]) -> Articles {
        let n = articles.len();
        let text_len = articles.iter().map(|a| a.text.len()).sum();
        let meta_len = articles
            .iter()
            .map(|a| {
                a.id.len()
                    + a.source.len()
                    + [&a.title, &a.outlet, &a.author, &a.url, &a.language]
                        .iter()
                        .map(|f| f.as_deref().map_or(0, str::len))
                        .sum::<usize>()
            })
            .sum();
        let mut out = Articles {
            texts: String::with_capacity(text_len),
            text_spans: vec![(0, 0); n],
            meta: Strings::with_capacity(n * FIELDS, meta_len),
            present: Vec::with_capacity(n),
            published: Vec::with_capacity(n),
            by_id: Vec::new(),
        };
        let mut placed = vec![false; n];
        let order = placement
            .iter()
            .map(|a| a.index())
            .chain(0..n)
            .filter(|&i| i < n && !std::mem::replace(&mut placed[i], true));
        for i in order {
            let start = out.texts.len() as u64;
            out.texts.push_str(&articles[i].text);
            out.text_spans[i] = (start, out.texts.len() as u64);
        }
        for a in articles {
            let optional = [a.title, a.outlet, a.author, a.url, a.language];
            let mut present = 0;
            out.meta.push(&a.id);
            for (bit, field) in optional.iter().enumerate() {
                if field.is_some() {
                    present |= 1 << bit;
                }
                out.meta.push(field.as_deref().unwrap_or_default());
            }
            out.meta.push(&a.source);
            out.present.push(present);
            out.published.push(a.published);
        }
        let mut by_id: Vec<ArticleId> = (0..n as u32).map(ArticleId).collect();
        by_id.sort_unstable_by(|&a, &b| out.field(a, 0).cmp(out.field(b, 0)));
        out.by_id = by_id;
        out
    }

    pub fn len(&self) -> usize {
        self.present.len()
    }

    fn field(&self, id: ArticleId, k: usize) -> &str {
        self.meta.get(id.index() * FIELDS + k)
    }

    fn optional(&self, id: ArticleId, bit: usize) -> Option<&str> {
        (self.present[id.index()] & (1 << bit) != 0).then(|| self.field(id, bit + 1))
    }

    pub fn text(&self, id: ArticleId) -> &str {
        let (start, end) = self.text_spans[id.index()];
        &self.texts[start as usize..end as usize]
    }

    pub fn published(&self, id: ArticleId) -> Option<DateSpec> {
        self.published[id.index()]
    }

    pub fn get(&self, id: ArticleId) -> ArticleView<'_> {
        ArticleView {
            id: self.field(id, 0),
            title: self.optional(id, 0),
            outlet: self.optional(id, 1),
            author: self.optional(id, 2),
            url: self.optional(id, 3),
            published: self.published(id),
            language: self.optional(id, 4),
            text: self.text(id),
            source: self.field(id, FIELDS - 1),
        }
    }

    /// The article with this id.
    pub fn by_key(&self, key: &str) -> Option<ArticleId> {
        self.by_id
            .binary_search_by(|&a| self.field(a, 0).cmp(key))
            .ok()
            .map(|k| self.by_id[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: Option<&str>, text: &str) -> Article {
        Article {
            id: id.into(),
            title: title.map(Into::into),
            outlet: Some("Outlet".into()),
            author: None,
            url: None,
            published: DateSpec::parse("2025-02-13").ok(),
            language: Some("de".into()),
            text: text.into(),
            source: format!("{id}.json"),
        }
    }

    #[test]
    fn every_field_comes_back_and_ids_are_found() {
        let originals = vec![
            article("b", Some("Zwei"), "Text zwei"),
            article("a", None, ""),
            article("c", Some(""), "Drei"),
        ];
        let articles = Articles::of(originals.clone(), &[ArticleId(2), ArticleId(0)]);
        assert_eq!(articles.len(), 3);
        for (i, a) in originals.iter().enumerate() {
            assert_eq!(&articles.get(ArticleId(i as u32)).to_article(), a);
        }
        assert_eq!(articles.by_key("a"), Some(ArticleId(1)));
        assert_eq!(articles.by_key("c"), Some(ArticleId(2)));
        assert_eq!(articles.by_key("d"), None);
    }
}
