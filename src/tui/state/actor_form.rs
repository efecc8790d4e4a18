//! The actor form: an actor's name, aliases, kind, role, affiliation and country as text; `r` in the actors pane renames an actor or adds aliases, and the statement form makes a new actor with it.

use super::input::Input;
use super::{Overlay, State};
use crate::edit::Edit;
use crate::model::ActorKind;
use crate::store::Store;
use crate::tui::action::{Edit as Typing, EditRequest, Effect};
use serde_json::{Map, Value};

/// The fields in the order shown: (label, record key).
pub const ACTOR_FIELDS: &[(&str, &str)] = &[
    ("Name", "name"),
    ("Aliases", "aliases"),
    ("Kind", "kind"),
    ("Role", "role"),
    ("Affiliation", "affiliation"),
    ("Country", "country"),
];

/// What the form saves into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorTarget {
    /// The actor of this id, put back changed.
    Existing(String),
    /// A new actor for the statement form's field `field`.
    New { field: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorForm {
    pub target: ActorTarget,
    pub inputs: Vec<Input>,
    pub cursor: usize,
    pub error: Option<String>,
}

/// The id a new actor named `name` gets: the one importers make from a name (see
/// [`crate::loader::name_id`]), made unique against the store and `taken`.
pub fn new_id(store: &Store, taken: &[Value], name: &str) -> String {
    let stem = match crate::loader::name_id(name) {
        id if id.is_empty() => "actor".to_string(),
        id => id,
    };
    let used = |id: &str| {
        store.actor_by_key(id).is_some()
            || taken
                .iter()
                .any(|a| a.get("id").and_then(Value::as_str) == Some(id))
    };
    std::iter::once(stem.clone())
        .chain((2..).map(|n| format!("{stem}-{n}")))
        .find(|id| !used(id))
        .unwrap_or(stem)
}

impl ActorForm {
    fn with(target: ActorTarget, record: &Value) -> ActorForm {
        let inputs = ACTOR_FIELDS
            .iter()
            .map(|(_, key)| {
                let text = match record.get(*key) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(a)) => {
                        let names: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                        names.join(", ")
                    }
                    _ => String::new(),
                };
                Input::new(&text)
            })
            .collect();
        ActorForm {
            target,
            inputs,
            cursor: 0,
            error: None,
        }
    }

    /// The record the fields make over `base`, or why they cannot.
    pub fn record(&self, mut base: Map<String, Value>) -> Result<Value, String> {
        for ((label, key), input) in ACTOR_FIELDS.iter().zip(&self.inputs) {
            let text = input.text().trim();
            let value: Option<Value> = match *key {
                _ if text.is_empty() => None,
                "aliases" => Some(super::form::fields::items(text).collect::<Vec<_>>().into()),
                "kind" => Some(
                    ActorKind::parse(text)
                        .ok_or_else(|| {
                            format!("Kind: no kind {text:?}: one of {}", ActorKind::expected())
                        })?
                        .as_str()
                        .into(),
                ),
                _ => Some(text.into()),
            };
            match value {
                Some(v) => {
                    base.insert(key.to_string(), v);
                }
                None if matches!(*key, "name" | "kind") => {
                    return Err(format!("{label}: an actor needs one"));
                }
                None => {
                    base.remove(*key);
                }
            }
        }
        Ok(Value::Object(base))
    }
}

impl State<'_> {
    /// `r` in the actors pane: the selected actor's form.
    pub(super) fn open_actor_form(&mut self) -> Option<Effect> {
        let Some(actor) = self.actors.selected() else {
            self.say(
                "Choose an actor first (the first row is every actor)".into(),
                true,
            );
            return None;
        };
        let record = crate::export::actor_value(self.store.actor(actor));
        let id = self.store.actor(actor).id.clone();
        self.actor_form = Some(ActorForm::with(ActorTarget::Existing(id), &record));
        self.overlay = Some(Overlay::ActorForm);
        None
    }

    /// From the finder's "new actor" row: a new actor named `name` for field `field`.
    pub(super) fn open_new_actor(&mut self, field: usize, name: &str) -> Option<Effect> {
        let record = serde_json::json!({"name": name, "kind": "person"});
        self.actor_form = Some(ActorForm::with(ActorTarget::New { field }, &record));
        self.overlay = Some(Overlay::ActorForm);
        None
    }

    pub(super) fn step_actor_form(&mut self, delta: isize) -> Option<Effect> {
        let form = self.actor_form.as_mut()?;
        form.cursor = super::list::step(form.cursor, delta, form.inputs.len());
        None
    }

    pub(super) fn edit_actor_form(&mut self, edit: Typing) -> Option<Effect> {
        let form = self.actor_form.as_mut()?;
        form.inputs[form.cursor].apply(edit);
        form.error = None;
        None
    }

    /// Ctrl-s: an existing actor is put back changed (one edit); a new one joins the
    /// statement form, saved with its statement.
    pub(super) fn save_actor_form(&mut self) -> Option<Effect> {
        let form = self.actor_form.clone()?;
        let result = match &form.target {
            ActorTarget::Existing(id) => self.existing_actor_edit(&form, id),
            ActorTarget::New { field } => self.new_actor(&form, *field),
        };
        match result {
            Ok(effect) => effect,
            Err(why) => {
                if let Some(f) = self.actor_form.as_mut() {
                    f.error = Some(why);
                }
                None
            }
        }
    }

    fn existing_actor_edit(&self, form: &ActorForm, id: &str) -> Result<Option<Effect>, String> {
        let a = self.store.actor_by_key(id).ok_or("the actor is gone")?;
        let Value::Object(base) = crate::export::actor_value(self.store.actor(a)) else {
            return Err("the actor is not a record".into());
        };
        let record = form.record(base)?;
        let edit = Edit::PutActor { actor: record };
        crate::edit::check(self.store, std::slice::from_ref(&edit)).map_err(|e| e.to_string())?;
        let label = format!("Saved actor {id}");
        Ok(Some(Effect::Edit(EditRequest::Do(vec![edit], label))))
    }

    fn new_actor(&mut self, form: &ActorForm, field: usize) -> Result<Option<Effect>, String> {
        let taken = self.form.as_ref().map_or(&[][..], |f| &f.fresh[..]);
        let name = form.inputs[0].text().trim();
        let mut base = Map::new();
        base.insert("id".into(), new_id(self.store, taken, name).into());
        let record = form.record(base)?;
        let edit = Edit::PutActor {
            actor: record.clone(),
        };
        crate::edit::check(self.store, &[edit]).map_err(|e| e.to_string())?;
        let id = record["id"].as_str().unwrap_or_default().to_string();
        let statement = self.form.as_mut().ok_or("the statement form is gone")?;
        statement.fresh.push(record);
        self.actor_form = None;
        self.fill_actor(field, &id);
        Ok(None)
    }

    /// Esc: back to the statement form (for a new actor) or the panes.
    pub(super) fn close_actor_form(&mut self) -> Option<Effect> {
        let form = self.actor_form.take()?;
        self.overlay = match form.target {
            ActorTarget::New { .. } => Some(Overlay::Form),
            ActorTarget::Existing(_) => None,
        };
        None
    }
}
