//! A headless TUI session for benchmarks: a state over a store, keystrokes through `State::update`, frames drawn into a `TestBackend`.

pub use super::action::Edit;
use super::action::{Action, Effect};
use super::state::State;
use super::ui::{self, theme::Theme};
use crate::diagnostic::Diagnostic;
use crate::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The text field a benchmark types into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `f`: the filter bar.
    Filter,
    /// `/`: the actor finder.
    ActorFinder,
    /// `s`: the text finder (the ranking it asks for is not run).
    TextFinder,
}

pub struct Session<'a> {
    state: State<'a>,
    terminal: Terminal<TestBackend>,
    theme: Theme,
}

impl<'a> Session<'a> {
    /// A session `width` x `height` over `store`, its first frame drawn.
    pub fn new(
        store: &'a Store,
        diagnostics: &'a [Diagnostic],
        width: u16,
        height: u16,
    ) -> Session<'a> {
        let mut state = State::new(store, diagnostics, || "20250101-000000".into());
        state.update(Action::Resize { width, height });
        let terminal =
            Terminal::new(TestBackend::new(width, height)).expect("a test backend cannot fail");
        let mut session = Session {
            state,
            terminal,
            theme: Theme::new(false),
        };
        session.draw();
        session
    }

    /// Opens `field` and types `text` into it, drawing once at the end.
    pub fn open(&mut self, field: Field, text: &str) {
        self.state.update(match field {
            Field::Filter => Action::EditFilter,
            Field::ActorFinder => Action::OpenActorSearch,
            Field::TextFinder => Action::OpenTextSearch,
        });
        let mut last = None;
        for c in text.chars() {
            last = self.state.update(Action::Edit(Edit::Insert(c))).or(last);
        }
        self.settle(last, true);
        self.draw();
    }

    /// One keystroke as the loop handles it when no other input is pending, until its
    /// result is on screen: the update, the deferred work (a filter the browser would
    /// run in the background is run here, its result taken at once), one frame.
    pub fn key(&mut self, edit: Edit) {
        let effect = self.state.update(Action::Edit(edit));
        self.settle(effect, true);
        self.draw();
    }

    /// One keystroke until the screen shows it, without waiting for a background
    /// filter run (its request is dropped; the last result stays on screen).
    pub fn key_frame(&mut self, edit: Edit) {
        let effect = self.state.update(Action::Edit(edit));
        self.settle(effect, false);
        self.draw();
    }

    /// One move of the quotes cursor (`j` or `k`) until its frame is drawn.
    pub fn step(&mut self, down: bool) {
        self.state
            .update(if down { Action::Down } else { Action::Up });
        self.draw();
    }

    /// Performs a filter run as the browser does once the input is consumed; `wait`
    /// also runs a background one here.
    fn settle(&mut self, effect: Option<Effect>, wait: bool) {
        if let Some(Effect::Filter(request)) = effect
            && (wait || !request.background)
        {
            let result = request.run(self.state.store);
            self.state.update(Action::Filtered(result));
        }
    }

    /// Draws one frame.
    pub fn draw(&mut self) {
        let (state, theme) = (&self.state, &self.theme);
        // A TestBackend does not fail.
        let _ = self.terminal.draw(|frame| ui::draw(frame, state, theme));
    }
}
