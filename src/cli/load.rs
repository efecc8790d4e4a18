//! Loading for the subcommands, and the load / run / finish path each takes: the bundled corpus or PATHs through the snapshot cache, a status line on a terminal meanwhile, diagnostics on stderr, the snapshot written after the output.

use super::table;
use crate::cache::{CacheOptions, PendingSave};
use crate::diagnostic::{Diagnostic, tally};
use crate::loader::Loaded;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The exit code when PATHs name nothing there or load no article.
pub const NOTHING_LOADED: u8 = 4;

/// What happens to the diagnostics of a load before the subcommand runs.
#[derive(Clone, Copy, Debug)]
pub enum Diagnostics {
    /// Left to the subcommand (`check` prints them its own way).
    Kept,
    /// Printed on stderr ([`Load::reporting`]).
    Reported,
}

/// The one path of every subcommand that reads a corpus: loads `paths` (see
/// [`Load::new`]), runs `command` on what loaded, then writes the snapshot
/// ([`Load::finish`]) and returns `command`'s exit code, or the load's when it failed.
pub fn with_loaded(
    paths: &[PathBuf],
    cache: &CacheOptions,
    diagnostics: Diagnostics,
    command: impl FnOnce(&Loaded) -> ExitCode,
) -> ExitCode {
    let load = match diagnostics {
        Diagnostics::Kept => Load::new(paths, cache),
        Diagnostics::Reported => Load::reporting(paths, cache),
    };
    match load {
        Ok(load) => {
            let code = command(&load.loaded);
            load.finish(code)
        }
        Err(code) => code,
    }
}

/// What a subcommand loaded, and the snapshot still to write for it.
pub struct Load {
    pub loaded: Loaded,
    save: Option<PendingSave>,
}

impl Load {
    /// Loads PATHs (from their snapshot when `cache` has one), or the bundled corpus
    /// when there are none. A PATH that does not exist, or PATHs that load no article,
    /// are said on stderr and give [`NOTHING_LOADED`]: a script never mistakes a typo
    /// for an empty result.
    pub fn new(paths: &[PathBuf], cache: &CacheOptions) -> Result<Load, ExitCode> {
        if paths.is_empty() {
            return Ok(Load {
                loaded: crate::bundled::load(),
                save: None,
            });
        }
        missing(paths)?;
        let progress = crate::loader::LoadProgress::default();
        let limits = crate::loader::Limits::default();
        let (loaded, save) = super::status::while_running(
            || progress.snapshot().summary(),
            || crate::journal::load(paths, &limits, &progress, cache),
        );
        let load = Load { loaded, save };
        // Files that failed are `check`'s to report (exit 1); nothing at all is an error.
        if load.loaded.diagnostics.is_empty() {
            load.nothing_loaded(paths)?;
        }
        Ok(load)
    }

    /// Loads and prints the diagnostics on stderr; they never stop the command, but
    /// PATHs that load no article do.
    pub fn reporting(paths: &[PathBuf], cache: &CacheOptions) -> Result<Load, ExitCode> {
        let load = Load::new(paths, cache)?;
        report(&load.loaded.diagnostics);
        if !paths.is_empty() {
            load.nothing_loaded(paths)?;
        }
        Ok(load)
    }

    fn nothing_loaded(&self, paths: &[PathBuf]) -> Result<(), ExitCode> {
        if self.loaded.store.article_count() > 0 {
            return Ok(());
        }
        eprintln!(
            "demarche: no article loaded from {}",
            names(paths.iter().map(|p| p.display().to_string()))
        );
        Err(ExitCode::from(NOTHING_LOADED))
    }

    /// Writes the pending snapshot, after the output so that a reader already has
    /// every row (flushed; the pipe itself closes when the process ends) and a failure
    /// is only a warning, then returns `code`.
    pub fn finish(self, code: ExitCode) -> ExitCode {
        if let Some(save) = self.save
            && let Err(e) = super::status::while_running(
                || "Writing the snapshot for the next run…".to_string(),
                || save.write(&self.loaded),
            )
        {
            eprintln!("demarche: warning: {e}; the snapshot cache is not updated");
        }
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

fn names(paths: impl Iterator<Item = String>) -> String {
    paths.collect::<Vec<_>>().join(", ")
}

/// Says which PATHs do not exist; a lone bare word is taken for a mistyped command
/// (`demarche lsit`), said with clap's suggestion and the usage exit code.
pub fn missing(paths: &[PathBuf]) -> Result<(), ExitCode> {
    let gone: Vec<&PathBuf> = paths.iter().filter(|p| !p.exists()).collect();
    let Some(first) = gone.first() else {
        return Ok(());
    };
    let word = first.to_string_lossy();
    if paths.len() == 1 && !word.contains(['/', '.', '\\']) {
        eprintln!("demarche: unknown command or path: {word}");
        if let Some(tip) = super::help::suggestion(&word) {
            eprintln!("  tip: {tip}");
        }
        eprintln!("Run `demarche --help` for the commands.");
        return Err(ExitCode::from(2));
    }
    eprintln!(
        "demarche: no such file or directory: {}",
        names(gone.iter().map(|p| p.display().to_string()))
    );
    Err(ExitCode::from(NOTHING_LOADED))
}
