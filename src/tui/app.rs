//! The event loop: draw, read an event, map it to actions, update the state, hand each `Effect` to the performer, feed results back.

use super::action::Action;
use super::effects::{Effects, Flow};
use super::input;
use super::state::State;
use super::ui::{self, theme::Theme};
use crossterm::event;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Why the loop ended.
#[derive(Debug)]
pub enum Outcome {
    Quit,
    /// The user asked for an edit: saved by the session, then the loop runs again.
    Edit(super::action::EditRequest),
    /// The user asked for the corpus to be read again from disk.
    Reload,
    /// The store with the last edit applied (or read again from disk) is ready.
    Rebuilt(Box<Result<super::editing::Fresh, String>>),
}

/// Runs until the user quits, `stop` is set (a signal) or an edit is asked for, after
/// applying `first` (what carries over from before an edit); repaints the whole screen
/// when `redraw` is set (the terminal was given back and taken again); returns I/O
/// errors of the terminal.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    theme: &Theme,
    (stop, redraw): (&AtomicBool, &AtomicBool),
    first: Vec<Action>,
    rebuilding: Option<&super::editing::Rebuilt>,
) -> io::Result<Outcome>
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
        let mut effects = Effects::start(scope, store);
        if let Some(outcome) = ended(apply_all(state, first, &mut effects)) {
            return Ok(outcome);
        }
        run_loop(
            terminal,
            state,
            theme,
            (stop, redraw),
            &mut effects,
            rebuilding,
        )
    })
}

/// The loop proper, with the effects' threads running beside it.
fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    theme: &Theme,
    (stop, redraw): (&AtomicBool, &AtomicBool),
    effects: &mut Effects,
    rebuilding: Option<&super::editing::Rebuilt>,
) -> io::Result<Outcome>
where
    io::Error: From<B::Error>,
{
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        if let Some(result) = rebuilding.and_then(arrived) {
            return Ok(Outcome::Rebuilt(Box::new(result)));
        }
        if redraw.swap(false, Ordering::SeqCst) {
            terminal.clear()?;
            dirty = true;
        }
        // Deferred work (the filter typed in a burst) runs once the pending input is consumed.
        let idle = !event::poll(Duration::ZERO)?;
        let results = effects.results(idle);
        dirty |= !results.is_empty();
        if let Some(outcome) = ended(apply_all(state, results, effects)) {
            return Ok(outcome);
        }
        if dirty && idle {
            terminal.draw(|frame| ui::draw(frame, state, theme))?;
            dirty = false;
        }
        // While work runs, wake often enough to draw what it sends.
        let wait = if effects.busy() || state.awaiting() || rebuilding.is_some() {
            Duration::from_millis(10)
        } else {
            Duration::from_millis(200)
        };
        if !event::poll(wait)? {
            continue;
        }
        dirty = true;
        let actions = input::actions(event::read()?, state.keyboard());
        if let Some(outcome) = ended(apply_all(state, actions, effects)) {
            return Ok(outcome);
        }
    }
    Ok(Outcome::Quit)
}

/// Applies actions in order, handing their effects to the performer; stops at a quit
/// or an edit.
fn apply_all(state: &mut State, actions: Vec<Action>, effects: &mut Effects) -> Flow {
    for action in actions {
        if let Some(effect) = state.update(action) {
            let flow = effects.perform(effect);
            if flow != Flow::Go {
                return flow;
            }
        }
    }
    Flow::Go
}

/// What a flow ends the loop with, if it ends it.
fn ended(flow: Flow) -> Option<Outcome> {
    match flow {
        Flow::Go => None,
        Flow::Quit => Some(Outcome::Quit),
        Flow::Edit(request) => Some(Outcome::Edit(request)),
        Flow::Reload => Some(Outcome::Reload),
    }
}

/// The rebuilt store, if it is there (a rebuild that stopped is said as an error).
fn arrived(rx: &super::editing::Rebuilt) -> Option<Result<super::editing::Fresh, String>> {
    match rx.try_recv() {
        Ok(result) => Some(result),
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Err("the rebuild stopped".into())),
    }
}
