//! The rules that find statements in one clause: a quotation with its cue, a cue with a clause before or after it, a cue with a noun phrase, a colon, a participle, a reporting noun, and reported speech running on in the Konjunktiv. Each names itself and says how sure it is.

mod cue;
mod uncued;

use super::lexicon::Lexicon;
use super::speakers::{Speaker, after, before};
use super::text::{Quote, Word, words};
use crate::model::Mode;
use std::ops::Range;

/// A statement a rule found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Bytes of the article text.
    pub span: Range<usize>,
    pub mode: Mode,
    pub speaker: Speaker,
    pub cue: Option<String>,
    pub rule: &'static str,
    pub confidence: f32,
    /// The date its sentence names, read against the article's date when written.
    pub when: Option<super::when::When>,
}

/// What the rules know of the clauses before: who spoke last, and whether the clause
/// before was reported speech (which Konjunktiv clauses then continue).
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub last_speaker: Option<Speaker>,
    pub reporting: bool,
    /// The speakers and titled names of the clauses before, oldest first.
    pub recent: Vec<Speaker>,
}

/// A cue in a clause: its words (the first, and the last of a separable verb's particle).
pub(super) struct Cue {
    first: usize,
    last: usize,
    text: String,
}

/// The clause's material: text, the clause's range, its words, quotations inside it.
pub(super) struct Clause<'a> {
    text: &'a str,
    range: Range<usize>,
    words: Vec<Word>,
    quotes: Vec<&'a Quote>,
    lexicon: &'a Lexicon,
}

impl Clause<'_> {
    fn w(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    fn in_quote(&self, at: usize) -> bool {
        self.quotes.iter().any(|q| q.start <= at && at < q.end)
    }

    /// The cue starting at word `i`, if any: a one-word cue, or a cue whose further
    /// words follow later in the clause before the next comma or colon (fügte … hinzu).
    fn cue_at(&self, i: usize) -> Option<Cue> {
        if self.in_quote(self.words[i].start) {
            return None;
        }
        let mut best: Option<Cue> = None;
        let word = self.w(i);
        // A cue opening the sentence is capitalised (According to …).
        let lowered = if i == 0 {
            lower_first(word)
        } else {
            String::new()
        };
        // Im Mai hatte Berger gesagt, …: a participle before a comma cues the clause.
        let after = &self.text[self.words[i].end..];
        if after.starts_with(',') && self.lexicon.has("participles", word) {
            return Some(Cue {
                first: i,
                last: i,
                text: word.to_string(),
            });
        }
        let entries = self.lexicon.cues_from(word).iter();
        for entry in entries.chain(self.lexicon.cues_from(&lowered)) {
            let parts: Vec<&str> = entry.split(' ').collect();
            let last = if parts.len() == 1 {
                Some(i)
            } else {
                self.rest_of(i, &parts[1..])
            };
            if let Some(last) = last
                && best.as_ref().is_none_or(|b| last > b.last)
            {
                best = Some(Cue {
                    first: i,
                    last,
                    text: entry.clone(),
                });
            }
        }
        best
    }

    /// Where the words `rest` stand together after word `i`, before a comma or colon.
    fn rest_of(&self, i: usize, rest: &[&str]) -> Option<usize> {
        let stop = self.text[self.words[i].end..self.range.end]
            .find([',', ':'])
            .map_or(self.range.end, |k| self.words[i].end + k);
        (i + 1..self.words.len())
            .take_while(|&j| self.words[j].start < stop)
            .find(|&j| {
                (0..rest.len()).all(|k| {
                    self.words
                        .get(j + k)
                        .is_some_and(|x| x.text(self.text) == rest[k])
                })
            })
            .map(|j| j + rest.len() - 1)
    }

    /// The text after `at` up to the clause's end, cut before `und`/`and` + another cue.
    fn rest_from(&self, at: usize) -> usize {
        for (i, w) in self.words.iter().enumerate() {
            if w.start <= at {
                continue;
            }
            let joined = matches!(w.text(self.text), "und" | "and")
                && i + 1 < self.words.len()
                && self.cue_at(i + 1).is_some();
            let after_comma = i > 0
                && self.text[self.words[i - 1].end..w.start].contains(',')
                && self.cue_at(i).is_some();
            if joined {
                return w.start;
            }
            if after_comma {
                let gap = &self.text[self.words[i - 1].end..w.start];
                return self.words[i - 1].end + gap.find(',').unwrap_or(0);
            }
        }
        self.range.end
    }

    fn has_quote(&self, span: &Range<usize>) -> bool {
        self.quotes
            .iter()
            .any(|q| span.start <= q.start && q.end <= span.end)
    }
}

