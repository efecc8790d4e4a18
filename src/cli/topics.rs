//! `demarche topics`: each topic with the actors who support, oppose or are neutral on it.

use super::TopicsFormat;
use super::table::{line_limit, render};
use crate::export::CsvWriter;
use crate::model::{ActorId, Stance, StatementId};
use crate::stances::sides;
use crate::store::Store;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    name: &'a str,
    statements: usize,
}

#[derive(Serialize)]
struct Row<'a> {
    topic: &'a str,
    statements: usize,
    supports: Vec<Side<'a>>,
    opposes: Vec<Side<'a>>,
    neutral: Vec<Side<'a>>,
}

/// Prints the sides of every topic, or of the topics `scope` names.
pub fn run(
    store: &Store,
    ids: &[StatementId],
    scope: Option<&[bool]>,
    format: TopicsFormat,
) -> io::Result<()> {
    let mut rows = sides(store, ids);
    if let Some(scope) = scope {
        rows.retain(|r| scope[r.topic.index()]);
    }
    let side = |v: &[(ActorId, usize)]| -> Vec<Side<'_>> {
        v.iter()
            .map(|&(a, n)| Side {
                id: &store.actor(a).id,
                name: &store.actor(a).name,
                statements: n,
            })
            .collect()
    };
    let names = |v: &[(ActorId, usize)]| -> String {
        v.iter()
            .map(|&(a, n)| format!("{} ({n})", store.actor(a).name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        TopicsFormat::Jsonl => {
            for r in &rows {
                let row = Row {
                    topic: store.topic(r.topic),
                    statements: r.statements,
                    supports: side(&r.sides[0]),
                    opposes: side(&r.sides[1]),
                    neutral: side(&r.sides[2]),
                };
                serde_json::to_writer(&mut out, &row).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
        TopicsFormat::Csv => {
            let mut w = CsvWriter::new(&mut out, true);
            w.row(["topic", "stance", "actor_id", "actor", "statements"])?;
            for r in &rows {
                for (stance, list) in Stance::ALL.iter().zip(&r.sides) {
                    for &(a, n) in list {
                        let actor = store.actor(a);
                        w.row([
                            store.topic(r.topic),
                            stance.as_str(),
                            &actor.id,
                            &actor.name,
                            &n.to_string(),
                        ])?;
                    }
                }
            }
            w.flush()?;
        }
        TopicsFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .flat_map(|r| {
                    Stance::ALL
                        .iter()
                        .zip(&r.sides)
                        .enumerate()
                        .filter(|(_, (_, list))| !list.is_empty())
                        .map(move |(i, (stance, list))| {
                            let topic = if i == 0 || r.sides[..i].iter().all(Vec::is_empty) {
                                store.topic(r.topic).to_string()
                            } else {
                                String::new()
                            };
                            vec![topic, stance.as_str().to_string(), names(list)]
                        })
                })
                .collect();
            for line in render(
                &["TOPIC", "STANCE", "ACTORS (STATEMENTS)"],
                &table,
                line_limit(),
            ) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}
