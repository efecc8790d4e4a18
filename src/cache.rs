//! The snapshot cache: a large corpus, once parsed, is stored as a binary snapshot of the loaded store and read back instead of parsed while its files stay the same.
//!
//! Snapshots live in `$DEMARCHE_CACHE_DIR`, else `$XDG_CACHE_HOME/demarche`, else
//! `$HOME/.cache/demarche`, one per list of input paths, never in the corpus folder.
//! Only inputs of at least [`CacheOptions::min_bytes`] are cached. A snapshot is used
//! only when the program, the loader limits, the paths and every input file's size,
//! modification and change times are those it was written for; anything else, or any
//! damage, is a miss that parses the files as usual.

mod fingerprint;
mod folder;
mod snapshot;
#[cfg(test)]
mod tests;
mod validate;

pub use folder::{SnapshotInfo, clear, list};
pub use snapshot::SnapshotError;

/// A file's size and times, and those of every file a load reads: what the browser
/// checks before writing (see `journal::Stamps`).
pub use fingerprint::{FileState, fingerprint as file_stamps, state as file_state};

use crate::loader::{self, Limits, LoadProgress, Loaded};
use snapshot::Key;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

/// Set (to anything but `0` or nothing), reading and writing snapshots is off.
pub const NO_CACHE_VAR: &str = "DEMARCHE_NO_CACHE";
/// The folder for snapshots, instead of the XDG cache folder.
pub const DIR_VAR: &str = "DEMARCHE_CACHE_DIR";
/// The smallest total input size, in bytes, worth a snapshot.
pub const MIN_BYTES_VAR: &str = "DEMARCHE_CACHE_MIN_BYTES";

/// Whether and where loads are cached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheOptions {
    pub enabled: bool,
    /// The snapshot folder; no caching without one.
    pub dir: Option<PathBuf>,
    /// Inputs smaller than this in total are parsed, never cached.
    pub min_bytes: u64,
}

impl CacheOptions {
    /// 64 MiB: below this, parsing takes well under a second.
    pub const DEFAULT_MIN_BYTES: u64 = 64 << 20;

    /// No reading, no writing.
    pub fn disabled() -> CacheOptions {
        CacheOptions {
            enabled: false,
            dir: None,
            min_bytes: Self::DEFAULT_MIN_BYTES,
        }
    }

    /// The options the environment sets (see the module documentation).
    pub fn from_env() -> CacheOptions {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        CacheOptions {
            enabled: var(NO_CACHE_VAR).is_none_or(|v| v == "0"),
            dir: default_dir().map(|(dir, _)| dir),
            min_bytes: var(MIN_BYTES_VAR)
                .and_then(|v| v.to_str()?.trim().parse().ok())
                .unwrap_or(Self::DEFAULT_MIN_BYTES),
        }
    }
}

/// The snapshot folder the environment names, and the variable that named it.
pub fn default_dir() -> Option<(PathBuf, &'static str)> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var(DIR_VAR) {
        return Some((PathBuf::from(dir), DIR_VAR));
    }
    if let Some(xdg) = var("XDG_CACHE_HOME").map(PathBuf::from)
        && xdg.is_absolute()
    {
        return Some((xdg.join("demarche"), "XDG_CACHE_HOME"));
    }
    var("HOME").map(|home| (PathBuf::from(home).join(".cache/demarche"), "HOME"))
}

/// Why a snapshot was not written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("cannot write snapshot {}: {source}", file.display())]
    Write {
        file: PathBuf,
        source: SnapshotError,
    },
    #[error("the cache folder {} is inside an input folder", .0.display())]
    InsideInput(PathBuf),
}

/// A snapshot to write for a load that was parsed: [`PendingSave::write`] once the
/// load is no longer needed in a hurry (after the output, or in the background).
#[derive(Debug)]
pub struct PendingSave {
    paths: Vec<PathBuf>,
    canonical: Vec<PathBuf>,
    file: PathBuf,
    key: Key,
}

impl PendingSave {
    /// Writes the snapshot of `loaded`, unless an input changed since it was loaded
    /// (then nothing is written: the snapshot would not match its files). Returns the
    /// file written, if any.
    pub fn write(self, loaded: &Loaded) -> Result<Option<PathBuf>, CacheError> {
        let dir = self.file.parent().unwrap_or(Path::new("."));
        let inside =
            resolve(dir).filter(|dir| self.canonical.iter().any(|input| dir.starts_with(input)));
        if let Some(dir) = inside {
            return Err(CacheError::InsideInput(dir));
        }
        std::fs::create_dir_all(dir).map_err(|e| CacheError::Write {
            file: self.file.clone(),
            source: e.into(),
        })?;
        if fingerprint::fingerprint(&self.paths).as_ref() != Some(&self.key.files) {
            return Ok(None);
        }
        match snapshot::write(&self.file, self.key, loaded) {
            Ok(()) => Ok(Some(self.file)),
            Err(source) => Err(CacheError::Write {
                file: self.file,
                source,
            }),
        }
    }
}

