//! Every CSV output of the binary guards formula cells: a corpus whose every text field starts with `=`, `+`, `-`, `@`, tab or CR.

use assert_cmd::Command;
use std::path::Path;

/// What a spreadsheet may run as a formula when a cell starts with it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Every free-text field (and every id) starts with a formula character. The article
/// text holds the statement texts, which begin with one too.
const CORPUS: &str = r#"{
  "format": "demarche", "version": 1,
  "article": {
    "id": "=article", "title": "+Title", "outlet": "-Outlet", "author": "@Author",
    "url": "=HYPERLINK(\"http://x\")", "published": "2025-02-14", "language": "\tde",
    "text": "=cmd|' /C calc'!A0 said +yes. It said -no. It said @maybe. It said \tperhaps. It said \rnever."
  },
  "actors": [
    {"id": "=kelm", "name": "=cmd|' /C calc'!A0", "aliases": ["+alias"], "kind": "government",
     "role": "@SUM(1)", "affiliation": "-affiliation", "country": "\tXB"},
    {"id": "@ostravia", "name": "\rOstravia", "kind": "person", "role": "=role"}
  ],
  "statements": [
    {"id": "=s1", "speaker": "=kelm", "on_behalf_of": "@ostravia", "mode": "indirect",
     "text": "+yes", "cue": "-said", "date": "2025-02-13", "place": "@Place",
     "addressees": ["@ostravia"], "topics": [{"topic": "=t", "stance": "supports"}, {"topic": "+u", "stance": "opposes"}],
     "translation": "-2+3", "notes": "=notes", "annotator": "+anna"},
    {"id": "+s2", "speaker": "@ostravia", "mode": "direct", "text": "-no", "cue": "\tsaid",
     "place": "\rPlace", "topics": [{"topic": "-v", "stance": "neutral"}], "translation": "@x", "notes": "\tn"},
    {"id": "-s3", "speaker": "=kelm", "mode": "paraphrase", "text": "@maybe", "translation": "\rx",
     "topics": [{"topic": "@w", "stance": "opposes"}, {"topic": "=t", "stance": "opposes"}]},
    {"id": "@s4", "speaker": "=kelm", "mode": "indirect", "text": "\tperhaps",
     "topics": [{"topic": "=t", "stance": "supports"}]},
    {"id": "\ts5", "speaker": "@ostravia", "mode": "indirect", "text": "\rnever"}
  ]
}"#;

fn demarche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
}

/// Every cell, header included, of CSV `bytes`.
fn cells(bytes: &[u8]) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes)
        .records()
        .flat_map(|r| {
            r.expect("a valid CSV record")
                .iter()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn stdout_of(args: &[&str], corpus: &Path) -> Vec<u8> {
    demarche()
        .args(args)
        .arg(corpus)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn exported(args: &[&str], corpus: &Path, dir: &Path, name: &str) -> Vec<u8> {
    let out = dir.join(name);
    demarche()
        .args(["export", "--format", "csv", "-o"])
        .arg(&out)
        .args(args)
        .arg(corpus)
        .assert()
        .success();
    std::fs::read(out).expect("export written")
}

#[test]
fn no_csv_output_has_an_unguarded_formula_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("hostile.json");
    std::fs::write(&corpus, CORPUS).expect("fixture");
    // The fixture loads whole: every field reaches the outputs.
    demarche()
        .args(["check", "--strict"])
        .arg(&corpus)
        .assert()
        .success();
    let outputs = [
        ("export", exported(&[], &corpus, dir.path(), "joined.csv")),
        (
            "export --topics rows",
            exported(&["--topics", "rows"], &corpus, dir.path(), "rows.csv"),
        ),
        ("list", stdout_of(&["list", "--format", "csv"], &corpus)),
        ("actors", stdout_of(&["actors", "--format", "csv"], &corpus)),
        ("topics", stdout_of(&["topics", "--format", "csv"], &corpus)),
    ];
    for (what, bytes) in &outputs {
        let cells = cells(bytes);
        assert!(cells.len() > 10, "{what}: {cells:?}");
        for cell in &cells {
            // A plain negative number (`topics`' `net`) evaluates to itself.
            let number = cell
                .strip_prefix('-')
                .is_some_and(|n| n.parse::<u64>().is_ok());
            assert!(
                number || !cell.starts_with(FORMULA_STARTS),
                "{what}: unguarded cell {cell:?}"
            );
        }
        // The data is there, only prefixed.
        assert!(
            cells.iter().any(|c| c == "'=cmd|' /C calc'!A0"),
            "{what}: {cells:?}"
        );
    }
    let all = |what: &str| {
        let (_, bytes) = outputs.iter().find(|(w, _)| *w == what).expect("output");
        cells(bytes)
    };
    assert!(all("actors").contains(&"'@SUM(1)".to_string()));
    assert!(all("topics").contains(&"'=t".to_string()));
    assert!(all("export --topics rows").contains(&"'+u".to_string()));
    assert!(all("export").contains(&"'=article#=s1".to_string()));
}

#[test]
fn no_formula_guard_keeps_export_cells_verbatim() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("hostile.json");
    std::fs::write(&corpus, CORPUS).expect("fixture");
    let raw = cells(&exported(
        &["--no-formula-guard"],
        &corpus,
        dir.path(),
        "raw.csv",
    ));
    assert!(raw.contains(&"=cmd|' /C calc'!A0".to_string()));
    assert!(raw.contains(&"\rnever".to_string()));
}
