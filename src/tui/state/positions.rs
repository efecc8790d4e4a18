//! The positions view: the stance matrix of the statements on screen (counted in the background), its cursor, orders and scroll; and its keys (move, `b`, `o`, `O`, Enter to the cell's statements).

use super::counting::Counting;
use super::list::{scroll_offset, step};
use super::{Back, Focus, Overlay, State};
use crate::model::{ActorId, TopicId};
use crate::stances::{By, ColOrder, Grid, RowOrder};
use crate::store::Store;
use crate::tui::action::{Effect, Tallied, Tally};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, Default)]
pub struct PositionsView {
    pub by: By,
    pub rows: RowOrder,
    pub cols: ColOrder,
    /// The matrix shown (`None` until the first count arrives).
    pub grid: Option<Grid>,
    /// Which count the grid shows and which is awaited.
    pub counting: Counting,
    /// Row and column under the cursor.
    pub cursor: (usize, usize),
    /// First row and column in view.
    pub offset: (usize, usize),
    /// The actor and topic under the cursor, found again after a recount or re-sort.
    anchor: Option<(ActorId, TopicId)>,
}

/// Lines the topic names take over their columns.
pub const HEADER_ROWS: u16 = 2;

/// How the matrix fits a table area: the widths of the row names and of a cell
/// (with its gap), and how many rows and columns show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub label: u16,
    pub cell: u16,
    pub rows: usize,
    pub cols: usize,
}

/// Digits of `n`.
fn digits(n: u32) -> u16 {
    n.max(1).ilog10() as u16 + 1
}

impl Geometry {
    /// The layout of `grid` in `table`: the header, then one row per actor.
    pub fn of(store: &Store, grid: &Grid, table: Rect) -> Geometry {
        let longest = grid
            .rows
            .iter()
            .map(|r| store.actor(r.key).name.width())
            .max()
            .unwrap_or(0) as u16;
        let label = (longest + 1).clamp(8, 28).min(table.width / 2);
        // Three slots (+n -n ~n) with a space between and a gap after; wider, up to
        // the longest topic name, when every column fits that way.
        let part = 1 + digits(grid.widest());
        let least = (3 * part + 2 + 1).max(10);
        let longest_topic = grid
            .cols
            .iter()
            .map(|c| store.topic(c.key).width())
            .max()
            .unwrap_or(0) as u16
            + 1;
        let room = table.width.saturating_sub(label);
        let even = room / (grid.cols.len().max(1) as u16);
        let cell = longest_topic.min(even).min(24).max(least);
        Geometry {
            label,
            cell,
            rows: table.height.saturating_sub(HEADER_ROWS) as usize,
            cols: (table.width.saturating_sub(label) / cell).max(1) as usize,
        }
    }
}

impl PositionsView {
    /// The actor and topic under the cursor.
    pub fn current(&self) -> Option<(ActorId, TopicId)> {
        let grid = self.grid.as_ref()?;
        Some((
            grid.rows.get(self.cursor.0)?.key,
            grid.cols.get(self.cursor.1)?.key,
        ))
    }

    /// Puts the cursor back on the anchored actor and topic, where they still are.
    fn find_anchor(&mut self) {
        let (Some(grid), Some((actor, topic))) = (&self.grid, self.anchor) else {
            return;
        };
        let last = |n: usize| n.saturating_sub(1);
        self.cursor = (
            grid.row_of(actor)
                .unwrap_or(self.cursor.0.min(last(grid.rows.len()))),
            grid.col_of(topic)
                .unwrap_or(self.cursor.1.min(last(grid.cols.len()))),
        );
    }

    /// Keeps the cursor in view.
    pub fn scroll(&mut self, store: &Store, table: Rect) {
        let Some(grid) = &self.grid else { return };
        let g = Geometry::of(store, grid, table);
        self.offset = (
            scroll_offset(self.offset.0, self.cursor.0, g.rows),
            scroll_offset(self.offset.1, self.cursor.1, g.cols),
        );
    }
}

/// `key:value`, quoted when the value holds a space.
fn term(key: &str, value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("{key}:\"{value}\"")
    } else {
        format!("{key}:{value}")
    }
}

