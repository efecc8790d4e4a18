//! End to end: keys reach the browser as typed, however they arrive (a long paste, a key
//! right after it), in the real binary under tmux.

mod tmux;

use tmux::*;

#[test]
fn escape_after_a_long_burst_of_typing_is_not_lost() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let (tmux, rc) = start(dir.path(), "burst", "");
    tmux.wait_for("Quotes · all actors");
    tmux.keys(&["f"]);
    tmux.wait_for("Filter ›");
    // 4,500 bytes at once, as a paste arrives: more than one read of the terminal holds.
    tmux.literal(&"ab ".repeat(1500));
    tmux.keys(&["Escape"]);
    // Esc closes the filter bar without applying it: the quotes pane is unfiltered again.
    tmux.wait_within(
        "Filter: (none; press f)",
        std::time::Duration::from_secs(120),
    );
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
}

#[test]
fn y_puts_the_citation_on_the_clipboard_through_the_terminal() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let (tmux, rc) = start(dir.path(), "clipboard", "");
    // tmux takes an application's OSC 52 into its paste buffer when set-clipboard is on.
    tmux.run(&["set", "-s", "set-clipboard", "on"]);
    tmux.wait_for("Quotes · all actors");
    tmux.keys(&["y"]);
    tmux.wait_for("with its citation (sent to the terminal's clipboard");
    eventually("the citation in tmux's buffer", || {
        let buffer = tmux.run(&["show-buffer"]);
        buffer.starts_with('“') && buffer.contains("— ") && buffer.contains("(no URL)")
    });
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
}
