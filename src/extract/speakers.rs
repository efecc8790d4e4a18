//! Who speaks: the name tied to a cue (before or after it, with its title), relative clauses and pronouns resolved to the last person named, spokespeople credited to their principal.

use super::lexicon::Lexicon;
use super::text::Word;

/// A speaker found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The name as written, without its title (Boris Pistorius).
    pub name: String,
    /// The title or role written before it (Bundesverteidigungsminister).
    pub role: Option<String>,
    /// For a spokesperson: the one spoken for.
    pub principal: Option<String>,
    /// The name was not written at the cue (a pronoun or a relative clause resolved).
    pub resolved: bool,
    /// Only a role was written (der Minister, the official): `name` is the role noun,
    /// to be resolved to the last speaker it fits (`super::roles`).
    pub by_role: bool,
}

impl Speaker {
    fn named(name: String, role: Option<String>) -> Speaker {
        Speaker {
            name,
            role,
            principal: None,
            resolved: false,
            by_role: false,
        }
    }

    fn role_noun(noun: &str) -> Speaker {
        Speaker {
            by_role: true,
            ..Speaker::named(noun.to_string(), None)
        }
    }
}

/// A name in the nominative: a ministry's genitive `-s` dropped (des Verteidigungsministeriums).
fn nominative(name: &str) -> String {
    match name.strip_suffix('s') {
        Some(stem) if stem.ends_with("ministerium") => stem.to_string(),
        _ => name.to_string(),
    }
}

fn definite(w: &str) -> bool {
    matches!(w, "der" | "die" | "the" | "Der" | "Die" | "The")
}

