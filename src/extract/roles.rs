//! Speakers named only by their role (der Minister, the official) resolved to the last speaker the role fits, and titled names mentioned without a statement (German Economy Minister Katharina Reiche struck a tone) kept as the people a later pronoun or role may mean.

use super::lexicon::Lexicon;
use super::speakers::{Speaker, after};
use super::text::Word;

/// How many speakers back a role noun may reach.
const RECENT: usize = 8;

/// Whether every word of `name` is capitalised and there are two or more: a person.
fn personal(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `speaker` with its role noun resolved against `recent` (oldest first): the last one
/// whose role or name ends with the noun (der Minister after Finanzminister Lars
/// Klingbeil); else, for a descriptor with a prefix (der SPD-Politiker), the last
/// person; else the role itself names an unnamed speaker (the official).
pub fn resolve(speaker: Speaker, recent: &[Speaker]) -> Speaker {
    if !speaker.by_role {
        return speaker;
    }
    let noun = speaker.name.to_lowercase();
    let fits = |s: &Speaker| {
        let role = s.role.as_deref().unwrap_or("").to_lowercase();
        !role.is_empty() && role.ends_with(&noun) || s.name.to_lowercase().ends_with(&noun)
    };
    let found = recent.iter().rev().find(|s| fits(s)).or_else(|| {
        let descriptor = noun.contains('-');
        recent
            .iter()
            .rev()
            .find(|s| descriptor && personal(&s.name))
    });
    match found {
        Some(s) => Speaker {
            resolved: true,
            by_role: false,
            ..s.clone()
        },
        None => Speaker {
            by_role: false,
            ..speaker
        },
    }
}

/// Adds `speaker` to the recent ones, forgetting the oldest beyond [`RECENT`].
pub fn remember(recent: &mut Vec<Speaker>, speaker: &Speaker) {
    recent.retain(|s| s.name != speaker.name);
    recent.push(speaker.clone());
    if recent.len() > RECENT {
        recent.remove(0);
    }
}

/// The first `Title Name` of `words` outside quotations (`quoted` says which positions
/// are inside one).
pub fn mentioned(
    text: &str,
    words: &[Word],
    lexicon: &Lexicon,
    quoted: impl Fn(usize) -> bool,
) -> Option<Speaker> {
    (0..words.len()).find_map(|i| {
        let word = words[i].text(text);
        let capital = |w: &Word| w.text(text).starts_with(char::is_uppercase);
        // Titles that open a name are capitalised, and so is the name after them
        // (Economy Minister Katharina Reiche): checked first, as German capitalises
        // every noun.
        let title = capital(&words[i])
            && words.get(i + 1).is_some_and(capital)
            && lexicon.is_title(word)
            && !quoted(words[i].start);
        title
            .then(|| after(text, words, i, lexicon))
            .flatten()
            .filter(|s| s.role.is_some() && !s.by_role)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, role: Option<&str>) -> Speaker {
        Speaker {
            name: name.into(),
            role: role.map(str::to_string),
            principal: None,
            resolved: false,
            by_role: false,
        }
    }

    fn role(noun: &str) -> Speaker {
        Speaker {
            by_role: true,
            ..named(noun, None)
        }
    }

    #[test]
    fn a_role_noun_means_the_last_speaker_it_fits_else_the_last_person() {
        let recent = [
            named("Lars Klingbeil", Some("Finanzminister")),
            named("Opposition", None),
        ];
        let s = resolve(role("Minister"), &recent);
        assert_eq!((s.name.as_str(), s.resolved), ("Lars Klingbeil", true));
        let s = resolve(role("SPD-Politiker"), &recent);
        assert_eq!(s.name, "Lars Klingbeil", "the last person");
        let s = resolve(role("official"), &[named("U.S. official", None)]);
        assert_eq!(s.name, "U.S. official");
        let s = resolve(role("official"), &[]);
        assert_eq!((s.name.as_str(), s.by_role), ("official", false));
    }

    #[test]
    fn a_titled_name_is_mentioned() {
        let en = Lexicon::builtin("en");
        let text = "German Economy Minister Katharina Reiche struck a more cautious tone.";
        let w = super::super::text::words(text, 0..text.len());
        let s = mentioned(text, &w, &en, |_| false).expect("a name");
        assert_eq!(s.name, "Katharina Reiche");
    }
}
