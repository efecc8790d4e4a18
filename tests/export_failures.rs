//! Exports that cannot be written fail clearly and leave existing files and the directory as
//! they were: a full disk and a read-only file system (small tmpfs mounts; skipped without root).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command as Shell;

/// A tmpfs of `size` mounted on a fresh directory, unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Shell::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            Some(SmallDisk { dir })
        } else {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) -> bool {
        Shell::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Shell::new("umount").arg(self.dir.path()).status();
    }
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

fn export_to(path: &Path, force: bool) -> assert_cmd::assert::Assert {
    let mut cmd = Command::cargo_bin("demarche").expect("binary");
    cmd.args(["export", "--format", "json", "-o"]).arg(path);
    if force {
        cmd.arg("--force");
    }
    cmd.assert()
}

#[test]
fn a_full_disk_fails_clearly_and_keeps_the_existing_file() {
    let Some(disk) = SmallDisk::mount("16k") else {
        return;
    };
    let target = disk.path().join("statements.json");
    std::fs::write(&target, "previous export\n").expect("seed file");
    export_to(&target, true).code(3).stderr(
        predicate::str::contains("No space left on device")
            .and(predicate::str::contains("statements.json")),
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("kept"),
        "previous export\n"
    );
    assert_eq!(
        entries(disk.path()),
        vec![target.clone()],
        "no temporary file left behind"
    );
    let fresh = disk.path().join("new.json");
    export_to(&fresh, false).code(3);
    assert!(!fresh.exists(), "no half-written file");
}

#[test]
fn a_read_only_file_system_fails_clearly_and_changes_nothing() {
    let Some(disk) = SmallDisk::mount("1m") else {
        return;
    };
    let target = disk.path().join("statements.json");
    std::fs::write(&target, "previous export\n").expect("seed file");
    if !disk.remount_read_only() {
        eprintln!("skipped: cannot remount read-only");
        return;
    }
    export_to(&target, true)
        .code(3)
        .stderr(predicate::str::contains("Read-only file system"));
    assert_eq!(
        std::fs::read_to_string(&target).expect("kept"),
        "previous export\n"
    );
    assert_eq!(entries(disk.path()), vec![target]);
}
