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

/// Performs `effect`, and what its result asks for in turn, where the effects would
/// do it at once: a filter run on the loop's thread, a background count (run here);
/// returns a filter run asked for in the background.
pub fn settle(s: &mut State, effect: Option<Effect>) -> Option<FilterRequest> {
    let mut effect = effect;
    loop {
        effect = match effect {
            Some(Effect::Filter(request)) if request.background => return Some(request),
            Some(Effect::Filter(request)) => {
                let result = request.run(s.store);
                s.update(Action::Filtered(result))
            }
            Some(Effect::Tally(request)) => {
                let result = request.run(s.store);
                s.update(Action::Tallied(result))
            }
            _ => return None,
        };
    }
}

/// Applies `action` and settles what it asks for.
pub fn act(s: &mut State, action: Action) {
    let effect = s.update(action);
    settle(s, effect);
}

/// Focuses the actors pane and moves its cursor onto actor `id`.
pub fn select_actor(s: &mut State, id: &str) {
    act(s, Action::FocusActors);
    let actor = s.store.actor_by_key(id).expect("actor in corpus");
    let row = s
        .actors
        .rows
        .iter()
        .position(|r| r.actor == actor)
        .expect("actor listed");
    act(s, Action::Top);
    for _ in 0..=row {
        act(s, Action::Down);
    }
}

/// The fixture with known stances and shifts (tests/fixtures/stances).
pub fn stances_corpus() -> Loaded {
    let loaded = crate::load_paths(&[std::path::Path::new("tests/fixtures/stances")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded
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
