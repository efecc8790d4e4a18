//! A raw article as read from a file: its exact text, and its metadata from a front-matter block, else the file name, else the flags' defaults; the language detected when none is given.

use crate::date::DateSpec;
use std::path::Path;

/// What the flags set for every article (each overrides what the file says).
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
}

/// One article to extract from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawArticle {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub language: String,
}

/// Splits `---\nkey: value\n---\n` off the start of `content`: the pairs and the rest.
fn front_matter(content: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = content.strip_prefix("---\n") else {
        return (Vec::new(), content);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (Vec::new(), content);
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            let v = v.trim().trim_matches('"').to_string();
            (k.trim().to_lowercase(), v)
        })
        .collect();
    (pairs, &rest[end + "\n---\n".len()..])
}

/// A date in a file name: `2025-02-13`, `20250213`, or a leading `2025-02` (a month).
pub fn date_in_name(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let digits = |from: usize, n: usize| {
        from + n <= chars.len() && chars[from..from + n].iter().all(char::is_ascii_digit)
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let s = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        if digits(i, 4) && chars.get(i + 4) == Some(&'-') && digits(i + 5, 2) {
            let day = chars.get(i + 7) == Some(&'-') && digits(i + 8, 2);
            let text = if day { s(i, i + 10) } else { s(i, i + 7) };
            if DateSpec::parse(&text).is_ok() {
                return Some(text);
            }
        }
        if digits(i, 8) && !digits(i, 9) {
            let text = format!("{}-{}-{}", s(i, i + 4), s(i + 4, i + 6), s(i + 6, i + 8));
            if DateSpec::parse(&text).is_ok() {
                return Some(text);
            }
        }
    }
    None
}

/// `de` or `en` by which language's commonest words the text holds more of.
pub fn detect_language(text: &str) -> &'static str {
    const DE: &[&str] = &[
        "der", "die", "das", "und", "nicht", "ist", "mit", "sich", "dass", "auf", "ein", "eine",
        "den", "sagte",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "that", "with", "not", "on", "a", "said", "was", "for",
        "it",
    ];
    let (mut de, mut en) = (0, 0);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let w = w.to_lowercase();
        de += usize::from(DE.contains(&w.as_str()));
        en += usize::from(EN.contains(&w.as_str()));
    }
    if en > de { "en" } else { "de" }
}

/// The article in file `path` (already read as `content`): front matter, then the
/// file name, then `overrides`.
pub fn article(path: &Path, content: &str, overrides: &Overrides) -> RawArticle {
    let (pairs, body) = front_matter(content);
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name.split('.').next().unwrap_or(&name).to_string();
    let text = body.trim_end_matches(['\n', '\r']).to_string();
    let language = overrides
        .language
        .clone()
        .or_else(|| get("language"))
        .unwrap_or_else(|| detect_language(&text).to_string());
    RawArticle {
        id: get("id").unwrap_or(stem),
        title: get("title"),
        date: overrides
            .date
            .clone()
            .or_else(|| get("date"))
            .or_else(|| date_in_name(&name)),
        outlet: overrides.outlet.clone().or_else(|| get("outlet")),
        author: get("author"),
        url: get("url"),
        language,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_the_metadata_and_is_not_text() {
        let content =
            "---\ntitle: Talks\ndate: 2025-02-13\noutlet: \"Fixture Post\"\n---\nHe said so.\n";
        let a = article(Path::new("x/any.txt"), content, &Overrides::default());
        assert_eq!(a.title.as_deref(), Some("Talks"));
        assert_eq!(a.date.as_deref(), Some("2025-02-13"));
        assert_eq!(a.outlet.as_deref(), Some("Fixture Post"));
        assert_eq!(a.text, "He said so.");
        assert_eq!(a.id, "any");
        assert_eq!(a.language, "en");
    }

    #[test]
    fn the_file_name_gives_a_date_and_flags_override() {
        assert_eq!(
            date_in_name("wire-20250213-talks.txt").as_deref(),
            Some("2025-02-13")
        );
        assert_eq!(
            date_in_name("2025-02-nato-brussels.de.txt").as_deref(),
            Some("2025-02")
        );
        assert_eq!(date_in_name("2025-02-30.txt"), None);
        assert_eq!(date_in_name("report.txt"), None);
        let flags = Overrides {
            date: Some("2024-01".into()),
            outlet: Some("Wire".into()),
            language: Some("de".into()),
        };
        let a = article(Path::new("2025-02-13.txt"), "Er sagte das.", &flags);
        assert_eq!(
            (a.date.as_deref(), a.outlet.as_deref(), a.language.as_str()),
            (Some("2024-01"), Some("Wire"), "de")
        );
    }

    #[test]
    fn the_language_is_detected() {
        assert_eq!(
            detect_language("Der Minister sagte, dass die Lage ernst sei."),
            "de"
        );
        assert_eq!(
            detect_language("The minister said that the situation was serious."),
            "en"
        );
    }
}
