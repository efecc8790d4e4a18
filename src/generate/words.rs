//! Word lists, names, places and reporting verbs the synthetic corpus is assembled from.

/// The languages articles are written in, with their share of articles in percent.
pub const LANGUAGES: &[(&str, u32)] = &[("de", 30), ("en", 25), ("fr", 15), ("pl", 15), ("ru", 15)];

/// Words of statements, most frequent first (sampled Zipf-like), per language.
pub fn vocabulary(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => DE,
        "fr" => FR,
        "pl" => PL,
        "ru" => RU,
        _ => EN,
    }
}

const EN: &[&str] = &[
    "the",
    "and",
    "would",
    "not",
    "that",
    "talks",
    "security",
    "government",
    "must",
    "our",
    "allies",
    "ceasefire",
    "border",
    "sanctions",
    "peace",
    "negotiations",
    "agreement",
    "cooperation",
    "partners",
    "support",
    "Europe",
    "troops",
    "guarantees",
    "dialogue",
    "pressure",
    "sovereignty",
    "responsibility",
    "stability",
    "region",
    "conflict",
    "commitment",
    "deadline",
    "delegation",
    "summit",
    "treaty",
    "escalation",
    "defence",
    "alliance",
    "unacceptable",
    "regrettable",
    "constructive",
    "immediately",
    "together",
    "without",
    "before",
    "against",
    "further",
    "clearly",
    "energy",
    "grain",
    "corridor",
    "observers",
    "referendum",
    "humanitarian",
    "reconstruction",
    "withdrawal",
    "arms",
    "inspection",
    "ultimatum",
    "compromise",
    "neighbours",
    "frontier",
    "airspace",
    "embargo",
];

const DE: &[&str] = &[
    "die",
    "und",
    "nicht",
    "werde",
    "dass",
    "Gespräche",
    "Sicherheit",
    "Regierung",
    "müsse",
    "unsere",
    "Verbündeten",
    "Waffenruhe",
    "Grenze",
    "Sanktionen",
    "Frieden",
    "Verhandlungen",
    "Abkommen",
    "Zusammenarbeit",
    "Partner",
    "Unterstützung",
    "Europa",
    "Truppen",
    "Garantien",
    "Dialog",
    "Druck",
    "Souveränität",
    "Verantwortung",
    "Stabilität",
    "Region",
    "Konflikt",
    "Zusage",
    "Frist",
    "Delegation",
    "Gipfel",
    "Vertrag",
    "Eskalation",
    "Verteidigung",
    "Bündnis",
    "inakzeptabel",
    "bedauerlich",
    "konstruktiv",
    "sofort",
    "gemeinsam",
    "ohne",
    "über",
    "gegen",
    "weiterhin",
    "Außenministerium",
    "Energie",
    "Getreide",
    "Korridor",
    "Beobachter",
    "Volksabstimmung",
    "humanitäre",
    "Wiederaufbau",
    "Rückzug",
    "Waffenlieferungen",
    "Überprüfung",
    "Ultimatum",
    "Kompromiss",
    "Nachbarn",
    "Luftraum",
    "Straße",
    "größer",
];

const FR: &[&str] = &[
    "le",
    "et",
    "ne",
    "pas",
    "que",
    "pourparlers",
    "sécurité",
    "gouvernement",
    "doit",
    "nos",
    "alliés",
    "cessez-le-feu",
    "frontière",
    "sanctions",
    "paix",
    "négociations",
    "accord",
    "coopération",
    "partenaires",
    "soutien",
    "l'Europe",
    "troupes",
    "garanties",
    "dialogue",
    "pression",
    "souveraineté",
    "responsabilité",
    "stabilité",
    "région",
    "conflit",
    "engagement",
    "échéance",
    "délégation",
    "sommet",
    "traité",
    "escalade",
    "défense",
    "alliance",
    "inacceptable",
    "regrettable",
    "constructif",
    "immédiatement",
    "ensemble",
    "sans",
    "avant",
    "contre",
    "davantage",
    "énergie",
    "céréales",
    "corridor",
    "observateurs",
    "référendum",
    "humanitaire",
    "reconstruction",
    "retrait",
    "armes",
    "contrôle",
    "ultimatum",
    "compromis",
    "voisins",
    "espace aérien",
    "embargo",
    "très",
    "déjà",
];

