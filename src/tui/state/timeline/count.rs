//! Counting statements into the timeline's periods: in parallel, from the store's compact day ranges.

use super::Zoom;
use crate::model::StatementId;
use crate::store::{DayRange, Store};
use chrono::NaiveDate;
use rayon::prelude::*;

/// Statements per parallel task when recounting.
const CHUNK: usize = 1 << 15;

/// [`periods`] from a statement's day range (see [`crate::store::DayRange`]), remembering
/// the last month looked up: statements come in date order, so most share it.
pub(super) struct DayPeriods {
    zoom: Zoom,
    last_month: (i32, i64),
}

impl DayPeriods {
    pub(super) fn new(zoom: Zoom) -> DayPeriods {
        DayPeriods {
            zoom,
            last_month: (i32::MIN, 0),
        }
    }

    pub(super) fn period(&mut self, day: i32) -> i64 {
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
    pub(super) fn of(&mut self, range: DayRange) -> Option<(i64, i64, bool)> {
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
pub(super) fn count(
    zoom: Zoom,
    store: &Store,
    ids: &[StatementId],
    bins: Option<(i64, i64)>,
) -> Counts {
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
