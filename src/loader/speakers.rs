//! Speaker resolution for span-annotated sources (brat, Label Studio): titles off a name, a short mention merged with the one full name of the article it ends, names matched to the folder's known actors, pronouns linked to the nearest named source before them; each resolved statement keeps the source as written in its notes.

use super::attribution::{Attribution, Mention, is_pronoun, name_id, speaker_name};
use crate::search::fold_name;
use std::collections::HashMap;

/// Words before a name that are titles or ranks, not the name (compared folded,
/// without a trailing full stop).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "retired",
    "ret",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "adm",
    "admiral",
    "sgt",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "ambassador",
    "chancellor",
    "mayor",
    "judge",
    "justice",
    "councillor",
    "councilor",
    "rev",
    "father",
    "herr",
    "frau",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "ministerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "monsieur",
    "madame",
    "m",
    "mme",
    "señor",
    "señora",
    "pan",
    "pani",
];

/// The marker the notes of a statement whose speaker was resolved begin with.
pub const AS_WRITTEN: &str = "source as written:";
/// How the ids of unresolved speakers begin (`unresolved:ARTICLE:he`).
pub const UNRESOLVED: &str = "unresolved:";

/// Statements of `store` whose speaker was resolved from a pronoun, and statements
/// whose speaker stays unresolved.
pub fn counts(store: &crate::store::Store) -> (usize, usize) {
    let unresolved: Vec<bool> = (store.actors.iter())
        .map(|a| a.id.starts_with(UNRESOLVED))
        .collect();
    store.all_ids().fold((0, 0), |(r, u), id| {
        let resolved = store.notes(id).is_some_and(|n| n.starts_with(AS_WRITTEN));
        let open = unresolved[store.parties_of(id).0.index()];
        (r + usize::from(resolved), u + usize::from(open))
    })
}

/// `name` without the titles before it (`Retired Lt. Gen. Michael Flynn` is
/// `Michael Flynn`); the name itself when nothing else would be left.
pub fn without_titles(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((word, after)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        let folded = fold_name(word.trim_end_matches('.'));
        if !TITLES.contains(&folded.as_str()) || after.trim().is_empty() {
            return rest;
        }
        rest = after.trim_start();
    }
}

fn last_word(name: &str) -> String {
    fold_name(name.rsplit(char::is_whitespace).next().unwrap_or(name))
}

fn note(a: &mut Attribution, surface: &str) {
    let said = format!("{AS_WRITTEN} “{}”", surface.trim());
    a.notes = Some(match a.notes.take() {
        Some(n) if !n.is_empty() => format!("{said}; {n}"),
        _ => said,
    });
}

/// Resolves the speakers of one annotator's attributions of one article; `known`
/// maps folded names and aliases of the folder's defined actors to their ids.
pub fn resolve(attributions: &mut [Attribution], known: &HashMap<String, String>) {
    // Each named source as (id, name): a normalised one as it is, else the span's
    // name with its titles off, a known actor's id where the name is one's.
    let mut resolved: Vec<Option<(String, String)>> = attributions
        .iter()
        .map(|a| {
            let m = a.speaker.as_ref()?;
            let name = speaker_name(&m.text);
            if let Some((id, given)) = &m.reference {
                return Some((
                    id.clone(),
                    given.clone().unwrap_or_else(|| name.to_string()),
                ));
            }
            if is_pronoun(name) || name_id(name).is_empty() {
                return None;
            }
            let bare = without_titles(name).to_string();
            let id = known
                .get(&fold_name(&bare))
                .cloned()
                .unwrap_or_else(|| name_id(&bare));
            Some((id, bare))
        })
        .collect();
    // A one-word mention is the source of the article's one full name ending in it.
    let mut full: Vec<(String, String)> = resolved
        .iter()
        .flatten()
        .filter(|(_, n)| n.contains(char::is_whitespace))
        .cloned()
        .collect();
    full.sort_unstable();
    full.dedup();
    for (i, r) in resolved.iter_mut().enumerate() {
        let Some((id, name)) = r else { continue };
        let m = attributions[i].speaker.as_mut().expect("named");
        if m.reference.is_none() && !name.contains(char::is_whitespace) {
            let word = fold_name(name);
            let fits: Vec<&(String, String)> =
                full.iter().filter(|(_, f)| last_word(f) == word).collect();
            if let [one] = fits.as_slice() {
                (*id, *name) = (one.0.clone(), one.1.clone());
            }
        }
        if m.reference.is_none() && (*name != speaker_name(&m.text) || name_id(name) != *id) {
            m.reference = Some((id.clone(), Some(name.clone())));
        }
    }
    // Principals and addressees are named the same way (never guessed from pronouns).
    for a in attributions.iter_mut() {
        let others = a.on_behalf_of.iter_mut().chain(a.addressees.iter_mut());
        for m in others.filter(|m| m.reference.is_none()) {
            let name = speaker_name(&m.text);
            if is_pronoun(name) || name_id(name).is_empty() {
                continue;
            }
            let bare = without_titles(name);
            let word = fold_name(bare);
            let fits: Vec<&(String, String)> = (full.iter())
                .filter(|(_, f)| !bare.contains(char::is_whitespace) && last_word(f) == word)
                .collect();
            let (id, named) = match (fits.as_slice(), known.get(&fold_name(bare))) {
                (_, Some(id)) => (id.clone(), bare.to_string()),
                ([one], None) => (one.0.clone(), one.1.clone()),
                _ => (name_id(bare), bare.to_string()),
            };
            if named != name || name_id(&named) != id {
                m.reference = Some((id, Some(named)));
            }
        }
    }
    // A pronoun is the nearest named source before it in the text.
    let start = |a: &Attribution| a.content.first().map_or(0, |p| p.0);
    let mut order: Vec<usize> = (0..attributions.len()).collect();
    order.sort_by_key(|&i| start(&attributions[i]));
    let mut last: Option<(String, String)> = None;
    for i in order {
        if let Some(r) = &resolved[i] {
            last = Some(r.clone());
            continue;
        }
        let Some(m) = &attributions[i].speaker else {
            continue;
        };
        if m.reference.is_some() || !is_pronoun(speaker_name(&m.text)) {
            continue;
        }
        if let Some((id, name)) = &last {
            let surface = m.text.clone();
            attributions[i].speaker = Some(Mention {
                text: name.clone(),
                reference: Some((id.clone(), Some(name.clone()))),
            });
            note(&mut attributions[i], &surface);
        }
    }
}

