//! `demarche extract`, then `demarche eval` against hand-annotated gold: the seed article (its text taken from the bundled corpus) and English and held-out fixtures written for this; output files loaded back; existing files kept; bad files said and passed over.

mod common;

use assert_cmd::Command;
use common::{fixture, listed};
use std::path::Path;

fn demarche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
}

/// `eval GOLD PRED --format json`, overall scores.
fn scores(gold: &Path, pred: &Path) -> serde_json::Value {
    let out = demarche()
        .args(["eval", "--format", "json"])
        .arg(gold)
        .arg(pred)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).expect("json");
    report["overall"].clone()
}

fn extract(input: &Path, out: &Path) {
    demarche()
        .arg("extract")
        .arg(input)
        .arg("-o")
        .arg(out)
        .assert()
        .success();
    // What it wrote loads back with no diagnostic.
    let check = demarche()
        .arg("check")
        .arg(out)
        .assert()
        .success()
        .get_output()
        .clone();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(said.contains("0 error(s), 0 warning(s)"), "{said}");
}

fn at_least(v: &serde_json::Value, x: f64) -> bool {
    v.as_f64().is_some_and(|v| v >= x)
}

#[test]
fn the_seed_article_meets_the_targets_against_its_annotation() {
    let loaded = demarche::bundled::load();
    let article = loaded.store.article(demarche::model::ArticleId(0));
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    std::fs::write(raw.join(format!("{}.de.txt", article.id)), article.text).expect("write");
    let out = dir.path().join("out");
    extract(&raw, &out);
    let s = scores(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus"),
        &out,
    );
    assert!(at_least(&s["overlap"]["recall"], 0.9), "{s}");
    assert!(at_least(&s["overlap"]["precision"], 0.8), "{s}");
    assert!(at_least(&s["speaker_accuracy"], 0.9), "{s}");
    // Each statement says it is automatic, with its rule and a confidence.
    let written = std::fs::read_to_string(out.join(format!("{}.json", article.id))).expect("read");
    let doc: serde_json::Value = serde_json::from_str(&written).expect("json");
    for st in doc["statements"].as_array().expect("statements") {
        assert_eq!(st["provenance"], "auto");
        assert!(st["rule"].as_str().is_some_and(|r| !r.is_empty()));
        let c = st["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&c));
    }
    // The file name's month is the article's date; the language is detected. `am
    // Donnerstag` cannot be read in an article dated by month: no statement is dated
    // more precisely than the month.
    assert_eq!(doc["article"]["published"], "2025-02");
    for st in doc["statements"].as_array().expect("statements") {
        assert_eq!(st["date"], "2025-02", "{st}");
    }
    assert_eq!(doc["article"]["language"], "de");
}

#[test]
fn english_and_held_out_fixtures_score_against_their_gold() {
    for (raw, gold) in [
        ("extract/en", "extract/en-gold"),
        ("extract/heldout", "extract/heldout-gold"),
        ("extract/dates", "extract/dates-gold"),
        ("extract/unseen", "extract/unseen-gold"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        extract(&fixture(raw), dir.path());
        let s = scores(&fixture(gold), dir.path());
        assert!(at_least(&s["overlap"]["f1"], 0.8), "{raw}: {s}");
        assert!(at_least(&s["speaker_accuracy"], 0.8), "{raw}: {s}");
        assert!(at_least(&s["date_accuracy"], 0.8), "{raw}: {s}");
    }
}

#[test]
fn dates_named_beside_a_cue_are_read_against_the_article_and_content_dates_are_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    extract(&fixture("extract/dates"), dir.path());
    let dated = |file: &str| -> Vec<(String, String)> {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join(file)).expect("read"))
                .expect("json");
        let list = doc["statements"].as_array().expect("statements");
        list.iter()
            .map(|s| {
                (
                    s["text"].as_str().unwrap_or("").to_string(),
                    s["date"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    // The article is of Friday 2025-06-13.
    let de = dated("2025-06-13-gespraeche.json");
    let date_of = |list: &[(String, String)], text: &str| {
        list.iter().find(|(t, _)| t == text).map(|(_, d)| d.clone())
    };
    assert_eq!(
        date_of(&de, "die Gespräche seien »festgefahren«").as_deref(),
        Some("2025-06-12"),
        "am Donnerstag"
    );
    assert_eq!(
        date_of(&de, "Wir warten auf ein Angebot").as_deref(),
        Some("2025-06-11"),
        "am 11. Juni"
    );
    assert_eq!(
        date_of(&de, "vor übereilten Schritten").as_deref(),
        Some("2025-06-12"),
        "gestern"
    );
    assert_eq!(
        date_of(&de, "sie werde am Montag nach Oslo reisen").as_deref(),
        Some("2025-06-13"),
        "Montag is what was said"
    );
    assert_eq!(
        date_of(&de, "Warschau werde keine Zugeständnisse machen").as_deref(),
        Some("2025-06-11"),
        "the paragraph's Wednesday"
    );
    assert_eq!(
        date_of(&de, "eine Waffenruhe sei »in Reichweite«").as_deref(),
        Some("2025-05"),
        "im Mai: a month"
    );
    let en = dated("2025-06-13-talks.json");
    assert_eq!(
        date_of(&en, "against lifting sanctions").as_deref(),
        Some("before 2025-06-13"),
        "last week"
    );
    assert_eq!(
        date_of(&en, "We expected more from this round").as_deref(),
        Some("2025-06-03"),
        "on June 3"
    );
}

#[test]
fn an_existing_output_is_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    extract(&fixture("extract/en"), dir.path());
    let target = dir.path().join("2025-03-04-ceasefire.json");
    std::fs::write(&target, "mine").expect("write");
    let err = demarche()
        .arg("extract")
        .arg(fixture("extract/en"))
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&err).contains("already exists"),
        "{}",
        String::from_utf8_lossy(&err)
    );
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine");
    demarche()
        .arg("extract")
        .arg(fixture("extract/en"))
        .arg("-o")
        .arg(dir.path())
        .arg("--force")
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&target).expect("read"), "mine");
}

