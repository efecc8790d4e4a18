//! The rules that find statements in one clause: a quotation with its cue, a cue with a clause before or after it, a cue with a noun phrase, a colon, a participle, a reporting noun, and reported speech running on in the Konjunktiv. Each names itself and says how sure it is.

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
}

/// What the rules know of the clauses before: who spoke last, and whether the clause
/// before was reported speech (which Konjunktiv clauses then continue).
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub last_speaker: Option<Speaker>,
    pub reporting: bool,
}

/// A cue in a clause: its words (the first, and the last of a separable verb's particle).
struct Cue {
    first: usize,
    last: usize,
    text: String,
}

/// The clause's material: text, the clause's range, its words, quotations inside it.
struct Clause<'a> {
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
        let entries = self.lexicon.entries("cue-verbs").iter();
        for entry in entries.chain(self.lexicon.entries("source-first")) {
            let parts: Vec<&str> = entry.split(' ').collect();
            // A cue opening the sentence is capitalised (According to …).
            let word = self.w(i);
            let opening = i == 0 && lower_first(word) == parts[0];
            if word != parts[0] && !opening {
                continue;
            }
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
fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end_piece = piece.trim_end_matches(|c: char| c.is_whitespace() || ".,;:–—-".contains(c));
    let end = span.start + end_piece.len();
    start..end.max(start)
}

fn reported(clause: &Clause, span: Range<usize>, paraphrase: bool) -> Mode {
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
        && let Some(f) = quote_continued(&c, context).or_else(|| continued(&c, context))
    {
        out.push(f);
    }
    context.reporting = !out.is_empty();
    if let Some(f) = out.last() {
        context.last_speaker = Some(f.speaker.clone());
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
            let j = (i..c.words.len().min(i + 6)).find(|&j| c.cue_at(j).is_some())?;
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
        if let Some(f) = one_cue(c, &cue, last, previous) {
            from = f.span.end;
            out.push(f);
        }
        i = cue.last + 1;
    }
    if out.is_empty() {
        out.extend(noun_or_participle(c, last));
    }
    out
}

