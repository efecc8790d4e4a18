//! Shared helpers of the end-to-end tests: a tmux server of our own, the binary started
//! in a pane, and polling with deadlines.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when dropped.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Polls the screen until it shows `text`; panics with the screen after a timeout.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_within(text, Duration::from_secs(15))
    }

    /// [`Tmux::wait_for`] with a timeout of `limit`.
    pub fn wait_within(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {text:?}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

pub fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn exported_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("demarche-export-") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
}

/// The end-to-end tests need tmux (`.ci/run` installs it): without it they fail, never
/// pass by doing nothing.
pub fn require_tmux() {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "tmux is required for the end-to-end tests; install it (.ci/run does)"
    );
}

/// Starts the test binary in a 120x40 tmux pane inside `dir` with `args`; its exit
/// code lands in `dir/rc` and the pane stays open afterwards for inspection.
pub fn start(dir: &Path, name: &str, args: &str) -> (Tmux, PathBuf) {
    start_with(dir, name, "", args)
}

/// [`start`] with environment assignments (`NAME=value ...`) before the binary.
pub fn start_with(dir: &Path, name: &str, env: &str, args: &str) -> (Tmux, PathBuf) {
    let bin = env!("CARGO_BIN_EXE_demarche");
    start_script(dir, name, &format!("{env} '{bin}' {args}"))
}

/// [`start`] for another program than the binary.
pub fn start_program(dir: &Path, name: &str, program: &Path, args: &str) -> (Tmux, PathBuf) {
    start_script(dir, name, &format!("'{}' {args}", program.display()))
}

/// Runs `command` in a 120x40 pane inside `dir`, its exit code landing in `dir/rc`.
fn start_script(dir: &Path, name: &str, command: &str) -> (Tmux, PathBuf) {
    let rc = dir.join("rc");
    let script = format!(
        "cd '{}' && {command}; echo $? > '{}'; exec sleep 600",
        dir.display(),
        rc.display()
    );
    let tmux = Tmux {
        socket: format!("demarche-e2e-{name}-{}", std::process::id()),
    };
    let size = ["-x", "120", "-y", "40"];
    let mut args = vec!["new-session", "-d", "-s", "e2e"];
    args.extend_from_slice(&size);
    args.extend_from_slice(&["sh", "-c", &script]);
    tmux.run(&args);
    (tmux, rc)
}

/// The pid of the demarche process running in the pane (a child of the pane's shell),
/// found through /proc so the test needs no extra tools.
pub fn demarche_pid(tmux: &Tmux) -> String {
    let shell = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let shell = shell.trim().to_string();
    let start = Instant::now();
    loop {
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...
            let Some((head, rest)) = stat.rsplit_once(") ") else {
                continue;
            };
            let ppid = rest.split_whitespace().nth(1).unwrap_or_default();
            if ppid == shell && head.ends_with("(demarche") {
                return entry.file_name().to_string_lossy().into_owned();
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no demarche process"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The state letter of process `pid` (`T` when stopped).
pub fn process_state(pid: &str) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next())
        .unwrap_or('?')
}

/// Polls until `check` holds; panics with `what` after a deadline.
pub fn eventually(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < Duration::from_secs(15), "never: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
