//! `demarche stances` and `demarche shifts`: the stance matrix as rows, and each actor's changes of position.

use super::table::render;
use super::{ShiftsFormat, StancesFormat};
use crate::export::CsvWriter;
use crate::model::StatementId;
use crate::record::ArticleRef;
use crate::stances::{By, Cell, Shift, cells, shifts};
use crate::store::Store;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

#[derive(Serialize)]
struct StanceRow<'a> {
    actor: &'a str,
    actor_name: &'a str,
    topic: &'a str,
    supports: u32,
    opposes: u32,
    neutral: u32,
}

impl<'a> StanceRow<'a> {
    fn of(store: &'a Store, c: &Cell) -> Self {
        let actor = store.actor(c.actor);
        let [supports, opposes, neutral] = c.counts;
        StanceRow {
            actor: &actor.id,
            actor_name: &actor.name,
            topic: store.topic(c.topic),
            supports,
            opposes,
            neutral,
        }
    }
}

/// Prints one row per actor and topic with a statement among `ids`.
pub fn run_stances(
    store: &Store,
    ids: &[StatementId],
    by: By,
    format: StancesFormat,
    width: Option<usize>,
) -> io::Result<()> {
    let cells = cells(store, ids, by);
    let rows = cells.iter().map(|c| StanceRow::of(store, c));
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        StancesFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rows.collect::<Vec<_>>())?;
            out.write_all(b"\n")?;
        }
        StancesFormat::Csv => {
            let mut w = CsvWriter::new(&mut out, true);
            w.row([
                "actor",
                "actor_name",
                "topic",
                "supports",
                "opposes",
                "neutral",
            ])?;
            for r in rows {
                let counts = [r.supports, r.opposes, r.neutral].map(|n| n.to_string());
                w.row(
                    [r.actor, r.actor_name, r.topic]
                        .into_iter()
                        .chain(counts.iter().map(String::as_str)),
                )?;
            }
            w.flush()?;
        }
        StancesFormat::Table => {
            let by_label = format!("ACTOR (BY {})", by.label().to_uppercase());
            let header = [by_label.as_str(), "TOPIC", "SUPPORTS", "OPPOSES", "NEUTRAL"];
            let table: Vec<Vec<String>> = rows
                .map(|r| {
                    vec![
                        r.actor_name.to_string(),
                        r.topic.to_string(),
                        r.supports.to_string(),
                        r.opposes.to_string(),
                        r.neutral.to_string(),
                    ]
                })
                .collect();
            for line in render(&header, &table, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}

/// One side of a shift, as `shifts --format jsonl` writes it.
#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    stance: &'static str,
    date: Option<String>,
    mode: &'static str,
    text: &'a str,
    article: ArticleRef<'a>,
}

impl<'a> Side<'a> {
    fn of(store: &'a Store, (id, stance): (StatementId, crate::model::Stance)) -> Self {
        Side {
            id: store.key(id),
            stance: stance.as_str(),
            date: store.date_or_published(id).map(|d| d.to_string()),
            mode: store.mode(id).as_str(),
            text: store.text(id),
            article: ArticleRef::of(store, store.article_of(id)),
        }
    }
}

#[derive(Serialize)]
struct ShiftRecord<'a> {
    actor: &'a str,
    actor_name: &'a str,
    topic: &'a str,
    earlier: Side<'a>,
    later: Side<'a>,
    order_certain: bool,
}

/// Prints every shift among `ids`, newest first.
pub fn run_shifts(
    store: &Store,
    ids: &[StatementId],
    by: By,
    include_neutral: bool,
    format: ShiftsFormat,
    width: Option<usize>,
) -> io::Result<()> {
    let found = shifts(store, ids, by, include_neutral);
    let record = |s: &Shift| {
        let actor = store.actor(s.actor);
        ShiftRecord {
            actor: &actor.id,
            actor_name: &actor.name,
            topic: store.topic(s.topic),
            earlier: Side::of(store, s.earlier),
            later: Side::of(store, s.later),
            order_certain: s.order_certain,
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ShiftsFormat::Jsonl => {
            for s in &found {
                serde_json::to_writer(&mut out, &record(s))?;
                out.write_all(b"\n")?;
            }
        }
        ShiftsFormat::Table => {
            let header = ["ACTOR", "TOPIC", "FROM", "TO", "ORDER", "EARLIER", "LATER"];
            let cell = |side: &Side| {
                let outlet = side.article.outlet.unwrap_or("?");
                format!(
                    "{} {} ({outlet}, {}): {}",
                    side.date.as_deref().unwrap_or("?"),
                    side.mode,
                    side.id,
                    side.text
                )
            };
            let table: Vec<Vec<String>> = found
                .iter()
                .map(|s| {
                    let r = record(s);
                    vec![
                        r.actor_name.to_string(),
                        r.topic.to_string(),
                        r.earlier.stance.to_string(),
                        r.later.stance.to_string(),
                        if r.order_certain {
                            "certain"
                        } else {
                            "uncertain"
                        }
                        .to_string(),
                        cell(&r.earlier),
                        cell(&r.later),
                    ]
                })
                .collect();
            for line in render(&header, &table, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}
