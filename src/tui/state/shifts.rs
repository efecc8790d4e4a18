//! The shifts view: who changed position among the statements on screen (counted in the background), its cursor and which of a shift's two statements is chosen; and its keys (`b`, `i`, ←/→, Enter to the statement).

use super::counting::Counting;
use super::list::{scroll_offset, step};
use super::{DetailPage, Overlay, State};
use crate::model::StatementId;
use crate::stances::{By, Shift};
use crate::tui::action::{Effect, Tallied, Tally};
use ratatui::layout::Rect;

/// Below this width a statement's text goes on a line of its own.
pub const WIDE: u16 = 100;

/// Lines one shift takes in a table `width` wide: actor and topic, the earlier
/// statement, the later (each with its text beside it, or under it when narrow), a gap.
pub fn shift_rows(width: u16) -> u16 {
    if width >= WIDE { 4 } else { 6 }
}

#[derive(Clone, Debug, Default)]
pub struct ShiftsView {
    pub by: By,
    pub include_neutral: bool,
    /// The shifts shown (`None` until the first count arrives).
    pub shifts: Option<Vec<Shift>>,
    /// Which count the list shows and which is awaited.
    pub counting: Counting,
    pub cursor: usize,
    pub offset: usize,
    /// The earlier statement of the shift is chosen (else the later).
    pub earlier: bool,
}

impl ShiftsView {
    fn tally(&self) -> Tally {
        Tally::Shifts(self.by, self.include_neutral)
    }

    /// The statement chosen: the later (or earlier) of the shift under the cursor.
    pub fn chosen(&self) -> Option<StatementId> {
        let s = self.shifts.as_ref()?.get(self.cursor)?;
        Some(if self.earlier { s.earlier.0 } else { s.later.0 })
    }

    /// Keeps the cursor in view.
    pub fn scroll(&mut self, table: Rect) {
        let visible = (table.height / shift_rows(table.width)).max(1) as usize;
        self.offset = scroll_offset(self.offset, self.cursor, visible);
    }
}

impl State<'_> {
    /// `S`: opens the shifts, counting the statements on screen if it has not yet.
    pub(super) fn open_shifts(&mut self) -> Option<Effect> {
        self.overlay = Some(Overlay::Shifts);
        self.count_shifts()
    }

    /// Asks for a count unless the list shows it or it is awaited.
    pub(super) fn count_shifts(&mut self) -> Option<Effect> {
        self.ask_count(self.shifts.tally(), |s| &mut s.shifts.counting)
    }

    /// A count arrived: shown if it is the one awaited; the cursor stays on its shift.
    pub(super) fn shifts_counted(&mut self, generation: u64, tallied: &Tallied) {
        let s = &mut self.shifts;
        let Tallied::Shifts(found) = tallied else {
            return;
        };
        if s.counting.arrived(generation).is_none() {
            return;
        }
        let before = s.shifts.as_ref().and_then(|v| v.get(s.cursor)).copied();
        s.cursor = before
            .and_then(|b| found.iter().position(|f| f.later.0 == b.later.0))
            .unwrap_or(0);
        s.shifts = Some(found.clone());
    }

    pub(super) fn step_shifts(&mut self, delta: isize) -> Option<Effect> {
        let len = self.shifts.shifts.as_ref().map_or(0, Vec::len);
        self.shifts.cursor = step(self.shifts.cursor, delta, len);
        None
    }

    /// ← / →: chooses the earlier or the later statement of the shift.
    pub(super) fn choose_shift_side(&mut self, earlier: bool) -> Option<Effect> {
        self.shifts.earlier = earlier;
        None
    }

    /// `b`: by speaker instead of principal, or back.
    pub(super) fn toggle_shifts_by(&mut self) -> Option<Effect> {
        self.shifts.by = match self.shifts.by {
            By::Principal => By::Speaker,
            By::Speaker => By::Principal,
        };
        self.count_shifts()
    }

    /// `i`: changes to and from neutral count as shifts, or not.
    pub(super) fn toggle_neutral(&mut self) -> Option<Effect> {
        self.shifts.include_neutral = !self.shifts.include_neutral;
        let on = if self.shifts.include_neutral {
            "count"
        } else {
            "do not count"
        };
        self.say(format!("Changes to and from neutral {on} as shifts"), false);
        self.count_shifts()
    }

    /// Enter: the chosen statement in its article; Esc there comes back here.
    pub(super) fn open_shift(&mut self) -> Option<Effect> {
        let id = self.shifts.chosen()?;
        self.open_from_view(id, Overlay::Shifts)
    }

    /// Opens statement `id` in the detail view, which Esc leaves for `view`.
    pub(super) fn open_from_view(&mut self, id: StatementId, view: Overlay) -> Option<Effect> {
        if !self.list.select(id) {
            self.say("That statement is no longer on screen".into(), true);
            return None;
        }
        self.return_to = Some(view);
        self.overlay = Some(Overlay::Detail(DetailPage::default()));
        None
    }
}
