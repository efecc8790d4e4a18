//! Mode inference: whether quotation marks enclose an attribution's content, or a fragment of it.

use crate::model::Mode;

/// Quotation mark pairs: opening, closing.
const QUOTES: &[(char, char)] = &[
    ('"', '"'),
    ('“', '”'),
    ('„', '“'),
    ('„', '”'),
    ('«', '»'),
    ('»', '«'),
    ('‹', '›'),
    ('›', '‹'),
    ('\'', '\''),
    ('‘', '’'),
    ('‚', '‘'),
    ('”', '”'),
    ('「', '」'),
];

/// The mode of content spanning `start..end` (characters) of `text` when no attribute
/// gives it: `direct` when quotation marks enclose it (inside or just outside the span,
/// allowing one punctuation mark before the closing one), `mixed` when it holds a
/// quoted fragment, else `indirect`.
pub fn infer_mode(chars: &[char], start: usize, end: usize) -> Mode {
    let inner = chars.get(start..end).unwrap_or_default();
    let trimmed: Vec<char> = {
        let s = inner
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(inner.len());
        let e = inner
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(s, |e| e + 1);
        inner[s..e.max(s)].to_vec()
    };
    let pair = |open: char, close: char| QUOTES.contains(&(open, close));
    if trimmed.len() >= 2 && pair(trimmed[0], trimmed[trimmed.len() - 1]) {
        return Mode::Direct;
    }
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = |i: usize| chars.get(i).copied();
    if let Some(open) = before {
        let close = match after(end) {
            Some(',' | '.' | '!' | '?' | ';' | ':') => after(end + 1),
            c => c,
        };
        if close.is_some_and(|close| pair(open, close))
            || after(end).is_some_and(|close| pair(open, close))
        {
            return Mode::Direct;
        }
    }
    let opens = trimmed
        .iter()
        .position(|&c| QUOTES.iter().any(|(o, _)| *o == c));
    if let Some(o) = opens {
        let open = trimmed[o];
        if trimmed[o + 1..].iter().any(|&c| pair(open, c)) {
            return Mode::Mixed;
        }
    }
    Mode::Indirect
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode_of(text: &str, inner: &str) -> Mode {
        let chars: Vec<char> = text.chars().collect();
        let byte = text.find(inner).expect("inner in text");
        let start = text[..byte].chars().count();
        infer_mode(&chars, start, start + inner.chars().count())
    }

    #[test]
    fn quotation_marks_around_the_content_make_it_direct() {
        assert_eq!(
            mode_of("He said: „Wir gehen.“ Dann", "Wir gehen."),
            Mode::Direct
        );
        assert_eq!(
            mode_of("“We are ready,” she said", "We are ready"),
            Mode::Direct
        );
        assert_eq!(
            mode_of("«Nous partons» dit-il", "«Nous partons»"),
            Mode::Direct
        );
        assert_eq!(
            mode_of("He said they would go.", "they would go"),
            Mode::Indirect
        );
        assert_eq!(
            mode_of(
                "He called it “regrettable” today.",
                "it “regrettable” today"
            ),
            Mode::Mixed
        );
    }
}