#[test]
fn a_bad_file_is_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    std::fs::write(
        raw.join("good.txt"),
        "Der Minister Hans Wolf sagte, die Lage sei ernst.",
    )
    .expect("write");
    std::fs::write(raw.join("bad.txt"), [0xff, 0xfe, b'x']).expect("write");
    let out = dir.path().join("out");
    let err = demarche()
        .arg("extract")
        .arg(&raw)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&err);
    assert!(err.contains("bad.txt") && err.contains("UTF-8"), "{err}");
    let good = std::fs::read_to_string(out.join("good.json")).expect("the good one written");
    assert!(good.contains("die Lage sei ernst"));
    assert!(!out.join("bad.json").exists());
}

/// Each statement's id, provenance, rule and confidence.
fn origins(records: &[serde_json::Value]) -> Vec<String> {
    records
        .iter()
        .map(|v| {
            format!(
                "{} {} {} {}",
                v["id"], v["provenance"], v["rule"], v["confidence"]
            )
        })
        .collect()
}

#[test]
fn provenance_rule_and_confidence_load_filter_and_export_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    extract(&fixture("extract/en"), &out);
    let auto = listed(&out, "provenance:auto");
    assert_eq!(auto.len(), 14);
    assert!(listed(&out, "provenance:manual").is_empty());
    // Confidence compares; the two sides of a threshold split the statements.
    let sure = listed(&out, "confidence:>=0.8");
    assert_eq!(sure.len() + listed(&out, "confidence:<0.8").len(), 14);
    for v in &sure {
        assert!(
            v["confidence"].as_f64().is_some_and(|c| c >= 0.8 - 1e-6),
            "{v}"
        );
    }
    assert_eq!(auto[0]["provenance"], "auto");
    assert!(auto[0]["rule"].as_str().is_some());
    assert_eq!(
        auto[0]["date"], "2025-03-04",
        "the article's date, from its front matter"
    );
    // A JSON export keeps them, and loads back the same.
    let again = dir.path().join("again.json");
    demarche()
        .args(["export", "--no-cache", "--format", "json", "-o"])
        .arg(&again)
        .arg(&out)
        .assert()
        .success();
    assert_eq!(origins(&listed(&again, "provenance:auto")), origins(&auto));
}

