//! The timeline pane: statements per day, week or month, imprecise dates spread over the periods they may fall in.

mod count;

use crate::date::DateSpec;
use crate::model::StatementId;
use crate::store::{DayRange, Store};
use chrono::{Datelike, NaiveDate};
use count::{DayPeriods, count};

/// The period one bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    Day,
    Week,
    Month,
}

impl Zoom {
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Day => "day",
            Zoom::Week => "week",
            Zoom::Month => "month",
        }
    }

    pub fn zoom_in(self) -> Zoom {
        match self {
            Zoom::Month => Zoom::Week,
            Zoom::Week | Zoom::Day => Zoom::Day,
        }
    }

    pub fn zoom_out(self) -> Zoom {
        match self {
            Zoom::Day => Zoom::Week,
            Zoom::Week | Zoom::Month => Zoom::Month,
        }
    }

    /// The period `date` falls in, as a number that grows by one per period.
    pub fn period(self, date: NaiveDate) -> i64 {
        match self {
            Zoom::Day => i64::from(date.num_days_from_ce()),
            // 0001-01-01 is a Monday, so weeks start on Mondays.
            Zoom::Week => i64::from(date.num_days_from_ce() - 1).div_euclid(7),
            Zoom::Month => i64::from(date.year()) * 12 + i64::from(date.month0()),
        }
    }

    /// The first day of a period.
    pub fn start(self, period: i64) -> Option<NaiveDate> {
        match self {
            Zoom::Day => NaiveDate::from_num_days_from_ce_opt(i32::try_from(period).ok()?),
            Zoom::Week => NaiveDate::from_num_days_from_ce_opt(i32::try_from(period * 7 + 1).ok()?),
            Zoom::Month => NaiveDate::from_ymd_opt(
                i32::try_from(period.div_euclid(12)).ok()?,
                u32::try_from(period.rem_euclid(12)).ok()? + 1,
                1,
            ),
        }
    }
}

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

/// The bins that fit in the chart's width, around the cursor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first bin shown.
    pub start: usize,
    /// How many bins are shown.
    pub count: usize,
    /// Columns per bin (a bar and, when wide, a gap).
    pub column_width: u16,
}

impl Window {
    /// The bin drawn at `dx` columns from the chart's left edge.
    pub fn bin_at(&self, dx: u16) -> Option<usize> {
        let i = (dx / self.column_width.max(1)) as usize;
        (i < self.count).then_some(self.start + i)
    }
}

impl Timeline {
    /// Which bins a chart `width` columns wide shows, centred on `cursor_bin`.
    pub fn window(&self, cursor_bin: Option<usize>, width: u16) -> Window {
        let n = self.bins.len();
        if n == 0 || width == 0 {
            return Window {
                start: 0,
                count: 0,
                column_width: 1,
            };
        }
        let column_width = (width as usize / n).clamp(1, 6) as u16;
        let count = (width / column_width) as usize;
        let count = count.min(n);
        let centre = cursor_bin.unwrap_or(0);
        let start = centre.saturating_sub(count / 2).min(n - count);
        Window {
            start,
            count,
            column_width,
        }
    }
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
