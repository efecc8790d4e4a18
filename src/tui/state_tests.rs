//! State transitions: actions applied to the bundled corpus, asserting state and effects.

use super::*;
use crate::export::Format;
use crate::loader::Loaded;
use crate::tui::action::{Edit, ExportFailure, ExportReport};
use crate::tui::test_support::{corpus, peskov, settle, state, type_text};

#[test]
fn starts_on_all_statements_in_the_quotes_pane() {
    let loaded = corpus();
    let s = state(&loaded);
    assert_eq!(s.list.len(), loaded.store.len());
    assert_eq!(s.focus, Focus::Quotes);
    assert_eq!(s.actors.selected(), None);
}

#[test]
fn moving_onto_an_actor_narrows_to_speaker_and_principal() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::FocusActors);
    s.update(Action::Down);
    let putin = s.actors.selected().expect("an actor");
    assert_eq!(loaded.store.actor(putin).id, "putin");
    assert_eq!(s.list.ids, loaded.store.involving(putin));
    assert_eq!(s.list.len(), 6, "one as speaker, five made for him");
    s.update(Action::ShowAllActors);
    assert_eq!(s.list.len(), loaded.store.len());
}

#[test]
fn tab_cycles_the_panes_both_ways() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::FocusNext);
    assert_eq!(s.focus, Focus::Timeline);
    s.update(Action::FocusNext);
    assert_eq!(s.focus, Focus::Actors);
    s.update(Action::FocusPrev);
    assert_eq!(s.focus, Focus::Timeline);
}

#[test]
fn actor_search_finds_a_misspelt_name_and_jumps_to_it() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenActorSearch);
    assert_eq!(s.context(), Context::ActorSearch);
    type_text(&mut s, "pskow");
    let first = s.actor_finder.selected().expect("a match");
    assert_eq!(first.actor, peskov(&loaded));
    assert!(!first.positions.is_empty());
    s.update(Action::Accept);
    assert_eq!(s.overlay, None);
    assert_eq!(s.actors.selected(), Some(peskov(&loaded)));
    assert_eq!(s.list.len(), 5);
    assert_eq!(s.focus, Focus::Quotes);
}

#[test]
fn an_invalid_filter_shows_its_error_and_keeps_the_last_valid_result() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    assert_eq!(s.list.len(), 1);
    type_text(&mut s, "x");
    assert!(s.filter.error.is_some());
    assert_eq!(s.list.len(), 1, "last valid result kept");
    assert_eq!(s.filter.applied, "mode:direct");
    assert_eq!(s.filter.input.text(), "mode:directx");
}

#[test]
fn esc_in_the_filter_bar_restores_the_filter_as_it_was() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    s.update(Action::Accept);
    s.update(Action::EditFilter);
    let run = s.update(Action::Edit(Edit::Clear));
    settle(&mut s, run);
    assert_eq!(s.list.len(), loaded.store.len());
    s.update(Action::Close);
    assert_eq!(s.filter.input.text(), "mode:direct");
    assert_eq!(s.list.len(), 1);
}

#[test]
fn a_burst_of_typing_runs_the_filter_once_the_input_settles() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    let mut runs = Vec::new();
    for c in "mode:direct".chars() {
        runs.extend(s.update(Action::Edit(Edit::Insert(c))));
    }
    assert_eq!(s.list.len(), loaded.store.len(), "not yet evaluated");
    // Each key asks for a run; the effects perform the newest once the input is consumed.
    assert!(
        runs.iter()
            .all(|e| matches!(e, Effect::Filter(r) if !r.background))
    );
    settle(&mut s, runs.pop());
    assert_eq!(s.list.len(), 1);
}

#[test]
fn enter_applies_a_filter_typed_without_a_pause() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    for c in "mode:direct".chars() {
        s.update(Action::Edit(Edit::Insert(c)));
    }
    s.update(Action::Accept);
    assert_eq!(s.list.len(), 1);
}

#[test]
fn the_filter_recounts_the_actors() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    let top = s.actors.rows[0];
    assert_eq!(top.count, 1);
    // Only the actors of the one direct quote are left: its speaker and principal.
    let (speaker, principal) = loaded.store.parties_of(s.list.ids[0]);
    let mut shown: Vec<_> = s.actors.rows.iter().map(|r| r.actor).collect();
    shown.sort();
    let mut expected = vec![speaker];
    expected.extend(principal);
    expected.sort();
    assert_eq!(shown, expected);
    assert!(s.actors.rows.iter().all(|r| r.count == 1));
    // Without a filter every actor is listed again.
    let mut run = None;
    for _ in 0.."mode:direct".len() {
        run = s.update(Action::Edit(Edit::Backspace)).or(run);
    }
    settle(&mut s, run);
    assert_eq!(s.actors.rows.len(), loaded.store.actors.len());
}