fn indefinite(w: &str) -> bool {
    matches!(w, "ein" | "eine" | "a" | "an" | "Ein" | "Eine" | "A" | "An")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` can be part of a name: capitalised, not a title, not on the lexicon's list
/// of capitalised words that never name a speaker.
fn name_word(w: &str, lexicon: &Lexicon) -> bool {
    capitalised(w)
        && !lexicon.is_title(w)
        && !lexicon.has("not-names", w)
        && !lexicon.has("cue-verbs", w)
}

/// What the text names before word `at` (exclusive) of `words`, reading back: a run of
/// up to three name words right before it, with the title before them; or, for a
/// relative pronoun after a comma (`Mark Rutte, der erklärte`), the name before the
/// comma; or a pronoun, resolved to `last_person`.
pub fn before(
    text: &str,
    words: &[Word],
    at: usize,
    lexicon: &Lexicon,
    last_person: Option<&str>,
) -> Option<Speaker> {
    let w = |i: usize| words[i].text(text);
    let mut i = at;
    // Adverbs and auxiliaries between name and cue (Peskow fügte jetzt …, has repeatedly called).
    while i > 0 && (lexicon.has("adverbs", w(i - 1)) || lexicon.has("auxiliaries", w(i - 1))) {
        i -= 1;
    }
    let prev = i.checked_sub(1)?;
    if lexicon.has("pronouns", w(prev)) {
        return Some(Speaker {
            resolved: true,
            ..Speaker::named(last_person?.to_string(), None)
        });
    }
    // Officials said …, Diplomaten sagten …: a group named by a plain noun.
    if lexicon.has("groups", w(prev)) {
        return Some(Speaker::named(w(prev).to_string(), None));
    }
    // der Minister sagte, the official said: a role, resolved later; ein
    // Regierungssprecher sagte, a spokesman said: an unnamed speaker of that title.
    if prev > 0 && lexicon.is_role(w(prev)) {
        if definite(w(prev - 1)) {
            return Some(Speaker::role_noun(w(prev)));
        }
        if indefinite(w(prev - 1)) && lexicon.is_title(w(prev)) {
            return Some(Speaker::named(w(prev).to_string(), None));
        }
    }
    if matches!(w(prev), "der" | "die" | "who" | "which") && prev > 0 {
        let gap = &text[words[prev - 1].end..words[prev].start];
        if gap.contains(',') {
            let found = before(text, words, prev, lexicon, last_person)?;
            return Some(Speaker {
                resolved: true,
                ..found
            });
        }
    }
    let end = i;
    let mut particles = 0;
    while i > 0 && end - i < 3 + particles {
        let word = w(i - 1);
        // Pieter de Vries, Ursula von der Leyen: particles inside a name, a name word
        // before them.
        let particle = i < end
            && lexicon.has("name-particles", word)
            && (0..i - 1)
                .rev()
                .find(|&k| !lexicon.has("name-particles", w(k)))
                .is_some_and(|k| name_word(w(k), lexicon));
        // Nachrichtenagentur dpa: a short lower-case name right after its title.
        let lower = i == end
            && i >= 2
            && lexicon.is_title(w(i - 2))
            && word.len() <= 5
            && word.chars().all(char::is_alphabetic);
        if !(name_word(word, lexicon) || particle || lower) {
            break;
        }
        // Only spaces between the words of a name.
        if i < end && text[words[i - 1].end..words[i].start].trim() != "" {
            break;
        }
        particles += usize::from(particle);
        i -= 1;
    }
    if i == end {
        return None;
    }
    // The Interior Ministry in Kyiv: an institution with its seat.
    if i >= 2 && matches!(w(i - 1), "in" | "aus") && institution(w(i - 2), lexicon) {
        let mut k = i - 2;
        while k > 0 && name_word(w(k - 1), lexicon) {
            k -= 1;
        }
        return Some(Speaker::named(
            text[words[k].start..words[end - 1].end].to_string(),
            None,
        ));
    }
    let name = nominative(&text[words[i].start..words[end - 1].end]);
    let role = (i > 0 && lexicon.is_title(w(i - 1))).then(|| w(i - 1).to_string());
    // A spokesman for Prime Minister Lena Ortiz, ein Sprecher des Kreml: the
    // spokesperson speaks, for the one named.
    let mut t = i;
    while t > 0 && lexicon.is_title(w(t - 1)) && !lexicon.has("spokesperson", w(t - 1)) {
        t -= 1;
    }
    let the = t > 0 && w(t - 1) == "the";
    if the {
        t -= 1;
    }
    if t >= 2
        && matches!(w(t - 1), "for" | "of" | "des" | "der")
        && lexicon.has("spokesperson", w(t - 2))
    {
        let article = if the { "the " } else { "" };
        return Some(Speaker {
            name: format!("{} {} {article}{name}", w(t - 2), w(t - 1)),
            role: None,
            principal: Some(name),
            resolved: false,
            by_role: false,
        });
    }
    let mut speaker = Speaker::named(name, role.clone());
    if let Some(role) = role
        && lexicon.has("spokesperson", &role)
        && i >= 2
        && lexicon.has("possessives", w(i - 2))
    {
        speaker.principal = last_person.map(str::to_string);
    }
    Some(speaker)
}

/// What the text names from word `at` on: a name (`sagte Peskow`, `meldete RIA`), or an
/// institution with its seat (`teilte das Außenministerium in Beijing mit`).
pub fn after(text: &str, words: &[Word], at: usize, lexicon: &Lexicon) -> Option<Speaker> {
    let w = |i: usize| words[i].text(text);
    let mut i = at;
    let the = i < words.len() && definite(w(i));
    if i < words.len() && (the || matches!(w(i), "das" | "des") || indefinite(w(i))) {
        i += 1;
    }
    let first = *words.get(i)?;
    // sagte der SPD-Politiker, the official added: a role, resolved later.
    let named_next = words
        .get(i + 1)
        .is_some_and(|x| name_word(x.text(text), lexicon));
    if the && lexicon.is_role(w(i)) && !named_next {
        return Some(Speaker::role_noun(w(i)));
    }
    // sagte ein Sprecher des Kreml, said a spokesman for the ministry: the spokesperson
    // speaks, for the one named.
    if i + 2 < words.len()
        && lexicon.has("spokesperson", w(i))
        && matches!(w(i + 1), "for" | "of" | "des" | "der")
    {
        let mut k = i + 2;
        let the = w(k) == "the";
        k += usize::from(the);
        while k < words.len() && lexicon.is_title(w(k)) {
            k += 1;
        }
        let principal = after(text, words, k, lexicon)?;
        let article = if the { "the " } else { "" };
        return Some(Speaker {
            name: format!("{} {} {article}{}", w(i), w(i + 1), principal.name),
            role: None,
            principal: Some(principal.name),
            resolved: false,
            by_role: false,
        });
    }
    // According to Commission spokesman Tim Berg: the person speaks for the one named.
    if capitalised(w(i))
        && words
            .get(i + 1)
            .is_some_and(|x| lexicon.has("spokesperson", x.text(text)))
        && let Some(person) = after(text, words, i + 1, lexicon)
        && !person.by_role
    {
        let role = text[first.start..words[i + 1].end].to_string();
        return Some(Speaker {
            role: Some(role),
            principal: Some(w(i).to_string()),
            ..person
        });
    }
    if lexicon.has("institutions", w(i)) {
        let mut end = i + 1;
        if end + 1 < words.len()
            && matches!(w(end), "in" | "aus" | "of" | "in Moskau")
            && capitalised(w(end + 1))
        {
            end += 2;
        }
        return Some(Speaker::named(
            text[first.start..words[end - 1].end].to_string(),
            None,
        ));
    }
    let role = lexicon.is_title(w(i)).then(|| w(i).to_string());
    if role.is_some() {
        i += 1;
    }
    let start = i;
    while i < words.len() && i - start < 3 && name_word(w(i), lexicon) {
        if i > start && text[words[i - 1].end..words[i].start].trim() != "" {
            break;
        }
        i += 1;
    }
    (i > start).then(|| {
        Speaker::named(
            nominative(&text[words[start].start..words[i - 1].end]),
            role,
        )
    })
}

/// An institution's word: on the lexicon's list, or a ministry (Interior Ministry).
fn institution(w: &str, lexicon: &Lexicon) -> bool {
    let lower = w.to_lowercase();
    lexicon.has("institutions", w) || lower.ends_with("ministry") || lower.ends_with("ministerium")
}

#[cfg(test)]
mod tests;
