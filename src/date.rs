//! Dates with a precision: a day, a month, a year, or only a bound ("before 2025-02-13").

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// When something happened, as precisely as the source says.
/// Serialised (for the snapshot cache) with each day as its [`day_number`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateSpec {
    Day(#[serde(with = "day_serde")] NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// Only known to be strictly before this day.
    Before(#[serde(with = "day_serde")] NaiveDate),
    /// Only known to be strictly after this day.
    After(#[serde(with = "day_serde")] NaiveDate),
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid date {text:?}: expected YYYY-MM-DD, YYYY-MM, YYYY, \"before YYYY-MM-DD\" or \"after YYYY-MM-DD\""
)]
pub struct DateError {
    pub text: String,
}

impl DateSpec {
    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `before YYYY-MM-DD` or `after YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            text: text.to_string(),
        };
        let trimmed = text.trim();
        if let Some(rest) = trimmed.strip_prefix("before ") {
            return parse_day(rest.trim()).map(DateSpec::Before).ok_or_else(err);
        }
        if let Some(rest) = trimmed.strip_prefix("after ") {
            return parse_day(rest.trim()).map(DateSpec::After).ok_or_else(err);
        }
        let mut split = trimmed.split('-');
        let parts: [Option<&str>; 4] = std::array::from_fn(|_| split.next());
        let parts: &[&str] = match parts {
            [Some(y), None, ..] => &[y],
            [Some(y), Some(m), None, _] => &[y, m],
            [Some(y), Some(m), Some(d), None] => &[y, m, d],
            _ => &[],
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        match parts {
            [y] if digits(y, 4) => y.parse().map(DateSpec::Year).map_err(|_| err()),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let year: i32 = y.parse().map_err(|_| err())?;
                let month: u32 = m.parse().map_err(|_| err())?;
                if (1..=12).contains(&month) {
                    Ok(DateSpec::Month { year, month })
                } else {
                    Err(err())
                }
            }
            [_, _, _] => parse_day(trimmed).map(DateSpec::Day).ok_or_else(err),
            _ => Err(err()),
        }
    }

    /// The first day the date can stand for, `None` when unbounded below.
    pub fn earliest(self) -> Option<NaiveDate> {
        match self {
            DateSpec::Day(d) => Some(d),
            DateSpec::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            DateSpec::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            DateSpec::Before(_) => None,
            DateSpec::After(d) => d.succ_opt(),
        }
    }

    /// The last day the date can stand for, `None` when unbounded above.
    pub fn latest(self) -> Option<NaiveDate> {
        match self {
            DateSpec::Day(d) => Some(d),
            DateSpec::Month { year, month } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            DateSpec::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            DateSpec::Before(d) => d.pred_opt(),
            DateSpec::After(_) => None,
        }
    }

    /// The day used for chronological order: the earliest possible day, or for
    /// "before X" (no earliest day) the latest possible one.
    pub fn sort_day(self) -> NaiveDate {
        self.earliest()
            .or_else(|| self.latest())
            .unwrap_or(NaiveDate::MIN)
    }

    /// `day`, `month`, `year`, `before` or `after`.
    pub fn precision(self) -> &'static str {
        match self {
            DateSpec::Day(_) => "day",
            DateSpec::Month { .. } => "month",
            DateSpec::Year(_) => "year",
            DateSpec::Before(_) => "before",
            DateSpec::After(_) => "after",
        }
    }

    /// Whether the date names one exact day.
    pub fn is_precise(self) -> bool {
        matches!(self, DateSpec::Day(_))
    }

    /// Whether the date could fall inside `[since, until]` (either bound open).
    pub fn overlaps(self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
        let after_since = match (since, self.latest()) {
            (Some(s), Some(latest)) => latest >= s,
            _ => true,
        };
        let before_until = match (until, self.earliest()) {
            (Some(u), Some(earliest)) => earliest <= u,
            _ => true,
        };
        after_since && before_until
    }
}

/// The first and last day a statement could have been made on, each `None` where
/// unbounded; `None` when neither the statement (`date`) nor its article (`published`)
/// is dated. A statement's own date wins over its article's, and nothing is said after
/// its article is published: the range ends by the last day `published` stands for
/// (in its own precision), unless the statement's date lies wholly after it, which is
/// kept as written. A `before` date stays open below: the text does not say how long
/// before (see "Dates" in `docs/format.md`).
pub fn bounds(
    date: Option<DateSpec>,
    published: Option<DateSpec>,
) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let d = date.or(published)?;
    let earliest = d.earliest();
    let mut latest = d.latest();
    if let Some(cap) = published.and_then(DateSpec::latest)
        && earliest.is_none_or(|e| e <= cap)
    {
        latest = Some(latest.map_or(cap, |l| l.min(cap)));
    }
    Some((earliest, latest))
}

/// The day a statement is sorted on: the first of its [`bounds`], else (open below)
/// the last, else after every dated one.
pub fn sort_day(date: Option<DateSpec>, published: Option<DateSpec>) -> NaiveDate {
    bounds(date, published)
        .and_then(|(earliest, latest)| earliest.or(latest))
        .unwrap_or(NaiveDate::MAX)
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    // All digits, the common case: no need for chrono's format parser.
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if let (Some(y), Some(m), Some(d)) = (number(0..4), number(5..7), number(8..10)) {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateSpec::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateSpec::Year(y) => write!(f, "{y:04}"),
            DateSpec::Before(d) => write!(f, "before {}", d.format("%Y-%m-%d")),
            DateSpec::After(d) => write!(f, "after {}", d.format("%Y-%m-%d")),
        }
    }
}

/// The number of days since 0001-01-01, for compact day arithmetic.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A day as its [`day_number`] in serde formats: compact, and no string to parse back.
mod day_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(super::day_number(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| D::Error::custom("day out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn every_form_round_trips_through_display() {
        for text in [
            "2025-02-13",
            "2025-02",
            "2025",
            "before 2025-02-13",
            "after 2024-12-31",
        ] {
            let parsed = DateSpec::parse(text).expect("valid");
            assert_eq!(parsed.to_string(), text);
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2025-02-30",
            "2025-13",
            "25-02-13",
            "",
            "before",
            "soon",
            "2025-2-3",
        ] {
            assert!(DateSpec::parse(text).is_err(), "{text} accepted");
        }
    }

    #[test]
    fn the_digit_fast_path_agrees_with_chrono() {
        for text in [
            "2025-02-13",
            "2024-02-29",
            "2025-02-29",
            "2025-00-10",
            "2025-13-01",
            "0000-01-01",
            "9999-12-31",
            "2025-1-013",
            "+202-01-01",
            "2025-02-3 ",
            " 025-02-13",
            "2025-04-31",
        ] {
            assert_eq!(
                parse_day(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .ok()
                    .filter(|_| text.len() == 10 && &text[4..5] == "-" && &text[7..8] == "-"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn month_spans_its_days() {
        let feb = DateSpec::parse("2024-02").expect("valid");
        assert_eq!(feb.earliest(), Some(day("2024-02-01")));
        assert_eq!(feb.latest(), Some(day("2024-02-29")));
        assert_eq!(feb.precision(), "month");
    }

    #[test]
    fn before_sorts_on_the_day_before_its_bound() {
        let before = DateSpec::parse("before 2025-02-13").expect("valid");
        assert_eq!(before.sort_day(), day("2025-02-12"));
        assert!(before.overlaps(Some(day("2025-02-01")), None));
        assert!(!before.overlaps(Some(day("2025-02-13")), None));
    }

    #[test]
    fn nothing_is_said_after_the_article_is_published() {
        let spec = |s: &str| DateSpec::parse(s).ok();
        let after = bounds(spec("after 2025-02-10"), spec("2025-02-14"));
        assert_eq!(
            after,
            Some((Some(day("2025-02-11")), Some(day("2025-02-14"))))
        );
        // The publication's own precision: a month bounds at its last day.
        let in_month = bounds(spec("after 2025-02-10"), spec("2025-02"));
        assert_eq!(
            in_month,
            Some((Some(day("2025-02-11")), Some(day("2025-02-28"))))
        );
        let year = bounds(spec("2025"), spec("2025-02-14"));
        assert_eq!(
            year,
            Some((Some(day("2025-01-01")), Some(day("2025-02-14"))))
        );
        let before = bounds(spec("before 2025-03-01"), spec("2025-02-14"));
        assert_eq!(before, Some((None, Some(day("2025-02-14")))));
        // A date wholly after publication is kept as written, not emptied.
        let later = bounds(spec("2025-03-01"), spec("2025-02-14"));
        assert_eq!(
            later,
            Some((Some(day("2025-03-01")), Some(day("2025-03-01"))))
        );
        // Undated statements take the article's date; an undated article bounds nothing.
        assert_eq!(
            bounds(None, spec("2025-02")),
            Some((Some(day("2025-02-01")), Some(day("2025-02-28"))))
        );
        assert_eq!(
            bounds(spec("after 2025-02-10"), None),
            Some((Some(day("2025-02-11")), None))
        );
        assert_eq!(bounds(None, None), None);
        assert_eq!(
            sort_day(spec("before 2025-03-01"), spec("2025-02-14")),
            day("2025-02-14")
        );
    }
}
