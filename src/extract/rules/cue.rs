//! The rules keyed on one cue verb: the clause before it with the speaker after (or before) it, a source first, or the clause after it (a comma, dass/that, a colon, a noun phrase, a bare clause).

use super::{Clause, Cue, Found, reported, trimmed};
use crate::extract::speakers::{Speaker, after, before};
use crate::extract::text::Word;
use crate::model::Mode;
use std::ops::Range;

/// One cue in its clause, with what is around it.
struct At<'c, 'a> {
    c: &'c Clause<'a>,
    cue: &'c Cue,
    cue_end: usize,
    /// The clause before the cue, trimmed at its end.
    before_cue: &'a str,
    after_cue: &'a str,
    /// The cue follows `und`/`and`: it shares the speaker of the statement before.
    joined: bool,
}

impl At<'_, '_> {
    fn found(
        &self,
        span: Range<usize>,
        mode: Mode,
        speaker: Speaker,
        rule: &'static str,
        confidence: f32,
    ) -> Option<Found> {
        let span = trimmed(self.c.text, span);
        (span.len() > 2).then(|| Found {
            span,
            mode,
            speaker,
            cue: Some(self.cue.text.clone()),
            rule,
            confidence,
            when: None,
        })
    }

    /// `span` as a direct quote when it is exactly one quotation, else reported speech.
    fn quote_or_reported(
        &self,
        span: Range<usize>,
        speaker: Speaker,
        rules: [(&'static str, f32); 2],
    ) -> Option<Found> {
        let whole = self
            .c
            .quotes
            .iter()
            .find(|q| trimmed(self.c.text, span.clone()) == (q.start..q.end));
        match whole {
            Some(q) => self.found(
                q.inner.clone(),
                Mode::Direct,
                speaker,
                rules[0].0,
                rules[0].1,
            ),
            None => {
                let mode = reported(self.c, span.clone(), false);
                self.found(span, mode, speaker, rules[1].0, rules[1].1)
            }
        }
    }

    /// `CLAUSE, sagte Peskow.` / `CLAUSE, teilte das Ministerium mit.`
    fn clause_then_cue(&self) -> Option<Option<Found>> {
        if !self.before_cue.ends_with(',') || self.joined {
            return None;
        }
        let c = self.c;
        // CLAUSE, sagte Peskow (am Donnerstag). A name followed by more than an
        // adverbial is the subject of what was said (said Washington was …): another
        // rule's.
        let speaker = after(c.text, &c.words, self.cue.first + 1, c.lexicon)?;
        let rest = self
            .after_cue
            .find(speaker.name.as_str())
            .map(|k| &self.after_cue[k + speaker.name.len()..]);
        let plain = rest.is_none_or(|r| {
            let r = r.trim_start();
            let next = r.split_whitespace().next().unwrap_or("");
            r.is_empty()
                || r.starts_with([',', '.', ';', '!', '?'])
                || c.lexicon.has("adverbial-openers", next)
                || c.lexicon.has("after-speaker", next)
        });
        if !plain {
            return None;
        }
        let span = c.range.start..c.range.start + self.before_cue.len() - 1;
        Some(self.quote_or_reported(
            span,
            speaker,
            [("quote-cue-after", 0.9), ("clause-cue-after", 0.75)],
        ))
    }

    /// `According to the Interior Ministry, CLAUSE` / `Nach Angaben der Agentur X CLAUSE`
    fn source_first(&self) -> Option<Option<Found>> {
        let c = self.c;
        if !c.lexicon.has("source-first", &self.cue.text) {
            return None;
        }
        let text = c.text;
        let found = (|| {
            let speaker = after(text, &c.words, self.cue.last + 1, c.lexicon)?;
            let name_end = text[self.cue_end..c.range.end]
                .find(speaker.name.as_str())
                .map(|k| self.cue_end + k + speaker.name.len())?;
            // des Verteidigungsministeriums: the name is the word's nominative.
            let name_end = name_end
                + text[name_end..]
                    .find(|ch: char| !ch.is_alphanumeric())
                    .unwrap_or(text.len() - name_end);
            let start = if text[name_end..].trim_start().starts_with(',') {
                name_end + text[name_end..].find(',')? + 1
            } else {
                name_end
            };
            let end = c.rest_from(start);
            let mode = reported(c, start..end, false);
            self.found(start..end, mode, speaker, "source-first", 0.7)
        })();
        Some(found)
    }

    /// `CLAUSE, officials said.` / `»…«, Ukrainian negotiator Olena Bondar said.`
    fn clause_then_speaker(&self, named_before: &dyn Fn() -> Option<Speaker>) -> Option<Found> {
        let c = self.c;
        let comma = self
            .before_cue
            .rfind(',')
            .filter(|&k| !self.joined && !c.in_quote(c.range.start + k))?;
        let between = &self.before_cue[comma + 1..];
        let count = between.split_whitespace().count();
        let plain = between.split_whitespace().all(|w| !w.ends_with([',', '.']));
        let ends = self
            .after_cue
            .trim()
            .trim_end_matches(['.', '!', '?'])
            .is_empty();
        if !(1..=5).contains(&count) || !plain || !ends {
            return None;
        }
        let speaker = named_before()?;
        let span = c.range.start..c.range.start + comma;
        self.quote_or_reported(
            span,
            speaker,
            [("quote-speaker-cue", 0.85), ("clause-speaker-cue", 0.7)],
        )
    }

    /// Where what was said starts after the cue, and whether a comma or colon led to it:
    /// `sagte, …`, `sagte am Mittwoch, …` (a short adverbial before the comma), `sagte: …`.
    fn after_punctuation(&self) -> (usize, bool) {
        let c = self.c;
        let gap = self.after_cue.trim_start();
        let start = self.cue_end + (self.after_cue.len() - gap.len());
        let opener = gap.split_whitespace().next().unwrap_or("");
        let adverbial = gap.find(',').filter(|&k| {
            k == 0
                || gap[..k].split_whitespace().count() <= 3
                    && c.lexicon.has("adverbial-openers", opener)
                    && !c.in_quote(start + k)
                    && !gap[..k].contains([':', '»', '"', '“', '„'])
        });
        match adverbial {
            Some(k) => (start + k + 1, true),
            None if gap.starts_with(':') => (start + 1, true),
            None => (start, false),
        }
    }

    /// `Peskow sagte, CLAUSE` / `he said that CLAUSE` / `stellte in Frage: CLAUSE` /
    /// `warnte vor NP` / `He said CLAUSE`.
    fn cue_then_clause(&self, speaker: Speaker) -> Option<Found> {
        let c = self.c;
        let text = c.text;
        let less = if speaker.resolved { 0.1 } else { 0.0 };
        let (start, comma) = self.after_punctuation();
        // … sagte, dass CLAUSE / said on Tuesday that CLAUSE / told reporters that CLAUSE
        let next: Vec<&Word> = c
            .words
            .iter()
            .filter(|w| w.start >= start)
            .take(6)
            .collect();
        let conj = next
            .iter()
            .take_while(|w| !text[start..w.start].contains([',', ':']))
            .find(|w| matches!(w.text(text), "dass" | "that"));
        if let Some(conj) = conj {
            let end = c.rest_from(conj.end);
            let mode = reported(c, conj.end..end, false);
            return self.found(conj.end..end, mode, speaker, "cue-that-clause", 0.8 - less);
        }
        let end = c.rest_from(start);
        if comma {
            return self.quote_or_reported(
                start..end,
                speaker,
                [("cue-quote", 0.9 - less), ("cue-comma-clause", 0.8 - less)],
            );
        }
        if let Some(colon) = text[start..c.range.end].find(':') {
            let from = start + colon + 1;
            let end = c.rest_from(from);
            let mode = reported(c, from..end, false);
            return self.found(from..end, mode, speaker, "cue-colon", 0.7 - less);
        }
        let lex = c.lexicon;
        if lex.has("paraphrase-verbs", &self.cue.text)
            || lex.has("paraphrase-verbs", c.w(self.cue.first))
        {
            // lehnte die Pläne ab: what stands between the verb and its particle.
            let (start, end) = if self.cue.last > self.cue.first + 1 {
                let (verb, particle) = (c.words[self.cue.first], c.words[self.cue.last]);
                (verb.end, particle.start)
            } else {
                (start, end)
            };
            // warnte gestern vor …: the date tells when, the rest what.
            let start = super::super::when::skip_leading(text, start..end, lex);
            // lehnte die Pläne erneut ab: an adverb closing it is not what was said.
            let inside = c.words.iter().filter(|w| w.start >= start && w.end <= end);
            let last_kept = inside
                .rev()
                .find(|w| !lex.has("adverbs", w.text(text)))
                .map_or(end, |w| w.end);
            let end = if text[last_kept..end].contains(['»', '«', '"', '“', '”']) {
                end
            } else {
                last_kept.max(start)
            };
            let mode = reported(c, start..end, true);
            return self.found(start..end, mode, speaker, "cue-noun-phrase", 0.6 - less);
        }
        if lex.has("bare-clause-cues", &self.cue.text) {
            let mode = reported(c, start..end, false);
            return self.found(start..end, mode, speaker, "cue-bare-clause", 0.6 - less);
        }
        None
    }
}

/// One cue: what follows or precedes it decides the rule.
pub(super) fn one_cue(
    c: &Clause,
    cue: &Cue,
    last: Option<&str>,
    previous: Option<Speaker>,
) -> Option<Found> {
    let text = c.text;
    let cue_start = c.words[cue.first].start;
    let cue_end = c.words[cue.last].end;
    let at = At {
        c,
        cue,
        cue_end,
        before_cue: text[c.range.start..cue_start].trim_end(),
        after_cue: &text[cue_end..c.range.end],
        joined: cue.first > 0 && matches!(c.w(cue.first - 1), "und" | "and"),
    };
    let named_before = || {
        if at.joined {
            previous.clone()
        } else {
            before(text, &c.words, cue.first, c.lexicon, last)
        }
    };
    if let Some(found) = at.clause_then_cue() {
        return found;
    }
    if let Some(found) = at.source_first() {
        return found;
    }
    if let Some(found) = at.clause_then_speaker(&named_before) {
        return Some(found);
    }
    at.cue_then_clause(named_before()?)
}
