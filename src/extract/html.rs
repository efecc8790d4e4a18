//! A saved web page as a raw article: its main text (readability's, through dom_smoothie: not the navigation, adverts or comments), paragraphs apart, and its metadata (title, date, site, author, URL, language).

use super::input::{Overrides, RawArticle, date_in_name, detect_language};
use dom_smoothie::{Config, Readability, TextMode};
use std::path::Path;

/// Why a page gives no article.
#[derive(Debug, thiserror::Error)]
#[error("no article text found in the page: {0}")]
pub struct NoArticle(String);

/// The main text of `html` as paragraphs: lines trimmed, runs of blank lines as one.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push(' ');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// The date part of a page's `published_time` (`2025-02-13T10:00:00Z` → `2025-02-13`).
fn day_of(time: &str) -> Option<String> {
    let day = time.get(..10)?;
    crate::date::DateSpec::parse(day)
        .is_ok()
        .then(|| day.to_string())
}

/// The article in saved page `path` (read as `html`); the flags override, the file
/// name gives a date when the page has none.
pub fn article(path: &Path, html: &str, overrides: &Overrides) -> Result<RawArticle, NoArticle> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(cfg)).map_err(|e| NoArticle(e.to_string()))?;
    let page = readability.parse().map_err(|e| NoArticle(e.to_string()))?;
    let text = paragraphs(&page.text_content);
    if text.trim().is_empty() {
        return Err(NoArticle("the page's main part holds no text".into()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let language = overrides
        .language
        .clone()
        .or_else(|| {
            page.lang
                .as_deref()
                .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase())
        })
        .filter(|l| l == "de" || l == "en")
        .unwrap_or_else(|| detect_language(&text).to_string());
    let some = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
    Ok(RawArticle {
        id: name.split('.').next().unwrap_or(&name).to_string(),
        title: some(Some(page.title.clone())),
        date: overrides
            .date
            .clone()
            .or_else(|| page.published_time.as_deref().and_then(day_of))
            .or_else(|| date_in_name(&name)),
        outlet: overrides
            .outlet
            .clone()
            .or_else(|| some(page.site_name.clone())),
        author: some(page.byline.clone()),
        url: some(page.url.clone()),
        language,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
<title>Ministers split | Fixture Wire</title>
<meta property="og:site_name" content="Fixture Wire">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<meta name="author" content="Jo Writer">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
<article><h1>Ministers split</h1>
<p>Foreign Minister Anna Keller said on Tuesday that the plan was sound, and that the talks would resume within the next days in Vienna.</p>
<p>"We will not sign anything that rewards aggression," Keller told reporters in the capital after the meeting had ended late at night.</p>
<p>Defence Secretary Tom Braddock warned against lifting sanctions too early, and said that the alliance would stay united.</p>
</article>
<footer>Cookie settings · Imprint</footer>
</body></html>"#;

    #[test]
    fn the_main_text_without_navigation_and_the_metadata() {
        let a = article(Path::new("page.html"), PAGE, &Overrides::default()).expect("an article");
        assert!(a.text.contains("Anna Keller said on Tuesday"), "{}", a.text);
        assert!(!a.text.contains("Subscribe"), "{}", a.text);
        assert!(!a.text.contains("Cookie"), "{}", a.text);
        assert!(a.text.contains("\n\n"), "paragraphs kept apart: {}", a.text);
        assert_eq!(a.date.as_deref(), Some("2025-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Fixture Wire"));
        assert_eq!(a.language, "en");
        assert_eq!(a.id, "page");
    }

    #[test]
    fn a_page_without_text_is_said() {
        assert!(
            article(
                Path::new("x.html"),
                "<html><body></body></html>",
                &Overrides::default()
            )
            .is_err()
        );
    }
}
