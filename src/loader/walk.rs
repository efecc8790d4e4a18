//! What the folder walk may enter and read: regular files and folders once each, never a pipe, device or socket, never round a link cycle.

use crate::diagnostic::Diagnostic;
use std::collections::HashSet;
use std::fs::Metadata;

/// The walk's memory of what it reached, so that links load each file and folder once.
#[derive(Debug, Default)]
pub struct Walk {
    /// Device and inode of every folder entered and file taken.
    seen: HashSet<(u64, u64)>,
    /// Paths skipped because they lead where the walk already was.
    repeats: Vec<String>,
}

/// What a path (its links followed) is, for the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Folder,
    File,
    /// A named pipe, device or socket: reading one could block forever or never end.
    Special(&'static str),
}

impl Kind {
    pub fn of(meta: &Metadata) -> Kind {
        let kind = meta.file_type();
        if kind.is_dir() {
            return Kind::Folder;
        }
        if kind.is_file() {
            return Kind::File;
        }
        Kind::Special(special_name(&kind))
    }
}

#[cfg(unix)]
fn special_name(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_name(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

#[cfg(unix)]
fn identity(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Metadata) -> Option<(u64, u64)> {
    None
}

impl Walk {
    /// Whether the walk should enter or take `name` (described by `meta`) for the first
    /// time; a second arrival (through a link) is remembered for [`Walk::finish`].
    pub fn first_visit(&mut self, name: &str, meta: &Metadata) -> bool {
        match identity(meta) {
            Some(id) if !self.seen.insert(id) => {
                self.repeats.push(name.to_string());
                false
            }
            _ => true,
        }
    }

    /// The one diagnostic saying which paths were skipped as repeats, if any.
    pub fn finish(self, diagnostics: &mut Vec<Diagnostic>) {
        let Some(first) = self.repeats.first() else {
            return;
        };
        let shown: Vec<&str> = self.repeats.iter().take(5).map(String::as_str).collect();
        let more = self.repeats.len().saturating_sub(shown.len());
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        diagnostics.push(
            Diagnostic::at(
                first,
                None,
                None,
                format!(
                    "{} path(s) lead (through links) to a folder or file already loaded: {}{tail}; each is loaded once",
                    self.repeats.len(),
                    shown.join(", ")
                ),
            )
            .warning(),
        );
    }
}

/// Why a special file is not read: what it is, and what to do instead.
pub fn special_message(what: &str, explicit: bool) -> String {
    if explicit {
        format!(
            "is {what}, not a file: demarche reads annotation files and folders (save the stream to a file first); not read"
        )
    } else {
        format!("is {what}, not a file; skipped")
    }
}
