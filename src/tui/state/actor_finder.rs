//! The actor finder (`/`): actors ranked by how well a name or alias matches, and its keys.

use super::input::Input;
use super::{Focus, Overlay, State};
use crate::search::{ActorMatch, rank_actors};
use crate::store::Store;
use crate::tui::action::{Edit, Effect};
use ratatui::layout::Position;

/// `/`: actors ranked by how well a name or alias matches.
#[derive(Clone, Debug, Default)]
pub struct ActorFinder {
    pub input: Input,
    pub matches: Vec<ActorMatch>,
    pub cursor: usize,
}

impl ActorFinder {
    pub fn open(&mut self) {
        *self = ActorFinder::default();
    }

    pub fn refresh(&mut self, store: &Store) {
        self.matches = rank_actors(store, self.input.text());
        self.cursor = 0;
    }

    pub fn selected(&self) -> Option<&ActorMatch> {
        self.matches.get(self.cursor)
    }

    /// The first match shown in a list `height` rows tall (the cursor stays in view).
    pub fn window_start(&self, height: usize) -> usize {
        self.cursor.saturating_sub(height.saturating_sub(1))
    }
}

impl State<'_> {
    pub(super) fn open_actor_finder(&mut self) -> Option<Effect> {
        self.actor_finder.open();
        self.overlay = Some(Overlay::ActorSearch);
        None
    }

    pub(super) fn step_actor_finder(&mut self, delta: isize) -> Option<Effect> {
        let finder = &mut self.actor_finder;
        finder.cursor = super::list::step(finder.cursor, delta, finder.matches.len());
        None
    }

    pub(super) fn edit_actor_finder(&mut self, edit: Edit) -> Option<Effect> {
        if self.actor_finder.input.apply(edit) {
            self.actor_finder.refresh(self.store);
        }
        None
    }

    /// Enter: selects the actor in the actors pane and shows their statements.
    pub(super) fn accept_actor_finder(&mut self) -> Option<Effect> {
        let Some(actor) = self.actor_finder.selected().map(|m| m.actor) else {
            self.say("No actor matches".into(), true);
            return None;
        };
        self.actors.cursor = self.actors.row_of(actor);
        self.renarrow();
        self.overlay = None;
        self.focus = Focus::Quotes;
        let name = crate::tui::text::clean(&self.store.actor(actor).name);
        self.say(format!("{name}: {} statement(s)", self.list.len()), false);
        None
    }

    /// A click on a match chooses it, as Enter would.
    pub(super) fn click_actor_finder(&mut self, at: Position) -> Option<Effect> {
        let (row, height) = self.finder_row(at)?;
        let i = self.actor_finder.window_start(height) + row;
        if i >= self.actor_finder.matches.len() {
            return None;
        }
        self.actor_finder.cursor = i;
        self.accept_actor_finder()
    }
}
