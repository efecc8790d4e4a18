//! The positions, shifts and course views as state: counted in the background, ordered, entered and left, over a fixture with known stances.

use crate::model::StatementId;
use crate::stances::{By, RowOrder};
use crate::tui::action::{Action, Effect};
use crate::tui::keymap::Context;
use crate::tui::state::{Focus, Overlay, State};
use crate::tui::test_support::{act, corpus, select_actor, settle, sized, stances_corpus, state};

fn names(s: &State) -> Vec<String> {
    let grid = s.positions.grid.as_ref().expect("a grid");
    grid.rows
        .iter()
        .map(|r| s.store.actor(r.key).name.to_string())
        .collect()
}

fn keys(s: &State, ids: &[StatementId]) -> Vec<String> {
    ids.iter()
        .map(|&id| s.store.statement(id).key.to_string())
        .collect()
}

/// Puts the matrix cursor on `actor` (an id) and `topic`.
fn go_to(s: &mut State, actor: &str, topic: &str) {
    let a = s.store.actor_by_key(actor).expect("actor");
    let t = s.store.topic_by_key(topic).expect("topic");
    let grid = s.positions.grid.as_ref().expect("a grid");
    let (r, c) = (grid.row_of(a).expect("row"), grid.col_of(t).expect("col"));
    act(s, Action::Top);
    for _ in 0..r {
        act(s, Action::Down);
    }
    for _ in 0..c {
        act(s, Action::NextColumn);
    }
    assert_eq!(s.positions.current(), Some((a, t)));
}

#[test]
fn the_matrix_is_counted_in_the_background_then_shown() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    let effect = s.update(Action::OpenPositions);
    assert_eq!(s.context(), Context::Positions);
    let Some(Effect::Tally(request)) = effect else {
        panic!("a background count, got {effect:?}");
    };
    assert!(s.positions.grid.is_none(), "nothing shown before the count");
    assert!(s.awaiting());
    let result = request.run(s.store);
    s.update(Action::Tallied(result));
    assert!(!s.awaiting());
    // By principal: the spokesperson's statements count for Valoria, the ministry's for Osten.
    assert_eq!(
        names(&s),
        ["Tomas Mira", "Osten government", "Valoria government"]
    );
    // Opening it again over the same statements counts nothing anew.
    act(&mut s, Action::Close);
    assert_eq!(s.update(Action::OpenPositions), None);
}

#[test]
fn by_speaker_credits_the_spokesperson_and_the_ministry() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenPositions);
    act(&mut s, Action::ToggleBy);
    assert_eq!(s.positions.by, By::Speaker);
    let grid = s.positions.grid.as_ref().expect("grid");
    assert_eq!(grid.by, By::Speaker);
    assert_eq!(
        names(&s),
        ["Tomas Mira", "Ida Kovac", "Osten foreign ministry"]
    );
}

#[test]
fn an_older_count_arriving_late_is_dropped() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    let Some(Effect::Tally(first)) = s.update(Action::OpenPositions) else {
        panic!("a count");
    };
    let Some(Effect::Tally(second)) = s.update(Action::ToggleBy) else {
        panic!("a second count");
    };
    s.update(Action::Tallied(first.run(s.store)));
    assert!(
        s.positions.grid.is_none(),
        "the principal count is no longer wanted"
    );
    s.update(Action::Tallied(second.run(s.store)));
    assert_eq!(s.positions.grid.as_ref().map(|g| g.by), Some(By::Speaker));
}

