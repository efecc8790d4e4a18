//! Routes the verbs that act on whatever has the keyboard (move, Esc, Enter, typing, the mouse) to the pane or overlay that owns them.

use super::{Back, Focus, Overlay, State};
use crate::tui::action::{Edit, Effect};
use crate::tui::layout::{self, Areas};
use ratatui::layout::{Position, Rect};

/// Which pane a point is in, with the pane's area.
fn pane_at(a: &Areas, column: u16, row: u16) -> Option<(Focus, Rect)> {
    let p = Position::new(column, row);
    [
        (Focus::Actors, a.actors),
        (Focus::Quotes, a.quotes),
        (Focus::Timeline, a.timeline),
    ]
    .into_iter()
    .find(|(_, r)| r.contains(p))
}

fn caret_back(_: &[char], at: usize) -> usize {
    at.saturating_sub(1)
}

fn caret_on(_: &[char], at: usize) -> usize {
    at + 1
}

impl State<'_> {
    /// Moves whatever has the keyboard by `delta` rows.
    pub(super) fn step(&mut self, delta: isize) -> Option<Effect> {
        match self.overlay {
            None => self.step_pane(self.focus, delta),
            Some(Overlay::Detail(page)) => self.step_detail(page, delta),
            Some(Overlay::ActorSearch) => self.step_actor_finder(delta),
            Some(Overlay::TextSearch) => self.step_text_finder(delta),
            Some(Overlay::Help(page)) => self.step_help(page, delta),
            Some(Overlay::Diagnostics(page)) => self.step_diagnostics(page, delta),
            Some(Overlay::Positions) => self.step_positions(delta),
            Some(Overlay::Shifts) => self.step_shifts(delta),
            Some(Overlay::Course) => self.step_course(delta),
            Some(Overlay::Review) => self.step_review(delta),
            Some(Overlay::Form) => self.step_form(delta),
            Some(Overlay::ActorForm) => self.step_actor_form(delta),
            Some(Overlay::Select) => self.move_caret(if delta < 0 { caret_back } else { caret_on }),
            Some(Overlay::Filter | Overlay::Export(_) | Overlay::Copy) => None,
        }
    }

    /// `c`: the form over the selected text, or over the statement under the cursor.
    pub(super) fn edit_statement(&mut self) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Select) => self.form_from_selection(),
            _ => self.open_form(),
        }
    }

    /// Ctrl-s: saves the form that is open.
    pub(super) fn save(&mut self) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Form) => self.save_form(),
            Some(Overlay::ActorForm) => self.save_actor_form(),
            _ => None,
        }
    }

    /// ← / →: a column of the matrix, or a side of a shift.
    pub(super) fn step_column(&mut self, delta: isize) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Positions) => self.step_positions_column(delta),
            Some(Overlay::Shifts) => self.choose_shift_side(delta < 0),
            Some(Overlay::Select) => self.step(delta),
            _ => None,
        }
    }

    /// `b`: the open view counts by speaker instead of principal, or back.
    pub(super) fn toggle_by(&mut self) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Positions) => self.toggle_positions_by(),
            Some(Overlay::Shifts) => self.toggle_shifts_by(),
            Some(Overlay::Course) => self.toggle_course_by(),
            _ => None,
        }
    }

    fn step_pane(&mut self, focus: Focus, delta: isize) -> Option<Effect> {
        match focus {
            Focus::Actors => self.step_actors(delta),
            Focus::Quotes | Focus::Timeline => self.step_statements(delta),
        }
    }

    /// Half the rows of whatever has the keyboard: what Ctrl-d and Ctrl-u move.
    pub(super) fn half_page(&self) -> isize {
        let a = layout::areas(self.size);
        let rows = match (self.overlay, self.focus) {
            (None, Focus::Actors) => layout::inner(a.actors).height / 2,
            (None, Focus::Quotes) => layout::inner(a.quotes).height / 6,
            (None, Focus::Timeline) => {
                layout::timeline_parts(layout::inner(a.timeline))
                    .list
                    .height
                    / 2
            }
            (Some(_), _) => self.size.height / 2,
        };
        rows.max(1) as isize
    }

    /// Esc: leaves the overlay without applying it.
    pub(super) fn close(&mut self) -> Option<Effect> {
        match self.overlay {
            None => self.go_back(),
            Some(Overlay::Detail(_) | Overlay::Help(_)) => self.close_detail(),
            Some(Overlay::Filter) => self.close_filter(),
            Some(Overlay::TextSearch) => self.close_text_finder(),
            Some(Overlay::Export(step)) => self.close_export(step),
            Some(Overlay::Form) => self.close_form(),
            Some(Overlay::ActorForm) => self.close_actor_form(),
            Some(Overlay::Select) => self.close_selection(),
            Some(Overlay::ActorSearch) => self.close_actor_finder(),
            Some(Overlay::Copy) => self.close_copy(),
            Some(
                Overlay::Diagnostics(_)
                | Overlay::Positions
                | Overlay::Shifts
                | Overlay::Course
                | Overlay::Review,
            ) => self.close_overlay(),
        }
    }

    /// Esc in the panes: back to the view that sent the user here, if one did.
    fn go_back(&mut self) -> Option<Effect> {
        match self.back.take() {
            Some(Back::Positions { filter }) => self.back_to_positions(filter),
            None => None,
        }
    }

    /// Enter: applies the field, finder or dialog that has the keyboard.
    pub(super) fn accept(&mut self) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Filter) => self.accept_filter(),
            Some(Overlay::ActorSearch) => self.accept_actor_finder(),
            Some(Overlay::TextSearch) => self.accept_text_finder(),
            Some(Overlay::Export(step)) => self.accept_export(step),
            Some(Overlay::Copy) => self.accept_copy(),
            Some(Overlay::Positions) => self.enter_cell(),
            Some(Overlay::Shifts) => self.open_shift(),
            Some(Overlay::Course) => self.open_course_step(),
            Some(Overlay::Review) => self.open_reviewed(),
            Some(Overlay::Form) => self.accept_form(),
            Some(Overlay::ActorForm) => self.step_actor_form(1),
            Some(Overlay::Select) => self.form_from_selection(),
            None | Some(Overlay::Detail(_) | Overlay::Help(_) | Overlay::Diagnostics(_)) => None,
        }
    }

    /// Typing: edits the text field that has the keyboard.
    pub(super) fn edit(&mut self, edit: Edit) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Filter) => self.edit_filter(edit),
            Some(Overlay::ActorSearch) => self.edit_actor_finder(edit),
            Some(Overlay::TextSearch) => self.edit_text_finder(edit),
            Some(Overlay::Export(step)) => self.edit_export(step, edit),
            Some(Overlay::Form) => self.edit_form(edit),
            Some(Overlay::ActorForm) => self.edit_actor_form(edit),
            Some(Overlay::Copy) => self.edit_copy(edit),
            _ => None,
        }
    }

    /// A click: on a finder's match it chooses it; with no overlay it focuses the pane
    /// under the pointer and selects what is there (the filter bar starts editing).
    pub(super) fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        if !layout::fits(self.size) {
            return None;
        }
        let at = Position::new(column, row);
        match self.overlay {
            None => {}
            Some(Overlay::ActorSearch) => return self.click_actor_finder(at),
            Some(Overlay::TextSearch) => return self.click_text_finder(at),
            Some(
                Overlay::Filter
                | Overlay::Detail(_)
                | Overlay::Export(_)
                | Overlay::Help(_)
                | Overlay::Diagnostics(_)
                | Overlay::Positions
                | Overlay::Shifts
                | Overlay::Course
                | Overlay::Review
                | Overlay::Form
                | Overlay::ActorForm
                | Overlay::Select
                | Overlay::Copy,
            ) => return None,
        }
        let a = layout::areas(self.size);
        if a.filter.contains(at) {
            return self.open_filter();
        }
        let (focus, pane) = pane_at(&a, column, row)?;
        self.focus = focus;
        let inner = layout::inner(pane);
        if !inner.contains(at) {
            return None;
        }
        match focus {
            Focus::Actors => self.click_actors(inner, at),
            Focus::Quotes => self.click_quotes(inner, at),
            Focus::Timeline => self.click_timeline(inner, at),
        }
    }

    /// The row of a finder's list under `at`, and the list's height, if `at` is on it.
    pub(super) fn finder_row(&self, at: Position) -> Option<(usize, usize)> {
        let list = layout::finder(self.size).list;
        list.contains(at)
            .then(|| ((at.y - list.y) as usize, list.height as usize))
    }

    /// The wheel scrolls the overlay, else the pane under the pointer (without focusing it).
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) -> Option<Effect> {
        let delta = if down { 3 } else { -3 };
        if self.overlay.is_some() {
            return self.step(delta);
        }
        let a = layout::areas(self.size);
        match pane_at(&a, column, row).map(|(f, _)| f) {
            Some(Focus::Actors) => self.step_actors(delta),
            // One card per notch: cards are several rows tall.
            Some(Focus::Quotes) => self.step_statements(delta.signum()),
            Some(Focus::Timeline) => self.step_statements(delta),
            None => None,
        }
    }
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
