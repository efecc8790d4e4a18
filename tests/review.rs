//! `demarche review` and `demarche compact` as a script uses them: edits journaled and read back by every command, written into the files on request; killed with SIGKILL at any point, every edit it printed is kept and the corpus loads.

mod common;

use assert_cmd::Command;
use common::listed;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

fn demarche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
}

/// (article, id) of the reviewed statements, as `list` reads them (journal included).
fn reviewed(dir: &Path) -> HashSet<(String, String)> {
    listed(dir, "provenance:reviewed")
        .iter()
        .map(|v| {
            let article = v["article"]["id"].as_str().unwrap_or("").to_string();
            (article, v["id"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

fn check_clean(dir: &Path) {
    let out = demarche()
        .args(["check", "--no-cache"])
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let said = String::from_utf8_lossy(&out).to_string();
    assert!(said.contains("0 error(s), 0 warning(s)"), "{said}");
}

fn extracted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    demarche()
        .arg("extract")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/extract/unseen"
        ))
        .arg("-o")
        .arg(dir.path())
        .assert()
        .success();
    dir
}

#[test]
fn accepted_and_rejected_statements_are_read_back_and_compacted_into_the_files() {
    let dir = extracted();
    let before = listed(dir.path(), "").len();
    let out = demarche()
        .args([
            "review",
            "--no-cache",
            "--accept",
            "--coder",
            "ana",
            "--filter",
            "confidence:>=0.8",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let accepted = String::from_utf8(out.stdout).expect("utf8").lines().count();
    assert!(accepted > 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("accepted by ana"));
    assert_eq!(
        reviewed(dir.path()).len(),
        accepted,
        "list reads the journal"
    );
    demarche()
        .args([
            "review",
            "--no-cache",
            "--reject",
            "--filter",
            "confidence:<0.6",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let after: usize = listed(dir.path(), "").len();
    assert!(
        after < before,
        "rejected statements are gone: {after} of {before}"
    );
    check_clean(dir.path());
    // Written into the files; the journal removed; the same corpus loads from them alone.
    demarche()
        .args(["compact", "--no-cache"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(!dir.path().join(".demarche-journal").exists());
    assert_eq!(reviewed(dir.path()).len(), accepted);
    check_clean(dir.path());
    let written: String = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default())
        .collect();
    assert_eq!(
        written.matches("\"reviewed\"").count(),
        accepted,
        "the files hold the edits"
    );
    // Nothing more to write: said, and exit 0.
    let again = demarche()
        .args(["compact", "--no-cache"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&again).contains("no edits to write"));
}

#[test]
fn killed_at_any_point_every_printed_edit_is_kept_and_the_corpus_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    demarche()
        .args(["generate", "--statements", "2000", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let mut confirmed: HashSet<(String, String)> = HashSet::new();
    let mut rng = fastrand::Rng::with_seed(20);
    for _ in 0..6 {
        let stop_after = rng.usize(1..1500);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_demarche"))
            .args([
                "review",
                "--no-cache",
                "--accept",
                "--coder",
                "crash",
                "--filter",
                "provenance:manual",
            ])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        for line in BufReader::new(stdout).lines().take(stop_after) {
            let line = line.expect("line");
            let mut parts = line.split_whitespace().skip(1);
            let (a, s) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            confirmed.insert((a.to_string(), s.to_string()));
        }
        // SIGKILL, wherever it is: between two edits or in the middle of writing one.
        child.kill().expect("kill");
        child.wait().expect("wait");
    }
    assert!(!confirmed.is_empty());
    let kept = reviewed(dir.path());
    let lost: Vec<_> = confirmed.difference(&kept).collect();
    assert!(
        lost.is_empty(),
        "{} confirmed edit(s) lost, e.g. {:?}",
        lost.len(),
        lost.first()
    );
    check_clean(dir.path());
    demarche()
        .args(["compact", "--no-cache"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(reviewed(dir.path()), kept, "compaction keeps them");
    check_clean(dir.path());
}
