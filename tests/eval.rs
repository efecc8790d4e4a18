//! `demarche eval`: known scores on a fixture written for it, JSON fields, bad arguments.

mod common;

use assert_cmd::Command;
use common::fixture;

/// `demarche eval` of two fixtures, then `args`.
fn eval(gold: &str, pred: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("eval")
        .arg(fixture(gold))
        .arg(fixture(pred))
        .args(args)
        .assert()
}

#[test]
fn the_fixture_scores_as_counted_by_hand() {
    let out = eval("eval/gold", "eval/pred", &["--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let r: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let all = &r["overall"];
    // g1 = p1 exactly; p2 lies inside g2; p3 matches nothing, g3 is missed.
    assert_eq!(
        (all["gold"].as_u64(), all["pred"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(all["exact"]["matched"], 1);
    assert_eq!(all["overlap"]["matched"], 2);
    let close = |v: &serde_json::Value, x: f64| (v.as_f64().expect("number") - x).abs() < 1e-9;
    assert!(close(&all["overlap"]["precision"], 2.0 / 3.0));
    assert!(close(&all["exact"]["f1"], 1.0 / 3.0));
    // The same name under another id is the same speaker; Cem Cole is not Ben Brook.
    assert!(close(&all["speaker_accuracy"], 0.5));
    assert!(close(&all["mode_accuracy"], 1.0));
    // p1 is dated a day before its gold, which has the article's date.
    assert!(close(&all["date_accuracy"], 0.5));
    assert_eq!(r["calibration"][0]["from"], 0.5);
    assert_eq!(r["calibration"][0]["statements"], 2);
    assert_eq!(r["calibration"][1]["right"], 1);
    // Articles pair by text even when their ids differ.
    assert_eq!(r["articles"][0]["article"], "e1");
    assert_eq!(r["gold_only"].as_array().map(Vec::len), Some(0));
    assert_eq!(r["overlap_threshold"], 0.5);
}

#[test]
fn the_table_has_a_row_per_article_and_overall() {
    let out = eval("eval/gold", "eval/pred", &[])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ARTICLE"), "{text}");
    let all: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(
        all,
        [
            "ALL", "3", "3", "0.333", "0.333", "0.333", "0.667", "0.667", "0.667", "0.500",
            "1.000", "0.500"
        ]
    );
    // Confidence against how often it was right: p2 and p3 (0.5, 0.55) were not, p1
    // (0.9) was.
    let bins: Vec<Vec<&str>> = lines
        .iter()
        .skip_while(|l| !l.starts_with("CONFIDENCE"))
        .skip(1)
        .take(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        bins,
        [
            ["0.5–0.6", "2", "0", "0.000"],
            ["0.9–1.0", "1", "1", "1.000"]
        ],
        "{text}"
    );
}

#[test]
fn unpaired_articles_count_against_the_side_that_has_them() {
    let out = eval("eval/gold", "stances", &["--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let r: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(r["overall"]["gold"], 3);
    assert_eq!(r["overall"]["pred"], 7);
    assert_eq!(r["overall"]["overlap"]["recall"], 0.0);
    assert_eq!(r["gold_only"], serde_json::json!(["e1"]));
    assert_eq!(r["pred_only"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_bad_threshold_or_a_missing_path_is_an_error() {
    let err = eval("eval/gold", "eval/gold", &["--overlap", "1.5"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("--overlap must be"));
    eval("eval/gold", "no-such-fixture", &[]).code(4);
}
