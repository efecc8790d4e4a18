//! The keymap table's invariants: one action per key per context, every action reachable.

use super::*;
use crate::tui::action::{Edit, ExportFailure};
use crossterm::event::{KeyEvent, KeyModifiers};
use std::collections::HashSet;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Whether a key must reach `action`; the exhaustive match makes a new action
/// fail to compile here until someone decides.
fn needs_a_key(action: &Action) -> bool {
    match action {
        Action::Up
        | Action::Down
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom
        | Action::FocusNext
        | Action::FocusPrev
        | Action::FocusActors
        | Action::FocusQuotes
        | Action::ShowAllActors
        | Action::ToggleActorSort
        | Action::ToggleTranslation
        | Action::PrevPeriod
        | Action::NextPeriod
        | Action::ZoomIn
        | Action::ZoomOut
        | Action::FilterToPeriod
        | Action::NextMatch
        | Action::PrevMatch
        | Action::OpenDetail
        | Action::CopyCitation
        | Action::OpenPositions
        | Action::OpenShifts
        | Action::OpenCourse
        | Action::PrevColumn
        | Action::NextColumn
        | Action::ToggleBy
        | Action::SortRows
        | Action::SortColumns
        | Action::ToggleNeutral
        | Action::OpenReview
        | Action::ReviewYes
        | Action::ReviewNo
        | Action::Undo
        | Action::Redo
        | Action::EditStatement
        | Action::DeleteStatement
        | Action::SaveForm
        | Action::EditActor
        | Action::MergeActor
        | Action::SelectText
        | Action::WordNext
        | Action::WordPrev
        | Action::SentenceNext
        | Action::SentencePrev
        | Action::Anchor
        | Action::ToggleOnce
        | Action::RetrySave
        | Action::Reload
        | Action::OpenActorSearch
        | Action::OpenTextSearch
        | Action::EditFilter
        | Action::ClearFilter
        | Action::OpenExport
        | Action::OpenHelp
        | Action::OpenDiagnostics
        | Action::Close
        | Action::Accept
        | Action::ToggleMark
        | Action::MarkAllVisible
        | Action::ClearMarks
        | Action::NextFormat
        | Action::PrevFormat
        | Action::ConfirmOverwrite
        | Action::DeclineOverwrite
        | Action::Suspend
        | Action::Quit => true,
        Action::Edit(_)
        | Action::Click { .. }
        | Action::Wheel { .. }
        | Action::Resize { .. }
        | Action::ExportDone(_)
        | Action::TextRanked(_)
        | Action::Filtered(_)
        | Action::Tallied(_)
        | Action::Unbound(_)
        | Action::Reselect { .. }
        | Action::Say(..)
        | Action::Unsaved(_)
        | Action::AskCopy(_) => false,
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in Context::ALL {
        let mut seen = HashSet::new();
        for ctx in context.stack() {
            for b in BINDINGS.iter().filter(|b| b.context == ctx) {
                assert!(
                    seen.insert(b.key),
                    "{} bound twice in {context:?}",
                    b.key.label()
                );
            }
        }
    }
}

#[test]
fn every_action_that_needs_a_key_has_one() {
    let all = Action::SIMPLE
        .iter()
        .cloned()
        .chain([Action::ExportDone(Err(
            ExportFailure::Failed(String::new()),
        ))]);
    for action in all.filter(needs_a_key) {
        assert!(
            BINDINGS.iter().any(|b| b.action == action),
            "{action:?} has no key"
        );
    }
}

#[test]
fn every_context_can_be_left() {
    for context in Context::ALL {
        let leaves = context.stack().iter().any(|ctx| {
            BINDINGS.iter().any(|b| {
                b.context == *ctx
                    && matches!(
                        b.action,
                        Action::Quit | Action::Close | Action::DeclineOverwrite
                    )
            })
        });
        assert!(leaves, "{context:?} cannot be left");
    }
}

#[test]
fn vim_keys_move_in_panes_but_type_in_fields() {
    assert_eq!(
        lookup(Context::Quotes, key(KeyCode::Char('j'))),
        Some(Action::Down)
    );
    assert_eq!(
        lookup(Context::ActorSearch, key(KeyCode::Char('j'))),
        Some(Action::Edit(Edit::Insert('j')))
    );
    assert_eq!(
        lookup(Context::Filter, key(KeyCode::Char('q'))),
        Some(Action::Edit(Edit::Insert('q')))
    );
}

#[test]
fn shifted_letters_and_ctrl_c_resolve() {
    let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Context::Actors, shifted), Some(Action::Bottom));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in Context::ALL {
        assert_eq!(lookup(context, ctrl_c), Some(Action::Quit), "{context:?}");
    }
}

#[test]
fn footer_and_help_come_from_the_table() {
    let footer = footer(Context::Quotes);
    assert!(footer.iter().any(|(k, l)| k == "/" && *l == "actor"));
    let help = help_rows(Context::Browse);
    assert!(help.iter().any(|(k, _)| k == "j ↓"));
}

/// The key table in README.md is generated from this table; `UPDATE_DOCS=1 cargo test`
/// rewrites it between its markers.
#[test]
fn the_documented_key_table_matches_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let doc = std::fs::read_to_string(path).expect("README.md");
    let (begin, end) = ("<!-- keys:begin -->\n", "<!-- keys:end -->");
    let start = doc.find(begin).expect("begin marker") + begin.len();
    let stop = doc.find(end).expect("end marker");
    let table = markdown_table();
    if doc[start..stop] != table {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let updated = format!("{}{table}{}", &doc[..start], &doc[stop..]);
            std::fs::write(path, updated).expect("write README.md");
        } else {
            panic!("README.md key table is stale; run UPDATE_DOCS=1 cargo test");
        }
    }
}

/// The whole table as Markdown, one section row per context, for the README.
pub fn markdown_table() -> String {
    let mut out = String::from("| Where | Keys | What it does |\n|---|---|---|\n");
    for context in Context::ALL {
        for (keys, help) in help_rows(context) {
            let keys = keys
                .split(' ')
                .map(|k| format!("`{}`", if k == "|" { "\\|" } else { k }))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!("| {} | {keys} | {help} |\n", context.title()));
        }
    }
    let fields = FIELD_EDITS
        .iter()
        .map(|(key, _, _)| format!("`{}`", key.label()))
        .collect::<Vec<_>>()
        .join(" ");
    out.push_str(&format!(
        "| Text fields | {fields} | edit: delete, move, delete word, clear |\n"
    ));
    out
}
