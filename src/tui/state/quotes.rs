//! The quotes pane: how tall each statement card is, which card is at the top, its clicks and the translation toggle.

use super::State;
use crate::model::{Mode, Stance, StatementId};
use crate::store::Store;
use crate::tui::action::Effect;
use crate::tui::text::{clean, width as width_of, wrap};
use ratatui::layout::{Position, Rect};

/// Lines of statement text a card shows before `…`.
pub const TEXT_LINES: usize = 4;
/// Lines of topics a card shows (when they go below the header) before `…`.
pub const TOPIC_LINES: usize = 2;
/// Lines of translation a card shows before `…`.
pub const TRANSLATION_LINES: usize = 3;
/// Columns cards are indented by.
pub const INDENT: u16 = 2;

#[derive(Clone, Debug, Default)]
pub struct QuotesPane {
    /// Index (into the statement list) of the first card shown.
    pub offset: usize,
}

/// The text a card shows: direct quotes inside quotation marks (unless the span
/// already holds its own).
pub fn card_text(store: &Store, id: StatementId) -> String {
    let text = store.text(id);
    let quoted = |t: &str| t.starts_with(['"', '„', '“', '»', '«', '‚', '‘']);
    match store.mode(id) {
        Mode::Direct if quoted(text.trim()) => text.trim().to_string(),
        Mode::Direct => format!("“{}”", text.trim()),
        Mode::Indirect | Mode::Mixed | Mode::Paraphrase => text.trim().to_string(),
    }
}

/// Columns of a card's header before the speaker: mark, date, mode.
pub const HEAD: usize = 2 + 13 + 11;

/// The speaker, "for" the principal when there is one, cleaned.
pub fn speaker_label(store: &Store, id: StatementId) -> String {
    let (speaker, principal) = store.parties_of(id);
    let mut label = clean(&store.actor(speaker).name);
    if let Some(p) = principal {
        let principal = clean(&store.actor(p).name);
        // A spokesperson named after the principal (Sprecher des Kreml) says it already.
        if !label.ends_with(&principal) {
            label = format!("{label} for {principal}");
        }
    }
    // Who coded it, where one text has several annotation sets: those who marked it too.
    let markers = crate::compare::agree::markers(store, id);
    if !markers.is_empty() {
        label.push_str(&format!(" [{}]", clean(&markers.join("+"))));
    }
    label
}

/// The topics with their stance (+ supports, − opposes, · neutral), cleaned.
pub fn topics_label(store: &Store, id: StatementId) -> String {
    let topics: Vec<String> = store
        .topics_of(id)
        .iter()
        .map(|t| {
            let sign = match t.stance {
                Stance::Supports => '+',
                Stance::Opposes => '−',
                Stance::Neutral => '·',
            };
            format!("{sign}{}", clean(store.topic(t.topic)))
        })
        .collect();
    topics.join(" ")
}

/// A card's lines below its header, for a pane `width` wide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardLines {
    /// The topics when they do not fit beside the speaker (narrow panes, many topics):
    /// on lines of their own rather than cut or dropped.
    pub topics: Vec<String>,
    pub text: Vec<String>,
    pub english: Vec<String>,
}

/// Whether the topics fit whole in the header beside the (truncated) speaker.
pub fn topics_fit_beside(store: &Store, id: StatementId, width: u16) -> bool {
    let w = width as usize;
    let speaker = width_of(&speaker_label(store, id)).min(w.saturating_sub(HEAD));
    width_of(&topics_label(store, id)) + 3 + HEAD + speaker <= w
}

/// The wrapped lines of a card's topics (when not in the header), text and
/// translation, for a pane `width` wide.
pub fn card_lines(store: &Store, id: StatementId, width: u16, translation: bool) -> CardLines {
    let w = width.saturating_sub(INDENT) as usize;
    let topics = if topics_fit_beside(store, id, width) {
        Vec::new()
    } else {
        wrap(&topics_label(store, id), w, TOPIC_LINES)
    };
    let text = wrap(&card_text(store, id), w, TEXT_LINES);
    let english = match (translation, store.translation(id)) {
        (true, Some(t)) => wrap(&format!("EN: {t}"), w, TRANSLATION_LINES),
        (true, None) => vec!["EN: (no translation)".to_string()],
        (false, _) => Vec::new(),
    };
    CardLines {
        topics,
        text,
        english,
    }
}

/// Rows a card takes: header, topics, text, translation, a blank line.
pub fn card_height(store: &Store, id: StatementId, width: u16, translation: bool) -> usize {
    let lines = card_lines(store, id, width, translation);
    2 + lines.topics.len() + lines.text.len() + lines.english.len()
}

impl QuotesPane {
    /// Moves `offset` so the card at `cursor` is fully visible in `height` rows.
    pub fn scroll(
        &mut self,
        store: &Store,
        ids: &[StatementId],
        cursor: usize,
        width: u16,
        height: u16,
        translation: bool,
    ) {
        let height = height as usize;
        if ids.is_empty() {
            self.offset = 0;
            return;
        }
        let cursor = cursor.min(ids.len() - 1);
        self.offset = self.offset.min(cursor);
        // Every card is at least three rows, so more than `height` cards never fit.
        if cursor - self.offset > height {
            self.offset = cursor - height;
        }
        let height_of = |i: usize| card_height(store, ids[i], width, translation);
        let mut used: usize = (self.offset..=cursor).map(height_of).sum();
        while used > height && self.offset < cursor {
            used -= height_of(self.offset);
            self.offset += 1;
        }
        // No blank rows below the last card while earlier cards would fit above: after a
        // filter shortens the list, its first results must not stay above the screen.
        let mut below = 0;
        for i in self.offset..ids.len() {
            below += height_of(i);
            if below > height {
                return;
            }
        }
        while self.offset > 0 && below + height_of(self.offset - 1) <= height {
            self.offset -= 1;
            below += height_of(self.offset);
        }
    }

    /// The list index of the card drawn at `row` rows below the pane's top.
    pub fn hit(
        &self,
        store: &Store,
        ids: &[StatementId],
        row: u16,
        width: u16,
        translation: bool,
    ) -> Option<usize> {
        let mut top = 0;
        for (i, &id) in ids.iter().enumerate().skip(self.offset) {
            let h = card_height(store, id, width, translation);
            if (row as usize) < top + h {
                return Some(i);
            }
            top += h;
        }
        None
    }
}

impl State<'_> {
    /// A click on a card selects its statement (`inner`: the pane inside its border).
    pub(super) fn click_quotes(&mut self, inner: Rect, at: Position) -> Option<Effect> {
        let (ids, dy) = (&self.list.ids, at.y - inner.y);
        if let Some(i) = self
            .quotes
            .hit(self.store, ids, dy, inner.width, self.translation)
        {
            self.list.cursor = i;
        }
        None
    }

    /// Shows or hides the English translations under the cards.
    pub(super) fn toggle_translation(&mut self) -> Option<Effect> {
        self.translation = !self.translation;
        let shown = if self.translation { "shown" } else { "hidden" };
        self.say(format!("Translations {shown}"), false);
        None
    }
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;