#[test]
fn a_confidence_that_is_no_comparison_is_a_filter_error() {
    let err = demarche()
        .args(["list", "--filter", "confidence:high"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("e.g. confidence:<0.6"));
}

#[test]
fn a_bad_provenance_or_confidence_skips_the_statement_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = serde_json::json!({
        "format": "demarche", "version": 1,
        "article": {"id": "p", "text": "A said bee. C said dee."},
        "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "statements": [
            {"id": "s1", "speaker": "a", "mode": "indirect", "text": "bee", "provenance": "robot"},
            {"id": "s2", "speaker": "a", "mode": "indirect", "text": "dee", "confidence": 1.5},
            {"id": "s3", "speaker": "a", "mode": "indirect", "text": "A said", "provenance": "reviewed",
             "annotator": "ana", "edited": "2026-12-07T12:00:00Z"},
            {"id": "s4", "speaker": "a", "mode": "indirect", "text": "C said", "edited": "yesterday"}
        ]
    });
    let path = dir.path().join("p.json");
    std::fs::write(&path, doc.to_string()).expect("write");
    let loaded = demarche::load_paths(&[&path]);
    assert_eq!(loaded.store.len(), 1);
    let said: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        said.iter()
            .any(|d| d.contains("provenance") && d.contains("robot")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|d| d.contains("confidence") && d.contains("1.5")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|d| d.contains("edited") && d.contains("RFC 3339")),
        "{said:?}"
    );
    let kept = demarche::model::StatementId(0);
    assert_eq!(
        loaded.store.provenance(kept),
        demarche::model::Provenance::Reviewed
    );
    // Who reviewed it and when, kept.
    let origin = loaded.store.origin(kept).expect("an origin");
    assert_eq!(origin.edited.as_deref(), Some("2026-12-07T12:00:00Z"));
    assert_eq!(loaded.store.annotator(kept), Some("ana"));
}

#[test]
fn a_saved_page_gives_its_main_text_metadata_and_statements() {
    let dir = tempfile::tempdir().expect("tempdir");
    extract(&fixture("extract/html"), dir.path());
    let written = std::fs::read_to_string(dir.path().join("summit.json")).expect("written");
    let doc: serde_json::Value = serde_json::from_str(&written).expect("json");
    let text = doc["article"]["text"].as_str().expect("text");
    assert!(text.contains("The summit in Geneva ended"), "{text}");
    for noise in ["Sign in", "Most read", "Cookie"] {
        assert!(!text.contains(noise), "{noise} in {text}");
    }
    assert_eq!(doc["article"]["published"], "2025-03-06");
    assert_eq!(doc["article"]["outlet"], "Fixture Wire");
    assert_eq!(doc["article"]["language"], "en");
    let found: Vec<(&str, &str)> = doc["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|s| {
            (
                s["mode"].as_str().unwrap_or(""),
                s["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        found.contains(&("direct", "There is no deal yet")),
        "{found:?}"
    );
    assert!(
        found.contains(&("indirect", "the mood was tense")),
        "{found:?}"
    );
    assert_eq!(found.len(), 7, "{found:?}");
}

#[test]
fn roles_pronouns_and_spokespeople_resolve_to_the_people_named_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    extract(&fixture("extract/unseen"), dir.path());
    let mut by_text = std::collections::HashMap::new();
    for entry in std::fs::read_dir(dir.path()).expect("read dir") {
        let doc: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(entry.expect("entry").path()).expect("read"),
        )
        .expect("json");
        for s in doc["statements"].as_array().expect("statements") {
            let who = (
                s["speaker"].as_str().unwrap_or("").to_string(),
                s["on_behalf_of"].as_str().map(str::to_string),
            );
            by_text.insert(s["text"].as_str().unwrap_or("").to_string(), who);
        }
    }
    let who = |text: &str| {
        by_text
            .get(text)
            .cloned()
            .unwrap_or_else(|| panic!("{text:?} not found: {by_text:?}"))
    };
    // The minister said …, after Dutch Energy Minister Pieter de Vries.
    assert_eq!(
        who("his government would rather fund storage").0,
        "pieter-de-vries"
    );
    // She said …, after a sentence naming German Economy Minister Katharina Reiche.
    assert_eq!(
        who("a cap was \"not off the table\" but had to be designed carefully").0,
        "katharina-reiche"
    );
    // sagte der SPD-Politiker, after Finanzminister Lars Klingbeil.
    assert_eq!(
        who("Wir können jeden Euro nur einmal ausgeben").0,
        "lars-klingbeil"
    );
    // According to Commission spokesman Tim Berg.
    assert_eq!(
        who("a revised mechanism will be proposed next month"),
        ("tim-berg".into(), Some("commission".into()))
    );
}
