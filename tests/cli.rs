//! The real binary's subcommands: exit codes, output formats, pipes, and safe exports.

mod common;

use assert_cmd::Command;
use common::fixture;
use predicates::prelude::*;

fn demarche() -> Command {
    Command::cargo_bin("demarche").expect("binary built")
}

/// Runs demarche with `args`, expects success, and returns its stdout.
fn stdout(args: &[&str]) -> Vec<u8> {
    demarche()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// Runs demarche with `args` and expects success and a stdout that `expected` accepts.
fn prints(args: &[&str], expected: impl Predicate<str>) {
    demarche().args(args).assert().success().stdout(expected);
}

/// Runs demarche with `args`, expects success, and parses each stdout line as JSON.
fn json_lines(args: &[&str]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout(args))
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect()
}

#[test]
fn check_is_clean_on_the_bundled_corpus() {
    demarche()
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("0 error(s), 0 warning(s)"));
}

#[test]
fn check_fails_on_errors_and_names_file_line_and_column() {
    demarche()
        .args(["check"])
        .arg(fixture("diagnostics/syntax-error.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "syntax-error.json:67:7: error: syntax error",
        ));
}

#[test]
fn check_passes_warnings_unless_strict() {
    let file = fixture("diagnostics/article-invalid-published.json");
    demarche().arg("check").arg(&file).assert().success();
    demarche()
        .args(["check", "--strict"])
        .arg(&file)
        .assert()
        .code(1);
}

#[test]
fn check_json_prints_one_object_per_diagnostic() {
    let out = demarche()
        .args(["check", "--format", "json"])
        .arg(fixture("diagnostics/statement-unknown-mode.json"))
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let line = String::from_utf8(out).expect("utf8");
    let d: serde_json::Value = serde_json::from_str(line.trim()).expect("json");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["statement"], "statement s2");
    assert_eq!(d["field"], "mode");
}

#[test]
fn list_jsonl_prints_self_contained_statements_in_order() {
    let lines = json_lines(&[
        "list",
        "--format",
        "jsonl",
        "--filter",
        "actor:pskow mode:direct",
    ]);
    assert_eq!(lines.len(), 1);
    let r = &lines[0];
    let fields = "id speaker on_behalf_of mode text translation cue date date_precision \
                  place addressees topics span article";
    for field in fields.split_whitespace() {
        assert!(r.get(field).is_some(), "missing {field}");
    }
    assert_eq!(r["speaker"]["id"], "peskov");
    assert_eq!(r["on_behalf_of"]["id"], "putin");
    assert_eq!(r["mode"], "direct");
    assert_eq!(r["date_precision"], "month");
    assert_eq!(r["article"]["published"], "2025-02");
    assert!(r["article"]["url"].is_null());
}

