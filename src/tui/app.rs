//! The event loop: draw, read an event, map it to an `Action`, update the state, perform the `Effect`, feed the result back.

use super::action::{Action, Effect, ExportFailure, ExportReport, ExportRequest};
use super::filterer::Filterer;
use super::keymap;
use super::ranker::Ranker;
use super::state::State;
use super::ui::{self, theme::Theme};
use crate::export::{self, ExportError, Options};
use crate::store::Store;
use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Runs until the user quits or `stop` is set (a signal); repaints the whole screen
/// when `redraw` is set (the terminal was given back and taken again); returns I/O
/// errors of the terminal.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    theme: &Theme,
    stop: &Arc<AtomicBool>,
    redraw: &AtomicBool,
) -> io::Result<()>
where
    io::Error: From<B::Error>,
{
    let size = terminal.size()?;
    state.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let store = state.store;
    std::thread::scope(|scope| {
        let workers = Workers {
            ranker: Ranker::start(scope, store),
            filterer: Filterer::start(scope, store),
        };
        run_loop(terminal, state, theme, (stop, redraw), &workers)
    })
}

/// The threads beside the loop: text ranking and (over a large store) filtering.
struct Workers<'scope> {
    ranker: Ranker<'scope>,
    filterer: Filterer<'scope>,
}

impl Drop for Workers<'_> {
    /// Stops both workers before waiting for either: they share the thread pool, so
    /// one waited for while the other still runs would wait for that run too.
    fn drop(&mut self) {
        self.ranker.cancel();
        self.filterer.cancel();
    }
}

/// The loop proper, with the workers running beside it.
fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    theme: &Theme,
    (stop, redraw): (&AtomicBool, &AtomicBool),
    workers: &Workers,
) -> io::Result<()>
where
    io::Error: From<B::Error>,
{
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        if redraw.swap(false, Ordering::SeqCst) {
            terminal.clear()?;
            dirty = true;
        }
        for report in workers.ranker.reports() {
            state.update(Action::TextRanked(report));
            dirty = true;
        }
        for result in workers.filterer.results() {
            state.update(Action::Filtered(result));
            dirty = true;
        }
        // Draw (and finish deferred work) only once the pending input is consumed.
        if dirty && !event::poll(Duration::ZERO)? {
            if apply(state, Action::Settle, workers) {
                return Ok(());
            }
            terminal.draw(|frame| ui::draw(frame, state, theme))?;
            dirty = false;
        }
        // While a ranking or a filter runs, wake often enough to draw what it sends.
        let wait = if state.text_finder.ranking_pending() || state.filter.running.is_some() {
            Duration::from_millis(10)
        } else {
            Duration::from_millis(200)
        };
        if !event::poll(wait)? {
            continue;
        }
        let event = event::read()?;
        dirty = true;
        for action in actions_of(event, state, workers) {
            if apply(state, action, workers) {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Applies an action and the actions its effects lead to; returns whether to quit.
fn apply(state: &mut State, action: Action, workers: &Workers) -> bool {
    let mut next = Some(action);
    while let Some(action) = next.take() {
        match state.update(action) {
            None => {}
            Some(Effect::Quit) => return true,
            Some(Effect::Suspend) => super::suspend::request(),
            Some(Effect::Export(request)) => {
                next = Some(Action::ExportDone(perform_export(state.store, &request)));
            }
            Some(Effect::RankText(request)) => workers.ranker.ask(request),
            Some(Effect::Filter(request)) => workers.filterer.ask(request),
        }
    }
    false
}

/// The actions a terminal event means. Terminals send Alt+key as Esc followed by the
/// key, so a quick Esc then key arrives as Alt+key: unbound, it is taken as both.
fn actions_of(event: Event, state: &mut State, workers: &Workers) -> Vec<Action> {
    if let Event::Key(key) = event
        && key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::ALT)
        && keymap::lookup(state.context(), key).is_none()
    {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let mut out = Vec::new();
        if let Some(close) = keymap::lookup(state.context(), esc) {
            // The key that follows is looked up in the context the Esc leads to.
            if apply(state, close, workers) {
                return vec![Action::Quit];
            }
        }
        let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
        out.extend(keymap::lookup(state.context(), plain));
        return out;
    }
    action_of(event, state).into_iter().collect()
}

/// What a terminal event means in the current context.
fn action_of(event: Event, state: &State) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::lookup(state.context(), key).or_else(|| match key.code {
                // A modifier alone is not a key the user meant.
                KeyCode::Modifier(_) | KeyCode::Null => None,
                _ => Some(Action::Unbound(keymap::Key::of(key).label())),
            })
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// `~/x` as `$HOME/x`, as a shell would; other paths as they are.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// Writes an export file atomically and reports the outcome as data.
pub fn perform_export(
    store: &Store,
    request: &ExportRequest,
) -> Result<ExportReport, ExportFailure> {
    let path = expand_home(&request.path);
    if path == Path::new("-") {
        return Err(ExportFailure::Failed(
            "`-` is standard output, which the browser is drawing on: type a file name".into(),
        ));
    }
    match export::write_file(
        store,
        &request.ids,
        request.format,
        Options::default(),
        &path,
        request.overwrite,
    ) {
        Ok(()) => Ok(ExportReport {
            path,
            count: request.ids.len(),
            format: request.format,
        }),
        Err(ExportError::Exists(path)) => Err(ExportFailure::Exists(path)),
        Err(e) => Err(ExportFailure::Failed(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;

    #[test]
    fn an_export_is_written_and_an_existing_file_is_kept() {
        let loaded = crate::bundled::load();
        let dir = tempfile::tempdir().expect("temp dir");
        let request = ExportRequest {
            ids: loaded.store.all_ids().take(2).collect(),
            format: Format::Json,
            path: dir.path().join("out.json"),
            overwrite: false,
        };
        let report = perform_export(&loaded.store, &request).expect("written");
        assert_eq!(report.count, 2);
        let again = perform_export(&loaded.store, &request);
        assert_eq!(again, Err(ExportFailure::Exists(request.path.clone())));
        let forced = ExportRequest {
            overwrite: true,
            ..request
        };
        assert!(perform_export(&loaded.store, &forced).is_ok());
    }

    #[test]
    fn an_unbound_key_becomes_an_action_that_says_so_and_a_lone_modifier_does_not() {
        let loaded = crate::bundled::load();
        let state = State::new(&loaded.store, &loaded.diagnostics, String::new);
        let x = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(action_of(x, &state), Some(Action::Unbound("x".into())));
        let shift = KeyCode::Modifier(event::ModifierKeyCode::LeftShift);
        let shift = Event::Key(KeyEvent::new(shift, KeyModifiers::SHIFT));
        assert_eq!(action_of(shift, &state), None);
    }

    #[test]
    fn a_tilde_path_means_home() {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        if let Some(home) = home {
            assert_eq!(expand_home(Path::new("~/x.json")), home.join("x.json"));
        }
        assert_eq!(
            expand_home(Path::new("./x.json")),
            PathBuf::from("./x.json")
        );
    }
}
