//! Locating a statement in its article text: by the pieces of its span, or by finding its text.

use super::PendingDoc;
use super::statement::Rejection;
use crate::model::{Discontinuous, Span};
use std::borrow::Cow;

/// Where a statement lies in its article: in characters, in bytes, and its pieces
/// when there are several.
pub(super) struct Located {
    pub chars: Span,
    pub bytes: Span,
    pub discontinuous: Option<Box<Discontinuous>>,
}

impl PendingDoc {
    /// A statement given a span: each piece inside the article text, no two sharing a
    /// character, their text (joined by one space in the order listed) the statement's
    /// `text`. Pieces listed out of text order stay in that order.
    pub(super) fn locate_pieces(
        &mut self,
        pieces: &[(i64, i64)],
        text: &str,
    ) -> Result<Located, Rejection> {
        let found = self.piece_spans(pieces)?;
        // The statement's range runs from its first character to its last in text
        // order, whatever order the pieces are listed in.
        let first = found.iter().min_by_key(|(c, _)| c.start);
        let last = found.iter().max_by_key(|(c, _)| c.end);
        let Some((&(first_c, first_b), &(last_c, last_b))) = first.zip(last) else {
            return Err(("span", "an empty list of pieces".into()));
        };
        let article = &self.article.text;
        let piece_text = |b: &Span| &article[b.start as usize..b.end as usize];
        // One piece is compared in place; only several are joined.
        let joined: Cow<'_, str> = match found.as_slice() {
            [(_, b)] => piece_text(b).into(),
            _ => found
                .iter()
                .map(|(_, b)| piece_text(b))
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        };
        if joined != text {
            return Err(("span", mismatch(pieces, &joined, text)));
        }
        let discontinuous = (found.len() > 1).then(|| {
            Box::new(Discontinuous {
                chars: found.iter().map(|(c, _)| *c).collect(),
                bytes: found.iter().map(|(_, b)| *b).collect(),
                text: joined.into_owned().into_boxed_str(),
            })
        });
        Ok(Located {
            chars: Span {
                start: first_c.start,
                end: last_c.end,
            },
            bytes: Span {
                start: first_b.start,
                end: last_b.end,
            },
            discontinuous,
        })
    }

    /// Each piece's span in characters and in bytes, or why one is not a range of the
    /// article text or overlaps another piece.
    fn piece_spans(&mut self, pieces: &[(i64, i64)]) -> Result<Vec<(Span, Span)>, Rejection> {
        let mut found: Vec<(Span, Span)> = Vec::with_capacity(pieces.len());
        for &(start, end) in pieces {
            let range = (start >= 0 && end >= start)
                .then(|| Some((self.byte_of(start as usize)?, self.byte_of(end as usize)?)))
                .flatten();
            let Some((b0, b1)) = range else {
                let len = self.article.text.chars().count();
                return Err((
                    "span",
                    format!(
                        "[{start}, {end}] is not a range inside the article text (0..{len} characters)"
                    ),
                ));
            };
            found.push((
                Span {
                    start: start as u32,
                    end: end as u32,
                },
                Span {
                    start: b0 as u32,
                    end: b1 as u32,
                },
            ));
        }
        let mut sorted: Vec<Span> = found.iter().map(|(c, _)| *c).collect();
        sorted.sort_unstable_by_key(|c| (c.start, c.end));
        if let Some(w) = sorted.windows(2).find(|w| w[1].start < w[0].end) {
            return Err((
                "span",
                format!(
                    "pieces [{}, {}] and [{}, {}] overlap: a character can be in one piece only",
                    w[0].start, w[0].end, w[1].start, w[1].end
                ),
            ));
        }
        Ok(found)
    }

    /// A statement without a span: its text must occur exactly once in the article.
    pub(super) fn locate_text(&self, text: &str) -> Result<Located, Rejection> {
        if text.is_empty() {
            return Err(("text", "empty text without a span".into()));
        }
        let mut hits = self.article.text.match_indices(text);
        let first = hits.next();
        let more = hits.count();
        match first {
            None => Err((
                "text",
                format!("{:?} does not occur in the article text", preview(text)),
            )),
            Some(_) if more > 0 => Err((
                "span",
                format!(
                    "missing, and the text occurs {} times in the article: give a span",
                    more + 1
                ),
            )),
            Some((b0, _)) => {
                let c0 = self.article.text[..b0].chars().count();
                let c1 = c0 + text.chars().count();
                Ok(Located {
                    chars: Span {
                        start: c0 as u32,
                        end: c1 as u32,
                    },
                    bytes: Span {
                        start: b0 as u32,
                        end: (b0 + text.len()) as u32,
                    },
                    discontinuous: None,
                })
            }
        }
    }
}

/// Why the pieces' text is not the statement's `text`.
fn mismatch(pieces: &[(i64, i64)], joined: &str, text: &str) -> String {
    let shown = pieces
        .iter()
        .map(|(s, e)| format!("[{s}, {e}]"))
        .collect::<Vec<_>>()
        .join(", ");
    let joined_note = if pieces.len() > 1 {
        " (pieces joined by one space)"
    } else {
        ""
    };
    format!(
        "{shown} holds {:?}{joined_note} but `text` is {:?}: span and text must agree (offsets count Unicode characters)",
        preview(joined),
        preview(text)
    )
}

/// The first 60 characters of `text`, for messages.
fn preview(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