#[test]
fn rows_sort_by_name_and_by_division_keeping_the_cursor_cell() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenPositions);
    go_to(&mut s, "valoria", "sanctions");
    act(&mut s, Action::SortRows);
    assert_eq!(s.positions.rows, RowOrder::Name);
    assert_eq!(
        names(&s),
        ["Osten government", "Tomas Mira", "Valoria government"]
    );
    let valoria = s.store.actor_by_key("valoria");
    assert_eq!(s.positions.current().map(|c| c.0), valoria);
    act(&mut s, Action::SortRows);
    assert_eq!(s.positions.rows, RowOrder::Divided);
    // Each is contradicted once; Mira has more statements.
    assert_eq!(names(&s)[0], "Tomas Mira");
    assert_eq!(s.positions.current().map(|c| c.0), valoria);
    act(&mut s, Action::SortColumns);
    let grid = s.positions.grid.as_ref().expect("grid");
    let topics: Vec<&str> = grid.cols.iter().map(|c| s.store.topic(c.key)).collect();
    assert_eq!(topics, ["ceasefire", "sanctions"]);
}

#[test]
fn enter_on_a_cell_shows_exactly_its_statements_and_esc_comes_back() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenPositions);
    go_to(&mut s, "valoria", "sanctions");
    act(&mut s, Action::Accept);
    assert_eq!(s.overlay, None);
    assert_eq!(s.focus, Focus::Quotes);
    assert_eq!(s.filter.applied, "holder:valoria topic:=sanctions");
    assert_eq!(keys(&s, &s.list.ids), ["a1s1", "a2s1"]);
    assert!(s.status.as_ref().is_some_and(|m| m.text.contains("Esc")));
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Positions));
    assert_eq!(s.filter.applied, "");
    assert_eq!(s.list.len(), loaded.store.len());
    let valoria = s.store.actor_by_key("valoria");
    assert_eq!(s.positions.current().map(|c| c.0), valoria);
    // Esc in the panes again does nothing more: there is nothing to go back to.
    act(&mut s, Action::Close);
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, None);
}

#[test]
fn a_cell_entered_under_a_filter_keeps_it_and_esc_restores_it() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::EditFilter);
    crate::tui::test_support::type_text(&mut s, "mode:indirect");
    act(&mut s, Action::Accept);
    act(&mut s, Action::OpenPositions);
    go_to(&mut s, "mira", "sanctions");
    let grid = s.positions.grid.as_ref().expect("grid");
    assert_eq!(
        grid.at(s.positions.cursor.0, s.positions.cursor.1),
        Some([1, 0, 1])
    );
    act(&mut s, Action::Accept);
    assert_eq!(
        s.filter.applied,
        "mode:indirect holder:mira topic:=sanctions"
    );
    assert_eq!(keys(&s, &s.list.ids), ["a2s2", "a3s1"]);
    act(&mut s, Action::Close);
    assert_eq!(s.filter.applied, "mode:indirect");
    assert_eq!(s.overlay, Some(Overlay::Positions));
}

#[test]
fn an_empty_cell_leads_nowhere() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenPositions);
    go_to(&mut s, "valoria", "ceasefire");
    let effect = s.update(Action::Accept);
    assert_eq!(effect, None);
    assert_eq!(s.overlay, Some(Overlay::Positions));
    assert_eq!(s.filter.applied, "");
}

#[test]
fn a_small_terminal_scrolls_the_matrix_both_ways() {
    let loaded = corpus();
    let mut s = sized(&loaded, 40, 12);
    act(&mut s, Action::OpenPositions);
    let grid = s.positions.grid.clone().expect("grid");
    for _ in 0..grid.cols.len() {
        act(&mut s, Action::NextColumn);
    }
    act(&mut s, Action::Bottom);
    assert_eq!(
        s.positions.cursor,
        (grid.rows.len() - 1, grid.cols.len() - 1)
    );
    assert!(s.positions.offset.0 > 0 && s.positions.offset.1 > 0);
    act(&mut s, Action::Top);
    for _ in 0..grid.cols.len() {
        act(&mut s, Action::PrevColumn);
    }
    assert_eq!(s.positions.offset, (0, 0));
}

