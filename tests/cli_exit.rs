//! Scripts can trust the exit code: a missing PATH, PATHs that load nothing and a mistyped
//! command are errors, never an empty result with exit 0.

use assert_cmd::Command;
use predicates::prelude::*;

fn demarche(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("demarche")
        .expect("binary")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
}

#[test]
fn a_path_that_does_not_exist_is_an_error_for_every_command_and_the_browser() {
    for args in [
        vec!["list", "/nonexistent/x"],
        vec!["actors", "/nonexistent/x"],
        vec!["topics", "/nonexistent/x"],
        vec!["check", "/nonexistent/x"],
        vec!["export", "--format", "csv", "-o", "-", "/nonexistent/x"],
        vec!["/nonexistent/x"],
    ] {
        demarche(&args)
            .code(4)
            .stdout("")
            .stderr(predicate::str::contains(
                "no such file or directory: /nonexistent/x",
            ));
    }
}

#[test]
fn paths_that_load_no_article_are_an_error() {
    let dir = tempfile::tempdir().expect("dir");
    demarche(&["list", dir.path().to_str().expect("utf-8")])
        .code(4)
        .stderr(predicate::str::contains("no article loaded from"));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{}").expect("file");
    demarche(&["list", bad.to_str().expect("utf-8")])
        .code(4)
        .stderr(predicate::str::contains(
            "bad.json: error: missing `format`",
        ));
}

#[test]
fn a_mistyped_command_is_named_with_a_suggestion() {
    demarche(&["lsit"])
        .code(2)
        .stderr(predicate::str::contains("unknown command or path: lsit"))
        .stderr(predicate::str::contains("'list'"));
}

#[test]
fn help_lists_the_exit_code_for_missing_input() {
    demarche(&["--help"])
        .success()
        .stdout(predicate::str::contains("4  a PATH does not exist"));
    demarche(&["list", "--help"])
        .success()
        .stdout(predicate::str::contains("4  a PATH does not exist"));
}
