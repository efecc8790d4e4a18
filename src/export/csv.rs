//! The CSV writer: a header and one row per statement (or per statement and topic), formula-looking cells guarded by default.

use super::csv_cell::CsvWriter;
use super::{CsvTopics, Options};
use crate::model::StatementId;
use crate::record::Record;
use crate::store::Store;
use std::io::{self, Write};

/// The column names, in order, with the topics joined in one `topics` column
/// ([`CsvTopics::Joined`]); [`header`] gives the layout for either form.
pub const HEADER: &[&str] = &[
    "statement",
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
    "date_from",
    "date_to",
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

/// Where the topics go in [`HEADER`].
const TOPICS: usize = 18;

/// The column names for `topics`: with [`CsvTopics::Rows`], `topic` and `stance` stand
/// where `topics` stands in [`HEADER`].
pub fn header(topics: CsvTopics) -> Vec<&'static str> {
    let mut names = HEADER.to_vec();
    if topics == CsvTopics::Rows {
        names.splice(TOPICS..=TOPICS, ["topic", "stance"]);
    }
    names
}

/// The statement's key, unique in a corpus: its article's id and its own, `ARTICLE#ID`
/// (statement ids are only unique within their article).
pub fn statement_key(store: &Store, id: StatementId) -> String {
    format!(
        "{}#{}",
        store.article(store.article_of(id)).id,
        store.key(id)
    )
}

pub fn write(
    store: &Store,
    ids: &[StatementId],
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = CsvWriter::new(out, options.csv_guard_formulas);
    w.row(header(options.csv_topics))?;
    for &id in ids {
        let r = Record::of(store, id);
        let key = statement_key(store, id);
        let (from, to) = store.day_range(id).days();
        let day = |d: Option<chrono::NaiveDate>| {
            d.map_or(String::new(), |d| d.format("%Y-%m-%d").to_string())
        };
        let (date_from, date_to) = (day(from), day(to));
        let span_start = r.span[0].to_string();
        let span_end = r.span[1].to_string();
        let addressees = r.addressees_joined();
        let topics = r.topics_joined();
        let pieces = r.pieces_joined();
        let mut row: Vec<&str> = vec![
            &key,
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
            &date_from,
            &date_to,
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
        match options.csv_topics {
            CsvTopics::Joined => w.row(&row)?,
            CsvTopics::Rows => {
                // One row per topic (a statement without one gets a row with empty
                // topic and stance), the other cells repeated.
                row.insert(TOPICS + 1, "");
                if r.topics.is_empty() {
                    row[TOPICS] = "";
                    w.row(&row)?;
                }
                for t in &r.topics {
                    row[TOPICS] = t.topic;
                    row[TOPICS + 1] = t.stance;
                    w.row(&row)?;
                }
            }
        }
    }
    w.flush()
}
