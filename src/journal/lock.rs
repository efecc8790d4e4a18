//! One editor per corpus: an exclusive lock on a file beside the journal, taken with the operating system's file lock (released when the process ends, however it ends), with the holder's process id written in it for the message a second editor gets.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{corpus} is being edited by another demarche{holder}; close it there, or open this one without editing"
    )]
    Held { corpus: String, holder: String },
    #[error("{path}: cannot lock for editing: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Lock {
    /// Takes the lock of the journal at `journal`, or says who holds it.
    pub fn take(journal: &Path) -> Result<Lock, LockError> {
        let path = journal.with_extension("lock");
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let pid = pid.trim();
                let holder = if pid.is_empty() {
                    String::new()
                } else {
                    format!(" (process {pid})")
                };
                let corpus = journal.parent().unwrap_or(journal).display().to_string();
                return Err(LockError::Held { corpus, holder });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(Lock { _file: file })
    }
}
