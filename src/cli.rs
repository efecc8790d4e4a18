//! The command line: a parsed command line (`args`) dispatched to the terminal browser or to a headless subcommand that writes to stdout.

mod actors;
mod agree;
mod args;
mod cache;
mod check;
mod dates;
mod eval;
mod extract;
mod help;
mod list;
mod load;
mod output;
mod review;
mod stances;
mod status;
mod table;
mod topics;

pub use args::{
    ActorsFormat, CacheAction, CheckFormat, Cli, Command, ConvertFormat, CsvTopicsArg, EvalFormat,
    ExportFormat, ListFormat, ShiftsFormat, StancesFormat, TopicsFormat,
};

use crate::cache::CacheOptions;
use crate::export::Options;
use crate::filter::Filter;
use crate::loader::Loaded;
use crate::model::StatementId;
use load::{Diagnostics, with_loaded};
use output::{finish_output, run_convert, run_export, with_filter};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs a parsed command line and returns the process exit code. `width` is what a
/// table's lines are cut at: the terminal's width when stdout is one, `None` (lines
/// kept whole) when it is piped; the caller measures it, as nothing here asks the
/// terminal.
pub fn run(cli: Cli, width: Option<usize>) -> ExitCode {
    let cache = if cli.no_cache {
        CacheOptions::disabled()
    } else {
        CacheOptions::from_env()
    };
    match cli.command {
        None => match load::missing(&cli.paths) {
            Ok(()) => crate::tui::run(&cli.paths, &cache, cli.coder.as_deref()),
            Err(code) => code,
        },
        Some(Command::Check {
            paths,
            format,
            strict,
        }) => with_loaded(&paths, &cache, Diagnostics::Kept, |loaded| {
            check::run(loaded, format, strict)
        }),
        Some(Command::List {
            paths,
            filter,
            format,
            translation,
        }) => with_selected(&paths, &cache, &filter, |loaded, _, ids| {
            list::run(loaded, ids, format, translation, width)
        }),
        Some(Command::Actors {
            paths,
            filter,
            format,
        }) => {
            let filtered = !filter.trim().is_empty();
            with_selected(&paths, &cache, &filter, |loaded, _, ids| {
                actors::run(&loaded.store, ids, filtered, format, width)
            })
        }
        Some(Command::Topics {
            paths,
            filter,
            format,
            top,
        }) => with_selected(&paths, &cache, &filter, |loaded, parsed, ids| {
            let scope = parsed.named_topics(&loaded.store);
            topics::run(&loaded.store, ids, scope.as_deref(), format, top, width)
        }),
        Some(Command::Stances {
            paths,
            filter,
            by,
            format,
        }) => with_selected(&paths, &cache, &filter, |loaded, _, ids| {
            stances::run_stances(&loaded.store, ids, by, format, width)
        }),
        Some(Command::Shifts {
            paths,
            filter,
            by,
            include_neutral,
            format,
        }) => with_selected(&paths, &cache, &filter, |loaded, _, ids| {
            stances::run_shifts(&loaded.store, ids, by, include_neutral, format, width)
        }),
        Some(Command::Extract {
            paths,
            output,
            date,
            outlet,
            language,
            actors,
            lexicon,
            force,
        }) => extract::run(&extract::Request {
            paths: &paths,
            output: &output,
            overrides: crate::extract::input::Overrides {
                date,
                outlet,
                language,
            },
            actors: actors.as_deref(),
            lexicon: lexicon.as_deref(),
            force,
        }),
        Some(Command::Review {
            path,
            filter,
            accept,
            reject: _,
        }) => {
            let verdict = if accept {
                review::Verdict::Accept
            } else {
                review::Verdict::Reject
            };
            review::run(&path, &filter, verdict, cli.coder.as_deref(), &cache)
        }
        Some(Command::Compact { path }) => review::compact(&path, &cache),
        Some(Command::Agree {
            paths,
            overlap,
            format,
        }) => agree::run(&paths, overlap, format, &cache),
        Some(Command::Eval {
            gold,
            pred,
            overlap,
            format,
        }) => eval::run(&gold, &pred, overlap, format, &cache),
        Some(Command::Export {
            paths,
            filter,
            format,
            output,
            force,
            no_formula_guard,
            topics,
            network,
            by,
        }) => {
            let format: crate::export::Format = format.into();
            if (network.is_some() || by.is_some()) && !format.is_network() {
                eprintln!(
                    "demarche: --network and --by shape the graph formats (graphml, gexf), not {}",
                    format.label()
                );
                return ExitCode::from(2);
            }
            with_loaded(&paths, &cache, Diagnostics::Reported, |loaded| {
                let options = Options {
                    csv_guard_formulas: !no_formula_guard,
                    csv_topics: topics.into(),
                    network: crate::export::NetworkSpec {
                        kind: network.unwrap_or_default(),
                        by: by.unwrap_or_default(),
                    },
                };
                run_export(loaded, &filter, format, options, &output, force)
            })
        }
        Some(Command::Convert {
            paths,
            to,
            output,
            force,
        }) => with_loaded(&paths, &cache, Diagnostics::Reported, |loaded| {
            run_convert(loaded, to, &output, force)
        }),
        Some(Command::Generate {
            statements,
            seed,
            output,
            force,
        }) => crate::generate::run(
            &output,
            &crate::generate::Options::new(statements, seed),
            force,
        ),
        Some(Command::Cache { action }) => cache::run(action, &cache, cli.no_cache),
    }
}

/// [`with_loaded`] for a subcommand that prints the statements `filter` selects: the
/// load's diagnostics reported, the filter run ([`with_filter`]), then `print`.
fn with_selected(
    paths: &[PathBuf],
    cache: &CacheOptions,
    filter: &str,
    print: impl FnOnce(&Loaded, &Filter, &[StatementId]) -> io::Result<()>,
) -> ExitCode {
    with_loaded(paths, cache, Diagnostics::Reported, |loaded| {
        with_filter(loaded, filter, |parsed, ids| print(loaded, parsed, ids))
    })
}
