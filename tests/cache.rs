//! The snapshot cache through the real binary: a second run reads the snapshot and prints the same bytes, changes are seen, and the cache never fails a command.

mod common;

use assert_cmd::Command;
use common::fixture;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// demarche with its snapshot cache in `cache`, caching any corpus however small.
fn demarche(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("demarche").expect("binary built");
    cmd.env("DEMARCHE_CACHE_DIR", cache)
        .env("DEMARCHE_CACHE_MIN_BYTES", "0")
        .env_remove("DEMARCHE_NO_CACHE");
    cmd
}

/// The snapshot files in `cache` (none when it does not exist).
fn snapshots(cache: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

/// Runs `args` and returns (exit code, stdout, stderr).
fn run(cmd: &mut Command, args: &[&str], paths: &[PathBuf]) -> (Option<i32>, Vec<u8>, String) {
    let out = cmd.args(args).args(paths).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    (out.status.code(), out.stdout, stderr)
}

fn corpus() -> Vec<PathBuf> {
    vec![fixture("good"), fixture("diagnostics")]
}

#[test]
fn a_second_run_reads_the_snapshot_and_prints_the_same_bytes() {
    let cache = tempfile::tempdir().expect("tempdir");
    let list = ["list", "--format", "jsonl"];
    let parsed = run(&mut demarche(cache.path()), &list, &corpus());
    assert_eq!(parsed.0, Some(0), "{}", parsed.2);
    assert!(parsed.1.len() > 1000);
    let files = snapshots(cache.path());
    assert_eq!(files.len(), 1, "the first run writes one snapshot");
    let written = std::fs::metadata(&files[0])
        .expect("meta")
        .modified()
        .expect("mtime");

    let cached = run(&mut demarche(cache.path()), &list, &corpus());
    assert_eq!(
        cached, parsed,
        "same code, stdout and stderr from the snapshot"
    );
    let uncached = run(
        &mut demarche(cache.path()),
        &["--no-cache", "list", "--format", "jsonl"],
        &corpus(),
    );
    assert_eq!(uncached, parsed);

    let check = run(&mut demarche(cache.path()), &["check"], &corpus());
    assert_eq!(check.0, Some(1), "the diagnostics fixtures have errors");
    assert!(check.2.contains("warning") && check.2.contains("error"));
    let check_uncached = run(
        &mut demarche(cache.path()),
        &["check", "--no-cache"],
        &corpus(),
    );
    assert_eq!(check, check_uncached, "check reports the same diagnostics");

    assert_eq!(snapshots(cache.path()), files, "hits write nothing new");
    let after = std::fs::metadata(&files[0])
        .expect("meta")
        .modified()
        .expect("mtime");
    assert_eq!(after, written, "a hit does not rewrite the snapshot");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn a_changed_file_is_seen_on_the_next_run() {
    let (cache, corpus) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    copy_dir(&fixture("good"), corpus.path());
    let paths = [corpus.path().to_path_buf()];
    let list = ["list", "--format", "jsonl"];
    let before = run(&mut demarche(cache.path()), &list, &paths);
    assert!(!String::from_utf8_lossy(&before.1).contains("Edited article"));
    assert_eq!(snapshots(cache.path()).len(), 1);

    let article = corpus.path().join("article.json");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, text.replace("Fixture article", "Edited article")).expect("write");
    let after = run(&mut demarche(cache.path()), &list, &paths);
    let stdout = String::from_utf8_lossy(&after.1);
    assert!(stdout.contains("\"title\":\"Edited article\""), "{stdout}");
    let titles = |out: &[u8]| {
        String::from_utf8_lossy(out)
            .matches("Fixture article")
            .count()
    };
    assert!(
        titles(&after.1) < titles(&before.1),
        "the old title is gone where it changed"
    );
    let again = run(&mut demarche(cache.path()), &list, &paths);
    assert_eq!(again, after, "the rewritten snapshot has the change");
}

#[test]
fn no_cache_and_small_corpora_write_nothing() {
    let cache = tempfile::tempdir().expect("tempdir");
    for args in [
        &["--no-cache", "list"][..],
        &["list", "--no-cache"],
        &["check", "--no-cache"],
    ] {
        demarche(cache.path())
            .args(args)
            .args(corpus())
            .output()
            .expect("runs");
        assert!(snapshots(cache.path()).is_empty(), "{args:?}");
    }
    demarche(cache.path())
        .env("DEMARCHE_NO_CACHE", "1")
        .arg("list")
        .args(corpus())
        .assert()
        .success();
    assert!(snapshots(cache.path()).is_empty(), "DEMARCHE_NO_CACHE=1");
    demarche(cache.path())
        .env_remove("DEMARCHE_CACHE_MIN_BYTES")
        .arg("list")
        .args(corpus())
        .assert()
        .success();
    assert!(
        snapshots(cache.path()).is_empty(),
        "under the default 64 MiB"
    );
    demarche(cache.path()).arg("list").assert().success();
    assert!(snapshots(cache.path()).is_empty(), "the bundled corpus");
}

#[test]
fn an_unwritable_cache_only_warns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").expect("write");
    let cache = blocker.join("cache");
    let list = ["list", "--format", "jsonl"];
    let expected = run(
        &mut demarche(&cache),
        &["--no-cache", "list", "--format", "jsonl"],
        &corpus(),
    );
    let (code, stdout, stderr) = run(&mut demarche(&cache), &list, &corpus());
    assert_eq!((code, &stdout), (expected.0, &expected.1), "same output");
    let extra: Vec<&str> = stderr
        .lines()
        .filter(|l| !expected.2.lines().any(|e| e == *l))
        .collect();
    assert_eq!(extra.len(), 1, "one warning line: {stderr}");
    assert!(extra[0].starts_with("demarche: warning: ") && extra[0].contains("snapshot"));
}

