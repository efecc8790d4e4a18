//! End to end: the real binary in tmux, driven as a user would: find an actor by a misspelt
//! name, mark two statements, export them as JSON, quit; then check the file, exit code and terminal.

mod tmux;

use std::process::Command;
use std::time::Duration;
use tmux::*;

#[test]
fn search_mark_export_quit_in_tmux() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let (tmux, rc) = start(dir.path(), "export", "");
    tmux.wait_for("Quotes · all actors");

    // A misspelt name finds Peskov.
    tmux.keys(&["/"]);
    tmux.wait_for("Find actor");
    tmux.literal("pskow");
    tmux.wait_for("Dmitri Peskow  (alias: Peskow)");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Quotes · Dmitri Peskow");

    // Mark two statements (Space marks and moves on).
    tmux.keys(&["Space"]);
    tmux.wait_for("1 marked");
    tmux.keys(&["Space"]);
    tmux.wait_for("2 marked");

    // Export them as JSON under the default name in the current directory.
    tmux.keys(&["e"]);
    tmux.wait_for("Exports the 2 marked statement(s).");
    tmux.keys(&["Enter"]);
    tmux.wait_for("(2 statement(s), marked, JSON)");

    tmux.keys(&["q"]);
    let code = wait_for_file(&rc);
    assert_eq!(code.trim(), "0", "exit code");
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");

    // The file loads back to exactly the two statements marked.
    let files = exported_files(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let exported = demarche::load_paths(&files);
    assert!(
        exported.diagnostics.is_empty(),
        "{:?}",
        exported.diagnostics
    );
    let bundled = demarche::bundled::load();
    let peskov = bundled.store.actor_by_key("peskov").expect("peskov");
    let expected: Vec<(&str, &str)> = bundled
        .store
        .involving(peskov)
        .into_iter()
        .take(2)
        .map(|id| (bundled.store.key(id), bundled.store.text(id)))
        .collect();
    let got: Vec<(&str, &str)> = exported
        .store
        .all_ids()
        .map(|id| (exported.store.key(id), exported.store.text(id)))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn broken_files_are_listed_and_the_rest_opens() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let (name, text) = demarche::bundled::FILES[0];
    std::fs::write(data.join(name), text).expect("write corpus");
    std::fs::write(data.join("broken.json"), "{ \"format\": \"demarche\",").expect("write");
    let (tmux, rc) = start(dir.path(), "diagnostics", "data");
    let screen = tmux.wait_for("load problem");
    assert!(screen.contains("22/22 shown"), "{screen}");
    tmux.keys(&["!"]);
    tmux.wait_for("broken.json");
    tmux.keys(&["Escape"]);
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0");
}

/// Over 100,000 statements the filter bar's filter runs on a worker thread: typed in
/// the real binary, its result reaches the screen and matches `list` on the same corpus.
#[test]
fn a_filter_over_a_large_corpus_runs_beside_the_typing_and_shows_its_result() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join("cache");
    let bin = env!("CARGO_BIN_EXE_demarche");
    let generated = Command::new(bin)
        .args(["generate", "--statements", "101000", "--seed", "3", "-o"])
        .arg(&corpus)
        .output()
        .expect("run generate");
    assert!(generated.status.success(), "{generated:?}");
    let filter = "mode:direct grenze";
    // `list` also leaves the snapshot the browser then opens quickly.
    let listed = Command::new(bin)
        .env("DEMARCHE_CACHE_DIR", &cache)
        .args(["list", "--filter", filter, "--format", "jsonl"])
        .arg(&corpus)
        .output()
        .expect("run list");
    assert!(listed.status.success(), "{listed:?}");
    let expected = listed.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(expected > 100, "{expected} statements match");

    let env = format!("DEMARCHE_CACHE_DIR='{}'", cache.display());
    let (tmux, rc) = start_with(dir.path(), "background", &env, "corpus");
    tmux.wait_within("press f", Duration::from_secs(120));
    tmux.keys(&["f"]);
    tmux.literal(filter);
    let screen = tmux.wait_within(&format!(" {expected}/101000 "), Duration::from_secs(120));
    assert!(screen.contains(&format!("Filter › {filter}")), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("Filter: {filter}"));
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0");
}