#[test]
fn list_table_csv_and_markdown() {
    prints(
        &["list", "--filter", "actor:rutte"],
        predicate::str::starts_with("DATE").and(predicate::str::contains("Mark Rutte")),
    );
    let csv = stdout(&["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(reader.headers().expect("header").get(0), Some("statement"));
    assert_eq!(
        reader.records().count(),
        demarche::bundled::load().store.len()
    );
    prints(
        &["list", "--format", "md", "--filter", "actor:pistorius"],
        predicate::str::contains("**Boris Pistorius**"),
    );
}

#[test]
fn an_invalid_filter_exits_2_and_points_at_the_term() {
    demarche()
        .args(["list", "--filter", "mode:direct speeker:x"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("            ^^^^^^^^")
                .and(predicate::str::contains("valid keys:")),
        );
}

#[test]
fn load_diagnostics_go_to_stderr_and_do_not_stop_list() {
    demarche()
        .arg("list")
        .arg(fixture("diagnostics/statement-unknown-mode.json"))
        .args(["--format", "jsonl"])
        .assert()
        .success()
        .stderr(predicate::str::contains("unknown mode"))
        .stdout(predicate::function(|s: &str| s.lines().count() == 2));
}

#[test]
fn actors_lists_counts_most_active_first() {
    let rows = json_lines(&["actors", "--format", "jsonl"]);
    assert_eq!(rows[0]["id"], "putin");
    assert_eq!(rows[0]["as_principal"], 5);
    assert!(
        rows.windows(2)
            .all(|w| w[0]["statements"].as_u64() >= w[1]["statements"].as_u64())
    );
    prints(
        &["actors", "--filter", "kind:ministry", "--format", "csv"],
        predicate::str::contains("china-foreign-ministry"),
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("demarche");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' list --format jsonl | head -n 1; exit ${{PIPESTATUS:-0}}",
            bin.display()
        ))
        .output()
        .expect("sh");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn export_writes_once_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("out.md");
    demarche()
        .args(["export", "--format", "md", "-o"])
        .arg(&path)
        .assert()
        .success();
    let first = std::fs::read_to_string(&path).expect("written");
    assert!(first.starts_with("# Statements ("));
    demarche()
        .args(["export", "--format", "csv", "-o"])
        .arg(&path)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        first,
        "the file is untouched"
    );
    demarche()
        .args(["export", "--format", "csv", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .expect("replaced")
            .starts_with("statement,id,article_id")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn export_to_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    demarche()
        .args(["export", "--format", "json", "-o"])
        .arg(dir.path().join("nope/out.json"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn every_command_has_help() {
    for cmd in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["list", "--help"],
        vec!["actors", "--help"],
        vec!["export", "--help"],
    ] {
        demarche()
            .args(&cmd)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage:"));
    }
    demarche()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains("Exit codes:"));
}

#[test]
fn no_escape_sequence_from_the_data_reaches_a_table_or_markdown() {
    let file = fixture("hostile/escapes.json");
    let file = file.to_str().expect("utf-8 path");
    for args in [vec!["list"], vec!["list", "--format", "md"], vec!["actors"]] {
        let text = String::from_utf8(stdout(&[&args[..], &[file]].concat())).expect("utf8");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
        assert!(
            text.contains("Mallory"),
            "{args:?}: the text is kept, only control bytes go"
        );
    }
    let jsonl = String::from_utf8(stdout(&["list", "--format", "jsonl", file])).expect("utf8");
    assert!(
        !jsonl.contains('\u{1b}') && jsonl.contains("\\u001b"),
        "JSON escapes control characters"
    );
}

#[test]
fn csv_guards_formula_cells_unless_asked_not_to() {
    let file = fixture("hostile/escapes.json");
    let dir = tempfile::tempdir().expect("tempdir");
    let guarded = dir.path().join("guarded.csv");
    let raw = dir.path().join("raw.csv");
    demarche()
        .args(["export", "--format", "csv", "-o"])
        .arg(&guarded)
        .arg(&file)
        .assert()
        .success();
    demarche()
        .args(["export", "--format", "csv", "--no-formula-guard", "-o"])
        .arg(&raw)
        .arg(&file)
        .assert()
        .success();
    let cells = |path: &std::path::Path| -> Vec<Vec<String>> {
        csv::Reader::from_path(path)
            .expect("csv")
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect()
    };
    let g = cells(&guarded);
    let r = cells(&raw);
    let text = demarche::export::CSV_HEADER
        .iter()
        .position(|h| *h == "text")
        .expect("text");
    let translation = demarche::export::CSV_HEADER
        .iter()
        .position(|h| *h == "translation")
        .expect("translation");
    let first = g
        .iter()
        .position(|row| row[text].contains("HYPERLINK"))
        .expect("row");
    assert_eq!(g[first][text], "'=HYPERLINK(\"http://x\")");
    assert_eq!(g[first][translation], "'-2+3");
    assert_eq!(r[first][text], "=HYPERLINK(\"http://x\")");
}

#[test]
fn topics_compares_sides_and_credits_the_principal() {
    let rows = json_lines(&[
        "topics",
        "--format",
        "jsonl",
        "--filter",
        "topic:eu-participation",
    ]);
    assert_eq!(rows.len(), 1, "only the topic named by the filter");
    assert_eq!(rows[0]["topic"], "eu-participation");
    assert_eq!(
        rows[0]["opposes"][0]["id"], "putin",
        "Peskov's statements count for Putin"
    );
    assert_eq!(rows[0]["supports"][0]["id"], "zelensky");
    prints(
        &["topics"],
        predicate::str::starts_with("TOPIC")
            .and(predicate::str::contains("peace-through-strength")),
    );
}

#[test]
fn list_shows_translations_on_request() {
    prints(
        &["list", "--translation", "--filter", "actor:pistorius"],
        predicate::str::contains("regrettable").and(predicate::str::contains("bedauerlich").not()),
    );
}

#[test]
fn list_jsonl_keeps_store_order_across_output_batches() {
    // More statements than one batch of parallel serialisation (8,192).
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    demarche()
        .args(["generate", "--statements", "20000", "--seed", "5", "-o"])
        .arg(&corpus)
        .assert()
        .success();
    let corpus = corpus.to_str().expect("utf8 path");
    let lines = json_lines(&["list", "--no-cache", corpus, "--format", "jsonl"]);
    let loaded = demarche::load_paths(&[corpus]);
    let store = &loaded.store;
    assert_eq!(lines.len(), store.len());
    for (line, id) in lines.iter().zip(store.all_ids()) {
        assert_eq!(line["id"], store.key(id));
        assert_eq!(
            line["article"]["id"],
            store.article(store.article_of(id)).id
        );
        assert_eq!(line["text"], store.text(id));
    }
}
