//! The help overlay's text, generated from the keymap: the current context's keys first,
//! then every other context, then the mouse. Drawing styles it; scrolling counts it.

use super::keymap::{self, Context, FIELD_EDITS};

/// One row of the help text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpLine {
    /// "Other contexts": the contexts that do not have the keyboard now follow.
    Others,
    Heading(&'static str),
    /// Keys (`j ↓`) and what they do.
    Row(String, &'static str),
    Blank,
    /// How the mouse works.
    Mouse(&'static str),
}

const MOUSE: &str = "  click a row to focus its pane and select it, a bar to jump to its period, the filter bar to edit it, a finder match to jump to it; the wheel scrolls";

/// The help text for a help opened from `current`.
pub fn lines(current: Context) -> Vec<HelpLine> {
    let live = current.stack();
    let mut order = live.clone();
    order.extend(Context::ALL.iter().copied().filter(|c| !live.contains(c)));
    let mut out = Vec::new();
    for (n, ctx) in order.into_iter().enumerate() {
        if n == live.len() {
            out.push(HelpLine::Others);
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(ctx.title()));
        for (keys, help) in keymap::help_rows(ctx) {
            out.push(HelpLine::Row(keys, help));
        }
        if ctx.is_text_field() {
            for (key, _, help) in FIELD_EDITS {
                out.push(HelpLine::Row(key.label(), help));
            }
        }
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Heading("Mouse"));
    out.push(HelpLine::Mouse(MOUSE));
    out
}
