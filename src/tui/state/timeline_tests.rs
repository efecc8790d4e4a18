//! Tests of the timeline's counts, periods and window.

use super::*;
use chrono::NaiveDate;

/// The first and last period a statement's [`crate::date::bounds`] may fall in, and
/// whether they are one at this zoom.
fn periods(zoom: Zoom, bounds: (Option<NaiveDate>, Option<NaiveDate>)) -> (i64, i64, bool) {
    match bounds {
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

/// A statement's bounds from its dates, as [`crate::date::bounds`] gives them.
fn bounds_of(store: &Store, id: StatementId) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let published = store.article(store.article_of(id)).published;
    crate::date::bounds(store.date(id), published)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The timeline as first written: [`periods`] of each statement's bounds.
fn reference(store: &Store, ids: &[StatementId], zoom: Zoom) -> (i64, Vec<Bin>, usize, usize) {
    let dated: Vec<Option<(i64, i64, bool)>> = ids
        .iter()
        .map(|&id| bounds_of(store, id).map(|b| periods(zoom, b)))
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
        .any(|&id| bounds_of(store, id).is_some_and(|b| !periods(Zoom::Day, b).2))
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
    let feb = (feb.earliest(), feb.latest());
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
