//! The `demarche` binary: everything lives in the library; this only picks the allocator and runs the command line.

use clap::Parser;
use std::io::IsTerminal;

/// jemalloc instead of the system allocator: loading makes millions of small allocations,
/// and jemalloc does them faster (BENCHMARKS.md, section 1).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    let cli = demarche::cli::Cli::parse();
    if cli.command.is_some() {
        #[cfg(all(feature = "jemalloc", unix, not(target_env = "msvc")))]
        one_command::keep_freed_pages();
    }
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

/// jemalloc's settings for a process that runs one command and exits.
#[cfg(all(feature = "jemalloc", unix, not(target_env = "msvc")))]
mod one_command {
    use std::os::unix::process::CommandExt;

    /// Where jemalloc (as `tikv-jemallocator` builds it) reads its options, once, before `main`.
    const VARIABLE: &str = "_RJEM_MALLOC_CONF";

    /// Freed pages go back to the system over 30 s instead of 10 s.
    const SETTINGS: &str = "dirty_decay_ms:30000";

    /// jemalloc hands freed pages back to the system gradually, over its decay time: during
    /// the few seconds of a command over a large corpus it would give back hundreds of MB
    /// of the load's temporaries only to fault them in again (15,815 `madvise` calls in one
    /// `list` over 1M statements, 11 with these settings; the run 5-10 % faster,
    /// BENCHMARKS.md section 0c). The browser keeps the default, so that its memory is back
    /// at rest within seconds of loading. The options can only be given before the process
    /// starts, so it starts again, the same process (`exec`), with them set; not when the
    /// user has set their own, and nothing changes if that fails.
    pub fn keep_freed_pages() {
        if std::env::var_os(VARIABLE).is_some() {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let mut args = std::env::args_os();
        let mut command = std::process::Command::new(exe);
        if let Some(name) = args.next() {
            command.arg0(name);
        }
        // Returns only if the program could not be started again: then go on as we are.
        let _ = command.args(args).env(VARIABLE, SETTINGS).exec();
    }
}
