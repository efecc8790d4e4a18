//! Where an export's bytes go: a regular file replaced atomically, or a device or pipe written through; never a directory, socket or block device replaced.

use super::{ExportError, stale};
use std::fs::{self, FileType};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a path names, decided before anything is written.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Nothing there yet, or a regular file (at the end of any links): written to a
    /// temporary file beside it and renamed over it.
    File { path: PathBuf, exists: bool },
    /// A character device (`/dev/stdout`, a terminal, `/dev/null`) or a pipe: opened
    /// and written, never replaced.
    Stream(PathBuf),
}

/// Why a path is refused: what it is, in words.
fn refused_kind(kind: FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    None
}

fn is_stream(kind: FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_char_device() || kind.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

fn classify(path: &Path) -> Result<Target, ExportError> {
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let own = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Target::File {
                path: path.to_path_buf(),
                exists: false,
            });
        }
        Err(e) => return Err(io_error(e)),
    };
    // A link is followed: what it points to decides, and a file is replaced where it
    // is, so the link stays a link.
    let linked = own.file_type().is_symlink();
    let meta = if linked {
        match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ExportError::DanglingLink(path.to_path_buf()));
            }
            Err(e) => return Err(io_error(e)),
        }
    } else {
        own
    };
    let kind = meta.file_type();
    if let Some(what) = refused_kind(kind) {
        return Err(ExportError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    if is_stream(kind) {
        return Ok(Target::Stream(path.to_path_buf()));
    }
    let path = if linked {
        fs::canonicalize(path).map_err(io_error)?
    } else {
        path.to_path_buf()
    };
    Ok(Target::File { path, exists: true })
}

/// Writes whatever `body` writes to `path`. A regular file is written to a temporary
/// file in its directory, flushed, synced and renamed over it, and an existing one is
/// replaced only with `overwrite`; a device or pipe is written through.
pub fn write_atomically(
    path: &Path,
    overwrite: bool,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    match classify(path)? {
        Target::Stream(path) => write_through(&path, body),
        Target::File { exists: true, path } if !overwrite => Err(ExportError::Exists(path)),
        Target::File { path, exists } => replace(&path, exists, overwrite, body),
    }
}

fn write_through(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io_error)?;
    let mut buffered = io::BufWriter::new(file);
    body(&mut buffered).map_err(io_error)?;
    buffered.flush().map_err(io_error)
}

fn replace(
    path: &Path,
    exists: bool,
    overwrite: bool,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(ExportError::NoDirectory {
            path: path.to_path_buf(),
            dir,
        });
    }
    stale::sweep_stale(&dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(stale::EXPORT_PREFIX);
    // Readable as any file the user creates (the umask applies), not private to them as
    // a temporary file would be: it becomes the export itself.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(&dir).map_err(io_error)?;
    if exists {
        // A replaced file keeps its permissions: a report shared with a group stays so.
        if let Ok(meta) = fs::metadata(path) {
            let _ = temp.as_file().set_permissions(meta.permissions());
        }
    }
    {
        let mut buffered = io::BufWriter::new(temp.as_file_mut());
        body(&mut buffered).map_err(io_error)?;
        buffered.flush().map_err(io_error)?;
    }
    temp.as_file().sync_all().map_err(io_error)?;
    let persisted = if overwrite {
        // Checked again just before the rename: what appeared meanwhile is not replaced
        // unless it is a regular file.
        match fs::symlink_metadata(path) {
            Ok(meta) if !meta.file_type().is_file() => {
                return Err(ExportError::NotAFile {
                    path: path.to_path_buf(),
                    what: "no longer a regular file",
                });
            }
            _ => temp.persist(path).map(|_| ()),
        }
    } else {
        temp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            ExportError::Exists(path.to_path_buf())
        } else {
            io_error(e.error)
        }
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified_by_what_they_name() {
        let dir = tempfile::tempdir().expect("dir");
        let new = dir.path().join("new.csv");
        assert_eq!(
            classify(&new).expect("new"),
            Target::File {
                path: new.clone(),
                exists: false
            }
        );
        assert!(matches!(
            classify(dir.path()),
            Err(ExportError::NotAFile {
                what: "a directory",
                ..
            })
        ));
        assert_eq!(
            classify(Path::new("/dev/null")).expect("device"),
            Target::Stream("/dev/null".into())
        );
        let file = dir.path().join("real.csv");
        fs::write(&file, "x").expect("file");
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        assert_eq!(
            classify(&link).expect("link"),
            Target::File {
                path: fs::canonicalize(&file).expect("canonical"),
                exists: true
            }
        );
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).expect("link");
        assert!(matches!(
            classify(&dangling),
            Err(ExportError::DanglingLink(_))
        ));
    }
}
