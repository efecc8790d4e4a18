//! The `demarche` binary: everything lives in the library; this only runs the command line.

/// jemalloc instead of the system allocator: loading makes millions of small allocations,
/// and jemalloc does them faster (BENCHMARKS.md, section 1).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    demarche::cli::main()
}
