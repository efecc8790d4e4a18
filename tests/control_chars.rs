//! Bidi overrides and zero-width characters from the data never reach a table or a Markdown report; JSON and CSV keep them verbatim.

mod common;

use assert_cmd::Command;
use std::path::Path;

/// An actor name reversed by U+202E (Trojan Source), and isolates, marks, zero-width
/// characters and a BOM in the role, title, topic and texts.
const CORPUS: &str = "{\"format\":\"demarche\",\"version\":1,\
\"article\":{\"id\":\"a\",\"title\":\"Ti\u{202A}tle\u{2069}\",\"outlet\":\"Out\u{FEFF}let\",\"published\":\"2025-02-14\",\
\"text\":\"Mallory said ok\u{200B}ay. Mallory said n\u{200F}o.\"},\
\"actors\":[{\"id\":\"mallory\",\"name\":\"Mallory \u{202E}lanimirc\",\"kind\":\"person\",\"role\":\"sp\u{2066}okes\u{00AD}man\u{2069}\"}],\
\"statements\":[\
{\"id\":\"s1\",\"speaker\":\"mallory\",\"mode\":\"indirect\",\"text\":\"ok\u{200B}ay\",\"translation\":\"o\u{200D}k\",\"topics\":[{\"topic\":\"tal\u{200C}ks\",\"stance\":\"opposes\"}]},\
{\"id\":\"s2\",\"speaker\":\"mallory\",\"mode\":\"direct\",\"text\":\"n\u{200F}o\",\"topics\":[{\"topic\":\"tal\u{200C}ks\",\"stance\":\"supports\"}]}]}";

/// The characters that reorder or hide text, one of each range.
const HIDDEN: [char; 10] = [
    '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200F}',
    '\u{FEFF}', '\u{00AD}',
];

fn output(args: &[&str], corpus: &Path) -> String {
    common::stdout_of(args, corpus)
}

fn corpus() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bidi.json");
    std::fs::write(&path, CORPUS).expect("fixture");
    (dir, path)
}

#[test]
fn tables_and_markdown_strip_bidi_and_zero_width_characters() {
    let (dir, path) = corpus();
    let exported = dir.path().join("out.md");
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["export", "--format", "md", "-o"])
        .arg(&exported)
        .arg(&path)
        .assert()
        .success();
    let outputs = [
        ("list", output(&["list"], &path)),
        ("list -t", output(&["list", "--translation"], &path)),
        ("actors", output(&["actors"], &path)),
        ("topics", output(&["topics"], &path)),
        ("list md", output(&["list", "--format", "md"], &path)),
        (
            "export md",
            std::fs::read_to_string(&exported).expect("written"),
        ),
    ];
    for (what, text) in &outputs {
        let found: Vec<char> = text.chars().filter(|c| HIDDEN.contains(c)).collect();
        assert!(found.is_empty(), "{what}: {found:?} in {text:?}");
        assert!(text.contains("Mallory"), "{what}: the name stays: {text}");
    }
    assert!(
        outputs[5].1.contains("lanimirc"),
        "the rest of the name is kept"
    );
}

#[test]
fn json_and_csv_keep_the_data_verbatim() {
    let (_dir, path) = corpus();
    let jsonl = output(&["list", "--format", "jsonl"], &path);
    assert!(jsonl.contains("Mallory \u{202E}lanimirc"), "{jsonl}");
    assert!(jsonl.contains("ok\u{200B}ay"), "{jsonl}");
    let csv = output(&["list", "--format", "csv"], &path);
    assert!(csv.contains("Mallory \u{202E}lanimirc"), "{csv}");
    let actors = output(&["actors", "--format", "csv"], &path);
    assert!(
        actors.contains("sp\u{2066}okes\u{00AD}man\u{2069}"),
        "{actors}"
    );
}
