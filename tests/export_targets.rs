//! Where `export -o` writes: `-` is standard output; a device or pipe is written through
//! with its errors reported and never replaced; a directory, socket or dangling link is
//! refused; a link to a file is followed and stays a link.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn export(output: &Path, force: bool) -> assert_cmd::assert::Assert {
    let mut cmd = Command::cargo_bin("demarche").expect("binary");
    cmd.args(["export", "--format", "csv", "-o"]).arg(output);
    if force {
        cmd.arg("--force");
    }
    cmd.timeout(std::time::Duration::from_secs(60)).assert()
}

#[test]
fn dash_writes_the_export_to_standard_output() {
    let assert = export(Path::new("-"), false)
        .success()
        .stderr(predicate::str::contains("to standard output"));
    let out = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(reader.records().count(), 22, "every bundled statement");
    assert!(!Path::new("-").exists(), "no file named `-`");
}

#[cfg(unix)]
#[test]
fn a_character_device_is_written_through_and_its_errors_reported() {
    use std::os::unix::fs::FileTypeExt;
    export(Path::new("/dev/null"), false).success();
    export(Path::new("/dev/full"), true)
        .code(3)
        .stderr(predicate::str::contains("No space left on device"));
    let kind = std::fs::metadata("/dev/full")
        .expect("/dev/full")
        .file_type();
    assert!(kind.is_char_device(), "/dev/full is still a device");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    export(&fifo, true).success();
    let text = reader.join().expect("reader");
    assert_eq!(
        text.lines().next().map(|l| l.starts_with("statement,")),
        Some(true)
    );
    let kind = std::fs::symlink_metadata(&fifo).expect("fifo").file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn a_directory_is_refused_even_with_force() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("reports");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("keep.txt"), "keep").expect("file");
    export(&target, true)
        .code(3)
        .stderr(predicate::str::contains("is a directory"));
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt"))
            .ok()
            .as_deref(),
        Some("keep")
    );
}

#[cfg(unix)]
#[test]
fn a_socket_is_refused_even_with_force() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("dir");
    let socket = dir.path().join("s.csv");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    export(&socket, true)
        .code(3)
        .stderr(predicate::str::contains("is a socket"));
    let kind = std::fs::symlink_metadata(&socket)
        .expect("socket")
        .file_type();
    assert!(kind.is_socket());
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old").expect("file");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    export(&link, false)
        .code(3)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&real).expect("real"), "old");
    export(&link, true).success();
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .expect("real")
            .starts_with("statement,")
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let link = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("gone.csv"), &link).expect("link");
    export(&link, true)
        .code(3)
        .stderr(predicate::str::contains("does not exist"));
    assert!(!dir.path().join("gone.csv").exists());
}
