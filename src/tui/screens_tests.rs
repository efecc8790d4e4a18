//! Screens rendered with ratatui's TestBackend and compared with reviewed snapshots.

use super::action::{Action, Edit};
use super::keymap::Context;
use super::state::Overlay;
use super::ui::{self, theme::Theme};
use crate::diagnostic::Diagnostic;
use crate::loader::Loaded;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::test_support::{render, sized as state, type_text};

#[test]
fn start() {
    let loaded = crate::bundled::load();
    let s = state(&loaded, 120, 40);
    insta::assert_snapshot!("start", render(&s, 120, 40).backend());
}

#[test]
fn actor_selected() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::FocusActors);
    s.update(Action::Down);
    s.update(Action::Down);
    insta::assert_snapshot!("actor_selected", render(&s, 120, 40).backend());
}

#[test]
fn actor_search_highlights_the_matched_letters() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::OpenActorSearch);
    type_text(&mut s, "pskow");
    let terminal = render(&s, 120, 40);
    insta::assert_snapshot!("actor_search", terminal.backend());
    let buffer = terminal.backend().buffer();
    let highlighted: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD))
        .map(|c| c.symbol())
        .collect();
    assert!(
        highlighted.contains("Pskow"),
        "highlighted: {highlighted:?}"
    );
}

#[test]
fn filter_error() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    type_text(&mut s, "x");
    insta::assert_snapshot!("filter_error", render(&s, 120, 40).backend());
}

#[test]
fn filter_running_in_the_background() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.filter.inline_limit = 0;
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    assert!(s.filter.running.is_some());
    let screen = render(&s, 120, 40);
    let top: String = (0..120)
        .map(|x| screen.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(top.contains("mode:direct"), "{top}");
    assert!(top.trim_end().ends_with("filtering… 22/22"), "{top}");
}

#[test]
fn detail_view() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::Down);
    s.update(Action::Down);
    s.update(Action::Down);
    s.update(Action::ToggleTranslation);
    s.update(Action::OpenDetail);
    insta::assert_snapshot!("detail", render(&s, 120, 40).backend());
}

#[test]
fn export_dialog() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::ToggleMark);
    s.update(Action::ToggleMark);
    s.update(Action::OpenExport);
    insta::assert_snapshot!("export_dialog", render(&s, 120, 40).backend());
}

#[test]
fn help() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::OpenHelp);
    assert!(matches!(s.overlay, Some(Overlay::Help(page)) if page.from == Context::Quotes));
    insta::assert_snapshot!("help", render(&s, 120, 40).backend());
}

#[test]
fn diagnostics() {
    let mut loaded = crate::bundled::load();
    loaded.diagnostics = vec![
        Diagnostic::at(
            "notes/broken.json",
            Some(12),
            Some(5),
            "expected `,` or `}`",
        ),
        Diagnostic::at("notes/a.json", Some(3), None, "unknown mode \"shouted\"")
            .in_item("s4", "mode"),
    ];
    let mut s = state(&loaded, 120, 40);
    let start = render(&s, 120, 40);
    insta::assert_snapshot!("diagnostics_status", start.backend());
    s.update(Action::OpenDiagnostics);
    insta::assert_snapshot!("diagnostics", render(&s, 120, 40).backend());
}

#[test]
fn empty_corpus() {
    let loaded = Loaded::default();
    let s = state(&loaded, 100, 24);
    insta::assert_snapshot!("empty", render(&s, 100, 24).backend());
}

#[test]
fn narrow_terminal() {
    let loaded = crate::bundled::load();
    let s = state(&loaded, 60, 15);
    insta::assert_snapshot!("narrow_60x15", render(&s, 60, 15).backend());
}

#[test]
fn too_small_terminal() {
    let loaded = crate::bundled::load();
    let s = state(&loaded, 30, 8);
    insta::assert_snapshot!("too_small", render(&s, 30, 8).backend());
}

#[test]
fn every_size_and_overlay_draws_without_panicking() {
    let loaded = crate::bundled::load();
    let opens = [
        None,
        Some(Action::OpenDetail),
        Some(Action::OpenActorSearch),
        Some(Action::OpenTextSearch),
        Some(Action::OpenExport),
        Some(Action::OpenHelp),
        Some(Action::OpenDiagnostics),
        Some(Action::EditFilter),
    ];
    for open in opens {
        let mut s = state(&loaded, 120, 40);
        if let Some(a) = open {
            s.update(a);
            type_text(&mut s, "pe");
        }
        for (w, h) in [
            (1, 1),
            (10, 3),
            (39, 11),
            (40, 12),
            (41, 13),
            (60, 15),
            (200, 60),
        ] {
            s.update(Action::Resize {
                width: w,
                height: h,
            });
            render(&s, w, h);
        }
    }
}

#[test]
fn text_search() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::OpenTextSearch);
    type_text(&mut s, "ukraine");
    insta::assert_snapshot!("text_search", render(&s, 120, 40).backend());
}

