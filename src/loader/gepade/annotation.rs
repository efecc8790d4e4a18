//! One GEPADE annotation as an attribution: Message pieces, cue with its particle, Source, Addr, Topic, Medium and Evidence.

use super::super::attribution::{Attribution, Mention};
use super::detok::Detokenised;
use super::layout::{Annotation, Speech};
use super::name::SpeechName;
use super::speaker::{Who, named, unresolved, who};

/// A token: its sentence's index and its index in the sentence.
type Token = (usize, usize);

/// What the annotations of one speech are read against.
pub struct Annotated<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub tokens: &'a Detokenised,
    pub speech: &'a Speech,
    pub name: Option<&'a SpeechName>,
}

/// What became of one annotation.
pub enum Outcome {
    Statement(Box<Attribution>),
    /// A speech event without a Message: nothing said to attribute.
    NoMessage,
}

impl Annotated<'_> {
    /// Annotation number `n` (from 1, in file order), or why it cannot be read.
    pub fn attribution(&self, n: usize, line: usize, a: &Annotation) -> Result<Outcome, String> {
        let message = self.tokens_of(&a.message, "Message")?;
        if message.is_empty() {
            return Ok(Outcome::NoMessage);
        }
        let pieces = runs(&message);
        let mut cue = self.tokens_of(&a.cue, "Cue")?;
        cue.extend(self.tokens_of(&a.ptc, "PTC")?);
        cue.sort_unstable();
        cue.dedup();
        let source = self.tokens_of(&a.source, "Source")?;
        let (speaker, on_behalf_of) = match source.is_empty() {
            true => (None, None),
            false => {
                let (speaker, principal) = self.mention(&source);
                (Some(speaker), principal)
            }
        };
        let addressees = runs(&self.tokens_of(&a.addr, "Addr")?)
            .into_iter()
            .map(|run| {
                let (speaker, principal) = self.mention(run);
                // `wir` addressed is the group, not its speaker.
                principal.unwrap_or(speaker)
            })
            .collect();
        let topic = self.tokens_of(&a.topic, "Topic")?;
        let mut notes = Vec::new();
        for (role, refs) in [("Medium", &a.medium), ("Evidence", &a.evidence)] {
            let tokens = self.tokens_of(refs, role)?;
            if !tokens.is_empty() {
                notes.push(format!("{role}: {}", self.phrase(&tokens)));
            }
        }
        Ok(Outcome::Statement(Box::new(Attribution {
            key: format!("a{n}"),
            line: Some(line),
            content: pieces.iter().map(|run| self.chars(run)).collect(),
            text: pieces
                .iter()
                .map(|run| self.run_text(run))
                .collect::<Vec<_>>()
                .join(" "),
            cue: (!cue.is_empty()).then(|| self.phrase(&cue)),
            speaker,
            on_behalf_of,
            addressees,
            topics: if topic.is_empty() {
                Vec::new()
            } else {
                vec![(self.phrase(&topic), None)]
            },
            notes: (!notes.is_empty()).then(|| notes.join("\n")),
            ..Attribution::default()
        })))
    }

    /// The tokens a role's references name, in text order, each once.
    fn tokens_of(&self, refs: &[String], role: &str) -> Result<Vec<Token>, String> {
        let mut tokens = Vec::with_capacity(refs.len());
        for r in refs {
            let bad = |why: &str| {
                format!("{role} reference {r:?} {why}: expected \"<sentence>:<token>\"")
            };
            let (s, t) = r.split_once(':').ok_or_else(|| bad("has no `:`"))?;
            let (s, t) = s
                .trim()
                .parse::<u64>()
                .ok()
                .zip(t.trim().parse::<usize>().ok())
                .ok_or_else(|| bad("is not two numbers"))?;
            let sentence = *self
                .speech
                .numbers
                .get(&s)
                .ok_or_else(|| bad("names no sentence of the file"))?;
            if t >= self.speech.sentences[sentence].len() {
                return Err(bad(&format!(
                    "is past the end of its sentence ({} tokens)",
                    self.speech.sentences[sentence].len()
                )));
            }
            tokens.push((sentence, t));
        }
        tokens.sort_unstable();
        tokens.dedup();
        Ok(tokens)
    }

    /// A run of tokens' extent in characters.
    fn chars(&self, run: &[Token]) -> (usize, usize) {
        let span = |&(s, t): &Token| self.tokens.spans[s][t];
        (span(&run[0]).0, span(&run[run.len() - 1]).1)
    }

    /// A run of tokens as the text writes it.
    fn run_text(&self, run: &[Token]) -> &str {
        let span = |&(s, t): &Token| self.tokens.byte_spans[s][t];
        &self.text[span(&run[0]).0..span(&run[run.len() - 1]).1]
    }

    /// Tokens as a phrase: each run as written, gaps shown as ` … ` (`legt … fest`).
    fn phrase(&self, tokens: &[Token]) -> String {
        runs(tokens)
            .iter()
            .map(|run| self.run_text(run))
            .collect::<Vec<_>>()
            .join(" … ")
    }

    /// The actor a span names, and on whose behalf when it is `wir`.
    fn mention(&self, tokens: &[Token]) -> (Mention, Option<Mention>) {
        let surface = self.phrase(tokens);
        let words: Vec<&str> = tokens
            .iter()
            .map(|&(s, t)| self.speech.sentences[s][t].as_str())
            .collect();
        let lost = || (unresolved(self.article, &surface), None);
        match (who(&words), self.name) {
            (Who::Speaker, Some(name)) => (speaker(name), None),
            (Who::Group, Some(name)) => (speaker(name), Some(group(name))),
            (Who::Named(start, end), _) => match named(&self.phrase(&tokens[start..end]), &surface)
            {
                Some(m) => (m, None),
                None => lost(),
            },
            _ => lost(),
        }
    }
}

/// The member of parliament giving the speech (named as the actor is, so that
/// no pronoun becomes an alias).
fn speaker(name: &SpeechName) -> Mention {
    Mention {
        text: name.surname.clone(),
        reference: Some((name.speaker_id(), Some(name.surname.clone()))),
    }
}

/// The speaker's party or parliamentary group.
fn group(name: &SpeechName) -> Mention {
    Mention {
        text: name.party_name().to_string(),
        reference: Some((name.party_id(), Some(name.party_name().to_string()))),
    }
}

/// Tokens (in text order) cut where they are not consecutive or cross a sentence.
fn runs(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        let cut = i == tokens.len() || {
            let (prev, next) = (tokens[i - 1], tokens[i]);
            next.0 != prev.0 || next.1 != prev.1 + 1
        };
        if cut && i > start {
            out.push(&tokens[start..i]);
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_break_at_gaps_and_sentences() {
        let tokens = [(0, 1), (0, 2), (0, 4), (1, 0), (1, 1)];
        let r = runs(&tokens);
        assert_eq!(r, vec![&tokens[0..2], &tokens[2..3], &tokens[3..5]]);
        assert!(runs(&[]).is_empty());
    }
}
