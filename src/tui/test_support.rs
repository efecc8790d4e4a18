//! Helpers shared by the browser's state tests: the bundled corpus, a sized state, typing.

use super::action::{Action, Edit};
use super::state::State;
use crate::loader::Loaded;

pub fn corpus() -> Loaded {
    crate::bundled::load()
}

/// A state over `loaded` in a 120x40 terminal.
pub fn state(loaded: &Loaded) -> State<'_> {
    sized(loaded, 120, 40)
}

/// A state over `loaded` in a `width` x `height` terminal.
pub fn sized(loaded: &Loaded, width: u16, height: u16) -> State<'_> {
    let mut s = State::new(&loaded.store, &loaded.diagnostics, || {
        "20250101-000000".into()
    });
    s.update(Action::Resize { width, height });
    s
}

/// Types `text` as a burst of keys, then lets the input settle (as the loop does).
pub fn type_text(s: &mut State, text: &str) {
    for c in text.chars() {
        s.update(Action::Edit(Edit::Insert(c)));
    }
    s.update(Action::Settle);
}

pub fn peskov(loaded: &Loaded) -> crate::model::ActorId {
    loaded
        .store
        .actor_by_key("peskov")
        .expect("peskov in corpus")
}

/// The screen `state` draws in a `width` x `height` terminal, as text.
pub fn render(
    state: &State,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("test backend");
    terminal
        .draw(|frame| super::ui::draw(frame, state, &super::ui::theme::Theme::new(false)))
        .expect("draw");
    terminal
}
