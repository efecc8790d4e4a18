//! The synthetic actor population: named people, spokespeople, governments, ministries, organisations, media, groups.

use super::words::{GOVERNMENTS, MEDIA, MINISTRIES, NATIONS, ORGANISATIONS, romanise, slug};
use serde::Serialize;

/// One actor as written to every article that mentions it (identically each time).
#[derive(Clone, Debug, Serialize)]
pub struct GenActor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Whom this actor speaks for (a spokesperson's principal, a ministry's government).
    #[serde(skip)]
    pub principal: Option<usize>,
    /// How articles in Cyrillic name the actor, when different from `name`.
    #[serde(skip)]
    pub native: Option<String>,
}

impl GenActor {
    /// The name an article in `lang` uses for the actor.
    pub fn name_in(&self, lang: &str) -> &str {
        match (&self.native, lang) {
            (Some(native), "ru") => native,
            _ => &self.name,
        }
    }
}

fn actor(id: String, name: String, aliases: Vec<String>, kind: &'static str) -> GenActor {
    GenActor {
        id,
        name,
        aliases,
        kind,
        role: None,
        affiliation: None,
        country: None,
        principal: None,
        native: None,
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// How many hand-written prominent actors lead the population.
pub const FAMOUS: usize = 6;

/// `count` actors, the most prominent first: activity falls with the index.
pub fn population(count: usize, rng: &mut fastrand::Rng) -> Vec<GenActor> {
    let mut out: Vec<GenActor> = Vec::with_capacity(count);
    let fixed = |a: GenActor, out: &mut Vec<GenActor>| out.push(a);

    // A few well-known voices at the top of the activity ranking.
    let mut putin = actor(
        "putin".into(),
        "Vladimir Putin".into(),
        strings(&[
            "Putin",
            "Wladimir Putin",
            "Poutine",
            "Путин",
            "Владимир Путин",
        ]),
        "person",
    );
    putin.role = Some("President of Russia".into());
    putin.country = Some("RU".into());
    putin.native = Some("Владимир Путин".into());
    fixed(putin, &mut out);
    let mut peskov = actor(
        "peskov".into(),
        "Dmitry Peskov".into(),
        strings(&[
            "Dmitri Peskow",
            "Peskov",
            "Peskow",
            "Pieskow",
            "Песков",
            "Дмитрий Песков",
        ]),
        "person",
    );
    peskov.role = Some("Kremlin spokesman".into());
    peskov.affiliation = Some("Kremlin".into());
    peskov.country = Some("RU".into());
    peskov.principal = Some(0);
    peskov.native = Some("Дмитрий Песков".into());
    fixed(peskov, &mut out);
    let mut zelensky = actor(
        "zelensky".into(),
        "Volodymyr Zelensky".into(),
        strings(&[
            "Selenskyj",
            "Wolodymyr Selenskyj",
            "Zełenski",
            "Зеленський",
            "Зеленский",
        ]),
        "person",
    );
    zelensky.role = Some("President of Ukraine".into());
    zelensky.country = Some("UA".into());
    zelensky.native = Some("Владимир Зеленский".into());
    fixed(zelensky, &mut out);
    let mut kallas = actor(
        "kallas".into(),
        "Kaja Kallas".into(),
        strings(&["Kallas", "Каллас"]),
        "person",
    );
    kallas.role = Some("High Representative of the EU for Foreign Affairs".into());
    kallas.affiliation = Some("European Union".into());
    fixed(kallas, &mut out);
    let mut sikorski = actor(
        "sikorski".into(),
        "Radosław Sikorski".into(),
        strings(&["Sikorski", "Radoslaw Sikorski", "Сикорский"]),
        "person",
    );
    sikorski.role = Some("Foreign Minister of Poland".into());
    sikorski.country = Some("PL".into());
    fixed(sikorski, &mut out);
    let mut zakharova = actor(
        "zakharova".into(),
        "Maria Zakharova".into(),
        strings(&["Marija Sacharowa", "Zakharova", "Sacharowa", "Захарова"]),
        "person",
    );
    zakharova.role = Some("Spokeswoman of the Russian Foreign Ministry".into());
    zakharova.country = Some("RU".into());
    zakharova.native = Some("Мария Захарова".into());
    let zakharova_at = out.len();
    fixed(zakharova, &mut out);

    // Governments, each with its ministries.
    let mut russian_foreign_ministry = None;
    for (country, land, aliases) in GOVERNMENTS {
        let gov_index = out.len();
        let mut gov = actor(
            format!("{}-government", country.to_ascii_lowercase()),
            format!("Government of {land}"),
            strings(aliases),
            "government",
        );
        gov.country = Some(country.to_string());
        out.push(gov);
        for ministry in MINISTRIES {
            let mut m = actor(
                format!("{}-{}", country.to_ascii_lowercase(), slug(ministry)),
                format!("{ministry} of {land}"),
                Vec::new(),
                "ministry",
            );
            m.country = Some(country.to_string());
            m.principal = Some(gov_index);
            if *country == "RU" && *ministry == "Foreign Ministry" {
                russian_foreign_ministry = Some(out.len());
                m.aliases = strings(&["МИД России", "russisches Außenministerium"]);
            }
            out.push(m);
        }
    }
    out[zakharova_at].principal = russian_foreign_ministry;
    for (id, name, aliases) in ORGANISATIONS {
        out.push(actor(
            id.to_string(),
            name.to_string(),
            strings(aliases),
            "organisation",
        ));
    }
    for (id, name, aliases) in MEDIA {
        let mut m = actor(id.to_string(), name.to_string(), strings(aliases), "media");
        m.affiliation = Some("news agency".into());
        out.push(m);
    }
    let heads = out.len();

    // Everyone else: people (some of them spokespeople), and a few unnamed groups.
    let roles = [
        "Foreign Minister",
        "Defence Minister",
        "Member of Parliament",
        "Ambassador",
        "Deputy Foreign Minister",
        "Prime Minister",
        "Mayor",
        "Party leader",
        "Senator",
        "Military analyst",
    ];
    let mut n = 0usize;
    while out.len() < count {
        n += 1;
        let index = out.len();
        if rng.u32(0..50) == 0 {
            let group = actor(
                format!("group-{n}"),
                format!("Participants of meeting no. {n}"),
                Vec::new(),
                "group",
            );
            out.push(group);
            continue;
        }
        let nation = &NATIONS[rng.usize(0..NATIONS.len())];
        let first = nation.first[rng.usize(0..nation.first.len())];
        let last = nation.last[rng.usize(0..nation.last.len())];
        let written = format!("{first} {last}");
        let (name, native, mut aliases) = if nation.lang == "ru" {
            let latin = romanise(&written);
            let surname = romanise(last);
            (
                latin,
                Some(written.clone()),
                vec![surname, written, last.to_string()],
            )
        } else {
            let plain = romanise(&written);
            let mut aliases = vec![last.to_string()];
            if plain != written {
                aliases.push(plain);
            }
            (written, None, aliases)
        };
        aliases.dedup();
        let mut person = actor(format!("{}-{n}", slug(&name)), name, aliases, "person");
        person.native = native;
        person.country = Some(nation.country.to_string());
        if index > heads && rng.u32(0..10) == 0 {
            // A spokesperson for someone more prominent.
            let principal = rng.usize(0..index.min(heads + 200));
            if out[principal].kind != "person" || out[principal].principal.is_none() {
                person.role = Some(format!("Spokesperson for {}", out[principal].name));
                person.principal = Some(principal);
            }
        }
        if person.role.is_none() {
            person.role = Some(roles[rng.usize(0..roles.len())].to_string());
            if rng.bool() {
                person.affiliation = Some(format!("Government of {}", nation_land(nation.country)));
            }
        }
        out.push(person);
    }
    out.truncate(count);
    for a in &mut out {
        if a.principal.is_some_and(|p| p >= count) {
            a.principal = None;
        }
    }
    out
}

fn nation_land(country: &str) -> &'static str {
    GOVERNMENTS
        .iter()
        .find(|(c, _, _)| *c == country)
        .map_or("Unknown", |(_, land, _)| land)
}
