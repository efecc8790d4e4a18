//! The edit journal beside a corpus: one line per confirmed edit (a group of [`Edit`]s with the coder and time), appended and synced before the edit is said to be saved, replayed by every load, folded into the files by `compact`; and the lock that keeps a second browser from editing the same corpus.

mod compact;
mod lock;
mod stamps;
#[cfg(test)]
pub(crate) mod tests;

pub use compact::{CompactError, Compacted, Plan, compact, compact_loaded};

pub use lock::{Lock, LockError};
pub use stamps::{Stamps, foreign, source_file, touched};

use crate::diagnostic::Diagnostic;
use crate::edit::Edit;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// One confirmed action: its edits, who made them and when (RFC 3339, UTC).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub at: String,
    pub coder: String,
    pub edits: Vec<Edit>,
}

impl Entry {
    /// `edits` by `coder`, now.
    pub fn now(coder: &str, edits: Vec<Edit>) -> Entry {
        Entry {
            at: now(),
            coder: coder.to_string(),
            edits,
        }
    }
}

/// The time now, as an edit records it.
pub fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Who edits: `--coder`, else `DEMARCHE_CODER`, else the user's login name.
pub fn coder(flag: Option<&str>) -> String {
    flag.map(str::to_string)
        .or_else(|| std::env::var("DEMARCHE_CODER").ok())
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// Where the journal of the corpus at `corpus` (a folder or a file) is: inside the
/// folder, or beside the file; a name the loader never reads.
pub fn path_for(corpus: &Path) -> PathBuf {
    if corpus.is_dir() {
        return corpus.join(".demarche-journal");
    }
    let name = corpus
        .file_name()
        .map_or_else(|| "corpus".into(), |n| n.to_string_lossy().into_owned());
    corpus.with_file_name(format!(".{name}.demarche-journal"))
}

/// A journal as read: its entries with their line numbers, and what was wrong in it.
pub type Journaled = (Vec<(usize, Entry)>, Vec<Diagnostic>);

/// The entries of the journal at `path` (none when there is no journal), with what
/// was wrong: a line that does not parse is skipped and said, with its line and column;
/// an unfinished last line (the program stopped while writing it, so it was never
/// confirmed) is left out quietly.
pub fn read(path: &Path) -> io::Result<Journaled> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(e),
    };
    let name = path.display().to_string();
    let complete = text.rfind('\n').map_or("", |k| &text[..=k]);
    let mut entries = Vec::new();
    let mut said = Vec::new();
    for (i, line) in complete.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Entry>(line) {
            Ok(e) => entries.push((i + 1, e)),
            Err(e) => said.push(Diagnostic::at(
                &name,
                Some(i + 1),
                Some(e.column()),
                // The line and column are the diagnostic's; serde's own are of the line.
                format!(
                    "edit skipped: {}",
                    e.to_string().split(" at line ").next().unwrap_or("")
                ),
            )),
        }
    }
    Ok((entries, said))
}

/// A journal open for appending, its corpus locked.
pub struct Journal {
    path: PathBuf,
    file: File,
    _lock: Lock,
}

/// Why a journal cannot be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl Journal {
    /// Opens (creating it if need be) the journal of `corpus`, after taking its lock. An
    /// unfinished last line left by a killed process is cut off, so the next entry
    /// starts on a line of its own.
    pub fn open(corpus: &Path) -> Result<Journal, JournalError> {
        let path = path_for(corpus);
        let lock = Lock::take(&path)?;
        let io = |source| JournalError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io)?;
        let mut text = Vec::new();
        file.read_to_end(&mut text).map_err(io)?;
        let complete = text.iter().rposition(|&b| b == b'\n').map_or(0, |k| k + 1);
        if complete < text.len() {
            file.set_len(complete as u64).map_err(io)?;
            file.sync_data().map_err(io)?;
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        sync_dir(&path);
        Ok(Journal {
            path,
            file,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `entry` as one line and syncs it to the disk: when this returns `Ok`,
    /// the edit survives the process being killed and the machine losing power. When
    /// it fails (a full disk), what was written of the line is cut off again, so that
    /// the same entry can be appended later without a broken or doubled line.
    pub fn append(&mut self, entry: &Entry) -> Result<(), JournalError> {
        let io = |source| JournalError::Io {
            path: self.path.clone(),
            source,
        };
        let mut line = serde_json::to_vec(entry).map_err(|e| io(io::Error::other(e)))?;
        line.push(b'\n');
        let start = self.file.metadata().map_err(io)?.len();
        let written = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            let _ = self.file.set_len(start);
            return Err(io(e));
        }
        Ok(())
    }
}

/// Syncs the directory holding `path`, so that a new file's name is on disk too.
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// Loads `paths` as every command does, then replays the journal of the corpus when one
/// path is given and has one. Such a corpus is not cached: its snapshot would hold the
/// edits, and they would be replayed again.
pub fn load<P: AsRef<Path>>(
    paths: &[P],
    limits: &crate::loader::Limits,
    progress: &crate::loader::LoadProgress,
    cache: &crate::cache::CacheOptions,
) -> (crate::loader::Loaded, Option<crate::cache::PendingSave>) {
    let journal = match paths {
        [one] => Some(path_for(one.as_ref())).filter(|j| j.exists()),
        _ => None,
    };
    let Some(journal) = journal else {
        return crate::cache::load_paths_cached(paths, limits, progress, cache);
    };
    let mut loaded = crate::loader::load_paths_counting(paths, limits, progress);
    replay(&mut loaded, &journal);
    (loaded, None)
}

/// Applies the journal at `journal` to what was loaded; an edit that no longer applies
/// (its statement gone from a file changed since) is skipped and said.
pub fn replay(loaded: &mut crate::loader::Loaded, journal: &Path) {
    let name = journal.display().to_string();
    let (entries, said) = match read(journal) {
        Ok(read) => read,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic::at(
                &name,
                None,
                None,
                format!(
                    "cannot read the edit journal ({e}): its edits are not shown; the file is kept"
                ),
            ));
            return;
        }
    };
    loaded.diagnostics.extend(said);
    let mut lines = Vec::new();
    let mut edits = Vec::new();
    for (line, entry) in entries {
        lines.extend(std::iter::repeat_n(line, entry.edits.len()));
        edits.extend(entry.edits);
    }
    if edits.is_empty() {
        return;
    }
    let (store, failed) = crate::edit::apply_each(&loaded.store, &edits);
    loaded.store = store;
    for (i, e) in failed {
        loaded.diagnostics.push(
            Diagnostic::at(&name, Some(lines[i]), None, format!("edit skipped: {e}")).warning(),
        );
    }
}
