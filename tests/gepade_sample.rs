//! The shared GEPADE sample (not in the repository): every annotation with a Message is loaded, its text exactly its tokens.
//!
//! Ignored by default, as the sample is third-party data kept outside the repository:
//! `.ci/run` runs it with `GEPADE_SAMPLE=/work/shared/corpora/gepade-train-sample
//! cargo test --test gepade_sample -- --ignored`. Run without the variable, or with
//! it naming a missing folder, it fails: it never passes without reading the sample.

use demarche::record::Record;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The sample's folder, from `GEPADE_SAMPLE`; a panic when unset or missing.
fn sample() -> PathBuf {
    let dir = std::env::var_os("GEPADE_SAMPLE")
        .map(PathBuf::from)
        .expect("GEPADE_SAMPLE must name the GEPADE sample folder (with task1/)");
    assert!(
        dir.join("task1").is_dir(),
        "GEPADE_SAMPLE={} has no task1/ folder",
        dir.display()
    );
    dir
}

/// The `.json` files of a folder, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// One speech of the first layout as the test reads it: tokens by SentenceId, annotations.
struct Speech {
    tokens: HashMap<u64, Vec<String>>,
    annotations: Vec<Value>,
}

fn read(path: &Path) -> Speech {
    let doc: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    let tokens = doc["Sentences"]
        .as_array()
        .expect("Sentences")
        .iter()
        .map(|s| {
            let tokens = s["Tokens"].as_array().expect("Tokens");
            let tokens = tokens
                .iter()
                .map(|t| t.as_str().expect("token").to_string());
            (
                s["SentenceId"].as_u64().expect("SentenceId"),
                tokens.collect(),
            )
        })
        .collect();
    let annotations = doc["Annotations"].as_array().expect("Annotations").clone();
    Speech {
        tokens,
        annotations,
    }
}

/// An annotation's Message tokens in text order, as (sentence, index, token).
fn message(speech: &Speech, annotation: &Value) -> Vec<(u64, usize, String)> {
    let mut refs: Vec<(u64, usize)> = annotation["Message"]
        .as_array()
        .expect("Message")
        .iter()
        .map(|r| {
            let (s, t) = r.as_str().expect("ref").split_once(':').expect("s:t");
            (s.parse().expect("sentence"), t.parse().expect("token"))
        })
        .collect();
    refs.sort_unstable();
    refs.dedup();
    refs.into_iter()
        .map(|(s, t)| (s, t, speech.tokens[&s][t].clone()))
        .collect()
}

#[test]
#[ignore = "reads the shared GEPADE sample: run with GEPADE_SAMPLE=DIR and --ignored (.ci/run does)"]
fn every_annotation_with_a_message_is_a_statement_whose_text_is_its_tokens() {
    let dir = sample().join("task1");
    let loaded = demarche::load_paths(&[&dir]);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let store = &loaded.store;
    let by_key: HashMap<(String, String), Record> = store
        .all_ids()
        .map(|id| {
            let r = Record::of(store, id);
            ((r.article.id.to_string(), r.id.to_string()), r)
        })
        .collect();
    let (mut total, mut with, mut checked) = (0, 0, 0);
    for path in files(&dir) {
        let speech = read(&path);
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem");
        let article = stem.split('_').rev().nth(1).expect("ID part").to_string();
        for (n, annotation) in speech.annotations.iter().enumerate() {
            total += 1;
            let tokens = message(&speech, annotation);
            let key = (article.clone(), format!("a{}", n + 1));
            if tokens.is_empty() {
                assert!(!by_key.contains_key(&key), "{key:?} has no Message");
                continue;
            }
            with += 1;
            let r = by_key.get(&key).unwrap_or_else(|| panic!("{key:?} loaded"));
            // The statement's text is its tokens in order, with one space or none
            // between two, and one space where a piece ends.
            let mut rest = r.text;
            for (i, (_, _, token)) in tokens.iter().enumerate() {
                if i > 0 {
                    rest = rest.strip_prefix(' ').unwrap_or(rest);
                }
                rest = rest
                    .strip_prefix(token.as_str())
                    .unwrap_or_else(|| panic!("{key:?}: token {token:?} not next in {:?}", r.text));
            }
            assert_eq!(rest, "", "{key:?}: text past its tokens");
            let runs = 1 + tokens
                .windows(2)
                .filter(|w| w[0].0 != w[1].0 || w[0].1 + 1 != w[1].1)
                .count();
            assert_eq!(r.pieces.as_ref().map_or(1, Vec::len), runs, "{key:?}");
            checked += 1;
        }
    }
    let silent: usize = loaded
        .diagnostics
        .iter()
        .filter_map(|d| {
            d.message
                .split_once(" of ")
                .filter(|(_, m)| m.contains("have no Message"))
        })
        .map(|(n, _)| n.parse::<usize>().expect("count"))
        .sum();
    assert_eq!(store.len(), with);
    assert_eq!(checked, with);
    assert_eq!(
        silent,
        total - with,
        "annotations without a Message, as reported"
    );
    let mut speakers: HashMap<&str, usize> = HashMap::new();
    let mut modes: HashMap<&str, usize> = HashMap::new();
    for r in by_key.values() {
        let id = r.speaker.id;
        let kind = match () {
            _ if id.starts_with("unresolved:") => "unresolved",
            _ if id == demarche::loader::UNKNOWN_SOURCE => "no source",
            _ if id.starts_with("mdb:") && r.on_behalf_of.is_some() => "speaker for group",
            _ if id.starts_with("mdb:") => "speaker",
            _ => "named",
        };
        *speakers.entry(kind).or_default() += 1;
        *modes.entry(r.mode).or_default() += 1;
    }
    eprintln!(
        "GEPADE sample: {} speeches, {total} annotations, {with} with a Message, {} without; {} statements; speakers {speakers:?}; modes {modes:?}",
        store.article_count(),
        total - with,
        store.len()
    );
}

#[test]
#[ignore = "reads the shared GEPADE sample: run with GEPADE_SAMPLE=DIR and --ignored (.ci/run does)"]
fn the_alternative_layout_loads_the_same_statements() {
    let dir = sample();
    let records = |path: PathBuf| -> Vec<String> {
        let loaded = demarche::load_paths(&[path]);
        assert!(loaded.diagnostics.iter().all(|d| !d.is_error()));
        let store = &loaded.store;
        store
            .all_ids()
            .map(|id| serde_json::to_string(&Record::of(store, id)).expect("json"))
            .collect()
    };
    let alternative = files(&dir.join("task1_alternative_format"));
    assert!(!alternative.is_empty(), "no alternative-layout files");
    for path in alternative {
        let first = dir.join("task1").join(path.file_name().expect("name"));
        let (a, b) = (records(first), records(path));
        assert!(!a.is_empty());
        assert_eq!(a, b);
    }
}
