//! The Discourse Network Analyzer event list: one row per statement and topic, semicolon-separated, DNA's columns first and every other attribute after.

use super::Options;
use super::csv_cell::CsvWriter;
use crate::model::{Stance, StatementId};
use crate::record::Record;
use crate::store::Store;
use std::io::{self, Write};

/// DNA's columns (person = speaker, organization = principal, else the speaker's
/// affiliation; concept = topic; agreement 1 supports, 0 opposes, empty for
/// neutral), then what DNA has no column for.
pub const HEADER: &[&str] = &[
    "statement_id",
    "time",
    "person",
    "organization",
    "concept",
    "agreement",
    "start_position",
    "stop_position",
    "text",
    "coder",
    "document_id",
    "document_title",
    "document_author",
    "document_source",
    "document_section",
    "document_type",
    "stance",
    "speaker_id",
    "organization_id",
    "mode",
    "date",
    "date_precision",
    "cue",
    "addressees",
    "place",
    "translation",
    "notes",
    "url",
    "language",
];

/// DNA's agreement qualifier for a stance.
fn agreement(stance: Stance) -> &'static str {
    match stance {
        Stance::Supports => "1",
        Stance::Opposes => "0",
        Stance::Neutral => "",
    }
}

/// Writes one row per statement and topic of `ids` (one row with empty concept and
/// agreement for a statement without a topic).
pub fn write(
    store: &Store,
    ids: &[StatementId],
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = CsvWriter::with_delimiter(out, options.csv_guard_formulas, b';');
    w.row(HEADER)?;
    for &id in ids {
        let r = Record::of(store, id);
        let speaker = store.actor(store.parties_of(id).0);
        let (organization, organization_id) = match &r.on_behalf_of {
            Some(p) => (p.name, p.id),
            None => (speaker.affiliation.as_deref().unwrap_or(""), ""),
        };
        // DNA's time: the first day the date can stand for, at midnight.
        let time = store
            .date_or_published(id)
            .and_then(|d| d.earliest())
            .map(|d| format!("{d} 00:00:00"))
            .unwrap_or_default();
        let addressees: Vec<&str> = r.addressees.iter().map(|a| a.name).collect();
        let addressees = addressees.join("; ");
        let [start, stop] = r.span.map(|p| p.to_string());
        let topics: Vec<(&str, Option<Stance>)> = if store.topics_of(id).is_empty() {
            vec![("", None)]
        } else {
            store
                .topics_of(id)
                .iter()
                .map(|t| (store.topic(t.topic), Some(t.stance)))
                .collect()
        };
        for (concept, stance) in topics {
            w.row([
                r.id,
                &time,
                r.speaker.name,
                organization,
                concept,
                stance.map_or("", agreement),
                &start,
                &stop,
                r.text,
                r.annotator.unwrap_or(""),
                r.article.id,
                r.article.title.unwrap_or(""),
                r.article.author.unwrap_or(""),
                r.article.outlet.unwrap_or(""),
                "",
                "news article",
                stance.map_or("", Stance::as_str),
                r.speaker.id,
                organization_id,
                r.mode,
                r.date.as_deref().unwrap_or(""),
                r.date_precision,
                r.cue.unwrap_or(""),
                &addressees,
                r.place.unwrap_or(""),
                r.translation.unwrap_or(""),
                r.notes.unwrap_or(""),
                r.article.url.unwrap_or(""),
                r.article.language.unwrap_or(""),
            ])?;
        }
    }
    w.flush()
}
