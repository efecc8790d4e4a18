//! A caret in an article's text (`v` in the detail view), moved by character, word and sentence; `v` drops an anchor, and the text between anchor and caret becomes a new statement (`c` or Enter opens its form).

use super::form::StatementForm;
use super::{DetailPage, Overlay, State};
use crate::model::{ArticleId, Span};
use crate::tui::action::Effect;

/// The caret and anchor, in characters of the article text (a caret stands before
/// the character of its number; the text's length is its end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub article: ArticleId,
    pub caret: usize,
    pub anchor: Option<usize>,
    /// The detail page Esc goes back to.
    pub page: DetailPage,
}

impl TextSelection {
    /// The selected characters, whitespace at either end left out; `None` when no
    /// anchor is dropped or nothing but whitespace is between.
    pub fn span(&self, text: &[char]) -> Option<Span> {
        let anchor = self.anchor?;
        let (mut a, mut b) = (anchor.min(self.caret), anchor.max(self.caret));
        while a < b && text[a].is_whitespace() {
            a += 1;
        }
        while b > a && text[b - 1].is_whitespace() {
            b -= 1;
        }
        (a < b).then_some(Span {
            start: a as u32,
            end: b as u32,
        })
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// The start of the next word after `at` (or the end).
pub fn next_word(text: &[char], mut at: usize) -> usize {
    while at < text.len() && is_word(text[at]) {
        at += 1;
    }
    while at < text.len() && !is_word(text[at]) {
        at += 1;
    }
    at
}

/// The start of the word before `at` (or of the one `at` is inside).
pub fn prev_word(text: &[char], mut at: usize) -> usize {
    while at > 0 && !is_word(text[at - 1]) {
        at -= 1;
    }
    while at > 0 && is_word(text[at - 1]) {
        at -= 1;
    }
    at
}

/// Whether a sentence starts at `at`: the text's start, or after `.`, `!`, `?` (and
/// closing quotation marks) and whitespace, or after a blank line.
fn starts_sentence(text: &[char], at: usize) -> bool {
    if at == 0 {
        return true;
    }
    if at >= text.len() || text[at].is_whitespace() || !text[at - 1].is_whitespace() {
        return false;
    }
    let mut i = at;
    while i > 0 && text[i - 1].is_whitespace() {
        i -= 1;
    }
    while i > 0 && matches!(text[i - 1], '"' | '“' | '”' | '«' | '»' | '\'' | ')') {
        i -= 1;
    }
    i == 0 || matches!(text[i - 1], '.' | '!' | '?' | ':') || text[i..at].contains(&'\n')
}

/// The start of the next sentence (or the end).
pub fn next_sentence(text: &[char], at: usize) -> usize {
    (at + 1..text.len())
        .find(|&i| starts_sentence(text, i))
        .unwrap_or(text.len())
}

/// The start of the sentence `at` is in, or of the one before if `at` starts one.
pub fn prev_sentence(text: &[char], at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&i| starts_sentence(text, i))
        .unwrap_or(0)
}

impl State<'_> {
    fn article_chars(&self, article: ArticleId) -> Vec<char> {
        self.store.article(article).text.chars().collect()
    }

    /// `v` in the detail view: the caret at the start of the statement shown.
    pub(super) fn open_selection(&mut self) -> Option<Effect> {
        let Some(Overlay::Detail(page)) = self.overlay else {
            return None;
        };
        let id = self.list.current()?;
        self.selection = Some(TextSelection {
            article: self.store.article_of(id),
            caret: self.store.chars(id).start as usize,
            anchor: None,
            page,
        });
        self.overlay = Some(Overlay::Select);
        self.say(
            "Move with h l (letter), w b (word), ) ( (sentence); v marks the start; c makes the statement".into(),
            false,
        );
        None
    }

    /// Moves the caret with `to` (given the text and the caret).
    pub(super) fn move_caret(&mut self, to: fn(&[char], usize) -> usize) -> Option<Effect> {
        let sel = self.selection?;
        let text = self.article_chars(sel.article);
        let caret = to(&text, sel.caret).min(text.len());
        self.selection = Some(TextSelection { caret, ..sel });
        None
    }

    /// `v`: drops the anchor at the caret, or picks it up again.
    pub(super) fn toggle_anchor(&mut self) -> Option<Effect> {
        let sel = self.selection.as_mut()?;
        sel.anchor = match sel.anchor {
            Some(_) => None,
            None => Some(sel.caret),
        };
        None
    }

    /// `c` or Enter: the form for a new statement over the selection.
    pub(super) fn form_from_selection(&mut self) -> Option<Effect> {
        let sel = self.selection?;
        let text = self.article_chars(sel.article);
        let Some(span) = sel.span(&text) else {
            self.say(
                "Select the text first: v at its start, then move to its end".into(),
                true,
            );
            return None;
        };
        let form = StatementForm::new_at(self.store, sel.article, span, Some(Overlay::Select));
        self.form = Some(form);
        self.overlay = Some(Overlay::Form);
        None
    }

    /// Esc: back to the detail view.
    pub(super) fn close_selection(&mut self) -> Option<Effect> {
        let sel = self.selection.take()?;
        self.overlay = Some(Overlay::Detail(sel.page));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn words_and_sentences_are_found_from_the_caret() {
        let t = chars("Er sagte: „Wir sind bereit.“ Dann ging er. Ende");
        assert_eq!(next_word(&t, 0), 3);
        assert_eq!(prev_word(&t, 3), 0);
        assert_eq!(prev_word(&t, 5), 3, "inside a word: its start");
        let second = next_sentence(&t, 0);
        assert_eq!(t[second], '„', "a colon ends the reporting clause");
        let third = next_sentence(&t, second);
        assert_eq!(&t[third..third + 4], &chars("Dann")[..]);
        assert_eq!(prev_sentence(&t, third + 2), third);
        assert_eq!(prev_sentence(&t, third), second);
        assert_eq!(next_sentence(&t, t.len() - 1), t.len());
    }

    #[test]
    fn the_span_runs_from_anchor_to_caret_without_the_spaces_around() {
        let t = chars("a  word  b");
        let sel = |anchor, caret| TextSelection {
            article: ArticleId(0),
            caret,
            anchor,
            page: DetailPage::default(),
        };
        assert_eq!(sel(None, 3).span(&t), None);
        assert_eq!(sel(Some(1), 9).span(&t), Some(Span { start: 3, end: 7 }));
        assert_eq!(
            sel(Some(9), 1).span(&t),
            Some(Span { start: 3, end: 7 }),
            "backwards"
        );
        assert_eq!(sel(Some(1), 3).span(&t), None, "only spaces");
    }
}
