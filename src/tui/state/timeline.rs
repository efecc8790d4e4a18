//! The timeline pane: statements per day, week or month, imprecise dates spread over the periods they may fall in.

use crate::date::DateSpec;
use crate::model::StatementId;
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

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
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            zoom: Zoom::Week,
            first: 0,
            bins: Vec::new(),
            imprecise: 0,
            undated: 0,
            offset: 0,
        }
    }
}

/// The date the timeline uses for a statement: its own, else its article's.
pub fn date_of(store: &Store, id: StatementId) -> Option<DateSpec> {
    let s = store.statement(id);
    s.date.or(store.article(s.article).published)
}

/// The first and last period a date may fall in, and whether it is exact at this zoom.
pub fn periods(zoom: Zoom, date: DateSpec) -> (i64, i64, bool) {
    match (date.earliest(), date.latest()) {
        (Some(a), Some(b)) => {
            let (pa, pb) = (zoom.period(a), zoom.period(b));
            (pa, pb, pa == pb)
        }
        (Some(d), None) | (None, Some(d)) => {
            let p = zoom.period(d);
            (p, p, false)
        }
        (None, None) => (0, 0, false),
    }
}

impl Timeline {
    /// Recounts the bins for `ids` at the current zoom.
    pub fn rebuild(&mut self, store: &Store, ids: &[StatementId]) {
        let zoom = self.zoom;
        let dated: Vec<Option<(i64, i64, bool)>> = ids
            .par_iter()
            .map(|&id| date_of(store, id).map(|d| periods(zoom, d)))
            .collect();
        let (lo, mut hi) = dated
            .par_iter()
            .flatten()
            .map(|&(a, b, _)| (a, b))
            .reduce(|| (i64::MAX, i64::MIN), |x, y| (x.0.min(y.0), x.1.max(y.1)));
        self.undated = dated.iter().filter(|d| d.is_none()).count();
        self.imprecise = dated.iter().flatten().filter(|d| !d.2).count();
        self.bins.clear();
        if lo > hi {
            self.first = 0;
            return;
        }
        hi = hi.min(lo + MAX_BINS - 1);
        self.first = lo;
        let len = (hi - lo + 1) as usize;
        self.bins = vec![Bin::default(); len];
        // An imprecise date adds an equal share to every period it may fall in: kept as
        // a difference array (add at the first period, take back after the last) so each
        // statement costs the same however many periods it spans.
        let mut spread_change = vec![0f64; len + 1];
        for (a, b, exact) in dated.into_iter().flatten() {
            let (a, b) = ((a.min(hi) - lo) as usize, (b.min(hi) - lo) as usize);
            if exact {
                self.bins[a].exact += 1;
            } else {
                let share = 1.0 / (b - a + 1) as f64;
                spread_change[a] += share;
                spread_change[b + 1] -= share;
            }
        }
        let mut spread = 0f64;
        for (bin, change) in self.bins.iter_mut().zip(&spread_change) {
            spread += change;
            bin.spread = spread.max(0.0) as f32;
        }
    }

    /// The bin index range a statement may fall in, if dated; an open-ended date
    /// ("before", "after") reaches the edge of the timeline.
    pub fn bins_of(&self, store: &Store, id: StatementId) -> Option<(usize, usize)> {
        let date = date_of(store, id)?;
        let (a, b, _) = periods(self.zoom, date);
        let last = self.bins.len().checked_sub(1)?;
        let clamp = |p: i64| ((p - self.first).max(0) as usize).min(last);
        Some(match date {
            DateSpec::Before(_) => (0, clamp(b)),
            DateSpec::After(_) => (clamp(a), last),
            DateSpec::Day(_) | DateSpec::Month { .. } | DateSpec::Year(_) => (clamp(a), clamp(b)),
        })
    }

    /// The period a statement is sorted under (its earliest possible day's).
    pub fn sort_period(&self, store: &Store, id: StatementId) -> Option<i64> {
        date_of(store, id).map(|d| self.zoom.period(d.sort_day()))
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
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn periods_start_where_they_should() {
        let d = day("2025-02-13"); // a Thursday
        assert_eq!(Zoom::Day.start(Zoom::Day.period(d)), Some(d));
        assert_eq!(
            Zoom::Week.start(Zoom::Week.period(d)),
            Some(day("2025-02-10"))
        );
        assert_eq!(
            Zoom::Month.start(Zoom::Month.period(d)),
            Some(day("2025-02-01"))
        );
    }

    #[test]
    fn a_month_date_is_exact_by_month_and_spread_by_week() {
        let feb = DateSpec::parse("2025-02").expect("date");
        assert!(periods(Zoom::Month, feb).2);
        let (a, b, exact) = periods(Zoom::Week, feb);
        assert!(!exact);
        assert_eq!(b - a + 1, 5, "Feb 2025 touches five weeks");
    }

    #[test]
    fn the_window_keeps_the_cursor_bin_in_view() {
        let t = Timeline {
            bins: vec![Bin::default(); 100],
            ..Timeline::default()
        };
        let w = t.window(Some(90), 20);
        assert!(w.start <= 90 && 90 < w.start + w.count);
        assert_eq!(w.count, 20);
        let few = Timeline {
            bins: vec![Bin::default(); 4],
            ..Timeline::default()
        };
        assert_eq!(few.window(None, 20).column_width, 5);
        assert_eq!(few.window(None, 20).bin_at(6), Some(1));
    }
}
