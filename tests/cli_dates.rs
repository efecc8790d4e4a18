//! Date filters through the real binary: certain by default, possible when asked, and the count of what may also belong said on standard error.

use assert_cmd::Command;
use predicates::prelude::*;

fn demarche() -> Command {
    Command::cargo_bin("demarche").expect("binary built")
}

/// The statements `list --format jsonl` prints for `filter` on the bundled corpus, and its stderr.
fn listed(filter: &str) -> (usize, String) {
    let out = demarche()
        .args(["list", "--format", "jsonl", "--filter", filter])
        .assert()
        .success()
        .get_output()
        .clone();
    let lines = String::from_utf8(out.stdout).expect("utf8").lines().count();
    (lines, String::from_utf8(out.stderr).expect("utf8"))
}

#[test]
fn a_day_lists_the_statements_made_on_it_and_counts_those_that_may_have_been() {
    let (certain, note) = listed("since:2025-02-13 until:2025-02-13");
    assert_eq!(certain, 7);
    assert!(
        note.contains("7 statement(s) made certainly within the dates; 14 more may fall in them"),
        "{note}"
    );
    let (possible, note) = listed("since:2025-02-13 until:2025-02-13 dates:possible");
    assert_eq!(possible, 21);
    assert!(note.is_empty(), "nothing more to say: {note}");
    let (days, note) = listed("precision:day");
    assert_eq!(days, 7);
    assert!(note.is_empty(), "no dates bounded: {note}");
}

#[test]
fn a_negated_dates_term_is_refused_with_the_term_pointed_at() {
    demarche()
        .args(["list", "--filter=-dates:possible"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be negated"));
}
