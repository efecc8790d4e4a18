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

/// Browses `loaded` until the user quits; returns what to tell them after the terminal
/// is restored (where the edits were written). `cache` is how Ctrl-l reads the corpus
/// again.
pub fn browse<B: Backend>(
    terminal: &mut Terminal<B>,
    loaded: Arc<Loaded>,
    (mut session, cache): (Session, &CacheOptions),
    theme: &Theme,
    (stop, redraw): (&AtomicBool, &AtomicBool),
    clock: fn() -> String,
) -> io::Result<Option<String>>
where
    io::Error: From<B::Error>,
{
    let mut current = loaded;
    let mut first: Vec<Action> = Vec::new();
    // Where the review queue was: kept across the rebuild an edit causes.
    let mut place = 0;
    loop {
        let mut state = State::new(&current.store, &current.diagnostics, clock);
        state.review.cursor = place;
        first.push(Action::Unsaved(session.unsaved()));
        let mut pending: Option<Making> = None;
        let rebuilt = loop {
            let waiting = pending.as_ref().map(|(rx, ..)| rx);
            match app::run(
                terminal,
                &mut state,
                theme,
                (stop, redraw),
                std::mem::take(&mut first),
                waiting,
            )? {
                Outcome::Quit => {
                    // An edit still being applied is waited for: the files get it whole.
                    let fresh = pending.and_then(|(rx, ..)| rx.recv().ok()?.ok());
                    if let Some(stamps) = fresh.as_ref().and_then(|f| f.stamps.clone()) {
                        session.reloaded(stamps);
                    }
                    let store = fresh.as_ref().map_or(&current.store, |f| &f.loaded.store);
                    let clean = !stop.load(Ordering::SeqCst);
                    return Ok(clean.then(|| session.finish(store)).flatten());
                }
                Outcome::Edit(EditRequest::Retry) => {
                    match session.save(&current.store, EditRequest::Retry) {
                        Ok(saved) => first.push(Action::Say(saved.said, false)),
                        Err(text) => first.push(Action::Say(text, true)),
                    }
                    first.push(Action::Unsaved(session.unsaved()));
                }
                Outcome::Edit(_) | Outcome::Reload if pending.is_some() => first.push(Action::Say(
                    "Still updating the view: press again in a moment".into(),
                    true,
                )),
                Outcome::Edit(request) => match session.save(&current.store, request) {
                    Ok(saved) => {
                        let said = format!("{} · updating the view…", saved.said);
                        first.push(Action::Say(said, saved.kept));
                        first.push(Action::Unsaved(session.unsaved()));
                        let rx = rebuild(&current, saved.edits);
                        pending = Some((rx, saved.said, saved.kept));
                    }
                    Err(text) => first.push(Action::Say(text, true)),
                },
                Outcome::Reload if session.paths().is_empty() => first.push(Action::Say(
                    "The bundled corpus is built in: there is nothing to read again".into(),
                    false,
                )),
                Outcome::Reload => {
                    first.push(Action::Say("Reading the corpus again…".into(), false));
                    let rx = reload(
                        session.paths().to_vec(),
                        cache.clone(),
                        session.unsaved_edits(),
                    );
                    pending = Some((rx, "Read again from disk".into(), false));
                }
                Outcome::Rebuilt(result) => break (*result, pending.take()),
            }
        };
        first = state.carried();
        place = state.review.cursor;
        drop(state);
        match rebuilt {
            (Ok(fresh), making) => {
                if let Some(stamps) = fresh.stamps {
                    session.reloaded(stamps);
                }
                current = Arc::new(fresh.loaded);
                let (said, error) = making.map_or((String::new(), false), |(_, s, e)| (s, e));
                first.push(Action::Say(said, error));
            }
            (Err(e), _) => first.push(Action::Say(
                format!("The edit is saved but cannot be shown ({e}); it shows at the next start"),
                true,
            )),
        }
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
