//! The CSV export as pandas and R read it: a unique statement key, parseable day bounds, topics joined or one per row.

use assert_cmd::Command;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// An article published 2025-02-14 with one statement of each kind of date, and an
/// undated article with an open-ended one; topics zero, one or two per statement.
const CORPUS: &str = r#"{"format":"demarche","version":1,"articles":[
{"format":"demarche","version":1,
 "article":{"id":"dated","published":"2025-02-14","text":"aa bb cc dd ee ff"},
 "actors":[{"id":"kelm","name":"Kelm","kind":"government"}],
 "statements":[
  {"id":"s1","speaker":"kelm","mode":"indirect","text":"aa","date":"2025-02-13","topics":[{"topic":"talks","stance":"supports"},{"topic":"deadline","stance":"opposes"}]},
  {"id":"s2","speaker":"kelm","mode":"indirect","text":"bb","date":"2025-02","topics":[{"topic":"talks","stance":"neutral"}]},
  {"id":"s3","speaker":"kelm","mode":"indirect","text":"cc","date":"before 2025-02-13"},
  {"id":"s4","speaker":"kelm","mode":"indirect","text":"dd","date":"after 2025-02-10"},
  {"id":"s5","speaker":"kelm","mode":"indirect","text":"ee","date":"2025"},
  {"id":"s6","speaker":"kelm","mode":"indirect","text":"ff"}]},
{"format":"demarche","version":1,
 "article":{"id":"undated","text":"gg"},
 "statements":[{"id":"s1","speaker":"kelm","mode":"indirect","text":"gg","date":"after 2025-02-10"}]}
]}"#;

/// The export's rows as maps from column name to cell.
fn export(corpus: Option<&Path>, extra: &[&str]) -> Vec<HashMap<String, String>> {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.csv");
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["export", "--format", "csv", "-o"])
        .arg(&out)
        .args(extra)
        .args(corpus)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(&out).expect("csv");
    let header = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            header
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

fn corpus() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, CORPUS).expect("write corpus");
    (dir, path)
}

#[test]
fn every_statement_has_a_unique_key_of_article_and_statement_id() {
    let (_dir, path) = corpus();
    let rows = export(Some(&path), &[]);
    assert_eq!(rows.len(), 7);
    let keys: HashSet<&str> = rows.iter().map(|r| r["statement"].as_str()).collect();
    assert_eq!(keys.len(), 7, "unique although both articles have an s1");
    assert!(
        keys.contains("dated#s1") && keys.contains("undated#s1"),
        "{keys:?}"
    );
    let bundled = export(None, &[]);
    let bundled_keys: HashSet<&str> = bundled.iter().map(|r| r["statement"].as_str()).collect();
    assert_eq!(bundled_keys.len(), bundled.len());
    assert!(bundled_keys.contains("2025-02-nato-brussels#s08"));
}

#[test]
fn date_from_and_date_to_are_iso_days_capped_by_publication_and_empty_when_open() {
    let (_dir, path) = corpus();
    let rows = export(Some(&path), &[]);
    let by_key: HashMap<&str, (&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["statement"].as_str(),
                (
                    r["date"].as_str(),
                    r["date_precision"].as_str(),
                    r["date_from"].as_str(),
                    r["date_to"].as_str(),
                ),
            )
        })
        .collect();
    let expected = [
        (
            "dated#s1",
            ("2025-02-13", "day", "2025-02-13", "2025-02-13"),
        ),
        ("dated#s2", ("2025-02", "month", "2025-02-01", "2025-02-14")),
        (
            "dated#s3",
            ("before 2025-02-13", "before", "", "2025-02-12"),
        ),
        (
            "dated#s4",
            ("after 2025-02-10", "after", "2025-02-11", "2025-02-14"),
        ),
        ("dated#s5", ("2025", "year", "2025-01-01", "2025-02-14")),
        ("dated#s6", ("", "unknown", "2025-02-14", "2025-02-14")),
        (
            "undated#s1",
            ("after 2025-02-10", "after", "2025-02-11", ""),
        ),
    ];
    for (key, cells) in expected {
        assert_eq!(by_key[key], cells, "{key}");
    }
}

#[test]
fn topics_rows_writes_one_row_per_statement_and_topic() {
    let (_dir, path) = corpus();
    let joined = export(Some(&path), &["--topics", "joined"]);
    assert_eq!(joined, export(Some(&path), &[]), "joined is the default");
    let rows = export(Some(&path), &["--topics", "rows"]);
    assert!(!rows[0].contains_key("topics"), "topic and stance instead");
    let mut pairs: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for r in &rows {
        pairs
            .entry(r["statement"].as_str())
            .or_default()
            .push((r["topic"].as_str(), r["stance"].as_str()));
    }
    assert_eq!(rows.len(), 8, "s1 twice, every other statement once");
    assert_eq!(
        pairs["dated#s1"],
        [("talks", "supports"), ("deadline", "opposes")]
    );
    assert_eq!(pairs["dated#s2"], [("talks", "neutral")]);
    assert_eq!(
        pairs["dated#s3"],
        [("", "")],
        "no topic: one row, empty topic"
    );
    let first = rows
        .iter()
        .position(|r| r["statement"] == "dated#s1")
        .expect("s1");
    // Every other cell of a statement's rows is the same.
    let strip = |r: &HashMap<String, String>| {
        let mut r = r.clone();
        r.remove("topic");
        r.remove("stance");
        r
    };
    assert_eq!(strip(&rows[first]), strip(&rows[first + 1]));
    let mut joined_s1 = joined
        .iter()
        .find(|r| r["statement"] == "dated#s1")
        .expect("s1")
        .clone();
    assert_eq!(joined_s1["topics"], "talks:supports; deadline:opposes");
    joined_s1.remove("topics");
    assert_eq!(strip(&rows[first]), joined_s1);
}
