//! Who a GEPADE Source (or Addr) span is: the speaker of the speech, their party, a named actor, or an unresolved pronoun.

use super::super::attribution::{Mention, is_pronoun, name_id};

/// First person singular: the speaker of the speech.
const FIRST_SINGULAR: &[&str] = &["ich", "mich", "mir", "meiner"];
/// First person plural: the speaker on behalf of their party or group.
const FIRST_PLURAL: &[&str] = &["wir", "uns", "unserer"];
/// Possessives that stand for the speaker, or their group, only as the whole span
/// (`meiner` Meinung nach; not `unsere Bundeskanzlerin`).
const OWN_SINGULAR: &[&str] = &["mein", "meine", "meinem", "meinen", "meines"];
const OWN_PLURAL: &[&str] = &["unser", "unsere", "unserem", "unseren", "unseres"];
/// Particles before a pronoun that do not change who speaks (`auch wir`).
const PARTICLES: &[&str] = &["auch", "nur", "selbst", "gerade", "sogar"];
/// Words that, as the whole span, name nobody: pronouns, demonstratives, indefinites.
const UNRESOLVED: &[&str] = &[
    "er", "sie", "es", "ihr", "du", "man", "die", "der", "das", "den", "dem", "des", "dies",
    "diese", "dieser", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden",
    "jemand", "keiner", "keine", "niemand", "wer", "was", "einer", "eine", "einige", "andere",
    "anderen", "manche", "viele", "alle", "beide", "welche", "ihre", "ihrem", "ihren", "ihrer",
    "ihres", "sein", "seine", "seinem", "seinen", "seiner", "seines", "dessen", "deren", "ihm",
    "ihn", "ihnen", "dich", "dir", "euch", "euer", "eure",
];
/// Leading words dropped from a name: one preposition, then one article
/// (`seitens der EU-Kommission` is `EU-Kommission`), so that its cases are one actor.
const PREPOSITIONS: &[&str] = &["von", "vom", "seitens"];
const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines", "einen",
];

/// Who a span stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// The member of parliament giving the speech.
    Speaker,
    /// The speaker's party or parliamentary group (`wir`).
    Group,
    /// An actor named by the span's words `start..end` (leading prepositions and
    /// articles, and punctuation at either end, left out).
    Named(usize, usize),
    /// A pronoun or other word naming nobody.
    Unresolved,
}

/// Who a span of these `words` (its tokens, in order) stands for.
pub fn who(words: &[&str]) -> Who {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let skip = lower
        .iter()
        .take_while(|w| PARTICLES.contains(&w.as_str()))
        .count();
    let is = |list: &[&str], w: &str| list.contains(&w);
    match &lower[skip..] {
        [] => Who::Unresolved,
        [first, ..] if is(FIRST_SINGULAR, first) => Who::Speaker,
        [first, ..] if is(FIRST_PLURAL, first) => Who::Group,
        [only] if is(OWN_SINGULAR, only) => Who::Speaker,
        [only] if is(OWN_PLURAL, only) => Who::Group,
        [only] if is(UNRESOLVED, only) || is_pronoun(only) => Who::Unresolved,
        _ => {
            let wordy = |i: &usize| words[*i].chars().any(char::is_alphanumeric);
            let mut lead = usize::from(is(PREPOSITIONS, &lower[0]));
            lead += usize::from(lower.get(lead).is_some_and(|w| is(ARTICLES, w)));
            let lead = lead.min(words.len() - 1);
            let start = (lead..words.len()).find(wordy);
            let end = (lead..words.len()).rev().find(wordy);
            match start.zip(end) {
                Some((s, e)) => Who::Named(s, e + 1),
                None => Who::Unresolved,
            }
        }
    }
}

/// The actor id a name is merged by, within and across speeches: its folded form.
pub fn named_id(name: &str) -> String {
    name_id(&crate::fold::fold(name))
}

/// The mention of an unresolved span in article `article`: per article, as the
/// other importers do (`unresolved:ID19209800:sie`, named `sie (unresolved)`).
pub fn unresolved(article: &str, surface: &str) -> Mention {
    let name = format!("{surface} (unresolved)");
    Mention {
        text: name.clone(),
        reference: Some((
            format!("unresolved:{article}:{}", surface.to_lowercase()),
            Some(name),
        )),
    }
}

/// The mention of a named actor: id from the folded name, the span an alias.
pub fn named(name: &str, surface: &str) -> Option<Mention> {
    let id = named_id(name);
    (!id.is_empty()).then(|| Mention {
        text: surface.to_string(),
        reference: Some((id, Some(name.to_string()))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Who {
        let words: Vec<&str> = text.split(' ').collect();
        who(&words)
    }

    #[test]
    fn first_person_is_the_speaker_and_we_their_group() {
        assert_eq!(of("Ich"), Who::Speaker);
        assert_eq!(of("mir"), Who::Speaker);
        assert_eq!(of("meiner"), Who::Speaker);
        assert_eq!(of("wir"), Who::Group);
        assert_eq!(of("auch wir"), Who::Group);
        assert_eq!(of("wir als Freie Demokraten"), Who::Group);
        assert_eq!(of("Unsere"), Who::Group);
    }

    #[test]
    fn pronouns_stay_unresolved_and_names_lose_their_article() {
        assert_eq!(of("Sie"), Who::Unresolved);
        assert_eq!(of("der"), Who::Unresolved);
        assert_eq!(of("Jeder"), Who::Unresolved);
        assert_eq!(of(", ."), Who::Unresolved);
        assert_eq!(of("Die Bundesregierung"), Who::Named(1, 2));
        assert_eq!(of("seitens der EU-Kommission"), Who::Named(2, 3));
        assert_eq!(of("Unsere Bundeskanzlerin Angela Merkel"), Who::Named(0, 4));
        assert_eq!(of("Obama ,"), Who::Named(0, 1));
        assert_eq!(of("die"), Who::Unresolved);
        assert_eq!(of("Der eine oder andere"), Who::Named(1, 4));
        assert_eq!(named_id("Bundesregierung"), named_id("BUNDESREGIERUNG"));
    }
}