const PL: &[&str] = &[
    "i",
    "nie",
    "że",
    "będzie",
    "rozmowy",
    "bezpieczeństwo",
    "rząd",
    "musi",
    "nasi",
    "sojusznicy",
    "zawieszenie broni",
    "granica",
    "sankcje",
    "pokój",
    "negocjacje",
    "porozumienie",
    "współpraca",
    "partnerzy",
    "wsparcie",
    "Europa",
    "żołnierze",
    "gwarancje",
    "dialog",
    "presja",
    "suwerenność",
    "odpowiedzialność",
    "stabilność",
    "region",
    "konflikt",
    "zobowiązanie",
    "termin",
    "delegacja",
    "szczyt",
    "traktat",
    "eskalacja",
    "obrona",
    "sojusz",
    "nie do przyjęcia",
    "godne ubolewania",
    "konstruktywny",
    "natychmiast",
    "wspólnie",
    "bez",
    "przed",
    "przeciwko",
    "dalej",
    "wyraźnie",
    "energia",
    "zboże",
    "korytarz",
    "obserwatorzy",
    "referendum",
    "humanitarny",
    "odbudowa",
    "wycofanie",
    "broń",
    "kontrola",
    "ultimatum",
    "kompromis",
    "sąsiedzi",
    "przestrzeń powietrzna",
    "embargo",
    "Wschód",
];

const RU: &[&str] = &[
    "и",
    "не",
    "что",
    "будет",
    "переговоры",
    "безопасность",
    "правительство",
    "должно",
    "наши",
    "союзники",
    "перемирие",
    "граница",
    "санкции",
    "мир",
    "соглашение",
    "сотрудничество",
    "партнёры",
    "поддержка",
    "Европа",
    "войска",
    "гарантии",
    "диалог",
    "давление",
    "суверенитет",
    "ответственность",
    "стабильность",
    "регион",
    "конфликт",
    "обязательство",
    "срок",
    "делегация",
    "саммит",
    "договор",
    "эскалация",
    "оборона",
    "альянс",
    "неприемлемо",
    "прискорбно",
    "конструктивно",
    "немедленно",
    "вместе",
    "без",
    "до",
    "против",
    "далее",
    "ясно",
    "энергия",
    "зерно",
    "коридор",
    "наблюдатели",
    "референдум",
    "гуманитарный",
    "восстановление",
    "вывод",
    "оружие",
    "проверка",
    "ультиматум",
    "компромисс",
    "соседи",
    "воздушное пространство",
    "эмбарго",
    "ещё",
];

/// Quotation marks around a direct quote or a quoted fragment, per language.
pub fn quote_marks(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "de" => ("„", "“"),
        "fr" => ("« ", " »"),
        "pl" => ("„", "”"),
        "ru" => ("«", "»"),
        _ => ("“", "”"),
    }
}

/// Reporting verbs per language, and what joins a verb to reported speech.
pub fn cues(lang: &str) -> (&'static [&'static str], &'static str) {
    match lang {
        "de" => (
            &["sagte", "erklärte", "betonte", "warnte", "forderte"],
            ", ",
        ),
        "fr" => (
            &[
                "a déclaré",
                "a affirmé",
                "a souligné",
                "a averti",
                "a estimé",
            ],
            " que ",
        ),
        "pl" => (
            &[
                "powiedział",
                "oświadczył",
                "podkreślił",
                "ostrzegł",
                "zaznaczył",
            ],
            ", że ",
        ),
        "ru" => (
            &["заявил", "сообщил", "подчеркнул", "предупредил", "отметил"],
            ", что ",
        ),
        _ => (
            &["said", "told reporters", "stressed", "warned", "insisted"],
            " that ",
        ),
    }
}

