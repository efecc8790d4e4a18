//! The period one timeline bar stands for (day, week, month) and the arithmetic of periods.

use chrono::{Datelike, NaiveDate};

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