#[test]
fn the_actor_under_the_cursor_stays_listed_when_the_filter_leaves_it_nothing() {
    let loaded = corpus();
    let store = &loaded.store;
    let mut pane = ActorsPane::new(store);
    pane.cursor = pane.len() - 1;
    let last = pane.selected().expect("an actor");
    pane.recount(store, Some(&[]));
    assert_eq!(pane.rows.len(), 1);
    assert_eq!(pane.selected(), Some(last));
    assert_eq!(pane.rows[0].count, 0);
    pane.recount(store, None);
    assert_eq!(pane.rows.len(), store.actors.len());
    assert_eq!(pane.selected(), Some(last));
}

#[test]
fn space_marks_and_unmarks_and_the_bulk_keys_work() {
    let loaded = corpus();
    let mut s = state(&loaded);
    let first = s.list.current().expect("a statement");
    s.update(Action::ToggleMark);
    assert!(s.marks.contains(&first));
    assert_eq!(s.list.cursor, 1, "the cursor moves on after marking");
    s.update(Action::Up);
    s.update(Action::ToggleMark);
    assert!(s.marks.is_empty());
    s.update(Action::MarkAllVisible);
    assert_eq!(s.marks.len(), loaded.store.len());
    s.update(Action::ClearMarks);
    assert!(s.marks.is_empty());
}

#[test]
fn export_without_marks_writes_the_visible_statements_and_says_so() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    assert_eq!(s.export.scope, Scope::Visible(loaded.store.len()));
    assert_eq!(
        s.export.path.text(),
        "./demarche-export-20250101-000000.json"
    );
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    assert_eq!(request.ids.len(), loaded.store.len());
    assert!(!request.overwrite);
}

#[test]
fn export_writes_the_marks_in_the_chosen_format() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::Down);
    s.update(Action::ToggleMark);
    s.update(Action::ToggleMark);
    s.update(Action::OpenExport);
    s.update(Action::NextFormat);
    assert_eq!(s.export.format, Format::Csv);
    assert!(s.export.path.text().ends_with(".csv"));
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    assert_eq!(request.ids, s.marks.iter().copied().collect::<Vec<_>>());
    assert_eq!(request.format, Format::Csv);
}

#[test]
fn an_existing_file_is_overwritten_only_after_yes() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    s.update(Action::ExportDone(Err(ExportFailure::Exists(request.path))));
    assert_eq!(s.context(), Context::Confirm);
    assert_eq!(s.update(Action::DeclineOverwrite), None);
    assert_eq!(s.context(), Context::Export);
    s.update(Action::Accept);
    s.update(Action::ExportDone(Err(ExportFailure::Exists("x".into()))));
    let Some(Effect::Export(again)) = s.update(Action::ConfirmOverwrite) else {
        panic!("no overwrite effect");
    };
    assert!(again.overwrite);
}

#[test]
fn cancelling_the_export_keeps_the_marks() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::ToggleMark);
    s.update(Action::OpenExport);
    s.update(Action::Close);
    assert_eq!(s.overlay, None);
    assert_eq!(s.marks.len(), 1);
}

#[test]
fn a_finished_export_closes_the_dialog_and_reports_in_the_status_line() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    s.update(Action::ExportDone(Ok(ExportReport {
        path: "./out.json".into(),
        count: 22,
        format: Format::Json,
    })));
    assert_eq!(s.overlay, None);
    let status = s.status.clone().expect("a status");
    assert!(!status.error);
    assert!(status.text.contains("./out.json"), "{}", status.text);
    s.update(Action::OpenExport);
    assert!(
        s.export.path.text().ends_with("-2.json"),
        "a fresh default name"
    );
}

#[test]
fn a_failed_export_keeps_the_dialog_open_with_the_error() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    s.update(Action::ExportDone(Err(ExportFailure::Failed(
        "disk full".into(),
    ))));
    assert_eq!(s.overlay, Some(Overlay::Export(ExportStep::Path)));
    assert!(s.status.clone().is_some_and(|st| st.error));
}

#[test]
fn text_search_finds_words_and_jumps_to_the_statement() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    type_text(&mut s, "appeasement");
    assert_eq!(s.text_finder.hits.len(), 1);
    let hit = s.text_finder.selected().expect("a hit");
    s.update(Action::Accept);
    assert_eq!(s.list.current(), Some(hit));
}

