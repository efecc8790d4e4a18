//! The command line (clap): browse in the TUI, or run a headless subcommand that writes to stdout.

mod actors;
mod check;
mod list;
mod table;

use crate::diagnostic::{Diagnostic, tally};
use crate::export::{self, ExportError, Options};
use crate::filter::{Filter, FilterError};
use crate::loader::Loaded;
use crate::model::StatementId;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (check: no errors; with --strict, no warnings either)
  1  check found errors (or warnings, with --strict)
  2  usage error: bad arguments or an invalid --filter expression
  3  export not written: the file exists (use --force) or cannot be written";

/// Browse diplomatic statements from annotated news articles.
///
/// With no subcommand, opens the terminal browser on PATHs (files or
/// directories of .json/.jsonl articles) or, with none, on the bundled corpus.
#[derive(Parser, Debug)]
#[command(name = "demarche", version, args_conflicts_with_subcommands = true, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or directories to browse (default: the bundled corpus)
    pub paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check annotated articles and report every problem on stderr
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// How diagnostics are printed
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Print matching statements in chronological order
    #[command(after_help = EXIT_CODES)]
    List {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Filter expression, e.g. 'actor:peskov mode:direct since:2025-02-01'
        #[arg(short, long, default_value = "")]
        filter: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Print actors with their statement counts
    #[command(after_help = EXIT_CODES)]
    Actors {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Count only statements matching this filter expression
        #[arg(short, long, default_value = "")]
        filter: String,
        #[arg(long, value_enum, default_value_t = ActorsFormat::Table)]
        format: ActorsFormat,
    },
    /// Write matching statements to a file (atomically; never overwrites without --force)
    #[command(after_help = EXIT_CODES)]
    Export {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Filter expression selecting the statements to export
        #[arg(short, long, default_value = "")]
        filter: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
        /// Keep CSV cells that start with = + - @ as they are (for pipelines, not spreadsheets)
        #[arg(long)]
        no_formula_guard: bool,
    },
    /// Write a deterministic synthetic corpus (JSON Lines) for tests and benchmarks
    Generate {
        /// Number of statements in the corpus
        #[arg(long, default_value_t = 10_000)]
        statements: usize,
        /// Seed: the same seed and size give the same bytes
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory to write part-NNNN.jsonl files into
        #[arg(short, long)]
        output: PathBuf,
        /// Write into a non-empty directory (replacing earlier part-*.jsonl files)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
    Csv,
    Md,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ActorsFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => export::Format::Json,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Md => export::Format::Markdown,
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => crate::tui::run(&cli.paths),
        Some(Command::Check {
            paths,
            format,
            strict,
        }) => {
            let loaded = load(&paths);
            let code = check::run(&loaded, format, strict);
            exit_without_freeing(loaded, code)
        }
        Some(Command::List {
            paths,
            filter,
            format,
        }) => {
            let loaded = load_reporting(&paths);
            let code = with_filter(&loaded, &filter, |ids| list::run(&loaded, ids, format));
            exit_without_freeing(loaded, code)
        }
        Some(Command::Actors {
            paths,
            filter,
            format,
        }) => {
            let loaded = load_reporting(&paths);
            let filtered = !filter.trim().is_empty();
            let code = with_filter(&loaded, &filter, |ids| {
                actors::run(&loaded.store, ids, filtered, format)
            });
            exit_without_freeing(loaded, code)
        }
        Some(Command::Export {
            paths,
            filter,
            format,
            output,
            force,
            no_formula_guard,
        }) => {
            let loaded = load_reporting(&paths);
            let options = Options {
                csv_guard_formulas: !no_formula_guard,
            };
            let code = run_export(&loaded, &filter, format.into(), options, &output, force);
            exit_without_freeing(loaded, code)
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
    }
}

/// Returns `code` without freeing `loaded`: the process ends right after, and
/// freeing a large store allocation by allocation takes a noticeable time.
fn exit_without_freeing(loaded: Loaded, code: ExitCode) -> ExitCode {
    std::mem::forget(loaded);
    code
}

/// Loads PATHs, or the bundled corpus when there are none.
pub fn load(paths: &[PathBuf]) -> Loaded {
    if paths.is_empty() {
        crate::bundled::load()
    } else {
        crate::loader::load_paths(paths)
    }
}

/// Loads and prints the diagnostics on stderr; they never stop the command.
fn load_reporting(paths: &[PathBuf]) -> Loaded {
    let loaded = load(paths);
    report(&loaded.diagnostics);
    loaded
}

fn report(diagnostics: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{}", table::clean(&d.to_string()));
    }
    if !diagnostics.is_empty() {
        let (errors, warnings) = tally(diagnostics);
        let _ = writeln!(
            err,
            "demarche: {errors} error(s), {warnings} warning(s) while loading; the rest loaded"
        );
    }
}

fn filter_error(expr: &str, e: &FilterError) -> ExitCode {
    eprintln!("demarche: invalid filter expression\n{}", e.pointed(expr));
    ExitCode::from(2)
}

/// Parses `expr`, runs it, and hands the matching ids to `then`.
fn with_filter(
    loaded: &Loaded,
    expr: &str,
    then: impl FnOnce(&[StatementId]) -> io::Result<()>,
) -> ExitCode {
    let filter = match Filter::parse(expr) {
        Ok(f) => f,
        Err(e) => return filter_error(expr, &e),
    };
    let ids = filter.compile(&loaded.store).run(&loaded.store);
    finish_output(then(&ids))
}

/// A closed pipe (`| head`) ends output quietly; other write errors are reported.
fn finish_output(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demarche: cannot write output: {e}");
            ExitCode::from(3)
        }
    }
}

fn run_export(
    loaded: &Loaded,
    expr: &str,
    format: export::Format,
    options: Options,
    output: &std::path::Path,
    force: bool,
) -> ExitCode {
    let ids = match Filter::parse(expr) {
        Ok(f) => f.compile(&loaded.store).run(&loaded.store),
        Err(e) => return filter_error(expr, &e),
    };
    match export::write_file(&loaded.store, &ids, format, options, output, force) {
        Ok(()) => {
            eprintln!(
                "demarche: wrote {} statement(s) as {} to {}",
                ids.len(),
                format.label(),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ ExportError::Exists(_)) => {
            eprintln!("demarche: {e} (use --force to replace it)");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("demarche: {e}");
            ExitCode::from(3)
        }
    }
}
