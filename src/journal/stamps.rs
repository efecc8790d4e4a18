//! What the corpus files were like when they were loaded (size, modification and change time of every file the loader reads), so that an edit or the folding of the journal never writes over a change another program made since: the files an edit touches, and whether they are still as loaded.

use crate::cache::{FileState, file_stamps};
use crate::edit::Edit;
use crate::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every file a load read, as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    files: BTreeMap<PathBuf, Option<FileState>>,
}

impl Stamps {
    /// The files the loader reads for `paths`, as they are now: taken just before the
    /// load, so that a change made while it reads counts as a change. Empty (nothing
    /// is checked) when a folder cannot be listed.
    pub fn take<P: AsRef<Path>>(paths: &[P]) -> Stamps {
        let files = file_stamps(paths)
            .unwrap_or_default()
            .into_iter()
            .map(|s| (path_of(&s.path), s.state))
            .collect();
        Stamps { files }
    }

    /// The first of `files` that is not as it was when loaded (changed, removed, or
    /// created); files the load did not read are not checked.
    pub fn first_changed<'p>(&self, files: impl IntoIterator<Item = &'p Path>) -> Option<PathBuf> {
        files.into_iter().find_map(|path| {
            let then = self.files.get(path)?;
            (now(path) != *then).then(|| path.to_path_buf())
        })
    }

    /// The first file the load read that is not as it was.
    pub fn any_changed(&self) -> Option<PathBuf> {
        self.first_changed(self.files.keys().map(PathBuf::as_path))
    }
}

/// A path from the bytes the fingerprint keeps of it.
#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

fn now(path: &Path) -> Option<FileState> {
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| crate::cache::file_state(&m))
}

/// The file an article's `source` names: `dir/a.json`, or `dir/a.jsonl` of
/// `dir/a.jsonl:12` (a line of a JSON Lines file or of a Label Studio export).
pub fn source_file(source: &str) -> &Path {
    match source.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            Path::new(file)
        }
        _ => Path::new(source),
    }
}

/// The files `edits` (made on `store`) write to when folded in: the file of each
/// article a statement is put in or deleted from; for an actor's edits, the files of
/// the articles of the statements that name it. Cheap at a million statements: only
/// those files, never the whole corpus (the folding checks every file itself).
pub fn touched(store: &Store, edits: &[Edit]) -> BTreeSet<PathBuf> {
    let mut articles = BTreeSet::new();
    let actor = |key: &str, articles: &mut BTreeSet<_>| {
        if let Some(a) = store.actor_by_key(key) {
            let named = store.involving(a);
            for &id in named.iter().chain(store.addressed_to(a)) {
                articles.insert(store.article_of(id));
            }
        }
    };
    for edit in edits {
        match edit {
            Edit::Put { article, .. } | Edit::Delete { article, .. } => {
                articles.extend(store.article_by_key(article));
            }
            Edit::PutActor { actor: value } => {
                let key = value.get("id").and_then(|v| v.as_str()).unwrap_or("");
                actor(key, &mut articles);
            }
            Edit::DeleteActor { id } => actor(id, &mut articles),
            Edit::Merge { from, into } => {
                actor(from, &mut articles);
                actor(into, &mut articles);
            }
        }
    }
    articles
        .into_iter()
        .map(|a| source_file(store.article(a).source).to_path_buf())
        .collect()
}

/// The first article of `store` that is not in a file of our format (a brat text, a
/// Label Studio export): such a corpus is never written, its edits go to a copy.
/// Read from the articles' sources, without opening a file: ours are `.json` files
/// (one article or corpus document) or lines of `.jsonl` / `.ndjson` files; a line of
/// a `.json` file is a Label Studio task.
pub fn foreign(store: &Store) -> Option<String> {
    store.articles().find_map(|a| {
        let file = source_file(a.source);
        let whole = file.as_os_str().len() == a.source.len();
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let ours = match ext.as_deref() {
            Some("json") => whole,
            Some("jsonl" | "ndjson") => true,
            _ => false,
        };
        (!ours).then(|| a.source.to_string())
    })
}
