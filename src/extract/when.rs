//! Dates a sentence names for its statement (am Donnerstag, on Thursday, gestern, am 13. Februar, im Januar, vor Wochen), found with the lexicon's date words and resolved against the article's date: never more precise than the two together give.

use super::lexicon::Lexicon;
use super::text::{Word, words};
use crate::date::DateSpec;
use chrono::{Datelike, Duration, NaiveDate};
use std::ops::Range;

/// A date as the text names it, before it is read against the article's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A weekday, 1 = Monday: the last one on or before the article's day.
    Weekday(u32),
    /// Days from the article's day (gestern = -1, today = 0).
    Offset(i64),
    Day {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    Month {
        month: u32,
        year: Option<i32>,
    },
    /// Some time before the article's day (vor Wochen, last week).
    Before,
}

/// `word` as a weekday, alone or with a part of the day joined to it (Donnerstagabend).
fn weekday(lexicon: &Lexicon, word: &str) -> Option<u32> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    lexicon.entries("weekdays").iter().find_map(|e| {
        let (name, n) = e.rsplit_once(' ')?;
        let rest = word.strip_prefix(name)?;
        let joined = rest.is_empty() || lexicon.has("day-parts", rest);
        joined.then(|| n.parse().ok()).flatten()
    })
}

fn year(text: &str, w: Option<&Word>) -> Option<i32> {
    let w = w?.text(text);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn day_number(text: &str, w: Option<&Word>) -> Option<u32> {
    let w = w?.text(text);
    let n: u32 = w.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// The first date named in `pieces` of `text` (a statement's sentence outside its span
/// and quotations).
pub fn named(text: &str, pieces: &[Range<usize>], lexicon: &Lexicon) -> Option<When> {
    pieces
        .iter()
        .find_map(|p| in_words(text, &words(text, p.clone()), lexicon))
}

fn in_words(text: &str, ws: &[Word], lexicon: &Lexicon) -> Option<When> {
    let lowered: Vec<String> = ws.iter().map(|w| w.text(text).to_lowercase()).collect();
    let lower = |i: usize| lowered[i].as_str();
    for (i, w) in ws.iter().enumerate() {
        let word = w.text(text);
        if let Some(d) = weekday(lexicon, word) {
            return Some(When::Weekday(d));
        }
        if let Some(n) = lexicon.number("day-offsets", lower(i)) {
            return Some(When::Offset(n));
        }
        let before = lexicon.entries("before-words").iter().any(|e| {
            e.split(' ')
                .enumerate()
                .all(|(k, part)| i + k < ws.len() && lower(i + k) == part)
        });
        if before {
            return Some(When::Before);
        }
        let Some(month) = lexicon.number("months", word) else {
            continue;
        };
        let month = month as u32;
        // 13. Februar 2025 / 13 February 2025 / February 13, 2025 / Feb. 13
        let ahead = day_number(text, ws.get(i + 1));
        let behind = i.checked_sub(1).and_then(|b| day_number(text, ws.get(b)));
        if let Some(day) = behind.or(ahead) {
            let y = if behind.is_some() { i + 1 } else { i + 2 };
            let year = year(text, ws.get(y));
            return Some(When::Day { day, month, year });
        }
        return Some(When::Month {
            month,
            year: year(text, ws.get(i + 1)),
        });
    }
    None
}

/// Where `range` starts once a leading date (gestern, am Donnerstag, last week) is
/// skipped: `warnte gestern vor …` paraphrases `vor …`, said then.
pub fn skip_leading(text: &str, range: Range<usize>, lexicon: &Lexicon) -> usize {
    if range.start >= range.end {
        return range.start;
    }
    let ws = words(text, range.clone());
    let lowered: Vec<String> = ws.iter().map(|w| w.text(text).to_lowercase()).collect();
    let lower = |i: usize| lowered[i].as_str();
    let mut i = 0;
    while i < ws.len() {
        let phrase = lexicon.entries("before-words").iter().find_map(|e| {
            let n = e.split(' ').count();
            e.split(' ')
                .enumerate()
                .all(|(k, part)| i + k < ws.len() && lower(i + k) == part)
                .then_some(n)
        });
        let preposition = matches!(lower(i), "am" | "on");
        let day = |k: usize| k < ws.len() && weekday(lexicon, ws[k].text(text)).is_some();
        i += if let Some(n) = phrase {
            n
        } else if lexicon.number("day-offsets", lower(i)).is_some() || day(i) {
            1
        } else if preposition && day(i + 1) {
            2
        } else {
            break;
        };
    }
    match ws.get(i) {
        Some(w) if i > 0 => w.start,
        None if i > 0 => range.end,
        _ => range.start,
    }
}

/// The date `when` stands for in an article of `article`'s date, or `None` when the
/// article's date does not let it be read (a weekday in an article dated by month).
pub fn resolve(when: When, article: Option<DateSpec>) -> Option<DateSpec> {
    let day = match article {
        Some(DateSpec::Day(d)) => Some(d),
        _ => None,
    };
    let article_year = article.and_then(|a| a.earliest()).map(|d| d.year());
    match when {
        When::Weekday(n) => {
            let d = day?;
            let back = (d.weekday().number_from_monday() + 7 - n) % 7;
            Some(DateSpec::Day(d - Duration::days(back.into())))
        }
        When::Offset(n) => Some(DateSpec::Day(day? + Duration::days(n))),
        When::Before => day.map(DateSpec::Before),
        When::Day {
            day: dd,
            month,
            year,
        } => {
            let y = year.or(article_year)?;
            let date = NaiveDate::from_ymd_opt(y, month, dd)?;
            // A day without a year well after the article's is last year's (a January
            // article on 20 December).
            let late = day.is_some_and(|d| date > d + Duration::days(31));
            let date = if year.is_none() && late {
                NaiveDate::from_ymd_opt(y - 1, month, dd)?
            } else {
                date
            };
            Some(DateSpec::Day(date))
        }
        When::Month { month, year } => {
            let y = year.or(article_year)?;
            let late = article
                .and_then(|a| a.earliest())
                .is_some_and(|d| year.is_none() && (y, month) > (d.year(), d.month()));
            let year = if late { y - 1 } else { y };
            Some(DateSpec::Month { year, month })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, language: &str) -> Option<When> {
        named(
            text,
            std::slice::from_ref(&(0..text.len())),
            &Lexicon::builtin(language),
        )
    }

    fn day(s: &str) -> Option<DateSpec> {
        DateSpec::parse(s).ok()
    }

    #[test]
    fn weekdays_are_the_last_such_day_on_or_before_the_article() {
        // 2025-02-14 is a Friday.
        assert_eq!(
            at(", sagte Peskow am Donnerstag.", "de"),
            Some(When::Weekday(4))
        );
        assert_eq!(at("said on Thursday that", "en"), Some(When::Weekday(4)));
        assert_eq!(at("am Donnerstagabend", "de"), Some(When::Weekday(4)));
        assert_eq!(at("die Donnerstagsausgabe", "de"), None);
        let friday = day("2025-02-14");
        assert_eq!(resolve(When::Weekday(4), friday), day("2025-02-13"));
        assert_eq!(resolve(When::Weekday(5), friday), day("2025-02-14"));
        assert_eq!(resolve(When::Weekday(6), friday), day("2025-02-08"));
    }

    #[test]
    fn a_weekday_in_an_article_dated_by_month_stays_unresolved() {
        assert_eq!(resolve(When::Weekday(4), day("2025-02")), None);
        assert_eq!(resolve(When::Offset(-1), day("2025")), None);
        assert_eq!(resolve(When::Weekday(4), None), None);
    }

    #[test]
    fn relative_days_and_before_words() {
        assert_eq!(at("sagte gestern", "de"), Some(When::Offset(-1)));
        assert_eq!(at("Yesterday, Keller said", "en"), Some(When::Offset(-1)));
        assert_eq!(at("bereits vor Wochen erklärt", "de"), Some(When::Before));
        assert_eq!(at("said last week", "en"), Some(When::Before));
        let friday = day("2025-02-14");
        assert_eq!(resolve(When::Offset(-1), friday), day("2025-02-13"));
        assert_eq!(resolve(When::Before, friday), day("before 2025-02-14"));
        assert_eq!(resolve(When::Before, day("2025-02")), None);
    }

    #[test]
    fn named_days_and_months() {
        let d = |day, month, year| Some(When::Day { day, month, year });
        assert_eq!(at("am 13. Februar", "de"), d(13, 2, None));
        assert_eq!(
            at("am 13. Februar 2024 erklärt", "de"),
            d(13, 2, Some(2024))
        );
        assert_eq!(at("on February 13, 2024", "en"), d(13, 2, Some(2024)));
        assert_eq!(at("on Feb. 13", "en"), d(13, 2, None));
        assert_eq!(at("on 13 February", "en"), d(13, 2, None));
        assert_eq!(
            at("im Januar", "de"),
            Some(When::Month {
                month: 1,
                year: None
            })
        );
        let article = day("2025-01-10");
        assert_eq!(
            resolve(
                When::Day {
                    day: 20,
                    month: 12,
                    year: None
                },
                article
            ),
            day("2024-12-20")
        );
        assert_eq!(
            resolve(
                When::Day {
                    day: 8,
                    month: 1,
                    year: None
                },
                article
            ),
            day("2025-01-08")
        );
        assert_eq!(
            resolve(
                When::Month {
                    month: 12,
                    year: None
                },
                article
            ),
            day("2024-12")
        );
        assert_eq!(
            resolve(
                When::Day {
                    day: 8,
                    month: 1,
                    year: None
                },
                day("2025")
            ),
            day("2025-01-08")
        );
        assert_eq!(
            resolve(
                When::Day {
                    day: 31,
                    month: 2,
                    year: None
                },
                article
            ),
            None
        );
    }

    #[test]
    fn a_leading_date_is_skipped() {
        let de = Lexicon::builtin("de");
        let t = "warnte gestern vor übereilten Schritten";
        assert_eq!(
            &t[skip_leading(t, 6..t.len(), &de)..],
            "vor übereilten Schritten"
        );
        let t = "warnte am Montag vor Eile";
        assert_eq!(&t[skip_leading(t, 6..t.len(), &de)..], "vor Eile");
        let t = "warnte vor Eile";
        assert_eq!(skip_leading(t, 6..t.len(), &de), 6);
        let en = Lexicon::builtin("en");
        let t = "warned last week against lifting sanctions";
        assert_eq!(
            &t[skip_leading(t, 6..t.len(), &en)..],
            "against lifting sanctions"
        );
    }

    #[test]
    fn numbers_without_a_month_are_no_date() {
        assert_eq!(at("die Minsker Abkommen von 2014 und 2015", "de"), None);
        assert_eq!(at("13 ministers said", "en"), None);
    }
}