#[test]
fn shifts_are_listed_newest_first_and_neutral_counts_on_request() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenShifts);
    assert_eq!(s.context(), Context::Shifts);
    let shifts = s.shifts.shifts.clone().expect("shifts");
    let who: Vec<&str> = shifts
        .iter()
        .map(|x| s.store.actor(x.actor).id.as_str())
        .collect();
    assert_eq!(who, ["valoria", "mira", "osten"]);
    assert_eq!(
        shifts.iter().map(|x| x.order_certain).collect::<Vec<_>>(),
        [true, true, false]
    );
    act(&mut s, Action::ToggleNeutral);
    let with = s.shifts.shifts.as_ref().expect("shifts");
    assert_eq!(with.len(), 4, "Mira: opposes → neutral → supports is two");
    act(&mut s, Action::ToggleNeutral);
    act(&mut s, Action::ToggleBy);
    let by_speaker = s.shifts.shifts.as_ref().expect("shifts");
    assert_eq!(s.store.actor(by_speaker[0].actor).id, "kovac");
}

#[test]
fn enter_on_a_shift_opens_either_statement_and_esc_comes_back() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenShifts);
    act(&mut s, Action::Accept);
    assert!(matches!(s.overlay, Some(Overlay::Detail(_))));
    assert_eq!(
        keys(&s, &[s.list.current().expect("a statement")]),
        ["a2s1"]
    );
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Shifts));
    act(&mut s, Action::PrevColumn);
    act(&mut s, Action::Accept);
    assert_eq!(
        keys(&s, &[s.list.current().expect("a statement")]),
        ["a1s1"]
    );
    act(&mut s, Action::Close);
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, None);
}

#[test]
fn an_actors_course_marks_each_change_of_stance() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    select_actor(&mut s, "mira");
    act(&mut s, Action::OpenCourse);
    assert_eq!(s.context(), Context::Course);
    assert_eq!(s.course.topics.len(), 1);
    let steps = &s.course.topics[0].steps;
    assert_eq!(
        keys(&s, &steps.iter().map(|x| x.id).collect::<Vec<_>>()),
        ["a1s2", "a2s2", "a3s1"]
    );
    assert_eq!(
        steps.iter().map(|x| x.changed).collect::<Vec<_>>(),
        [false, true, true]
    );
    // 2025-02 and 2025-02-14 overlap: which came first is not known.
    assert_eq!(
        steps.iter().map(|x| x.order_uncertain).collect::<Vec<_>>(),
        [false, false, true]
    );
    act(&mut s, Action::Down);
    act(&mut s, Action::Accept);
    assert_eq!(
        keys(&s, &[s.list.current().expect("a statement")]),
        ["a2s2"]
    );
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Course));
}

#[test]
fn help_opened_from_a_view_returns_to_it() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    act(&mut s, Action::OpenPositions);
    act(&mut s, Action::OpenHelp);
    assert!(matches!(s.overlay, Some(Overlay::Help(_))));
    act(&mut s, Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Positions));
}

#[test]
fn a_new_filter_result_recounts_the_open_view() {
    let loaded = stances_corpus();
    let mut s = state(&loaded);
    // As over a large store: every filter runs in the background.
    s.filter.inline_limit = 0;
    let run = |s: &mut State, effect: Option<Effect>| {
        let pending = settle(s, effect).expect("a background run");
        let result = pending.run(s.store);
        s.update(Action::Filtered(result))
    };
    act(&mut s, Action::EditFilter);
    let typed = crate::tui::test_support::type_text(&mut s, "mode:indirect");
    let result = typed.expect("a background run").run(s.store);
    act(&mut s, Action::Filtered(result));
    act(&mut s, Action::Accept);
    act(&mut s, Action::OpenPositions);
    go_to(&mut s, "mira", "sanctions");
    let effect = s.update(Action::Accept);
    run(&mut s, effect);
    assert_eq!(s.list.len(), 2);
    let effect = s.update(Action::Close);
    assert_eq!(s.overlay, Some(Overlay::Positions));
    let effect = run(&mut s, effect);
    assert!(matches!(effect, Some(Effect::Tally(_))), "{effect:?}");
    settle(&mut s, effect);
    assert_eq!(s.list.len(), 6, "the indirect statements");
    assert_eq!(names(&s).len(), 3);
    assert!(!s.awaiting());
}
