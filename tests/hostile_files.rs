//! Files that are not files, and links that loop: the loader skips or refuses them, says so, and loads the rest.
#![cfg(unix)]

use demarche::diagnostic::Diagnostic;
use std::path::Path;
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/corpus/2025-02-nato-brussels.de.json"
);

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Loads `paths` on another thread and waits for it with a deadline, so that a loader
/// that blocks fails the test instead of hanging it.
fn load_within(paths: Vec<std::path::PathBuf>) -> demarche::Loaded {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(demarche::load_paths(&paths));
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(loaded) = rx.try_recv() {
            return loaded;
        }
        assert!(Instant::now() < deadline, "the loader did not return");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn pipes_and_devices_in_a_folder_are_skipped_with_a_word_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(CORPUS, dir.path().join("good.json")).expect("copy");
    mkfifo(&dir.path().join("x.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.json")).expect("link");
    std::os::unix::fs::symlink("/dev/urandom", dir.path().join("u.jsonl")).expect("link");
    let loaded = load_within(vec![dir.path().to_path_buf()]);
    assert_eq!(loaded.store.len(), 22, "the good file loads");
    let said = messages(&loaded.diagnostics);
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said.iter()
            .any(|m| m.contains("x.json") && m.contains("named pipe")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|m| m.contains("z.json") && m.contains("character device")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|m| m.contains("u.jsonl") && m.contains("character device")),
        "{said:#?}"
    );
}

#[test]
fn a_pipe_named_on_the_command_line_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("stream.json");
    mkfifo(&fifo);
    let loaded = load_within(vec![fifo, CORPUS.into()]);
    assert_eq!(loaded.store.len(), 22);
    let said = messages(&loaded.diagnostics);
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].contains("named pipe") && said[0].contains("not read"),
        "{said:#?}"
    );
}

#[test]
fn link_cycles_load_each_file_once_and_say_so_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(CORPUS, dir.path().join("good.json")).expect("copy");
    std::os::unix::fs::symlink(".", dir.path().join("a")).expect("link");
    std::os::unix::fs::symlink(".", dir.path().join("b")).expect("link");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("self")).expect("link");
    let loaded = load_within(vec![dir.path().to_path_buf()]);
    assert_eq!(loaded.store.len(), 22);
    let said = messages(&loaded.diagnostics);
    assert_eq!(said.len(), 1, "one diagnostic for every repeat: {said:#?}");
    assert!(
        said[0].contains("3 path(s) lead (through links)"),
        "{said:#?}"
    );
    assert!(!said[0].contains("already loaded:") || said[0].contains("loaded once"));
}

#[test]
fn the_same_file_named_twice_loads_once() {
    let loaded = load_within(vec![CORPUS.into(), CORPUS.into()]);
    assert_eq!(loaded.store.len(), 22);
    let said = messages(&loaded.diagnostics);
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(said[0].contains("loaded once"), "{said:#?}");
}
