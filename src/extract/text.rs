//! An article's text cut for the rules: quotations (every style German and English news use), sentences (never cut inside a quotation), clauses between semicolons, and words, all as byte ranges into the text.

use super::lexicon::Lexicon;
use std::ops::Range;

/// A quotation: the byte ranges of its opening mark, its inside and its closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub inner: Range<usize>,
    pub end: usize,
}

/// The closing mark of an opening one.
fn closer(open: char) -> Option<char> {
    Some(match open {
        '»' => '«',
        '«' => '»',
        '„' => '“',
        '“' => '”',
        '‚' => '‘',
        '"' => '"',
        '\'' => '\'',
        _ => return None,
    })
}

/// Every quotation, in order, not nested. A straight `'` opens only after a space or
/// the start and closes only before a non-letter (so that "Russia's" stays a word). A
/// quotation left open at a paragraph's end runs on when the next paragraph opens again
/// with the same mark (as English news writes a quote over paragraphs); else it is dropped.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char, char)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|x| x.1);
        match open {
            Some((start, mark, close)) => {
                let letter_after = after.is_some_and(char::is_alphanumeric);
                if c == close && !(close == '\'' && letter_after) {
                    out.push(Quote {
                        start,
                        inner: start + mark.len_utf8()..i,
                        end: i + c.len_utf8(),
                    });
                    open = None;
                } else if c == '\n' && after == Some('\n') {
                    // A paragraph ends inside the quotation: it runs on only if the
                    // next paragraph opens with the same mark.
                    let next = chars[k + 1..].iter().find(|x| !x.1.is_whitespace());
                    match next {
                        Some(&(j, m)) if m == mark => {
                            k += 1 + chars[k + 1..].iter().position(|x| x.0 == j).unwrap_or(0);
                        }
                        _ => open = None,
                    }
                }
            }
            None => {
                let straight_ok =
                    c != '\'' || before.is_none_or(|b| b.is_whitespace() || "([–—".contains(b));
                if let Some(close) = closer(c)
                    && straight_ok
                    && after.is_some_and(|a| !a.is_whitespace())
                {
                    open = Some((i, c, close));
                }
            }
        }
        k += 1;
    }
    out
}

/// Whether byte `at` is inside one of `quotes` (marks included).
pub fn quoted(quotes: &[Quote], at: usize) -> bool {
    // Quotations are in order and apart: the one that could hold `at` is found by halving.
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).is_some_and(|q| q.start <= at)
}

/// The quotations wholly inside `range`.
pub fn within<'a>(quotes: &'a [Quote], range: &Range<usize>) -> &'a [Quote] {
    let from = quotes.partition_point(|q| q.start < range.start);
    let to = quotes.partition_point(|q| q.end <= range.end).max(from);
    &quotes[from..to]
}

/// The quotation whose inside ends at `at`, if any.
fn ending_inside_at(quotes: &[Quote], at: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.inner.end < at);
    quotes.get(i).filter(|q| q.inner.end == at)
}

/// The sentences of `text`: cut after `.`, `!` or `?` (and the closing marks after it)
/// when the next word starts with a capital, a digit or a quotation mark, never after an
/// abbreviation of the lexicon, a lone letter or an ordinal date (11. Juni), nor inside a
/// quotation; and at
/// every line break. Leading and trailing spaces are not part of a sentence.
pub fn sentences(text: &str, quotes: &[Quote], lexicon: &Lexicon) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let cut = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(from + lead..to - trail);
        }
    };
    for (i, c) in text.char_indices() {
        if i < start {
            continue;
        }
        if c == '\n' {
            cut(start, i, &mut out);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Past the closing marks that follow: »…Ukraine.«
        let mut end = i + 1;
        while let Some(q) = ending_inside_at(quotes, end).filter(|q| q.end > end) {
            end = q.end;
        }
        let closes_quote = end > i + 1;
        if quoted(quotes, i) && !closes_quote {
            continue;
        }
        let rest = &text[end..];
        let next = rest.trim_start().chars().next();
        let starts_new =
            next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || closer(n).is_some());
        if !starts_new {
            continue;
        }
        if c == '.' && !ends_sentence(text, i, lexicon) {
            continue;
        }
        cut(start, end, &mut out);
        start = end;
    }
    cut(start, text.len(), &mut out);
    out
}

