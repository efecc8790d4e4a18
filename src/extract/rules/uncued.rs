//! The rules without a cue verb in the clause: a subject and a participle, a passive cue, a reporting noun; and what runs on after a statement (a lone quotation, a Konjunktiv clause).

use super::{Clause, Context, Found, reported, trimmed};
use crate::extract::speakers::{Speaker, after, before};
use crate::model::Mode;
use std::ops::Range;

/// Without a cue verb: `Putin hatte NP … erklärt`, `Kritisiert wurde …, dass …`,
/// `Die Ankündigung von X, CLAUSE,`, `aus London gab es Erklärungen, CLAUSE`.
pub(super) fn noun_or_participle(c: &Clause, last: Option<&str>) -> Option<Found> {
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
            when: None,
        })
    };
    // Putin hatte die Ablehnung … erklärt
    if lex.has("participles", c.w(n - 1))
        && let Some(aux) = (1..n - 1).find(|&i| lex.has("auxiliaries", c.w(i)))
        && let Some(speaker) = before(text, &c.words, aux, lex, last)
    {
        let span = c.words[aux].end..c.words[n - 1].start;
        // hat am Mittwoch vor … gewarnt: the date tells when, the rest what.
        let span = super::super::when::skip_leading(text, span.clone(), lex)..span.end;
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
            by_role: false,
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
pub(super) fn quote_continued(c: &Clause, context: &Context) -> Option<Found> {
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
        when: None,
    })
}

/// Reported speech running on: a clause with no cue in the Konjunktiv, after one that
/// was reported, by the same speaker.
pub(super) fn continued(c: &Clause, context: &Context) -> Option<Found> {
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
        when: None,
    })
}
