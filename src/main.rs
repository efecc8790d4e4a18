//! The `demarche` binary: everything lives in the library; this only picks the allocator and runs the command line.

use clap::Parser;

/// jemalloc instead of the system allocator: loading makes millions of small allocations,
/// and jemalloc does them faster. Its options are set when it is built
/// (`.cargo/config.toml`); BENCHMARKS.md has the figures.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    demarche::cli::run(demarche::cli::Cli::parse())
}
