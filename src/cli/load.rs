//! Loading for the subcommands: the bundled corpus or PATHs through the snapshot cache, a status line on a terminal meanwhile, diagnostics on stderr, the snapshot written after the output.

use super::table;
use crate::cache::{CacheOptions, PendingSave};
use crate::diagnostic::{Diagnostic, tally};
use crate::loader::Loaded;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// What a subcommand loaded, and the snapshot still to write for it.
pub struct Load {
    pub loaded: Loaded,
    save: Option<PendingSave>,
}

impl Load {
    /// Loads PATHs (from their snapshot when `cache` has one), or the bundled corpus
    /// when there are none.
    pub fn new(paths: &[PathBuf], cache: &CacheOptions) -> Load {
        if paths.is_empty() {
            return Load {
                loaded: crate::bundled::load(),
                save: None,
            };
        }
        let progress = crate::loader::LoadProgress::default();
        let limits = crate::loader::Limits::default();
        let (loaded, save) = super::status::while_running(
            || progress.snapshot().summary(),
            || crate::cache::load_paths_cached(paths, &limits, &progress, cache),
        );
        Load { loaded, save }
    }

    /// Loads and prints the diagnostics on stderr; they never stop the command.
    pub fn reporting(paths: &[PathBuf], cache: &CacheOptions) -> Load {
        let load = Load::new(paths, cache);
        report(&load.loaded.diagnostics);
        load
    }

    /// Writes the pending snapshot, after the output so that a reader already has
    /// every row (flushed; the pipe itself closes when the process ends) and a failure
    /// is only a warning, then returns `code` without freeing the store: the process
    /// ends right after, and freeing a large store allocation by allocation takes a
    /// noticeable time.
    pub fn finish(self, code: ExitCode) -> ExitCode {
        if let Some(save) = self.save
            && let Err(e) = super::status::while_running(
                || "Writing the snapshot for the next run…".to_string(),
                || save.write(&self.loaded),
            )
        {
            eprintln!("demarche: warning: {e}; the snapshot cache is not updated");
        }
        std::mem::forget(self.loaded);
        code
    }
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