/// `path` made absolute with symbolic links resolved as far as it exists (the cache
/// folder may not exist yet).
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    absolute.ancestors().find_map(|ancestor| {
        let real = ancestor.canonicalize().ok()?;
        Some(real.join(absolute.strip_prefix(ancestor).ok()?))
    })
}

/// Loads `paths` as [`loader::load_paths_counting`] does, from their snapshot when
/// there is a valid one; otherwise parses them and, when they are worth caching,
/// returns the snapshot to write.
pub fn load_paths_cached<P: AsRef<Path>>(
    paths: &[P],
    limits: &Limits,
    progress: &LoadProgress,
    options: &CacheOptions,
) -> (Loaded, Option<PendingSave>) {
    let Some(pending) = plan(paths, limits, options) else {
        return (loader::load_paths_counting(paths, limits, progress), None);
    };
    match snapshot::read(&pending.file, &pending.key, progress) {
        Ok(Some(loaded)) => return (loaded, None),
        Ok(None) => {}
        Err(SnapshotError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => {
            // Damaged or foreign: never read again; a new one replaces it below.
            let _ = std::fs::remove_file(&pending.file);
        }
    }
    progress.from_cache.store(false, Ordering::Relaxed);
    progress.merging.store(false, Ordering::Relaxed);
    progress.bytes_read.store(0, Ordering::Relaxed);
    let loaded = loader::load_paths_counting(paths, limits, progress);
    (loaded, Some(pending))
}

/// The snapshot file and key for `paths`, if they are to be cached.
fn plan<P: AsRef<Path>>(
    paths: &[P],
    limits: &Limits,
    options: &CacheOptions,
) -> Option<PendingSave> {
    let dir = options.dir.as_ref().filter(|_| options.enabled)?;
    if paths.is_empty() {
        return None;
    }
    let mut inputs = Vec::with_capacity(paths.len());
    let mut canonicals = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let canonical = path.canonicalize().ok()?;
        canonicals.push(canonical.clone());
        inputs.push((
            path.as_os_str().as_encoded_bytes().to_vec(),
            canonical.as_os_str().as_encoded_bytes().to_vec(),
        ));
    }
    let files = fingerprint::fingerprint(paths)?;
    if fingerprint::total_bytes(&files) < options.min_bytes {
        return None;
    }
    let name = format!("{:016x}.{}", name_hash(&inputs), snapshot::EXT);
    let key = Key {
        version: env!("CARGO_PKG_VERSION").to_string(),
        build: this_build(),
        limits: [
            limits.max_document,
            limits.max_line as u64,
            limits.block as u64,
            limits.max_listed as u64,
        ],
        inputs,
        files,
    };
    Some(PendingSave {
        paths: paths.iter().map(|p| p.as_ref().to_path_buf()).collect(),
        canonical: canonicals,
        file: dir.join(name),
        key,
    })
}

/// FNV-1a (64 bits) of the canonical paths: stable across builds and platforms, so one
/// corpus always names one file however its paths are spelled (`gen`, `./gen/`, an
/// absolute path). The key inside still holds the paths as given, so another spelling
/// reparses once and replaces the file rather than adding a second. The version is
/// left out on purpose: a new version replaces the old one's snapshot.
fn name_hash(inputs: &[(Vec<u8>, Vec<u8>)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (_, canonical) in inputs {
        let len = (canonical.len() as u64).to_le_bytes();
        for byte in len.iter().chain(canonical.iter()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The running executable's size and times: a rebuilt program never reads a
/// snapshot an older build wrote.
fn this_build() -> Option<FileState> {
    let exe = std::env::current_exe().ok()?;
    std::fs::metadata(exe).ok().map(|m| fingerprint::state(&m))
}

/// Deserialises a string from bytes validated by SIMD UTF-8 validation (several times
/// faster than the standard library's on non-ASCII text): for article texts, most of a
/// snapshot. Accepts a string too, for formats that hand one over.
#[doc(hidden)]
pub fn fast_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a UTF-8 string")
        }
        fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<String, E> {
            simdutf8::basic::from_utf8(bytes)
                .map(str::to_owned)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(bytes), &self))
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
            Ok(text.to_owned())
        }
    }
    deserializer.deserialize_bytes(Text)
}
