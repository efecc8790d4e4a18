//! The timeline pane: statements per day, week or month, imprecise dates spread over the periods they may fall in.

use crate::date::DateSpec;
use crate::model::StatementId;
use crate::store::{DayRange, Store};
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

/// The date the timeline uses for a statement: its own, else its article's.
pub fn date_of(store: &Store, id: StatementId) -> Option<DateSpec> {
    store
        .date(id)
        .or(store.article(store.article_of(id)).published)
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

/// Statements per parallel task when recounting.
const CHUNK: usize = 1 << 15;

/// [`periods`] from a statement's day range (see [`crate::store::DayRange`]), remembering
/// the last month looked up: statements come in date order, so most share it.
struct DayPeriods {
    zoom: Zoom,
    last_month: (i32, i64),
}

impl DayPeriods {
    fn new(zoom: Zoom) -> DayPeriods {
        DayPeriods {
            zoom,
            last_month: (i32::MIN, 0),
        }
    }

    fn period(&mut self, day: i32) -> i64 {
        match self.zoom {
            Zoom::Day => i64::from(day),
            Zoom::Week => i64::from(day - 1).div_euclid(7),
            Zoom::Month => {
                if self.last_month.0 != day {
                    let month = NaiveDate::from_num_days_from_ce_opt(day)
                        .map_or(0, |d| Zoom::Month.period(d));
                    self.last_month = (day, month);
                }
                self.last_month.1
            }
        }
    }

    /// The first and last period, and whether they are one; `None` when undated.
    fn of(&mut self, range: DayRange) -> Option<(i64, i64, bool)> {
        match (range.earliest, range.latest) {
            _ if range == DayRange::UNDATED => None,
            (i32::MIN, i32::MAX) => Some((0, 0, false)),
            (i32::MIN, d) | (d, i32::MAX) => {
                let p = self.period(d);
                Some((p, p, false))
            }
            (a, b) => {
                let (pa, pb) = (self.period(a), self.period(b));
                Some((pa, pb, pa == pb))
            }
        }
    }
}

/// What [`count`] returns: the first and last period, how many are undated and
/// imprecise, the exact counts per period, and the changes of the imprecise shares.
type Counts = (i64, i64, usize, usize, Vec<u32>, Vec<f64>);

/// Finds the bounds of `ids` and, with `bins` = `Some((start, end))`, counts them into
/// periods `start..=end` (later ones count in `end`). An imprecise date adds an equal
/// share to every period it may fall in: kept as a difference array (add at the first
/// period, take back after the last) so each statement costs the same however many
/// periods it spans.
fn count(zoom: Zoom, store: &Store, ids: &[StatementId], bins: Option<(i64, i64)>) -> Counts {
    let len = match bins {
        Some((start, end)) if start <= end => (end - start + 1) as usize,
        _ => 0,
    };
    let empty = || {
        let changes = if len == 0 { 0 } else { len + 1 };
        (
            i64::MAX,
            i64::MIN,
            0,
            0,
            vec![0u32; len],
            vec![0f64; changes],
        )
    };
    ids.par_chunks(CHUNK)
        .fold(empty, |mut acc, chunk| {
            let mut periods = DayPeriods::new(zoom);
            for &id in chunk {
                let Some((a, b, precise)) = periods.of(store.day_range(id)) else {
                    acc.2 += 1;
                    continue;
                };
                acc.0 = acc.0.min(a);
                acc.1 = acc.1.max(b);
                acc.3 += usize::from(!precise);
                let Some((start, end)) = bins.filter(|_| len > 0) else {
                    continue;
                };
                let (a, b) = ((a.min(end) - start) as usize, (b.min(end) - start) as usize);
                if precise {
                    acc.4[a] += 1;
                } else {
                    let share = 1.0 / (b - a + 1) as f64;
                    acc.5[a] += share;
                    acc.5[b + 1] -= share;
                }
            }
            acc
        })
        .reduce(empty, |mut x, y| {
            x.0 = x.0.min(y.0);
            x.1 = x.1.max(y.1);
            x.2 += y.2;
            x.3 += y.3;
            x.4.iter_mut().zip(y.4).for_each(|(p, q)| *p += q);
            x.5.iter_mut().zip(y.5).for_each(|(p, q)| *p += q);
            x
        })
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

    /// The timeline as first written: [`date_of`] and [`periods`] per statement.
    fn reference(store: &Store, ids: &[StatementId], zoom: Zoom) -> (i64, Vec<Bin>, usize, usize) {
        let dated: Vec<Option<(i64, i64, bool)>> = ids
            .iter()
            .map(|&id| date_of(store, id).map(|d| periods(zoom, d)))
            .collect();
        let undated = dated.iter().filter(|d| d.is_none()).count();
        let imprecise = dated.iter().flatten().filter(|d| !d.2).count();
        let lo = dated.iter().flatten().map(|d| d.0).min().unwrap_or(0);
        let hi = dated.iter().flatten().map(|d| d.1).max().unwrap_or(-1);
        let hi = hi.min(lo + MAX_BINS - 1);
        let mut bins = vec![Bin::default(); (hi - lo + 1).max(0) as usize];
        for (a, b, exact) in dated.into_iter().flatten() {
            let (a, b) = ((a.min(hi) - lo) as usize, (b.min(hi) - lo) as usize);
            if exact {
                bins[a].exact += 1;
            } else {
                for bin in &mut bins[a..=b] {
                    bin.spread += 1.0 / (b - a + 1) as f32;
                }
            }
        }
        (
            if bins.is_empty() { 0 } else { lo },
            bins,
            undated,
            imprecise,
        )
    }

    #[test]
    fn recounting_from_day_ranges_matches_dates_per_statement() {
        let dir = tempfile::tempdir().expect("temp dir");
        let options = crate::generate::Options::new(3_000, 7);
        crate::generate::generate(dir.path(), &options, false).expect("generate");
        let loaded = crate::load_paths(&[dir.path()]);
        let store = &loaded.store;
        let all: Vec<StatementId> = store.all_ids().collect();
        let every_third: Vec<StatementId> = all.iter().copied().step_by(3).collect();
        for ids in [&all[..], &every_third[..], &[]] {
            // The one-pass count, and the two-pass one used when the store's dates span
            // more periods than a timeline holds (forced here by a made-up span).
            for (zoom, two_pass) in [Zoom::Day, Zoom::Week, Zoom::Month]
                .into_iter()
                .flat_map(|z| [(z, false), (z, true)])
            {
                let mut t = Timeline {
                    zoom,
                    ..Timeline::default()
                };
                if two_pass {
                    t.spans[zoom as usize] = Some(Some((0, MAX_BINS * 2)));
                }
                // Twice, another list between: all statements come from the kept count.
                t.rebuild(store, ids);
                t.rebuild(store, &every_third[..1]);
                t.rebuild(store, ids);
                let (first, bins, undated, imprecise) = reference(store, ids, zoom);
                assert_eq!((t.undated, t.imprecise), (undated, imprecise), "{zoom:?}");
                assert_eq!(t.first, first, "{zoom:?}");
                assert_eq!(t.bins.len(), bins.len(), "{zoom:?}");
                for (got, want) in t.bins.iter().zip(&bins) {
                    assert_eq!(got.exact, want.exact, "{zoom:?}");
                    assert!((got.spread - want.spread).abs() < 1e-3, "{zoom:?}");
                }
            }
        }
        assert!(
            imprecise_somewhere(store, &all),
            "the generated corpus mixes date precisions"
        );
    }

    fn imprecise_somewhere(store: &Store, ids: &[StatementId]) -> bool {
        ids.iter()
            .any(|&id| date_of(store, id).is_some_and(|d| !periods(Zoom::Day, d).2))
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
