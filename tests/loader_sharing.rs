//! The loader's fast paths keep behaviour: shared actor definitions, borrowed and escaped strings, spans over non-ASCII text.

mod common;

use demarche::Severity;
use demarche::loader::{Source, SourceFormat, load_sources};

fn jsonl(name: &str, lines: &[&str]) -> Source {
    Source {
        name: name.to_string(),
        bytes: lines.join("\n").into_bytes(),
        format: SourceFormat::JsonLines,
    }
}

const KELM: &str = r#"{"id":"kelm","name":"Government of Kelm","aliases":["Kelm"," "],"kind":"government","country":"XB"}"#;

fn doc(id: &str, actor: &str, text: &str, statement_text: &str, span: [usize; 2]) -> String {
    format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"{id}","text":"{text}"}},"actors":[{actor}],"statements":[{{"id":"s1","speaker":"kelm","mode":"indirect","text":"{statement_text}","span":[{},{}]}}]}}"#,
        span[0], span[1]
    )
}

/// The diagnostics' messages, in order.
fn messages(loaded: &demarche::loader::Loaded) -> Vec<&str> {
    loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect()
}

/// An article "Kelm said WHAT." whose one statement is WHAT.
fn said(id: &str, actor: &str, what: &str) -> String {
    let span = [10, 10 + what.chars().count()];
    doc(id, actor, &format!("Kelm said {what}."), what, span)
}

#[test]
fn identical_definitions_load_silently_and_differing_ones_still_warn() {
    let kelm_renamed = KELM.replace("Government of Kelm", "Kelmish government");
    let kelm_spaced = KELM.replace(r#""role""#, r#""x""#).replace(
        r#""kind":"government""#,
        r#""kind":"government","role":"  ""#,
    );
    let lines = [
        said("a", KELM, "it would talk"),
        said("b", KELM, "it would wait"),
        said("c", &kelm_spaced, "it may wait"),
        said("d", &kelm_renamed, "no"),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let loaded = load_sources(vec![jsonl("one.jsonl", &refs)]);
    let warnings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", loaded.diagnostics);
    assert!(warnings[0].message.contains("name"), "{:?}", warnings[0]);
    assert_eq!(loaded.diagnostics.len(), 1);
    let store = &loaded.store;
    assert_eq!(store.len(), 4);
    assert_eq!(store.actors.len(), 1);
    assert_eq!(store.actors[0].name, "Government of Kelm");
    assert_eq!(store.actors[0].aliases, vec!["Kelm".to_string()]);
}

#[test]
fn escaped_and_non_ascii_strings_load_like_plain_ones() {
    // "Brüssel" written with an escape, quotes escaped, Cyrillic and an emoji before the span.
    let text = r#"\"Brüssel\" 🇪🇺 — Песков: man werde \"nicht\" verhandeln, und Kelm schweige."#;
    let line = doc(
        "esc",
        KELM,
        text,
        r#"man werde \"nicht\" verhandeln"#,
        [23, 51],
    )
    .replace(r#""article":{"#, r#""article":{"title":"Br\u00fcssel","#);
    let loaded = load_sources(vec![jsonl("esc.jsonl", &[&line])]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let store = &loaded.store;
    let id = store.all_ids().next().expect("one statement");
    assert_eq!(store.text(id), r#"man werde "nicht" verhandeln"#);
    assert_eq!(
        store.article(demarche::model::ArticleId(0)).title,
        Some("Brüssel")
    );
    let s = store.statement(id);
    assert_eq!((s.chars.start, s.chars.end), (23, 51));
}

#[test]
fn spans_out_of_text_order_resolve_correctly() {
    let text = "Łódź: Kelm sagte, man werde reden. Wrocław: Kelm sagte, man werde warten.";
    let line = format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"o","text":"{text}"}},"actors":[{KELM}],"statements":[{{"id":"s2","speaker":"kelm","mode":"indirect","text":"man werde warten","span":[56,72]}},{{"id":"s1","speaker":"kelm","mode":"indirect","text":"man werde reden","span":[18,33]}},{{"id":"s3","speaker":"kelm","mode":"indirect","text":"Wrocław","span":[35,42]}}]}}"#
    );
    let loaded = load_sources(vec![jsonl("o.jsonl", &[&line])]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let texts: Vec<&str> = loaded
        .store
        .all_ids()
        .map(|id| loaded.store.text(id))
        .collect();
    assert_eq!(texts, ["man werde reden", "Wrocław", "man werde warten"]);
}