impl State<'_> {
    /// `P`: opens the matrix, counting the statements on screen if it has not yet.
    pub(super) fn open_positions(&mut self) -> Option<Effect> {
        self.overlay = Some(Overlay::Positions);
        self.count_positions()
    }

    /// Asks for a count of the statements on screen unless the grid shows it or it is awaited.
    pub(super) fn count_positions(&mut self) -> Option<Effect> {
        self.ask_count(Tally::Positions(self.positions.by), |s| {
            &mut s.positions.counting
        })
    }

    /// A count arrived: shown if it is the one awaited.
    pub(super) fn positions_counted(&mut self, generation: u64, tallied: &Tallied) {
        let p = &mut self.positions;
        let Tallied::Positions(cells) = tallied else {
            return;
        };
        let Some(Tally::Positions(by)) = p.counting.arrived(generation) else {
            return;
        };
        p.grid = Some(Grid::new(self.store, cells, by, p.rows, p.cols));
        p.find_anchor();
    }

    pub(super) fn step_positions(&mut self, delta: isize) -> Option<Effect> {
        let p = &mut self.positions;
        let rows = p.grid.as_ref().map_or(0, |g| g.rows.len());
        p.cursor.0 = step(p.cursor.0, delta, rows);
        p.anchor = p.current();
        None
    }

    pub(super) fn step_positions_column(&mut self, delta: isize) -> Option<Effect> {
        let p = &mut self.positions;
        let cols = p.grid.as_ref().map_or(0, |g| g.cols.len());
        p.cursor.1 = step(p.cursor.1, delta, cols);
        p.anchor = p.current();
        None
    }

    /// `b`: counts by speaker instead of principal, or back.
    pub(super) fn toggle_positions_by(&mut self) -> Option<Effect> {
        self.positions.by = match self.positions.by {
            By::Principal => By::Speaker,
            By::Speaker => By::Principal,
        };
        self.count_positions()
    }

    /// `o` / `O`: the next order of the rows or of the columns.
    pub(super) fn sort_positions(&mut self, rows: bool) -> Option<Effect> {
        let p = &mut self.positions;
        if rows {
            p.rows = p.rows.next();
        } else {
            p.cols = p.cols.next();
        }
        if let Some(grid) = &mut p.grid {
            grid.sort(self.store, p.rows, p.cols);
        }
        p.find_anchor();
        None
    }

    /// Enter: the cell's statements in the quotes pane, by a filter the bar shows
    /// (and Esc there comes back here).
    pub(super) fn enter_cell(&mut self) -> Option<Effect> {
        let (actor, topic) = self.positions.current()?;
        let grid = self.positions.grid.as_ref()?;
        let (r, c) = self.positions.cursor;
        grid.at(r, c)?;
        let who = match grid.by {
            By::Principal => "holder",
            By::Speaker => "speaker",
        };
        let before = self.filter.applied.clone();
        let cell = format!(
            "{} {}",
            term(who, &self.store.actor(actor).id),
            term("topic", &format!("={}", self.store.topic(topic)))
        );
        let expr = if before.trim().is_empty() {
            cell
        } else {
            format!("{} {cell}", before.trim())
        };
        let count = grid.at(r, c).map_or(0, |n| n.iter().sum::<u32>());
        self.say(
            format!(
                "{count} stance(s) of {} on {}; Esc returns to the positions",
                crate::tui::text::clean(&self.store.actor(actor).name),
                crate::tui::text::clean(self.store.topic(topic))
            ),
            false,
        );
        self.back = Some(Back::Positions { filter: before });
        self.filter.input.set(&expr);
        self.overlay = None;
        self.focus = Focus::Quotes;
        self.evaluate_filter()
    }

    /// Esc in a pane entered from the matrix: the filter as it was, and the matrix.
    pub(super) fn back_to_positions(&mut self, filter: String) -> Option<Effect> {
        self.filter.input.set(&filter);
        self.overlay = Some(Overlay::Positions);
        self.evaluate_filter().or_else(|| self.count_positions())
    }
}

#[cfg(test)]
#[path = "views_tests.rs"]
mod tests;
