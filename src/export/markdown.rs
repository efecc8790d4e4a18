//! The Markdown writer: a numbered, citable list of quotes with speaker, role, outlet and date, every field from the corpus escaped so a report never runs or links what the data holds.

use crate::model::StatementId;
use crate::record::Record;
use crate::store::Store;
use std::io::{self, Write};

/// Writes one list item per statement, ready to paste into a report.
pub fn write(store: &Store, ids: &[StatementId], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Statements ({})", ids.len())?;
    writeln!(out)?;
    for (n, &id) in ids.iter().enumerate() {
        let r = Record::of(store, id);
        let quote = md(r.text);
        // Reported speech reads as a fragment without its verb, so the cue is named.
        let cue = r.cue.map_or(String::new(), |c| format!(", “{}”", md(c)));
        let said = match r.mode {
            "direct" => format!("“{quote}”"),
            "mixed" => format!("{quote} (reported, with quoted words{cue})"),
            "paraphrase" => format!("{quote} (paraphrase{cue})"),
            _ => format!("{quote} (reported speech{cue})"),
        };
        let mut who = format!("**{}**", md(r.speaker.name));
        if let Some(role) = r.speaker.role {
            who.push_str(&format!(", {}", md(role)));
        }
        if let Some(p) = &r.on_behalf_of {
            who.push_str(&format!(", for {}", md(p.name)));
        }
        let when =
            r.date
                .as_deref()
                .map_or("date unknown".to_string(), |d| match r.date_precision {
                    "day" => md(d),
                    _ => format!("{} ({})", md(d), r.date_precision),
                });
        writeln!(out, "{}. {said} — {who}, {when}", n + 1)?;
        if let Some(t) = r.translation {
            writeln!(out, "   - Translation: “{}”", md(t))?;
        }
        let source = [
            r.article.outlet,
            r.article.title,
            r.article.published.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(md)
        .collect::<Vec<_>>()
        .join(", ");
        let link = r
            .article
            .url
            .map_or(String::new(), |u| format!(", {}", link(u)));
        let mut unnamed = String::new();
        if r.article.title.is_some_and(supplied) {
            unnamed.push_str(" The title is the annotator's: the source names none.");
        }
        if r.article.outlet.is_none() {
            unnamed.push_str(" The outlet is not named in the source.");
        }
        writeln!(
            out,
            "   - Source: {source}{link} (article {}, characters {}–{}).{unnamed}",
            code(r.article.id),
            r.span[0],
            r.span[1]
        )?;
    }
    Ok(())
}

/// A title in square brackets was supplied by the annotator (the cataloguers'
/// convention; see docs/format.md).
fn supplied(title: &str) -> bool {
    title.len() > 2 && title.starts_with('[') && title.ends_with(']')
}

/// Text on one line, without control characters (escape sequences never reach a
/// report) or bidi and zero-width characters (nothing pasted reorders or hides text).
fn one_line(text: &str) -> String {
    crate::text::clean(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Corpus text as Markdown that shows it and does nothing else: on one line, HTML's
/// `&`, `<` and `>` as entities (no tag, comment or autolink), and every character
/// Markdown gives a meaning inline backslash-escaped (no link, image, emphasis, code,
/// table cell or strike). A quote with an asterisk still reads as a quote.
fn md(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '|' | '~' | '#' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// An id as a code span fenced by more backticks than it holds, so it cannot end it.
fn code(text: &str) -> String {
    let line = one_line(text);
    let longest = line.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{line}{fence}")
    } else {
        format!("{fence} {line} {fence}")
    }
}

/// A URL as a link only when it is `http` or `https` and holds nothing that would end
/// the link; any other (`javascript:`, `data:`, `file:`) is shown as escaped text.
fn link(url: &str) -> String {
    let url = one_line(url);
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if web && !url.contains([' ', '<', '>', '"', '`']) {
        format!("<{url}>")
    } else {
        format!("URL (not linked): {}", md(&url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_html_and_markup_from_the_data_are_shown_not_run() {
        assert_eq!(
            md("[x](javascript:alert(1))"),
            r"\[x\]\(javascript:alert\(1\)\)"
        );
        assert_eq!(
            md("<img src=x onerror=alert(1)>"),
            r"&lt;img src=x onerror=alert\(1\)&gt;"
        );
        assert_eq!(md("a | b `c` *d*"), r"a \| b \`c\` \*d\*");
        assert_eq!(
            link("javascript:alert(1)"),
            r"URL (not linked): javascript:alert\(1\)"
        );
        assert_eq!(
            link("https://example.org/a?b=1"),
            "<https://example.org/a?b=1>"
        );
        assert_eq!(
            link("https://x.org/<script>"),
            "URL (not linked): https://x.org/&lt;script&gt;"
        );
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("plain-id"), "`plain-id`");
    }
}