/// Filler words for sentences that report no statement.
pub fn filler(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "Am Donnerstag trafen sich die Delegationen in einem Hotel am Stadtrand.",
            "Die Gespräche dauerten bis in die Nacht.",
            "Beobachter rechnen nicht mit einer schnellen Einigung.",
            "Zuvor hatte es Proteste vor dem Gebäude gegeben.",
        ],
        "fr" => &[
            "Les délégations se sont réunies jeudi dans un hôtel de la périphérie.",
            "Les discussions se sont prolongées tard dans la nuit.",
            "Les observateurs ne s'attendent pas à un accord rapide.",
            "Des manifestants s'étaient rassemblés devant le bâtiment.",
        ],
        "pl" => &[
            "W czwartek delegacje spotkały się w hotelu na obrzeżach miasta.",
            "Rozmowy trwały do późnej nocy.",
            "Obserwatorzy nie spodziewają się szybkiego porozumienia.",
            "Wcześniej przed budynkiem odbył się protest.",
        ],
        "ru" => &[
            "В четверг делегации встретились в гостинице на окраине города.",
            "Переговоры продолжались до поздней ночи.",
            "Наблюдатели не ожидают быстрого соглашения.",
            "Перед зданием ранее прошла акция протеста.",
        ],
        _ => &[
            "The delegations met on Thursday in a hotel on the outskirts of the city.",
            "The talks went on late into the night.",
            "Observers do not expect a quick agreement.",
            "Protesters had gathered outside the building earlier.",
        ],
    }
}

/// Places statements are made in.
pub const PLACES: &[&str] = &[
    "Brüssel",
    "Genève",
    "Kraków",
    "Москва",
    "Kyiv",
    "Warszawa",
    "Paris",
    "Berlin",
    "München",
    "Łódź",
    "Strasbourg",
    "Санкт-Петербург",
    "Wien",
    "Helsinki",
    "New York",
    "Minsk",
    "Zürich",
    "Gdańsk",
    "Île de la Cité",
    "Köln",
];

/// Outlets articles are published by, by language.
pub fn outlets(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "Süddeutsche Zeitung",
            "Der Tagesspiegel",
            "Die Presse",
            "Neue Zürcher Zeitung",
        ],
        "fr" => &["Le Monde", "Libération", "Le Temps", "L'Écho"],
        "pl" => &[
            "Gazeta Wyborcza",
            "Rzeczpospolita",
            "Dziennik Gazeta Prawna",
        ],
        "ru" => &["Коммерсантъ", "Новая газета", "Ведомости"],
        _ => &[
            "The Guardian",
            "Financial Times",
            "Politico Europe",
            "The Kyiv Independent",
        ],
    }
}

/// Topic slugs statements are about.
pub const TOPICS: &[&str] = &[
    "negotiations",
    "us-russia-talks",
    "eu-participation",
    "ukraine-participation",
    "appeasement",
    "concessions-to-russia",
    "peace-through-strength",
    "nato-cohesion",
    "support-for-ukraine",
    "military-strength",
    "minsk-agreements",
    "summit-venue",
    "ceasefire",
    "sanctions",
    "energy-security",
    "grain-corridor",
    "arms-deliveries",
    "border-treaty",
    "deadline",
    "de-escalation",
    "humanitarian-aid",
    "reconstruction",
    "refugees",
    "nuclear-safety",
    "cyber-security",
    "election-integrity",
    "minority-rights",
    "airspace",
    "black-sea",
    "baltic-security",
    "enlargement",
    "trade",
    "visa-policy",
    "disinformation",
    "prisoner-exchange",
    "war-crimes",
    "frozen-assets",
    "troop-withdrawal",
    "referendum",
    "observer-mission",
];

/// A people's first names, surnames, country code and the language its names are written in.
pub struct Nation {
    pub country: &'static str,
    pub lang: &'static str,
    pub first: &'static [&'static str],
    pub last: &'static [&'static str],
}