#[test]
fn json_lines_keep_their_order_when_parsed_in_parallel() {
    // Lines 251..=500 repeat the article ids of lines 1..=250: each must be reported
    // as the later duplicate, in line order, and the first 250 kept in order.
    let lines: Vec<String> = (0..500)
        .map(|k| {
            doc(
                &format!("a{}", k % 250),
                KELM,
                "Kelm said it would talk.",
                "it would talk",
                [10, 23],
            )
        })
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let loaded = load_sources(vec![jsonl("many.jsonl", &refs)]);
    let lines_reported: Vec<usize> = loaded
        .diagnostics
        .iter()
        .map(|d| d.line.expect("line"))
        .collect();
    assert_eq!(lines_reported, (251..=500).collect::<Vec<_>>());
    let ids = common::article_ids(&loaded);
    let expected: Vec<String> = (0..250).map(|k| format!("a{k}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn large_articles_find_duplicates_and_references_beyond_the_short_list() {
    let n = 40;
    let actor = |i: usize| format!(r#"{{"id":"p{i}","name":"P {i}","kind":"person"}}"#);
    let mut actors: Vec<String> = (0..n).map(actor).collect();
    actors.push(actor(n - 3)); // defined twice
    let word = |i: usize| format!("w{i:02}");
    let text: Vec<String> = (0..n).map(word).collect();
    let text = text.join(" ");
    let statement = |i: usize, key: usize| {
        format!(
            r#"{{"id":"s{key}","speaker":"p{i}","mode":"paraphrase","text":"{}","span":[{},{}],"addressees":["q{}","q{}"],"topics":[{{"topic":"t{i}","stance":"neutral"}},{{"topic":"t{}","stance":"supports"}}]}}"#,
            word(i),
            i * 4,
            i * 4 + 3,
            i,
            (i + 1) % n,
            (i + 7) % n
        )
    };
    let mut statements: Vec<String> = (0..n).map(|i| statement(i, i)).collect();
    statements.push(statement(5, n - 2)); // duplicate statement id
    let first = format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"big","text":"{text}"}},"actors":[{}],"statements":[{}]}}"#,
        actors.join(","),
        statements.join(",")
    );
    let others: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"q{i}","name":"Q {i}","kind":"group"}}"#))
        .collect();
    let second = format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"other","text":"x"}},"actors":[{}]}}"#,
        others.join(",")
    );
    let loaded = load_sources(vec![jsonl("big.jsonl", &[&first, &second])]);
    let messages = messages(&loaded);
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("defined twice"), "{messages:?}");
    assert!(messages[1].contains("duplicate id"), "{messages:?}");
    let store = &loaded.store;
    assert_eq!(store.len(), n);
    assert_eq!(store.topics.len(), n);
    for id in store.all_ids() {
        let s = store.statement(id);
        let i: usize = s.key[1..].parse().expect("number");
        assert_eq!(store.actor(s.speaker).id, format!("p{i}"));
        assert_eq!(store.text(id), word(i));
        let addressees: Vec<&str> = s
            .addressees
            .iter()
            .map(|&a| store.actor(a).id.as_str())
            .collect();
        assert_eq!(addressees, [format!("q{i}"), format!("q{}", (i + 1) % n)]);
        let topics: Vec<&str> = s.topics.iter().map(|t| store.topic(t.topic)).collect();
        assert_eq!(topics, [format!("t{i}"), format!("t{}", (i + 7) % n)]);
    }
}

#[test]
fn skipped_articles_and_statements_leave_the_others_with_their_own_article_and_text() {
    let unknown_first = format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"c","text":"Kelm said no. Nobody said yes."}},"actors":[{KELM}],"statements":[{{"id":"s1","speaker":"nobody","mode":"indirect","text":"yes","span":[26,29]}},{{"id":"s2","speaker":"kelm","mode":"indirect","text":"no","span":[10,12]}}]}}"#
    );
    let lines = [
        said("a", KELM, "it would talk"),
        // The same article id again: the whole article is skipped.
        said("a", KELM, "it would wait"),
        unknown_first,
        said("d", KELM, "it may wait"),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let loaded = load_sources(vec![jsonl("mixed.jsonl", &refs)]);
    let messages = messages(&loaded);
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains("already loaded from")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown actor id \"nobody\""))
    );
    let store = &loaded.store;
    let mut kept: Vec<(&str, &str, &str)> = store
        .all_ids()
        .map(|id| {
            (
                store.article(store.article_of(id)).id,
                store.key(id),
                store.text(id),
            )
        })
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        [
            ("a", "s1", "it would talk"),
            ("c", "s2", "no"),
            ("d", "s1", "it may wait"),
        ]
    );
    assert_eq!(store.article_count(), 3);
}