#[test]
fn cache_info_lists_snapshots_and_clear_deletes_only_them() {
    let cache = tempfile::tempdir().expect("tempdir");
    demarche(cache.path())
        .arg("cache")
        .arg("info")
        .assert()
        .success()
        .stdout(predicate::str::contains("snapshots: 0"));
    demarche(cache.path())
        .arg("list")
        .args(corpus())
        .assert()
        .success();
    std::fs::write(cache.path().join("keep.txt"), "not ours").expect("write");
    let good = fixture("good").canonicalize().expect("canonical");
    demarche(cache.path())
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(predicate::str::contains(cache.path().display().to_string()))
        .stdout(predicate::str::contains("DEMARCHE_CACHE_DIR"))
        .stdout(predicate::str::contains("snapshots: 1"))
        .stdout(predicate::str::contains(good.display().to_string()))
        .stdout(predicate::str::contains(concat!(
            "v",
            env!("CARGO_PKG_VERSION")
        )));
    demarche(cache.path())
        .args(["cache", "clear"])
        .assert()
        .success()
        .stderr(predicate::str::contains("removed 1 snapshot(s)"));
    assert_eq!(snapshots(cache.path()), vec![cache.path().join("keep.txt")]);
    demarche(cache.path())
        .args(["--no-cache", "cache", "info"])
        .assert()
        .success()
        .stdout(predicate::str::contains("off (--no-cache)"))
        .stdout(predicate::str::contains("snapshots: 0"));
}

/// The same folder named two ways (absolute, relative with a trailing slash) is one
/// corpus: one snapshot file, replaced rather than doubled.
#[test]
fn one_corpus_named_two_ways_keeps_one_snapshot() {
    let cache = tempfile::tempdir().expect("tempdir");
    let list = ["list", "--format", "jsonl"];
    let absolute = run(&mut demarche(cache.path()), &list, &[fixture("good")]);
    assert_eq!(absolute.0, Some(0), "{}", absolute.2);
    assert_eq!(snapshots(cache.path()).len(), 1);
    let relative = run(
        demarche(cache.path()).current_dir(fixture("")),
        &list,
        &[PathBuf::from("good/")],
    );
    assert_eq!(relative.0, Some(0), "{}", relative.2);
    assert_eq!(relative.1, absolute.1, "the same statements");
    assert_eq!(snapshots(cache.path()).len(), 1, "one corpus, one snapshot");
    let again = run(
        demarche(cache.path()).current_dir(fixture("")),
        &list,
        &[PathBuf::from("good/")],
    );
    assert_eq!(again.1, absolute.1);
}
