//! Speakers found before and after cues: titles, particles, seats, spokespeople, roles.

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
fn names_keep_their_particles_seats_and_nominative() {
    let en = Lexicon::builtin("en");
    let de = Lexicon::builtin("de");
    let name = |text: &str, cue: &str, lexicon: &Lexicon| {
        let (w, i) = at_cue(text, cue);
        before(text, &w, i, lexicon, None).map(|s| (s.name, s.by_role))
    };
    let named = |n: &str| Some((n.to_string(), false));
    assert_eq!(
        name("Energy Minister Pieter de Vries told", "told", &en),
        named("Pieter de Vries")
    );
    assert_eq!(
        name("Ursula von der Leyen sagte", "sagte", &de),
        named("Ursula von der Leyen")
    );
    assert_eq!(
        name("The Interior Ministry in Kyiv said", "said", &en),
        named("Interior Ministry in Kyiv")
    );
    assert_eq!(
        name(
            "Wie die Nachrichtenagentur dpa berichtete",
            "berichtete",
            &de
        ),
        named("dpa")
    );
    assert_eq!(
        name("Ein Regierungssprecher sagte", "sagte", &de),
        named("Regierungssprecher")
    );
    assert_eq!(
        name("The minister said", "said", &en),
        Some(("minister".into(), true))
    );
    let text = "Nach Angaben des Verteidigungsministeriums fehlen";
    let (w, _) = at_cue(text, "Angaben");
    assert_eq!(
        after(text, &w, 2, &de).map(|s| s.name).as_deref(),
        Some("Verteidigungsministerium")
    );
    let text = "sagte der SPD-Politiker in Berlin";
    let (w, i) = at_cue(text, "sagte");
    let s = after(text, &w, i + 1, &de).expect("a role");
    assert_eq!((s.name.as_str(), s.by_role), ("SPD-Politiker", true));
    let text = "According to Commission spokesman Tim Berg, a";
    let (w, _) = at_cue(text, "to");
    let s = after(text, &w, 2, &en).expect("a speaker");
    assert_eq!(
        (s.name.as_str(), s.principal.as_deref()),
        ("Tim Berg", Some("Commission"))
    );
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
