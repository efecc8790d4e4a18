//! The actor finder (`/`): actors ranked by how well a name or alias matches, and its keys; the same finder picks an actor for a form's field (with a row to make a new one) or the actor to merge into.

use super::input::Input;
use super::{Focus, Overlay, State};
use crate::edit::Edit as Change;
use crate::model::ActorId;
use crate::search::{ActorMatch, rank_actors};
use crate::store::Store;
use crate::tui::action::{Edit, EditRequest, Effect};
use ratatui::layout::Position;

/// What choosing an actor does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// Show the actor's statements (`/`).
    #[default]
    Jump,
    /// Fill the statement form's field of this index (a last row makes a new actor).
    Field(usize),
    /// Merge this actor into the chosen one (`m` in the actors pane).
    Merge(ActorId),
}

/// `/`: actors ranked by how well a name or alias matches.
#[derive(Clone, Debug, Default)]
pub struct ActorFinder {
    pub input: Input,
    pub matches: Vec<ActorMatch>,
    pub cursor: usize,
    pub purpose: Purpose,
}

impl ActorFinder {
    pub fn open(&mut self) {
        *self = ActorFinder::default();
    }

    /// The rows to choose from: the matches, and for a form's field the row that
    /// makes a new actor of the typed name.
    pub fn rows(&self) -> usize {
        self.matches.len() + usize::from(self.offers_new())
    }

    /// Whether the last row makes a new actor.
    pub fn offers_new(&self) -> bool {
        matches!(self.purpose, Purpose::Field(_)) && !self.input.text().trim().is_empty()
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
        finder.cursor = super::list::step(finder.cursor, delta, finder.rows());
        None
    }

    pub(super) fn edit_actor_finder(&mut self, edit: Edit) -> Option<Effect> {
        if self.actor_finder.input.apply(edit) {
            self.actor_finder.refresh(self.store);
        }
        None
    }

    /// The finder to fill the statement form's field `field` (its text typed in).
    pub(super) fn pick_actor_for(&mut self, field: usize) -> Option<Effect> {
        let form = self.form.as_ref()?;
        // What was typed is searched for, unless it already names an actor.
        let text = form.fields[field].input.text();
        let typed = match form.fields[field].kind {
            super::form::fields::Kind::Actors => String::new(),
            _ if super::form::fields::resolve(self.store, &form.fresh, text).is_ok() => {
                String::new()
            }
            _ => text.to_string(),
        };
        self.open_finder_for(Purpose::Field(field), &typed);
        None
    }

    /// `m` in the actors pane: the finder chooses whom the selected actor merges into.
    pub(super) fn pick_merge_target(&mut self) -> Option<Effect> {
        let Some(actor) = self.actors.selected() else {
            self.say(
                "Choose the actor to merge first (the first row is every actor)".into(),
                true,
            );
            return None;
        };
        self.open_finder_for(Purpose::Merge(actor), "");
        None
    }

    fn open_finder_for(&mut self, purpose: Purpose, typed: &str) {
        self.actor_finder.open();
        self.actor_finder.purpose = purpose;
        self.actor_finder.input.set(typed);
        self.actor_finder.refresh(self.store);
        self.overlay = Some(Overlay::ActorSearch);
    }

    /// Esc: back to the form the finder fills, or to the panes.
    pub(super) fn close_actor_finder(&mut self) -> Option<Effect> {
        self.overlay = match self.actor_finder.purpose {
            Purpose::Field(_) => Some(Overlay::Form),
            _ => None,
        };
        None
    }

    /// Enter: does what the finder was opened for with the chosen row.
    pub(super) fn accept_actor_finder(&mut self) -> Option<Effect> {
        let chosen = self.actor_finder.selected().map(|m| m.actor);
        match (self.actor_finder.purpose, chosen) {
            (Purpose::Field(field), None) if self.actor_finder.offers_new() => {
                let name = self.actor_finder.input.text().trim().to_string();
                self.open_new_actor(field, &name)
            }
            (Purpose::Field(field), Some(actor)) => {
                let id = self.store.actor(actor).id.clone();
                self.fill_actor(field, &id);
                None
            }
            (Purpose::Merge(from), Some(into)) => self.merge(from, into),
            _ => self.jump_to_actor(),
        }
    }

    /// Every statement of `from` becomes `into`'s, and `from`'s names its aliases.
    fn merge(&mut self, from: ActorId, into: ActorId) -> Option<Effect> {
        if from == into {
            self.say(
                "An actor cannot be merged into itself: choose another".into(),
                true,
            );
            return None;
        }
        let (f, i) = (self.store.actor(from), self.store.actor(into));
        let label = format!("Merged {} into {}", f.name, i.name);
        let edit = Change::Merge {
            from: f.id.clone(),
            into: i.id.clone(),
        };
        self.overlay = None;
        Some(Effect::Edit(EditRequest::Do(vec![edit], label)))
    }

    /// Enter in `/`: selects the actor in the actors pane and shows their statements.
    fn jump_to_actor(&mut self) -> Option<Effect> {
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
        if i >= self.actor_finder.rows() {
            return None;
        }
        self.actor_finder.cursor = i;
        self.accept_actor_finder()
    }
}
