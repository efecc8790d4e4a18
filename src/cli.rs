//! The command line: a parsed command line (`args`) dispatched to the terminal browser or to a headless subcommand that writes to stdout.

mod actors;
mod args;
mod cache;
mod check;
mod dates;
mod help;
mod list;
mod load;
mod output;
mod status;
mod table;
mod topics;

pub use args::{
    ActorsFormat, CacheAction, CheckFormat, Cli, Command, ConvertFormat, CsvTopicsArg,
    ExportFormat, ListFormat, TopicsFormat,
};

use crate::cache::CacheOptions;
use crate::export::Options;
use clap::Parser;
use load::Load;
use output::{finish_output, run_convert, run_export, with_filter};
use std::process::ExitCode;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let cache = if cli.no_cache {
        CacheOptions::disabled()
    } else {
        CacheOptions::from_env()
    };
    match cli.command {
        None => match load::missing(&cli.paths) {
            Ok(()) => crate::tui::run(&cli.paths, &cache),
            Err(code) => code,
        },
        Some(Command::Check {
            paths,
            format,
            strict,
        }) => {
            let load = match Load::new(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let code = check::run(&load.loaded, format, strict);
            load.finish(code)
        }
        Some(Command::List {
            paths,
            filter,
            format,
            translation,
        }) => {
            let load = match Load::reporting(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let loaded = &load.loaded;
            let code = with_filter(loaded, &filter, |_, ids| {
                list::run(loaded, ids, format, translation)
            });
            load.finish(code)
        }
        Some(Command::Actors {
            paths,
            filter,
            format,
        }) => {
            let load = match Load::reporting(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let loaded = &load.loaded;
            let filtered = !filter.trim().is_empty();
            let code = with_filter(loaded, &filter, |_, ids| {
                actors::run(&loaded.store, ids, filtered, format)
            });
            load.finish(code)
        }
        Some(Command::Topics {
            paths,
            filter,
            format,
            top,
        }) => {
            let load = match Load::reporting(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let loaded = &load.loaded;
            let code = with_filter(loaded, &filter, |parsed, ids| {
                let scope = parsed.named_topics(&loaded.store);
                topics::run(&loaded.store, ids, scope.as_deref(), format, top)
            });
            load.finish(code)
        }
        Some(Command::Export {
            paths,
            filter,
            format,
            output,
            force,
            no_formula_guard,
            topics,
        }) => {
            let load = match Load::reporting(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let options = Options {
                csv_guard_formulas: !no_formula_guard,
                csv_topics: topics.into(),
            };
            let code = run_export(
                &load.loaded,
                &filter,
                format.into(),
                options,
                &output,
                force,
            );
            load.finish(code)
        }
        Some(Command::Convert {
            paths,
            to,
            output,
            force,
        }) => {
            let load = match Load::reporting(&paths, &cache) {
                Ok(load) => load,
                Err(code) => return code,
            };
            let code = run_convert(&load.loaded, to, &output, force);
            load.finish(code)
        }
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
