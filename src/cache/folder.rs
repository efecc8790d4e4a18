//! The cache folder as `demarche cache` sees it: listing demarche's snapshots with what they were written for, and deleting them.

use super::snapshot;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One snapshot in the cache folder, as `demarche cache info` lists it.
#[derive(Clone, Debug)]
pub struct SnapshotInfo {
    pub file: PathBuf,
    pub bytes: u64,
    pub modified: Option<SystemTime>,
    /// The demarche version and input paths (canonical) it was written for; `None`
    /// when its header cannot be read.
    pub written_for: Option<(String, Vec<PathBuf>)>,
}

fn is_snapshot(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == snapshot::EXT)
}

/// Every snapshot in `dir`, by file name; none when the folder does not exist.
pub fn list(dir: &Path) -> std::io::Result<Vec<SnapshotInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let file = entry?.path();
        let hidden = file
            .file_name()
            .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        if hidden || !meta.is_file() || !is_snapshot(&file) {
            continue;
        }
        let written_for = std::fs::File::open(&file)
            .ok()
            .and_then(|mut f| snapshot::read_header(&mut f).ok())
            .map(|h| {
                let paths = h.key.inputs.iter();
                let paths = paths.map(|(_, c)| PathBuf::from(String::from_utf8_lossy(c).as_ref()));
                (h.key.version, paths.collect())
            });
        out.push(SnapshotInfo {
            file,
            bytes: meta.len(),
            modified: meta.modified().ok(),
            written_for,
        });
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// Deletes demarche's snapshots in `dir` (and any left-over temporary ones), nothing
/// else; returns how many files and bytes were removed.
pub fn clear(dir: &Path) -> std::io::Result<(usize, u64)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
        Err(e) => return Err(e),
    };
    let (mut files, mut bytes) = (0, 0);
    for entry in entries {
        let file = entry?.path();
        let Ok(meta) = std::fs::symlink_metadata(&file) else {
            continue;
        };
        if meta.is_file() && is_snapshot(&file) {
            std::fs::remove_file(&file)?;
            files += 1;
            bytes += meta.len();
        }
    }
    Ok((files, bytes))
}
