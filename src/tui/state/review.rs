//! The review queue: the statements a machine found and nobody has reviewed, lowest confidence first; `y` keeps one (reviewed, by the coder, now), `n` removes it, and the queue moves on; `u` and Ctrl-r undo and redo any edit of the session.

use super::{Overlay, State};
use crate::edit::Edit;
use crate::model::{Provenance, StatementId};
use crate::store::Store;
use crate::tui::action::{EditRequest, Effect};

/// The queue and where the user is in it.
#[derive(Clone, Debug, Default)]
pub struct ReviewQueue {
    pub ids: Vec<StatementId>,
    pub cursor: usize,
}

impl ReviewQueue {
    /// The automatic statements of `store`, lowest confidence first (none last), then
    /// in text order.
    pub fn of(store: &Store) -> ReviewQueue {
        let mut ids: Vec<StatementId> = store
            .all_ids()
            .filter(|&id| store.provenance(id) == Provenance::Auto)
            .collect();
        let confidence = |id| store.origin(id).and_then(|o| o.confidence).unwrap_or(2.0);
        ids.sort_by(|&a, &b| {
            confidence(a)
                .total_cmp(&confidence(b))
                .then(store.article_of(a).cmp(&store.article_of(b)))
                .then(store.chars(a).start.cmp(&store.chars(b).start))
        });
        ReviewQueue { ids, cursor: 0 }
    }

    pub fn current(&self) -> Option<StatementId> {
        self.ids.get(self.cursor).copied()
    }
}

/// Statement `id` as its article and record, to put back changed.
fn record(store: &Store, id: StatementId) -> (String, serde_json::Value) {
    let article = store.article(store.article_of(id)).id.to_string();
    (article, crate::export::statement_value(store, id))
}

impl State<'_> {
    /// `R`: the queue, at `cursor` (kept across the edits that rebuild the state).
    pub(super) fn open_review(&mut self) -> Option<Effect> {
        let queue = ReviewQueue::of(self.store);
        if queue.ids.is_empty() {
            self.say(
                "Nothing to review: no statement is marked auto (demarche extract makes them)"
                    .into(),
                false,
            );
            return None;
        }
        let cursor = self.review.cursor.min(queue.ids.len() - 1);
        self.review = ReviewQueue { cursor, ..queue };
        self.overlay = Some(Overlay::Review);
        None
    }

    pub(super) fn step_review(&mut self, delta: isize) -> Option<Effect> {
        let last = self.review.ids.len().saturating_sub(1);
        self.review.cursor = self.review.cursor.saturating_add_signed(delta).min(last);
        None
    }

    /// `y`: the statement is right as the machine found it.
    pub(super) fn review_yes(&mut self) -> Option<Effect> {
        let id = self.review.current()?;
        let (article, mut statement) = record(self.store, id);
        statement["provenance"] = "reviewed".into();
        let edit = Edit::Put { article, statement };
        Some(Effect::Edit(EditRequest::Do(vec![edit], "Accepted".into())))
    }

    /// `n`: the statement is wrong; it is removed.
    pub(super) fn review_no(&mut self) -> Option<Effect> {
        let id = self.review.current()?;
        let (article, _) = record(self.store, id);
        let edit = Edit::Delete {
            article,
            id: self.store.key(id).to_string(),
        };
        Some(Effect::Edit(EditRequest::Do(vec![edit], "Rejected".into())))
    }

    /// Enter: the statement in its article; Esc comes back to the queue.
    pub(super) fn open_reviewed(&mut self) -> Option<Effect> {
        let id = self.review.current()?;
        self.open_from_view(id, Overlay::Review)
    }

    /// `d`: the statement under the cursor (or in the queue) is removed; `u` brings it back.
    pub(super) fn delete_statement(&mut self) -> Option<Effect> {
        let id = match self.overlay {
            Some(Overlay::Review) => self.review.current()?,
            _ => self.list.current()?,
        };
        let (article, _) = record(self.store, id);
        let key = self.store.key(id).to_string();
        let speaker = &self.store.actor(self.store.parties_of(id).0).name;
        let label = format!("Deleted {key} ({speaker})");
        let edit = Edit::Delete { article, id: key };
        Some(Effect::Edit(EditRequest::Do(vec![edit], label)))
    }

    /// After a rebuild: the cursor on the statement it was on, or where it was.
    pub(super) fn reselect(&mut self, article: &str, key: &str, index: usize) -> Option<Effect> {
        let found = crate::edit::find(self.store, article, key);
        if !found.is_some_and(|id| self.list.select(id)) {
            self.list.cursor = index.min(self.list.len().saturating_sub(1));
        }
        None
    }

    pub(super) fn undo(&mut self) -> Option<Effect> {
        Some(Effect::Edit(EditRequest::Undo))
    }

    pub(super) fn redo(&mut self) -> Option<Effect> {
        Some(Effect::Edit(EditRequest::Redo))
    }
}

impl State<'_> {
    /// What carries over to the state rebuilt after an edit, as the actions that
    /// restore it there: the filter, the pane, the statement under the cursor (a new
    /// one the form made), the detail view or review queue it was in (the queue's
    /// place is `review.cursor`, set on the new state before these run).
    pub fn carried(&self) -> Vec<crate::tui::action::Action> {
        use crate::tui::action::{Action, Edit as Typing};
        let mut out = Vec::new();
        let filter = &self.filter.applied;
        if !filter.is_empty() {
            out.push(Action::EditFilter);
            out.push(Action::Edit(Typing::Clear));
            out.extend(filter.chars().map(|c| Action::Edit(Typing::Insert(c))));
            out.push(Action::Accept);
        }
        out.push(match self.focus {
            super::Focus::Actors => Action::FocusActors,
            _ => Action::FocusQuotes,
        });
        if self.once.is_some() {
            out.push(Action::ToggleOnce);
        }
        let made = self
            .form
            .as_ref()
            .filter(|_| self.overlay == Some(Overlay::Form));
        let at = match (made, self.list.current()) {
            (Some(f), _) => Some((f.article().to_string(), f.key().to_string())),
            (None, Some(id)) => {
                Some(record(self.store, id).0).map(|a| (a, self.store.key(id).to_string()))
            }
            (None, None) => None,
        };
        if let Some((article, key)) = at {
            let index = self.list.cursor;
            out.push(Action::Reselect {
                article,
                key,
                index,
            });
        }
        // Where the user was: the form's origin, if a form was saved.
        let was = made.map_or(self.overlay, |f| f.from);
        if matches!(was, Some(Overlay::Detail(_) | Overlay::Select)) && self.return_to.is_none() {
            out.push(Action::OpenDetail);
        }
        if was == Some(Overlay::Review) || self.return_to == Some(Overlay::Review) {
            // At the place kept in `review.cursor`, which the caller carries over.
            out.push(Action::OpenReview);
        }
        out
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
