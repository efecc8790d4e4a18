//! Hidden files and folders of our own naming that an export or conversion writes through, and the sweep of those a killed run left behind.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// The prefix of the temporary file an export is written to before it is renamed.
pub const EXPORT_PREFIX: &str = ".demarche-export-";
/// The prefix of the folder a conversion is staged in before it is moved into place.
pub const CONVERT_PREFIX: &str = ".demarche-convert-";

/// Untouched this long, a temporary of ours belongs to a run that was killed: a live
/// export writes to its file continuously, and a conversion stages in seconds.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Removes from `dir` the temporaries of ours left by runs that died (SIGKILL, power
/// loss) before renaming them. Best effort: what cannot be removed is left.
pub fn sweep_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(EXPORT_PREFIX) || name.starts_with(CONVERT_PREFIX)) {
            continue;
        }
        // Not followed: a link of that name is removed as a link, never its target.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok());
        if age.is_none_or(|a| a < STALE_AFTER) {
            continue;
        }
        let path = entry.path();
        let _ = if meta.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}

/// A new hidden folder in `parent` to stage a conversion in (removed when dropped),
/// created with the permissions any folder the user makes gets (the umask applies).
pub fn staging_dir(parent: &Path) -> std::io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(CONVERT_PREFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777));
    builder.tempdir_in(parent)
}
