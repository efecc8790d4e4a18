//! The `demarche` binary: everything lives in the library; this picks the allocator, measures the terminal for tables and runs the command line.

use clap::Parser;
use std::io::IsTerminal;

/// jemalloc instead of the system allocator: loading makes millions of small allocations,
/// and jemalloc does them faster. Its options are set when it is built
/// (`.cargo/config.toml`); BENCHMARKS.md has the figures.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    let cli = demarche::cli::Cli::parse();
    let width = cli.command.is_some().then(table_width).flatten();
    demarche::cli::run(cli, width)
}

/// The width a subcommand's tables are cut at: the terminal's when stdout is one; piped
/// output is never cut. Measured here, the one place outside the TUI that asks the terminal.
fn table_width() -> Option<usize> {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().ok().map(|(w, _)| w as usize)
    } else {
        None
    }
}