/// The folded names and aliases of `actors` to their ids (a name two actors share is
/// left out: it decides nothing).
pub fn known_names<'a>(
    actors: impl Iterator<Item = &'a crate::model::Actor>,
) -> HashMap<String, String> {
    let mut map: HashMap<String, Option<String>> = HashMap::new();
    for a in actors {
        for n in a.names() {
            map.entry(fold_name(n))
                .and_modify(|v| {
                    if v.as_deref() != Some(a.id.as_str()) {
                        *v = None;
                    }
                })
                .or_insert_with(|| Some(a.id.clone()));
        }
    }
    map.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(speaker: &str, at: usize) -> Attribution {
        Attribution {
            key: format!("E{at}"),
            content: vec![(at, at + 5)],
            speaker: Some(Mention::text(speaker)),
            ..Attribution::default()
        }
    }

    fn who(a: &Attribution) -> Option<&str> {
        let m = a.speaker.as_ref()?;
        Some(
            m.reference
                .as_ref()
                .map_or(m.text.as_str(), |(id, _)| id.as_str()),
        )
    }

    #[test]
    fn titles_come_off_and_a_last_name_joins_the_full_name() {
        assert_eq!(
            without_titles("Retired Lt. Gen. Michael Flynn"),
            "Michael Flynn"
        );
        assert_eq!(without_titles("Frau Merkel"), "Merkel");
        assert_eq!(
            without_titles("President"),
            "President",
            "nothing else left"
        );
        let mut a = vec![
            said("Retired Lt. Gen. Michael Flynn, a top Trump surrogate,", 10),
            said("Flynn", 50),
            said("Mr. Trump", 90),
        ];
        resolve(&mut a, &HashMap::new());
        assert_eq!(who(&a[0]), Some("michael-flynn"));
        assert_eq!(who(&a[1]), Some("michael-flynn"));
        assert_eq!(who(&a[2]), Some("trump"));
        assert_eq!(
            a[1].notes, None,
            "a name is not a guess: the surface stays an alias"
        );
    }

    #[test]
    fn a_pronoun_is_the_nearest_named_source_before_it_and_keeps_its_surface() {
        let mut a = vec![
            said("he", 70),
            said("Dana Whitlock", 40),
            said("she", 5),
            said("who", 120),
            said("Aides", 100),
        ];
        resolve(&mut a, &HashMap::new());
        assert_eq!(who(&a[0]), Some("dana-whitlock"));
        assert_eq!(a[0].notes.as_deref(), Some("source as written: “he”"));
        assert_eq!(
            who(&a[2]),
            Some("she"),
            "nothing named before it: unresolved"
        );
        assert_eq!(a[2].notes, None);
        assert_eq!(who(&a[3]), Some("aides"));
    }

    #[test]
    fn a_known_actor_wins_by_name_or_alias() {
        let actor = crate::model::Actor {
            id: "flynn".into(),
            name: "Michael T. Flynn".into(),
            aliases: vec!["Michael Flynn".into()],
            kind: crate::model::ActorKind::Person,
            role: None,
            affiliation: None,
            country: None,
        };
        let known = known_names(std::iter::once(&actor));
        let mut a = vec![said("Gen. Michael Flynn", 0)];
        resolve(&mut a, &known);
        assert_eq!(who(&a[0]), Some("flynn"));
    }
}
