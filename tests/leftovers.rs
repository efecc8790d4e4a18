//! Conversions and exports leave nothing half done: long ids get short file names, conversions are staged and moved, stale temporaries of killed runs are swept.

use demarche::convert::{self, Target};
use std::path::Path;
use std::time::{Duration, SystemTime};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/corpus/2025-02-nato-brussels.de.json"
);

/// The bundled corpus with its article id replaced by `id`.
fn corpus_with_id(dir: &Path, id: &str) -> demarche::Loaded {
    let text = std::fs::read_to_string(CORPUS).expect("bundled corpus");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    doc["article"]["id"] = serde_json::Value::String(id.to_string());
    let file = dir.join("long.json");
    std::fs::write(&file, serde_json::to_vec(&doc).expect("json")).expect("write");
    let loaded = demarche::load_paths(&[&file]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    loaded
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_article_id_too_long_for_a_file_name_converts_under_a_short_stable_one() {
    let input = tempfile::tempdir().expect("tempdir");
    let id = "nato-".repeat(60); // 300 characters
    let loaded = corpus_with_id(input.path(), &id);
    for target in [Target::Native, Target::Brat] {
        let out = tempfile::tempdir().expect("tempdir");
        let dir = out.path().join("converted");
        let written = convert::write_dir(&loaded.store, target, &dir, false).expect("written");
        assert!(!written.is_empty());
        let listed = names(&dir);
        assert!(listed.iter().all(|n| n.len() <= 120), "{listed:?}");
        assert!(
            !listed.iter().any(|n| n.starts_with('.')),
            "staging removed: {listed:?}"
        );
        // The same id gives the same name, and the statements load back whole.
        let again = out.path().join("again");
        convert::write_dir(&loaded.store, target, &again, false).expect("written");
        assert_eq!(names(&again), listed);
        let back = demarche::load_paths(&[&dir]);
        assert_eq!(
            back.store.len(),
            loaded.store.len(),
            "{:#?}",
            back.diagnostics
        );
        assert_eq!(back.store.article(demarche::model::ArticleId(0)).id, id);
    }
}

#[test]
fn a_conversion_into_an_existing_folder_moves_its_files_in_and_leaves_no_staging() {
    let out = tempfile::tempdir().expect("tempdir");
    std::fs::write(out.path().join("notes.txt"), "mine").expect("write");
    let loaded = demarche::load_paths(&[CORPUS]);
    convert::write_dir(&loaded.store, Target::Native, out.path(), false).expect("written");
    assert_eq!(
        names(out.path()),
        ["2025-02-nato-brussels.json", "notes.txt"]
    );
    // Refused when a file exists, and nothing else is written either.
    let err = convert::write_dir(&loaded.store, Target::Native, out.path(), false);
    assert!(matches!(err, Err(demarche::export::ExportError::Exists(_))));
    assert_eq!(names(out.path()).len(), 2);
}

/// Sets `path`'s modification time `age` ago.
fn age(path: &Path, age: Duration) {
    let file = std::fs::File::open(path).expect("open");
    file.set_modified(SystemTime::now() - age)
        .expect("set mtime");
}

#[test]
fn temporaries_of_killed_runs_are_swept_by_the_next_export_to_the_folder() {
    let out = tempfile::tempdir().expect("tempdir");
    let stale_file = out.path().join(".demarche-export-abc123");
    let stale_dir = out.path().join(".demarche-convert-def456");
    let live_file = out.path().join(".demarche-export-live");
    let other = out.path().join(".other-hidden");
    std::fs::write(&stale_file, vec![0u8; 4096]).expect("write");
    std::fs::create_dir(&stale_dir).expect("mkdir");
    std::fs::write(stale_dir.join("a.json"), "{}").expect("write");
    std::fs::write(&live_file, "being written").expect("write");
    std::fs::write(&other, "not ours").expect("write");
    for path in [&stale_file, &stale_dir, &other] {
        age(path, Duration::from_secs(2 * 3600));
    }
    let loaded = demarche::load_paths(&[CORPUS]);
    let ids: Vec<_> = loaded.store.all_ids().collect();
    let target = out.path().join("out.csv");
    let format = demarche::export::Format::Csv;
    let options = demarche::export::Options::default();
    demarche::export::write_file(&loaded.store, &ids, format, options, &target, false)
        .expect("exported");
    assert!(
        !stale_file.exists() && !stale_dir.exists(),
        "stale temporaries swept"
    );
    assert!(
        live_file.exists(),
        "a recent temporary may be a live export's"
    );
    assert!(other.exists(), "only files of our own naming are touched");
}
