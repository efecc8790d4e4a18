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
}

impl Speaker {
    fn named(name: String, role: Option<String>) -> Speaker {
        Speaker {
            name,
            role,
            principal: None,
            resolved: false,
        }
    }
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
    while i > 0 && end - i < 3 && name_word(w(i - 1), lexicon) {
        // Only spaces between the words of a name.
        if i < end && text[words[i - 1].end..words[i].start].trim() != "" {
            break;
        }
        i -= 1;
    }
    if i == end {
        return None;
    }
    let name = text[words[i].start..words[end - 1].end].to_string();
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
    if i < words.len() && matches!(w(i), "das" | "die" | "der" | "the" | "ein" | "eine" | "a") {
        i += 1;
    }
    let first = *words.get(i)?;
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
    (i > start)
        .then(|| Speaker::named(text[words[start].start..words[i - 1].end].to_string(), role))
}

#[cfg(test)]
mod tests {
    use super::super::text::words;
    use super::*;

    fn at_cue(text: &str, cue: &str) -> (Vec<Word>, usize) {
        let w = words(text, 0..text.len());
        let i = w.iter().position(|x| x.text(text) == cue).expect("cue");
        (w, i)
    }

    #[test]
    fn a_name_before_its_cue_comes_with_its_title() {
        let de = Lexicon::builtin("de");
        let text = "Bundesverteidigungsminister Boris Pistorius nannte das Vorgehen";
        let (w, i) = at_cue(text, "nannte");
        let s = before(text, &w, i, &de, None).expect("a speaker");
        assert_eq!(s.name, "Boris Pistorius");
        assert_eq!(s.role.as_deref(), Some("Bundesverteidigungsminister"));
    }

    #[test]
    fn a_spokesperson_named_after_the_cue_speaks_for_the_one_named() {
        let de = Lexicon::builtin("de");
        let text = "sagte ein Sprecher des Kreml am 11. Juni";
        let (w, i) = at_cue(text, "sagte");
        let s = after(text, &w, i + 1, &de).expect("a speaker");
        assert_eq!(s.name, "Sprecher des Kreml");
        assert_eq!(s.principal.as_deref(), Some("Kreml"));
        let en = Lexicon::builtin("en");
        let text = "said a spokeswoman for Prime Minister Lena Ortiz";
        let (w, i) = at_cue(text, "said");
        let s = after(text, &w, i + 1, &en).expect("a speaker");
        assert_eq!(s.name, "spokeswoman for Lena Ortiz");
        assert_eq!(s.principal.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn a_spokesperson_speaks_for_the_person_named_before() {
        let de = Lexicon::builtin("de");
        let text = "sein Sprecher Dmitri Peskow fügte jetzt hinzu";
        let (w, i) = at_cue(text, "fügte");
        let s = before(text, &w, i, &de, Some("Putin")).expect("a speaker");
        assert_eq!(s.name, "Dmitri Peskow");
        assert_eq!(s.principal.as_deref(), Some("Putin"));
    }

    #[test]
    fn relative_clauses_and_pronouns_resolve() {
        let de = Lexicon::builtin("de");
        let text = "klang NATO-Generalsekretär Mark Rutte, der erklärte";
        let (w, i) = at_cue(text, "erklärte");
        let s = before(text, &w, i, &de, None).expect("a speaker");
        assert_eq!((s.name.as_str(), s.resolved), ("Mark Rutte", true));
        let en = Lexicon::builtin("en");
        let text = "Then he said";
        let (w, i) = at_cue(text, "said");
        assert_eq!(
            before(text, &w, i, &en, Some("Ana Alder")).map(|s| s.name),
            Some("Ana Alder".into())
        );
    }

    #[test]
    fn names_and_institutions_after_the_cue() {
        let de = Lexicon::builtin("de");
        let text = "teilte das Außenministerium in Beijing mit";
        let (w, i) = at_cue(text, "teilte");
        assert_eq!(
            after(text, &w, i + 1, &de).map(|s| s.name),
            Some("Außenministerium in Beijing".into())
        );
        let text = "fügte Rutte hinzu";
        let (w, i) = at_cue(text, "fügte");
        assert_eq!(
            after(text, &w, i + 1, &de).map(|s| s.name),
            Some("Rutte".into())
        );
    }
}
