//! Loading the corpus on a background thread while the terminal shows its progress and still answers q and Ctrl-C.

use super::action::Action;
use super::keymap::{self, Context};
use super::ui::{self, theme::Theme};
use crate::cache::{CacheOptions, PendingSave};
use crate::journal::Stamps;
use crate::loader::{Limits, LoadProgress, Loaded};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the progress is redrawn while nothing is typed.
const TICK: Duration = Duration::from_millis(50);

/// Loads `paths` (the bundled corpus, at once, when there are none), from their
/// snapshot when `cache` has a valid one, drawing the progress until the store is
/// ready; also the snapshot to write when the files were parsed, and the files as they
/// were just before they were read. `None` when the user quit or `stop` was set.
pub fn load<B: Backend>(
    terminal: &mut Terminal<B>,
    paths: &[PathBuf],
    cache: &CacheOptions,
    theme: &Theme,
    stop: &Arc<AtomicBool>,
) -> io::Result<Option<(Loaded, Option<PendingSave>, Stamps)>>
where
    io::Error: From<B::Error>,
{
    if paths.is_empty() {
        return Ok(Some((crate::bundled::load(), None, Stamps::default())));
    }
    let progress = Arc::new(LoadProgress::default());
    let loader = {
        let (paths, progress, cache) = (paths.to_vec(), Arc::clone(&progress), cache.clone());
        std::thread::spawn(move || {
            let stamps = Stamps::take(&paths);
            let (loaded, save) =
                crate::journal::load(&paths, &Limits::default(), &progress, &cache);
            (loaded, save, stamps)
        })
    };
    while !loader.is_finished() {
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let seen = progress.snapshot();
        terminal.draw(|frame| ui::loading::draw(frame, &seen, theme))?;
        if !event::poll(TICK)? {
            continue;
        }
        if let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
            && keymap::lookup(Context::Loading, key) == Some(Action::Quit)
        {
            // The loader thread ends with the process.
            return Ok(None);
        }
    }
    loader
        .join()
        .map(Some)
        .map_err(|_| io::Error::other("the loader stopped unexpectedly"))
}
