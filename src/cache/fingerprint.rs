//! The fingerprint of a load's inputs: size, modification and change time of every file the loader may read.

use crate::loader::folder::{ACTORS_FILE, METADATA_FILES};
use crate::loader::mapping::MAPPING_FILE;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

/// Where brat texts may sit beside their annotation folder (as the loader looks for them).
const TEXT_DIRS: &[&str] = &["text", "texts", "txt"];

/// Folders nested deeper than this are not fingerprinted (a symlink loop): no snapshot.
const MAX_DEPTH: usize = 64;

/// What a file looked like when fingerprinted; `None` in [`Stamp::state`] when absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub len: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Status change time in nanoseconds (Unix; 0 elsewhere): it moves on every write,
    /// even one that puts the modification time back (`cp -p`, `touch -d`).
    pub changed: i128,
}

/// One path the loader reads or looks for, as spelled from the given paths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: Vec<u8>,
    pub state: Option<FileState>,
}

/// Every file under the given paths, walked as the loader walks them (recursively,
/// hidden entries skipped), plus the side files it looks for around each folder
/// (mapping, metadata and actor tables up to the grandparent, sibling brat text
/// folders), sorted by path. `None` when a folder cannot be listed or nests too deep:
/// such a load is not cached.
pub fn fingerprint<P: AsRef<Path>>(paths: &[P]) -> Option<Vec<Stamp>> {
    let mut stamps = BTreeMap::new();
    for path in paths {
        walk(path.as_ref(), true, 0, &mut stamps)?;
    }
    Some(
        stamps
            .into_iter()
            .map(|(path, state)| Stamp { path, state })
            .collect(),
    )
}

/// The total size of the files present in `stamps`.
pub fn total_bytes(stamps: &[Stamp]) -> u64 {
    stamps.iter().filter_map(|s| s.state).map(|s| s.len).sum()
}

type Stamps = BTreeMap<Vec<u8>, Option<FileState>>;

fn key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

fn walk(path: &Path, explicit: bool, depth: usize, stamps: &mut Stamps) -> Option<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        stamps.insert(key(path), None);
        return Some(());
    };
    if !meta.is_dir() {
        if meta.is_file() {
            stamps.insert(key(path), Some(state(&meta)));
        }
        if explicit {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            side_files(dir, stamps)?;
        }
        return Some(());
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    side_files(path, stamps)?;
    for entry in visible_entries(path)? {
        walk(&entry, false, depth + 1, stamps)?;
    }
    Some(())
}

/// The entries of `dir` whose names do not start with a dot, sorted.
fn visible_entries(dir: &Path) -> Option<Vec<std::path::PathBuf>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
        })
        .collect();
    entries.sort();
    Some(entries)
}

/// The files the loader may read for the documents in `dir` beyond `dir` itself,
/// present or not (a metadata table that appears later must change the fingerprint).
fn side_files(dir: &Path, stamps: &mut Stamps) -> Option<()> {
    for ancestor in dir.ancestors().take(3) {
        let names = METADATA_FILES.iter().chain([&ACTORS_FILE, &MAPPING_FILE]);
        for name in names {
            let path = ancestor.join(name);
            let state = std::fs::metadata(&path)
                .ok()
                .filter(Metadata::is_file)
                .map(|m| state(&m));
            stamps.insert(key(&path), state);
        }
    }
    let Some(parent) = dir.parent() else {
        return Some(());
    };
    for name in TEXT_DIRS {
        let texts = parent.join(name);
        if !texts.is_dir() {
            stamps.entry(key(&texts)).or_insert(None);
            continue;
        }
        for entry in visible_entries(&texts)? {
            if let Ok(meta) = std::fs::metadata(&entry)
                && meta.is_file()
            {
                stamps.insert(key(&entry), Some(state(&meta)));
            }
        }
    }
    Some(())
}

fn nanos(time: std::io::Result<SystemTime>) -> i128 {
    match time.map(|t| t.duration_since(SystemTime::UNIX_EPOCH)) {
        Ok(Ok(after)) => after.as_nanos() as i128,
        Ok(Err(before)) => -(before.duration().as_nanos() as i128),
        Err(_) => 0,
    }
}

/// The size and times of a file.
pub fn state(meta: &Metadata) -> FileState {
    FileState {
        len: meta.len(),
        modified: nanos(meta.modified()),
        changed: changed(meta),
    }
}

#[cfg(unix)]
fn changed(meta: &Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
}

#[cfg(not(unix))]
fn changed(_: &Metadata) -> i128 {
    0
}
