//! The timeline pane: statements per day, week or month, imprecise dates spread over the periods they may fall in; its period keys and clicks.

mod count;
mod window;
mod zoom;

pub use zoom::Zoom;

use super::{State, filter};
use crate::date::DateSpec;
use crate::model::StatementId;
use crate::store::{DayRange, Store};
use crate::tui::action::Effect;
use crate::tui::layout;
use count::{DayPeriods, count};
use ratatui::layout::{Position, Rect};

/// Statements in one period: those dated inside it, and shares of imprecise ones.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bin {
    pub exact: u32,
    pub spread: f32,
}

impl Bin {
    pub fn total(self) -> f32 {
        self.exact as f32 + self.spread
    }
}

/// The most periods a timeline holds; dates beyond are drawn at its edges.
const MAX_BINS: i64 = 200_000;

#[derive(Clone, Debug)]
pub struct Timeline {
    pub zoom: Zoom,
    /// The period of `bins[0]`.
    pub first: i64,
    pub bins: Vec<Bin>,
    /// Statements whose date is imprecise (spread or open-ended).
    pub imprecise: usize,
    /// Statements with no date at all (neither their own nor their article's).
    pub undated: usize,
    /// Index (into the statement list) of the first row of the list under the bars.
    pub offset: usize,
    /// Each zoom's first and last period over the whole store (`None` inside when
    /// nothing is dated), found on first use: recounting then takes one pass.
    spans: [Option<Option<(i64, i64)>>; 3],
    /// Each zoom's timeline of every statement, kept once counted: an empty filter
    /// (the most common, and the largest) then costs nothing to show again.
    everything: [Option<Counted>; 3],
}

/// A recount's result: `first`, `bins`, `imprecise` and `undated`.
type Counted = (i64, Vec<Bin>, usize, usize);

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            zoom: Zoom::Week,
            first: 0,
            bins: Vec::new(),
            imprecise: 0,
            undated: 0,
            offset: 0,
            spans: [None; 3],
            everything: [None, None, None],
        }
    }
}

/// The date the timeline labels a statement with: its own, else its article's.
pub fn date_of(store: &Store, id: StatementId) -> Option<DateSpec> {
    store.date_or_published(id)
}

impl Timeline {
    /// Recounts the bins for `ids` at the current zoom from the store's compact day
    /// ranges, in parallel, nothing allocated per statement: one pass into bins that
    /// span the whole store when they are few enough, else two (bounds, then counts).
    pub fn rebuild(&mut self, store: &Store, ids: &[StatementId]) {
        let every = ids.len() == store.len();
        if let Some((first, bins, imprecise, undated)) = self.everything[self.zoom as usize]
            .as_ref()
            .filter(|_| every)
        {
            self.first = *first;
            self.bins.clone_from(bins);
            self.imprecise = *imprecise;
            self.undated = *undated;
            return;
        }
        self.recount(store, ids);
        if every {
            self.everything[self.zoom as usize] =
                Some((self.first, self.bins.clone(), self.imprecise, self.undated));
        }
    }

    fn recount(&mut self, store: &Store, ids: &[StatementId]) {
        let zoom = self.zoom;
        let span = *self.spans[zoom as usize].get_or_insert_with(|| {
            let all: Vec<StatementId> = store.all_ids().collect();
            let (lo, hi, ..) = count(zoom, store, &all, None);
            (lo <= hi).then_some((lo, hi))
        });
        let (lo, hi, counts) = match span {
            Some((start, end)) if end - start < MAX_BINS => {
                let (lo, hi, undated, imprecise, exact, spread_change) =
                    count(zoom, store, ids, Some((start, end)));
                self.undated = undated;
                self.imprecise = imprecise;
                (lo, hi, (exact, spread_change, start))
            }
            _ => {
                let (lo, hi, undated, imprecise, ..) = count(zoom, store, ids, None);
                self.undated = undated;
                self.imprecise = imprecise;
                let hi = hi.min(lo.saturating_add(MAX_BINS - 1));
                let (.., exact, spread_change) = count(zoom, store, ids, Some((lo, hi)));
                (lo, hi, (exact, spread_change, lo))
            }
        };
        self.bins.clear();
        if lo > hi {
            self.first = 0;
            return;
        }
        self.first = lo;
        let (exact, spread_change, start) = counts;
        let (from, to) = ((lo - start) as usize, (hi - start) as usize);
        // The running sum starts at the first counted period; only `from..=to` is kept.
        let mut spread = 0f64;
        self.bins = exact
            .into_iter()
            .zip(&spread_change)
            .take(to + 1)
            .enumerate()
            .filter_map(|(i, (exact, change))| {
                spread += change;
                (i >= from).then(|| Bin {
                    exact,
                    spread: spread.max(0.0) as f32,
                })
            })
            .collect();
    }

