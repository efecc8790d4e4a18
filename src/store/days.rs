//! The days a statement could have been made on, compact, for date filters and the timeline.

/// The first and last day (as [`crate::date::day_number`]) a statement could have been
/// made on; `i32::MIN`/`i32::MAX` where unbounded, [`DayRange::UNDATED`] when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub earliest: i32,
    pub latest: i32,
}

impl DayRange {
    /// Neither the statement nor its article has a date.
    pub const UNDATED: DayRange = DayRange {
        earliest: i32::MAX,
        latest: i32::MIN,
    };

    /// The range of a statement dated `date` in an article published on `published`
    /// (see [`crate::date::bounds`]).
    pub fn of(
        date: Option<crate::date::DateSpec>,
        published: Option<crate::date::DateSpec>,
    ) -> DayRange {
        use crate::date::day_number;
        match crate::date::bounds(date, published) {
            None => DayRange::UNDATED,
            Some((earliest, latest)) => DayRange {
                earliest: earliest.map_or(i32::MIN, day_number),
                latest: latest.map_or(i32::MAX, day_number),
            },
        }
    }

    /// The first and last possible day, each `None` where the range is open (and both
    /// for an undated statement): what the CSV export writes as `date_from`/`date_to`.
    pub fn days(self) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
        let day = |n: i32| {
            (n != i32::MIN && n != i32::MAX)
                .then(|| chrono::NaiveDate::from_num_days_from_ce_opt(n))
                .flatten()
        };
        (day(self.earliest), day(self.latest))
    }

    /// Whether the range overlaps `[since, until]` (day numbers, either bound open):
    /// the statement was possibly made then. An undated range never does.
    pub fn overlaps(self, since: Option<i32>, until: Option<i32>) -> bool {
        self != DayRange::UNDATED
            && since.is_none_or(|s| self.latest >= s)
            && until.is_none_or(|u| self.earliest <= u)
    }

    /// Whether the whole range lies inside `[since, until]` (day numbers, either bound
    /// open): the statement was certainly made then. A range open on a side a bound
    /// is given on never is, nor an undated one.
    pub fn within(self, since: Option<i32>, until: Option<i32>) -> bool {
        self != DayRange::UNDATED
            && since.is_none_or(|s| self.earliest >= s && self.earliest != i32::MIN)
            && until.is_none_or(|u| self.latest <= u && self.latest != i32::MAX)
    }
}
