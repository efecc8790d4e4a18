//! Property tests: random sequences of actions never panic and keep the TUI's invariants.

use super::action::{Action, Edit, Effect, ExportFailure};
use super::state::State;
use super::ui::{self, theme::Theme};
use crate::filter::Filter;
use crate::model::StatementId;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

fn corpus() -> &'static crate::loader::Loaded {
    static LOADED: OnceLock<crate::loader::Loaded> = OnceLock::new();
    LOADED.get_or_init(crate::bundled::load)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        prop::sample::select(vec![
            'a', 'p', 's', 'k', 'o', 'w', ':', ' ', '-', '"', 'ä', 'm', 'd', 'e'
        ])
        .prop_map(Edit::Insert),
        Just(Edit::Backspace),
        Just(Edit::Delete),
        Just(Edit::Left),
        Just(Edit::Right),
        Just(Edit::Home),
        Just(Edit::End),
        Just(Edit::DeleteWord),
        Just(Edit::Clear),
    ]
}

/// Every action a user can cause, except quitting; exports are answered as the loop would.
fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(
        Action::SIMPLE
            .iter()
            .filter(|a| **a != Action::Quit)
            .cloned()
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        6 => simple,
        3 => edit().prop_map(Action::Edit),
        1 => (0u16..130, 0u16..45).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (1u16..130, 1u16..45).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

/// The statements the applied filter selects, one by one.
fn brute_force(state: &State) -> Vec<StatementId> {
    let store = state.store;
    let matcher = Filter::parse(&state.filter.applied)
        .expect("the applied filter is valid")
        .compile(store);
    store
        .all_ids()
        .filter(|&id| matcher.matches(store, id))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_every_invariant(actions in prop::collection::vec(action(), 1..60)) {
        let loaded = corpus();
        let mut state = State::new(&loaded.store, &loaded.diagnostics, || "20250101-000000".into());
        state.update(Action::Resize { width: 120, height: 40 });
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        for action in actions {
            if let Action::Resize { width, height } = action {
                terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
            }
            let marks_before = state.marks.len();
            let visible_before = state.list.len();
            let effect = state.update(action);
            let filter_run = matches!(effect, Some(Effect::Filter(_))).then(|| effect.clone()).flatten();
            if let Some(Effect::RankText(request)) = &effect
                && !request.query.is_empty()
            {
                // Answer as the worker does, in one report.
                let query = crate::search::text::Query::new(&request.query, &request.candidates);
                let top = crate::search::text::rank_text_simple(&loaded.store, &query);
                state.update(Action::TextRanked(crate::search::text::Progress {
                    generation: request.generation,
                    done: request.candidates.len(),
                    total: request.candidates.len(),
                    matched: top.len(),
                    top,
                }));
                let hits = &state.text_finder.hits;
                let unique: std::collections::BTreeSet<_> = hits.iter().collect();
                prop_assert_eq!(unique.len(), hits.len(), "no statement listed twice");
                prop_assert!(state.text_finder.exact.iter().all(|id| hits.contains(id)), "every exact hit listed");
            }
            if let Some(Effect::Export(request)) = effect {
                let expected = if marks_before > 0 { marks_before } else { visible_before };
                prop_assert_eq!(request.ids.len(), expected, "export writes the marks, or the visible rows");
                prop_assert!(request.ids.windows(2).all(|w| w[0] < w[1]), "in chronological order");
                // Answer as the loop does without touching the disk.
                state.update(Action::ExportDone(Err(ExportFailure::Failed("not written in tests".into()))));
                prop_assert_eq!(state.marks.len(), marks_before, "a failed export keeps the marks");
            }
            crate::tui::test_support::settle(&mut state, filter_run);
            let len = state.list.len();
            prop_assert!(len == 0 || state.list.cursor < len, "cursor {} outside {} rows", state.list.cursor, len);
            prop_assert!(state.marks.iter().all(|id| id.index() < loaded.store.len()), "marks only on statements");
            prop_assert_eq!(&state.list.filtered, &brute_force(&state), "filtered rows = brute force of {:?}", state.filter.applied);
            let narrowed: Vec<StatementId> = match state.actors.selected() {
                None => state.list.filtered.clone(),
                Some(a) => state.list.filtered.iter().copied().filter(|&id| loaded.store.statement(id).involves(a)).collect(),
            };
            prop_assert_eq!(&state.list.ids, &narrowed, "visible rows = filtered rows of the selected actor");
            terminal.draw(|frame| ui::draw(frame, &state, &Theme::new(false))).expect("draw");
        }
    }
}
