//! The browser over a corpus that edits change: the event loop runs on one store until an edit is saved (journaled and synced at once, or kept in memory when the journal refuses it) or the corpus is to be read again; the new store is made on a thread while the loop goes on, then the loop starts again on it with what the user was doing; on a clean exit the journal is folded into the files.

use super::action::{Action, EditRequest};
use super::app::{self, Outcome};
use super::session::Session;
use super::state::State;
use super::ui::theme::Theme;
use crate::cache::CacheOptions;
use crate::diagnostic::Diagnostic;
use crate::edit::{self, Edit};
use crate::journal::Stamps;
use crate::loader::{Limits, LoadProgress, Loaded};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// The corpus to go on with: the last edit applied, or read again from disk (then with
/// its files as they were read).
#[derive(Debug)]
pub struct Fresh {
    pub loaded: Loaded,
    pub stamps: Option<Stamps>,
}

/// A [`Fresh`] corpus, arriving from its thread.
pub type Rebuilt = Receiver<Result<Fresh, String>>;

/// What is being made on a thread: the receiver, what to say once it is there, and
/// whether that is an error (an edit kept in memory only).
type Making = (Rebuilt, String, bool);

/// The session and what the loops between two stores carry.
struct Editor<'c> {
    session: Session,
    cache: &'c CacheOptions,
    /// What the next run of the loop starts with.
    first: Vec<Action>,
    making: Option<Making>,
    /// The edit that waits for a brat or Label Studio corpus to be copied.
    asked: Option<EditRequest>,
}

/// Browses `loaded` until the user quits; returns what to tell them after the terminal
/// is restored (where the edits were written). `cache` is how Ctrl-l reads the corpus
/// again.
pub fn browse<B: Backend>(
    terminal: &mut Terminal<B>,
    loaded: Arc<Loaded>,
    (session, cache): (Session, &CacheOptions),
    theme: &Theme,
    (stop, redraw): (&AtomicBool, &AtomicBool),
    clock: fn() -> String,
) -> io::Result<Option<String>>
where
    io::Error: From<B::Error>,
{
    let mut current = loaded;
    let mut ed = Editor {
        session,
        cache,
        first: Vec::new(),
        making: None,
        asked: None,
    };
    // Where the review queue was: kept across the rebuild an edit causes.
    let mut place = 0;
    loop {
        let mut state = State::new(&current.store, &current.diagnostics, clock);
        state.review.cursor = place;
        ed.first.push(Action::Unsaved(ed.session.unsaved()));
        let rebuilt = loop {
            let waiting = ed.making.as_ref().map(|(rx, ..)| rx);
            let first = std::mem::take(&mut ed.first);
            match app::run(terminal, &mut state, theme, (stop, redraw), first, waiting)? {
                Outcome::Quit => {
                    // An edit still being applied is waited for: the files get it whole.
                    let fresh = ed.making.and_then(|(rx, ..)| rx.recv().ok()?.ok());
                    if let Some(stamps) = fresh.as_ref().and_then(|f| f.stamps.clone()) {
                        ed.session.reloaded(stamps);
                    }
                    let store = fresh.as_ref().map_or(&current.store, |f| &f.loaded.store);
                    let clean = !stop.load(Ordering::SeqCst);
                    return Ok(clean.then(|| ed.session.finish(store)).flatten());
                }
                Outcome::Edit(EditRequest::Retry) => ed.retry(&current),
                Outcome::Edit(_) | Outcome::Reload if ed.making.is_some() => ed.say(
                    "Still updating the view: press again in a moment".into(),
                    true,
                ),
                Outcome::Edit(EditRequest::Convert(folder)) => ed.convert(&current, folder),
                Outcome::Edit(request) => ed.edit(&current, request),
                Outcome::Reload => ed.reload("Read again from disk".into(), false),
                Outcome::Rebuilt(result) => break (*result, ed.making.take()),
            }
        };
        ed.first = state.carried();
        place = state.review.cursor;
        drop(state);
        match rebuilt {
            (Ok(fresh), making) => {
                if let Some(stamps) = fresh.stamps {
                    ed.session.reloaded(stamps);
                }
                current = Arc::new(fresh.loaded);
                let (said, error) = making.map_or((String::new(), false), |(_, s, e)| (s, e));
                ed.say(said, error);
            }
            (Err(e), _) => ed.say(
                format!("The edit is saved but cannot be shown ({e}); it shows at the next start"),
                true,
            ),
        }
    }
}