#[test]
fn esc_backs_out_of_every_overlay() {
    let loaded = corpus();
    let mut s = state(&loaded);
    for open in [
        Action::OpenDetail,
        Action::OpenActorSearch,
        Action::OpenTextSearch,
        Action::OpenExport,
        Action::OpenHelp,
        Action::OpenDiagnostics,
        Action::EditFilter,
    ] {
        s.update(open.clone());
        assert_ne!(s.overlay, None, "{open:?}");
        s.update(Action::Close);
        assert_eq!(s.overlay, None, "{open:?}");
    }
}

#[test]
fn detail_steps_through_statements() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenDetail);
    s.update(Action::Down);
    assert_eq!(s.list.cursor, 1);
    assert!(matches!(s.overlay, Some(Overlay::Detail(_))));
}

#[test]
fn zooming_rebins_and_month_dates_spread_over_weeks() {
    let loaded = corpus();
    let mut s = state(&loaded);
    assert_eq!(s.timeline.zoom, Zoom::Week);
    assert!(s.timeline.imprecise > 0);
    let weeks = s.timeline.bins.len();
    s.update(Action::ZoomOut);
    assert_eq!(s.timeline.zoom, Zoom::Month);
    assert!(s.timeline.bins.len() < weeks);
    let total: f32 = s.timeline.bins.iter().map(|b| b.total()).sum();
    assert!((total - loaded.store.len() as f32).abs() < 0.01);
}

#[test]
fn sorting_by_name_keeps_the_selected_actor() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::FocusActors);
    s.update(Action::Down);
    let chosen = s.actors.selected();
    s.update(Action::ToggleActorSort);
    assert_eq!(s.actors.sort, ActorSort::Name);
    assert_eq!(s.actors.selected(), chosen);
}

#[test]
fn clicking_an_actor_row_focuses_and_selects_it() {
    let loaded = corpus();
    let mut s = state(&loaded);
    // Row 0 is the filter bar, row 1 the actors border, row 2 "all actors".
    s.update(Action::Click { column: 5, row: 3 });
    assert_eq!(s.focus, Focus::Actors);
    assert_eq!(s.actors.cursor, 1);
    assert_eq!(s.list.len(), 6);
}

#[test]
fn quit_is_an_effect() {
    let loaded = corpus();
    let mut s = state(&loaded);
    assert_eq!(s.update(Action::Quit), Some(Effect::Quit));
}

#[test]
fn an_empty_store_never_panics() {
    let loaded = Loaded::default();
    let mut s = state(&loaded);
    for a in [
        Action::Down,
        Action::Bottom,
        Action::ToggleMark,
        Action::OpenDetail,
        Action::OpenExport,
        Action::NextPeriod,
        Action::ZoomIn,
        Action::FocusActors,
        Action::Down,
    ] {
        s.update(a);
    }
    assert_eq!(s.overlay, None);
}

#[test]
fn filtering_to_the_cursor_period_replaces_the_date_terms() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::FocusNext);
    s.update(Action::Bottom);
    s.update(Action::ZoomIn);
    assert_eq!(s.timeline.zoom, Zoom::Day);
    s.update(Action::FilterToPeriod);
    assert_eq!(s.filter.applied, "since:2025-02-13 until:2025-02-13");
    s.update(Action::ZoomOut);
    s.update(Action::FilterToPeriod);
    // The week shows the statements made in it, and says how many more may have been.
    assert_eq!(s.filter.applied, "since:2025-02-10 until:2025-02-16");
    assert_eq!(s.list.len(), 7);
    let dates = s.filter.dates.expect("the filter bounds dates");
    assert_eq!(dates.mode, crate::filter::DateMode::Certain);
    assert_eq!(dates.possible_more, Some(15));
    s.update(Action::ZoomOut);
    s.update(Action::FilterToPeriod);
    assert_eq!(s.filter.applied, "since:2025-02-01 until:2025-02-28");
    // All but the two "before" dates, which may lie in January.
    assert_eq!(s.list.len(), loaded.store.len() - 2);
}

#[test]
fn date_terms_are_cut_from_an_expression() {
    assert_eq!(
        filter::without_dates("mode:direct since:2025-01-01 -until:2025-02-01 nato"),
        "mode:direct nato"
    );
}

#[test]
fn clicking_a_finder_match_jumps_to_it() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenActorSearch);
    type_text(&mut s, "pskow");
    let list = crate::tui::layout::finder(s.size).list;
    s.update(Action::Click {
        column: list.x + 2,
        row: list.y,
    });
    assert_eq!(s.overlay, None);
    assert_eq!(s.actors.selected(), Some(peskov(&loaded)));
}

