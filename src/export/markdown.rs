//! The Markdown writer: a numbered, citable list of quotes with speaker, role, outlet and date.

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
        let quote = one_line(r.text);
        // Reported speech reads as a fragment without its verb, so the cue is named.
        let cue = r
            .cue
            .map_or(String::new(), |c| format!(", “{}”", one_line(c)));
        let said = match r.mode {
            "direct" => format!("“{quote}”"),
            "mixed" => format!("{quote} (reported, with quoted words{cue})"),
            "paraphrase" => format!("{quote} (paraphrase{cue})"),
            _ => format!("{quote} (reported speech{cue})"),
        };
        let mut who = format!("**{}**", one_line(r.speaker.name));
        if let Some(role) = r.speaker.role {
            who.push_str(&format!(", {}", one_line(role)));
        }
        if let Some(p) = &r.on_behalf_of {
            who.push_str(&format!(", for {}", one_line(p.name)));
        }
        let when =
            r.date
                .as_deref()
                .map_or("date unknown".to_string(), |d| match r.date_precision {
                    "day" => d.to_string(),
                    _ => format!("{d} ({})", r.date_precision),
                });
        writeln!(out, "{}. {said} — {who}, {when}", n + 1)?;
        if let Some(t) = r.translation {
            writeln!(out, "   - Translation: “{}”", one_line(t))?;
        }
        let source = [
            Some(r.article.outlet.unwrap_or("outlet not named")),
            r.article.title,
            r.article.published.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(one_line)
        .collect::<Vec<_>>()
        .join(", ");
        let link = r
            .article
            .url
            .map_or(String::new(), |u| format!(", <{}>", one_line(u)));
        writeln!(
            out,
            "   - Source: {source}{link} (article `{}`, characters {}–{})",
            one_line(r.article.id),
            r.span[0],
            r.span[1]
        )?;
    }
    Ok(())
}

/// Text on one line, without control characters (escape sequences never reach a
/// report) or bidi and zero-width characters (nothing pasted reorders or hides text).
fn one_line(text: &str) -> String {
    crate::text::clean(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