/// `word` with its first letter in lower case.
fn lower_first(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|f| f.to_lowercase().chain(cs).collect())
        .unwrap_or_default()
}

/// `span` without spaces and closing punctuation at either end.
pub(super) fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    if span.start >= span.end {
        return span.start..span.start;
    }
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end_piece = piece.trim_end_matches(|c: char| c.is_whitespace() || ".,;:–—-".contains(c));
    let end = span.start + end_piece.len();
    start..end.max(start)
}

pub(super) fn reported(clause: &Clause, span: Range<usize>, paraphrase: bool) -> Mode {
    match (clause.has_quote(&span), paraphrase) {
        (true, _) => Mode::Mixed,
        (false, true) => Mode::Paraphrase,
        (false, false) => Mode::Indirect,
    }
}

/// Every statement the rules find in clause `range`, given what came before.
pub fn clause(
    text: &str,
    range: Range<usize>,
    quotes: &[Quote],
    lexicon: &Lexicon,
    context: &mut Context,
) -> Vec<Found> {
    let c = Clause {
        text,
        words: words(text, range.clone()),
        quotes: super::text::within(quotes, &range).iter().collect(),
        range,
        lexicon,
    };
    let last = context.last_speaker.as_ref().map(|s| s.name.clone());
    let mut out = Vec::new();
    if let Some(f) = quotation_first(&c, last.as_deref()) {
        out.push(f);
    } else {
        out.extend(cued(&c, last.as_deref()));
    }
    if out.is_empty()
        && context.reporting
        && let Some(f) =
            uncued::quote_continued(&c, context).or_else(|| uncued::continued(&c, context))
    {
        out.push(f);
    }
    context.reporting = !out.is_empty();
    for f in &mut out {
        if f.speaker.by_role {
            f.speaker = super::roles::resolve(f.speaker.clone(), &context.recent);
            if f.speaker.resolved {
                f.confidence -= 0.1;
            }
        }
        super::roles::remember(&mut context.recent, &f.speaker);
    }
    let mentioned = || super::roles::mentioned(text, &c.words, lexicon, |at| c.in_quote(at));
    let last = out.last().map(|f| f.speaker.clone()).or_else(mentioned);
    if let Some(s) = last {
        if out.is_empty() {
            super::roles::remember(&mut context.recent, &s);
        }
        context.last_speaker = Some(s);
    }
    out
}

/// `»…«, sagte Peskow.` / `"…," he said.`: a clause that opens with a quotation
/// followed by its cue.
fn quotation_first(c: &Clause, last: Option<&str>) -> Option<Found> {
    let q = c.quotes.first()?;
    if trimmed(c.text, c.range.clone()).start != q.start {
        return None;
    }
    let i = c.words.iter().position(|w| w.start >= q.end)?;
    let (speaker, cue) = match c.cue_at(i) {
        Some(cue) => (after(c.text, &c.words, cue.last + 1, c.lexicon), cue),
        None => {
            // Dutch Energy Minister Pieter de Vries told …: a title and a name before it.
            let j = (i..c.words.len().min(i + 8)).find(|&j| c.cue_at(j).is_some())?;
            (before(c.text, &c.words, j, c.lexicon, last), c.cue_at(j)?)
        }
    };
    Some(Found {
        span: trimmed(c.text, q.inner.clone()),
        mode: Mode::Direct,
        speaker: speaker?,
        cue: Some(cue.text),
        rule: "quote-cue-after",
        confidence: 0.9,
        when: None,
    })
}

/// The rules keyed on a cue in the clause, each cue once, left to right.
fn cued(c: &Clause, last: Option<&str>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut from = c.range.start;
    let mut i = 0;
    while i < c.words.len() {
        if c.words[i].start < from {
            i += 1;
            continue;
        }
        let Some(cue) = c.cue_at(i) else {
            i += 1;
            continue;
        };
        let previous = out.last().map(|f| f.speaker.clone());
        if let Some(f) = cue::one_cue(c, &cue, last, previous) {
            from = f.span.end;
            out.push(f);
        }
        i = cue.last + 1;
    }
    if out.is_empty() {
        out.extend(uncued::noun_or_participle(c, last));
    }
    out
}
