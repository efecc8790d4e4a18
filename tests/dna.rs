//! The DNA event-list export read back with a CSV parser: DNA's columns, `;` separators, one row per statement and topic.

mod common;

use common::{fixture, stdout_of};
use std::collections::HashMap;

fn rows(path: &std::path::Path) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let out = stdout_of(&["export", "--format", "dna-csv", "-o", "-"], path);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn dna_columns_come_first_in_dna_order() {
    let (header, _) = rows(&fixture("stances"));
    let dna = "statement_id time person organization concept agreement start_position \
               stop_position text coder document_id document_title document_author \
               document_source document_section document_type";
    let expected: Vec<&str> = dna.split_whitespace().collect();
    assert_eq!(&header[..expected.len()], expected.as_slice());
    for extra in [
        "stance",
        "mode",
        "date_precision",
        "addressees",
        "translation",
        "url",
    ] {
        assert!(header.iter().any(|h| h == extra), "missing {extra}");
    }
}

#[test]
fn dna_rows_credit_the_principal_and_code_agreement() {
    let (_, rows) = rows(&fixture("stances"));
    assert_eq!(rows.len(), 7);
    let by_id: HashMap<&str, &HashMap<String, String>> = rows
        .iter()
        .map(|r| (r["statement_id"].as_str(), r))
        .collect();
    let kovac = by_id["a1s1"];
    assert_eq!(kovac["person"], "Ida Kovac");
    assert_eq!(kovac["organization"], "Valoria government");
    assert_eq!(kovac["concept"], "sanctions");
    assert_eq!(kovac["agreement"], "1");
    assert_eq!(kovac["time"], "2025-01-09 00:00:00");
    assert_eq!(kovac["text"], "the government backs new sanctions");
    assert_eq!(kovac["document_id"], "a1");
    assert_eq!(kovac["document_source"], "Fixture Post");
    assert_eq!(by_id["a1s2"]["agreement"], "0");
    // Neutral has no place in DNA's boolean agreement: empty, and said in `stance`.
    assert_eq!(by_id["a2s2"]["agreement"], "");
    assert_eq!(by_id["a2s2"]["stance"], "neutral");
    // An imprecise date starts at its first day; the date itself is kept too.
    assert_eq!(by_id["a2s2"]["time"], "2025-02-01 00:00:00");
    assert_eq!(by_id["a2s2"]["date_precision"], "month");
}

#[test]
fn a_statement_with_two_topics_is_two_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = r#"{"format":"demarche","version":1,"article":{"id":"x","text":"Talks; and =1+1 said."},
        "actors":[{"id":"a","name":"A; B","kind":"person"}],
        "statements":[{"id":"s","speaker":"a","mode":"direct","text":"=1+1","topics":[{"topic":"talks","stance":"supports"},{"topic":"aid","stance":"opposes"}]}]}"#;
    std::fs::write(dir.path().join("x.json"), doc).expect("write");
    let (_, rows) = rows(dir.path());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["concept"], "talks");
    assert_eq!(rows[1]["concept"], "aid");
    assert_eq!(rows[1]["agreement"], "0");
    // A separator inside a name is quoted, a formula-looking cell guarded.
    assert_eq!(rows[0]["person"], "A; B");
    assert_eq!(rows[0]["text"], "'=1+1");
}