pub const NATIONS: &[Nation] = &[
    Nation {
        country: "DE",
        lang: "de",
        first: &[
            "Jürgen",
            "Björn",
            "Ursula",
            "Käthe",
            "Jörg",
            "Günter",
            "Sönke",
            "Annalena",
            "Friedrich",
            "Lena",
        ],
        last: &[
            "Müller",
            "Schröder",
            "Weiß",
            "Groß",
            "Köhler",
            "Bäcker",
            "Fußmann",
            "Jäger",
            "Hoffmann",
            "Krämer",
        ],
    },
    Nation {
        country: "FR",
        lang: "fr",
        first: &[
            "Hélène",
            "François",
            "Jérôme",
            "Anaïs",
            "Zoé",
            "Cécile",
            "Noël",
            "Gaël",
            "Océane",
            "Rémi",
        ],
        last: &[
            "Lefèvre",
            "Bérenger",
            "Dubois",
            "Gauthier",
            "Mélenchon",
            "Chénier",
            "Leclère",
            "Moreau",
            "Frémont",
            "Besançon",
        ],
    },
    Nation {
        country: "PL",
        lang: "pl",
        first: &[
            "Łukasz",
            "Małgorzata",
            "Wojciech",
            "Zofia",
            "Paweł",
            "Katarzyna",
            "Radosław",
            "Jędrzej",
            "Agnieszka",
            "Michał",
        ],
        last: &[
            "Wiśniewski",
            "Kowalczyk",
            "Woźniak",
            "Dąbrowski",
            "Zieliński",
            "Szymański",
            "Łuczak",
            "Kamiński",
            "Przybył",
            "Sikorski",
        ],
    },
    Nation {
        country: "RU",
        lang: "ru",
        first: &[
            "Сергей",
            "Мария",
            "Дмитрий",
            "Анна",
            "Алексей",
            "Ольга",
            "Николай",
            "Татьяна",
            "Юрий",
            "Елена",
        ],
        last: &[
            "Волков",
            "Смирнова",
            "Кузнецов",
            "Попова",
            "Соколов",
            "Лебедева",
            "Козлов",
            "Новикова",
            "Морозов",
            "Орлова",
        ],
    },
    Nation {
        country: "UA",
        lang: "ru",
        first: &[
            "Олександр",
            "Оксана",
            "Андрій",
            "Ірина",
            "Дмитро",
            "Юлія",
            "Тарас",
            "Наталія",
            "Віталій",
            "Олена",
        ],
        last: &[
            "Шевченко",
            "Коваленко",
            "Бондаренко",
            "Ткаченко",
            "Кравченко",
            "Олійник",
            "Мельник",
            "Бойко",
            "Гнатюк",
            "Руденко",
        ],
    },
    Nation {
        country: "GB",
        lang: "en",
        first: &[
            "James",
            "Olivia",
            "William",
            "Amelia",
            "Harry",
            "Charlotte",
            "George",
            "Emily",
            "Thomas",
            "Grace",
        ],
        last: &[
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas",
            "Roberts",
        ],
    },
    Nation {
        country: "US",
        lang: "en",
        first: &[
            "Michael", "Jennifer", "Robert", "Linda", "David", "Susan", "Richard", "Karen",
            "Joseph", "Nancy",
        ],
        last: &[
            "Johnson", "Miller", "Garcia", "Martinez", "Anderson", "Jackson", "White", "Harris",
            "Clark", "Lewis",
        ],
    },
];

/// Governments: country code, English name, the capital that stands for it, and other spellings.
pub const GOVERNMENTS: &[(&str, &str, &[&str])] = &[
    ("DE", "Germany", &["Berlin", "Bundesregierung"]),
    ("FR", "France", &["Paris", "gouvernement français"]),
    (
        "PL",
        "Poland",
        &["Warsaw", "Warschau", "Varsovie", "rząd RP"],
    ),
    (
        "RU",
        "Russia",
        &["Moscow", "Moskau", "Москва", "Kremlin", "Кремль"],
    ),
    ("UA", "Ukraine", &["Kyiv", "Kiew", "Київ", "Киев"]),
    ("GB", "the United Kingdom", &["London", "Downing Street"]),
    ("US", "the United States", &["Washington", "White House"]),
    ("BY", "Belarus", &["Minsk", "Мінск"]),
    ("LT", "Lithuania", &["Vilnius", "Wilna"]),
    ("LV", "Latvia", &["Riga", "Rīga"]),
    ("EE", "Estonia", &["Tallinn"]),
    ("FI", "Finland", &["Helsinki", "Helsingfors"]),
    ("HU", "Hungary", &["Budapest", "Magyarország"]),
    ("TR", "Türkiye", &["Ankara", "Turkey"]),
    ("CZ", "Czechia", &["Prague", "Praha", "Prag"]),
    ("RO", "Romania", &["Bucharest", "București"]),
    ("MD", "Moldova", &["Chișinău", "Kishinev"]),
    ("GE", "Georgia", &["Tbilisi", "Тбилиси"]),
    ("CN", "China", &["Beijing", "Peking"]),
    ("CH", "Switzerland", &["Bern", "Berne", "Schweiz"]),
];

/// Ministries every government has.
pub const MINISTRIES: &[&str] = &[
    "Foreign Ministry",
    "Defence Ministry",
    "Interior Ministry",
    "Finance Ministry",
    "Energy Ministry",
    "Justice Ministry",
    "Economy Ministry",
    "Ministry of Agriculture",
];

