//! Reading the binding table: the action a key means where the keyboard is, the footer hints and the help rows.

use super::{BINDINGS, Context, Key};
use crate::tui::action::{Action, Edit};
use crossterm::event::{KeyCode, KeyEvent};

use KeyCode as K;
const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

/// The edits a text field understands besides typed characters.
#[rustfmt::skip]
pub static FIELD_EDITS: &[(Key, Edit, &str)] = &[
    (
        k(K::Backspace),
        Edit::Backspace,
        "delete the character before the cursor",
    ),
    (
        k(K::Delete),
        Edit::Delete,
        "delete the character under the cursor",
    ),
    (k(K::Left), Edit::Left, "cursor left"),
    (k(K::Right), Edit::Right, "cursor right"),
    (k(K::Home), Edit::Home, "cursor to the start"),
    (k(K::End), Edit::End, "cursor to the end"),
    (
        Key::ctrl('w'),
        Edit::DeleteWord,
        "delete the word before the cursor",
    ),
    (Key::ctrl('u'), Edit::Clear, "clear the field"),
];

/// The action a key means in `context` (innermost binding wins), or a text edit
/// when the context is a text field.
pub fn lookup(context: Context, event: KeyEvent) -> Option<Action> {
    let key = Key::of(event);
    for ctx in context.stack() {
        if let Some(b) = BINDINGS.iter().find(|b| b.context == ctx && b.key == key) {
            return Some(b.action.clone());
        }
    }
    if !context.is_text_field() {
        return None;
    }
    if let Some((_, edit, _)) = FIELD_EDITS.iter().find(|(k, _, _)| *k == key) {
        return Some(Action::Edit(*edit));
    }
    match event.code {
        KeyCode::Char(c) if key.mods.is_empty() => Some(Action::Edit(Edit::Insert(c))),
        _ => None,
    }
}

/// Footer hints for `context`: `key label` pairs, innermost context first.
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    context
        .stack()
        .into_iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == ctx))
        .filter(|b| !b.label.is_empty())
        .map(|b| (b.key.label(), b.label))
        .collect()
}

/// Help rows for one context: every key of an action joined (`j ↓`), with its text.
pub fn help_rows(context: Context) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let mut seen: Vec<&Action> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.context == context) {
        if seen.contains(&&b.action) {
            continue;
        }
        seen.push(&b.action);
        let keys: Vec<String> = BINDINGS
            .iter()
            .filter(|o| o.context == context && o.action == b.action)
            .map(|o| o.key.label())
            .collect();
        rows.push((keys.join(" "), b.help));
    }
    rows
}