/// Opens the browser, ends it with `end`, and checks the exit code and that the
/// terminal is back: alternate screen left, the shell's output visible.
fn ends_restored(name: &str, end: impl FnOnce(&Tmux), expected_code: &str) {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let (tmux, rc) = start(dir.path(), name, "");
    tmux.wait_for("Quotes · all actors");
    end(&tmux);
    assert_eq!(wait_for_file(&rc).trim(), expected_code, "exit code");
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");
    let screen = tmux.screen();
    assert!(
        !screen.contains("Quotes · all actors"),
        "the browser is gone:\n{screen}"
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    ends_restored("ctrl-c", |tmux| tmux.keys(&["C-c"]), "0");
}

#[test]
fn sigterm_restores_the_terminal() {
    ends_restored(
        "sigterm",
        |tmux| {
            let pid = demarche_pid(tmux);
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .expect("kill");
        },
        "143",
    );
}

#[test]
fn sighup_restores_the_terminal() {
    ends_restored(
        "sighup",
        |tmux| {
            let pid = demarche_pid(tmux);
            Command::new("kill")
                .args(["-HUP", &pid])
                .status()
                .expect("kill");
        },
        "129",
    );
}

#[test]
fn hostile_text_cannot_retitle_recolour_or_clear_the_terminal() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/escapes.json"
    );
    // NO_COLOR: the browser itself emits no colour, so any colour on screen would be the data's.
    let (tmux, rc) = start_with(dir.path(), "hostile", "NO_COLOR=1", &format!("'{hostile}'"));
    tmux.wait_for("Mallory");
    tmux.keys(&["Enter"]);
    // The text stays, its escape bytes do not (waited for: a frame may be mid-draw).
    tmux.wait_for("Intro. =HYPERLINK");
    tmux.wait_for("Title  [2J cleared");
    let title = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert_ne!(
        title.trim(),
        "pwned",
        "an OSC sequence in the data retitled the terminal"
    );
    let styled = tmux.run(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    assert!(
        !styled.contains("\u{1b}[31m"),
        "the data's red reached the terminal:\n{styled}"
    );
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0");
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    // A test-only program built beside the binary by `cargo test`: it takes the terminal
    // through the browser's own `with_terminal`, then panics.
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_demarche"));
    let program = bin.with_file_name("examples").join("panic_in_browser");
    assert!(
        program.is_file(),
        "{} is missing: `cargo test` builds it (or `cargo build --example panic_in_browser`)",
        program.display()
    );
    let (tmux, rc) = start_program(dir.path(), "panic", &program, "");
    assert_eq!(wait_for_file(&rc).trim(), "101", "a panic exits with 101");
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "the pane left the alternate screen");
    let screen = tmux.wait_for("deliberate panic inside the browser");
    assert!(
        screen.contains("panicked at"),
        "the message is readable on the normal screen:\n{screen}"
    );
}

/// Stops the browser with `suspend`, checks the terminal is given back while it is
/// stopped, continues it, and checks it takes the terminal again and redraws.
fn suspends_and_resumes(tmux: &Tmux, pid: &str, suspend: impl Fn()) {
    let alternate = || tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    suspend();
    eventually("the browser stops", || process_state(pid) == 'T');
    eventually("the terminal is given back", || alternate().trim() == "0");
    Command::new("kill")
        .args(["-CONT", pid])
        .status()
        .expect("kill");
    eventually("the browser takes the terminal again", || {
        alternate().trim() == "1"
    });
    tmux.wait_for("Quotes · all actors");
    // Input is raw again: a key acts at once, no Enter needed.
    tmux.keys(&["?"]);
    tmux.wait_for("Help · j/k scroll");
    tmux.keys(&["Escape"]);
}

#[test]
fn sigtstp_and_ctrl_z_suspend_and_fg_resumes_with_the_screen_redrawn() {
    require_tmux();
    let dir = tempfile::tempdir().expect("temp dir");
    let (tmux, rc) = start(dir.path(), "suspend", "");
    tmux.wait_for("Quotes · all actors");
    let pid = demarche_pid(&tmux);
    suspends_and_resumes(&tmux, &pid, || {
        Command::new("kill")
            .args(["-TSTP", &pid])
            .status()
            .expect("kill");
    });
    suspends_and_resumes(&tmux, &pid, || tmux.keys(&["C-z"]));
    tmux.keys(&["q"]);
    assert_eq!(wait_for_file(&rc).trim(), "0", "exit code");
}
