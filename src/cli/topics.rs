//! `demarche topics`: each topic with the actors who support, oppose or are neutral on it.

use super::TopicsFormat;
use super::table::render_wrapped;
use crate::export::CsvWriter;
use crate::model::{ActorId, Stance, StatementId};
use crate::stances::{TopicSides, sides};
use crate::store::Store;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// Actors per side in table form when `--top` is not given.
pub const TABLE_TOP: usize = 10;

#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    name: &'a str,
    statements: usize,
}

#[derive(Serialize)]
struct Both<'a> {
    id: &'a str,
    name: &'a str,
    supports: usize,
    opposes: usize,
    net: i64,
}

#[derive(Serialize)]
struct Omitted {
    supports: usize,
    opposes: usize,
    neutral: usize,
}

#[derive(Serialize)]
struct Row<'a> {
    topic: &'a str,
    statements: usize,
    supports: Vec<Side<'a>>,
    opposes: Vec<Side<'a>>,
    neutral: Vec<Side<'a>>,
    /// Actors left out of each side by `--top`.
    omitted: Omitted,
    /// Actors on both sides, with their balance.
    both: Vec<Both<'a>>,
}

/// Prints the sides of every topic, or of the topics `scope` names, with at most
/// `top` actors per side (all when `None` or 0; [`TABLE_TOP`] in table form when `None`),
/// a table's lines fitted to `width`.
pub fn run(
    store: &Store,
    ids: &[StatementId],
    scope: Option<&[bool]>,
    format: TopicsFormat,
    top: Option<usize>,
    width: Option<usize>,
) -> io::Result<()> {
    let mut rows = sides(store, ids);
    if let Some(scope) = scope {
        rows.retain(|r| scope[r.topic.index()]);
    }
    let top = match (top, format) {
        (Some(0), _) => usize::MAX,
        (Some(n), _) => n,
        (None, TopicsFormat::Table) => TABLE_TOP,
        (None, _) => usize::MAX,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        TopicsFormat::Jsonl => jsonl(&mut out, store, &rows, top)?,
        TopicsFormat::Csv => csv(&mut out, store, &rows, top)?,
        TopicsFormat::Table => {
            for line in render_wrapped(
                &["TOPIC", "STANCE", "ACTORS (STATEMENTS)"],
                &table(store, &rows, top),
                width,
            ) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}

fn jsonl(out: &mut impl Write, store: &Store, rows: &[TopicSides], top: usize) -> io::Result<()> {
    let side = |v: &[(ActorId, usize)]| -> Vec<Side<'_>> {
        v.iter()
            .take(top)
            .map(|&(a, n)| Side {
                id: &store.actor(a).id,
                name: &store.actor(a).name,
                statements: n,
            })
            .collect()
    };
    let omitted = |r: &TopicSides, i: usize| r.sides[i].len().saturating_sub(top);
    for r in rows {
        let row = Row {
            topic: store.topic(r.topic),
            statements: r.statements,
            supports: side(&r.sides[0]),
            opposes: side(&r.sides[1]),
            neutral: side(&r.sides[2]),
            omitted: Omitted {
                supports: omitted(r, 0),
                opposes: omitted(r, 1),
                neutral: omitted(r, 2),
            },
            both: r
                .mixed()
                .into_iter()
                .map(|m| Both {
                    id: &store.actor(m.actor).id,
                    name: &store.actor(m.actor).name,
                    supports: m.supports,
                    opposes: m.opposes,
                    net: m.net(),
                })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &row).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn csv(out: &mut impl Write, store: &Store, rows: &[TopicSides], top: usize) -> io::Result<()> {
    let mut w = CsvWriter::new(out, true);
    w.row(["topic", "stance", "actor_id", "actor", "statements", "net"])?;
    for r in rows {
        for (stance, list) in Stance::ALL.iter().zip(&r.sides) {
            for &(a, n) in list.iter().take(top) {
                let actor = store.actor(a);
                let [supports, opposes, _] = r.counts_of(a);
                let net = supports as i64 - opposes as i64;
                w.row([
                    store.topic(r.topic),
                    stance.as_str(),
                    &actor.id,
                    &actor.name,
                    &n.to_string(),
                    &net.to_string(),
                ])?;
            }
        }
    }
    w.flush()
}

/// One row per topic and side with actors, then a `net` row for the actors on both sides.
fn table(store: &Store, rows: &[TopicSides], top: usize) -> Vec<Vec<String>> {
    let names = |v: &[(ActorId, usize)]| -> String {
        let mut cell = v
            .iter()
            .take(top)
            .map(|&(a, n)| format!("{} ({n})", store.actor(a).name))
            .collect::<Vec<_>>()
            .join(", ");
        if v.len() > top {
            let rest = &v[top..];
            let statements: usize = rest.iter().map(|p| p.1).sum();
            let noun = if statements == 1 {
                "statement"
            } else {
                "statements"
            };
            cell.push_str(&format!(", … {} more ({statements} {noun})", rest.len()));
        }
        cell
    };
    let mut table = Vec::new();
    for r in rows {
        let mut first = true;
        let mut push = |label: &str, cell: String| {
            let topic = if first {
                store.topic(r.topic).to_string()
            } else {
                String::new()
            };
            first = false;
            table.push(vec![topic, label.to_string(), cell]);
        };
        for (stance, list) in Stance::ALL.iter().zip(&r.sides) {
            if !list.is_empty() {
                push(stance.as_str(), names(list));
            }
        }
        let mixed = r.mixed();
        if !mixed.is_empty() {
            let mut cell = mixed
                .iter()
                .take(top)
                .map(|m| {
                    format!(
                        "{} {:+} ({} for/{} against)",
                        store.actor(m.actor).name,
                        m.net(),
                        m.supports,
                        m.opposes
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            if mixed.len() > top {
                cell.push_str(&format!(", … {} more", mixed.len() - top));
            }
            push("net", cell);
        }
    }
    table
}