impl Editor<'_> {
    fn say(&mut self, text: String, error: bool) {
        self.first.push(Action::Say(text, error));
    }

    /// An edit: saved and applied on a thread; or, on a corpus we never write, the
    /// question where to copy it first.
    fn edit(&mut self, current: &Arc<Loaded>, request: EditRequest) {
        if matches!(request, EditRequest::Do(..))
            && let Some(folder) = self.session.copy_needed(&current.store)
        {
            self.asked = Some(request);
            self.first
                .push(Action::AskCopy(folder.display().to_string()));
            return;
        }
        match self.session.save(&current.store, request) {
            Ok(saved) => {
                self.say(format!("{} · updating the view…", saved.said), saved.kept);
                self.first.push(Action::Unsaved(self.session.unsaved()));
                let rx = rebuild(current, saved.edits);
                self.making = Some((rx, saved.said, saved.kept));
            }
            Err(text) => self.say(text, true),
        }
    }

    /// `W`: the unsaved edits written again.
    fn retry(&mut self, current: &Loaded) {
        match self.session.save(&current.store, EditRequest::Retry) {
            Ok(saved) => self.say(saved.said, false),
            Err(text) => self.say(text, true),
        }
        self.first.push(Action::Unsaved(self.session.unsaved()));
    }

    /// Enter in the copy prompt: the corpus converted into `folder` (asked again with
    /// the reason when it cannot be), the waiting edit saved in the copy's journal, and
    /// the copy read, so that what is shown is what is there.
    fn convert(&mut self, current: &Loaded, folder: PathBuf) {
        let Some(request) = self.asked.take() else {
            return;
        };
        let converted = match self.session.convert(&current.store, &folder) {
            Ok(said) => said,
            Err(reason) => {
                self.say(reason, true);
                self.first
                    .push(Action::AskCopy(folder.display().to_string()));
                self.asked = Some(request);
                return;
            }
        };
        let (said, error) = match self.session.save(&current.store, request) {
            Ok(saved) => (format!("{converted} · {}", saved.said), saved.kept),
            Err(text) => (format!("{converted}; the edit was not made: {text}"), true),
        };
        self.first.push(Action::Unsaved(self.session.unsaved()));
        self.reload(said, error);
    }

    /// Ctrl-l (or after a copy): the corpus read again on a thread.
    fn reload(&mut self, said: String, error: bool) {
        if self.session.paths().is_empty() {
            let text = "The bundled corpus is built in: there is nothing to read again";
            return self.say(text.into(), false);
        }
        self.say(format!("{said} · reading the corpus…"), error);
        let paths = self.session.paths().to_vec();
        let rx = reload(paths, self.cache.clone(), self.session.unsaved_edits());
        self.making = Some((rx, said, error));
    }
}

/// Applies `edits` to `base` on a thread of its own.
fn rebuild(base: &Arc<Loaded>, edits: Vec<Edit>) -> Rebuilt {
    let (tx, rx) = channel();
    let base = Arc::clone(base);
    std::thread::spawn(move || {
        let applied = edit::apply(&base.store, &edits).map(|store| Fresh {
            loaded: Loaded {
                store,
                diagnostics: base.diagnostics.clone(),
            },
            stamps: None,
        });
        let _ = tx.send(applied.map_err(|e| e.to_string()));
    });
    rx
}

/// Reads `paths` again on a thread of its own, as at the start (the journal replayed),
/// with the files' stamps taken first; `unsaved` (edits the journal does not have yet)
/// applied over it, so that they are not lost.
fn reload(paths: Vec<PathBuf>, cache: CacheOptions, unsaved: Vec<Edit>) -> Rebuilt {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let stamps = Stamps::take(&paths);
        let progress = LoadProgress::default();
        let (mut loaded, _) = crate::journal::load(&paths, &Limits::default(), &progress, &cache);
        if !unsaved.is_empty() {
            let (store, failed) = edit::apply_each(&loaded.store, &unsaved);
            loaded.store = store;
            loaded.diagnostics.extend(failed.into_iter().map(|(_, e)| {
                Diagnostic::at(
                    "unsaved edits",
                    None,
                    None,
                    format!("no longer applies: {e}"),
                )
                .warning()
            }));
        }
        let _ = tx.send(Ok(Fresh {
            loaded,
            stamps: Some(stamps),
        }));
    });
    rx
}

#[cfg(test)]
#[path = "editing_tests.rs"]
mod tests;