    /// The bin index range a statement may fall in, if dated; an open-ended date
    /// ("before", "after") reaches the edge of the timeline.
    pub fn bins_of(&self, store: &Store, id: StatementId) -> Option<(usize, usize)> {
        let range = store.day_range(id);
        if range == DayRange::UNDATED {
            return None;
        }
        let last = self.bins.len().checked_sub(1)?;
        let mut periods = DayPeriods::new(self.zoom);
        let mut bin = |day: i32| ((periods.period(day) - self.first).max(0) as usize).min(last);
        let a = if range.earliest == i32::MIN {
            0
        } else {
            bin(range.earliest)
        };
        let b = if range.latest == i32::MAX {
            last
        } else {
            bin(range.latest)
        };
        Some((a, b))
    }

    /// The period a statement is sorted under (see [`crate::date::sort_day`]).
    pub fn sort_period(&self, store: &Store, id: StatementId) -> Option<i64> {
        let range = store.day_range(id);
        let day = if range.earliest == i32::MIN {
            range.latest
        } else {
            range.earliest
        };
        (range != DayRange::UNDATED).then(|| DayPeriods::new(self.zoom).period(day))
    }

    /// The bin of the period a statement is sorted under, clamped to the timeline.
    pub fn sort_bin(&self, store: &Store, id: StatementId) -> Option<usize> {
        let period = self.sort_period(store, id)?;
        let last = self.bins.len().checked_sub(1)?;
        Some(((period - self.first).max(0) as usize).min(last))
    }

    /// The highest bar among bins `start..end`: the chart's scale.
    pub fn peak(&self, start: usize, end: usize) -> f32 {
        self.bins
            .get(start..end.min(self.bins.len()))
            .unwrap_or_default()
            .iter()
            .map(|b| b.total())
            .fold(0.0, f32::max)
    }

    /// The list index of the first statement of the next (`forward`) or previous period.
    pub fn step_period(
        &self,
        store: &Store,
        ids: &[StatementId],
        cursor: usize,
        forward: bool,
    ) -> usize {
        if cursor >= ids.len() {
            return cursor;
        }
        let period = |i: usize| self.sort_period(store, ids[i]);
        let now = period(cursor);
        if forward {
            (cursor + 1..ids.len())
                .find(|&i| period(i) != now)
                .unwrap_or(cursor)
        } else {
            let mut i = cursor;
            while i > 0 && period(i - 1) == now {
                i -= 1;
            }
            if i == 0 {
                return 0;
            }
            let prev = period(i - 1);
            i -= 1;
            while i > 0 && period(i - 1) == prev {
                i -= 1;
            }
            i
        }
    }

    /// The list index of the first statement sorted in bin `bin` or later.
    pub fn first_in_bin(&self, store: &Store, ids: &[StatementId], bin: usize) -> usize {
        let target = self.first + bin as i64;
        ids.partition_point(|&id| self.sort_period(store, id).is_some_and(|p| p < target))
            .min(ids.len().saturating_sub(1))
    }
}

impl State<'_> {
    /// Moves to the first statement of the next (`forward`) or previous period.
    pub(super) fn jump_period(&mut self, forward: bool) -> Option<Effect> {
        self.list.cursor =
            self.timeline
                .step_period(self.store, &self.list.ids, self.list.cursor, forward);
        None
    }

    /// Counts the bars by another period.
    pub(super) fn zoom(&mut self, zoom: Zoom) -> Option<Effect> {
        self.timeline.zoom = zoom;
        self.timeline.rebuild(self.store, &self.list.ids);
        self.say(format!("Timeline by {}", zoom.label()), false);
        None
    }

    /// `p`: replaces the filter's `since:`/`until:` terms with the day, week or month
    /// under the cursor.
    pub(super) fn filter_to_period(&mut self) -> Option<Effect> {
        let zoom = self.timeline.zoom;
        let period = self
            .list
            .current()
            .and_then(|id| self.timeline.sort_period(self.store, id));
        let bounds = period.and_then(|p| Some((zoom.start(p)?, zoom.start(p + 1)?.pred_opt()?)));
        let Some((first, last)) = bounds else {
            self.say("No dated statement under the cursor".into(), true);
            return None;
        };
        let text = filter::without_dates(self.filter.wanted());
        let expr = format!("{text} since:{first} until:{last}");
        self.filter.input.set(expr.trim());
        let effect = self.evaluate_filter();
        self.say(
            format!("Filtered to the {} of {first}; F clears", zoom.label()),
            false,
        );
        effect
    }

    /// A click on the list selects its row; on the bars or the axis, the first
    /// statement of that period (`inner`: the pane inside its border).
    pub(super) fn click_timeline(&mut self, inner: Rect, at: Position) -> Option<Effect> {
        let parts = layout::timeline_parts(inner);
        if parts.list.contains(at) {
            let target = self.timeline.offset + (at.y - parts.list.y) as usize;
            if target < self.list.len() {
                self.list.cursor = target;
            }
        } else if parts.bars.contains(at) || parts.axis.contains(at) {
            let window = self.timeline.window(self.cursor_bin(), parts.bars.width);
            if let Some(bin) = window.bin_at(at.x - parts.bars.x) {
                self.list.cursor = self.timeline.first_in_bin(self.store, &self.list.ids, bin);
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