#[test]
fn timeline_by_day_with_an_exact_date_under_the_cursor() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::FocusNext);
    s.update(Action::ZoomIn);
    s.update(Action::Bottom);
    insta::assert_snapshot!("timeline_day", render(&s, 120, 40).backend());
}

#[test]
fn text_search_while_ranking() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::OpenTextSearch);
    let mut request = None;
    for c in "russia".chars() {
        if let Some(super::action::Effect::RankText(r)) = s.update(Action::Edit(Edit::Insert(c))) {
            request = Some(r);
        }
    }
    let request = request.expect("typing asks for a ranking");
    // The worker's report after its first chunk: half the statements scored.
    let ranked = crate::search::text::rank_text_simple(
        &loaded.store,
        &crate::search::text::Query::new(&request.query, &request.candidates),
    );
    s.update(Action::TextRanked(crate::search::text::Progress {
        generation: request.generation,
        done: request.candidates.len() / 2,
        total: request.candidates.len(),
        matched: ranked.len(),
        top: ranked.into_iter().take(3).collect(),
    }));
    insta::assert_snapshot!("text_search_ranking", render(&s, 120, 40).backend());
}

#[test]
fn loading_a_corpus() {
    let seen = crate::loader::LoadSnapshot {
        files: 12,
        files_done: 5,
        bytes: 1_300 << 20,
        bytes_read: 560 << 20,
        merging: false,
        from_cache: false,
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 12)).expect("test backend");
    terminal
        .draw(|frame| ui::loading::draw(frame, &seen, &Theme::new(false)))
        .expect("draw");
    insta::assert_snapshot!("loading", terminal.backend());
}

#[test]
fn loading_a_snapshot() {
    let seen = crate::loader::LoadSnapshot {
        files: 0,
        files_done: 0,
        bytes: 600 << 20,
        bytes_read: 150 << 20,
        merging: false,
        from_cache: true,
    };
    assert_eq!(seen.summary(), "Reading the snapshot… 150.0 MB of 600.0 MB");
    let built = crate::loader::LoadSnapshot {
        merging: true,
        bytes_read: 600 << 20,
        ..seen
    };
    assert_eq!(
        built.summary(),
        "Building the index from the snapshot… 600.0 MB read"
    );
}

/// The rendered screen's rows as strings.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_timeline_gives_its_scale_and_the_count_of_the_cursor_period() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::FocusNext);
    s.update(Action::ZoomIn);
    s.update(Action::Bottom);
    let screen = rows(&render(&s, 120, 40)).join("\n");
    // Seven statements dated 2025-02-13, plus shares (just under 1.5) of the month-dated ones:
    // counts of statements, so whole and marked approximate.
    assert!(
        screen.contains("▲ 2025-02-13: 7 exact, ≈1 spread ░"),
        "{screen}"
    );
    assert!(screen.contains("tallest bar ≈8"), "{screen}");
    assert!(!screen.contains(".5"), "no fractional statements: {screen}");
}

#[test]
fn without_colour_the_cursor_period_is_marked_above_its_bar_not_drawn_as_one() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::FocusNext);
    let screen = rows(&render(&s, 120, 40));
    let marked: Vec<(usize, usize)> = screen
        .iter()
        .enumerate()
        .flat_map(|(y, row)| {
            row.chars()
                .enumerate()
                .filter(|(_, c)| matches!(c, '▼' | '▽'))
                .map(move |(x, _)| (x, y))
        })
        .collect();
    assert!(!marked.is_empty(), "the cursor's periods are marked");
    for (x, y) in marked {
        // Below the mark, down to its bar, only blanks: no glyph a count could be read from.
        let below: String = screen[y + 1..]
            .iter()
            .map(|row| row.chars().nth(x).unwrap_or(' '))
            .take_while(|c| !"▁▂▃▄▅▆▇█░─".contains(*c))
            .collect();
        assert!(below.chars().all(|c| c == ' '), "column {x}: {below:?}");
    }
    assert!(!screen.iter().any(|r| r.contains('┆') || r.contains("││┆")));
}

#[test]
fn the_status_line_says_how_dates_are_read_and_what_else_may_belong() {
    let loaded = crate::bundled::load();
    let mut s = state(&loaded, 120, 40);
    s.update(Action::FocusNext);
    s.update(Action::Bottom);
    s.update(Action::FilterToPeriod);
    let screen = rows(&render(&s, 120, 40));
    let status = &screen[38];
    assert!(
        status.contains("7/22 shown · dates certain, +15 possible"),
        "{status}"
    );
    s.update(Action::EditFilter);
    s.update(Action::Edit(Edit::End));
    type_text(&mut s, " dates:possible");
    s.update(Action::Accept);
    let status = rows(&render(&s, 120, 40))[38].clone();
    assert!(status.contains("22/22 shown · dates possible"), "{status}");
}
