//! The CSV writer: a header and one row per statement, formula-looking cells guarded by default.

use super::Options;
use crate::model::StatementId;
use crate::record::Record;
use crate::store::Store;
use std::io::{self, Write};

/// The column names, in order.
pub const HEADER: &[&str] = &[
    "id",
    "article_id",
    "speaker_id",
    "speaker",
    "speaker_role",
    "on_behalf_of_id",
    "on_behalf_of",
    "mode",
    "text",
    "translation",
    "cue",
    "date",
    "date_precision",
    "place",
    "addressees",
    "topics",
    "span_start",
    "span_end",
    "article_title",
    "outlet",
    "published",
    "url",
    "language",
    "notes",
    "annotator",
    "span_pieces",
];

/// Prefixes a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR) with `'`.
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

pub fn write(
    store: &Store,
    ids: &[StatementId],
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for &id in ids {
        let r = Record::of(store, id);
        let span_start = r.span[0].to_string();
        let span_end = r.span[1].to_string();
        let addressees = r.addressees_joined();
        let topics = r.topics_joined();
        let pieces = r.pieces_joined();
        let row: [&str; 26] = [
            r.id,
            r.article.id,
            r.speaker.id,
            r.speaker.name,
            r.speaker.role.unwrap_or(""),
            r.on_behalf_of.as_ref().map_or("", |p| p.id),
            r.on_behalf_of.as_ref().map_or("", |p| p.name),
            r.mode,
            r.text,
            r.translation.unwrap_or(""),
            r.cue.unwrap_or(""),
            r.date.as_deref().unwrap_or(""),
            r.date_precision,
            r.place.unwrap_or(""),
            &addressees,
            &topics,
            &span_start,
            &span_end,
            r.article.title.unwrap_or(""),
            r.article.outlet.unwrap_or(""),
            r.article.published.as_deref().unwrap_or(""),
            r.article.url.unwrap_or(""),
            r.article.language.unwrap_or(""),
            r.notes.unwrap_or(""),
            r.annotator.unwrap_or(""),
            &pieces,
        ];
        if options.csv_guard_formulas {
            w.write_record(
                row.iter()
                    .map(|c| guard(c))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(|c| c.as_bytes()),
            )?;
        } else {
            w.write_record(row)?;
        }
    }
    w.flush()
}
