//! `demarche list`: matching statements as a table, JSON Lines, CSV or Markdown.

use super::ListFormat;
use super::table::render;
use crate::export::{self, Options};
use crate::loader::Loaded;
use crate::model::StatementId;
use crate::record::Record;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};

/// Statements serialised per batch of `--format jsonl` output.
const JSONL_BATCH: usize = 1 << 13;

pub fn run(
    loaded: &Loaded,
    ids: &[StatementId],
    format: ListFormat,
    translation: bool,
    width: Option<usize>,
) -> io::Result<()> {
    let store = &loaded.store;
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Jsonl => {
            // Batches of lines are serialised on every core, then written in order; one
            // batch at a time, so a large result is never held in memory whole.
            for batch in ids.chunks(JSONL_BATCH) {
                let lines: Vec<Vec<u8>> = batch
                    .par_chunks(JSONL_BATCH / 16)
                    .map(|part| {
                        let mut buf = Vec::with_capacity(part.len() * 512);
                        for &id in part {
                            serde_json::to_writer(&mut buf, &Record::of(store, id))
                                .map_err(io::Error::from)?;
                            buf.push(b'\n');
                        }
                        Ok(buf)
                    })
                    .collect::<io::Result<_>>()?;
                for buf in lines {
                    out.write_all(&buf)?;
                }
            }
        }
        ListFormat::Csv => export::write(
            store,
            ids,
            export::Format::Csv,
            Options::default(),
            &mut out,
        )?,
        ListFormat::Md => export::write(
            store,
            ids,
            export::Format::Markdown,
            Options::default(),
            &mut out,
        )?,
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = ids
                .iter()
                .map(|&id| {
                    let r = Record::of(store, id);
                    let mut speaker = match &r.on_behalf_of {
                        Some(p) => format!("{} (for {})", r.speaker.name, p.name),
                        None => r.speaker.name.to_string(),
                    };
                    if let Some(annotator) = r.annotator {
                        speaker.push_str(&format!(" [{annotator}]"));
                    }
                    let text = match (translation, r.translation) {
                        (true, Some(t)) => t,
                        _ => r.text,
                    };
                    vec![
                        short_date(&r),
                        r.mode.to_string(),
                        speaker,
                        text.to_string(),
                    ]
                })
                .collect();
            for line in render(&["DATE", "MODE", "SPEAKER", "TEXT"], &rows, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}

/// `2025-02-13`, `2025-02~`, `<2025-02-13`, `>2025-01-01`; an undated statement
/// shows its article's publication date as an upper bound (`≤2016-09-12`), else `?`.
pub fn short_date(r: &Record) -> String {
    match (r.date.as_deref(), r.date_precision) {
        (None, _) => r
            .article
            .published
            .as_deref()
            .map_or("?".into(), |p| format!("≤{p}")),
        (Some(d), "before") => format!("<{}", d.trim_start_matches("before ")),
        (Some(d), "after") => format!(">{}", d.trim_start_matches("after ")),
        (Some(d), "day") => d.to_string(),
        (Some(d), _) => format!("{d}~"),
    }
}