/// Whether the `.` at `dot` ends a sentence: not after an abbreviation, a lone letter or
/// a day before its month.
fn ends_sentence(text: &str, dot: usize, lexicon: &Lexicon) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| i + 1);
    let word = &text[word_start..dot + 1];
    let bare = &word[..word.len() - 1];
    if lexicon.has("abbreviations", word) {
        return false;
    }
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && bare.chars().count() == 1 {
        return false;
    }
    // A number ends a sentence (said on June 3. Braddock …), unless a month follows
    // it: an ordinal date (am 11. Juni).
    let number = !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit());
    if !number {
        return true;
    }
    let rest = text[dot + 1..].trim_start();
    let next = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    lexicon.number("months", next).is_none()
}

/// `sentence` cut at semicolons outside quotations.
pub fn clauses(text: &str, sentence: Range<usize>, quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    for (i, c) in text[sentence.clone()].char_indices() {
        let at = sentence.start + i;
        if c == ';' && !quoted(quotes, at) && at >= start {
            if at > start {
                out.push(start..at);
            }
            start = at + 1;
            while start < sentence.end && text[start..].starts_with(' ') {
                start += 1;
            }
        }
    }
    if start < sentence.end {
        out.push(start..sentence.end);
    }
    out
}

/// A word: letters, digits, hyphens and apostrophes inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// The words of `range`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let piece = &text[range.clone()];
    let mut prev: Option<char> = None;
    for (i, c) in piece.char_indices() {
        let at = range.start + i;
        let inner = (c == '-' || c == '\'' || c == '’' || c == '.')
            && prev.is_some_and(char::is_alphanumeric)
            && piece[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner && start.is_some() {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(Word { start: s, end: at });
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: range.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner<'a>(text: &'a str, q: &Quote) -> &'a str {
        &text[q.inner.clone()]
    }

    #[test]
    fn every_quotation_style_is_found() {
        let text = "A »eins« B „zwei“ C “three” D \"four\" E «cinq» F ‚sechs‘ G 'seven' H Russia's";
        let q = quotes(text);
        let found: Vec<&str> = q.iter().map(|q| inner(text, q)).collect();
        assert_eq!(
            found,
            ["eins", "zwei", "three", "four", "cinq", "sechs", "seven"]
        );
    }

    #[test]
    fn a_quotation_runs_over_paragraphs_when_reopened() {
        let text = "“First part.\n\n“Second part,” he said.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert!(inner(text, &q[0]).contains("Second part,"));
        let broken = "“Never closed.\n\nNext paragraph.";
        assert!(quotes(broken).is_empty());
    }

    /// The sentences of `text` in `language`, as text.
    fn split<'a>(text: &'a str, language: &str) -> Vec<&'a str> {
        let q = quotes(text);
        sentences(text, &q, &Lexicon::builtin(language))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_number_ends_a_sentence_unless_a_month_follows() {
        let text = "Braddock said on June 3. Braddock warned on 4. June.";
        let s = split(text, "en");
        assert_eq!(
            s,
            ["Braddock said on June 3.", "Braddock warned on 4. June."]
        );
    }

    #[test]
    fn sentences_are_not_cut_after_days_abbreviations_or_inside_quotes() {
        let text = "Am 13. Februar sprach Dr. Meier. »Wir gehen. Jetzt«, sagte er. Dann ging er.";
        let s = split(text, "de");
        assert_eq!(
            s,
            [
                "Am 13. Februar sprach Dr. Meier.",
                "»Wir gehen. Jetzt«, sagte er.",
                "Dann ging er."
            ]
        );
    }

    #[test]
    fn words_keep_hyphens_and_apostrophes_inside() {
        let text = "NATO-Generalsekretär Mark Rutte's U.S. plan";
        let w: Vec<&str> = words(text, 0..text.len())
            .iter()
            .map(|w| w.text(text))
            .collect();
        assert_eq!(
            w,
            ["NATO-Generalsekretär", "Mark", "Rutte's", "U.S", "plan"]
        );
    }
}
