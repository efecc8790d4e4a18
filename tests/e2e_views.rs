//! End to end in the real binary under tmux: the positions matrix, a cell's statements and back, the shifts and a statement of one.

mod tmux;

use tmux::*;

#[test]
fn a_cell_of_the_matrix_leads_to_its_statements_and_back() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stances");
    let (tmux, rc) = start(dir.path(), "views", &format!("'{corpus}'"));
    tmux.wait_for("Quotes · all actors");
    tmux.keys(&["P"]);
    tmux.wait_for("Positions by principal");
    // The count comes from the background: wait for it, not for the frame around it.
    let matrix = tmux.wait_for("Tomas Mira on sanctions: 1 supports");
    // Most statements first: Tomas Mira; the spokesperson counts for Valoria.
    assert!(
        matrix.contains("Tomas Mira on sanctions: 1 supports (+), 1 opposes (-), 1 neutral (~)"),
        "{matrix}"
    );
    assert!(matrix.contains("Valoria government"), "{matrix}");
    assert!(!matrix.contains("Ida Kovac"), "{matrix}");
    tmux.keys(&["Enter"]);
    let quotes = tmux.wait_for("holder:mira topic:=sanctions");
    assert!(quotes.contains("3/7"), "{quotes}");
    tmux.wait_for("Sanctions will hurt us.");
    tmux.keys(&["Escape"]);
    let back = tmux.wait_for("Tomas Mira on sanctions: 1 supports");
    assert!(back.contains("Positions by principal"), "{back}");
    tmux.keys(&["b"]);
    tmux.wait_for("Ida Kovac");
    tmux.keys(&["S"]);
    tmux.wait_for("Valoria government on sanctions: supports → opposes");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Statement a2s1");
    tmux.keys(&["Escape"]);
    tmux.wait_for("1 of 3 shifts, newest first");
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");
}
