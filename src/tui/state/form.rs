//! The statement form (`c` on a statement, Enter in the review queue, `c` on a text selection): every field as text, moved through with Tab, checked whole (by the loader itself) before anything is saved; a refused value is said in the form, at its field.

pub mod fields;
pub mod new;

use super::{Overlay, State};
use crate::edit::Edit;
use crate::model::{Span, StatementId};
use crate::store::Store;
use crate::tui::action::{Edit as Typing, EditRequest, Effect};
use fields::{Field, Kind};
use serde_json::Value;

/// What the form saves into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The statement `key` of `article`.
    Existing { article: String, key: String },
    /// A new statement of `article` over the characters `chars`.
    New { article: String, chars: Span },
}

/// The open form.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementForm {
    pub target: Target,
    /// The record the fields are written over (text, span and provenance come from it).
    pub base: Value,
    pub fields: Vec<Field>,
    pub cursor: usize,
    /// The field (if one) and the reason the last save was refused.
    pub error: Option<(Option<usize>, String)>,
    /// What the user should know but may go ahead with (an overlapping span).
    pub warnings: Vec<String>,
    /// Actors made in this form (records of our format), put before the statement.
    pub fresh: Vec<Value>,
    /// The overlay Esc or a save returns to.
    pub from: Option<Overlay>,
}

impl StatementForm {
    /// The form over statement `id` as it stands.
    pub fn of(store: &Store, id: StatementId, from: Option<Overlay>) -> StatementForm {
        let base = crate::export::statement_value(store, id);
        StatementForm {
            target: Target::Existing {
                article: store.article(store.article_of(id)).id.to_string(),
                key: store.key(id).to_string(),
            },
            fields: fields::of(&base),
            base,
            cursor: 0,
            error: None,
            warnings: Vec::new(),
            fresh: Vec::new(),
            from,
        }
    }

    pub fn field(&self) -> &Field {
        &self.fields[self.cursor]
    }

    pub fn text(&self) -> &str {
        self.base.get("text").and_then(Value::as_str).unwrap_or("")
    }

    /// The id of the statement the form saves.
    pub fn key(&self) -> &str {
        match &self.target {
            Target::Existing { key, .. } => key,
            Target::New { .. } => self.base.get("id").and_then(Value::as_str).unwrap_or(""),
        }
    }

    pub fn article(&self) -> &str {
        match &self.target {
            Target::Existing { article, .. } | Target::New { article, .. } => article,
        }
    }

    /// The record the fields make, or the field and reason it cannot be made.
    pub fn record(&self, store: &Store) -> Result<Value, (Option<usize>, String)> {
        let mut record = self.base.clone();
        let Value::Object(map) = &mut record else {
            return Err((None, "the statement is not a record".into()));
        };
        for (i, field) in self.fields.iter().enumerate() {
            match fields::value(store, &self.fresh, field) {
                Ok(Some(v)) => {
                    map.insert(field.key.to_string(), v);
                }
                Ok(None) => {
                    map.remove(field.key);
                }
                Err(why) => return Err((Some(i), format!("{}: {why}", field.label))),
            }
        }
        // A person has now seen and changed what a machine found.
        if map.get("provenance").and_then(Value::as_str) == Some("auto") {
            map.insert("provenance".into(), "reviewed".into());
        }
        Ok(record)
    }

    /// The edits saving the form makes: the new actors it names, then the statement;
    /// checked against `store` as the loader checks a file.
    pub fn edits(&self, store: &Store) -> Result<Vec<Edit>, (Option<usize>, String)> {
        let record = self.record(store)?;
        let named = crate::edit::actors_named(&record);
        let mut edits: Vec<Edit> = self
            .fresh
            .iter()
            .filter(|a| {
                a.get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| named.contains(&id))
            })
            .map(|a| Edit::PutActor { actor: a.clone() })
            .collect();
        edits.push(Edit::Put {
            article: self.article().to_string(),
            statement: record,
        });
        crate::edit::check(store, &edits).map_err(|e| (None, e.to_string()))?;
        Ok(edits)
    }
}

impl State<'_> {
    /// `c` (Enter in the review queue): the form over the statement under the cursor.
    pub(super) fn open_form(&mut self) -> Option<Effect> {
        let (id, from) = match self.overlay {
            Some(Overlay::Review) => (self.review.current()?, Some(Overlay::Review)),
            Some(Overlay::Detail(page)) => (self.list.current()?, Some(Overlay::Detail(page))),
            _ => (self.list.current()?, None),
        };
        self.form = Some(StatementForm::of(self.store, id, from));
        self.overlay = Some(Overlay::Form);
        None
    }

    /// Tab / ↓ and BackTab / ↑: the next or previous field.
    pub(super) fn step_form(&mut self, delta: isize) -> Option<Effect> {
        let form = self.form.as_mut()?;
        form.cursor = super::list::step(form.cursor, delta, form.fields.len());
        None
    }

    pub(super) fn edit_form(&mut self, edit: Typing) -> Option<Effect> {
        let form = self.form.as_mut()?;
        let i = form.cursor;
        form.fields[i].input.apply(edit);
        if form.error.as_ref().is_some_and(|(at, _)| *at == Some(i)) {
            form.error = None;
        }
        None
    }

    /// Enter: an actor field opens the finder, a topic being typed is completed,
    /// any other field hands on to the next.
    pub(super) fn accept_form(&mut self) -> Option<Effect> {
        let form = self.form.as_mut()?;
        let field = form.field().clone();
        match field.kind {
            k if k.is_actor() => return self.pick_actor_for(form_cursor(self)),
            Kind::Topics => {
                let text = field.input.text().to_string();
                if let Some(best) = fields::topic_suggestions(self.store, &text).first() {
                    let done = fields::complete_topic(&text, best);
                    let i = form.cursor;
                    form.fields[i].input.set(&done);
                    return None;
                }
            }
            _ => {}
        }
        self.step_form(1)
    }

    /// Ctrl-s: the form's edits, if every field is right; else the reason, in the form.
    pub(super) fn save_form(&mut self) -> Option<Effect> {
        let form = self.form.as_mut()?;
        match form.edits(self.store) {
            Ok(edits) => {
                let label = match &form.target {
                    Target::Existing { key, .. } => format!("Edited {key}"),
                    Target::New { .. } => format!("Added {}", form.key()),
                };
                // The form stays open until the edit is saved: a refusal keeps what was typed.
                form.error = None;
                Some(Effect::Edit(EditRequest::Do(edits, label)))
            }
            Err((at, why)) => {
                if let Some(i) = at {
                    form.cursor = i;
                }
                form.error = Some((at, why));
                None
            }
        }
    }

    /// Esc: the form is left unsaved.
    pub(super) fn close_form(&mut self) -> Option<Effect> {
        let form = self.form.take()?;
        self.overlay = form.from;
        self.say("Not saved: the form was closed".into(), false);
        None
    }

    /// The actor the finder chose goes into the form's field `at`.
    pub(super) fn fill_actor(&mut self, at: usize, id: &str) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let field = &mut form.fields[at];
        if field.kind == Kind::Actors {
            let mut ids: Vec<&str> = fields::items(field.input.text()).collect();
            if !ids.contains(&id) {
                ids.push(id);
            }
            let joined = ids.join(", ");
            field.input.set(&joined);
        } else {
            field.input.set(id);
        }
        if form.error.as_ref().is_some_and(|(e, _)| *e == Some(at)) {
            form.error = None;
        }
        self.overlay = Some(Overlay::Form);
    }
}

fn form_cursor(state: &State) -> usize {
    state.form.as_ref().map_or(0, |f| f.cursor)
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
