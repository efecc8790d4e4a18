//! End to end, in tmux: extract the seed article's text, open it, `R`, accept one, reject one, undo the rejection, quit; the edits are written into the files on the way out, and a new load reads them.

mod tmux;

use tmux::*;

fn listed(dir: &std::path::Path, filter: &str) -> Vec<serde_json::Value> {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args([
            "list",
            "--no-cache",
            "--format",
            "jsonl",
            "--filter",
            filter,
        ])
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

#[test]
fn the_review_queue_accepts_rejects_undoes_and_the_files_keep_it() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let loaded = demarche::bundled::load();
    let article = loaded.store.article(demarche::model::ArticleId(0));
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    std::fs::write(raw.join(format!("{}.de.txt", article.id)), article.text).expect("write");
    let out = dir.path().join("out");
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("extract")
        .arg(&raw)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let (tmux, rc) = start_with(
        dir.path(),
        "review",
        "DEMARCHE_CODER=tester",
        &format!("'{}'", out.display()),
    );
    tmux.wait_for("[auto 0.50]");
    tmux.keys(&["R"]);
    // Lowest confidence first: the passive cue, 0.40.
    tmux.wait_for("1 of 22 · 22 left to review");
    tmux.wait_for("rule passive-cue · confidence 0.40");
    tmux.keys(&["y"]);
    tmux.wait_for("Accepted · saved");
    tmux.wait_for("1 of 21 · 21 left to review");
    tmux.keys(&["n"]);
    tmux.wait_for("Rejected · saved");
    tmux.wait_for("1 of 20 · 20 left to review");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone: Rejected · saved");
    tmux.wait_for("1 of 21 · 21 left to review");
    // Saved before the exit: another process sees it now.
    assert_eq!(listed(&out, "provenance:reviewed").len(), 1);
    tmux.keys(&["Escape", "q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
    let screen = tmux.screen();
    assert!(
        screen.contains("3 edit(s) written into 1 file(s)"),
        "{screen}"
    );
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");
    assert!(
        !out.join(".demarche-journal").exists(),
        "folded into the files"
    );
    let reviewed = listed(&out, "provenance:reviewed");
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0]["annotator"], "tester");
    assert!(
        reviewed[0]["edited"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    assert_eq!(listed(&out, "").len(), 22, "the rejection was undone");
}
