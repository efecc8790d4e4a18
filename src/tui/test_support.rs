//! Helpers shared by the browser's state tests: the bundled corpus, a sized state, typing.

use super::action::{Action, Edit, Effect, FilterRequest};
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

/// Types `text` as a burst of keys, then performs the filter run the keys asked for,
/// as the effects do once the input is consumed (one asked for in the background is
/// left running: its request is returned).
pub fn type_text(s: &mut State, text: &str) -> Option<FilterRequest> {
    let mut last = None;
    for c in text.chars() {
        last = s.update(Action::Edit(Edit::Insert(c))).or(last);
    }
    settle(s, last)
}

/// Performs `effect` if it is a filter run the effects would do on the loop's thread;
/// returns one asked for in the background.
pub fn settle(s: &mut State, effect: Option<Effect>) -> Option<FilterRequest> {
    match effect {
        Some(Effect::Filter(request)) if request.background => Some(request),
        Some(Effect::Filter(request)) => {
            let result = request.run(s.store);
            s.update(Action::Filtered(result));
            None
        }
        _ => None,
    }
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
