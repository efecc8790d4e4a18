//! Leaving, applying and typing into the overlay that has the keyboard (Esc, Enter, text edits).

use super::{Focus, Overlay, State};
use crate::tui::action::{Edit, Effect};

impl State<'_> {
    pub(super) fn close(&mut self) -> Option<Effect> {
        match self.overlay {
            Overlay::Filter => {
                let before = self.filter.before_edit.clone();
                self.filter.input.set(&before);
                self.overlay = Overlay::None;
                return self.evaluate_filter();
            }
            Overlay::Export => {
                self.export.confirming = false;
                let kept = match self.marks.len() {
                    0 => String::new(),
                    n => format!("; {n} mark(s) kept"),
                };
                self.say(format!("Export cancelled{kept}"), false);
            }
            Overlay::TextSearch => {
                self.overlay = Overlay::None;
                return Some(Effect::RankText(self.text_finder.cancel()));
            }
            Overlay::None
            | Overlay::ActorSearch
            | Overlay::Detail
            | Overlay::Help
            | Overlay::Diagnostics => {}
        }
        self.overlay = Overlay::None;
        None
    }

    pub(super) fn accept(&mut self) -> Option<Effect> {
        match self.overlay {
            Overlay::Filter => {
                self.overlay = Overlay::None;
                let effect = if self.filter.awaited_inline(self.store) {
                    self.evaluate_filter()
                } else {
                    None
                };
                if self.filter.error.is_some() {
                    self.say(
                        format!(
                            "Invalid filter; still showing `{}`",
                            self.filter.applied_label()
                        ),
                        true,
                    );
                }
                return effect;
            }
            Overlay::ActorSearch => match self.actor_finder.selected() {
                Some(m) => {
                    let actor = m.actor;
                    self.actors.cursor = self.actors.row_of(actor);
                    self.renarrow();
                    self.overlay = Overlay::None;
                    self.focus = Focus::Quotes;
                    let name = crate::tui::text::clean(&self.store.actor(actor).name);
                    self.say(format!("{name}: {} statement(s)", self.list.len()), false);
                }
                None => self.say("No actor matches".into(), true),
            },
            Overlay::TextSearch => match self.text_finder.selected() {
                Some(id) => {
                    self.text_finder.remember();
                    self.list.select(id);
                    self.overlay = Overlay::None;
                    self.focus = Focus::Quotes;
                    return Some(Effect::RankText(self.text_finder.cancel()));
                }
                None => self.say("No statement contains that".into(), true),
            },
            Overlay::Export => return self.export_request(false),
            Overlay::None | Overlay::Detail | Overlay::Help | Overlay::Diagnostics => {}
        }
        None
    }

    pub(super) fn edit(&mut self, edit: Edit) -> Option<Effect> {
        match self.overlay {
            Overlay::Filter => {
                if self.filter.input.apply(edit) {
                    return self.filter_edited();
                }
            }
            Overlay::ActorSearch => {
                if self.actor_finder.input.apply(edit) {
                    self.actor_finder.refresh(self.store);
                }
            }
            Overlay::TextSearch => {
                if self.text_finder.input.apply(edit) {
                    let request = self.text_finder.refresh(self.store, &self.list.ids);
                    return Some(Effect::RankText(request));
                }
            }
            Overlay::Export => self.export.edit_path(edit),
            Overlay::None | Overlay::Detail | Overlay::Help | Overlay::Diagnostics => {}
        }
        None
    }
}