/// International organisations: id, name, aliases.
pub const ORGANISATIONS: &[(&str, &str, &[&str])] = &[
    (
        "nato",
        "NATO",
        &["North Atlantic Treaty Organization", "OTAN", "НАТО"],
    ),
    (
        "eu",
        "European Union",
        &["EU", "UE", "Europäische Union", "Евросоюз"],
    ),
    ("un", "United Nations", &["UN", "ONU", "UNO", "ООН"]),
    ("osce", "OSCE", &["OSZE", "ОБСЕ"]),
    (
        "iaea",
        "IAEA",
        &["Internationale Atomenergiebehörde", "МАГАТЭ"],
    ),
    (
        "council-of-europe",
        "Council of Europe",
        &["Europarat", "Conseil de l'Europe"],
    ),
    ("g7", "G7", &["Group of Seven"]),
    (
        "icrc",
        "International Committee of the Red Cross",
        &["ICRC", "CICR", "IKRK"],
    ),
    (
        "csto",
        "CSTO",
        &["ОДКБ", "Collective Security Treaty Organization"],
    ),
    (
        "european-commission",
        "European Commission",
        &[
            "Commission européenne",
            "EU-Kommission",
            "Komisja Europejska",
        ],
    ),
];

/// News agencies and broadcasters that are themselves sources of claims.
pub const MEDIA: &[(&str, &str, &[&str])] = &[
    ("ria", "RIA Novosti", &["RIA", "РИА Новости"]),
    ("tass", "TASS", &["ТАСС"]),
    ("interfax", "Interfax", &["Интерфакс"]),
    ("ukrinform", "Ukrinform", &["Укрінформ"]),
    (
        "pap",
        "Polish Press Agency",
        &["PAP", "Polska Agencja Prasowa"],
    ),
    ("dpa", "Deutsche Presse-Agentur", &["dpa"]),
    ("afp", "Agence France-Presse", &["AFP"]),
    ("reuters", "Reuters", &[]),
];

/// Transliterates a name into a lowercase ASCII slug part (`Łukasz Wiśniewski` → `lukasz-wisniewski`).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let mapped: &str = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'A'..='Z' => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'ę' | 'е' | 'Е' | 'є' | 'Є' => "e",
            'à' | 'â' | 'ą' | 'а' | 'А' => "a",
            'ï' | 'î' | 'і' | 'І' | 'и' | 'И' => "i",
            'ô' | 'ó' | 'о' | 'О' => "o",
            'ç' | 'ć' | 'Ć' | 'ц' | 'Ц' => "c",
            'ł' | 'Ł' | 'л' | 'Л' => "l",
            'ń' | 'н' | 'Н' => "n",
            'ś' | 'Ś' | 'с' | 'С' => "s",
            'ź' | 'ż' | 'Ż' | 'Ź' | 'з' | 'З' => "z",
            'б' | 'Б' => "b",
            'в' | 'В' => "v",
            'г' | 'Г' | 'ґ' => "g",
            'д' | 'Д' => "d",
            'ё' => "yo",
            'ж' | 'Ж' => "zh",
            'й' | 'ї' => "i",
            'к' | 'К' => "k",
            'м' | 'М' => "m",
            'п' | 'П' => "p",
            'р' | 'Р' => "r",
            'т' | 'Т' => "t",
            'у' | 'У' => "u",
            'ф' | 'Ф' => "f",
            'х' | 'Х' => "kh",
            'ч' | 'Ч' => "ch",
            'ш' | 'Ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'э' | 'Э' => "e",
            'ю' | 'Ю' => "yu",
            'я' | 'Я' => "ya",
            'ь' | 'ъ' => "",
            _ => "-",
        };
        out.push_str(mapped);
    }
    let mut slug = String::with_capacity(out.len());
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    slug
}

/// Romanises a Cyrillic name (`Сергей Волков` → `Sergey Volkov`), other text unchanged but accents.
pub fn romanise(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let s = slug(word);
        let mut chars = s.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_ids() {
        assert_eq!(slug("Łukasz Wiśniewski"), "lukasz-wisniewski");
        assert_eq!(slug("Сергей Волков"), "sergei-volkov");
        assert_eq!(slug("Jürgen Müller"), "juergen-mueller");
        assert_eq!(romanise("Дмитрий Морозов"), "Dmitrii Morozov");
    }
}
