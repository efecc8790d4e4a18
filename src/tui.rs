//! The terminal browser (placeholder until the TUI lands).

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the browser on `paths` (or the bundled corpus).
pub fn run(_paths: &[PathBuf]) -> ExitCode {
    ExitCode::SUCCESS
}
