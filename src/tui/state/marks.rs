//! Marks: the statements an export writes, set one by one or all visible at once.

use super::State;
use crate::tui::action::Effect;

impl State<'_> {
    pub(super) fn toggle_mark(&mut self) -> Option<Effect> {
        if let Some(id) = self.list.current() {
            if !self.marks.remove(&id) {
                self.marks.insert(id);
            }
            if self.overlay.is_none() {
                self.list.step(1);
            }
        }
        None
    }

    pub(super) fn mark_all_visible(&mut self) -> Option<Effect> {
        self.marks.extend(self.list.ids.iter().copied());
        self.say(format!("Marked all {} visible", self.list.len()), false);
        None
    }

    pub(super) fn clear_marks(&mut self) -> Option<Effect> {
        let n = self.marks.len();
        self.marks.clear();
        self.say(format!("Cleared {n} mark(s)"), false);
        None
    }
}
