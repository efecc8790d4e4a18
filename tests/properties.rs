//! Property tests: random corpora and random filter strings never panic, and indexed
//! filtering, export and reloading agree with brute force.

use demarche::export::{self, Format, Options};
use demarche::filter::Filter;
use demarche::loader::{Source, SourceFormat, load_sources};
use demarche::model::StatementId;
use proptest::prelude::*;
use serde_json::json;

const WORDS: &[&str] = &[
    "Frieden",
    "Stärke",
    "négociation",
    "Україна",
    "talks",
    "EU",
    "»Nein«",
    "zone",
    "Łódź",
    "peace",
];
const MODES: &[&str] = &["direct", "indirect", "mixed", "paraphrase"];
const STANCES: &[&str] = &["supports", "opposes", "neutral"];
const DATES: &[&str] = &[
    "2025-02-13",
    "2025-02",
    "2024",
    "before 2025-01-10",
    "after 2023-05-05",
];
const ACTORS: &[(&str, &str)] = &[
    ("peskov", "Dmitri Peskow"),
    ("rutte", "Mark Rutte"),
    ("kallas", "Kaja Kallas"),
    ("zelensky", "Wolodimir Selenskij"),
];

/// One random statement: words, speaker, principal, mode, date, topic, stance.
fn statement() -> impl Strategy<
    Value = (
        Vec<usize>,
        usize,
        Option<usize>,
        usize,
        Option<usize>,
        usize,
        usize,
    ),
> {
    (
        prop::collection::vec(0..WORDS.len(), 1..6),
        0..ACTORS.len(),
        prop::option::of(0..ACTORS.len()),
        0..MODES.len(),
        prop::option::of(0..DATES.len()),
        0..3usize,
        0..STANCES.len(),
    )
}

/// A corpus of one or two articles built from random statements, as native JSON documents.
fn corpus() -> impl Strategy<Value = Vec<serde_json::Value>> {
    prop::collection::vec(prop::collection::vec(statement(), 0..12), 1..3).prop_map(|articles| {
        articles
            .into_iter()
            .enumerate()
            .map(|(a, statements)| {
                let mut text = String::from("Präambel. ");
                let mut out = Vec::new();
                for (i, (words, speaker, principal, mode, date, topic, stance)) in statements.into_iter().enumerate() {
                    let quote: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                    let quote = format!("{} #{i}", quote.join(" "));
                    let start = text.chars().count();
                    text.push_str(&quote);
                    let end = text.chars().count();
                    text.push_str(", sagte jemand. ");
                    let mut s = json!({
                        "id": format!("s{i}"), "speaker": ACTORS[speaker].0, "mode": MODES[mode],
                        "text": quote, "span": [start, end],
                        "topics": [{"topic": format!("topic-{topic}"), "stance": STANCES[stance]}],
                    });
                    if let Some(p) = principal.filter(|&p| p != speaker) {
                        s["on_behalf_of"] = json!(ACTORS[p].0);
                    }
                    if let Some(d) = date {
                        s["date"] = json!(DATES[d]);
                    }
                    out.push(s);
                }
                json!({
                    "format": "demarche", "version": 1,
                    "article": {"id": format!("a{a}"), "text": text, "language": "de", "published": "2025-02"},
                    "actors": ACTORS.iter().map(|(id, name)| json!({"id": id, "name": name, "kind": "person"})).collect::<Vec<_>>(),
                    "statements": out,
                })
            })
            .collect()
    })
}

fn load(docs: &[serde_json::Value]) -> demarche::Loaded {
    load_sources(
        docs.iter()
            .enumerate()
            .map(|(i, d)| Source {
                name: format!("doc-{i}.json"),
                bytes: d.to_string().into_bytes(),
                format: SourceFormat::Json,
            })
            .collect(),
    )
}

/// Filter expressions assembled from the language's own pieces.
fn expression() -> impl Strategy<Value = String> {
    let term = prop_oneof![
        (0..ACTORS.len()).prop_map(|a| format!("actor:{}", &ACTORS[a].1[..4])),
        (0..MODES.len()).prop_map(|m| format!("mode:{}", MODES[m])),
        (0..3usize).prop_map(|t| format!("topic:topic-{t}")),
        (0..STANCES.len()).prop_map(|s| format!("stance:{}", STANCES[s])),
        Just("since:2025-01".to_string()),
        Just("until:2025-02-12".to_string()),
        (0..WORDS.len()).prop_map(|w| WORDS[w].to_lowercase()),
        Just("\"frieden stärke\"".to_string()),
        Just("kind:person".to_string()),
    ];
    prop::collection::vec((any::<bool>(), term), 0..4).prop_map(|terms| {
        terms
            .into_iter()
            .map(|(neg, t)| if neg { format!("-{t}") } else { t })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_corpora_load_cleanly_and_in_order(docs in corpus()) {
        let loaded = load(&docs);
        prop_assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let expected: usize = docs.iter().map(|d| d["statements"].as_array().map_or(0, Vec::len)).sum();
        prop_assert_eq!(loaded.store.len(), expected);
        let store = &loaded.store;
        let days: Vec<_> = store.statements().map(|s| s.date.or(store.article(s.article).published).map(|d| d.sort_day())).collect();
        prop_assert!(days.windows(2).all(|w| w[0] <= w[1]), "chronological");
    }

    #[test]
    fn filtering_equals_brute_force(docs in corpus(), expr in expression()) {
        let loaded = load(&docs);
        let store = &loaded.store;
        let matcher = Filter::parse(&expr).expect("generated expressions are valid").compile(store);
        let brute: Vec<StatementId> = store.all_ids().filter(|&id| matcher.matches(store, id)).collect();
        prop_assert_eq!(matcher.run(store), brute);
    }

    #[test]
    fn exporting_n_statements_loads_back_n(docs in corpus(), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..8)) {
        let loaded = load(&docs);
        let store = &loaded.store;
        prop_assume!(!store.is_empty());
        let mut ids: Vec<StatementId> = picks.iter().map(|p| StatementId(p.index(store.len()) as u32)).collect();
        ids.sort();
        ids.dedup();
        let mut bytes = Vec::new();
        export::write(store, &ids, Format::Json, Options::default(), &mut bytes).expect("write");
        let back = load_sources(vec![Source { name: "export.json".into(), bytes, format: SourceFormat::Json }]);
        prop_assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        prop_assert_eq!(back.store.len(), ids.len());
        let mut csv = Vec::new();
        export::write(store, &ids, Format::Csv, Options::default(), &mut csv).expect("csv");
        prop_assert_eq!(csv::Reader::from_reader(csv.as_slice()).records().count(), ids.len());
    }

    #[test]
    fn the_filter_parser_never_panics(expr in any::<String>()) {
        let _ = Filter::parse(&expr);
    }

    #[test]
    fn the_filter_parser_never_panics_on_near_misses(expr in "[-\"a-z: ]{0,40}") {
        if let Err(e) = Filter::parse(&expr) {
            prop_assert!(e.start <= e.end && e.end <= expr.len());
            let _ = e.pointed(&expr);
        }
    }

    #[test]
    fn the_loader_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in [SourceFormat::Json, SourceFormat::JsonLines] {
            let _ = load_sources(vec![Source { name: "random".into(), bytes: bytes.clone(), format }]);
        }
    }

    #[test]
    fn the_loader_never_panics_on_mangled_documents(docs in corpus(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = docs[0].to_string().into_bytes();
        let at = cut.index(bytes.len());
        bytes[at] = byte;
        let _ = load_sources(vec![Source { name: "mangled.json".into(), bytes, format: SourceFormat::Json }]);
    }
}
