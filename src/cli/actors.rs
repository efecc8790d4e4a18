//! `demarche actors`: actors with statement counts (as speaker, on whose behalf), most active first.

use super::ActorsFormat;
use super::table::render;
use crate::export::{ActorOut, CsvWriter};
use crate::model::{ActorId, StatementId};
use crate::store::Store;
use serde::Serialize;
use std::io::{self, BufWriter, Write};

/// An actor as the JSON export writes it, then its counts.
#[derive(Serialize)]
struct ActorRow<'a> {
    #[serde(flatten)]
    actor: ActorOut<'a>,
    statements: usize,
    as_speaker: usize,
    as_principal: usize,
}

/// Counts per actor over `ids`: (as speaker, as principal).
pub fn counts(store: &Store, ids: &[StatementId]) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); store.actors.len()];
    for &id in ids {
        let (speaker, principal) = store.parties_of(id);
        counts[speaker.index()].0 += 1;
        if let Some(p) = principal {
            counts[p.index()].1 += 1;
        }
    }
    counts
}

pub fn run(
    store: &Store,
    ids: &[StatementId],
    filtered: bool,
    format: ActorsFormat,
    width: Option<usize>,
) -> io::Result<()> {
    let counts = counts(store, ids);
    let mut order: Vec<ActorId> = (0..store.actors.len() as u32)
        .map(ActorId)
        .filter(|a| !filtered || counts[a.index()].0 + counts[a.index()].1 > 0)
        .collect();
    order.sort_by(|a, b| {
        let total = |x: &ActorId| counts[x.index()].0 + counts[x.index()].1;
        total(b)
            .cmp(&total(a))
            .then_with(|| store.actor(*a).name.cmp(&store.actor(*b).name))
    });
    let rows = order.iter().map(|&a| {
        let (spoken, made_for) = counts[a.index()];
        ActorRow {
            actor: ActorOut::of(store.actor(a)),
            statements: spoken + made_for,
            as_speaker: spoken,
            as_principal: made_for,
        }
    });
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ActorsFormat::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut out, &row).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
        ActorsFormat::Csv => {
            let mut w = CsvWriter::new(&mut out, true);
            w.row([
                "id",
                "name",
                "aliases",
                "kind",
                "role",
                "affiliation",
                "country",
                "statements",
                "as_speaker",
                "as_principal",
            ])?;
            for r in rows {
                let a = &r.actor;
                w.row([
                    a.id.to_string(),
                    a.name.to_string(),
                    a.aliases.join("; "),
                    a.kind.to_string(),
                    a.role.unwrap_or("").to_string(),
                    a.affiliation.unwrap_or("").to_string(),
                    a.country.unwrap_or("").to_string(),
                    r.statements.to_string(),
                    r.as_speaker.to_string(),
                    r.as_principal.to_string(),
                ])?;
            }
            w.flush()?;
        }
        ActorsFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .map(|r| {
                    let a = &r.actor;
                    vec![
                        r.statements.to_string(),
                        format!("{}/{}", r.as_speaker, r.as_principal),
                        a.kind.to_string(),
                        a.id.to_string(),
                        match a.role {
                            Some(role) => format!("{} ({role})", a.name),
                            None => a.name.to_string(),
                        },
                    ]
                })
                .collect();
            for line in render(&["COUNT", "SAID/FOR", "KIND", "ID", "NAME"], &table, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()
}
