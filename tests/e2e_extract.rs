//! End to end: `demarche extract` on the seed article's text, then the browser on what it wrote, in tmux: automatic statements are marked, and the detail view says by which rule.

mod tmux;

use tmux::*;

#[test]
fn extracted_statements_open_in_the_browser_marked_automatic() {
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
    let (tmux, rc) = start(dir.path(), "extract", &format!("'{}'", out.display()));
    let screen = tmux.wait_for("[auto 0.50]");
    assert!(screen.contains("22/22 shown"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Provenance   auto · rule reporting-noun · confidence 0.50");
    tmux.keys(&["Escape", "f"]);
    tmux.literal("provenance:manual");
    tmux.wait_for("0/22");
    tmux.keys(&["Escape", "q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
}
