//! End to end: `demarche extract` on the seed article's text, then the browser on what it wrote, in tmux: automatic statements are marked, and the detail view says by which rule.

mod common;
mod tmux;

use common::extract_seed;
use tmux::*;

#[test]
fn extracted_statements_open_in_the_browser_marked_automatic() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = extract_seed(dir.path());
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
