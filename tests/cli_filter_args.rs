//! `--filter` takes any expression, also one that starts with `-` (a negated term), in every subcommand that has it.

use assert_cmd::Command;
use predicates::prelude::*;

fn demarche() -> Command {
    Command::cargo_bin("demarche").expect("binary built")
}

/// The number of JSON lines `list` prints for `filter`.
fn listed(filter: &str) -> usize {
    let out = demarche()
        .args(["list", "--format", "jsonl", "--filter", filter])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf8").lines().count()
}

#[test]
fn a_negated_first_term_is_a_filter_not_an_option() {
    let all = listed("");
    let people = listed("kind:person");
    let not_people = listed("-kind:person");
    assert!(people > 0 && not_people > 0);
    assert_eq!(people + not_people, all, "-kind:person is the complement");
}

#[test]
fn every_subcommand_with_a_filter_takes_a_negation() {
    for command in ["list", "actors", "topics"] {
        for flag in ["--filter", "-f"] {
            demarche()
                .args([command, flag, "-kind:person"])
                .assert()
                .success();
        }
        demarche()
            .args([command, "--filter=-kind:person -mode:direct"])
            .assert()
            .success();
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("not-people.csv");
    demarche()
        .args([
            "export",
            "--format",
            "csv",
            "--filter",
            "-kind:person",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&out).expect("written");
    assert!(csv.lines().count() > 1);
}

#[test]
fn a_lone_dash_is_still_an_invalid_expression() {
    demarche()
        .args(["list", "--filter", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid filter expression"));
}
