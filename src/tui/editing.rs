//! The browser over a corpus that edits change: the event loop runs on one store until an edit is saved (journaled and synced at once), the store is rebuilt with it on a thread while the loop goes on, then the loop starts again on the new store with what the user was doing; on a clean exit the journal is folded into the files.

use super::action::Action;
use super::app::{self, Outcome};
use super::session::Session;
use super::state::State;
use super::ui::theme::Theme;
use crate::edit::{self, Edit};
use crate::loader::Loaded;
use crate::store::Store;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// The store with an edit applied, arriving from its thread.
pub type Rebuilt = Receiver<Result<Store, String>>;

/// Browses `loaded` until the user quits; returns what to tell them after the terminal
/// is restored (where the edits were written).
pub fn browse<B: Backend>(
    terminal: &mut Terminal<B>,
    loaded: Arc<Loaded>,
    mut session: Session,
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
        let mut pending: Option<(Rebuilt, String)> = None;
        let rebuilt = loop {
            let waiting = pending.as_ref().map(|(rx, _)| rx);
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
                    let store = pending.and_then(|(rx, _)| rx.recv().ok()?.ok());
                    let store = store.as_ref().unwrap_or(&current.store);
                    let clean = !stop.load(Ordering::SeqCst);
                    return Ok(clean.then(|| session.finish(store)).flatten());
                }
                Outcome::Edit(_) if pending.is_some() => first.push(Action::Say(
                    "Still applying the last edit: press again in a moment".into(),
                    true,
                )),
                Outcome::Edit(request) => match session.save(&current.store, request) {
                    Ok((edits, said)) => {
                        first.push(Action::Say(format!("{said} · updating the view…"), false));
                        pending = Some((rebuild(&current, edits), said));
                    }
                    Err(text) => first.push(Action::Say(text, true)),
                },
                Outcome::Rebuilt(result) => break (*result, pending.take().map(|(_, s)| s)),
            }
        };
        first = state.carried();
        place = state.review.cursor;
        drop(state);
        match rebuilt {
            (Ok(store), said) => {
                let diagnostics = current.diagnostics.clone();
                current = Arc::new(Loaded { store, diagnostics });
                first.push(Action::Say(said.unwrap_or_default(), false));
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
        let _ = tx.send(edit::apply(&base.store, &edits).map_err(|e| e.to_string()));
    });
    rx
}