#[test]
fn h_and_l_in_the_timeline_step_by_period() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::FocusNext);
    s.update(Action::NextPeriod);
    let first_of_next = s.list.cursor;
    assert!(first_of_next > 0);
    let date = |s: &State| s.store.statement(s.list.current().expect("cursor")).date;
    assert!(
        date(&s).is_some_and(
            |d| d.sort_day() >= chrono::NaiveDate::from_ymd_opt(2025, 2, 3).expect("day")
        )
    );
    s.update(Action::NextPeriod);
    assert_eq!(s.list.cursor, first_of_next, "no later period: stays");
    s.update(Action::PrevPeriod);
    assert_eq!(s.list.cursor, 0);
}

/// Types `text` into the open text finder and returns the last ranking it asked for.
fn type_ranked(s: &mut State, text: &str) -> crate::tui::action::RankRequest {
    let mut last = None;
    for c in text.chars() {
        if let Some(Effect::RankText(request)) = s.update(Action::Edit(Edit::Insert(c))) {
            last = Some(request);
        }
    }
    last.expect("typing asks for a ranking")
}

/// What the worker would report for `request` after scoring `done` candidates.
fn report(
    request: &crate::tui::action::RankRequest,
    done: usize,
    top: &[StatementId],
) -> crate::search::text::Progress {
    crate::search::text::Progress {
        generation: request.generation,
        done,
        total: request.candidates.len(),
        matched: top.len(),
        top: top
            .iter()
            .enumerate()
            .map(|(i, &id)| crate::search::text::TextMatch {
                id,
                score: 100 - i as u32,
            })
            .collect(),
    }
}

#[test]
fn each_keystroke_in_the_text_finder_asks_for_a_newer_ranking_of_the_visible_statements() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    let first = type_ranked(&mut s, "u");
    let second = type_ranked(&mut s, "k");
    assert!(second.generation > first.generation);
    assert_eq!(second.query, "uk");
    assert_eq!(second.candidates, s.list.ids);
}

#[test]
fn ranked_matches_come_first_then_the_other_exact_hits() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    let request = type_ranked(&mut s, "ukraine");
    let exact = s.text_finder.exact.clone();
    assert!(exact.len() >= 2);
    let best = *exact.last().expect("a hit");
    let fuzzy_only = *s
        .list
        .ids
        .iter()
        .find(|id| !exact.contains(id))
        .expect("a statement without the word");
    s.update(Action::TextRanked(report(&request, 4, &[best, fuzzy_only])));
    assert_eq!(&s.text_finder.hits[..2], &[best, fuzzy_only]);
    assert_eq!(s.text_finder.hits.len(), exact.len() + 1);
    assert!(s.text_finder.ranking_pending());
    s.update(Action::TextRanked(report(
        &request,
        request.candidates.len(),
        &[best],
    )));
    assert!(!s.text_finder.ranking_pending());
    assert_eq!(s.text_finder.hits.len(), exact.len());
}

#[test]
fn a_report_of_an_older_query_is_ignored() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    let old = type_ranked(&mut s, "u");
    type_ranked(&mut s, "kraine");
    let hits = s.text_finder.hits.clone();
    let other = *s
        .list
        .ids
        .iter()
        .find(|id| !hits.contains(id))
        .expect("one");
    s.update(Action::TextRanked(report(&old, 1, &[other])));
    assert_eq!(s.text_finder.hits, hits);
    assert_eq!(s.text_finder.ranking, None);
}

#[test]
fn a_report_keeps_the_cursor_on_its_statement() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    let request = type_ranked(&mut s, "ukraine");
    s.update(Action::Down);
    let chosen = s.text_finder.selected().expect("a hit");
    let first = s.text_finder.exact[0];
    s.update(Action::TextRanked(report(&request, 1, &[first])));
    assert_eq!(s.text_finder.selected(), Some(chosen));
}

#[test]
fn closing_or_jumping_from_the_text_finder_cancels_its_ranking() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenTextSearch);
    let request = type_ranked(&mut s, "ukraine");
    let Some(Effect::RankText(cancel)) = s.update(Action::Close) else {
        panic!("Esc cancels the ranking");
    };
    assert!(cancel.generation > request.generation && cancel.query.is_empty());
    assert!(
        !s.text_finder.ranking_pending(),
        "the loop stops waking for reports"
    );
    s.update(Action::OpenTextSearch);
    type_ranked(&mut s, "ukraine");
    assert!(matches!(s.update(Action::Accept), Some(Effect::RankText(r)) if r.query.is_empty()));
    assert_eq!(s.overlay, None);
}