/// One cue: what follows or precedes it decides the rule.
fn one_cue(c: &Clause, cue: &Cue, last: Option<&str>, previous: Option<Speaker>) -> Option<Found> {
    let text = c.text;
    let cue_start = c.words[cue.first].start;
    let cue_end = c.words[cue.last].end;
    let before_cue = text[c.range.start..cue_start].trim_end();
    let after_cue = &text[cue_end..c.range.end];
    let joined = cue.first > 0 && matches!(c.w(cue.first - 1), "und" | "and");
    let named_before = || {
        if joined {
            previous.clone()
        } else {
            before(text, &c.words, cue.first, c.lexicon, last)
        }
    };
    let found = |span: Range<usize>, mode, speaker, rule, confidence| {
        let span = trimmed(text, span);
        (span.len() > 2).then(|| Found {
            span,
            mode,
            speaker,
            cue: Some(cue.text.clone()),
            rule,
            confidence,
        })
    };
    // CLAUSE, sagte Peskow. / CLAUSE, teilte das Ministerium mit.
    if before_cue.ends_with(',') && !joined {
        let speaker = after(text, &c.words, cue.first + 1, c.lexicon)?;
        let span = c.range.start..c.range.start + before_cue.len() - 1;
        let whole_quote = c
            .quotes
            .iter()
            .find(|q| trimmed(text, span.clone()) == (q.start..q.end));
        return match whole_quote {
            Some(q) => found(
                q.inner.clone(),
                Mode::Direct,
                speaker,
                "quote-cue-after",
                0.9,
            ),
            None => {
                let mode = reported(c, span.clone(), false);
                found(span, mode, speaker, "clause-cue-after", 0.75)
            }
        };
    }
    // According to the Interior Ministry, CLAUSE
    if c.lexicon.has("source-first", &cue.text) {
        let speaker = after(text, &c.words, cue.last + 1, c.lexicon)?;
        let name_end = text[cue_end..c.range.end]
            .find(speaker.name.as_str())
            .map(|k| cue_end + k + speaker.name.len())?;
        // According to X, CLAUSE / Nach Angaben der Agentur X CLAUSE
        let start = if text[name_end..].trim_start().starts_with(',') {
            name_end + text[name_end..].find(',')? + 1
        } else {
            name_end
        };
        let end = c.rest_from(start);
        let mode = reported(c, start..end, false);
        return found(start..end, mode, speaker, "source-first", 0.7);
    }
    // CLAUSE, officials said. / »…«, Ukrainian negotiator Olena Bondar said.
    if !joined
        && let Some(comma) = before_cue.rfind(',')
        && !c.in_quote(c.range.start + comma)
    {
        let between = &before_cue[comma + 1..];
        let count = between.split_whitespace().count();
        if (1..=5).contains(&count)
            && between.split_whitespace().all(|w| !w.ends_with([',', '.']))
            && let Some(speaker) = named_before()
            && after_cue
                .trim()
                .trim_end_matches(['.', '!', '?'])
                .is_empty()
        {
            let span = c.range.start..c.range.start + comma;
            let whole = c
                .quotes
                .iter()
                .find(|q| trimmed(text, span.clone()) == (q.start..q.end));
            return match whole {
                Some(q) => found(
                    q.inner.clone(),
                    Mode::Direct,
                    speaker,
                    "quote-speaker-cue",
                    0.85,
                ),
                None => {
                    let mode = reported(c, span.clone(), false);
                    found(span, mode, speaker, "clause-speaker-cue", 0.7)
                }
            };
        }
    }
    let speaker = named_before()?;
    let confidence = if speaker.resolved { 0.1 } else { 0.0 };
    // Peskow sagte, CLAUSE / he said that CLAUSE / stellte in Frage: CLAUSE
    let gap = after_cue.trim_start();
    let mut start = cue_end + (after_cue.len() - gap.len());
    // sagte, … / sagte am Mittwoch, …: a comma right after the cue or a few words on.
    let opener = gap.split_whitespace().next().unwrap_or("");
    let adverbial = gap.find(',').filter(|&k| {
        let words_before = gap[..k].split_whitespace().count();
        k == 0
            || words_before <= 3
                && c.lexicon.has("adverbial-openers", opener)
                && !c.in_quote(start + k)
                && !gap[..k].contains([':', '»', '"', '“', '„'])
    });
    let comma = gap.starts_with(':') || adverbial.is_some();
    if let Some(k) = adverbial {
        start += k + 1;
    } else if comma {
        start += 1;
    }
    let rest = &text[start..c.range.end];
    // ... sagte, dass CLAUSE / said on Tuesday that CLAUSE / told reporters that CLAUSE
    let next_words: Vec<&Word> = c
        .words
        .iter()
        .filter(|w| w.start >= start)
        .take(6)
        .collect();
    let before_comma = |w: &&&Word| !text[start..w.start].contains([',', ':']);
    if let Some(conj) = next_words
        .iter()
        .take_while(before_comma)
        .find(|w| matches!(w.text(text), "dass" | "that"))
    {
        let start = conj.end;
        let end = c.rest_from(start);
        let mode = reported(c, start..end, false);
        return found(
            start..end,
            mode,
            speaker,
            "cue-that-clause",
            0.8 - confidence,
        );
    }
    if comma {
        let end = c.rest_from(start);
        if let Some(q) = c
            .quotes
            .iter()
            .find(|q| trimmed(text, start..end) == (q.start..q.end))
        {
            return found(
                q.inner.clone(),
                Mode::Direct,
                speaker,
                "cue-quote",
                0.9 - confidence,
            );
        }
        let mode = reported(c, start..end, false);
        return found(
            start..end,
            mode,
            speaker,
            "cue-comma-clause",
            0.8 - confidence,
        );
    }
    if let Some(colon) = rest.find(':') {
        let start = start + colon + 1;
        let end = c.rest_from(start);
        let mode = reported(c, start..end, false);
        return found(start..end, mode, speaker, "cue-colon", 0.7 - confidence);
    }
    if c.lexicon.has("paraphrase-verbs", &cue.text)
        || c.lexicon.has("paraphrase-verbs", c.w(cue.first))
    {
        let end = c.rest_from(start);
        let mode = reported(c, start..end, true);
        return found(
            start..end,
            mode,
            speaker,
            "cue-noun-phrase",
            0.6 - confidence,
        );
    }
    if c.lexicon.has("bare-clause-cues", &cue.text) {
        let end = c.rest_from(start);
        let mode = reported(c, start..end, false);
        return found(
            start..end,
            mode,
            speaker,
            "cue-bare-clause",
            0.6 - confidence,
        );
    }
    None
}

