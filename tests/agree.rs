//! `demarche agree`: coders with known agreement (identical, disjoint, and one case computed by hand) give the expected figures, in JSON and as a table; a corpus of one annotator has nothing to compare.

mod common;

use assert_cmd::Command;
use serde_json::{Value, json};

const TEXT: &str =
    "Ana Alt sagte etwas. Ben Bo sagte mehr dazu. Cem Cy sagte nichts. Dora sagte alles.";

/// A statement record over `part` of the text, by `annotator`.
fn statement(annotator: &str, n: usize, part: &str, speaker: &str, mode: &str) -> Value {
    let start = TEXT.find(part).expect("part of the text");
    let chars = TEXT[..start].chars().count();
    json!({
        "id": format!("{annotator}/s{n}"), "speaker": speaker, "mode": mode, "text": part,
        "span": [chars, chars + part.chars().count()], "annotator": annotator,
        "topics": [{"topic": "talks", "stance": if n.is_multiple_of(2) { "supports" } else { "opposes" }}],
    })
}

/// A folder with one article coded by the given statements; the agreement as JSON.
fn agreement(statements: Vec<Value>) -> Value {
    let dir = folder(statements);
    let out = Command::cargo_bin("demarche")
        .expect("binary")
        .args(["agree", "--no-cache", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn folder(statements: Vec<Value>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = json!({
        "format": "demarche", "version": 1,
        "article": {"id": "a1", "text": TEXT},
        "actors": [
            {"id": "ana", "name": "Ana Alt", "kind": "person"},
            {"id": "ben", "name": "Ben Bo", "kind": "person"},
        ],
        "statements": statements,
    });
    std::fs::write(dir.path().join("a1.json"), doc.to_string()).expect("write");
    dir
}

fn both(who: &[&str]) -> Vec<Value> {
    who.iter()
        .flat_map(|a| {
            [
                statement(a, 1, "Ana Alt sagte etwas", "ana", "direct"),
                statement(a, 2, "Ben Bo sagte mehr dazu", "ben", "indirect"),
            ]
        })
        .collect()
}

#[test]
fn identical_annotators_agree_fully() {
    let r = agreement(both(&["x", "y"]));
    let pair = &r["articles"][0]["pairs"][0];
    assert_eq!(r["articles"][0]["annotators"], json!(["x", "y"]));
    assert_eq!(pair["matched"], 2);
    assert_eq!(pair["f1_exact"], 1.0);
    assert_eq!(pair["f1_overlap"], 1.0);
    assert_eq!(pair["speaker_agreement"], 1.0);
    assert_eq!(pair["mode_alpha"], 1.0);
    assert_eq!(pair["stance_alpha"], 1.0);
    assert_eq!(r["overall"]["pairs"], 1);
}

#[test]
fn disjoint_annotators_agree_not_at_all() {
    let r = agreement(vec![
        statement("x", 1, "Ana Alt sagte etwas", "ana", "direct"),
        statement("y", 1, "Dora sagte alles", "ben", "direct"),
    ]);
    let pair = &r["articles"][0]["pairs"][0];
    assert_eq!(pair["matched"], 0);
    assert_eq!(pair["f1_exact"], 0.0);
    assert_eq!(pair["f1_overlap"], 0.0);
    assert_eq!(pair["speaker_agreement"], Value::Null, "nothing matched");
    assert_eq!(pair["mode_alpha"], Value::Null);
}

fn by_hand() -> Vec<Value> {
    vec![
        statement("x", 1, "Ana Alt sagte etwas", "ana", "direct"),
        statement("x", 2, "Ben Bo sagte mehr dazu", "ben", "indirect"),
        statement("x", 3, "Cem Cy sagte nichts", "ben", "direct"),
        statement("y", 1, "Ana Alt sagte etwas", "ana", "direct"),
        statement("y", 2, "Ben Bo sagte mehr", "ana", "direct"),
        statement("y", 3, "Dora sagte alles", "ana", "direct"),
    ]
}

#[test]
fn the_filter_finds_what_not_every_annotator_marked_and_the_detail_says_who() {
    let dir = folder(by_hand());
    let ids = |filter: &str| -> Vec<String> {
        let listed = common::listed(dir.path(), filter);
        let key = |s: &Value| s["id"].as_str().unwrap_or("").to_string();
        listed.iter().map(key).collect()
    };
    let mut partial = ids("agreement:partial");
    partial.sort();
    assert_eq!(partial, ["x/s3", "y/s3"]);
    assert_eq!(ids("agreement:full").len(), 4);
    let loaded = demarche::load_paths(&[dir.path()]);
    let store = &loaded.store;
    let id = store
        .all_ids()
        .find(|&i| store.key(i) == "x/s2")
        .expect("x/s2");
    let marks = demarche::compare::agree::marked_by(store, id, Default::default());
    assert_eq!(
        marks,
        Some(vec![
            ("x".into(), Some("x/s2".into())),
            ("y".into(), Some("y/s2".into()))
        ])
    );
    let id = store
        .all_ids()
        .find(|&i| store.key(i) == "x/s3")
        .expect("x/s3");
    let marks = demarche::compare::agree::marked_by(store, id, Default::default());
    assert_eq!(
        marks.and_then(|m| m.get(1).cloned()),
        Some(("y".into(), None))
    );
}

#[test]
fn a_case_computed_by_hand() {
    // x codes three statements; y one the same (s1), one overlapping most of s2 with
    // another speaker and mode, and one x has not. Exact: 1 of 3 each side, F1 1/3;
    // overlap: 2 of 3, F1 2/3; speaker 1 of 2; mode units (direct, direct) and
    // (indirect, direct): n_direct 3, n_indirect 1, D_o 2/4, D_e 6/12, alpha 0.
    let r = agreement(by_hand());
    let pair = &r["articles"][0]["pairs"][0];
    let close = |v: &Value, x: f64| (v.as_f64().expect("number") - x).abs() < 1e-9;
    assert_eq!(pair["matched"], 2);
    assert!(close(&pair["f1_exact"], 1.0 / 3.0), "{pair}");
    assert!(close(&pair["f1_overlap"], 2.0 / 3.0), "{pair}");
    assert!(close(&pair["speaker_agreement"], 0.5), "{pair}");
    assert!(close(&pair["mode_alpha"], 0.0), "{pair}");
    assert_eq!(r["overall"]["matched"], 2);
}

#[test]
fn three_annotators_make_three_pairs_and_the_table_says_so() {
    let r = agreement(both(&["x", "y", "z"]));
    assert_eq!(r["articles"][0]["pairs"].as_array().map(Vec::len), Some(3));
    assert_eq!(r["overall"]["pairs"], 3);
    let out = Command::cargo_bin("demarche")
        .expect("binary")
        .args(["agree", "--no-cache", "assets/corpus"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("0 article(s) with two or more annotators; 1 with one"),
        "{table}"
    );
}
