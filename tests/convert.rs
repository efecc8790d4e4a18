//! `convert`: our format and brat standoff written from any input load back into the same statements.

mod common;

use assert_cmd::Command;
use common::fixture;
use demarche::Loaded;
use demarche::convert::{self, Target};
use demarche::record::Record;
use predicates::prelude::*;

/// Every statement as JSON, sorted by article and id so load order does not matter.
fn records(loaded: &Loaded) -> Vec<serde_json::Value> {
    let store = &loaded.store;
    let mut all: Vec<serde_json::Value> = store
        .all_ids()
        .map(|id| serde_json::to_value(Record::of(store, id)).expect("serialize"))
        .collect();
    all.sort_by_key(|r| (r["article"]["id"].to_string(), r["id"].to_string()));
    all
}

/// Converts `loaded` to `target` in a fresh directory and loads that directory.
fn round_trip(loaded: &Loaded, target: Target) -> (tempfile::TempDir, Loaded) {
    let dir = tempfile::tempdir().expect("temp dir");
    convert::write_dir(&loaded.store, target, dir.path(), false).expect("written");
    let back = demarche::load_paths(&[dir.path()]);
    (dir, back)
}

fn assert_same(original: &Loaded, target: Target) {
    let (_dir, back) = round_trip(original, target);
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    assert_eq!(back.store.len(), original.store.len());
    assert_eq!(records(original), records(&back));
    for (a, b) in original.store.articles().zip(back.store.articles()) {
        assert_eq!(a.text, b.text);
    }
}

#[test]
fn the_bundled_corpus_survives_native_to_brat_to_native() {
    let original = demarche::bundled::load();
    let (_dir, brat) = round_trip(&original, Target::Brat);
    assert!(brat.diagnostics.is_empty(), "{:#?}", brat.diagnostics);
    assert_eq!(records(&original), records(&brat));
    let (_dir2, native) = round_trip(&brat, Target::Native);
    assert!(native.diagnostics.is_empty(), "{:#?}", native.diagnostics);
    assert_eq!(records(&original), records(&native));
}

#[test]
fn brat_input_survives_both_writers() {
    let original = demarche::load_paths(&[fixture("brat/election")]);
    assert_same(&original, Target::Brat);
    assert_same(&original, Target::Native);
}

#[test]
fn label_studio_input_survives_both_writers() {
    let original = demarche::load_paths(&[fixture("label-studio/export.json")]);
    assert_same(&original, Target::Brat);
    assert_same(&original, Target::Native);
}

#[test]
fn the_brat_writer_gives_one_ann_file_per_annotator_and_the_tables() {
    let original = demarche::load_paths(&[fixture("brat/election")]);
    let (dir, _) = round_trip(&original, Target::Brat);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "actors.tsv",
            "courier_visa.ann",
            "courier_visa.txt",
            "herald_2016-09-12_debate.ann",
            "herald_2016-09-12_debate.txt",
            "herald_2016-09-12_debate_anna.ann",
            "herald_2016-09-12_debate_ben.ann",
            "metadata.tsv",
        ]
    );
    let ann = std::fs::read_to_string(dir.path().join("courier_visa.ann")).expect("read");
    assert!(ann.contains("\tContent 167 183;195 213\tWe are not done, not by a long way.\n"));
    assert!(ann.contains("Attribution-no-source:"));
}

fn demarche() -> Command {
    Command::cargo_bin("demarche").expect("binary built")
}

#[test]
fn the_convert_command_writes_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brat");
    demarche()
        .args(["convert", "--to", "brat", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "wrote 1 article(s), 22 statement(s)",
        ));
    assert!(out.join("2025-02-nato-brussels.ann").is_file());
    demarche()
        .args(["convert", "--to", "brat", "-o"])
        .arg(&out)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("already exists"));
    demarche()
        .args(["convert", "--to", "brat", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    let native = dir.path().join("native");
    demarche()
        .arg("convert")
        .arg(&out)
        .args(["--to", "native", "-o"])
        .arg(&native)
        .assert()
        .success();
    demarche()
        .arg("check")
        .arg(&native)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "22 statement(s) loaded; 0 error(s), 0 warning(s)",
        ));
}

#[test]
fn check_and_list_work_on_a_brat_folder() {
    demarche()
        .arg("check")
        .arg(fixture("brat/election"))
        .assert()
        .success();
    demarche()
        .arg("list")
        .arg(fixture("brat/election"))
        .args(["--filter", "annotator:anna", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("anna/E1"))
        .stdout(predicate::str::contains("ben/E1").not());
    demarche()
        .arg("check")
        .arg(fixture("brat/malformed"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.ann:9: error: T7"));
}