/// A state whose filter bar is open and filters in the background, as over a large store.
fn filtering_in_background(loaded: &Loaded) -> State<'_> {
    let mut s = state(loaded);
    s.filter.inline_limit = 0;
    s.update(Action::EditFilter);
    s
}

/// Types `text` into the filter bar over a store taken as large, then `then` (Enter),
/// returning the background run that asks for.
fn ask_in_background(s: &mut State, text: &str, then: Action) -> crate::tui::action::FilterRequest {
    let request = type_for_background(s, text);
    assert_eq!(s.update(then), None, "the run asked for by typing goes on");
    request
}

/// Types `text` into the filter bar over a store taken as large, returning the
/// background run the last key asks for.
fn type_for_background(s: &mut State, text: &str) -> crate::tui::action::FilterRequest {
    let mut last = None;
    for c in text.chars() {
        last = s.update(Action::Edit(Edit::Insert(c))).or(last);
    }
    match last {
        Some(Effect::Filter(request)) if request.background => request,
        other => panic!("expected a background filter run, got {other:?}"),
    }
}

#[test]
fn over_a_large_store_the_filter_runs_in_the_background_and_only_the_newest_result_shows() {
    let loaded = corpus();
    let mut s = filtering_in_background(&loaded);
    let reported = type_for_background(&mut s, "mode:indirect");
    assert_eq!(s.list.len(), loaded.store.len(), "nothing applied yet");
    assert_eq!(s.filter.applied, "");
    for _ in 0.."indirect".len() {
        s.update(Action::Edit(Edit::Backspace));
    }
    let direct = type_for_background(&mut s, "direct");
    assert_eq!(direct.expr, "mode:direct");
    assert!(direct.generation > reported.generation);
    // The superseded run's result comes back first: dropped.
    let stale = reported.run(&loaded.store);
    assert!(stale.ids.len() > 1);
    s.update(Action::Filtered(stale));
    assert_eq!(s.list.len(), loaded.store.len());
    assert!(s.filter.running.is_some());
    s.update(Action::Filtered(direct.run(&loaded.store)));
    assert_eq!(s.list.len(), 1);
    assert_eq!(s.filter.applied, "mode:direct");
    assert_eq!(s.filter.running, None);
    assert_eq!(
        s.list.ids,
        crate::filter::select(&loaded.store, "mode:direct").expect("valid")
    );
}

#[test]
fn esc_while_a_background_filter_runs_drops_its_result() {
    let loaded = corpus();
    let mut s = filtering_in_background(&loaded);
    let request = type_for_background(&mut s, "mode:direct");
    assert_eq!(
        s.update(Action::Close),
        None,
        "back to what is shown: no run"
    );
    assert_eq!(s.filter.running, None);
    s.update(Action::Filtered(request.run(&loaded.store)));
    assert_eq!(s.list.len(), loaded.store.len());
    assert_eq!(s.filter.input.text(), "");
}

#[test]
fn enter_before_a_background_filter_ends_applies_it_when_it_does() {
    let loaded = corpus();
    let mut s = filtering_in_background(&loaded);
    let request = ask_in_background(&mut s, "mode:direct", Action::Accept);
    assert_eq!(s.overlay, None);
    s.update(Action::Filtered(request.run(&loaded.store)));
    assert_eq!(s.list.len(), 1);
    // Clearing needs no run: every statement.
    assert_eq!(s.update(Action::ClearFilter), None);
    assert_eq!(s.list.len(), loaded.store.len());
}

#[test]
fn a_background_result_arriving_under_the_export_dialog_updates_its_count() {
    let loaded = corpus();
    let mut s = filtering_in_background(&loaded);
    let request = ask_in_background(&mut s, "mode:direct", Action::Accept);
    s.update(Action::OpenExport);
    assert_eq!(s.export.scope, Scope::Visible(loaded.store.len()));
    s.update(Action::Filtered(request.run(&loaded.store)));
    assert_eq!(s.export.scope, Scope::Visible(1));
    let Some(Effect::Export(export)) = s.update(Action::Accept) else {
        panic!("Enter in the dialog asks for the export");
    };
    assert_eq!(export.ids.len(), 1);
}

#[test]
fn narrowing_to_a_period_keeps_a_filter_still_running_in_the_background() {
    let loaded = corpus();
    let mut s = filtering_in_background(&loaded);
    ask_in_background(&mut s, "mode:indirect", Action::Accept);
    s.update(Action::FocusQuotes);
    let request = match s.update(Action::FilterToPeriod) {
        Some(Effect::Filter(request)) => request,
        other => panic!("the period filter runs in the background too, got {other:?}"),
    };
    assert!(
        request.expr.starts_with("mode:indirect since:"),
        "{}",
        request.expr
    );
}
