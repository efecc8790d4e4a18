//! Resource limits: JSON Lines are read in blocks (line numbers stay right), overlong lines and
//! oversized documents are refused with a diagnostic, and many files load.

mod common;

use demarche::loader::{Limits, load_paths_with};
use serde_json::json;
use std::io::Write;

fn article(id: &str) -> String {
    json!({
        "format": "demarche", "version": 1,
        "article": {"id": id, "text": "Sie sagte: »Wir reden.«", "published": "2025-02"},
        "actors": [{"id": "berg", "name": "Anna Berg", "kind": "person"}],
        "statements": [{"id": "s1", "speaker": "berg", "mode": "direct", "text": "Wir reden."}]
    })
    .to_string()
}

fn small_blocks() -> Limits {
    Limits {
        max_document: 1 << 20,
        max_line: 2_000,
        block: 700,
        max_listed: 1_000,
    }
}

#[test]
fn json_lines_in_small_blocks_keep_their_line_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("many.jsonl");
    let mut f = std::fs::File::create(&path).expect("create");
    for line in 1..=50 {
        if line == 37 {
            writeln!(f, "{{\"format\": \"demarche\", oops").expect("write");
        } else {
            writeln!(f, "{}", article(&format!("a{line}"))).expect("write");
        }
    }
    drop(f);
    let loaded = load_paths_with(&[&path], &small_blocks());
    assert_eq!(loaded.store.article_count(), 49);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    assert_eq!(loaded.diagnostics[0].line, Some(37));
    assert!(
        loaded
            .store
            .articles()
            .any(|a| a.source.ends_with("many.jsonl:50"))
    );
}

#[test]
fn an_overlong_line_is_refused_and_the_next_lines_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.jsonl");
    let long = json!({"format": "demarche", "version": 1, "article": {"id": "long", "text": "x".repeat(5_000)}}).to_string();
    let content = [
        article("a1"),
        article("a2"),
        long,
        "not json".to_string(),
        article("a5"),
    ]
    .join("\n");
    std::fs::write(&path, content).expect("write");
    let loaded = load_paths_with(&[&path], &small_blocks());
    let lines: Vec<(Option<usize>, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, Some(3));
    assert!(lines[0].1.contains("line is longer than"), "{}", lines[0].1);
    assert_eq!(
        lines[1].0,
        Some(4),
        "line numbers continue after the skipped line"
    );
    let ids = common::article_ids(&loaded);
    assert_eq!(ids, ["a1", "a2", "a5"]);
}

#[test]
fn an_oversized_json_document_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.json");
    std::fs::write(&path, article("big") + &" ".repeat(3_000)).expect("write");
    let limits = Limits {
        max_document: 1_000,
        ..small_blocks()
    };
    let loaded = load_paths_with(&[&path], &limits);
    assert!(loaded.store.is_empty());
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("a .json document may be at most"),
        "{}",
        loaded.diagnostics[0]
    );
}

#[test]
fn ten_thousand_files_in_one_folder_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..10_000 {
        std::fs::write(
            dir.path().join(format!("a{i:05}.json")),
            article(&format!("a{i:05}")),
        )
        .expect("write");
    }
    let loaded = demarche::load_paths(&[dir.path()]);
    assert!(
        loaded.diagnostics.is_empty(),
        "{:?}",
        &loaded.diagnostics[..1]
    );
    assert_eq!(loaded.store.article_count(), 10_000);
    assert_eq!(loaded.store.len(), 10_000);
    assert_eq!(
        loaded.store.article(demarche::model::ArticleId(0)).id,
        "a00000",
        "in path order"
    );
}

#[test]
fn a_file_full_of_errors_lists_the_first_ones_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.jsonl");
    std::fs::write(&path, "{oops\n".repeat(300)).expect("write");
    let limits = Limits {
        max_listed: 50,
        ..small_blocks()
    };
    let loaded = load_paths_with(&[&path], &limits);
    assert_eq!(loaded.diagnostics.len(), 51);
    assert_eq!(loaded.diagnostics[49].line, Some(50));
    assert!(
        loaded.diagnostics[50]
            .message
            .starts_with("250 more problem(s) in this file not listed"),
        "{}",
        loaded.diagnostics[50]
    );
}