/// Without a cue verb: `Putin hatte NP … erklärt`, `Kritisiert wurde …, dass …`,
/// `Die Ankündigung von X, CLAUSE,`, `aus London gab es Erklärungen, CLAUSE`.
fn noun_or_participle(c: &Clause, last: Option<&str>) -> Option<Found> {
    let text = c.text;
    let n = c.words.len();
    if n < 3 {
        return None;
    }
    let lex = c.lexicon;
    let found = |span: Range<usize>, paraphrase, speaker, cue: &str, rule, confidence| {
        let span = trimmed(text, span);
        (span.len() > 2).then(|| Found {
            mode: reported(c, span.clone(), paraphrase),
            span,
            speaker,
            cue: Some(cue.to_string()),
            rule,
            confidence,
        })
    };
    // Putin hatte die Ablehnung … erklärt
    if lex.has("participles", c.w(n - 1))
        && let Some(aux) = (1..n - 1).find(|&i| lex.has("auxiliaries", c.w(i)))
        && let Some(speaker) = before(text, &c.words, aux, lex, last)
    {
        let span = c.words[aux].end..c.words[n - 1].start;
        return found(span, true, speaker, c.w(n - 1), "subject-participle", 0.5);
    }
    // Kritisiert wurde …, dass …
    if lex.has("passive-cues", c.w(0))
        && let Some(k) = text[c.range.clone()].find(", dass ")
    {
        let speaker = Speaker {
            name: "unnamed".into(),
            role: None,
            principal: None,
            resolved: true,
        };
        let start = c.range.start + k + ", dass ".len();
        return found(
            start..c.range.end,
            false,
            speaker,
            c.w(0),
            "passive-cue",
            0.4,
        );
    }
    for i in 0..n {
        if !lex.has("reporting-nouns", c.w(i)) {
            continue;
        }
        let after_noun = &text[c.words[i].end..c.range.end];
        // Die Ankündigung von US-Präsident Donald Trump, CLAUSE, …
        if after_noun.starts_with(" von ") || after_noun.starts_with(" by ") {
            let speaker = after(text, &c.words, i + 2, lex)?;
            let name_end = c.words[i].end + after_noun.find(',')?;
            let start = name_end + 1;
            let end = text[start..c.range.end]
                .find(", ")
                .map_or(c.range.end, |k| start + k);
            return found(start..end, true, speaker, c.w(i), "reporting-noun", 0.5);
        }
        // aus London gab es Erklärungen, CLAUSE
        if after_noun.starts_with(',')
            && let Some(j) = (0..i).find(|&j| matches!(c.w(j), "aus" | "from"))
            && let Some(speaker) = after(text, &c.words, j + 1, lex)
        {
            let start = c.words[i].end + 1;
            return found(
                start..c.range.end,
                true,
                speaker,
                c.w(i),
                "reporting-noun",
                0.5,
            );
        }
    }
    None
}

/// A quotation standing alone right after a statement: the same speaker goes on
/// (`"…," Keller told reporters. "Our partners know where we stand."`).
fn quote_continued(c: &Clause, context: &Context) -> Option<Found> {
    let q = c.quotes.first()?;
    let whole = trimmed(c.text, c.range.clone());
    if whole != (q.start..q.end) && whole != (q.start..q.end.saturating_sub(0)) {
        let rest = &c.text[q.end..c.range.end];
        if !rest
            .trim()
            .trim_matches(|ch: char| ".!?".contains(ch))
            .is_empty()
            || whole.start != q.start
        {
            return None;
        }
    }
    let speaker = context.last_speaker.clone()?;
    Some(Found {
        span: trimmed(c.text, q.inner.clone()),
        mode: Mode::Direct,
        speaker: Speaker {
            resolved: true,
            ..speaker
        },
        cue: None,
        rule: "quote-continuation",
        confidence: 0.7,
    })
}

/// Reported speech running on: a clause with no cue in the Konjunktiv, after one that
/// was reported, by the same speaker.
fn continued(c: &Clause, context: &Context) -> Option<Found> {
    let speaker = context.last_speaker.clone()?;
    let konjunktiv = (0..c.words.len())
        .any(|i| c.lexicon.has("konjunktiv", c.w(i)) && !c.in_quote(c.words[i].start));
    if !konjunktiv {
        return None;
    }
    let span = trimmed(c.text, c.range.clone());
    Some(Found {
        mode: reported(c, span.clone(), false),
        span,
        speaker: Speaker {
            resolved: true,
            ..speaker
        },
        cue: None,
        rule: "konjunktiv-continuation",
        confidence: 0.6,
    })
}
