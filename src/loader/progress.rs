//! How far a load has got, shared with another thread as atomic counters (files and bytes read, then merging).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Counters a load updates as it goes; read them from any thread.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Input files found (known once the paths are listed).
    pub files: AtomicU64,
    /// Input files parsed.
    pub files_done: AtomicU64,
    /// Total size of the input files in bytes.
    pub bytes: AtomicU64,
    /// Bytes read so far.
    pub bytes_read: AtomicU64,
    /// Every file is parsed; the store is being built.
    pub merging: AtomicBool,
    /// A snapshot is read instead of the files: `bytes` are the snapshot's.
    pub from_cache: AtomicBool,
}

/// One consistent-enough reading of [`LoadProgress`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadSnapshot {
    pub files: u64,
    pub files_done: u64,
    pub bytes: u64,
    pub bytes_read: u64,
    pub merging: bool,
    pub from_cache: bool,
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

impl LoadSnapshot {
    /// What the load is doing, in one line: the browser's loading screen and the
    /// subcommands' status line on a terminal both show it.
    pub fn summary(&self) -> String {
        if self.from_cache {
            if self.merging {
                format!(
                    "Building the index from the snapshot… {} read",
                    megabytes(self.bytes_read)
                )
            } else {
                format!(
                    "Reading the snapshot… {} of {}",
                    megabytes(self.bytes_read),
                    megabytes(self.bytes)
                )
            }
        } else if self.merging {
            format!(
                "Building the index… {} file(s), {} read",
                self.files,
                megabytes(self.bytes_read)
            )
        } else {
            format!(
                "Loading… {} of {} file(s), {} of {}",
                self.files_done,
                self.files,
                megabytes(self.bytes_read),
                megabytes(self.bytes)
            )
        }
    }
}

impl LoadProgress {
    pub fn snapshot(&self) -> LoadSnapshot {
        LoadSnapshot {
            files: self.files.load(Ordering::Relaxed),
            files_done: self.files_done.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            bytes_read: self.bytes_read.load(Ordering::Relaxed),
            merging: self.merging.load(Ordering::Relaxed),
            from_cache: self.from_cache.load(Ordering::Relaxed),
        }
    }

    pub(crate) fn read(&self, bytes: usize) {
        self.bytes_read.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}
