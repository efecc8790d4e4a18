//! End to end, in tmux: extract the seed article's text, open it, `R`, accept one, reject one, undo the rejection, edit a speaker in the form, quit; the edits are written into the files on the way out, and a new load reads them.

mod common;
mod tmux;

use common::{extract_seed, listed};
use tmux::*;

#[test]
fn the_review_queue_accepts_rejects_undoes_and_the_files_keep_it() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = extract_seed(dir.path());
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
    // Enter edits: the speaker is chosen with the fuzzy finder.
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-s save");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Choose the actor");
    tmux.literal("pistorus");
    tmux.wait_for("match(es) · ↑↓");
    tmux.keys(&["Enter"]);
    tmux.wait_for("→ Boris Pistorius · person");
    tmux.keys(&["C-s"]);
    tmux.wait_for("· saved to");
    tmux.wait_for("1 of 20 · 20 left to review");
    tmux.keys(&["Escape", "q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
    let screen = tmux.screen();
    assert!(
        screen.contains("4 edit(s) written into 1 file(s)"),
        "{screen}"
    );
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");
    assert!(
        !out.join(".demarche-journal").exists(),
        "folded into the files"
    );
    let reviewed = listed(&out, "provenance:reviewed");
    assert_eq!(reviewed.len(), 2, "accepted, and edited");
    assert!(reviewed.iter().all(|s| s["annotator"] == "tester"));
    assert!(
        reviewed
            .iter()
            .any(|s| s["speaker"]["id"] == "boris-pistorius"),
        "{reviewed:?}"
    );
    assert!(
        reviewed[0]["edited"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    assert_eq!(listed(&out, "").len(), 22, "the rejection was undone");
}
