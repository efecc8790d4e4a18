//! The event loop: draw, read an event, map it to an `Action`, update the state, perform the `Effect`, feed the result back.

use super::action::{Action, Effect, ExportFailure, ExportReport, ExportRequest};
use super::keymap;
use super::state::State;
use super::ui::{self, theme::Theme};
use crate::export::{self, ExportError, Options};
use crate::store::Store;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Runs until the user quits or `stop` is set (a signal); returns I/O errors of the terminal.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    theme: &Theme,
    stop: &Arc<AtomicBool>,
) -> io::Result<()>
where
    io::Error: From<B::Error>,
{
    let size = terminal.size()?;
    state.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        // Draw (and finish deferred work) only once the pending input is consumed.
        if dirty && !event::poll(Duration::ZERO)? {
            state.update(Action::Settle);
            terminal.draw(|frame| ui::draw(frame, state, theme))?;
            dirty = false;
        }
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let Some(action) = action_of(event::read()?, state) else {
            continue;
        };
        dirty = true;
        let mut next = Some(action);
        while let Some(action) = next.take() {
            match state.update(action) {
                None => {}
                Some(Effect::Quit) => return Ok(()),
                Some(Effect::Export(request)) => {
                    next = Some(Action::ExportDone(perform_export(state.store, &request)));
                }
            }
        }
    }
    Ok(())
}

/// What a terminal event means in the current context.
fn action_of(event: Event, state: &State) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::lookup(state.context(), key)
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

/// Writes an export file atomically and reports the outcome as data.
pub fn perform_export(
    store: &Store,
    request: &ExportRequest,
) -> Result<ExportReport, ExportFailure> {
    match export::write_file(
        store,
        &request.ids,
        request.format,
        Options::default(),
        &request.path,
        request.overwrite,
    ) {
        Ok(()) => Ok(ExportReport {
            path: request.path.clone(),
            count: request.ids.len(),
            format: request.format,
        }),
        Err(ExportError::Exists(path)) => Err(ExportFailure::Exists(path)),
        Err(e) => Err(ExportFailure::Failed(e.to_string())),
    }
}
